import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateByOpening, codeActions, codeOf, fixtureUri, fullRange, open, readFixture, replaceLine,
  waitForDiagnostics, withCode, writeScratch,
} from './helpers';

const PLACEHOLDER = 'intake.placeholder';
const placeholders = (ds: vscode.Diagnostic[]): vscode.Diagnostic[] => ds.filter((d) => codeOf(d) === PLACEHOLDER);
/** The analysis checks' codes (src/core/analysis/): findings about the facts, some errors by design (aviation's SOC 2 "Type III"). */
const ANALYSIS_CODES = new Set(['intake.budget-sum', 'intake.budget-exceeds', 'intake.sla-conflict', 'intake.latency-physics', 'intake.unknown-standard', 'intake.retired-standard', 'intake.wording']);

suite('Diagnostics and fixes', () => {
  suiteSetup(activateByOpening);

  test('blank simple template: 35 intake.placeholder warnings from source "intake"', async () => {
    const uri = fixtureUri('blank-simple.intake');
    await open(uri);
    const diags = await waitForDiagnostics(uri, (ds) => placeholders(ds).length > 0, PLACEHOLDER);
    const found = placeholders(diags);
    assert.equal(found.length, 35);
    for (const d of found) {
      assert.equal(d.source, 'intake');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    }
  });

  for (const name of ['insurance.intake', 'aviation.intake']) {
    test(`filled ${name}: no placeholder and no error diagnostics`, async () => {
      // Absence cannot be awaited, so prove the linter is live on the document first: add a
      // placeholder, wait for its warning, take it out again and wait for the clean state.
      const doc = await open(await writeScratch(name, await readFixture(name)));
      const extra = '- 备注：__(待补充)__\n';
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), extra);
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitForDiagnostics(doc.uri, (ds) => placeholders(ds).length === 1, 'the added placeholder');
      const undo = new vscode.WorkspaceEdit();
      const last = doc.lineCount - 1;
      undo.delete(doc.uri, new vscode.Range(last - 1, 0, last, 0));
      assert.ok(await vscode.workspace.applyEdit(undo));
      // "No errors" is about the core validator (as in test/unit/core/seeds.test.ts); the analysis findings are pinned there.
      const clean = (ds: vscode.Diagnostic[]): boolean =>
        placeholders(ds).length === 0 && !ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error && !ANALYSIS_CODES.has(codeOf(d)));
      await waitForDiagnostics(doc.uri, clean, 'no placeholder and no error diagnostics');
    });
  }

  test('the preferred quick-fix removes a placeholder diagnostic', async () => {
    const doc = await open(await writeScratch('blank-simple.intake', await readFixture('blank-simple.intake')));
    const before = placeholders(await waitForDiagnostics(doc.uri, (ds) => placeholders(ds).length === 35, '35 placeholders'));
    // Only a placeholder with a single option or example has one obvious (preferred) fix.
    let target: vscode.Diagnostic | undefined;
    let preferred: vscode.CodeAction | undefined;
    const seen: string[] = [];
    for (const d of before) {
      const actions = await codeActions(doc.uri, d.range);
      seen.push(...actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`));
      const candidates = actions.filter((a) => a.isPreferred && a.edit);
      assert.ok(candidates.length <= 1, `more than one preferred fix at line ${d.range.start.line + 1}`);
      if (candidates.length === 1) {
        [target, preferred] = [d, candidates[0]];
        break;
      }
    }
    assert.ok(target && preferred, `no placeholder has a preferred fix; offered: ${[...new Set(seen)].slice(0, 12).join('; ') || 'nothing'}`);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
    const start = target.range.start;
    await waitForDiagnostics(
      doc.uri,
      (ds) => placeholders(ds).length === 34 && !placeholders(ds).some((d) => d.range.start.isEqual(start)),
      `34 placeholders, none left at line ${start.line + 1}`,
    );
    assert.ok(!doc.lineAt(start.line).text.slice(start.character).startsWith('__('), `"${preferred.title}" left the placeholder`);
  });

  test('source.fixAll.intake normalises a half-width colon and inserts a missing section', async () => {
    let text = await readFixture('insurance.intake');
    text = replaceLine(text, '- 细分领域', '- 细分领域: 寿险');
    text = text.slice(0, text.indexOf('[特殊要求]')).trimEnd() + '\n';
    const doc = await open(await writeScratch('fixall.intake', text));
    await waitForDiagnostics(
      doc.uri,
      (ds) => ds.some((d) => codeOf(d) === 'intake.format') && ds.some((d) => codeOf(d) === 'intake.missing-section'),
      'intake.format and intake.missing-section',
    );
    const actions = (await codeActions(doc.uri, fullRange(doc), 'source.fixAll.intake')).filter(
      (a) => a.kind?.value === 'source.fixAll.intake' && a.edit,
    );
    assert.equal(actions.length, 1, `expected one source.fixAll.intake action with an edit, got ${actions.length}`);
    assert.ok(await vscode.workspace.applyEdit(actions[0]!.edit!));
    const fixed = doc.getText();
    assert.match(fixed, /细分领域：\s*寿险/, 'the half-width colon was not replaced by ：');
    assert.ok(fixed.includes('[特殊要求]'), 'the missing section [特殊要求] was not inserted');
    await waitForDiagnostics(
      doc.uri,
      (ds) => withCode(doc.uri, 'intake.format').length === 0 && !ds.some((d) => codeOf(d) === 'intake.missing-section'),
      'no intake.format and no intake.missing-section',
    );
  });

  test('diagnostics follow edits', async () => {
    const doc = await open(await writeScratch('insurance.intake', await readFixture('insurance.intake')));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(1, 0), '- 细分领域补充：__(寿险/财险)__\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(doc.uri, (ds) => placeholders(ds).some((d) => d.range.start.line === 1), 'a placeholder diagnostic on the inserted line');
  });
});
