/**
 * For startup.bench.ts: the source of an ES module that stands in for `vscode` well enough for
 * `activate()` and the first diagnostics of one open intake, as VS Code activates the extension
 * on opening an intake file. One document is open (`document`, the file at `docPath`); every
 * registration returns a disposable and does nothing; settings are their defaults; no workspace
 * folder, no file system but Node's (what the extension reads with `fs`). `firstDiagnostics`
 * resolves when diagnostics are first published for the document.
 *
 * It is source text, not a module of this bundle, because the extension's production build
 * (dist/extension.mjs) imports `vscode` through Node's ES module loader: a loader hook answers
 * that import with this module.
 */
export function activationStandIn(docPath: string): string {
  return `import * as fs from 'node:fs';
const any = new Proxy(function () {}, { get: (t, k) => (k === Symbol.toPrimitive ? () => '' : k === 'then' ? undefined : k === Symbol.iterator ? function* () {} : any), apply: () => any, construct: () => any });
const none = () => new Disposable();
export class Disposable { constructor(f) { this.f = f; } dispose() { this.f?.(); } static from(...d) { return new Disposable(() => d.forEach((x) => x?.dispose?.())); } }
export class EventEmitter { constructor() { this.l = []; this.event = (f, t) => { this.l.push(f.bind(t)); return new Disposable(); }; } fire(e) { for (const f of this.l) f(e); } dispose() {} }
export class Uri {
  constructor(scheme, path) { this.scheme = scheme; this.path = path; this.fsPath = path; this.authority = ''; this.query = ''; this.fragment = ''; }
  static file(p) { return new Uri('file', p); }
  static parse(s) { return new Uri(s.split(':')[0], s.replace(/^file:\\/\\//, '')); }
  static joinPath(u, ...p) { return new Uri(u.scheme, [u.path, ...p].join('/')); }
  with(c) { return Object.assign(new Uri(this.scheme, this.path), c); }
  toString() { return this.scheme + '://' + this.path; }
  toJSON() { return this.toString(); }
}
export class Position { constructor(l, c) { this.line = l; this.character = c; } }
export class Range { constructor(a, b, c, d) { if (a instanceof Position) { this.start = a; this.end = b; } else { this.start = new Position(a, b); this.end = new Position(c, d); } } }
export class Selection extends Range { constructor(a, b, c, d) { super(a, b, c, d); this.anchor = this.start; this.active = this.end; } }
export class Diagnostic { constructor(r, m, s) { this.range = r; this.message = m; this.severity = s; } }
export class DiagnosticRelatedInformation { constructor(l, m) { this.location = l; this.message = m; } }
export class Location { constructor(u, r) { this.uri = u; this.range = r; } }
export class CodeActionKind { constructor(v) { this.value = v; } append(p) { return new CodeActionKind(this.value + '.' + p); } static Empty = new CodeActionKind(''); static QuickFix = new CodeActionKind('quickfix'); static Refactor = new CodeActionKind('refactor'); static Source = new CodeActionKind('source'); static SourceFixAll = new CodeActionKind('source.fixAll'); }
export class ThemeIcon { constructor(id) { this.id = id; } }
export class ThemeColor { constructor(id) { this.id = id; } }
export class TreeItem { constructor(l) { this.label = l; } }
export class MarkdownString { constructor(v) { this.value = v ?? ''; } appendMarkdown(s) { this.value += s; return this; } appendText(s) { this.value += s; return this; } }
export class RelativePattern { constructor(b, p) { this.base = b; this.pattern = p; } }
export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
export const ExtensionMode = { Production: 1, Development: 2, Test: 3 };
export const StatusBarAlignment = { Left: 1, Right: 2 };
export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2 };
export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };
export const UIKind = { Desktop: 1, Web: 2 };
export const FileType = { File: 1, Directory: 2 };
export const ProgressLocation = { Notification: 15 };
export const QuickPickItemKind = { Separator: -1 };
export const FoldingRangeKind = { Region: 3 }, SymbolKind = { Module: 1, Namespace: 2, Field: 7, String: 14 }, CompletionItemKind = { Value: 12, Module: 8, Field: 4 }, CompletionTriggerKind = { TriggerCharacter: 1 }, TextEditorRevealType = { InCenterIfOutsideViewport: 2 };
export { any as CodeAction, any as CodeLens, any as CompletionItem, any as SnippetString, any as Hover, any as DocumentSymbol, any as FoldingRange, any as WorkspaceEdit };

const docPath = ${JSON.stringify(docPath)};
const text = fs.readFileSync(docPath, 'utf8');
const starts = [0];
for (let i = 0; i < text.length; i++) if (text[i] === '\\n') starts.push(i + 1);
export const document = {
  uri: Uri.file(docPath), fileName: docPath, languageId: 'intake', version: 1, isClosed: false, isDirty: false, isUntitled: false, lineCount: starts.length,
  getText: () => text,
  positionAt(o) { let lo = 0, hi = starts.length - 1; while (lo < hi) { const m = (lo + hi + 1) >> 1; if (starts[m] <= o) lo = m; else hi = m - 1; } return new Position(lo, o - starts[lo]); },
  offsetAt: (p) => starts[p.line] + p.character,
  lineAt: (l) => ({ text: text.slice(starts[l], (starts[l + 1] ?? text.length + 1) - 1) }),
};
let published;
export const firstDiagnostics = new Promise((resolve) => { published = resolve; });
const missing = () => Promise.reject(Object.assign(new Error('not found'), { code: 'FileNotFound' }));
const watcher = () => ({ onDidCreate: none, onDidChange: none, onDidDelete: none, dispose() {} });
export const workspace = {
  textDocuments: [document], workspaceFolders: undefined, isTrusted: true, fs: { stat: missing, readFile: missing, readDirectory: missing },
  getConfiguration: () => ({ get: (k, d) => d, inspect: () => undefined, has: () => false }),
  onDidOpenTextDocument: none, onDidChangeTextDocument: none, onDidSaveTextDocument: none, onDidCloseTextDocument: none, onDidChangeConfiguration: none, onDidGrantWorkspaceTrust: none, onDidChangeWorkspaceFolders: none,
  createFileSystemWatcher: watcher, getWorkspaceFolder: () => undefined, findFiles: () => Promise.resolve([]), asRelativePath: (u) => String(u.path ?? u), openTextDocument: () => Promise.resolve(document), applyEdit: () => Promise.resolve(true),
};
export const languages = {
  createDiagnosticCollection: () => ({ set: (u, list) => { if (String(u) === String(document.uri)) published(list); }, delete() {}, clear() {}, dispose() {} }),
  registerHoverProvider: none, registerFoldingRangeProvider: none, registerDocumentSymbolProvider: none, registerCompletionItemProvider: none, registerCodeLensProvider: none, registerCodeActionsProvider: none, onDidChangeDiagnostics: none, getDiagnostics: () => [],
};
const item = () => ({ show() {}, hide() {}, dispose() {} });
export const window = {
  activeTextEditor: { document, selection: new Selection(0, 0, 0, 0), viewColumn: 1 }, visibleTextEditors: [],
  onDidChangeTextEditorSelection: none, onDidChangeActiveTextEditor: none, onDidChangeWindowState: none, onDidChangeVisibleTextEditors: none,
  createStatusBarItem: item, createOutputChannel: () => ({ ...item(), info() {}, warn() {}, error() {}, appendLine() {} }),
  createTreeView: () => ({ ...item(), onDidChangeVisibility: none, onDidExpandElement: none, onDidCollapseElement: none, onDidChangeSelection: none, visible: false }),
  registerWebviewPanelSerializer: none, registerTreeDataProvider: none, state: { focused: true },
  showInformationMessage: () => Promise.resolve(undefined), showErrorMessage: () => Promise.resolve(undefined), showWarningMessage: () => Promise.resolve(undefined),
};
export const commands = { registerCommand: none, executeCommand: () => Promise.resolve(undefined) };
export const l10n = { bundle: undefined, t: (m, ...a) => (typeof m === 'string' ? m : m.message).replace(/\\{(\\d+)\\}/g, (_, i) => String(a[i])) };
export const env = { language: 'en', uiKind: 1, remoteName: undefined, openExternal: () => Promise.resolve(true) };
export const extensions = { getExtension: () => undefined };
`;
}
