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

/** A `file:` URI (or another scheme's), as far as the tests need one. */
export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(value: string): Uri {
    const m = /^([a-z][\w+.-]*):(?:\/\/)?(.*)$/.exec(value);
    return m ? new Uri(m[1]!, decodeURIComponent(m[2]!)) : new Uri('file', value);
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class RelativePattern {
  constructor(
    readonly base: Uri,
    readonly pattern: string,
  ) {}
}

/** A diagnostic collection that keeps what is set, by URI string; every one made is in `diagnosticCollections`. */
export class DiagnosticCollection {
  readonly entries = new Map<string, Diagnostic[]>();
  constructor(readonly name: string) {}
  set(uri: Uri, list: Diagnostic[]): void {
    this.entries.set(uri.toString(), list);
  }
  delete(uri: Uri): void {
    this.entries.delete(uri.toString());
  }
  clear(): void {
    this.entries.clear();
  }
  dispose(): void {
    this.entries.clear();
  }
}
export const diagnosticCollections: DiagnosticCollection[] = [];

const unused = () => ({ dispose: () => undefined });


export const languages = {
  registerCodeActionsProvider: unused,
  createDiagnosticCollection: (name: string) => {
    const c = new DiagnosticCollection(name);
    diagnosticCollections.push(c);
    return c;
  },
};
export const workspace = {
  onDidCloseTextDocument: unused,
  onDidOpenTextDocument: unused,
  onDidSaveTextDocument: unused,
  onDidChangeConfiguration: unused,
  onDidGrantWorkspaceTrust: unused,
  getConfiguration: () => ({ get: () => undefined }),
  onDidChangeWorkspaceFolders: unused,
  createFileSystemWatcher: () => ({ onDidCreate: unused, onDidChange: unused, onDidDelete: unused, dispose: () => undefined }),
  getWorkspaceFolder: () => undefined,
  workspaceFolders: undefined as unknown[] | undefined,
  textDocuments: [] as unknown[],
  isTrusted: true,
};
/** The error messages shown, in order (tests empty it). */
export const shownErrors: string[] = [];
export const window = {
  onDidChangeWindowState: unused,
  showErrorMessage: (message: string) => {
    shownErrors.push(message);
    return Promise.resolve(undefined);
  },
};
