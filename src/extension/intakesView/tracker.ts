/**
 * Keeps the Intakes view's index current without re-scanning the workspace on each keystroke:
 * - a file on disk is read, parsed and checked once when found, and again only when the file
 *   watcher reports it created or changed, or its `.intake/` changed (bursts coalesce: one read
 *   per file in flight); it is counted under the same policy as the editor's diagnostics
 *   (placeholder severity, ignored codes: FolderConfigs) and with the same fields (the team's
 *   extra fields: TeamKnowledgeService), so that the counts are the ones the Problems panel
 *   shows once the file is opened;
 * - an open document is summarised from its shared analysis and the diagnostics the editor has
 *   already published for it (so the counts match the Problems panel), when those change; but
 *   a document that matches the disk again (reverted, undone to its saved text, or just opened)
 *   while its published diagnostics are still of another version is counted at once from its
 *   analysis under its folder's policy, as they will be published (and as the disk has it):
 *   otherwise the counts of an abandoned edit could stay;
 * - a document closed (unsaved edits dropped with it) is read from disk again;
 * - after folders are created, they are searched for intake files the index lacks: VS Code's
 *   watcher does not report files in a folder created together with its parent (a checkout, an
 *   unzip); other files created (a build's output) cost a `stat` each, and no search;
 * - a deleted file or folder leaves the index, and stays out while a document of it is still
 *   open (VS Code closes a document some time after its editor): the diagnostics that document
 *   gets again (its folder's config went with it) would otherwise bring it back. Saved, created
 *   again, or closed, it counts again.
 * The first scan starts when the view first asks for its items; reads run a few at a time and
 * the parsing yields to the event loop every few milliseconds, so 500 files never block the
 * extension host. A read or count that a newer change has overtaken is dropped: every change
 * to a file bumps its generation, and a result started under an older one is not kept.
 */
import * as vscode from 'vscode';
import type { Severity } from '../../core/diagnostics';
import { applyDiagnosticPolicy, type DiagnosticPolicy } from '../../core/folderConfig';
import { summarizeText } from '../../core/overview/fromText';
import { summarizeFile, type IntakeSummary, type SummaryDiagnostic } from '../../core/overview/summary';
import { IntakeIndex } from '../../core/overview/workspaceIndex';
import { fromRange, isIntake } from '../convert';
import { DIAGNOSTIC_SOURCE } from '../diagnosticSource';
import type { PublishedVersions } from '../diagnostics';
import type { DocumentAnalyses } from '../analyses';
import type { Configuration } from '../config';
import { CoalescedRun } from '../coalescedRun';
import { Debouncer } from '../debouncer';
import type { FieldCatalog } from '../../core/catalog/catalog';

const INTAKE_GLOB = '**/*.{intake,intake.md}';
const MAX_FILES = 10_000;
/** Larger files are skipped: an intake is a few kilobytes. */
const MAX_BYTES = 5 * 1024 * 1024;
/** Files read from disk at once. */
const READ_BATCH = 16;
/** Parse and check for at most this long before letting other work run. */
const SLICE_MS = 8;
/** Coalesces index changes into one view refresh. */
const REFRESH_DELAY_MS = 100;
/** Coalesces the config's and the team's reloads after one `.intake/` change into one read of the files. */
const READ_AGAIN_DELAY_MS = 150;

/** Other creations pause this long before the tracker looks in the new folders for intake files it missed… */
const LOOK_FOR_MISSED_MS = 500;
/** …and it looks once more this much later, for the files written since. */
const LOOK_AGAIN_MS = 2000;

/** More creations at once than are worth a `stat` each: the whole workspace is searched instead. */
const MAX_CREATIONS_STATED = 64;

/**
 * The folders among `created`, outermost only; 'workspace' when there are too many to ask about
 * (a checkout of hundreds of files). Files (a build's output) lead to no search at all.
 */
async function foldersAmong(created: readonly vscode.Uri[]): Promise<vscode.Uri[] | 'workspace'> {
  if (created.length > MAX_CREATIONS_STATED) return 'workspace';
  const stated = await Promise.all(
    created.map((uri) =>
      vscode.workspace.fs.stat(uri).then(
        (s) => (s.type & vscode.FileType.Directory ? uri : undefined),
        () => undefined,
      ),
    ),
  );
  const folders = stated.filter((u): u is vscode.Uri => u !== undefined);
  return folders.filter((f) => !folders.some((g) => g !== f && isAtOrUnder(f.toString(), g.toString())));
}

/** Git's own files change with every git command; none of them is a folder of intakes. */
function isInGitFolder(uri: vscode.Uri): boolean {
  return /(^|\/)\.git(\/|$)/.test(uri.path);
}

function matchesGlob(uri: vscode.Uri): boolean {
  return /\.intake(\.md)?$/i.test(uri.path);
}

function toSeverity(s: vscode.DiagnosticSeverity): Severity {
  switch (s) {
    case vscode.DiagnosticSeverity.Error:
      return 'error';
    case vscode.DiagnosticSeverity.Warning:
      return 'warning';
    case vscode.DiagnosticSeverity.Information:
      return 'information';
    default:
      return 'hint';
  }
}

/** Where a file's diagnostic policy comes from (FolderConfigs). */
export interface DiagnosticPolicies {
  policyFor(uri: vscode.Uri): Promise<DiagnosticPolicy>;
  /** Fires when a `.intake/` folder changed: the policies may have. */
  readonly onDidChange: vscode.Event<void>;
}

/** Whether the URI string `key` is `folder`'s own, or of something inside it. */
function isAtOrUnder(key: string, folder: string): boolean {
  return key === folder || key.startsWith(`${folder}/`);
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The team's field catalogs (TeamKnowledgeService): the one a file is checked with, and when they change. */
export interface TeamCatalogs {
  catalogFor(uri: vscode.Uri): FieldCatalog | undefined;
  readonly onDidChange: vscode.Event<void>;
}

export class IntakeTracker implements vscode.Disposable {
  readonly index = new IntakeIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires (at most every REFRESH_DELAY_MS) when what the view shows changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  private started: Promise<void> | undefined;
  private scanned = false;
  /** Bumped by every change to a file; a read started under an older number is dropped. */
  private readonly generations = new Map<string, number>();
  private readonly pending = new Map<string, vscode.Uri>();
  private draining: Promise<void> | undefined;
  /** Fires the change (at most every REFRESH_DELAY_MS). */
  private readonly refresh = new CoalescedRun(REFRESH_DELAY_MS, () => {
    if (!this.disposed) this.changed.fire();
  });
  /**
   * One `.intake/` change reloads both the folder's config and its team's knowledge, each firing
   * its change when read: the files are read again once for both.
   */
  private readonly readAgainSoon = new CoalescedRun(READ_AGAIN_DELAY_MS, () => this.readAgain());
  /** Looks for missed intake files once creations have paused (createdElsewhere). */
  private readonly lookForMissedLater = new Debouncer<'look'>();
  /** Creations other than intake files since the last look (see createdElsewhere). */
  private readonly otherCreations = new Map<string, vscode.Uri>();
  /** Counts of clean documents waiting for their policy. */
  private readonly counting = new Set<Promise<void>>();
  /** Files and folders deleted on disk (by URI string), for the documents still open from them. */
  private readonly gone = new Set<string>();
  private disposed = false;

  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly config: Configuration,
    private readonly policies: DiagnosticPolicies,
    private readonly published: Pick<PublishedVersions, 'versionOf'>,
    private readonly catalogs: TeamCatalogs,
  ) {}

  /** True once the first scan has finished. */
  get ready(): boolean {
    return this.scanned;
  }

  /** Starts watching and the first scan (once); resolves when that scan is done. */
  start(): Promise<void> {
    return (this.started ??= this.begin());
  }

  /** Finds every intake file again (the view's Refresh, a workspace folder or setting change). */
  async rescan(): Promise<void> {
    await this.start();
    await this.scan();
  }

  /** Resolves once nothing is waiting to be read and the last change has been announced. */
  async idle(): Promise<void> {
    await this.start();
    this.readAgainSoon.now();
    while (this.draining || this.pending.size > 0 || this.counting.size > 0) {
      await (this.draining ?? (this.pending.size > 0 ? this.drain() : Promise.all(this.counting)));
    }
    this.refresh.now();
  }

  dispose(): void {
    this.disposed = true;
    this.refresh.dispose();
    this.readAgainSoon.dispose();
    this.lookForMissedLater.dispose();
    this.pending.clear();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private async begin(): Promise<void> {
    const intakes = vscode.workspace.createFileSystemWatcher(INTAKE_GLOB);
    // A deleted folder is reported as the folder alone, which the glob above does not match. A
    // folder created with its parent in one go (a checkout, an unzip, `mkdir -p`) is not watched
    // at all by VS Code's recursive watcher, so the files written into it are never reported:
    // other creations make the tracker look for intake files it has not seen.
    const anything = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.subscriptions.push(
      intakes,
      anything,
      intakes.onDidCreate((uri) => this.created(uri)),
      intakes.onDidChange((uri) => this.fromDisk(uri)),
      anything.onDidCreate((uri) => {
        if (!matchesGlob(uri) && !isInGitFolder(uri)) this.createdElsewhere(uri);
      }),
      anything.onDidDelete((uri) => this.removed(uri)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) {
          const doc = this.openDocument(uri);
          if (doc) this.fromDocument(doc);
        }
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (this.tracks(doc)) this.fromDocument(doc);
      }),
      // Reverted, undone to the saved text, saved, or reloaded from disk: clean again.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.document.isDirty && this.tracks(e.document)) this.fromDocument(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc)),
      // A save writes the file again, whether or not the file watcher reports it.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.tracks(doc) && this.isGone(doc.uri.toString())) this.created(doc.uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()),
      this.config.onDidChange((e) => {
        if (e.affects('validate')) void this.scan();
      }),
      // Open documents follow through their diagnostics, published again; the others are read again.
      this.policies.onDidChange(() => this.readAgainSoon.soon()),
      this.catalogs.onDidChange(() => this.readAgainSoon.soon()),
    );
    await this.scan();
  }

  /** Every indexed file read again (open ones follow through their diagnostics). */
  private readAgain(): void {
    for (const key of this.index.keys()) this.fromDisk(vscode.Uri.parse(key));
  }

  private async scan(): Promise<void> {
    const uris = await vscode.workspace.findFiles(INTAKE_GLOB, undefined, MAX_FILES);
    if (this.disposed) return;
    const open = vscode.workspace.textDocuments.filter((d) => this.tracks(d));
    const present = new Set([...uris, ...open.map((d) => d.uri)].map((u) => u.toString()));
    for (const key of this.index.keys()) if (!present.has(key)) this.index.delete(key);
    for (const doc of open) this.fromDocument(doc);
    for (const uri of uris) this.fromDisk(uri);
    await this.drain();
    this.scanned = true;
    this.refresh.soon();
  }

  /** Something other than an intake file was created: it may be a folder whose files the watcher misses. */
  private createdElsewhere(uri: vscode.Uri): void {
    if (this.disposed) return;
    this.otherCreations.set(uri.toString(), uri);
    this.lookForMissedLater.schedule('look', LOOK_FOR_MISSED_MS, () => void this.lookForMissed());
  }

  /**
   * Once creations have paused: in the folders among them, the intake files the index lacks are
   * read; and again a little later, for the files written since (a checkout goes on writing).
   */
  private async lookForMissed(): Promise<void> {
    const created = [...this.otherCreations.values()];
    this.otherCreations.clear();
    const folders = await foldersAmong(created);
    if (this.disposed || (folders !== 'workspace' && folders.length === 0)) return;
    await this.readMissedIn(folders);
    await new Promise((resolve) => setTimeout(resolve, LOOK_AGAIN_MS));
    if (!this.disposed) await this.readMissedIn(folders);
  }

  private async readMissedIn(folders: readonly vscode.Uri[] | 'workspace'): Promise<void> {
    const found =
      folders === 'workspace'
        ? await vscode.workspace.findFiles(INTAKE_GLOB, undefined, MAX_FILES)
        : (await Promise.all(folders.map((f) => vscode.workspace.findFiles(new vscode.RelativePattern(f, INTAKE_GLOB), undefined, MAX_FILES)))).flat();
    if (this.disposed) return;
    for (const uri of found) {
      const key = uri.toString();
      if (!this.index.get(key) && !this.pending.has(key) && !this.isGone(key)) this.created(uri);
    }
  }

  /** An intake document of the workspace (not untitled, not another folder's). */
  private tracks(doc: vscode.TextDocument): boolean {
    return isIntake(doc) && !doc.isClosed && doc.uri.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(doc.uri) !== undefined;
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    return doc && this.tracks(doc) ? doc : undefined;
  }

  private bump(key: string): number {
    const next = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, next);
    return next;
  }

  /** Whether the file `key`, or a folder holding it, was deleted on disk and has not come back. */
  private isGone(key: string): boolean {
    if (this.gone.size === 0) return false;
    for (const g of this.gone) if (isAtOrUnder(key, g)) return true;
    return false;
  }

  /** A file created (or saved) on disk: it counts again, from its document if open, else from disk. */
  private created(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const g of this.gone) if (isAtOrUnder(key, g)) this.gone.delete(g);
    const doc = this.openDocument(uri);
    if (doc) this.fromDocument(doc);
    else this.fromDisk(uri);
  }

  /** An open document: its analysis's parse and the diagnostics the editor published. */
  private fromDocument(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (this.isGone(key)) return;
    const generation = this.bump(key);
    this.pending.delete(key);
    if (!doc.isDirty && this.published.versionOf(doc.uri) !== doc.version) {
      const counting = this.countClean(doc, generation).finally(() => this.counting.delete(counting));
      this.counting.add(counting);
      return;
    }
    const diagnostics: SummaryDiagnostic[] = vscode.languages
      .getDiagnostics(doc.uri)
      .filter((d) => d.source === DIAGNOSTIC_SOURCE)
      .map((d) => ({ severity: toSeverity(d.severity), range: fromRange(d.range) }));
    this.put(doc.uri, summarizeFile(this.analyses.get(doc).file, diagnostics));
  }

  /**
   * A document whose text is the file's on disk, while its published diagnostics are of another
   * text: counted from its analysis (the team's extra fields included) under its folder's policy,
   * which is what the diagnostics will show once published again.
   */
  private async countClean(doc: vscode.TextDocument, generation: number): Promise<void> {
    const key = doc.uri.toString();
    const version = doc.version;
    const policy = await this.policies.policyFor(doc.uri).catch((): DiagnosticPolicy => ({}));
    if (this.disposed || this.generations.get(key) !== generation || doc.isClosed || doc.version !== version || this.isGone(key)) return;
    const analysis = this.analyses.get(doc);
    this.put(doc.uri, summarizeFile(analysis.file, applyDiagnosticPolicy(analysis.diagnostics(), policy)));
  }

  private fromDisk(uri: vscode.Uri): void {
    if (this.openDocument(uri)) return;
    const key = uri.toString();
    this.bump(key);
    this.pending.set(key, uri);
    void this.drain();
  }

  private closed(doc: vscode.TextDocument): void {
    if (!isIntake(doc) || doc.uri.scheme === 'untitled') return;
    this.gone.delete(doc.uri.toString());
    // Unsaved edits are gone with the editor: the file on disk is what is left.
    if (matchesGlob(doc.uri)) this.fromDisk(doc.uri);
    else this.forget(doc.uri.toString());
  }

  private removed(uri: vscode.Uri): void {
    const key = uri.toString();
    // Remembered only when an open intake document came from it: any deletion in the workspace
    // (a build's output) comes through here.
    const holdsOpen = vscode.workspace.textDocuments.some((d) => this.tracks(d) && isAtOrUnder(d.uri.toString(), key));
    if (holdsOpen) this.gone.add(key);
    this.forget(key);
    for (const u of this.index.deleteUnder(key)) this.forget(u);
    this.refresh.soon();
  }

  private forget(key: string): void {
    this.bump(key);
    this.pending.delete(key);
    if (this.index.delete(key)) this.refresh.soon();
  }

  private put(uri: vscode.Uri, intakes: IntakeSummary[]): void {
    const path = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    if (this.index.set({ uri: uri.toString(), path, intakes })) this.refresh.soon();
  }

  private drain(): Promise<void> {
    this.draining ??= this.readPending().finally(() => {
      this.draining = undefined;
      if (this.pending.size > 0 && !this.disposed) void this.drain();
    });
    return this.draining;
  }

  private async readPending(): Promise<void> {
    let sliceStart = performance.now();
    while (this.pending.size > 0 && !this.disposed) {
      const batch = [...this.pending.values()].slice(0, READ_BATCH);
      for (const uri of batch) this.pending.delete(uri.toString());
      const reads = await Promise.all(
        batch.map(async (uri) => {
          const generation = this.generations.get(uri.toString());
          const [text, policy] = await Promise.all([readText(uri), this.policies.policyFor(uri).catch((): DiagnosticPolicy => ({}))]);
          return { uri, generation, text, policy };
        }),
      );
      for (const { uri, generation, text, policy } of reads) {
        const key = uri.toString();
        if (this.disposed || generation !== this.generations.get(key) || this.openDocument(uri)) continue;
        if (text === undefined) {
          if (this.index.delete(key)) this.refresh.soon();
          continue;
        }
        this.put(uri, summarizeText(text, policy, this.catalogs.catalogFor(uri)));
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
      }
    }
  }

}

/** The file's text, or undefined when it is gone, unreadable or too large to be an intake. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory || stat.size > MAX_BYTES) return undefined;
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
