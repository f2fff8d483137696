// The packed CLI's daemon (`intake daemon`, src/cli/daemon/): real processes from the tarball.
// Whatever a daemon runs must give the same output, exit code and files as the command run in
// its own process (INTAKE_DAEMON=0); whatever it cannot run that way, the client runs itself.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packedCli, repoRoot, run } from './helpers';

(process.platform === 'win32' ? describe.skip : describe)('the CLI daemon (intake daemon start)', () => {
  let bin: string;
  let work: string;
  let env: NodeJS.ProcessEnv;
  let pid: number | undefined;

  /** `intake ARGS` in `work`, with the daemon's trace on stderr; `own` runs it without the daemon. */
  function intake(args: string[], options: { own?: boolean; env?: NodeJS.ProcessEnv; umask?: string } = {}) {
    const e = { ...env, NODE_DEBUG: 'intake-daemon', ...(options.own ? { INTAKE_DAEMON: '0' } : {}), ...options.env };
    const r = options.umask ? run('sh', ['-c', `umask ${options.umask} && exec "$0" "$@"`, process.execPath, bin, ...args], { cwd: work, env: e }) : run(process.execPath, [bin, ...args], { cwd: work, env: e });
    const trace = [...r.stderr.matchAll(/^INTAKE-DAEMON \d+: (.*)\n/gm)].map((m) => m[1]!.replace(/ in [\d.]+ ms of CPU$/, ''));
    return { stdout: r.stdout, stderr: r.stderr.replace(/^INTAKE-DAEMON \d+: .*\n/gm, ''), status: r.status, trace };
  }

  function start(): number {
    const r = run(process.execPath, [bin, 'daemon', 'start', '--idle', '10'], { cwd: work, env });
    assert.equal(r.status, 0, r.stderr);
    const m = /daemon started \(process (\d+)\)/.exec(r.stdout);
    assert.ok(m, r.stdout);
    return Number(m[1]);
  }

  const alive = (p: number) => {
    try {
      process.kill(p, 0);
      return true;
    } catch {
      return false;
    }
  };

  before(function () {
    this.timeout(120_000);
    bin = packedCli().bin;
    const tmp = fs.mkdtempSync(path.join(packedCli().tmp, 'daemon-'));
    work = path.join(tmp, 'work');
    fs.cpSync(path.join(repoRoot(), 'examples'), work, { recursive: true });
    fs.mkdirSync(path.join(work, 'team', '.git'));
    // A short folder: a socket path has at most 103 bytes.
    env = { ...process.env, INTAKE_DAEMON_DIR: path.join(tmp, 'd'), INTAKE_CODE_CACHE_DIR: path.join(tmp, 'cc'), LANG: 'C.UTF-8' };
    delete env.INTAKE_LANG;
    delete env.LC_ALL;
    delete env.LC_MESSAGES;
    delete env.NODE_OPTIONS;
    pid = start();
  });

  after(() => {
    if (!bin) return;
    run(process.execPath, [bin, 'daemon', 'stop'], { cwd: work, env });
    if (pid !== undefined && alive(pid)) process.kill(pid, 'SIGKILL');
  });

  it('runs check and generate with the same output, exit code and files as without it', () => {
    const cases: { args: string[]; files?: string[] }[] = [
      { args: ['generate', 'insurance.intake', '--as-of', '2026-01-15'] },
      { args: ['generate', 'pipeline-2025-q3.intake', '--intake', '2', '--format', 'json', '--as-of', '2026-01-15'] },
      { args: ['generate', 'hospital.intake', '--format', 'html', '--as-of', '2026-01-15'] },
      { args: ['generate', 'aviation.intake', '--format', 'docx', '--as-of', '2026-01-15', '-o', 'aviation.docx'], files: ['aviation.docx'] },
      { args: ['check', 'blank-structured.intake'] },
      { args: ['check', 'blank-simple.intake', '--json'] },
      { args: ['check', '.', '--jobs', '2'] },
      { args: ['generate', '.', '-o', 'OUT/all', '--as-of', '2026-01-15'] },
      { args: ['generate', 'no-such.intake'] },
      { args: ['check'] },
    ];
    for (const { args, files } of cases) {
      const outputs = (own: boolean) => {
        fs.rmSync(path.join(work, 'OUT'), { recursive: true, force: true });
        for (const f of files ?? []) fs.rmSync(path.join(work, f), { force: true });
        const r = intake(args.map((a) => a), { own });
        const written = [...(files ?? []), ...(fs.existsSync(path.join(work, 'OUT', 'all')) ? (fs.readdirSync(path.join(work, 'OUT', 'all'), { recursive: true }) as string[]).map((f) => `OUT/all/${f}`).filter((f) => fs.statSync(path.join(work, f)).isFile()) : [])].sort();
        return { ...r, written: written.map((f) => [f, fs.readFileSync(path.join(work, f)).toString('base64')]) };
      };
      const own = outputs(true);
      const daemon = outputs(false);
      const what = args.join(' ');
      assert.deepEqual(own.trace, [], what);
      assert.deepEqual(daemon.trace, ['ran by the daemon'], what);
      assert.equal(daemon.status, own.status, what);
      assert.equal(daemon.stdout, own.stdout, what);
      // A batch's summary line says how long it took.
      const untimed = (stderr: string) => stderr.replace(/ in \d+\.\d+ s$/m, ' in … s');
      assert.equal(untimed(daemon.stderr), untimed(own.stderr), what);
      assert.deepEqual(daemon.written, own.written, what);
      if (args[0] === 'generate' && args[1] === '.') assert.ok(daemon.written.length >= 8, 'a report per intake');
    }
    fs.rmSync(path.join(work, 'OUT'), { recursive: true, force: true });
  });

  it("writes files with the client's umask, in the client's folder", () => {
    for (const umask of ['077', '022']) {
      const r = intake(['generate', 'insurance.intake', '-o', `r-${umask}.md`], { umask });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(r.trace, ['ran by the daemon']);
      const own = intake(['generate', 'insurance.intake', '-o', `own-${umask}.md`], { umask, own: true });
      assert.equal(own.status, 0, own.stderr);
      assert.equal(fs.statSync(path.join(work, `r-${umask}.md`)).mode & 0o777, fs.statSync(path.join(work, `own-${umask}.md`)).mode & 0o777, `umask ${umask}`);
    }
  });

  it("reads the team's files again for each command", () => {
    const report = path.join(work, 'team', '.intake', 'report.yaml');
    const args = ['generate', 'team/customers/acme-retail.intake', '--format', 'html', '--as-of', '2026-01-15'];
    const before = intake(args);
    assert.deepEqual(before.trace, ['ran by the daemon']);
    assert.match(before.stdout, /云枢科技有限公司/);
    fs.writeFileSync(report, fs.readFileSync(report, 'utf8').replaceAll('云枢科技有限公司', '新名字有限公司'));
    const after = intake(args);
    assert.deepEqual(after.trace, ['ran by the daemon']);
    assert.match(after.stdout, /新名字有限公司/);
    assert.doesNotMatch(after.stdout, /云枢科技有限公司/);
  });

  it('leaves to the client what it cannot run as the client would: another language, an LLM run', () => {
    const zh = { INTAKE_LANG: 'zh-cn' };
    const chinese = intake(['check', 'blank-simple.intake'], { env: zh });
    assert.deepEqual(chinese.trace, ['declined (environment)']);
    const own = intake(['check', 'blank-simple.intake'], { env: zh, own: true });
    assert.equal(chinese.stdout, own.stdout);
    assert.equal(chinese.status, own.status);
    assert.match(chinese.stdout, /[\u4e00-\u9fff]/);
    // Port 9 (discard) on this machine refuses at once: the LLM run fails, and falls back.
    const llm = ['generate', 'insurance.intake', '--provider', 'openai-compatible', '--base-url', 'http://127.0.0.1:9/v1', '--model', 'm', '--fallback', 'offline', '--as-of', '2026-01-15', '--timeout', '5'];
    const viaClient = intake(llm);
    assert.deepEqual(viaClient.trace, ['declined (command)']);
    const ownLlm = intake(llm, { own: true });
    assert.equal(viaClient.status, ownLlm.status);
    assert.equal(viaClient.stdout, ownLlm.stdout);
  });

  it('says how it is doing, and after a crash the client runs commands itself until a new one starts', () => {
    const status = run(process.execPath, [bin, 'daemon', 'status'], { cwd: work, env });
    assert.equal(status.status, 0);
    assert.match(status.stdout, new RegExp(`^daemon running: process ${pid}, since \\S+, [1-9]\\d* commands run, \\d+ ms of CPU; it stops after 10 minutes without a command\\n$`));
    assert.match(run(process.execPath, [bin, 'daemon', 'start'], { cwd: work, env }).stdout, new RegExp(`daemon already running \\(process ${pid}\\)`));
    process.kill(pid!, 'SIGKILL');
    const expected = intake(['generate', 'insurance.intake', '--as-of', '2026-01-15'], { own: true }).stdout;
    // The killed daemon's socket file is still there: nobody answers on it.
    const r = intake(['generate', 'insurance.intake', '--as-of', '2026-01-15']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, expected);
    assert.match(r.trace.join(), /^unavailable \(/);
    pid = start();
    assert.deepEqual(intake(['generate', 'insurance.intake', '--as-of', '2026-01-15']).trace, ['ran by the daemon']);
    const stop = run(process.execPath, [bin, 'daemon', 'stop'], { cwd: work, env });
    assert.equal(stop.stdout, 'daemon stopped\n');
    const none = run(process.execPath, [bin, 'daemon', 'status'], { cwd: work, env });
    assert.equal(none.status, 1);
    assert.equal(none.stdout, 'no daemon is running\n');
    assert.deepEqual(fs.readdirSync(env.INTAKE_DAEMON_DIR!), [], 'its socket is removed');
    const after = intake(['generate', 'insurance.intake', '--as-of', '2026-01-15']);
    assert.deepEqual(after.trace, [], 'no socket: the client does not even try');
    assert.equal(after.stdout, expected);
  });
});
