/**
 * Watches one `.intake/` folder on disk, and its `knowledge/`, with Node's own `fs.watch`: each
 * folder's direct entries, nothing recursive.
 *
 * Why not VS Code's watchers: inside the workspace, VS Code serves every extension watcher from
 * its one recursive watcher (parcel, inotify); a plain `RelativePattern(folder, '*')` there only
 * adds a watch of the folders `files.watcherExclude` leaves out. That recursive watcher never
 * watches a folder made in the same instant as its parent (`mkdir -p .intake/knowledge`, a
 * checkout, an unzip, a test writing `knowledge/x.yaml` into a fresh `.intake/`): seen in
 * code-server's trace log, neither that folder nor any file written in it later was reported.
 * A watch of the folder itself does not depend on when it was made.
 *
 * - `knowledge/` is watched once it exists: when the `.intake/` folder reports it, its watch
 *   starts at once, before the change is announced.
 * - A folder that goes away ends its watch; `knowledge/` is watched again if it comes back.
 * - A watch that cannot start (no inotify handles left, no permission) is skipped: VS Code's own
 *   watcher still reports what it sees.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export class IntakeFolderWatch {
  private readonly watches = new Map<string, fs.FSWatcher>();
  private disposed = false;

  /**
   * @param intakeDir the `.intake/` folder
   * @param subfolders folders inside it to watch as well (`knowledge`)
   * @param onChange called with the path of what changed (an entry of a watched folder, or the folder itself)
   */
  constructor(
    readonly intakeDir: string,
    private readonly subfolders: readonly string[],
    private readonly onChange: (changed: string, created: boolean) => void,
  ) {
    this.watch(intakeDir);
    for (const sub of subfolders) this.watch(path.join(intakeDir, sub));
  }

  /** Whether `folder` has a watch now (for tests and for the owner's bookkeeping). */
  isWatching(folder: string): boolean {
    return this.watches.has(folder);
  }

  dispose(): void {
    this.disposed = true;
    for (const w of this.watches.values()) w.close();
    this.watches.clear();
  }

  private watch(folder: string): void {
    if (this.disposed || this.watches.has(folder)) return;
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(folder, { persistent: false }, (event, name) => this.changed(folder, event, name));
    } catch {
      return; // Not there (yet), or no watch to be had: see the header.
    }
    watcher.on('error', () => this.unwatch(folder));
    this.watches.set(folder, watcher);
  }

  private unwatch(folder: string): void {
    this.watches.get(folder)?.close();
    this.watches.delete(folder);
  }

  private changed(folder: string, event: fs.WatchEventType, name: string | Buffer | null): void {
    if (this.disposed) return;
    // 'rename' is a creation or a deletion, of an entry or of the watched folder itself: the disk says which.
    if (event === 'rename' && !fs.existsSync(folder)) {
      this.unwatch(folder);
      this.onChange(folder, false);
      return;
    }
    const entry = typeof name === 'string' && name !== '' ? path.join(folder, name) : folder;
    const created = event === 'rename' && fs.existsSync(entry);
    if (event === 'rename' && folder === this.intakeDir && this.subfolders.some((sub) => path.join(this.intakeDir, sub) === entry)) {
      if (created) this.watch(entry);
      else this.unwatch(entry);
    }
    this.onChange(entry, created);
  }
}
