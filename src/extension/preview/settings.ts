/** Typed access to the `intake.preview.*` and `intake.export.*` settings (resource-scoped). */
import * as vscode from 'vscode';

export interface PreviewSettings {
  debounceMs: number;
  followCursor: boolean;
}

export function previewSettings(scope: vscode.Uri | undefined): PreviewSettings {
  const config = vscode.workspace.getConfiguration('intake.preview', scope);
  const debounce = config.get<number>('debounceMs', 300);
  return {
    debounceMs: typeof debounce === 'number' && Number.isFinite(debounce) ? Math.max(0, Math.min(debounce, 5000)) : 300,
    followCursor: config.get<boolean>('followCursor', true) !== false,
  };
}

/**
 * Whether an export keeps the 〔L12〕 references (`intake.export.references`): `auto` lets each
 * format decide (Markdown and HTML keep them, Word, which goes to the customer, leaves them out),
 * `always` and `never` decide for all. Undefined means the format's default.
 */
export function exportReferences(scope: vscode.Uri | undefined): boolean | undefined {
  const value = vscode.workspace.getConfiguration('intake.export', scope).get<string>('references', 'auto');
  return value === 'always' ? true : value === 'never' ? false : undefined;
}
