/**
 * Asking a running daemon (server.ts) to do something: one connection per request. Every failure
 * (no daemon, a dead one, a socket that is not ours, a garbled reply) is an answer the caller can
 * act on, never an exception: a command the daemon cannot run is run by the client itself.
 */
import { existsSync, lstatSync } from 'node:fs';
import { dirname } from 'node:path';
import { isPrivate } from '../launch/cacheDir';
import type { Connect } from './connection';
import { netConnector } from './netConnection';
import { pipeConnector } from './pipeConnection';
import { asReply, encodeFrame, FrameReader, MAX_REPLY_BYTES, type DaemonReply, type DaemonRequest } from './protocol';

/** A daemon that does not say "accepted" (or answer) this soon after the connection is taken as wedged. */
const ANSWER_TIMEOUT_MS = 2000;

export type DaemonAnswer = { reply: Exclude<DaemonReply, { kind: 'accepted' }> } | { failed: string };

/**
 * True when `socket` is a socket of this user's in a folder nobody else may enter: another
 * user's socket would be sent the command line and current folder, and could answer anything.
 */
export function isOurSocket(socket: string): boolean {
  try {
    if (!isPrivate(lstatSync(dirname(socket)), 'dir')) return false;
    const stat = lstatSync(socket);
    return stat.isSocket() && (process.getuid === undefined || stat.uid === process.getuid());
  } catch {
    return false;
  }
}

/**
 * Sends `request` to the daemon at `socket` and waits for its final answer: a command's result
 * waits as long as the command runs, once the daemon has accepted it. The connection is closed
 * in every case. A daemon that has not accepted the request or answered within `answerTimeoutMs`
 * is given up on. The connection is Node's pipe handle where it can be (pipeConnection.ts),
 * else `net`; `connect` chooses (the tests run both).
 */
export async function askDaemon(socket: string, request: DaemonRequest, answerTimeoutMs = ANSWER_TIMEOUT_MS, connect?: Connect): Promise<DaemonAnswer> {
  if (!isOurSocket(socket)) return { failed: existsSync(socket) ? 'not-private' : 'no-daemon' };
  const open = connect ?? pipeConnector() ?? netConnector();
  return new Promise<DaemonAnswer>((resolve) => {
    const reader = new FrameReader(MAX_REPLY_BYTES);
    let settled = false;
    const finish = (answer: DaemonAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      connection.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ failed: 'timeout' }), answerTimeoutMs);
    const connection = open(socket, {
      connect: () => connection.write(encodeFrame(request)),
      data: (chunk) => {
        let messages: unknown[];
        try {
          messages = reader.push(chunk);
        } catch {
          finish({ failed: 'garbled' });
          return;
        }
        for (const message of messages) {
          const reply = asReply(message);
          if (reply === undefined) finish({ failed: 'garbled' });
          else if (reply.kind === 'accepted') clearTimeout(timer);
          else finish({ reply });
        }
      },
      error: (code) => finish({ failed: code }),
      close: () => finish({ failed: 'closed' }),
    });
  });
}
