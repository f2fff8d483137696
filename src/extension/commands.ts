/** Commands that edit the active intake: fix all problems, fill all placeholders. */
import * as vscode from 'vscode';
import type { DocumentAnalysis } from '../core/documents/documentAnalysis';
import type { TextEdit } from '../core/edits';
import type { DocumentAnalyses } from './analyses';
import { isIntake, toWorkspaceEdit } from './convert';

const COMMAND_FIX_ALL = 'intake.fixAll';
const COMMAND_FILL_PLACEHOLDERS = 'intake.fillPlaceholders';

async function applyToActiveIntake(analyses: DocumentAnalyses, compute: (analysis: DocumentAnalysis) => TextEdit[], nothingMessage: string): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isIntake(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an intake file first.'));
    return false;
  }
  const edits = compute(analyses.get(editor.document));
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(nothingMessage);
    return false;
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(editor.document.uri, edits));
}

export function registerEditCommands(analyses: DocumentAnalyses): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMAND_FIX_ALL, () => applyToActiveIntake(analyses, (a) => a.fixAllEdits(), vscode.l10n.t('Nothing to fix in this intake.'))),
    vscode.commands.registerCommand(COMMAND_FILL_PLACEHOLDERS, () => applyToActiveIntake(analyses, (a) => a.fillPlaceholderEdits(), vscode.l10n.t('This intake has no placeholders left.'))),
  );
}
