// Intake: New Intake in the extension host. The command's argument skips the two QuickPicks
// (the browser suite clicks through them); what is checked here is the document it opens: an
// untitled intake, the industry filled in, the cursor on the first placeholder, and Tab
// (the snippet's next tab stop) moving to the next one.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateByOpening, waitForDiagnostics } from './helpers';

const PLACEHOLDER = /^__\(.*\)__$/;

suite('Intake: New Intake', () => {
  suiteSetup(async () => {
    await activateByOpening();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const [variant, industry, name, firstOption] of [
    ['structured', 'banking', '银行', '城商行'],
    ['simple', 'logistics', '物流与供应链服务', '快递快运'],
  ] as const) {
    test(`${variant}, ${industry}: an untitled intake with the cursor on the first placeholder; Tab moves to the next`, async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('intake.newIntake', { variant, industry });
      assert.ok(uri, 'the command returned no document');
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'no active editor');
      const doc = editor.document;
      assert.equal(doc.uri.toString(), uri.toString());
      assert.equal(doc.uri.scheme, 'untitled');
      assert.equal(doc.languageId, 'intake');
      assert.match(doc.getText(), new RegExp(`^(### 一、行业背景与业务特性\\n)?\\[客户行业\\]：${name}\\n`));
      if (variant === 'structured') assert.match(doc.getText(), /^### 六、约束条件与兼容性要求$/m);

      // The first tab stop is selected: the 细分领域 placeholder, offering the industry's segments.
      const first = doc.getText(editor.selection);
      assert.match(first, PLACEHOLDER);
      assert.ok(first.startsWith(`__(${firstOption}/`), first);
      assert.match(doc.lineAt(editor.selection.start.line).text, /细分(领域|场景)/);

      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      const second = editor.selection;
      assert.ok(second.start.isAfter(editor.document.positionAt(0)) && second.start.line >= 1, 'Tab did not move');
      assert.match(doc.getText(second), PLACEHOLDER);
      assert.notEqual(doc.offsetAt(second.start), doc.getText().indexOf(first));

      // The placeholders are flagged like any intake's, and nothing else is.
      const placeholders = (doc.getText().match(/__\(/g) ?? []).length;
      const diags = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'the new intake to be checked');
      assert.equal(diags.filter((d) => d.code === 'intake.placeholder').length, placeholders);
      assert.deepEqual(diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
    });
  }

  test('an unknown industry id opens nothing', async () => {
    const before = vscode.workspace.textDocuments.length;
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('intake.newIntake', { variant: 'simple', industry: 'no-such-industry' });
    assert.equal(uri, undefined);
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled').length, 0, `documents: ${before}`);
  });
});
