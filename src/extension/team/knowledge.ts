/**
 * A team's knowledge and branding in the editor, per document: the `.intake/` folder governing
 * it (core/intakeFolder.ts, as the CLI finds it) gives the workspace's overlays and
 * `report.yaml`, and the setting `intake.knowledge.paths` the user's own overlays; the core
 * merges them (core/team/). Restricted Mode decides what may load (scope.ts).
 *
 * - Loaded once per `.intake/` folder, lazily: only a folder that has team files loads the
 *   reader (the YAML parser, the schema check, the merge), never activation.
 * - {@link TeamKnowledgeService.catalogFor} answers the keystroke path from memory (a map
 *   lookup): the catalog with the team's extra fields once loaded, else the embedded one; the
 *   first ask starts the load, and {@link TeamKnowledgeService.onDidChange} fires when a document
 *   gets extra fields, so that its diagnostics are computed again.
 * - Any change in a `.intake/` folder (IntakeFolderWatcher, shared with the folder config) or in
 *   one of the user's folders, a change of the setting, or trust granted reloads what was loaded,
 *   then fires `onDidChange`: the diagnostics and the open previews refresh.
 * - The problems of the team's files are diagnostics on those files (`intake-knowledge`), with
 *   their codes; a broken file is skipped by the core, never the embedded knowledge.
 */
import * as vscode from 'vscode';
import type { FieldCatalog } from '../../core/catalog/catalog';
import { IntakeFolderFinder } from '../../core/intakeFolder';
import type { Branding } from '../../core/team/branding';
import { teamFilesIn } from '../../core/team/discover';
import type { TeamKnowledge } from '../../core/team/teamKnowledge';
import type { TeamProblem } from '../../core/team/types';
import type { Configuration } from '../config';
import { DIAGNOSTIC_SOURCE } from '../diagnosticSource';
import { Disposable } from '../dispose';
import type { LoadIntakeFolderReaders } from '../intakeFolderReaders';
import type { IntakeFolderWatcher } from '../intakeFolderWatcher';
import { isTeamFilePath, teamScope, type TeamScope } from './scope';

/** What a document gets from its team. */
export interface TeamState {
  /** The merged knowledge; undefined: the embedded knowledge alone. */
  knowledge?: TeamKnowledge;
  branding?: Branding;
  /** The workspace's `.intake/` has team files that Restricted Mode keeps out. */
  restricted: boolean;
}

const NOTHING: TeamState = { restricted: false };

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export class TeamKnowledgeService extends Disposable {
  private readonly finder = new IntakeFolderFinder();
  /** Loads by `.intake/` folder and scope. */
  private readonly byFolder = new Map<string, Promise<TeamState>>();
  /** What each document (by URI) got, once known: the keystroke path reads this. */
  private readonly byUri = new Map<string, TeamState>();
  private readonly pending = new Set<string>();
  private readonly problems = this._register(vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-knowledge`));
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when what a document gets from its team may have changed (reloaded, or first loaded with extra fields). */
  readonly onDidChange = this.changed.event;
  private userWatchers: vscode.Disposable[] = [];
  /** Bumped by each reset: a load begun before it is not kept. */
  private generation = 0;

  constructor(
    private readonly config: Configuration,
    private readonly folders: IntakeFolderWatcher,
    /** The readers of the team's files, loaded when first needed. */
    private readonly readers: LoadIntakeFolderReaders,
    private readonly trusted: () => boolean = () => vscode.workspace.isTrusted,
  ) {
    super();
    const reset = () => this.reset();
    // Any change in a `.intake/` folder: its overlays, its branding, or the folder itself.
    this._register(folders.onDidChange(reset));
    this._register(
      config.onDidChange((e) => {
        if (!e.affects('knowledge')) return;
        this.watchUserFolders();
        this.reset();
      }),
    );
    // A save in the editor of a user's overlay reloads at once (a `.intake/` file's save comes
    // through `folders`): the watcher may report it later, or not at all for a folder made moments before.
    this._register(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.uri.scheme === 'file' && this.isUserFile(doc.uri)) reset();
      }),
    );
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(reset));
    this._register(vscode.workspace.onDidOpenTextDocument((doc) => this.onOpen(doc)));
    this._register({ dispose: () => vscode.Disposable.from(...this.userWatchers).dispose() });
    this.watchUserFolders();
    for (const doc of vscode.workspace.textDocuments) this.onOpen(doc);
  }

  /** What may load for `uri` (scope.ts). */
  scopeOf(uri: vscode.Uri): TeamScope {
    return teamScope(this.trusted(), uri.scheme);
  }

  /**
   * The field catalog to analyse `uri` with: the team's, when it adds fields and is loaded;
   * undefined (the embedded catalog) otherwise. From memory; the first ask starts the load.
   */
  catalogFor(uri: vscode.Uri): FieldCatalog | undefined {
    const key = uri.toString();
    const state = this.byUri.get(key);
    if (!state && !this.pending.has(key)) {
      this.pending.add(key);
      void this.stateFor(uri);
    }
    const k = state?.knowledge;
    return k && k.fields.length > 0 ? k.catalog : undefined;
  }

  /** The document's team knowledge and branding, loaded if need be. */
  async stateFor(uri: vscode.Uri): Promise<TeamState> {
    const key = uri.toString();
    const generation = this.generation;
    const scope = this.scopeOf(uri);
    const intakeDir = uri.scheme === 'file' ? await this.finder.forFile(uri.fsPath) : undefined;
    const state = await this.folderState(intakeDir, scope);
    if (generation !== this.generation) return this.stateFor(uri);
    const before = this.byUri.get(key);
    this.byUri.set(key, state);
    this.pending.delete(key);
    // A document analysed before its team's extra fields were known is analysed again.
    if (!before && (state.knowledge?.fields.length ?? 0) > 0) this.changed.fire();
    return state;
  }

  private folderState(intakeDir: string | undefined, scope: TeamScope): Promise<TeamState> {
    const key = `${intakeDir ?? ''}\n${scope.workspace}`;
    let state = this.byFolder.get(key);
    if (!state) {
      state = this.load(intakeDir, scope).catch((e: unknown): TeamState => {
        // A bug in the loader must not take the editor's knowledge down with it.
        console.error('Intake Studio: the team knowledge could not be loaded', e);
        return NOTHING;
      });
      this.byFolder.set(key, state);
    }
    return state;
  }

  private async load(intakeDir: string | undefined, scope: TeamScope): Promise<TeamState> {
    // A load that a file change overtook must not publish what it read: the newer load's problems
    // (none, once the file is fixed) would be overwritten by stale ones.
    const generation = this.generation;
    const current = () => generation === this.generation;
    if (intakeDir !== undefined) this.folders.watchFolder(intakeDir);
    const has = intakeDir !== undefined ? await teamFilesIn(intakeDir) : { knowledge: false, branding: false };
    const userDirs = this.config.knowledge().paths;
    const restricted = !scope.workspace && scope.reason === 'untrusted' && (has.knowledge || has.branding);
    const workspaceKnowledge = scope.workspace && has.knowledge && intakeDir !== undefined;
    const branding = scope.workspace && has.branding && intakeDir !== undefined;
    if (!workspaceKnowledge && !branding && userDirs.length === 0) return { restricted };
    const out: TeamState = { restricted };
    if (workspaceKnowledge || userDirs.length > 0) {
      const { loadTeamKnowledge } = await this.readers();
      out.knowledge = await loadTeamKnowledge({ ...(workspaceKnowledge ? { intakeDir } : {}), userDirs, today: todayIso() });
      if (current()) this.publish(out.knowledge.files.map((f) => f.file), out.knowledge.problems);
    }
    if (branding) {
      const { loadBranding } = await this.readers();
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(intakeDir));
      const loaded = await loadBranding(intakeDir, folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined);
      if (loaded?.branding) out.branding = loaded.branding;
      if (loaded && current()) this.publish([loaded.file], loaded.problems);
    }
    return out;
  }

  /** Sets the diagnostics of `files` (none for a file without problems). */
  private publish(files: readonly string[], problems: readonly TeamProblem[]): void {
    const byFile = new Map<string, vscode.Diagnostic[]>(files.map((f) => [f, []]));
    for (const p of problems) {
      const list = byFile.get(p.file) ?? [];
      byFile.set(p.file, list);
      const line = Math.max(0, p.line - 1);
      const column = Math.max(0, p.column - 1);
      const d = new vscode.Diagnostic(new vscode.Range(line, column, line, column + 1), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
      d.code = p.code;
      d.source = DIAGNOSTIC_SOURCE;
      list.push(d);
    }
    for (const [file, list] of byFile) this.problems.set(vscode.Uri.file(file), list);
  }

  /** An overlay or report.yaml opened: load its folder, so that its problems show. */
  private onOpen(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file') return;
    if (isTeamFilePath(doc.uri.fsPath) || this.isUserFile(doc.uri)) void this.stateFor(doc.uri);
  }

  /** A file in one of the user's overlay folders (`intake.knowledge.paths`). */
  private isUserFile(uri: vscode.Uri): boolean {
    return this.config.knowledge().paths.some((dir) => uri.fsPath.startsWith(dir));
  }

  /** Forgets what was read and reads again what open documents use; then tells the features. */
  private reset(): void {
    this.generation++;
    this.finder.clear();
    this.byFolder.clear();
    this.problems.clear();
    const uris = new Set([...this.byUri.keys(), ...this.pending]);
    for (const doc of vscode.workspace.textDocuments) if (isTeamFilePath(doc.uri.fsPath)) uris.add(doc.uri.toString());
    void Promise.all([...uris].map((u) => this.stateFor(vscode.Uri.parse(u)))).then(() => this.changed.fire());
  }

  /** Watches the user's overlay folders (outside the workspace too). */
  private watchUserFolders(): void {
    vscode.Disposable.from(...this.userWatchers).dispose();
    this.userWatchers = this.config.knowledge().paths.flatMap((dir) => {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '*'));
      const reset = () => this.reset();
      return [w, w.onDidCreate(reset), w.onDidChange(reset), w.onDidDelete(reset)];
    });
  }
}
