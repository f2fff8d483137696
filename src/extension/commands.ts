/**
 * Commands that edit the active intake: fix all problems (those shown: the codes the folder's
 * `.intake/config.yaml` ignores are left alone), fill all placeholders.
 */
import * as vscode from 'vscode';
import type { TextEdit } from '../core/edits';
import { shownFixAllEdits } from '../core/documents/shownFixes';
import type { DocumentAnalyses } from './analyses';
import { isIntake, toWorkspaceEdit } from './convert';
import type { FolderConfigs } from './folderConfig';

const COMMAND_FIX_ALL = 'intake.fixAll';
const COMMAND_FILL_PLACEHOLDERS = 'intake.fillPlaceholders';

/** Applies `compute`'s edits to the active intake; `compute` reads the document's analysis after any wait of its own. */
async function applyToActiveIntake(compute: (doc: vscode.TextDocument) => TextEdit[] | Promise<TextEdit[]>, nothingMessage: string): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isIntake(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an intake file first.'));
    return false;
  }
  const doc = editor.document;
  const edits = await compute(doc);
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(nothingMessage);
    return false;
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(doc.uri, edits));
}

export function registerEditCommands(analyses: DocumentAnalyses, folderConfigs: Pick<FolderConfigs, 'policyFor'>): vscode.Disposable {
  const fixAll = async (doc: vscode.TextDocument): Promise<TextEdit[]> => {
    const policy = await folderConfigs.policyFor(doc.uri);
    // Analysed after the wait: the document may have changed meanwhile.
    return shownFixAllEdits(analyses.get(doc), policy);
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMAND_FIX_ALL, () => applyToActiveIntake(fixAll, vscode.l10n.t('Nothing to fix in this intake.'))),
    vscode.commands.registerCommand(COMMAND_FILL_PLACEHOLDERS, () => applyToActiveIntake((doc) => analyses.get(doc).fillPlaceholderEdits(), vscode.l10n.t('This intake has no placeholders left.'))),
  );
}
