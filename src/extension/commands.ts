/** Commands that edit the active intake: fix all problems, fill all placeholders. */
import * as vscode from 'vscode';
import type { TextEdit } from '../core/edits';
import { fillPlaceholderEdits, fixAllEdits } from '../core/fixes';
import { isIntake, toWorkspaceEdit } from './convert';

const COMMAND_FIX_ALL = 'intake.fixAll';
const COMMAND_FILL_PLACEHOLDERS = 'intake.fillPlaceholders';

async function applyToActiveIntake(compute: (text: string) => TextEdit[], nothingMessage: string): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isIntake(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an intake file first.'));
    return false;
  }
  const edits = compute(editor.document.getText());
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(nothingMessage);
    return false;
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(editor.document.uri, edits));
}

export function registerEditCommands(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMAND_FIX_ALL, () => applyToActiveIntake((text) => fixAllEdits(text), vscode.l10n.t('Nothing to fix in this intake.'))),
    vscode.commands.registerCommand(COMMAND_FILL_PLACEHOLDERS, () => applyToActiveIntake(fillPlaceholderEdits, vscode.l10n.t('This intake has no placeholders left.'))),
  );
}
