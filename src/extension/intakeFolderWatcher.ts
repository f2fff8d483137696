/**
 * Tells when a `.intake/` folder that may govern a workspace file changed: its creation or
 * deletion, or a change to a file in it. One instance serves every feature (the folder config,
 * the team's knowledge and branding). The search for that folder (core/intakeFolder.ts) walks
 * up from the file to the repository's root, so it may end above the workspace folder, where
 * VS Code's own watching does not reach. Five sources, then:
 *
 * - the workspace's `.intake/` folders, through one recursive watcher;
 * - each `.intake/` folder a feature has read ({@link IntakeFolderWatcher.watchFolder}), and its
 *   `knowledge/`, through Node's watch of each folder itself (intakeFolderWatch.ts says why VS
 *   Code's recursive watcher is not enough); its events are gathered for a moment, as one write
 *   gives several;
 * - the `.intake/` folders above each workspace folder, up to the repository root: a watcher of
 *   each such folder itself (VS Code holds a watch of a folder that does not exist yet and starts
 *   it once the folder appears). The parent folders themselves are not watched: that would report
 *   every change in, say, a home folder;
 * - a save in the editor of a file in any `.intake/` folder: the recursive watcher may miss a
 *   change in a folder created moments before (it has not watched it yet), and it reports later
 *   anyway, so the save is announced at once; the watchers above are then made again, which
 *   starts at once the watch of a folder that has just appeared;
 * - the window gaining focus (back from a terminal): which of the folders above have a `.intake/`
 *   is checked again, and a difference is announced.
 *
 * Listeners reload what they read; an extra event costs one reload, a missed one a stale editor.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { foldersSearchedAbove } from '../core/intakeFolder';
import { KNOWLEDGE_FOLDER } from '../core/team/types';
import { IntakeFolderWatch } from './intakeFolderWatch';

const INTAKE_FOLDER = '.intake';

/** A file inside a `.intake` folder, by its path. */
function isInIntakeFolder(file: string): boolean {
  return /[\\/]\.intake[\\/]/.test(file);
}

/** How long after a creation under `.intake/` the folder is read once more. */
const SETTLE_MS = 1000;

/** How long the events of Node's folder watches are gathered before they are told. */
const GATHER_MS = 50;

export class IntakeFolderWatcher implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with its URI when a `.intake/` folder, or a file in one, was created, changed, deleted or saved. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private above: vscode.Disposable[] = [];
  /** The `.intake` folders above the workspace that existed when last looked at. */
  private present: Set<string> | undefined;
  /** Bumped by each rebuild of the watchers above the workspace: an older rebuild is dropped. */
  private generation = 0;
  private disposed = false;
  /** The watches of the `.intake/` folders features have read, by folder. */
  private readonly folders = new Map<string, IntakeFolderWatch>();
  /** What those watches reported and is not told yet: path, and whether something was created. */
  private readonly gathered = new Map<string, boolean>();
  private gathering: ReturnType<typeof setTimeout> | undefined;
  /** The timer that tells a creation once more, once the writes have settled (fireAndSettle). */
  private settle: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    const inWorkspace = vscode.workspace.createFileSystemWatcher(`**/{${INTAKE_FOLDER},${INTAKE_FOLDER}/**}`);
    const fire = (uri: vscode.Uri): void => this.changed.fire(uri);
    this.subscriptions = [
      this.changed,
      inWorkspace,
      inWorkspace.onDidCreate((uri) => this.fireAndSettle(uri)),
      inWorkspace.onDidChange(fire),
      inWorkspace.onDidDelete(fire),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.uri.scheme !== 'file' || !isInIntakeFolder(doc.uri.fsPath)) return;
        fire(doc.uri);
        void this.watchAbove();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.watchAbove()),
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) void this.checkAbove();
      }),
    ];
    void this.watchAbove();
  }

  /**
   * Watches the `.intake/` folder `intakeDir` and its `knowledge/` by themselves, from now until
   * disposed (`knowledge/` once it exists): a feature calls this for each folder it reads. A
   * folder whose watch ended (it was deleted) is watched again.
   */
  watchFolder(intakeDir: string): void {
    if (this.disposed) return;
    const known = this.folders.get(intakeDir);
    if (known?.isWatching(intakeDir)) return;
    known?.dispose();
    this.folders.set(intakeDir, new IntakeFolderWatch(intakeDir, [KNOWLEDGE_FOLDER], (changed, created) => this.gather(changed, created)));
  }

  /**
   * A creation may be a folder whose files the recursive watcher does not report yet (a config
   * written into a just-made `.intake/`): fires, then fires again once the writes have settled.
   */
  private fireAndSettle(uri: vscode.Uri): void {
    this.changed.fire(uri);
    clearTimeout(this.settle);
    this.settle = setTimeout(() => {
      if (!this.disposed) this.changed.fire(uri);
    }, SETTLE_MS);
  }

  private gather(changed: string, created: boolean): void {
    this.gathered.set(changed, (this.gathered.get(changed) ?? false) || created);
    this.gathering ??= setTimeout(() => {
      this.gathering = undefined;
      const events = [...this.gathered];
      this.gathered.clear();
      if (this.disposed) return;
      for (const [file, wasCreated] of events) {
        const uri = vscode.Uri.file(file);
        if (wasCreated) this.fireAndSettle(uri);
        else this.changed.fire(uri);
      }
    }, GATHER_MS);
  }

  /** The `.intake` folders that may govern a workspace file from above its workspace folder, whether they exist or not. */
  private async intakeFoldersAbove(): Promise<string[]> {
    const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    const folders = new Set((await Promise.all(roots.map((root) => foldersSearchedAbove(root)))).flat());
    return [...folders].map((folder) => path.join(folder, INTAKE_FOLDER));
  }

  /** Watches the `.intake/` folders above every workspace folder on disk, replacing the previous watchers. */
  private async watchAbove(): Promise<void> {
    const generation = ++this.generation;
    const folders = await this.intakeFoldersAbove();
    const present = await existing(folders);
    if (this.disposed || generation !== this.generation) return;
    vscode.Disposable.from(...this.above).dispose();
    this.above = folders.flatMap((folder) => {
      // The folder's own entries (`config.yaml`), not recursive: a plain pattern.
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '*'));
      const fire = (uri: vscode.Uri): void => {
        if (!this.disposed) this.changed.fire(uri);
      };
      return [watcher, watcher.onDidCreate(fire), watcher.onDidChange(fire), watcher.onDidDelete(fire)];
    });
    this.present = present;
  }

  /** Announces a `.intake` folder above the workspace that appeared or went since last looked at. */
  private async checkAbove(): Promise<void> {
    const before = this.present;
    const now = await existing(await this.intakeFoldersAbove());
    if (this.disposed || before === undefined || this.present !== before) return;
    const changed = [...now].filter((f) => !before.has(f)).concat([...before].filter((f) => !now.has(f)));
    if (changed.length === 0) return;
    await this.watchAbove();
    for (const folder of changed) this.changed.fire(vscode.Uri.file(folder));
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.gathering);
    clearTimeout(this.settle);
    vscode.Disposable.from(...this.above, ...this.folders.values(), ...this.subscriptions).dispose();
    this.folders.clear();
  }
}

/** Which of `folders` exist as folders. */
async function existing(folders: readonly string[]): Promise<Set<string>> {
  const found = await Promise.all(
    folders.map(async (folder) => {
      try {
        return (await fs.stat(folder)).isDirectory() ? folder : undefined;
      } catch {
        return undefined;
      }
    }),
  );
  return new Set(found.filter((f): f is string => f !== undefined));
}
