/**
 * The CLI's daemon (src/cli/daemon/): its messages, and a server and client talking over a real
 * socket in a private temporary folder, with a stand-in for the command it runs.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { askDaemon, isOurSocket } from '../../../src/cli/daemon/client';
import type { Connect } from '../../../src/cli/daemon/connection';
import { netConnector } from '../../../src/cli/daemon/netConnection';
import { pipeConnector } from '../../../src/cli/daemon/pipeConnection';
import { asReply, asRequest, encodeFrame, FrameError, FrameReader, localeOf, PROTOCOL, type DaemonRequest, type RunRequest } from '../../../src/cli/daemon/protocol';
import { DaemonServer, DaemonStartError, declineCommand, type DaemonServerOptions } from '../../../src/cli/daemon/server';
import { daemonSocketPath, daemonWanted } from '../../../src/cli/daemon/socketPath';
import { main } from '../../../src/cli/main';
import type { CommandResult } from '../../../src/cli/writeResult';

const posix = process.platform !== 'win32';

describe('cli daemon: messages', () => {
  it('reads frames however the stream cuts them', () => {
    const a: DaemonRequest = { kind: 'status', protocol: PROTOCOL, build: 'b' };
    const b: DaemonRequest = { kind: 'run', protocol: PROTOCOL, build: 'b', cwd: '/', argv: ['check', '文件.intake'], umask: 0o022, locale: { LANG: 'zh_CN.UTF-8' } };
    const bytes = Buffer.concat([encodeFrame(a), encodeFrame(b)]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const reader = new FrameReader(1024);
      const got = [...reader.push(bytes.subarray(0, cut)), ...reader.push(bytes.subarray(cut))];
      assert.deepEqual(got, [a, b], `cut at ${cut}`);
    }
    // One byte at a time, too.
    const reader = new FrameReader(1024);
    const got: unknown[] = [];
    for (const byte of bytes) got.push(...reader.push(Buffer.from([byte])));
    assert.deepEqual(got, [a, b]);
  });

  it('refuses a frame longer than its limit before it arrives, and one that is not JSON', () => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(2048);
    assert.throws(() => new FrameReader(1024).push(head), FrameError);
    const junk = Buffer.from('{not json');
    const frame = Buffer.concat([Buffer.from([0, 0, 0, junk.length]), junk]);
    assert.throws(() => new FrameReader(1024).push(frame), FrameError);
  });

  it('checks every request and reply field', () => {
    const run = { kind: 'run', protocol: 1, build: 'b', cwd: '/w', argv: ['check', 'a'], umask: 18, locale: { LANG: 'C' } };
    assert.deepEqual(asRequest(run), run);
    assert.equal(asRequest({ ...run, argv: ['check', 1] }), undefined);
    assert.equal(asRequest({ ...run, umask: 0o1000 }), undefined);
    assert.equal(asRequest({ ...run, locale: { HOME: '/root' } }), undefined, 'only the language and time zone');
    assert.equal(asRequest({ ...run, locale: { LANG: 5 } }), undefined);
    assert.equal(asRequest({ ...run, kind: 'exec' }), undefined);
    assert.equal(asRequest([run]), undefined);
    assert.deepEqual(asRequest({ kind: 'stop', protocol: 1, build: 'b', extra: true }), { kind: 'stop', protocol: 1, build: 'b' });
    const result = { kind: 'result', stdout: 'o', stderr: '', exitCode: 1, cpuMs: 2.5, cannotWrite: 'x {0}' };
    assert.deepEqual(asReply(result), result);
    assert.equal(asReply({ ...result, exitCode: 256 }), undefined);
    assert.equal(asReply({ ...result, stdout: null }), undefined);
    assert.equal(asReply({ kind: 'declined', reason: 'tired' }), undefined);
    assert.deepEqual(asReply({ kind: 'declined', reason: 'busy' }), { kind: 'declined', reason: 'busy' });
    assert.equal(asReply({ kind: 'status', pid: -1, build: 'b', startedAt: '', served: 0, cpuMs: 0, idleMinutes: 1 }), undefined);
  });

  it('takes only the language and time zone from the environment', () => {
    assert.deepEqual(localeOf({ LANG: 'C.UTF-8', TZ: 'Asia/Shanghai', OPENAI_API_KEY: 'sk-secret', HOME: '/root' }), { LANG: 'C.UTF-8', TZ: 'Asia/Shanghai' });
  });

  it('runs check and offline generate only', () => {
    assert.equal(declineCommand(['check', 'a.intake']), false);
    assert.equal(declineCommand(['generate', 'a.intake', '-o', 'r.md']), false);
    assert.equal(declineCommand(['generate', 'a.intake', '--provider', 'openai-compatible']), true);
    assert.equal(declineCommand(['generate', 'a.intake', '--provider=openai-compatible']), true);
    assert.equal(declineCommand(['knowledge', 'check']), true);
    assert.equal(declineCommand(['daemon', 'stop']), true);
    assert.equal(declineCommand([]), true);
  });

  it('has a socket per build in the user cache folder, and none where there can be none', () => {
    const env = { HOME: '/home/ana' };
    assert.equal(daemonSocketPath(env, 'linux', '0.1.0-abc'), '/home/ana/.cache/intake-studio/daemon/0.1.0-abc.sock');
    assert.equal(daemonSocketPath({ ...env, XDG_CACHE_HOME: '/c' }, 'linux', '0.1.0-abc'), '/c/intake-studio/daemon/0.1.0-abc.sock');
    assert.equal(daemonSocketPath({ ...env, INTAKE_DAEMON_DIR: '/run/d' }, 'linux', 'x'), '/run/d/x.sock');
    assert.equal(daemonSocketPath(env, 'linux', ''), undefined, 'a development build');
    assert.equal(daemonSocketPath(env, 'win32', 'x'), undefined);
    assert.equal(daemonSocketPath({}, 'linux', 'x'), undefined, 'no home folder');
    assert.equal(daemonSocketPath({ HOME: '/' + 'h'.repeat(90) }, 'linux', 'x'), undefined, 'too long for sockaddr_un: no daemon, never a cut path');
    assert.equal(daemonWanted({}), true);
    assert.equal(daemonWanted({ INTAKE_DAEMON: '0' }), false);
    assert.equal(daemonWanted({ INTAKE_DAEMON: 'Off ' }), false);
  });
});

describe('cli daemon: the pipe handle (pipeConnection.ts)', () => {
  it('is not used where process.binding is missing or would print a deprecation warning', () => {
    const node = process as unknown as { binding?: unknown };
    const original = node.binding;
    try {
      // What --pending-deprecation makes of it: util.deprecate's wrapper, named `deprecated`.
      node.binding = function deprecated() {
        throw new Error('never called');
      };
      assert.equal(pipeConnector(), undefined);
      node.binding = undefined;
      assert.equal(pipeConnector(), undefined);
    } finally {
      node.binding = original;
    }
    assert.equal(typeof pipeConnector(), 'function');
  });
});

// Every case once with each connection the client can make (pipeConnection.ts, netConnection.ts).
const connectors: [string, () => Connect][] = [
  ["Node's pipe handle", () => pipeConnector()!],
  ['net', netConnector],
];

for (const [transport, connector] of connectors)
(posix ? describe : describe.skip)(`cli daemon: server and client, through ${transport}`, () => {
  let connect: Connect;
  const askVia = (socket: string, request: DaemonRequest, answerTimeoutMs?: number) => askDaemon(socket, request, answerTimeoutMs, connect);
  let tmp: string;
  let socket: string;
  let daemon: DaemonServer | undefined;
  const ran: { argv: string[]; cwd: string; umask: number }[] = [];

  const runRequest = (over: Partial<RunRequest> = {}): RunRequest => ({ kind: 'run', protocol: PROTOCOL, build: 'B1', cwd: tmp, argv: ['check', 'a.intake'], umask: 0o027, locale: localeOf(process.env), ...over });

  async function listen(over: Partial<DaemonServerOptions> = {}): Promise<DaemonServer> {
    daemon = await DaemonServer.listen({
      socket,
      build: 'B1',
      idleMs: 60_000,
      cannotWrite: 'cannot write ({0})',
      run: async (argv) => {
        const umask = process.umask();
        ran.push({ argv, cwd: process.cwd(), umask });
        return { stdout: `out ${argv.join(' ')}\n`, stderr: 'warn\n', exitCode: 1 };
      },
      ...over,
    });
    return daemon;
  }

  before(() => {
    connect = connector();
    assert.equal(typeof connect, 'function', 'Node (20 and later) has the pipe handle');
  });

  beforeEach(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'intake-daemon-')));
    socket = path.join(tmp, 'd', 'B1.sock');
    ran.length = 0;
  });

  afterEach(async () => {
    if (daemon) {
      daemon.close();
      await daemon.closed;
      daemon = undefined;
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('runs a command in the client folder with its umask, then goes back to its own', async () => {
    const home = process.cwd();
    await listen();
    const answer = await askVia(socket, runRequest());
    assert.ok('reply' in answer && answer.reply.kind === 'result', JSON.stringify(answer));
    assert.deepEqual({ ...answer.reply, cpuMs: 0 }, { kind: 'result', stdout: 'out check a.intake\n', stderr: 'warn\n', exitCode: 1, cpuMs: 0, cannotWrite: 'cannot write ({0})' });
    assert.ok(answer.reply.cpuMs >= 0);
    assert.deepEqual(ran, [{ argv: ['check', 'a.intake'], cwd: tmp, umask: 0o027 }]);
    assert.equal(process.cwd(), home);
    assert.notEqual(process.umask(), 0o027);
    const status = await askVia(socket, { kind: 'status', protocol: PROTOCOL, build: 'B1' });
    assert.ok('reply' in status && status.reply.kind === 'status');
    assert.equal(status.reply.served, 1);
    assert.equal(status.reply.pid, process.pid);
  });

  it('carries an output of many reads whole', async () => {
    const long = 'é'.repeat(3 * 1024 * 1024) + '\n';
    await listen({ run: () => Promise.resolve({ stdout: long, stderr: '', exitCode: 0 }) });
    const answer = await askVia(socket, runRequest());
    assert.ok('reply' in answer && answer.reply.kind === 'result' && answer.reply.stdout === long);
  });

  it('keeps its socket where only this user can reach it', async () => {
    await listen();
    assert.equal(fs.statSync(path.dirname(socket)).mode & 0o777, 0o700);
    assert.equal(fs.statSync(socket).mode & 0o777, 0o600);
    assert.equal(isOurSocket(socket), true);
  });

  it('declines what it cannot run exactly as the client would, and runs nothing', async () => {
    await listen({ env: { ...process.env, LANG: 'zh_CN.UTF-8', INTAKE_LANG: 'zh-cn' } });
    const reason = async (request: RunRequest) => {
      const answer = await askVia(socket, request);
      return 'reply' in answer && answer.reply.kind === 'declined' ? answer.reply.reason : JSON.stringify(answer);
    };
    const zh = { LANG: 'zh_CN.UTF-8', INTAKE_LANG: 'zh-cn' };
    assert.equal(await reason(runRequest({ locale: {} })), 'environment');
    assert.equal(await reason(runRequest({ locale: { ...zh, TZ: 'UTC' } })), 'environment', 'another time zone');
    assert.equal(await reason(runRequest({ locale: zh, build: 'B2' })), 'build');
    assert.equal(await reason(runRequest({ locale: zh, protocol: PROTOCOL + 1 })), 'build');
    assert.equal(await reason(runRequest({ locale: zh, argv: ['generate', 'a.intake', '--provider', 'openai-compatible'] })), 'command');
    assert.equal(await reason(runRequest({ locale: zh, cwd: path.join(tmp, 'gone') })), 'cwd');
    assert.deepEqual(ran, []);
    const answer = await askVia(socket, runRequest({ locale: zh }));
    assert.ok('reply' in answer && answer.reply.kind === 'result');
  });

  it('declines a command while another runs (busy), instead of making it wait', async () => {
    let release!: (r: CommandResult) => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    await listen({
      run: () => {
        started();
        return new Promise<CommandResult>((resolve) => (release = resolve));
      },
    });
    const first = askVia(socket, runRequest());
    await running;
    const second = await askVia(socket, runRequest());
    assert.ok('reply' in second && second.reply.kind === 'declined' && second.reply.reason === 'busy', JSON.stringify(second));
    release({ stdout: 'done\n', stderr: '', exitCode: 0 });
    const answer = await first;
    assert.ok('reply' in answer && answer.reply.kind === 'result' && answer.reply.stdout === 'done\n');
  });

  it('survives a command that throws: that client gets no result, the next one does', async () => {
    let calls = 0;
    await listen({
      run: () => {
        if (++calls === 1) return Promise.reject(new Error('a bug'));
        return Promise.resolve({ stdout: 'fine\n', stderr: '', exitCode: 0 });
      },
    });
    assert.deepEqual(await askVia(socket, runRequest()), { failed: 'closed' });
    const answer = await askVia(socket, runRequest());
    assert.ok('reply' in answer && answer.reply.kind === 'result' && answer.reply.stdout === 'fine\n', JSON.stringify(answer));
  });

  it('stops when asked, after the command it runs has answered, and removes its socket', async () => {
    let release!: (r: CommandResult) => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const server = await listen({
      run: () => {
        started();
        return new Promise<CommandResult>((resolve) => (release = resolve));
      },
    });
    const first = askVia(socket, runRequest());
    await running;
    const stop = await askVia(socket, { kind: 'stop', protocol: PROTOCOL, build: 'B1' });
    assert.ok('reply' in stop && stop.reply.kind === 'stopping');
    assert.equal(fs.existsSync(socket), false, 'no new client finds it');
    release({ stdout: 'last\n', stderr: '', exitCode: 0 });
    const answer = await first;
    assert.ok('reply' in answer && answer.reply.kind === 'result' && answer.reply.stdout === 'last\n');
    await server.closed;
    daemon = undefined;
  });

  it('stops by itself after the idle time', async () => {
    const server = await listen({ idleMs: 30 });
    await server.closed;
    daemon = undefined;
    assert.equal(fs.existsSync(socket), false);
    const answer = await askVia(socket, runRequest());
    assert.deepEqual(answer, { failed: 'no-daemon' });
  });

  it('refuses to start beside a running daemon, and replaces the socket of one that died', async () => {
    await listen();
    await assert.rejects(listen(), (e: unknown) => e instanceof DaemonStartError && e.reason === 'running');
    // A stale socket file, as a daemon killed with SIGKILL leaves it: bound once, nobody listens.
    // (Closing a server removes its file; a renamed one stays.)
    const stale = path.join(tmp, 'd', 'B2.sock');
    const dead = net.createServer();
    await new Promise<void>((resolve) => dead.listen(path.join(tmp, 'd', 'tmp.sock'), resolve));
    fs.renameSync(path.join(tmp, 'd', 'tmp.sock'), stale);
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    assert.equal(fs.existsSync(stale), true);
    assert.deepEqual(await askVia(stale, runRequest()), { failed: 'ECONNREFUSED' }, 'a dead socket is no daemon');
    const second = await DaemonServer.listen({ socket: stale, build: 'B2', idleMs: 60_000, cannotWrite: '', run: () => Promise.resolve({ stdout: 'second\n', stderr: '', exitCode: 0 }) });
    try {
      const reply = await askVia(stale, runRequest({ build: 'B2' }));
      assert.ok('reply' in reply && reply.reply.kind === 'result' && reply.reply.stdout === 'second\n');
    } finally {
      second.close();
      await second.closed;
    }
  });

  it('never uses a folder that others may write to', async () => {
    fs.mkdirSync(path.join(tmp, 'd'), { mode: 0o700 });
    fs.chmodSync(path.join(tmp, 'd'), 0o777);
    await assert.rejects(listen(), (e: unknown) => e instanceof DaemonStartError && e.reason === 'not-private');
    daemon = undefined;
    // A client does not talk to a socket in such a folder either.
    const open = net.createServer();
    await new Promise<void>((resolve) => open.listen(socket, resolve));
    try {
      assert.equal(isOurSocket(socket), false);
      assert.deepEqual(await askVia(socket, runRequest()), { failed: 'not-private' });
    } finally {
      await new Promise<void>((resolve) => open.close(() => resolve()));
    }
  });

  it('drops a client that sends garbage or nothing, and keeps serving', async () => {
    await listen();
    const raw = (bytes: Buffer) =>
      new Promise<string>((resolve) => {
        const c = net.connect(socket, () => c.write(bytes));
        let got = '';
        c.on('data', (d) => (got += d.toString('latin1')));
        c.on('close', () => resolve(got));
        c.on('error', () => undefined);
      });
    const huge = Buffer.alloc(4);
    huge.writeUInt32BE(0xffffffff);
    assert.equal(await raw(huge), '', 'a 4 GB request: dropped at once');
    assert.equal(await raw(Buffer.concat([Buffer.from([0, 0, 0, 5]), Buffer.from('nope!')])), '');
    assert.equal(await raw(encodeFrame({ kind: 'run' } as unknown as DaemonRequest)), '', 'not a request');
    const answer = await askVia(socket, runRequest());
    assert.ok('reply' in answer && answer.reply.kind === 'result');
  });

  it('gives up on a server that does not answer, or answers garbage', async () => {
    fs.mkdirSync(path.join(tmp, 'd'), { mode: 0o700 });
    const sockets: net.Socket[] = [];
    let reply: Buffer | undefined;
    const fake = net.createServer((c) => {
      sockets.push(c);
      if (reply) c.end(reply);
    });
    await new Promise<void>((resolve) => fake.listen(socket, resolve));
    try {
      assert.deepEqual(await askVia(socket, runRequest(), 50), { failed: 'timeout' });
      reply = encodeFrame({ kind: 'result', stdout: 1 } as unknown as DaemonRequest);
      assert.deepEqual(await askVia(socket, runRequest()), { failed: 'garbled' });
      reply = Buffer.from([0, 0, 0, 0]);
      assert.deepEqual(await askVia(socket, runRequest()), { failed: 'garbled' });
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => fake.close(() => resolve()));
    }
  });

  it('a client whose daemon dies mid-command gets no result (and runs the command itself)', async () => {
    fs.mkdirSync(path.join(tmp, 'd'), { mode: 0o700 });
    // Takes the request, says it accepted it, and dies.
    const fake = net.createServer((c) => {
      c.once('data', () => {
        c.write(encodeFrame({ kind: 'accepted' }));
        c.destroy();
      });
    });
    await new Promise<void>((resolve) => fake.listen(socket, resolve));
    try {
      assert.deepEqual(await askVia(socket, runRequest()), { failed: 'closed' });
    } finally {
      await new Promise<void>((resolve) => fake.close(() => resolve()));
    }
  });
});

describe('cli daemon: the command', () => {
  it('says what it needs where there can be no daemon', async () => {
    const dev = await main(['daemon', 'status'], {}, {});
    assert.equal(dev.exitCode, 2);
    assert.match(dev.stderr, /development build/);
    const unknown = await main(['daemon', 'restart'], {}, { launch: { build: 'b', script: 'x', socket: '/tmp/none.sock' } });
    assert.equal(unknown.exitCode, 2);
    assert.match(unknown.stderr, /Unknown daemon command: restart/);
    const idle = await main(['daemon', 'start', '--idle', '0'], {}, { launch: { build: 'b', script: 'x', socket: '/tmp/none.sock' } });
    assert.match(idle.stderr, /--idle takes minutes from 1 to 1440/);
    assert.equal(idle.exitCode, 2);
  });

  (posix ? it : it.skip)('status and stop say when none is running', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-daemon-'));
    try {
      const launch = { build: 'b', script: 'x', socket: path.join(dir, 'b.sock') };
      const status = await main(['daemon', 'status'], {}, { launch });
      assert.deepEqual(status, { stdout: 'no daemon is running\n', stderr: '', exitCode: 1 });
      const stop = await main(['daemon', 'stop'], {}, { launch });
      assert.deepEqual(stop, { stdout: 'no daemon is running\n', stderr: '', exitCode: 0 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
