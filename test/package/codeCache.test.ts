// The packed CLI's code cache (src/cli/launch/): V8's compiled code for the bundle, kept in a
// private folder between runs. A run without a usable cache must work exactly as one with it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packedCli, repoRoot, run } from './helpers';

describe('the CLI code cache (INTAKE_CODE_CACHE_DIR)', () => {
  let bin: string;
  let work: string;
  let n = 0;
  /** A cache folder path of this test's own, not made yet. */
  const freshDir = () => path.join(work, `cache-${++n}`);
  const intake = () => path.join(repoRoot(), 'examples', 'insurance.intake');

  /** `intake generate` of the insurance intake, with the cache's trace on stderr. */
  function generate(env: NodeJS.ProcessEnv): { stdout: string; events: string[] } {
    const r = run(process.execPath, [bin, 'generate', intake(), '--as-of', '2026-01-15'], { env: { ...process.env, NODE_DEBUG: 'intake-cache', ...env } });
    assert.equal(r.status, 0, r.stderr);
    const events = [...r.stderr.matchAll(/^INTAKE-CACHE \d+: (\S+(?: folder)?)/gm)].map((m) => m[1]!);
    return { stdout: r.stdout, events };
  }

  const cacheFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache'));

  let expected: string;

  before(function () {
    this.timeout(120_000);
    bin = packedCli().bin;
    work = fs.mkdtempSync(path.join(packedCli().tmp, 'cache-'));
    expected = generate({ INTAKE_CODE_CACHE: '0' }).stdout;
    assert.match(expected, /^# /m);
  });

  it('is made on the first run (a private folder and file) and used on the second', () => {
    const dir = freshDir();
    const first = generate({ INTAKE_CODE_CACHE_DIR: dir });
    assert.deepEqual(first.events, ['miss', 'written']);
    assert.equal(first.stdout, expected);
    const [file] = cacheFiles(dir);
    assert.ok(file, 'no cache file');
    assert.match(file, new RegExp(`-${process.version.replace(/\./g, '\\.')}-${process.arch}-generate\\.v8cache$`));
    if (process.platform !== 'win32') {
      assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
      assert.equal(fs.statSync(path.join(dir, file)).mode & 0o777, 0o600);
    }
    const second = generate({ INTAKE_CODE_CACHE_DIR: dir });
    assert.deepEqual(second.events, ['hit']);
    assert.equal(second.stdout, expected);
    assert.deepEqual(cacheFiles(dir), [file]);
  });

  it('keeps the packages a command requires from vendor/ in cache files of their own (HTML: markdown-it)', () => {
    const dir = freshDir();
    const html = (env: NodeJS.ProcessEnv) => {
      const r = run(process.execPath, [bin, 'generate', intake(), '--format', 'html', '--as-of', '2026-01-15'], { env: { ...process.env, NODE_DEBUG: 'intake-cache', ...env } });
      assert.equal(r.status, 0, r.stderr);
      return { stdout: r.stdout, events: [...r.stderr.matchAll(/^INTAKE-CACHE \d+: (\S+) (\S+)/gm)].map((m) => `${m[1]} ${path.basename(m[2]!).replace(/^.*-generate/, 'generate')}`) };
    };
    const uncached = html({ INTAKE_CODE_CACHE: '0' }).stdout;
    const first = html({ INTAKE_CODE_CACHE_DIR: dir });
    assert.deepEqual(first.events, ['miss generate.v8cache', 'miss generate.markdown-it.v8cache', 'written generate.v8cache', 'written generate.markdown-it.v8cache']);
    const second = html({ INTAKE_CODE_CACHE_DIR: dir });
    assert.deepEqual(second.events, ['hit generate.v8cache', 'hit generate.markdown-it.v8cache']);
    assert.equal(first.stdout, uncached);
    assert.equal(second.stdout, uncached);
  });

  it('refuses a damaged or foreign cache file, runs as without one, and replaces it', () => {
    const dir = freshDir();
    generate({ INTAKE_CODE_CACHE_DIR: dir });
    const file = path.join(dir, cacheFiles(dir)[0]!);
    const good = fs.readFileSync(file);
    const damaged = Buffer.from(good);
    for (let i = damaged.length >> 1; i < (damaged.length >> 1) + 64; i++) damaged[i] = damaged[i]! ^ 0xff;
    for (const bytes of [damaged, good.subarray(0, good.length >> 1), Buffer.from('not a code cache')]) {
      fs.writeFileSync(file, bytes);
      const r = generate({ INTAKE_CODE_CACHE_DIR: dir });
      assert.deepEqual(r.events, ['rejected', 'written']);
      assert.equal(r.stdout, expected);
      assert.notDeepEqual(fs.readFileSync(file), bytes);
      assert.deepEqual(generate({ INTAKE_CODE_CACHE_DIR: dir }).events, ['hit']);
    }
  });

  it('ignores a cache file that others may write to', function () {
    if (process.platform === 'win32') this.skip();
    const dir = freshDir();
    generate({ INTAKE_CODE_CACHE_DIR: dir });
    const file = path.join(dir, cacheFiles(dir)[0]!);
    fs.chmodSync(file, 0o666);
    assert.deepEqual(generate({ INTAKE_CODE_CACHE_DIR: dir }).events, ['miss', 'written']);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  });

  it('runs without a cache where the folder cannot be made or is not private', function () {
    const blocker = path.join(work, 'a-file');
    fs.writeFileSync(blocker, '');
    const shared = freshDir();
    fs.mkdirSync(shared);
    fs.chmodSync(shared, 0o777);
    const dirs = [path.join(blocker, 'cache')];
    if (process.platform !== 'win32') dirs.push(shared);
    for (const dir of dirs) {
      const r = generate({ INTAKE_CODE_CACHE_DIR: dir });
      assert.deepEqual(r.events, ['unusable folder']);
      assert.equal(r.stdout, expected);
    }
    assert.deepEqual(fs.readdirSync(shared), []);
  });

  it('runs without a cache where the folder cannot be written', function () {
    // Permissions do not bind root (nor exist on Windows).
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip();
    const dir = freshDir();
    fs.mkdirSync(dir, { mode: 0o500 });
    const r = generate({ INTAKE_CODE_CACHE_DIR: dir });
    assert.deepEqual(r.events, ['miss']);
    assert.equal(r.stdout, expected);
  });

  it('is off with INTAKE_CODE_CACHE=0: no folder, no file', () => {
    const dir = freshDir();
    const r = generate({ INTAKE_CODE_CACHE: '0', INTAKE_CODE_CACHE_DIR: dir });
    assert.deepEqual(r.events, []);
    assert.equal(fs.existsSync(dir), false);
  });
});
