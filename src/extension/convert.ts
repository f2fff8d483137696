/** Conversions between the core's plain positions and VS Code's classes. */
import * as vscode from 'vscode';
import type { Position, Range } from '../core/document';
import type { Severity } from '../core/diagnostics';
import type { TextEdit } from '../core/edits';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function fromPosition(p: vscode.Position): Position {
  return { line: p.line, character: p.character };
}

export function fromRange(r: vscode.Range): Range {
  return { start: fromPosition(r.start), end: fromPosition(r.end) };
}

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  switch (s) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'information':
      return vscode.DiagnosticSeverity.Information;
    case 'hint':
      return vscode.DiagnosticSeverity.Hint;
  }
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}

export const INTAKE_LANGUAGE = 'intake';
export const INTAKE_SELECTOR: vscode.DocumentSelector = [{ language: INTAKE_LANGUAGE }];

export function isIntake(doc: vscode.TextDocument): boolean {
  return doc.languageId === INTAKE_LANGUAGE;
}
