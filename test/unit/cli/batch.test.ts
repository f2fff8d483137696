/**
 * `intake check` and `intake generate` over several files (issue 13): the built cli/dist/cli.js,
 * spawned over a fixture tree (tree.ts), so that worker threads, exit codes and the output
 * folder are real. Results must not depend on the number of workers.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/seeds';
import { DRAFTS_CONFIG, writeTree } from './tree';

const CLI = () => path.join(repoRoot(), 'cli', 'dist', 'cli.js');
const SUMMARY = /^intake: (\d+) file\(s\), (\d+) intake\(s\): (\d+) error\(s\), (\d+) warning\(s\) in \d+\.\d\d s(; (\d+) file\(s\) failed)?$/m;

describe('intake check / generate over several files (spawned)', function () {
  this.timeout(60_000);
  let root: string;
  before(() => (root = writeTree()));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [CLI(), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, INTAKE_LANG: 'en' }, timeout: 50_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  const summary = (stderr: string) => {
    const m = SUMMARY.exec(stderr);
    assert.ok(m, `no summary line in ${stderr}`);
    return { files: Number(m[1]), intakes: Number(m[2]), errors: Number(m[3]), warnings: Number(m[4]), failed: m[6] ? Number(m[6]) : 0 };
  };

  it('checks a folder: problem-matcher lines in input order, a summary on stderr, exit 1 for errors', () => {
    const r = run(['check', 'customers', '--jobs', '1']);
    assert.equal(r.code, 1, r.stderr);
    const files = [...new Set(r.stdout.trimEnd().split('\n').map((l) => l.split(':')[0]))];
    assert.deepEqual(files, ['customers/emea/acme.intake', 'customers/emea/broken.intake']);
    for (const line of r.stdout.trimEnd().split('\n')) assert.match(line, /^(.+?):(\d+):(\d+): (error|warning|information|hint) (intake\.[a-z-]+): (.*)$/);
    const s = summary(r.stderr);
    assert.deepEqual({ ...s }, { files: 6, intakes: 8, errors: 7, warnings: 8, failed: 0 });
    assert.equal(s.errors, r.stdout.split('\n').filter((l) => / error intake\./.test(l)).length);
  });

  it('gives the same output with 1 and N workers, for check, check --json and generate', function () {
    // Six CLI processes in turn: about 9 s on a quiet host, near mocha's 15 s on a loaded one.
    this.timeout(60_000);
    const one = run(['check', 'customers', '--jobs', '1']);
    const three = run(['check', 'customers', '--jobs', '3']);
    assert.equal(three.stdout, one.stdout);
    assert.equal(three.code, one.code);
    assert.deepEqual(summary(three.stderr), summary(one.stderr));
    const j1 = run(['check', 'customers', '**/*.txt', '--json', '-j', '1']);
    const j4 = run(['check', 'customers', '**/*.txt', '--json', '-j', '4']);
    assert.equal(j4.stdout, j1.stdout);
    assert.equal(j4.code, 2, 'notes.txt is no intake');
    const g1 = run(['generate', 'customers', '-o', 'out-1', '-j', '1']);
    const g3 = run(['generate', 'customers', '-o', 'out-3', '-j', '3']);
    assert.equal(g1.code, 0, g1.stderr);
    assert.equal(g3.code, 0, g3.stderr);
    assert.equal(g3.stdout.replaceAll('out-3', 'out-1'), g1.stdout);
    for (const rel of g1.stdout.trimEnd().split('\n')) {
      const other = rel.replace(/^out-1/, 'out-3');
      assert.ok(fs.readFileSync(path.join(root, rel)).equals(fs.readFileSync(path.join(root, other))), rel);
    }
  });

  it('--json over several files: one entry per file in input order, errors inline, and a summary', () => {
    const r = run(['check', 'customers/emea', 'customers/missing.intake', '--json']);
    assert.equal(r.code, 2);
    const json = JSON.parse(r.stdout) as { files: { file: string; intakes?: number; diagnostics?: unknown[]; error?: string }[]; summary: Record<string, number> };
    assert.deepEqual(json.files.map((f) => f.file), ['customers/emea/acme.intake', 'customers/emea/broken.intake', 'customers/missing.intake']);
    assert.equal(json.files[1]!.intakes, 2);
    assert.match(json.files[2]!.error!, /no such file/);
    assert.deepEqual(json.summary, { files: 3, intakes: 3, errors: 7, warnings: 8 });
  });

  it('aggregates exit codes: a file that cannot be read (2) outweighs errors (1), and the others are still checked', () => {
    const r = run(['check', 'customers/emea/broken.intake', 'customers/notes.txt', 'customers/acme.intake']);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /^customers\/emea\/broken\.intake:/);
    assert.match(r.stderr, /^intake: customers\/notes\.txt: contains no intake$/m);
    assert.equal(summary(r.stderr).failed, 1);
    const clean = run(['check', 'customers/acme.intake', 'customers/pipeline.intake']);
    assert.equal(clean.code, 0, clean.stderr);
    assert.equal(clean.stdout, '');
  });

  it('says which arguments match nothing; none at all is a usage error', () => {
    const some = run(['check', 'customers/*.intake', 'nowhere/**/*.intake']);
    assert.equal(some.code, 0, some.stderr);
    assert.match(some.stderr, /^intake: nowhere\/\*\*\/\*\.intake: matches no file$/m);
    const none = run(['check', 'nowhere/**/*.intake']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no files to work on/);
  });

  it('follows the nearest .intake/config.yaml: drafts has placeholders off and missing fields ignored', () => {
    const withConfig = run(['check', 'customers/drafts', 'customers/drafts/blank.intake']);
    assert.equal(withConfig.stdout, '');
    assert.equal(summary(withConfig.stderr).warnings, 0);
    const without = run(['check', 'customers/drafts', '--no-config']);
    assert.match(without.stdout, / warning intake\.placeholder: /);
    // The single-file form follows it too.
    assert.equal(run(['check', 'customers/drafts/blank.intake']).stdout, '');
  });

  it('--config FILE applies one config to every file, instead of the .intake/ folders', () => {
    fs.writeFileSync(path.join(root, 'strict.yaml'), 'diagnostics:\n  placeholderSeverity: error\n');
    const r = run(['check', 'customers/drafts', '--config', 'strict.yaml']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, / error intake\.placeholder: /);
    assert.equal(run(['check', 'customers/drafts', '--config', 'missing.yaml']).stderr, 'intake: missing.yaml: no such file\n');
  });

  it('stops at a broken config with one line and exit 2, before checking anything', () => {
    const config = path.join(root, 'customers', 'drafts', '.intake', 'config.yaml');
    fs.writeFileSync(config, 'diagnostics:\n  placeholderSeverity: loud\n');
    try {
      for (const args of [['check', 'customers'], ['check', 'customers/drafts/blank.intake'], ['generate', 'customers', '-o', 'never']]) {
        const r = run(args);
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, `intake: ${path.join('customers', 'drafts', '.intake', 'config.yaml')}:2:24: diagnostics.placeholderSeverity: must be one of error, warning, information, hint, off\n`);
      }
      assert.ok(!fs.existsSync(path.join(root, 'never')));
    } finally {
      fs.writeFileSync(config, DRAFTS_CONFIG);
    }
  });

  it('generate -o DIR writes one report per intake, named FILE-N.report.FORMAT, keeping subfolders', () => {
    const r = run(['generate', 'customers', '#**/drafts', '-o', 'reports']);
    assert.equal(r.code, 0, r.stderr);
    const written = r.stdout.trimEnd().split('\n');
    assert.deepEqual(written, [
      'reports/acme-1.report.md',
      'reports/emea/acme-1.report.md',
      'reports/emea/broken-1.report.md',
      'reports/emea/broken-2.report.md',
      'reports/pipeline-1.report.md',
      'reports/pipeline-2.report.md',
      'reports/retail-1.report.md',
    ].map((p) => p.split('/').join(path.sep)));
    for (const file of written) assert.match(fs.readFileSync(path.join(root, file), 'utf8'), /^# /);
    assert.match(r.stderr, /^intake: 5 file\(s\), 7 intake\(s\): 7 report\(s\) written to reports in \d+\.\d\d s$/m);
    // --intake N and --format: that intake of each file, in that format.
    const docx = run(['generate', 'customers/pipeline.intake', 'customers/emea', '--intake', '2', '--format', 'docx', '-o', 'second']);
    assert.equal(docx.code, 2, 'acme.intake has one intake only');
    assert.match(docx.stderr, /customers\/emea\/acme\.intake: has 1 intake\(s\); --intake 2 does not exist/);
    assert.deepEqual(docx.stdout.trimEnd().split('\n'), [path.join('second', 'pipeline-2.report.docx'), path.join('second', 'broken-2.report.docx')]);
    assert.equal(fs.readFileSync(path.join(root, 'second', 'pipeline-2.report.docx')).toString('latin1', 0, 2), 'PK');
  });

  it('generate takes the format from each file\'s folder config unless --format says otherwise', () => {
    const config = path.join(root, 'customers', 'emea', '.intake', 'config.yaml');
    fs.mkdirSync(path.dirname(config), { recursive: true });
    fs.writeFileSync(config, 'generate:\n  format: html\n');
    try {
      const r = run(['generate', 'customers/emea', 'customers/pipeline.intake', '-o', 'mixed']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.stdout.trimEnd().split('\n'), ['acme-1.report.html', 'broken-1.report.html', 'broken-2.report.html', 'pipeline-1.report.md', 'pipeline-2.report.md'].map((f) => path.join('mixed', f)));
      assert.match(fs.readFileSync(path.join(root, 'mixed', 'acme-1.report.html'), 'utf8'), /^<!doctype html>/i);
      const json = run(['generate', 'customers/emea', '--format', 'json', '-o', 'as-json']);
      assert.deepEqual(json.stdout.trimEnd().split('\n'), ['acme-1.report.json', 'broken-1.report.json', 'broken-2.report.json'].map((f) => path.join('as-json', f)));
      // The single-file form too: docx from a config needs -o.
      fs.writeFileSync(config, 'generate:\n  format: docx\n');
      const single = run(['generate', 'customers/emea/acme.intake']);
      assert.equal(single.code, 2);
      assert.match(single.stderr, /The folder config sets format docx, which needs -o OUT/);
    } finally {
      fs.rmSync(path.dirname(config), { recursive: true, force: true });
    }
  });

  it('refuses clashing names, -o naming a file, several files without -o, and the LLM over several files, before writing', () => {
    const clash = run(['generate', 'customers/acme.intake', 'customers/emea/acme.intake', '-o', 'clash']);
    assert.equal(clash.code, 2);
    assert.match(clash.stderr, /would write reports of the same name \(acme-N\.report\.\*\)/);
    assert.ok(!fs.existsSync(path.join(root, 'clash')));
    assert.match(run(['generate', 'customers', '-o', 'customers/acme.intake']).stderr, /-o names a file; with several files it must be a folder/);
    assert.match(run(['generate', 'customers']).stderr, /generate with several files needs -o DIR/);
    assert.match(run(['generate', 'customers', '-o', 'x', '--provider', 'openai-compatible', '--base-url', 'http://127.0.0.1:9/v1', '--model', 'm']).stderr, /writes one report: give one FILE/);
  });

  it('never writes over an input, not even through a link in the output folder', () => {
    fs.mkdirSync(path.join(root, 'linked'), { recursive: true });
    fs.symlinkSync(path.join(root, 'customers', 'pipeline.intake'), path.join(root, 'linked', 'pipeline-2.report.md'));
    const before = fs.readFileSync(path.join(root, 'customers', 'pipeline.intake'), 'utf8');
    const r = run(['generate', 'customers/pipeline.intake', 'customers/acme.intake', '-o', 'linked']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /linked\/pipeline-2\.report\.md: the output would overwrite the input customers\/pipeline\.intake/);
    assert.equal(fs.readFileSync(path.join(root, 'customers', 'pipeline.intake'), 'utf8'), before);
    // The other reports are written.
    assert.deepEqual(r.stdout.trimEnd().split('\n'), ['pipeline-1.report.md', 'acme-1.report.md'].map((f) => path.join('linked', f)));
  });

  it('keeps the single-file form as it was: no summary line, -o a file, --intake picks one intake', () => {
    const r = run(['check', 'customers/emea/broken.intake']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    const g = run(['generate', 'customers/pipeline.intake', '--intake', '2', '-o', 'one.md']);
    assert.equal(g.code, 0, g.stderr);
    assert.equal(g.stderr, 'Wrote one.md\n');
    assert.match(fs.readFileSync(path.join(root, 'one.md'), 'utf8'), /^# /);
  });
});
