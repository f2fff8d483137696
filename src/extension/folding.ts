/** Folding of intakes, headings, sections and nested fields (core/features/folding). */
import * as vscode from 'vscode';
import { getFoldingRanges } from '../core/features/folding';
import type { IntakeFile } from '../core/model';

export function registerFolding(selector: vscode.DocumentSelector, getFile: (doc: vscode.TextDocument) => IntakeFile): vscode.Disposable {
  return vscode.languages.registerFoldingRangeProvider(selector, {
    provideFoldingRanges: (doc) =>
      getFoldingRanges(getFile(doc)).map((r) => new vscode.FoldingRange(r.startLine, r.endLine, r.kind === 'region' ? vscode.FoldingRangeKind.Region : undefined)),
  });
}
