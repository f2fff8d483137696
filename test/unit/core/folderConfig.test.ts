/** `.intake/config.yaml` (src/core/folderConfig.ts): the schema, one-line problems with positions, the policy, the editor's precedence. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IntakeDiagnostic } from '../../../src/core/diagnostics';
import { applyDiagnosticPolicy, diagnosticPolicyOf, effectivePlaceholderSeverity, formatConfigProblem, MAX_CONFIG_BYTES } from '../../../src/core/folderConfig';
import { loadFolderConfig, parseFolderConfig } from '../../../src/core/folderConfigFile';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { readExample } from '../helpers/seeds';

function problem(text: string): string {
  const r = parseFolderConfig(text);
  assert.ok(!r.ok, `expected a problem in ${JSON.stringify(text)}`);
  return formatConfigProblem('config.yaml', r.problem);
}

describe('folder config (.intake/config.yaml)', () => {
  it('reads the three settings', () => {
    const r = parseFolderConfig('diagnostics:\n  placeholderSeverity: error\n  ignore: [intake.wording, intake.missing-field]\ngenerate:\n  format: docx\n');
    assert.ok(r.ok);
    assert.deepEqual(r.config, { diagnostics: { placeholderSeverity: 'error', ignore: ['intake.wording', 'intake.missing-field'] }, generate: { format: 'docx' } });
  });

  it('takes an empty file, or comments only, as setting nothing', () => {
    for (const text of ['', '# nothing yet\n', '\n\n']) {
      const r = parseFolderConfig(text);
      assert.ok(r.ok, text);
      assert.deepEqual(r.config, {});
    }
  });

  it('reports a problem as one line with its position', () => {
    assert.equal(problem('diagnostics:\n  placeholderSeverity: loud\n'), 'config.yaml:2:24: diagnostics.placeholderSeverity: must be one of error, warning, information, hint, off');
    assert.equal(problem('diagnostics:\n  ignore:\n    - intake.placholder\n'), 'config.yaml:3:7: diagnostics.ignore[0]: "intake.placholder" is not a diagnostic code (intake.placeholder, intake.missing-field, …)');
    assert.equal(problem('generate:\n  format: pdf\n'), 'config.yaml:2:11: generate.format: must be one of md, json, html, docx');
    assert.equal(problem('diagnostic:\n  ignore: []\n'), 'config.yaml:1:1: unknown key "diagnostic"');
    assert.equal(problem('generate:\n  format: md\n  out: x\n'), 'config.yaml:3:3: generate: unknown key "out"');
    assert.match(problem('- a\n- b\n'), /^config\.yaml:1:1: Invalid input: expected object, received array$/);
    assert.match(problem('diagnostics: [1\n'), /^config\.yaml:\d+:\d+: YAML: [^\n]+$/);
    assert.match(problem('generate:\n  format: md\n  format: html\n'), /^config\.yaml:3:3: YAML: Map keys must be unique/);
  });

  it('refuses YAML aliases outright, so a "billion laughs" file never expands', () => {
    assert.match(problem('diagnostics:\n  ignore: &codes [intake.wording]\ngenerate: *codes\n'), /anchors and aliases are not allowed/);
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    assert.match(problem(laughs.join('\n') + '\n'), /anchors and aliases are not allowed/);
  });

  describe('loading from a .intake folder', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-config-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('is undefined without a config.yaml, and reads one that is there', async () => {
      assert.equal(await loadFolderConfig(dir), undefined);
      fs.writeFileSync(path.join(dir, 'config.yaml'), 'generate:\n  format: html\n');
      const loaded = await loadFolderConfig(dir);
      assert.ok(loaded?.ok);
      assert.equal(loaded.file, path.join(dir, 'config.yaml'));
      assert.deepEqual(loaded.config, { generate: { format: 'html' } });
    });

    it('refuses a file over the size limit, one that is not UTF-8, and a folder named config.yaml', async () => {
      fs.writeFileSync(path.join(dir, 'config.yaml'), `# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`);
      let loaded = await loadFolderConfig(dir);
      assert.ok(loaded && !loaded.ok);
      assert.match(loaded.problem.message, /too large \(the limit is 64 KB\)/);
      fs.writeFileSync(path.join(dir, 'config.yaml'), Buffer.from([0x67, 0xff, 0x0a]));
      loaded = await loadFolderConfig(dir);
      assert.ok(loaded && !loaded.ok);
      assert.match(loaded.problem.message, /not valid UTF-8/);
      fs.rmSync(path.join(dir, 'config.yaml'));
      fs.mkdirSync(path.join(dir, 'config.yaml'));
      loaded = await loadFolderConfig(dir);
      assert.ok(loaded && !loaded.ok);
      assert.match(loaded.problem.message, /is not a file/);
    });
  });

  describe('the diagnostic policy', () => {
    const diagnostics = (): IntakeDiagnostic[] => validate(parseIntake(readExample('blank-simple') + readExample('aviation')));
    const codes = (ds: IntakeDiagnostic[]) => new Set(ds.map((d) => d.code));

    it('changes nothing without a config', () => {
      const all = diagnostics();
      assert.deepEqual(applyDiagnosticPolicy(all, diagnosticPolicyOf(undefined)), all);
    });

    it('sets the placeholder severity, leaves placeholders out with off, and drops ignored codes', () => {
      const all = diagnostics();
      const placeholders = all.filter((d) => d.code === 'intake.placeholder').length;
      assert.ok(placeholders > 0);
      const asErrors = applyDiagnosticPolicy(all, { placeholderSeverity: 'error' });
      assert.equal(asErrors.filter((d) => d.code === 'intake.placeholder' && d.severity === 'error').length, placeholders);
      assert.equal(asErrors.length, all.length);
      const off = applyDiagnosticPolicy(all, { placeholderSeverity: 'off' });
      assert.equal(off.length, all.length - placeholders);
      const [other] = [...codes(all)].filter((c) => c !== 'intake.placeholder');
      const ignored = applyDiagnosticPolicy(all, { ignore: [other!] });
      assert.ok(!codes(ignored).has(other!));
      assert.equal(ignored.length, all.filter((d) => d.code !== other).length);
    });

    it('in the editor: workspace settings, then the config, then user settings, then the default', () => {
      assert.equal(effectivePlaceholderSeverity({ workspace: 'hint', folderConfig: 'error', user: 'off', fallback: 'warning' }), 'hint');
      assert.equal(effectivePlaceholderSeverity({ folderConfig: 'error', user: 'off', fallback: 'warning' }), 'error');
      assert.equal(effectivePlaceholderSeverity({ user: 'off', fallback: 'warning' }), 'off');
      assert.equal(effectivePlaceholderSeverity({ fallback: 'warning' }), 'warning');
    });
  });
});
