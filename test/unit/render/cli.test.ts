/** `intake generate --format html|docx|md -o OUT` writes the same exports as the editor; usage errors stay one line with exit code 2. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { renderStandaloneHtml } from '../../../src/core/render/exportHtml';
import { seedPath } from '../helpers/seeds';
import { unzip } from '../helpers/zip';
import { insuranceModel } from './fixtures';

describe('intake generate --format', function () {
  this.timeout(20000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-render-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the standalone HTML export with --format html -o', async () => {
    const out = path.join(dir, 'report.html');
    const result = await main(['generate', seedPath(), '--intake', '2', '--format', 'html', '-o', out], {});
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

  it('refuses --format docx without -o, and unknown formats, with one line and exit code 2', async () => {
    for (const args of [
      ['generate', seedPath(), '--format', 'docx'],
      ['generate', seedPath(), '--format', 'pdf'],
    ]) {
      const result = await main(args, {});
      assert.equal(result.exitCode, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^intake: [^\n]+\n$/);
    }
  });
});
