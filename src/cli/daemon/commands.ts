/**
 * `intake daemon start|stop|status|serve`: a long-lived `intake` (server.ts) that runs the
 * `check` and offline `generate` commands of later `intake` processes (launch/daemonClient.ts).
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { t } from '../../core/l10n';
import type { LaunchInfo } from '../launch/launchInfo';
import { UsageError } from '../io';
import { writeDirect } from '../directWrite';
import type { CommandResult } from '../writeResult';
import { askDaemon } from './client';
import { PROTOCOL } from './protocol';
import { DaemonServer, DaemonStartError } from './server';

/** Minutes without a command after which a daemon stops, unless --idle says otherwise. */
const DEFAULT_IDLE_MINUTES = 30;
const MAX_IDLE_MINUTES = 24 * 60;
/** How long `start` waits for the new daemon to listen: Node's start and the bundle's first load. */
const START_TIMEOUT_MS = 30_000;

export interface DaemonCommandOptions {
  launch: LaunchInfo | undefined;
  /** Runs one command line for a client (main.ts's main). */
  run: (argv: string[]) => Promise<CommandResult>;
  /** The line for an output the client cannot write, `{0}` for the error code. */
  cannotWrite: string;
}

export async function runDaemonCommand(args: string[], options: DaemonCommandOptions): Promise<CommandResult> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'start':
      return start(rest, options);
    case 'serve':
      return serve(rest, options);
    case 'stop':
      noOptions(rest);
      return stop(socketOf(options.launch));
    case 'status':
      noOptions(rest);
      return status(socketOf(options.launch));
    default:
      throw new UsageError(sub === undefined ? t('daemon needs start, stop, status or serve') : t('Unknown daemon command: {0}', sub));
  }
}

function noOptions(rest: string[]): void {
  if (rest.length > 0) throw new UsageError(t('Unknown option: {0}', rest[0]!));
}

/** The daemon's socket, or a usage error saying why there can be none here. */
function socketOf(launch: LaunchInfo | undefined): { socket: string; build: string; script: string } {
  if (!launch?.build) throw new UsageError(t('the daemon needs the installed intake command (a release build); this one is a development build'));
  if (launch.socket === undefined) {
    throw new UsageError(process.platform === 'win32' ? t('the daemon is not available on Windows') : t('the daemon has no socket path here: set INTAKE_DAEMON_DIR to a short folder path'));
  }
  return { socket: launch.socket, build: launch.build, script: launch.script };
}

function idleMinutes(args: string[]): number {
  let minutes = DEFAULT_IDLE_MINUTES;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--idle' || a.startsWith('--idle=')) {
      const v = a === '--idle' ? args[++i] : a.slice('--idle='.length);
      if (v === undefined || !/^\d{1,4}$/.test(v) || Number(v) < 1 || Number(v) > MAX_IDLE_MINUTES) throw new UsageError(t('--idle takes minutes from 1 to {0}', MAX_IDLE_MINUTES));
      minutes = Number(v);
    } else throw new UsageError(t('Unknown option: {0}', a));
  }
  return minutes;
}

async function status(where: { socket: string; build: string }): Promise<CommandResult> {
  const answer = await askDaemon(where.socket, { kind: 'status', protocol: PROTOCOL, build: where.build });
  if (!('reply' in answer) || answer.reply.kind !== 'status') return { stdout: t('no daemon is running') + '\n', stderr: '', exitCode: 1 };
  const s = answer.reply;
  return {
    stdout: t('daemon running: process {0}, since {1}, {2} commands run, {3} ms of CPU; it stops after {4} minutes without a command', s.pid, s.startedAt, s.served, Math.round(s.cpuMs), s.idleMinutes) + '\n',
    stderr: '',
    exitCode: 0,
  };
}

async function stop(where: { socket: string; build: string }): Promise<CommandResult> {
  const answer = await askDaemon(where.socket, { kind: 'stop', protocol: PROTOCOL, build: where.build });
  const stopped = 'reply' in answer && answer.reply.kind === 'stopping';
  return { stdout: (stopped ? t('daemon stopped') : t('no daemon is running')) + '\n', stderr: '', exitCode: 0 };
}

/** Starts `intake daemon serve` in the background and returns once it listens. */
async function start(args: string[], options: DaemonCommandOptions): Promise<CommandResult> {
  const minutes = idleMinutes(args);
  const where = socketOf(options.launch);
  const running = await askDaemon(where.socket, { kind: 'status', protocol: PROTOCOL, build: where.build });
  if ('reply' in running && running.reply.kind === 'status') return { stdout: t('daemon already running (process {0})', running.reply.pid) + '\n', stderr: '', exitCode: 0 };
  // The daemon runs offline commands only: it has no use for the keys of the LLM mode.
  const env = { ...process.env };
  delete env.INTAKE_LLM_API_KEY;
  delete env.OPENAI_API_KEY;
  const child = spawn(process.execPath, [...process.execArgv, where.script, 'daemon', 'serve', '--idle', String(minutes)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The file system's root: a daemon never keeps a user's folder busy.
    cwd: path.parse(where.socket).root,
    env,
  });
  const started = await new Promise<{ pid: number } | { error: string }>((resolve) => {
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      resolve({ error: t('it did not start within {0} seconds', START_TIMEOUT_MS / 1000) });
    }, START_TIMEOUT_MS);
    const done = (answer: { pid: number } | { error: string }) => {
      clearTimeout(timer);
      resolve(answer);
    };
    // Its first line on stdout says it listens (serve below).
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.includes(10)) done({ pid: child.pid ?? 0 });
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (e) => done({ error: e.message }));
    child.on('exit', () => done({ error: stderr.trim().replace(/^intake: /, '') || t('it ended at once') }));
  });
  child.stdout.destroy();
  child.stderr.destroy();
  child.unref();
  if ('error' in started) throw new UsageError(t('cannot start the daemon: {0}', started.error));
  return { stdout: t('daemon started (process {0}); it stops after {1} minutes without a command', started.pid, minutes) + '\n', stderr: '', exitCode: 0 };
}

/** Runs the daemon in this process until it is stopped or idle: what `start` runs in the background. */
async function serve(args: string[], options: DaemonCommandOptions): Promise<CommandResult> {
  const minutes = idleMinutes(args);
  const where = socketOf(options.launch);
  let daemon: DaemonServer;
  try {
    daemon = await DaemonServer.listen({ socket: where.socket, build: where.build, idleMs: minutes * 60_000, run: options.run, cannotWrite: options.cannotWrite });
  } catch (e) {
    if (!(e instanceof DaemonStartError)) throw e;
    if (e.reason === 'running') throw new UsageError(t('daemon already running (process {0})', e.message));
    if (e.reason === 'not-private') throw new UsageError(t('{0} is not a private folder: the daemon keeps its socket only where no other user can reach it', e.message));
    throw new UsageError(t('cannot start the daemon: {0}', e.message));
  }
  const stopNow = () => daemon.close();
  process.once('SIGTERM', stopNow);
  process.once('SIGINT', stopNow);
  process.once('SIGHUP', stopNow);
  writeDirect(1, t('intake daemon: serving on {0} (process {1})', where.socket, process.pid) + '\n', () => process.stdout);
  await daemon.closed;
  return { stdout: '', stderr: '', exitCode: 0 };
}
