/**
 * `--config FILE`: a YAML mapping of inputs by the names a workflow's `with:` uses. Parsed with
 * the `yaml` package (failsafe schema: every value is text, as in a workflow); every mistake is one InputError naming the file and
 * the line, and a secret's value is never echoed.
 */
import { readFileSync } from 'node:fs'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar } from 'yaml'
import { InputError } from '../core/errors.js'
import { isSecret, SECRET_ENV } from './cli-secrets.js'
import { suggestFlag } from './suggest.js'

/** A value read from the file, and the line it is on (for the messages). */
export interface FileValue {
  value: string
  line: number
}

const fail = (file: string, line: number | undefined, what: string): InputError =>
  new InputError(`Invalid config file ${file}${line === undefined ? '' : ` (line ${line})`}: ${what}`)

/** A value as written (the failsafe schema reads every scalar as text); a plain ~ or null is empty. */
function scalarText(node: Scalar): string | undefined {
  const v = node.value
  if (v === null || v === undefined) return ''
  if (typeof v !== 'string') return undefined
  return node.type === 'PLAIN' && /^(~|null|Null|NULL)$/.test(v) ? '' : v
}

/** Reads FILE; `known` are the input names it may hold (the secrets are refused by name). */
export function readConfigFile(file: string, known: readonly string[]): Map<string, FileValue> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new InputError(`Cannot read config file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`)
  }
  const lines = new LineCounter()
  // Text, as a workflow's with: passes it: file-mode: 0644 stays 0644, not the number 644.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, schema: 'failsafe' })
  const lineOf = (offset: number | undefined): number | undefined =>
    offset === undefined ? undefined : lines.linePos(offset).line
  if (doc.errors.length > 0) {
    const first = doc.errors[0]
    throw fail(file, lineOf(first.pos[0]), `${first.message.split('\n')[0]}`)
  }
  const values = new Map<string, FileValue>()
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return values
  if (!isMap(doc.contents)) {
    throw fail(file, lineOf(doc.contents.range?.[0]), 'expected a mapping of input names to values (as under with:)')
  }
  for (const pair of doc.contents.items) {
    const keyNode = pair.key
    const line = lineOf(isScalar(keyNode) ? keyNode.range?.[0] : undefined)
    const name = isScalar(keyNode) ? String(keyNode.value) : ''
    if (isSecret(name)) {
      throw fail(
        file,
        line,
        `${name} is not accepted in a config file: pass it in the ${SECRET_ENV[name]} environment variable`
      )
    }
    if (!known.includes(name)) {
      const meant = suggestFlag(name, known)
      throw fail(file, line, `unknown input '${name}'${meant ? `: did you mean ${meant}?` : ''} (see --help)`)
    }
    const node = pair.value
    let value: string | undefined
    if (node === null || isScalar(node)) value = node === null ? '' : scalarText(node)
    else if (isSeq(node) && node.items.every(item => isScalar(item) && scalarText(item) !== undefined)) {
      // A list, for files: one pattern a line, as the action's multi-line input.
      value = node.items.map(item => scalarText(item as Scalar)).join('\n')
    }
    if (value === undefined) throw fail(file, line, `${name}: expected a text, number or true/false value`)
    values.set(name, { value, line: line ?? 0 })
  }
  return values
}
