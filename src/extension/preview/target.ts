/** Resolves the intake a command is about, from its arguments or the active editor. */
import * as vscode from 'vscode';
import { targetIntakeIndex } from '../../core/preview/target';
import { isIntake } from '../convert';
import type { DocumentAnalyses } from '../analyses';

export interface IntakeTarget {
  doc: vscode.TextDocument;
  intakeIndex: number;
  /** The editor showing the intake, if one is visible. */
  editor: vscode.TextEditor | undefined;
}

/**
 * `uriArg`/`indexArg` come from a CodeLens (uri + index), the editor title button (uri), the
 * preview (uri + index) or nothing (the command palette: the active editor and its cursor).
 * Undefined, after telling the user why, when there is no intake to act on.
 */
export async function resolveTarget(analyses: DocumentAnalyses, uriArg: unknown, indexArg: unknown): Promise<IntakeTarget | undefined> {
  const active = vscode.window.activeTextEditor;
  const uri = uriArg instanceof vscode.Uri ? uriArg : active?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an intake file first.'));
    return undefined;
  }
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open {0}: {1}', uri.path.split('/').pop() ?? uri.toString(), e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  if (!isIntake(doc)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an intake file first.'));
    return undefined;
  }
  const key = doc.uri.toString();
  const editor = active?.document.uri.toString() === key ? active : vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
  const index = targetIntakeIndex(analyses.get(doc).file, indexArg, editor?.selection.active.line);
  if (index === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This file has no intake yet.'));
    return undefined;
  }
  return { doc, intakeIndex: index, editor };
}
