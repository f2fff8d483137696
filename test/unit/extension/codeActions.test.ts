/**
 * The code action provider (src/extension/codeActions.ts), with a stand-in `vscode`: VS Code
 * asks on every cursor move, so a request computes only what its `context.only` asks for. Quick
 * fixes look the cursor's diagnostics up in the document's analysis (its analysis findings only
 * for an analysis diagnostic); Fix All and Fill Placeholders are computed only when their kind is
 * asked for, and in the Source Action menu only once picked (resolveCodeAction).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DocumentAnalysis } from '../../../src/core/documents/documentAnalysis';
import type { IntakeDiagnostic } from '../../../src/core/diagnostics';
import { fixAllEdits } from '../../../src/core/fixes';
import { FILL_PLACEHOLDERS_KIND, FIX_ALL_KIND, IntakeCodeActionProvider } from '../../../src/extension/codeActions';
import { readFixture, seedIntakeList } from '../helpers/seeds';

interface Calls {
  fixAll: number;
  fill: number;
  hasSafeFixes: number;
  hasFillable: number;
  analysisLookups: number;
}

/** A provider over one document whose analysis counts the expensive calls. */
function setup(text: string): { provider: IntakeCodeActionProvider; doc: vscode.TextDocument; analysis: DocumentAnalysis; calls: Calls } {
  const analysis = DocumentAnalysis.of(text);
  const calls: Calls = { fixAll: 0, fill: 0, hasSafeFixes: 0, hasFillable: 0, analysisLookups: 0 };
  const spy = <K extends keyof DocumentAnalysis>(name: K, count: keyof Calls, when: (args: unknown[]) => boolean = () => true) => {
    const original = (analysis[name] as (...args: unknown[]) => unknown).bind(analysis);
    (analysis as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      if (when(args)) calls[count]++;
      return original(...args);
    };
  };
  spy('fixAllEdits', 'fixAll');
  spy('fillPlaceholderEdits', 'fill');
  spy('hasSafeFixes', 'hasSafeFixes');
  spy('hasFillablePlaceholders', 'hasFillable');
  spy('diagnosticsAt', 'analysisLookups', (args) => args[1] === true);
  const doc = { uri: { toString: () => 'file:///w/a.intake' }, version: 1 } as unknown as vscode.TextDocument;
  return { provider: new IntakeCodeActionProvider({ get: () => analysis }), doc, analysis, calls };
}

function vsDiagnostic(d: IntakeDiagnostic): vscode.Diagnostic {
  const r = d.range;
  const out = new vscode.Diagnostic(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), d.message);
  out.code = d.code;
  out.source = 'intake';
  return out;
}

function request(provider: IntakeCodeActionProvider, doc: vscode.TextDocument, diagnostics: vscode.Diagnostic[], only?: vscode.CodeActionKind): vscode.CodeAction[] {
  const context = { diagnostics, only, triggerKind: 1 } as unknown as vscode.CodeActionContext;
  return provider.provideCodeActions(doc, new vscode.Range(0, 0, 0, 0), context);
}

describe('code actions', () => {
  const blank = seedIntakeList()[0]!;

  it('a cursor move (no kind asked for) gets the quick fixes of its diagnostics and computes nothing else', () => {
    const { provider, doc, analysis, calls } = setup(blank);
    const placeholder = analysis.diagnostics().find((d) => d.code === 'intake.placeholder')!;
    const actions = request(provider, doc, [vsDiagnostic(placeholder)]);
    assert.ok(actions.length > 0 && actions.every((a) => a.kind?.value === 'quickfix'));
    assert.ok(actions.every((a) => a.edit && (a.edit as unknown as vscode.WorkspaceEdit & { edits: unknown[] }).edits.length > 0));
    assert.deepEqual(calls, { fixAll: 0, fill: 0, hasSafeFixes: 0, hasFillable: 0, analysisLookups: 0 });
  });

  it('reads an intake\'s analysis findings only for an analysis diagnostic', () => {
    const { provider, doc, analysis, calls } = setup(readFixture('analysis'));
    const finding = analysis.diagnostics().find((d) => d.data.kind === 'analysis' && d.data.replacement !== undefined);
    assert.ok(finding, 'the fixture has an analysis finding with a fix');
    const actions = request(provider, doc, [vsDiagnostic(finding)], vscode.CodeActionKind.QuickFix);
    assert.equal(actions.length, 1);
    assert.equal(calls.analysisLookups, 1);
  });

  it('computes Fix All at once when source.fixAll is asked for (Fix All, code actions on save)', () => {
    const { provider, doc, calls } = setup(readFixture('messy'));
    for (const only of [vscode.CodeActionKind.SourceFixAll, FIX_ALL_KIND]) {
      const actions = request(provider, doc, [], only);
      assert.deepEqual(actions.map((a) => a.kind?.value), ['source.fixAll.intake']);
      const edits = (actions[0]!.edit as unknown as { edits: { newText: string }[] }).edits;
      assert.deepEqual(edits.map((e) => e.newText), fixAllEdits(readFixture('messy')).map((e) => e.newText));
    }
    assert.equal(calls.fixAll, 2);
    assert.equal(calls.fill, 0);
  });

  it('offers the source actions unresolved in the Source Action menu, and computes the one picked', () => {
    // Placeholders to fill, and a half-width colon for Fix All.
    const { provider, doc, calls } = setup(blank.replace('：', ':'));
    const actions = request(provider, doc, [], vscode.CodeActionKind.Source);
    assert.deepEqual(actions.map((a) => a.kind?.value).sort(), [FILL_PLACEHOLDERS_KIND.value, FIX_ALL_KIND.value].sort());
    assert.ok(actions.every((a) => a.edit === undefined));
    assert.equal(calls.fixAll + calls.fill, 0);
    const fill = provider.resolveCodeAction(actions.find((a) => a.kind?.value === FILL_PLACEHOLDERS_KIND.value)!);
    assert.ok((fill.edit as unknown as { edits: unknown[] }).edits.length > 0);
    assert.equal(calls.fill, 1);
    assert.equal(calls.fixAll, 0);
  });

  it('offers nothing to fix or fill when there is nothing', () => {
    const filled = seedIntakeList()[1]!;
    const { provider, doc, analysis } = setup(filled);
    const actions = request(provider, doc, [], vscode.CodeActionKind.Source);
    assert.equal(actions.some((a) => a.kind?.value === FILL_PLACEHOLDERS_KIND.value), analysis.hasFillablePlaceholders());
    assert.equal(actions.some((a) => a.kind?.value === FIX_ALL_KIND.value), analysis.hasSafeFixes());
  });

  it('gives only quick fixes when quick fixes are asked for, and nothing for diagnostics that are not ours', () => {
    const { provider, doc, analysis, calls } = setup(blank);
    const placeholder = analysis.diagnostics().find((d) => d.code === 'intake.placeholder')!;
    const foreign = vsDiagnostic(placeholder);
    foreign.source = 'other';
    assert.deepEqual(request(provider, doc, [foreign], vscode.CodeActionKind.QuickFix), []);
    assert.deepEqual(request(provider, doc, [vsDiagnostic(placeholder)], vscode.CodeActionKind.Refactor), []);
    assert.equal(calls.fixAll + calls.fill + calls.hasSafeFixes + calls.hasFillable, 0);
  });
});
