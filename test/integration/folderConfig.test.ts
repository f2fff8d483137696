import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateByOpening, codeOf, fullRange, open, readFixture, waitForDiagnostics, workspaceDir } from './helpers';

const PLACEHOLDER = 'intake.placeholder';
const placeholders = (ds: vscode.Diagnostic[]): vscode.Diagnostic[] => ds.filter((d) => codeOf(d) === PLACEHOLDER);
const allAt = (severity: vscode.DiagnosticSeverity) => (ds: vscode.Diagnostic[]) => placeholders(ds).length === 35 && placeholders(ds).every((d) => d.severity === severity);

suite('.intake/config.yaml in the editor', () => {
  suiteSetup(activateByOpening);

  test('sets the placeholder severity and the ignored codes; a workspace setting wins; a broken config is shown and not applied', async () => {
    const team = vscode.Uri.joinPath(workspaceDir(), 'scratch', 'team');
    const config = vscode.Uri.joinPath(team, '.intake', 'config.yaml');
    const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const settings = vscode.workspace.getConfiguration('intake.validate');
    await write(config, 'diagnostics:\n  placeholderSeverity: error\n');
    const intake = vscode.Uri.joinPath(team, 'sub', 'blank.intake');
    await write(intake, await readFixture('blank-simple.intake'));
    try {
      // The nearest .intake/ above the file applies.
      await open(intake);
      await waitForDiagnostics(intake, allAt(vscode.DiagnosticSeverity.Error), '35 placeholders as errors (from the config)');
      // A change to the config takes effect without a reload.
      await write(config, 'diagnostics:\n  placeholderSeverity: hint\n');
      await waitForDiagnostics(intake, allAt(vscode.DiagnosticSeverity.Hint), 'placeholders as hints after the config changed');
      // A workspace setting wins over the config; without it the config applies again.
      await settings.update('placeholderSeverity', 'information', vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(intake, allAt(vscode.DiagnosticSeverity.Information), 'placeholders as information (the workspace setting)');
      await settings.update('placeholderSeverity', undefined, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(intake, allAt(vscode.DiagnosticSeverity.Hint), 'placeholders as hints again (the config)');
      // Ignored codes are left out.
      await write(config, 'diagnostics:\n  ignore: [intake.placeholder]\n');
      await waitForDiagnostics(intake, (ds) => placeholders(ds).length === 0, 'no placeholder diagnostics (ignored)');
      // A broken config: one error on the config file, and the settings alone apply (placeholders as warnings).
      await write(config, 'diagnostics:\n  placeholderSeverity: loud\n');
      const [problem] = await waitForDiagnostics(config, (ds) => ds.length === 1, 'the config problem on config.yaml');
      assert.equal(problem!.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(problem!.range.start.line, 1);
      assert.match(problem!.message, /diagnostics\.placeholderSeverity: must be one of error, warning, information, hint, off/);
      await waitForDiagnostics(intake, allAt(vscode.DiagnosticSeverity.Warning), 'placeholders as warnings while the config is broken');
      // Deleting the config clears its problem.
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(team, '.intake'), { recursive: true });
      await waitForDiagnostics(config, (ds) => ds.length === 0, 'no problem once the config is gone');
    } finally {
      await settings.update('placeholderSeverity', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  test('Fix All fixes what is shown: a code the config ignores keeps its problem', async () => {
    const root = vscode.Uri.joinPath(workspaceDir(), 'scratch', 'fix-config');
    const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await write(vscode.Uri.joinPath(root, '.intake', 'config.yaml'), 'diagnostics:\n  ignore: [intake.missing-section]\n');
    // A half-width colon (intake.format, shown) and no [预算限制] section (intake.missing-section, ignored).
    const lines = (await readFixture('insurance.intake')).split('\n');
    const budget = lines.findIndex((l) => l.startsWith('[预算限制]'));
    const end = lines.findIndex((l, i) => i > budget && l.startsWith('['));
    const text = [...lines.slice(0, budget), ...lines.slice(end)].join('\n').replace('[客户行业]：', '[客户行业]:');
    const intake = vscode.Uri.joinPath(root, 'messy.intake');
    await write(intake, text);
    try {
      const doc = await open(intake);
      await waitForDiagnostics(intake, (ds) => ds.some((d) => codeOf(d) === 'intake.format') && !ds.some((d) => codeOf(d) === 'intake.missing-section'), 'the colon problem shown, the missing section not');
      // source.fixAll, as "Fix All" and code actions on save ask for it.
      const [action] = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', intake, fullRange(doc), vscode.CodeActionKind.SourceFixAll.value);
      assert.ok(action?.edit, 'a Fix All action with its edit');
      assert.deepEqual(action.edit.get(intake).map((e) => e.newText), ['：']);
      // The command does the same.
      assert.ok(await vscode.commands.executeCommand('intake.fixAll'));
      assert.ok(doc.getText().startsWith('[客户行业]：'), 'the colon is fixed');
      assert.ok(!doc.getText().includes('[预算限制]'), 'the ignored missing section is not inserted');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(root, { recursive: true });
    }
  });

  test('a config above the workspace folder (the search goes up to the repository root) is watched, and reloads on save', async () => {
    // The suite's workspace is in a temporary folder outside any repository, beside an empty
    // .intake/ (seeds.ts: writeIntegrationWorkspace): the search reaches it.
    const above = vscode.Uri.joinPath(workspaceDir(), '..', '.intake');
    assert.ok(fs.statSync(above.fsPath).isDirectory(), `${above.fsPath} was made with the workspace`);
    const config = vscode.Uri.joinPath(above, 'config.yaml');
    assert.ok(!fs.existsSync(config.fsPath), `${config.fsPath} is left from an earlier run`);
    const intake = vscode.Uri.joinPath(workspaceDir(), 'scratch', 'above', 'blank.intake');
    await vscode.workspace.fs.writeFile(intake, new TextEncoder().encode(await readFixture('blank-simple.intake')));
    try {
      await open(intake);
      await waitForDiagnostics(intake, allAt(vscode.DiagnosticSeverity.Warning), 'placeholders as warnings (no config)');
      // Written by another program: created, then changed.
      fs.writeFileSync(config.fsPath, 'diagnostics:\n  placeholderSeverity: hint\n');
      await waitForDiagnostics(intake, allAt(vscode.DiagnosticSeverity.Hint), 'placeholders as hints (the config above the workspace)');
      fs.writeFileSync(config.fsPath, 'diagnostics:\n  placeholderSeverity: error\n');
      await waitForDiagnostics(intake, allAt(vscode.DiagnosticSeverity.Error), 'placeholders as errors after the config changed on disk');
      // Edited and saved in the editor.
      const doc = await vscode.workspace.openTextDocument(config);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(config, fullRange(doc), 'diagnostics:\n  placeholderSeverity: information\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await doc.save(), 'the config saved');
      await waitForDiagnostics(intake, allAt(vscode.DiagnosticSeverity.Information), 'placeholders as information after the save');
      fs.rmSync(config.fsPath);
      await waitForDiagnostics(intake, allAt(vscode.DiagnosticSeverity.Warning), 'placeholders as warnings once the config is gone');
    } finally {
      fs.rmSync(config.fsPath, { force: true });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceDir(), 'scratch', 'above'), { recursive: true });
    }
  });
});
