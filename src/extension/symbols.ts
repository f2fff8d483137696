/** Outline, breadcrumbs and Go to Symbol: intakes → sections → fields (core/features/symbols). */
import * as vscode from 'vscode';
import { getDocumentSymbols, type IntakeSymbol, type SymbolKind } from '../core/features/symbols';
import type { IntakeFile } from '../core/model';
import { toRange } from './convert';

const KINDS: Record<SymbolKind, vscode.SymbolKind> = {
  intake: vscode.SymbolKind.Namespace,
  section: vscode.SymbolKind.Module,
  field: vscode.SymbolKind.Field,
  heading: vscode.SymbolKind.String,
};

export function registerSymbols(selector: vscode.DocumentSelector, getFile: (doc: vscode.TextDocument) => IntakeFile): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider(
    selector,
    { provideDocumentSymbols: (doc) => getDocumentSymbols(getFile(doc)).map(toSymbol) },
    { label: vscode.l10n.t('Intake') },
  );
}

function toSymbol(s: IntakeSymbol): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(s.name, s.detail, KINDS[s.kind], toRange(s.range), toRange(s.selectionRange));
  symbol.children = s.children.map(toSymbol);
  return symbol;
}
