/**
 * The CLI on hostile files and outputs (issue 12): the built cli/dist/cli.js, spawned, so that pipes,
 * devices and exit codes are real. No key, no network: the LLM cases are in test/unit/llm/cliHardening.test.ts.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import { renderStandaloneHtml } from '../../../src/core/render/exportHtml';
import { renderMarkdownExport } from '../../../src/core/render/exportMarkdown';
import { fixturesDir, repoRoot } from '../helpers/seeds';
import { unzip } from '../helpers/zip';

const CLI = () => path.join(repoRoot(), 'cli', 'dist', 'cli.js');
const INTAKE = '[客户行业]：保险\n- 细分领域：车险\n[预算限制]：\n- 总预算：$100万\n';

function run(args: string[], options: { input?: string } = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI(), ...args], { encoding: 'utf8', env: { ...process.env, INTAKE_LANG: 'en' }, ...(options.input !== undefined ? { input: options.input } : {}), timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI hardening: files and the terminal', function () {
  this.timeout(30_000);
  let dir: string;
  let intake: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-hardening-'));
    intake = path.join(dir, 'customer.intake');
    fs.writeFileSync(intake, INTAKE);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses -o naming the input, directly, through a symbolic link or a hard link (exit 2, intake kept)', () => {
    fs.symlinkSync(intake, path.join(dir, 'sym.md'));
    fs.linkSync(intake, path.join(dir, 'hard.md'));
    for (const out of [intake, path.join(dir, 'sym.md'), path.join(dir, 'hard.md'), path.join(dir, '.', 'customer.intake')]) {
      const r = run(['generate', intake, '-o', out]);
      assert.equal(r.code, 2, out);
      assert.match(r.stderr, /the output would overwrite the input/);
    }
    assert.equal(fs.readFileSync(intake, 'utf8'), INTAKE);
  });

  it('writes through a temporary file and a rename: no temporary file is left, an old file is replaced whole', () => {
    const out = path.join(dir, 'out', 'report.md');
    fs.mkdirSync(path.dirname(out));
    fs.writeFileSync(out, 'old report');
    const r = run(['generate', intake, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(fs.readFileSync(out, 'utf8'), /^# /);
    assert.deepEqual(fs.readdirSync(path.dirname(out)), ['report.md']);
    // A folder that cannot be written: one line, exit 2, nothing left behind.
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked, 0o500);
    const denied = run(['generate', intake, '-o', path.join(locked, 'r.md')]);
    if (process.getuid?.() !== 0) {
      assert.equal(denied.code, 2);
      assert.match(denied.stderr, /^intake: .*cannot be written \(EACCES\)\n$/);
    }
    assert.ok(fs.readdirSync(locked).every((f) => !f.endsWith('.tmp')));
  });

  it('writes to a FIFO as `>` does (as to any device), never renaming over it', async () => {
    const fifo = path.join(dir, 'report.fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    // The reader opens the FIFO while the CLI writes to it, as `-o >(less)` does.
    const read = fs.promises.readFile(fifo, 'utf8');
    const child = spawn(process.execPath, [CLI(), 'generate', intake, '-o', fifo], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INTAKE_LANG: 'en' } });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    // Had the CLI not opened the FIFO, the reader would wait for ever: open and close it here.
    try {
      fs.closeSync(fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
    } catch {
      // ENXIO: the reader is gone, it read what the CLI wrote.
    }
    assert.equal(code, 0);
    assert.match(await read, /^# /);
    assert.ok(fs.lstatSync(fifo).isFIFO(), 'the FIFO is still a FIFO');
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });

  it('follows a link to the report: the file it names is replaced whole, the link stays', () => {
    const real = path.join(dir, 'kept', 'report.md');
    fs.mkdirSync(path.dirname(real));
    fs.writeFileSync(real, 'old report');
    const link = path.join(dir, 'latest.md');
    fs.symlinkSync(real, link);
    const r = run(['generate', intake, '-o', link]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.match(fs.readFileSync(real, 'utf8'), /^# /);
    assert.deepEqual(fs.readdirSync(path.dirname(real)), ['report.md']);
  });

  it('refuses -o with an empty name instead of writing to stdout', () => {
    const r = run(['generate', intake, '-o', '']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /-o needs a file name/);
  });

  it('takes -o - as standard output, writing no file named "-"', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-dash-'));
    try {
      const r = spawnSync(process.execPath, [CLI(), 'generate', intake, '-o', '-'], { cwd, encoding: 'utf8', env: { ...process.env, INTAKE_LANG: 'en' } });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^# /);
      assert.deepEqual(fs.readdirSync(cwd), []);
      // Word is binary: it still needs a file.
      const docx = spawnSync(process.execPath, [CLI(), 'generate', intake, '--format', 'docx', '-o', '-'], { cwd, encoding: 'utf8', env: { ...process.env, INTAKE_LANG: 'en' } });
      assert.equal(docx.status, 2);
      assert.match(docx.stderr, /--format docx needs -o OUT/);
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('stops quietly on a closed pipe (| head) and reports /dev/full in one line', async () => {
    // A reader that reads one byte and goes away.
    const child = spawn(process.execPath, [CLI(), 'generate', path.join(fixturesDir(), 'analysis.intake')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0);
    assert.equal(stderr, '');
    if (fs.existsSync('/dev/full')) {
      const fd = fs.openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [CLI(), 'generate', intake], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
        assert.equal(r.status, 2);
        assert.equal(r.stderr, 'intake: cannot write the output (ENOSPC)\n');
      } finally {
        fs.closeSync(fd);
      }
    }
  });

  it('reads regular files only: a device or a FIFO is refused at once', () => {
    if (fs.existsSync('/dev/zero')) {
      const r = run(['check', '/dev/zero']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /is not a regular file/);
    }
    const fifo = path.join(dir, 'pipe.intake');
    if (spawnSync('mkfifo', [fifo]).status === 0) {
      const r = run(['check', fifo]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /is not a regular file/);
    }
  });

  it('names ELOOP and ENAMETOOLONG instead of "no such file"', () => {
    const loop = path.join(dir, 'loop.intake');
    fs.symlinkSync(loop, loop);
    assert.match(run(['check', loop]).stderr, /too many levels of symbolic links/);
    assert.match(run(['check', path.join(dir, `${'x'.repeat(300)}.intake`)]).stderr, /the file name is too long/);
    assert.match(run(['check', path.join(dir, 'missing.intake')]).stderr, /no such file/);
  });

  it('check and generate agree on a file without an intake: exit 2', () => {
    const empty = path.join(dir, 'empty.intake');
    fs.writeFileSync(empty, '');
    for (const command of ['check', 'generate']) {
      const r = run([command, empty]);
      assert.equal(r.code, 2, command);
      assert.match(r.stderr, /contains no intake/);
    }
  });

  it('decodes UTF-16 by its byte-order mark, and warns about invalid UTF-8', () => {
    for (const [name, bytes] of [
      ['le.intake', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(INTAKE, 'utf16le')])],
      ['be.intake', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(INTAKE, 'utf16le').swap16()])],
    ] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const r = run(['check', file, '--json']);
      assert.equal(r.stderr, '', name);
      assert.equal(JSON.parse(r.stdout).intakes, 1);
      assert.ok(!r.stdout.includes('\uFFFD'));
    }
    const bad = path.join(dir, 'latin1.intake');
    fs.writeFileSync(bad, Buffer.concat([Buffer.from(INTAKE), Buffer.from([0xc3, 0x28, 0x0a])]));
    const r = run(['check', bad]);
    assert.match(r.stderr, /is not valid UTF-8/);
  });

  it('finds the intake after a byte-order mark in the middle of a file (two files joined)', () => {
    const joined = `${INTAKE}\n=====\n\uFEFF${INTAKE}`;
    const file = parseIntake(joined);
    assert.equal(file.intakes.length, 2);
    assert.equal(file.intakes[1]!.sections[0]!.name, '客户行业');
  });

  it('shows control characters from the intake escaped in the terminal', () => {
    const file = path.join(dir, 'ansi.intake');
    fs.writeFileSync(file, '[客户行业]：__(\u001b]0;owned\u0007\u001b[31m红/蓝)__\n');
    const r = run(['check', file]);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(r.stdout), JSON.stringify(r.stdout));
    assert.match(r.stdout, /\\x1B\]0;owned\\x07\\x1B\[31m红/);
  });

  it('drops control characters from exports, and keeps Word files valid XML (metadata included)', async () => {
    const hostile = '[客户行业]：保险\u0001\u001b[2J\uFFFE\uFFFF\n- 细分领域：车险\u0007\n';
    const file = path.join(dir, 'hostile.intake');
    fs.writeFileSync(file, hostile);
    const md = run(['generate', file]);
    assert.equal(md.code, 0, md.stderr);
    assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(md.stdout));
    const html = run(['generate', file, '--format', 'html']);
    assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(html.stdout));
    const out = path.join(dir, 'hostile.docx');
    const r = await main(['generate', file, '--format', 'docx', '-o', out], {});
    assert.equal(r.exitCode, 0, r.stderr);
    const parts = unzip(fs.readFileSync(out));
    for (const [name, bytes] of parts) {
      if (!name.endsWith('.xml')) continue;
      const xml = bytes.toString('utf8');
      assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml), name);
    }
    assert.match(parts.get('docProps/core.xml')!.toString('utf8'), /<dc:title>[^<]*保险[^<]*<\/dc:title>/);
    // A NUL can reach the exports from the editor (the CLI refuses such a file as binary).
    const model = generateReport(parseIntake('[客户行业]：保险\u0000\u001b]8;;http://x\u0007\n'), 0);
    assert.ok(!/[\u0000\u001b\u0007]/.test(renderMarkdownExport(model)));
    assert.ok(!/[\u0000\u001b\u0007]/.test(renderStandaloneHtml(model)));
  });

  it('treats an amount too large to read as unreadable: a diagnostic, and never $Infinity in the report', () => {
    const file = path.join(dir, 'huge.intake');
    fs.writeFileSync(file, `[客户行业]：保险\n[预算限制]：\n- 总预算：$${'9'.repeat(400)}亿\n`);
    const check = run(['check', file]);
    assert.match(check.stdout, /warning intake\.unreadable-amount: \$9{23}… is too large to be an amount \(402 characters\)/);
    for (const format of ['md', 'json', 'html']) {
      const r = run(['generate', file, '--format', format]);
      assert.equal(r.code, 0);
      assert.ok(!/Infinity|"amount": null/.test(r.stdout), format);
    }
  });
});
