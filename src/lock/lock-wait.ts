/** A waiter's pause for the deploy lock, cut short by the run's cancel (contract: a cancel stops the lock wait too). */
import { DeployError } from '../core/errors.js'

/** Throws when the run was cancelled, naming the wait. */
export function throwIfCancelled(signal: AbortSignal | undefined, remoteRoot: string): void {
  if (signal?.aborted) {
    throw new DeployError(
      `Waiting for the deploy lock on ${remoteRoot}: cancelled (${String(signal.reason ?? 'aborted')})`,
      {
        transient: false
      }
    )
  }
}

/** Settles when `wait` does or when `signal` aborts, whichever comes first. */
export async function cancellable(wait: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return wait
  let onAbort = (): void => undefined
  const aborted = new Promise<void>(resolve => {
    onAbort = resolve
    signal.addEventListener('abort', onAbort, { once: true })
  })
  await Promise.race([wait, aborted])
  signal.removeEventListener('abort', onAbort)
}
