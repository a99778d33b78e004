import { Client } from 'basic-ftp'
test('x', () => { expect(typeof Client).toBe('function') })
