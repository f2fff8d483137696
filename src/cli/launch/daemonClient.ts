/**
 * The launcher's side of the daemon (daemon/server.ts): when one is running, a `check` or
 * `generate` is sent to it, and its result written here, without loading the CLI's bundle. When
 * the daemon cannot run it (none is running, it declines, it dies on the way), the launcher runs
 * the command itself, exactly as without a daemon.
 */
import { askDaemon } from '../daemon/client';
import { localeOf, PROTOCOL } from '../daemon/protocol';
import { writeResult } from '../writeResult';

/** Sends the command line to the daemon at `socket`; true when it ran there and its result is written. */
export async function runByDaemon(socket: string, build: string, argv: string[], trace?: (event: string) => void): Promise<boolean> {
  // umask can only be read by setting it; nothing else runs in between.
  const umask = process.umask(0o022);
  process.umask(umask);
  const answer = await askDaemon(socket, { kind: 'run', protocol: PROTOCOL, build, cwd: process.cwd(), argv, umask, locale: localeOf(process.env) });
  if ('failed' in answer) {
    trace?.(`unavailable (${answer.failed})`);
    return false;
  }
  const reply = answer.reply;
  if (reply.kind !== 'result') {
    trace?.(reply.kind === 'declined' ? `declined (${reply.reason})` : `unexpected ${reply.kind}`);
    return false;
  }
  trace?.(`ran by the daemon in ${reply.cpuMs.toFixed(2)} ms of CPU`);
  writeResult(reply, (code) => reply.cannotWrite.split('{0}').join(code));
  return true;
}
