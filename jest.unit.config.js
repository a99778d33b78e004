/**
 * The unit tests alone: no FTP server, no root, no bundle. CI runs them on Linux, Windows and
 * macOS (`npm run test:unit`); `npm test` runs them with everything else.
 */
import base from './jest.config.js'

export const UNIT_TESTS = [
  'uploads-ahead',
  'hash-ahead',
  'behind-transfer',
  'case-fold',
  'ssh-inputs',
  'cli-args',
  'cli-config',
  'cli-progress',
  'delete-limit',
  'help',
  'key-share',
  'mlst',
  'server-hash',
  'server-record',
  'local-files',
  'local-paths',
  'output-limit',
  'pipelining-batches',
  'plan',
  'pool-cancel',
  'pool-share',
  'pool-retry',
  'report',
  'settings',
  'sync-plan',
  'translate'
]

export default { ...base, testMatch: [`**/__tests__/{${UNIT_TESTS.join(',')}}.test.ts`] }
