/** Completion of section names, field keys and values; the logic is core/features/completion. */
import * as vscode from 'vscode';
import type { DocumentAnalysis } from '../core/documents/documentAnalysis';
import { getCompletions, type CompletionEntry, type CompletionKind } from '../core/features/completion';
import { fromPosition, toRange } from './convert';
import { coreLocale } from './locale';

/** `[`/`【` open a section name, `-` and ` ` a bullet key, `：`/`:` a value. */
const COMPLETION_TRIGGERS = ['[', '【', '-', '：', ':', ' '];

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  section: vscode.CompletionItemKind.Module,
  field: vscode.CompletionItemKind.Field,
  value: vscode.CompletionItemKind.Value,
};

export function registerCompletion(selector: vscode.DocumentSelector, analysisOf: (doc: vscode.TextDocument) => DocumentAnalysis): vscode.Disposable {
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(doc, position, _token, context) {
      const trigger = context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter ? context.triggerCharacter : undefined;
      const analysis = analysisOf(doc);
      // The analysis's catalog: the team's extra fields are completed too.
      const entries = getCompletions(analysis.file, fromPosition(position), doc.lineAt(position.line).text, coreLocale(), { catalog: analysis.validator.catalog, ...(trigger === undefined ? {} : { triggerCharacter: trigger }) });
      return entries.map(toItem);
    },
  };
  return vscode.languages.registerCompletionItemProvider(selector, provider, ...COMPLETION_TRIGGERS);
}

function toItem(e: CompletionEntry): vscode.CompletionItem {
  const item = new vscode.CompletionItem(e.label, KINDS[e.kind]);
  item.insertText = new vscode.SnippetString(e.insertText);
  if (e.replaceRange) item.range = toRange(e.replaceRange);
  if (e.detail !== undefined) item.detail = e.detail;
  if (e.documentation !== undefined) item.documentation = new vscode.MarkdownString(e.documentation);
  if (e.sortText !== undefined) item.sortText = e.sortText;
  if (e.filterText !== undefined) item.filterText = e.filterText;
  if (e.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: vscode.l10n.t('Suggest values') };
  return item;
}
