/** `intake generate --format html|docx|md -o OUT` writes the same exports as the editor; usage errors stay one line with exit code 2. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { renderStandaloneHtml } from '../../../src/core/render/exportHtml';
import { seedPath } from '../helpers/seeds';
import { unzip } from '../helpers/zip';
import { AS_OF, insuranceModel } from './fixtures';

describe('intake generate --format', function () {
  this.timeout(20000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-render-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the standalone HTML export with --format html -o', async () => {
    const out = path.join(dir, 'report.html');
    const result = await main(['generate', seedPath(), '--intake', '2', '--format', 'html', '--as-of', AS_OF, '-o', out], {});
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(fs.readFileSync(out, 'utf8'), renderStandaloneHtml(insuranceModel()));
  });

  it('writes a .docx with --format docx -o', async () => {
    const out = path.join(dir, 'report.docx');
    const result = await main(['generate', seedPath(), '--intake', '2', '--format', 'docx', '-o', out], {});
    assert.equal(result.exitCode, 0, result.stderr);
    assert.ok(unzip(fs.readFileSync(out)).get('word/document.xml')!.toString('utf8').includes('业务需求分析'));
  });

  it('prints HTML and Markdown (with the charts) to stdout without -o', async () => {
    const html = await main(['generate', seedPath(), '--intake', '2', '--format', 'html'], {});
    assert.equal(html.exitCode, 0);
    assert.match(html.stdout, /^<!doctype html>/);
    const md = await main(['generate', seedPath(), '--intake', '2'], {});
    assert.equal(md.exitCode, 0);
    assert.match(md.stdout, /^# /);
    assert.equal((md.stdout.match(/\(data:image\/svg\+xml;base64,/g) ?? []).length, 2);
  });

  it('leaves the references out with --no-refs, and prints a brief for a blank template', async () => {
    const md = await main(['generate', seedPath(), '--intake', '2', '--no-refs', '--as-of', AS_OF], {});
    assert.equal(md.exitCode, 0, md.stderr);
    assert.doesNotMatch(md.stdout, /〔L\d/);
    const brief = await main(['generate', seedPath(), '--intake', '1'], {});
    assert.equal(brief.exitCode, 0, brief.stderr);
    assert.match(brief.stdout, /^# 需求澄清清单/);
    assert.doesNotMatch(brief.stdout, /## 推荐系统方案/);
  });

  it('prints the JSON model with --format json, one-based throughout', async () => {
    const result = await main(['generate', seedPath(), '--intake', '2', '--format', 'json', '--as-of', AS_OF], {});
    assert.equal(result.exitCode, 0, result.stderr);
    const model = JSON.parse(result.stdout) as ReturnType<typeof insuranceModel>;
    assert.equal(model.intake.number, 2);
    assert.equal(model.asOf, AS_OF);
    assert.deepEqual(model, JSON.parse(JSON.stringify(insuranceModel())));
  });

  it('refuses --format docx without -o, unknown formats and a bad --as-of, with one line and exit code 2', async () => {
    for (const args of [
      ['generate', seedPath(), '--format', 'docx'],
      ['generate', seedPath(), '--format', 'pdf'],
      ['generate', seedPath(), '--as-of', '2026-02-30'],
      ['generate', seedPath(), '--as-of', 'today'],
    ]) {
      const result = await main(args, {});
      assert.equal(result.exitCode, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^intake: [^\n]+\n$/);
    }
  });
});
