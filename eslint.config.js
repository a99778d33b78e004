// Flat config: `eslint .` reaches every file (no shell globs to get wrong).
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import { importX } from 'eslint-plugin-import-x'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The layers of src/, bottom up. A folder may import its own files and the folders named
 * after it, never one above: data flows one way (README, "How the code is laid out").
 */
const LAYERS = {
  core: [],
  ftp: ['core'],
  sftp: ['core'],
  config: ['core'],
  local: ['core'],
  session: ['core'],
  remote: ['core', 'local', 'session', 'manifest'],
  manifest: ['core', 'session'],
  lock: ['core', 'session'],
  apply: ['core', 'local', 'session', 'remote', 'manifest'],
  report: ['core', 'config']
}
const FOLDERS = Object.keys(LAYERS)

/** One zone per folder: everything in src/ it may not import (the entry points at the root included). */
const layerZones = FOLDERS.map(folder => ({
  target: `./src/${folder}`,
  from: './src',
  except: [`./${folder}`, ...LAYERS[folder].map(below => `./${below}`)],
  message: `src/${folder}/ may import only ${[folder, ...LAYERS[folder]].join(', ')} (data flows one way)`
}))

/** Above the transport, only its index: the session interface, its opener and the server record. */
const transportZone = {
  target: './src/!(ftp)/**/*',
  from: './src/ftp',
  except: ['./index.ts'],
  message: 'outside src/ftp/, import the transport only through src/ftp/index.ts'
}
const rootTransportZone = { ...transportZone, target: './src/*.ts' }
/** The same for the SFTP transport: above it, only src/sftp/index.ts. */
const sftpZone = {
  target: './src/!(sftp)/**/*',
  from: './src/sftp',
  except: ['./index.ts'],
  message: 'outside src/sftp/, import the transport only through src/sftp/index.ts'
}
const rootSftpZone = { ...sftpZone, target: './src/*.ts' }

/** I/O that core/ never does: it is pure (the domain model, the planner, classifications). */
const IO_MODULES = ['node:fs', 'node:fs/promises', 'node:net', 'node:tls', 'node:child_process', 'basic-ftp', 'ssh2']

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'build/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off'
    }
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle follows an import only into a file it can parse: the .ts sources, with the TS parser.
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })]
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': [
        'error',
        { zones: [...layerZones, transportZone, rootTransportZone, sftpZone, rootSftpZone] }
      ],
      // basic-ftp stays behind the transport: nothing above src/ftp/ sees its errors or types.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'basic-ftp', message: 'only src/ftp/ uses basic-ftp' },
            { name: 'ssh2', message: 'only src/sftp/ (and config/ssh-inputs.ts, to parse the key) uses ssh2' }
          ],
          patterns: ['basic-ftp/*', 'ssh2/*']
        }
      ]
    }
  },
  {
    files: ['src/ftp/**/*.ts', 'src/sftp/**/*.ts', 'src/config/ssh-inputs.ts'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map(name => ({ name, message: 'src/core/ is pure: no I/O, no transport' })),
          patterns: ['basic-ftp/*']
        }
      ]
    }
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: globals.node }
  }
)
