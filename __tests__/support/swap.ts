/** What the cutover: swap tests read on a server's disk: a release's files and their bytes. */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

export type Tree = Record<string, Buffer>

/** Every file under dir (any depth) but the manifest and its backup, with its bytes. */
export function onDisk(dir: string): Tree {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter(e => e.isFile() && !e.name.startsWith('.ftps-deploy-manifest'))
      .map(e => {
        const full = join(e.parentPath, e.name)
        return [relative(dir, full), readFileSync(full)] as const
      })
  )
}
