/**
 * The daemon: a long-lived `intake` process that runs `check` and offline `generate` commands
 * for the short-lived ones (launch/daemonClient.ts), so that a script running `intake` on one
 * file after another pays Node's and the CLI's start-up once, not once per file. A command runs
 * here only where its output is the same as if the client ran it (protocol.ts's DeclineReason);
 * anything else is declined, and the client runs it itself.
 *
 * Commands run one at a time: each runs in the client's current folder (process.chdir) and with
 * its umask, which are per process. One that arrives while another runs is declined ('busy'), not
 * queued, so parallel scripts never wait on each other.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { ensurePrivateDir } from '../launch/cacheDir';
import type { CommandResult } from '../writeResult';
import { askDaemon } from './client';
import { asRequest, encodeFrame, FrameError, FrameReader, localeOf, MAX_REQUEST_BYTES, PROTOCOL, sameLocale, type DaemonReply, type DeclineReason, type RunRequest } from './protocol';

export interface DaemonServerOptions {
  socket: string;
  /** This code's build: requests of another are declined. */
  build: string;
  /** It stops after this long without a command. */
  idleMs: number;
  /** Runs a command line (main.ts's main, in the current folder). */
  run: (argv: string[]) => Promise<CommandResult>;
  /** The line for an output the client cannot write, `{0}` for the error code, in the daemon's language. */
  cannotWrite: string;
  /** The environment its language and time zone are read from. */
  env?: NodeJS.ProcessEnv;
}

/** Why a daemon could not start. */
export class DaemonStartError extends Error {
  constructor(
    readonly reason: 'running' | 'not-private' | 'listen',
    detail: string,
  ) {
    super(detail);
  }
}

/** A client that has not sent its request this soon is dropped. */
const REQUEST_TIMEOUT_MS = 5000;

/** The commands a daemon runs; with --provider, `generate` asks an LLM (keys, streaming): declined. */
export function declineCommand(argv: readonly string[]): boolean {
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'generate') return true;
  return rest.some((a) => a === '--provider' || a.startsWith('--provider='));
}

export class DaemonServer {
  private readonly server = net.createServer((connection) => this.accept(connection));
  private readonly home = process.cwd();
  private readonly startedAt = new Date().toISOString();
  private readonly env: NodeJS.ProcessEnv;
  private running = false;
  private stopping = false;
  private served = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private socketInode: number | undefined;
  private resolveClosed!: () => void;
  /** Settles when the daemon has stopped (idle, asked to, or close()). */
  readonly closed = new Promise<void>((resolve) => (this.resolveClosed = resolve));

  private constructor(private readonly options: DaemonServerOptions) {
    this.env = options.env ?? process.env;
  }

  /** Starts listening on `options.socket`; throws a DaemonStartError when it cannot. */
  static async listen(options: DaemonServerOptions): Promise<DaemonServer> {
    if (!ensurePrivateDir(path.dirname(options.socket))) throw new DaemonStartError('not-private', path.dirname(options.socket));
    if (fs.existsSync(options.socket)) {
      const answer = await askDaemon(options.socket, { kind: 'status', protocol: PROTOCOL, build: options.build });
      if ('reply' in answer && answer.reply.kind === 'status') throw new DaemonStartError('running', String(answer.reply.pid));
      // A daemon that ended without removing its socket (killed): the file is only in the way.
      fs.rmSync(options.socket, { force: true });
    }
    const daemon = new DaemonServer(options);
    await new Promise<void>((resolve, reject) => {
      daemon.server.once('error', (e: NodeJS.ErrnoException) => reject(new DaemonStartError(e.code === 'EADDRINUSE' ? 'running' : 'listen', e.message)));
      daemon.server.listen(options.socket, () => resolve());
    });
    // The folder already keeps others out; the socket's own mode says the same.
    fs.chmodSync(options.socket, 0o600);
    daemon.socketInode = fs.statSync(options.socket).ino;
    daemon.armIdleTimer();
    return daemon;
  }

  /** Stops taking commands, and stops once the one running (if any) has answered. */
  close(): void {
    if (this.stopping) return;
    this.stopping = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.removeSocket();
    this.server.close(() => this.resolveClosed());
    if (!this.running) this.dropIdleConnections();
  }

  private readonly connections = new Set<net.Socket>();

  private accept(connection: net.Socket): void {
    this.connections.add(connection);
    connection.on('close', () => this.connections.delete(connection));
    connection.on('error', () => connection.destroy());
    connection.setTimeout(REQUEST_TIMEOUT_MS, () => connection.destroy());
    const reader = new FrameReader(MAX_REQUEST_BYTES);
    let answered = false;
    connection.on('data', (chunk: Buffer) => {
      if (answered) return;
      let messages: unknown[];
      try {
        messages = reader.push(chunk);
      } catch (e) {
        if (!(e instanceof FrameError)) throw e;
        connection.destroy();
        return;
      }
      if (messages.length === 0) return;
      answered = true;
      connection.setTimeout(0);
      const request = asRequest(messages[0]);
      if (request === undefined) connection.destroy();
      else if (request.kind === 'status') this.reply(connection, this.status(), true);
      else if (request.kind === 'stop') {
        this.reply(connection, { kind: 'stopping' }, true);
        this.close();
      } else void this.runCommand(connection, request);
    });
  }

  private status(): DaemonReply {
    const cpu = process.cpuUsage();
    return { kind: 'status', pid: process.pid, build: this.options.build, startedAt: this.startedAt, served: this.served, cpuMs: (cpu.user + cpu.system) / 1000, idleMinutes: this.options.idleMs / 60_000 };
  }

  private decline(request: RunRequest): DeclineReason | undefined {
    if (request.protocol !== PROTOCOL || request.build !== this.options.build) return 'build';
    if (this.stopping) return 'stopping';
    if (declineCommand(request.argv)) return 'command';
    if (!sameLocale(request.locale, localeOf(this.env))) return 'environment';
    if (this.running) return 'busy';
    return undefined;
  }

  private async runCommand(connection: net.Socket, request: RunRequest): Promise<void> {
    const reason = this.decline(request);
    if (reason !== undefined) return this.reply(connection, { kind: 'declined', reason }, true);
    try {
      process.chdir(request.cwd);
    } catch {
      return this.reply(connection, { kind: 'declined', reason: 'cwd' }, true);
    }
    this.running = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const umask = process.umask(request.umask);
    const cpu = process.cpuUsage();
    this.reply(connection, { kind: 'accepted' }, false);
    try {
      const result = await this.options.run(request.argv);
      const used = process.cpuUsage(cpu);
      this.served++;
      this.reply(connection, { kind: 'result', ...result, cpuMs: (used.user + used.system) / 1000, cannotWrite: this.options.cannotWrite }, true);
    } catch {
      // main() answers every error itself; should anything escape it, the client (its connection
      // closed without a result) runs the command in its own process, and the daemon lives on.
      connection.destroy();
    } finally {
      process.umask(umask);
      // Never left inside a user's folder (it could not be removed or unmounted while we live).
      process.chdir(this.home);
      this.running = false;
      if (this.stopping) this.dropIdleConnections();
      else this.armIdleTimer();
    }
  }

  private reply(connection: net.Socket, reply: DaemonReply, last: boolean): void {
    if (connection.destroyed) return;
    if (last) connection.end(encodeFrame(reply));
    else connection.write(encodeFrame(reply));
  }

  private armIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(), this.options.idleMs);
  }

  /** Connections that sent nothing yet would keep server.close() waiting. */
  private dropIdleConnections(): void {
    for (const connection of this.connections) if (!connection.writableEnded) connection.destroy();
  }

  /** Removes the socket file if it is still ours (a later daemon may have replaced a stale one). */
  private removeSocket(): void {
    try {
      if (fs.statSync(this.options.socket).ino === this.socketInode) fs.rmSync(this.options.socket);
    } catch {
      // Already gone.
    }
  }
}
