/**
 * What `intake` and its daemon say to each other over the daemon's socket: one request per
 * connection, each message a frame (a 4-byte big-endian length, then that many bytes of UTF-8
 * JSON). Both sides check every message they read, by hand rather than with zod, because the
 * client side is part of the launcher, which must stay small to start fast.
 */

/** Changes whenever a message changes; the build in each request changes with every release anyway. */
export const PROTOCOL = 1;

/** A request is a command line and a few settings: anything bigger is not one. */
export const MAX_REQUEST_BYTES = 1024 * 1024;
/** A reply holds a command's whole output; a JavaScript string holds at most about 512 MiB. */
export const MAX_REPLY_BYTES = 256 * 1024 * 1024;

/**
 * The environment that can change a command's output: its language (l10n.ts's localeFromEnv)
 * and time zone. The daemon runs a command only where these equal its own, so it needs no
 * other environment from the client: no key, no proxy, nothing else leaves the client.
 */
const LOCALE_ENV = ['INTAKE_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'TZ'] as const;
export type LocaleEnv = Partial<Record<(typeof LOCALE_ENV)[number], string>>;

export interface RunRequest {
  kind: 'run';
  protocol: number;
  build: string;
  /** The client's current folder: relative paths in `argv` and the outputs' folders mean it. */
  cwd: string;
  /** The command line after `intake`. */
  argv: string[];
  /** The client's umask, for the files the command writes. */
  umask: number;
  locale: LocaleEnv;
}

/** Asks how the daemon is doing, or asks it to stop once the command it runs (if any) has answered. */
interface ControlRequest<Kind extends 'status' | 'stop'> {
  kind: Kind;
  protocol: number;
  build: string;
}

export type DaemonRequest = RunRequest | ControlRequest<'status'> | ControlRequest<'stop'>;

/**
 * Why a daemon did not run a command (the client then runs it itself):
 * - build: the daemon runs other code (another version, or another protocol);
 * - environment: the client's language or time zone differ from the daemon's;
 * - command: not `check` or an offline `generate` (an LLM run reads keys and streams);
 * - busy: the daemon is running another command (commands run one at a time, as chdir is per process);
 * - cwd: the daemon cannot enter the client's current folder;
 * - stopping: the daemon is stopping.
 */
export type DeclineReason = 'build' | 'environment' | 'command' | 'busy' | 'cwd' | 'stopping';
const DECLINE_REASONS: readonly string[] = ['build', 'environment', 'command', 'busy', 'cwd', 'stopping'] satisfies DeclineReason[];

interface DaemonStatus {
  kind: 'status';
  pid: number;
  build: string;
  /** When it started, ISO 8601. */
  startedAt: string;
  /** Commands it ran. */
  served: number;
  /** The CPU time it used, all threads, ms. */
  cpuMs: number;
  /** It stops after this many minutes without a command. */
  idleMinutes: number;
}

export type DaemonReply =
  | { kind: 'accepted' }
  | {
      kind: 'result';
      stdout: string;
      stderr: string;
      exitCode: number;
      /** The CPU time the command used in the daemon (all its threads), ms. */
      cpuMs: number;
      /** The line for an output the client cannot write, in the user's language, `{0}` for the error code. */
      cannotWrite: string;
    }
  | { kind: 'declined'; reason: DeclineReason }
  | DaemonStatus
  | { kind: 'stopping' };

/** `message` as one frame. */
export function encodeFrame(message: DaemonRequest | DaemonReply): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const frame = Buffer.allocUnsafe(4 + body.length);
  frame.writeUInt32BE(body.length, 0);
  body.copy(frame, 4);
  return frame;
}

export class FrameError extends Error {}

/**
 * Reads frames from the chunks of a stream, however they are cut. A frame longer than `maxBytes`
 * or whose body is not JSON throws a FrameError, before the frame's bytes are buffered in full.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxBytes: number) {}

  /** The messages that `chunk` completes, in order (JSON values, not yet checked). */
  push(chunk: Buffer): unknown[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: unknown[] = [];
    for (;;) {
      if (this.buffered < 4) return messages;
      const head = this.chunks.length === 1 ? this.chunks[0]! : this.joined();
      const length = head.readUInt32BE(0);
      if (length > this.maxBytes) throw new FrameError(`a message of ${length} bytes (at most ${this.maxBytes})`);
      if (this.buffered < 4 + length) return messages;
      const all = this.joined();
      const body = all.subarray(4, 4 + length).toString('utf8');
      const rest = all.subarray(4 + length);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
      try {
        messages.push(JSON.parse(body));
      } catch {
        throw new FrameError('a message that is not JSON');
      }
    }
  }

  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!;
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

function isLocale(x: unknown): x is LocaleEnv {
  if (!isRecord(x)) return false;
  return Object.entries(x).every(([k, v]) => (LOCALE_ENV as readonly string[]).includes(k) && isString(v));
}

/** `x` as a request, or undefined when it is not one. */
export function asRequest(x: unknown): DaemonRequest | undefined {
  if (!isRecord(x) || !isCount(x.protocol) || !isString(x.build)) return undefined;
  if (x.kind === 'status') return { kind: 'status', protocol: x.protocol, build: x.build };
  if (x.kind === 'stop') return { kind: 'stop', protocol: x.protocol, build: x.build };
  if (x.kind !== 'run') return undefined;
  if (!isString(x.cwd) || !Array.isArray(x.argv) || !x.argv.every(isString) || !isCount(x.umask) || x.umask > 0o777 || !isLocale(x.locale)) return undefined;
  return { kind: 'run', protocol: x.protocol, build: x.build, cwd: x.cwd, argv: x.argv, umask: x.umask, locale: x.locale };
}

/** `x` as a reply, or undefined when it is not one. */
export function asReply(x: unknown): DaemonReply | undefined {
  if (!isRecord(x)) return undefined;
  switch (x.kind) {
    case 'accepted':
    case 'stopping':
      return { kind: x.kind };
    case 'declined':
      return isString(x.reason) && DECLINE_REASONS.includes(x.reason) ? { kind: 'declined', reason: x.reason as DeclineReason } : undefined;
    case 'result':
      if (!isString(x.stdout) || !isString(x.stderr) || !isCount(x.exitCode) || x.exitCode > 255 || !isTime(x.cpuMs) || !isString(x.cannotWrite)) return undefined;
      return { kind: 'result', stdout: x.stdout, stderr: x.stderr, exitCode: x.exitCode, cpuMs: x.cpuMs, cannotWrite: x.cannotWrite };
    case 'status':
      if (!isCount(x.pid) || !isString(x.build) || !isString(x.startedAt) || !isCount(x.served) || !isTime(x.cpuMs) || !isTime(x.idleMinutes)) return undefined;
      return { kind: 'status', pid: x.pid, build: x.build, startedAt: x.startedAt, served: x.served, cpuMs: x.cpuMs, idleMinutes: x.idleMinutes };
    default:
      return undefined;
  }
}

/** The request's language and time zone, as `env` sets them. */
export function localeOf(env: NodeJS.ProcessEnv): LocaleEnv {
  const locale: LocaleEnv = {};
  for (const name of LOCALE_ENV) {
    const value = env[name];
    if (value !== undefined) locale[name] = value;
  }
  return locale;
}

/** True when two environments set the same language and time zone. */
export function sameLocale(a: LocaleEnv, b: LocaleEnv): boolean {
  return LOCALE_ENV.every((name) => a[name] === b[name]);
}
