/** Hover over section names, field keys and placeholders; the logic is core/features/hover. */
import * as vscode from 'vscode';
import { getHover } from '../core/features/hover';
import type { IntakeFile } from '../core/model';
import { fromPosition, toRange } from './convert';
import { coreLocale } from './locale';

export function registerHover(selector: vscode.DocumentSelector, getFile: (doc: vscode.TextDocument) => IntakeFile): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(doc, position) {
      const hover = getHover(getFile(doc), fromPosition(position), coreLocale());
      return hover && new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(hover.range));
    },
  });
}
