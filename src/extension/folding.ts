/** Folding of intakes, headings, sections and nested fields (core/features/folding). */
import * as vscode from 'vscode';
import type { DocumentAnalysis } from '../core/documents/documentAnalysis';

export function registerFolding(selector: vscode.DocumentSelector, analysisOf: (doc: vscode.TextDocument) => DocumentAnalysis): vscode.Disposable {
  return vscode.languages.registerFoldingRangeProvider(selector, {
    provideFoldingRanges: (doc) =>
      analysisOf(doc).folding().map((r) => new vscode.FoldingRange(r.startLine, r.endLine, r.kind === 'region' ? vscode.FoldingRangeKind.Region : undefined)),
  });
}
