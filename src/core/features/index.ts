/** The language features of the core: pure functions of a parsed intake file, no `vscode`. */
export { getCompletions, type CompletionEntry, type CompletionKind, type CompletionOptions } from './completion';
export { getHover, type HoverResult, type HoverOptions } from './hover';
export { getDocumentSymbols, intakeName, type IntakeSymbol, type SymbolKind } from './symbols';
export { getFoldingRanges, type FoldingRange } from './folding';
export { getCompleteness, type Completeness } from './completeness';
export { toLocale, type Locale } from './context';
