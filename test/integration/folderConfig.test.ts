import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateByOpening, codeOf, open, readFixture, waitForDiagnostics, workspaceDir } from './helpers';

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
});
