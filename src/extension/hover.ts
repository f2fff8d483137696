/** Hover over section names, field keys and placeholders; the logic is core/features/hover. */
import * as vscode from 'vscode';
import type { DocumentAnalysis } from '../core/documents/documentAnalysis';
import { getHover } from '../core/features/hover';
import { fromPosition, toRange } from './convert';
import { coreLocale } from './locale';

export function registerHover(selector: vscode.DocumentSelector, analysisOf: (doc: vscode.TextDocument) => DocumentAnalysis): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(doc, position) {
      const analysis = analysisOf(doc);
      const hover = getHover(analysis.file, fromPosition(position), coreLocale(), { catalog: analysis.validator.catalog });
      return hover && new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(hover.range));
    },
  });
}
