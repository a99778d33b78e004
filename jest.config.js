/** Jest runs the TypeScript sources as ES modules (see ../shared/FACTS.md). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testTimeout: 60000,
  // One worker: the server suites start many servers and connections; two at once on 2 cores
  // starved pure-ftpd logins past 30 s.
  maxWorkers: 1,
  reporters: ['default', '<rootDir>/__tests__/support/summary-reporter.cjs']
}
