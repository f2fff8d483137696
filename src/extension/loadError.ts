/**
 * The message for code that could not be loaded on first use (lazy.ts): a broken or partial
 * install, mostly. A file of its own, for the features that load code without a command.
 */
import * as vscode from 'vscode';

export function showLoadError(error: unknown): void {
  void vscode.window.showErrorMessage(vscode.l10n.t('Intake Studio could not load this feature: {0}', error instanceof Error ? error.message : String(error)));
}

/**
 * `load`, telling the user each time it fails: made where a loader is handed to the features that
 * use it (the `.intake/` readers, extension.ts), so none of them tells it again. The promise still
 * rejects, for each feature's own fallback.
 */
export function toldOnFailure<T>(load: () => Promise<T>): () => Promise<T> {
  return () =>
    load().catch((error: unknown) => {
      showLoadError(error);
      throw error;
    });
}
