/** Typed access to the `intake.preview.*` settings (resource-scoped). */
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
