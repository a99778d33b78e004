/**
 * A plan as steps a person reads: the dry run shows them all, the real run reports each one it
 * carries out in the same words, so the two can be compared line by line.
 */
import type { Log } from './log.js'
import { posix } from 'node:path'
import { Adopted, Plan, Upload } from './plan.js'

export type StepKind =
  | 'take lock'
  | 'release lock'
  | 'create root directory'
  | 'remove leftover'
  | 'create directory'
  | 'write manifest'
  | 'adopt'
  | 'upload'
  | 'replace'
  | 'delete'
  | 'remove directory'

export interface Step {
  kind: StepKind
  /** Remote-relative (absolute for the root chain); empty for manifest writes. */
  path: string
  /** Bytes for uploads; for manifest writes, why. */
  detail?: string
}

const WORDS: Record<StepKind, [planned: string, done: string]> = {
  'take lock': ['take the deploy lock', 'took the deploy lock'],
  'release lock': ['release the deploy lock', 'released the deploy lock'],
  'create root directory': ['create directory', 'created directory'],
  'remove leftover': ['remove leftover', 'removed leftover'],
  'create directory': ['create directory', 'created directory'],
  'write manifest': ['write the manifest', 'wrote the manifest'],
  adopt: ['adopt', 'adopted'],
  upload: ['upload', 'uploaded'],
  // Done, a replacement reads like any upload: 'uploaded' starts every uploaded file's line.
  replace: ['replace', 'uploaded'],
  delete: ['delete', 'deleted'],
  'remove directory': ['remove directory', 'removed directory']
}

/** 'would upload a.js (12 bytes)' in a plan, 'uploaded a.js (12 bytes)' once done. */
export function stepText(step: Step, tense: 'planned' | 'done'): string {
  const [planned, done] = WORDS[step.kind]
  const words = [tense === 'planned' ? `would ${planned}` : done, step.path]
  const replaced = tense === 'done' && step.kind === 'replace' ? ', replacing the old one' : ''
  if (step.detail !== undefined) words.push(`(${step.detail}${replaced})`)
  return words.filter(w => w !== '').join(' ')
}

/** Every remote change of the plan, in the order they happen (steps of one kind run in parallel). */
/** How an upload is described: its size, and the mode it gets. */
export const uploadDetail = (size: number, plan: Plan): string =>
  plan.fileMode === undefined ? `${size} bytes` : `${size} bytes, mode ${plan.fileMode}`

/** An upload's step: a reused temporary is renamed into place, its file not sent again. */
export function uploadStep({ file, replaces, reuse }: Upload, plan: Plan): Step {
  const from =
    reuse === undefined ? '' : `, not sent again: its checked temporary ${posix.basename(reuse)} renamed into place`
  return { kind: replaces ? 'replace' : 'upload', path: file.relPath, detail: uploadDetail(file.size, plan) + from }
}

/** The mode a created directory gets, if one was asked for. */
export const dirDetail = (plan: { dirMode?: string }): string | undefined =>
  plan.dirMode === undefined ? undefined : `mode ${plan.dirMode}`

/** Why the manifest is written before the uploads. */
export function forgetDetail(plan: Plan): string {
  const replaced = plan.forget.length - plan.aliases.length
  const parts = [
    ...(replaced > 0 ? [`no longer vouching for ${replaced} file(s) to be replaced`] : []),
    ...(plan.aliases.length > 0
      ? [`forgetting ${plan.aliases.join(', ')}: another spelling of a local file on a server that folds case`]
      : [])
  ]
  return parts.join('; ')
}

export function planSteps(plan: Plan): Step[] {
  const dir = dirDetail(plan)
  const steps: Step[] = [
    // The lock lives in remote-dir: with it, remote-dir is made first.
    ...plan.createRoot.map(path => ({ kind: 'create root directory' as const, path, detail: dir })),
    ...(plan.lock ? [{ kind: 'take lock' as const, path: '.ftps-deploy.lock' }] : []),
    ...plan.leftovers.map(path => ({ kind: 'remove leftover' as const, path })),
    ...plan.mkdirs.map(path => ({ kind: 'create directory' as const, path, detail: dir }))
  ]
  if (plan.forget.length > 0) {
    steps.push({ kind: 'write manifest', path: '', detail: forgetDetail(plan) })
  }
  for (const adopted of plan.adopt) steps.push(adoptStep(adopted))
  for (const upload of plan.uploads) steps.push(uploadStep(upload, plan))
  steps.push(...plan.deletes.map(path => ({ kind: 'delete' as const, path })))
  steps.push(...plan.rmdirs.map(path => ({ kind: 'remove directory' as const, path, detail: 'if empty' })))
  if (plan.writeManifest) steps.push({ kind: 'write manifest', path: '', detail: 'final' })
  if (plan.lock) steps.push({ kind: 'release lock', path: '.ftps-deploy.lock' })
  return steps
}

/** 'adopt a.js (12 bytes, same SHA-256 on the server (HASH))': recorded in the manifest, not uploaded. */
export const adoptStep = ({ file, evidence }: Adopted): Step => ({
  kind: 'adopt',
  path: file.relPath,
  detail: `${file.size} bytes, ${evidence}`
})

/** One line that sums the plan up. */
export function planSummary(plan: Plan, dryRun: boolean): string {
  const would = dryRun ? 'would ' : ''
  const bytes = plan.uploads.reduce((sum, u) => sum + u.file.size, 0)
  const replacing = plan.uploads.filter(u => u.replaces).length
  const reused = plan.uploads.filter(u => u.reuse !== undefined).length
  const reusing = reused > 0 ? `; ${reused} from an earlier run's checked temporaries, not sent again` : ''
  return (
    `Plan: ${would}upload ${plan.uploads.length} file(s) (${bytes} bytes; ${replacing} replacing others${reusing}), ` +
    `skip ${plan.skip.length} unchanged, ${would}adopt ${plan.adopt.length} already on the server, ${would}delete ${plan.deletes.length}, ` +
    `${would}create ${plan.createRoot.length + plan.mkdirs.length} and remove ${plan.rmdirs.length} director(ies), ` +
    `${would}remove ${plan.leftovers.length} leftover temporar(ies)`
  )
}

/** The plan in the log: stale manifest entries, every step in a dry run (a real run reports each as done), the summary. */
export function describePlan(plan: Plan, steps: Step[], log: Log, dryRun: boolean): void {
  for (const path of plan.stale)
    log.info(`${path}: listed in the manifest but missing or changed on the server, to upload again if still matched`)
  if (dryRun) for (const step of steps) log.info(stepText(step, 'planned'))
  log.info(planSummary(plan, dryRun))
}

/** The plan's steps that apply carries out: the run lock takes and releases the lock around it. */
export const applySteps = (plan: Plan): Step[] =>
  planSteps(plan).filter(step => step.kind !== 'take lock' && step.kind !== 'release lock')

/** The planned steps that were not carried out (a multiset difference by kind and path). */
export function notDone(planned: readonly Step[], applied: readonly Step[]): Step[] {
  const key = (step: Step): string => `${step.kind}\0${step.path}`
  const left = new Map<string, number>()
  for (const step of applied) left.set(key(step), (left.get(key(step)) ?? 0) + 1)
  return planned.filter(step => {
    const count = left.get(key(step)) ?? 0
    if (count > 0) left.set(key(step), count - 1)
    return count === 0
  })
}

/** 'remove directory old (if empty), delete a.js, and 3 more': steps named, not counted. */
export function stepNames(steps: readonly Step[], max: number): string {
  const names = steps.slice(0, max).map(step => stepText(step, 'planned').replace(/^would /, ''))
  return names.join(', ') + (steps.length > max ? `, and ${steps.length - max} more` : '')
}

/** 'all 421 steps of the plan', or what was left undone, by name. */
export function doneText(planned: readonly Step[], applied: readonly Step[]): string {
  const missing = notDone(planned, applied)
  if (missing.length === 0) return `all ${planned.length} steps of the plan`
  return `${planned.length - missing.length} of the plan's ${planned.length} steps; not done: ${stepNames(missing, 10)}`
}
