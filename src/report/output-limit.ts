/**
 * GitHub keeps at most 1 MB per step output
 * (docs.github.com: "Outputs are Unicode strings, and can be a maximum of 1 MB"). An output
 * that would pass it is cut to what fits, still valid JSON for the JSON arrays, with a warning
 * that points to the report file, which holds everything.
 */
import { Outputs } from '../config/inputs.js'

/** 1 MB read as 10^6 bytes of UTF-8: under the limit whichever megabyte GitHub means. */
export const OUTPUT_LIMIT_BYTES = 1_000_000

export interface FittedArray {
  json: string
  kept: number
}

/** The longest prefix of `items` whose JSON array text is at most `limit` bytes. */
export function fitJsonArray(items: readonly unknown[], limit: number): FittedArray {
  let bytes = 2
  let kept = 0
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item)) + (kept > 0 ? 1 : 0)
    if (bytes + size > limit) break
    bytes += size
    kept += 1
  }
  return { json: JSON.stringify(items.slice(0, kept)), kept }
}

/** Cuts text to at most `limit` bytes of UTF-8 without splitting a character. */
export function cutText(text: string, limit: number): string {
  const bytes = Buffer.from(text)
  if (bytes.length <= limit) return text
  let end = limit
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end -= 1
  return bytes.subarray(0, end).toString()
}

export interface FittedOutputs {
  outputs: Record<string, string>
  /** One line per output that was cut, naming it, what was kept and where the rest is. */
  warnings: string[]
}

/**
 * Every output within `limit`: a JSON array output (`arrays` holds the values it was made from)
 * keeps the entries that fit; any other output keeps the bytes that fit.
 */
export function fitOutputs(
  outputs: Record<string, string>,
  arrays: Record<string, readonly unknown[]>,
  reportFile: string,
  limit = OUTPUT_LIMIT_BYTES
): FittedOutputs {
  const fitted: Record<string, string> = {}
  const warnings: string[] = []
  const where =
    reportFile === ''
      ? 'no report file was written'
      : `the whole result is in ${reportFile} (the ${Outputs.ReportFile} output)`
  for (const [name, value] of Object.entries(outputs)) {
    if (Buffer.byteLength(value) <= limit) {
      fitted[name] = value
      continue
    }
    const items = arrays[name]
    if (items) {
      const { json, kept } = fitJsonArray(items, limit)
      fitted[name] = json
      warnings.push(
        `The ${name} output holds the first ${kept} of ${items.length} entries: GitHub limits an output to 1 MB; ${where}`
      )
    } else {
      fitted[name] = cutText(value, limit)
      warnings.push(`The ${name} output is cut to 1 MB, GitHub's limit for an output; ${where}`)
    }
  }
  return { outputs: fitted, warnings }
}
