/**
 * Asking a running daemon (server.ts) to do something: one connection per request. Every failure
 * (no daemon, a dead one, a socket that is not ours, a garbled reply) is an answer the caller can
 * act on, never an exception: a command the daemon cannot run is run by the client itself.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { isPrivate } from '../launch/cacheDir';
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
    if (!isPrivate(fs.lstatSync(path.dirname(socket)), 'dir')) return false;
    const stat = fs.lstatSync(socket);
    return stat.isSocket() && (process.getuid === undefined || stat.uid === process.getuid());
  } catch {
    return false;
  }
}

/**
 * Sends `request` to the daemon at `socket` and waits for its final answer: a command's result
 * waits as long as the command runs, once the daemon has accepted it. The connection is closed
 * in every case. A daemon that has not accepted the request or answered within `answerTimeoutMs`
 * is given up on.
 */
export async function askDaemon(socket: string, request: DaemonRequest, answerTimeoutMs = ANSWER_TIMEOUT_MS): Promise<DaemonAnswer> {
  if (!isOurSocket(socket)) return { failed: fs.existsSync(socket) ? 'not-private' : 'no-daemon' };
  return new Promise<DaemonAnswer>((resolve) => {
    const connection = net.connect(socket);
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
    connection.on('connect', () => connection.write(encodeFrame(request)));
    connection.on('data', (chunk: Buffer) => {
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
    });
    connection.on('error', (e: NodeJS.ErrnoException) => finish({ failed: e.code ?? 'error' }));
    connection.on('close', () => finish({ failed: 'closed' }));
  });
}
