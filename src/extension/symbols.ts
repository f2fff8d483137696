/** Outline, breadcrumbs and Go to Symbol: intakes → sections → fields (core/features/symbols). */
import * as vscode from 'vscode';
import type { DocumentAnalysis } from '../core/documents/documentAnalysis';
import type { IntakeSymbol, SymbolKind } from '../core/features/symbols';
import { toRange } from './convert';

const KINDS: Record<SymbolKind, vscode.SymbolKind> = {
  intake: vscode.SymbolKind.Namespace,
  section: vscode.SymbolKind.Module,
  field: vscode.SymbolKind.Field,
  heading: vscode.SymbolKind.String,
};

export function registerSymbols(selector: vscode.DocumentSelector, analysisOf: (doc: vscode.TextDocument) => DocumentAnalysis): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider(
    selector,
    { provideDocumentSymbols: (doc) => analysisOf(doc).symbols().map(toSymbol) },
    { label: vscode.l10n.t('Intake') },
  );
}

function toSymbol(s: IntakeSymbol): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(s.name, s.detail, KINDS[s.kind], toRange(s.range), toRange(s.selectionRange));
  symbol.children = s.children.map(toSymbol);
  return symbol;
}
