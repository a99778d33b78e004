/**
 * Commands written just ahead of a transfer's command, in the same burst (RFC 959 queueing): the
 * deploy lock's heartbeat is made in the write that carries the STOR of its holder.json, one
 * round trip instead of two. Their replies come first, in order; the transfer's handler gets
 * the rest. A reply that cannot be its command's ends the session, as in sendPipelined.
 */
import { Client, FTPResponse, ResponseHandler } from 'basic-ftp'
import { DeployError } from '../core/errors.js'
import type { Reply } from '../core/remote-session.js'
import { controlSocket, failSession, logProtocol, nameEncoding, RepliesMismatch } from './basic-ftp.js'
import { commandNamed, fitsCommand, isReply, lineTooLong } from './pipelining.js'

/** Commands to write ahead of a transfer, and who hears their replies (all of them, once in). */
export interface FirstCommands {
  commands: string[]
  answered(replies: Reply[]): void
}

/**
 * `send` (the transfer's command with `handler`), with `first` written just before it. Rejects
 * before anything is written when a command cannot be sent (a control character, a line too long).
 */
export function sendFirst(
  client: Client,
  first: FirstCommands | undefined,
  handler: ResponseHandler,
  send: (handler: ResponseHandler) => Promise<FTPResponse>
): Promise<FTPResponse> {
  if (first === undefined || first.commands.length === 0) return send(handler)
  const { commands } = first
  const encoding = nameEncoding(client)
  for (const command of commands) {
    if (/[\r\n\0]/.test(command))
      return Promise.reject(new Error(`Invalid command: Contains control characters. (${command})`))
    const tooLong = lineTooLong(command, Buffer.byteLength(`${command}\r\n`, encoding))
    if (tooLong !== undefined)
      return Promise.reject(new DeployError(tooLong, { command: command.split(' ')[0], transient: false }))
  }
  const replies: Reply[] = []
  const wrapped: ResponseHandler = (res, task) => {
    if (replies.length === commands.length || !isReply(res)) {
      return handler(res, task)
    }
    const command = commands[replies.length]!
    const reply = { code: res.code, message: res.message }
    // A 1xx (the transfer's) or another command's success: the replies no longer match.
    if (!fitsCommand(command, reply) || reply.code < 200) {
      const err = new RepliesMismatch(`${commandNamed(command)} answered with ${reply.message}`)
      task.reject(err)
      failSession(client, err)
      return
    }
    replies.push(reply)
    if (replies.length === commands.length) first.answered(replies)
  }
  if (!client.closed) {
    for (const command of commands) logProtocol(client, `> ${command}`)
    controlSocket(client).write(commands.map(c => `${c}\r\n`).join(''), encoding)
  }
  return send(wrapped)
}
