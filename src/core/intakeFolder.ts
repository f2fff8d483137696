/**
 * Finds the `.intake/` folder that governs an intake file: the team's settings for that part of
 * the tree (`.intake/config.yaml` today; knowledge overlays and report branding later). The CLI
 * and the editor find it by the same rule, here, so that a file is checked alike in both:
 *
 * - look in the intake's own folder, then in each parent folder, for a directory named `.intake`;
 *   the nearest one wins, whole (nothing is merged from `.intake/` folders further up);
 * - stop at a repository's root: a folder holding `.git` (a directory, or the file a worktree or
 *   a submodule has) is the last one searched, so a checkout never picks up a `.intake/` from
 *   the folders around it;
 * - stop at the file system's root.
 *
 * The file system is reached through a {@link FolderProbe}, so that the rule can be tested, and
 * run by the extension over another file system, without touching the disk.
 */
import { promises as fs, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';

/** The name of the folder that holds a tree's settings. */
const INTAKE_FOLDER = '.intake';
/** A file or folder whose presence marks a repository's root: the search stops there. */
const REPOSITORY_MARKER = '.git';

type EntryKind = 'file' | 'directory';

/** What the search needs from a file system: what a path is, if anything. */
export interface FolderProbe {
  kind(file: string): Promise<EntryKind | undefined>;
}

/** The disk, through Node (symbolic links followed). Anything unreadable counts as absent. */
const nodeProbe: FolderProbe = {
  async kind(file) {
    try {
      return kindOf(await fs.stat(file));
    } catch {
      return undefined;
    }
  },
};

/**
 * The disk through Node's synchronous stat, for the CLI, which waits for each answer anyway: a
 * short run then neither loads node:fs/promises nor starts libuv's thread pool, which cost about
 * 5 ms of a cached `intake generate` (the extension host keeps the asynchronous one).
 */
export const syncNodeProbe: FolderProbe = {
  kind(file) {
    try {
      return Promise.resolve(kindOf(statSync(file)));
    } catch {
      return Promise.resolve(undefined);
    }
  },
};

function kindOf(stat: Stats): EntryKind | undefined {
  return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : undefined;
}

/**
 * The folders above `folder` (an absolute path) that the search from a file in it may reach, nearest
 * first: each parent up to the repository's root, included (none when `folder` is a root itself).
 * The editor watches their `.intake/` folders, which lie outside the workspace.
 */
export async function foldersSearchedAbove(folder: string, probe: FolderProbe = nodeProbe): Promise<string[]> {
  const out: string[] = [];
  let current = path.resolve(folder);
  while ((await probe.kind(path.join(current, REPOSITORY_MARKER))) === undefined) {
    const parent = path.dirname(current);
    if (parent === current) break;
    out.push(parent);
    current = parent;
  }
  return out;
}

/**
 * The search, remembered per folder: the files of one folder, and the folders under one parent,
 * ask the disk once. {@link clear} forgets everything (after a `.intake/` or `.git` appeared or went away).
 */
export class IntakeFolderFinder {
  private readonly byFolder = new Map<string, Promise<string | undefined>>();

  constructor(private readonly probe: FolderProbe = nodeProbe) {}

  /** The `.intake/` folder governing the intake file `file`, or undefined if there is none. */
  forFile(file: string): Promise<string | undefined> {
    return this.forFolder(path.dirname(path.resolve(file)));
  }

  /** The `.intake/` folder governing the files of `folder` (an absolute path), or undefined. */
  forFolder(folder: string): Promise<string | undefined> {
    let found = this.byFolder.get(folder);
    if (!found) {
      found = this.search(folder);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  clear(): void {
    this.byFolder.clear();
  }

  private async search(folder: string): Promise<string | undefined> {
    const candidate = path.join(folder, INTAKE_FOLDER);
    if ((await this.probe.kind(candidate)) === 'directory') return candidate;
    if ((await this.probe.kind(path.join(folder, REPOSITORY_MARKER))) !== undefined) return undefined;
    const parent = path.dirname(folder);
    return parent === folder ? undefined : this.forFolder(parent);
  }
}
