/**
 * A small stand-in for the `vscode` module, for unit tests of extension code in plain Node
 * (esbuild.js aliases `vscode` to this file in the unit test bundles). It has only what those
 * tests reach, with VS Code's semantics where they matter (CodeActionKind's hierarchy); anything
 * else belongs in the integration suite, which runs in VS Code.
 */
export class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Refactor = new CodeActionKind('refactor');
  static readonly Source = new CodeActionKind('source');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');

  constructor(readonly value: string) {}

  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }

  contains(other: CodeActionKind): boolean {
    return this.value === '' || this.value === other.value || other.value.startsWith(`${this.value}.`);
  }

  intersects(other: CodeActionKind): boolean {
    return this.contains(other) || other.contains(this);
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class Diagnostic {
  code: string | number | { value: string | number } | undefined;
  source: string | undefined;
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

export class Location {
  constructor(
    readonly uri: unknown,
    readonly range: Range,
  ) {}
}

export class DiagnosticRelatedInformation {
  constructor(
    readonly location: Location,
    readonly message: string,
  ) {}
}

export class WorkspaceEdit {
  readonly edits: { uri: unknown; range: Range; newText: string }[] = [];
  replace(uri: unknown, range: Range, newText: string): void {
    this.edits.push({ uri, range, newText });
  }
}

export class CodeAction {
  edit: WorkspaceEdit | undefined;
  diagnostics: Diagnostic[] | undefined;
  isPreferred: boolean | undefined;
  constructor(
    readonly title: string,
    readonly kind?: CodeActionKind,
  ) {}
}

export class Disposable {
  constructor(private readonly onDispose: () => void) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

export class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  readonly event = (listener: (e: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

function format(message: string, args: unknown[]): string {
  return message.replace(/\{(\d+)\}/g, (hole, n: string) => (args[Number(n)] === undefined ? hole : String(args[Number(n)])));
}

export const l10n = { t: (message: string, ...args: unknown[]) => format(message, args), bundle: undefined };

const unused = () => ({ dispose: () => undefined });
export const languages = { registerCodeActionsProvider: unused, createDiagnosticCollection: unused };
export const workspace = { onDidCloseTextDocument: unused, onDidChangeConfiguration: unused, getConfiguration: () => ({ get: () => undefined }) };
export const window = {};
