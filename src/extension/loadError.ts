/**
 * The message for code that could not be loaded on first use (lazy.ts): a broken or partial
 * install, mostly. A file of its own, for the features that load code without a command.
 */
import * as vscode from 'vscode';

export function showLoadError(error: unknown): void {
  void vscode.window.showErrorMessage(vscode.l10n.t('Intake Studio could not load this feature: {0}', error instanceof Error ? error.message : String(error)));
}
