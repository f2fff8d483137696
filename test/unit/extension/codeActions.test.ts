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
import type { DiagnosticPolicy } from '../../../src/core/folderConfig';
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
function setup(text: string, policy: DiagnosticPolicy = {}): { provider: IntakeCodeActionProvider; doc: vscode.TextDocument; analysis: DocumentAnalysis; calls: Calls } {
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
  return { provider: new IntakeCodeActionProvider({ get: () => analysis }, () => Promise.resolve(policy)), doc, analysis, calls };
}

function vsDiagnostic(d: IntakeDiagnostic): vscode.Diagnostic {
  const r = d.range;
  const out = new vscode.Diagnostic(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), d.message);
  out.code = d.code;
  out.source = 'intake';
  return out;
}

function request(provider: IntakeCodeActionProvider, doc: vscode.TextDocument, diagnostics: vscode.Diagnostic[], only?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  const context = { diagnostics, only, triggerKind: 1 } as unknown as vscode.CodeActionContext;
  return Promise.resolve(provider.provideCodeActions(doc, new vscode.Range(0, 0, 0, 0), context));
}

function editsOf(action: vscode.CodeAction | undefined): { newText: string }[] {
  return (action?.edit as unknown as { edits: { newText: string }[] } | undefined)?.edits ?? [];
}

describe('code actions', () => {
  const blank = seedIntakeList()[0]!;

  it('a cursor move (no kind asked for) gets the quick fixes of its diagnostics and computes nothing else', async () => {
    const { provider, doc, analysis, calls } = setup(blank);
    const placeholder = analysis.diagnostics().find((d) => d.code === 'intake.placeholder')!;
    const context = { diagnostics: [vsDiagnostic(placeholder)], only: undefined, triggerKind: 1 } as unknown as vscode.CodeActionContext;
    assert.ok(Array.isArray(provider.provideCodeActions(doc, new vscode.Range(0, 0, 0, 0), context)), 'answered at once, without waiting for the folder config');
    const actions = await request(provider, doc, [vsDiagnostic(placeholder)]);
    assert.ok(actions.length > 0 && actions.every((a) => a.kind?.value === 'quickfix'));
    assert.ok(actions.every((a) => a.edit && (a.edit as unknown as vscode.WorkspaceEdit & { edits: unknown[] }).edits.length > 0));
    assert.deepEqual(calls, { fixAll: 0, fill: 0, hasSafeFixes: 0, hasFillable: 0, analysisLookups: 0 });
  });

  it('reads an intake\'s analysis findings only for an analysis diagnostic', async () => {
    const { provider, doc, analysis, calls } = setup(readFixture('analysis'));
    const finding = analysis.diagnostics().find((d) => d.data.kind === 'analysis' && d.data.replacement !== undefined);
    assert.ok(finding, 'the fixture has an analysis finding with a fix');
    const actions = await request(provider, doc, [vsDiagnostic(finding)], vscode.CodeActionKind.QuickFix);
    assert.equal(actions.length, 1);
    assert.equal(calls.analysisLookups, 1);
  });

  it('computes Fix All at once when source.fixAll is asked for (Fix All, code actions on save)', async () => {
    const { provider, doc, calls } = setup(readFixture('messy'));
    for (const only of [vscode.CodeActionKind.SourceFixAll, FIX_ALL_KIND]) {
      const actions = await request(provider, doc, [], only);
      assert.deepEqual(actions.map((a) => a.kind?.value), ['source.fixAll.intake']);
      const edits = (actions[0]!.edit as unknown as { edits: { newText: string }[] }).edits;
      assert.deepEqual(edits.map((e) => e.newText), fixAllEdits(readFixture('messy')).map((e) => e.newText));
    }
    assert.equal(calls.fixAll, 2);
    assert.equal(calls.fill, 0);
  });

  it('offers the source actions unresolved in the Source Action menu, and computes the one picked', async () => {
    // Placeholders to fill, and a half-width colon for Fix All.
    const { provider, doc, calls } = setup(blank.replace('：', ':'));
    const actions = await request(provider, doc, [], vscode.CodeActionKind.Source);
    assert.deepEqual(actions.map((a) => a.kind?.value).sort(), [FILL_PLACEHOLDERS_KIND.value, FIX_ALL_KIND.value].sort());
    assert.ok(actions.every((a) => a.edit === undefined));
    assert.equal(calls.fixAll + calls.fill, 0);
    const fill = await provider.resolveCodeAction(actions.find((a) => a.kind?.value === FILL_PLACEHOLDERS_KIND.value)!);
    assert.ok((fill.edit as unknown as { edits: unknown[] }).edits.length > 0);
    assert.equal(calls.fill, 1);
    assert.equal(calls.fixAll, 0);
  });

  it('offers nothing to fix or fill when there is nothing', async () => {
    const filled = seedIntakeList()[1]!;
    const { provider, doc, analysis } = setup(filled);
    const actions = await request(provider, doc, [], vscode.CodeActionKind.Source);
    assert.equal(actions.some((a) => a.kind?.value === FILL_PLACEHOLDERS_KIND.value), analysis.hasFillablePlaceholders());
    assert.equal(actions.some((a) => a.kind?.value === FIX_ALL_KIND.value), analysis.hasSafeFixes());
  });

  it('gives only quick fixes when quick fixes are asked for, and nothing for diagnostics that are not ours', async () => {
    const { provider, doc, analysis, calls } = setup(blank);
    const placeholder = analysis.diagnostics().find((d) => d.code === 'intake.placeholder')!;
    const foreign = vsDiagnostic(placeholder);
    foreign.source = 'other';
    assert.deepEqual(await request(provider, doc, [foreign], vscode.CodeActionKind.QuickFix), []);
    assert.deepEqual(await request(provider, doc, [vsDiagnostic(placeholder)], vscode.CodeActionKind.Refactor), []);
    assert.equal(calls.fixAll + calls.fill + calls.hasSafeFixes + calls.hasFillable, 0);
  });

  describe("under a folder's .intake/config.yaml", () => {
    // messy: a half-width colon (intake.format) and missing sections and fields; each code has safe fixes.
    const messy = readFixture('messy');
    const present = new Set(DocumentAnalysis.of(messy).diagnostics().map((d) => d.code));

    it('Fix All leaves alone what the config ignores, and fixes the rest', async () => {
      const all = fixAllEdits(messy);
      for (const code of ['intake.format', 'intake.missing-section', 'intake.missing-field'] as const) {
        assert.ok(present.has(code), `the fixture has ${code}`);
        const { provider, doc, analysis } = setup(messy, { ignore: [code] });
        const [action] = await request(provider, doc, [], vscode.CodeActionKind.SourceFixAll);
        const expected = fixAllEdits(messy, analysis.diagnostics().filter((d) => d.code !== code && d.data.kind !== 'analysis'));
        assert.deepEqual(editsOf(action).map((e) => e.newText), expected.map((e) => e.newText), code);
        assert.ok(editsOf(action).length < all.length, `fewer edits without ${code}`);
      }
    });

    it('the Source Action menu resolves Fix All under the config, and offers none when it would fix nothing', async () => {
      const colon = seedIntakeList()[1]!.replace('：', ':');
      const shown = setup(colon, { ignore: ['intake.wording'] });
      const [offered] = (await request(shown.provider, shown.doc, [], vscode.CodeActionKind.Source)).filter((a) => a.kind?.value === FIX_ALL_KIND.value);
      assert.ok(offered && offered.edit === undefined, 'offered unresolved');
      assert.deepEqual(editsOf(await shown.provider.resolveCodeAction(offered)).map((e) => e.newText), ['：']);
      const hidden = setup(colon, { ignore: ['intake.format'] });
      assert.ok(hidden.analysis.hasSafeFixes(), 'without the config there is a fix');
      const actions = await request(hidden.provider, hidden.doc, [], vscode.CodeActionKind.Source);
      assert.equal(actions.some((a) => a.kind?.value === FIX_ALL_KIND.value), false);
      assert.deepEqual(await request(hidden.provider, hidden.doc, [], vscode.CodeActionKind.SourceFixAll), []);
    });

    it('a placeholder severity alone changes no fix', async () => {
      const { provider, doc } = setup(messy, { placeholderSeverity: 'off' });
      const [action] = await request(provider, doc, [], vscode.CodeActionKind.SourceFixAll);
      assert.deepEqual(editsOf(action).map((e) => e.newText), fixAllEdits(messy).map((e) => e.newText));
    });
  });
});
