/**
 * The transport's boundary for errors: basic-ftp's FTPError becomes core's ReplyError (same code,
 * same text), so nothing above src/ftp/ needs the library to tell a refusal from a lost connection.
 */
import { FTPError } from 'basic-ftp'
import { ReplyError } from '../core/errors.js'
import type { RemoteSession } from '../core/remote-session.js'

/** A refusal as core's ReplyError; anything else as it was. */
export function translatedError(err: unknown): unknown {
  return err instanceof FTPError ? new ReplyError(err.code, err.message) : err
}

/** `session` with every promise it returns rejecting with translated errors. */
export function translated(session: RemoteSession): RemoteSession {
  return new Proxy(session, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]): unknown => {
        const result: unknown = value.apply(target, args)
        return result instanceof Promise
          ? result.catch((err: unknown) => {
              throw translatedError(err)
            })
          : result
      }
    }
  })
}
