/**
 * Imported (for its effect) before ssh2 wherever ssh2 is imported: ssh2's poly1305 code (an
 * emscripten build, run when ssh2 loads) reads `__dirname`, which a CommonJS module has and the
 * ESM bundle ncc makes (dist/, "type": "module") does not: the bundle died on load with
 * "ReferenceError: __dirname is not defined". The directory of this module stands in; the code
 * only joins it to a file name it never reads (its WebAssembly is inlined).
 */
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const scope = globalThis as { __dirname?: string }
scope.__dirname ??= dirname(fileURLToPath(import.meta.url))
