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
