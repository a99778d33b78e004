/**
 * Commands that take one reply each, sent on a session's control connection: in one write where
 * the server pipelines, else one at a time, with the next transfer's passive port asked for ahead
 * where wanted. Refusals are replies; a lost connection or a timeout is thrown, naming the command.
 */
import type { Client } from 'basic-ftp'
import { FTPError } from 'basic-ftp'
import { DeployError } from '../core/errors.js'
import { isTransient } from '../core/retry.js'
import type { ServerRecord } from '../core/server-record.js'
import { BatchStopped, RepliesMismatch, Reply, sendPipelined } from './basic-ftp.js'
import type { PassiveConnector } from './data-connection.js'
import { burstOf, commandNamed, fitsCommand } from './pipelining.js'

export interface SendOptions {
  pipelined: boolean
  preparePassive: boolean
  /** Hears the replies read before a pipelined batch lost its connection or timed out. */
  stopped?: (replies: Reply[]) => void
}

/**
 * Resolves with every reply in order: in one write when `pipelined` and the server takes it,
 * else one at a time. With `preparePassive`, the next transfer's passive port is asked for in the
 * same write, or, where one came behind the last STOR, its data connection starts meanwhile.
 */
export async function sendAll(
  client: Client,
  connector: PassiveConnector,
  server: ServerRecord,
  commands: string[],
  options: SendOptions
): Promise<Reply[]> {
  // A port asked for ahead is kept only by the transfer right after it.
  const ahead = options.preparePassive && connector.connectAhead(client)
  if (!ahead) connector.forget()
  const asks = options.preparePassive && !ahead
  const all = asks ? [...commands, connector.passiveCommand] : commands
  let replies: Reply[]
  if (options.pipelined && server.pipelining) {
    try {
      replies = await sendPipelined(client, all, fitsCommand, burstOf(server))
    } catch (err) {
      if (err instanceof BatchStopped) {
        options.stopped?.(err.replies)
        // The server read no further: the retry (on a new connection) goes one command at a time.
        if (err.timedOut) server.pipeliningTimedOut(err.message)
        throw commandFailed(err.command, err.cause)
      }
      if (!(err instanceof RepliesMismatch)) throw err
      server.pipeliningConfused(err.message)
      throw new DeployError(`The replies to commands sent together did not match them (${err.message})`, {
        transient: true
      })
    }
  } else {
    replies = []
    for (const command of all) {
      try {
        const res = await client.send(command)
        replies.push({ code: res.code, message: res.message })
      } catch (err) {
        if (!(err instanceof FTPError)) throw commandFailed(command, err)
        replies.push({ code: err.code, message: err.message })
      }
    }
  }
  if (asks) connector.prepare(replies.pop()!)
  return replies
}

/** A lost connection or a timeout on `command`, named (a refusal is its reply, not this). */
export function commandFailed(command: string, err: unknown): unknown {
  if (err instanceof DeployError || !(err instanceof Error)) return err
  return new DeployError(
    `${commandNamed(command)}: ${err.message}`,
    { command: command.split(' ')[0], transient: isTransient(err) },
    { cause: err }
  )
}
