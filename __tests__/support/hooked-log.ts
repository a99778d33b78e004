/**
 * A recording log that also hands each protocol line to a hook as it comes: the protocol log
 * says a command before it is written, so a fault test can act on the network (drop a
 * connection, lose the replies) at the very command it is about.
 */
import { RecordingLog, recordingLog } from './engine.js'

/** recordingLog, with every `debug` message (`> RNFR /x`, `#2 > RNFR /x`, ...) also given to `hook`. */
export function hookedLog(hook: (message: string) => void): RecordingLog {
  const log = recordingLog()
  return {
    ...log,
    debug: m => {
      log.debug(m)
      hook(m)
    }
  }
}

/** Whether a protocol message is `command` sent (on any session of the run). */
export const sends = (message: string, command: RegExp): boolean => command.test(message.replace(/^#\S+ /, ''))
