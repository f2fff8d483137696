/** Typed access to the `intake.*` settings (all resource-scoped). */
import * as vscode from 'vscode';
import type { Severity } from '../core/diagnostics';

type ValidateRun = 'onType' | 'onSave';

export interface ValidationSettings {
  run: ValidateRun;
  placeholderSeverity: Severity | 'off';
  debounceMs: number;
}

export function validationSettings(scope: vscode.Uri | undefined): ValidationSettings {
  const config = vscode.workspace.getConfiguration('intake.validate', scope);
  const debounce = config.get<number>('debounceMs', 300);
  return {
    run: config.get<ValidateRun>('run', 'onType') === 'onSave' ? 'onSave' : 'onType',
    placeholderSeverity: config.get<Severity | 'off'>('placeholderSeverity', 'warning'),
    debounceMs: Number.isFinite(debounce) ? Math.max(0, Math.min(debounce, 5000)) : 300,
  };
}

/**
 * `intake.validate.placeholderSeverity` by where it is set, for the precedence over
 * `.intake/config.yaml` (folderConfig.ts): the workspace's (or workspace folder's) own value,
 * the user's, and the default.
 */
export function placeholderSeverityLayers(scope: vscode.Uri | undefined): { workspace?: Severity | 'off'; user?: Severity | 'off'; fallback: Severity | 'off' } {
  const inspected = vscode.workspace.getConfiguration('intake.validate', scope).inspect<Severity | 'off'>('placeholderSeverity');
  const workspace = inspected?.workspaceFolderValue ?? inspected?.workspaceValue;
  const user = inspected?.globalValue;
  return { ...(workspace !== undefined ? { workspace } : {}), ...(user !== undefined ? { user } : {}), fallback: inspected?.defaultValue ?? 'warning' };
}
