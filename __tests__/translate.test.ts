/** The transport's error boundary: basic-ftp's FTPError never reaches the layers above src/ftp/. */
import { FTPError } from 'basic-ftp'
import { ReplyError } from '../src/core/errors.js'
import { RemoteSession } from '../src/ftp/index.js'
import { translated, translatedError } from '../src/ftp/translate.js'

/** A session whose methods fail or succeed as the test says; the rest is never called. */
function session(remove: () => Promise<void>): RemoteSession {
  return {
    tlsVersion: 'TLSv1.3',
    usable: true,
    remove,
    close: () => undefined
  } as unknown as RemoteSession
}

describe('translated', () => {
  test('a refusal rejects as a ReplyError with the same code and text', async () => {
    const s = translated(session(() => Promise.reject(new FTPError({ code: 550, message: '550 No such file' }))))
    const err: unknown = await s.remove('/x').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ReplyError)
    expect(err).not.toBeInstanceOf(FTPError)
    expect(err).toMatchObject({ code: 550, message: '550 No such file' })
  })

  test('other failures pass through as they were', async () => {
    const lost = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })
    const s = translated(session(() => Promise.reject(lost)))
    await expect(s.remove('/x')).rejects.toBe(lost)
  })

  test('values, getters and successes are untouched', async () => {
    const s = translated(session(() => Promise.resolve()))
    expect(s.tlsVersion).toBe('TLSv1.3')
    expect(s.usable).toBe(true)
    await expect(s.remove('/x')).resolves.toBeUndefined()
    expect(s.close()).toBeUndefined()
  })

  test('translatedError: an error cause (a failed connect) is translated too', () => {
    const err = translatedError(new FTPError({ code: 421, message: '421 Too many connections (2)' }))
    expect(err).toBeInstanceOf(ReplyError)
    expect(translatedError('text')).toBe('text')
  })
})
