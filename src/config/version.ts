/** The package version, kept equal to package.json's by a test (the CLI bundle has no package.json to read). */
export const VERSION = '0.1.0'
