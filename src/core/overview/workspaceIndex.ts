/**
 * The Intakes view's model: the summaries of every intake file in the workspace, by URI, and
 * the list the view shows (path order, optionally incomplete intakes only). vscode-free, so
 * the benchmark (test/bench/intakesView.bench.ts) measures the same code the view runs.
 */
import { isIncomplete, type IntakeSummary } from './summary';

export interface IndexedFile {
  /** The file's URI as a string: the key. */
  uri: string;
  /** The path the view shows and sorts by (relative to its workspace folder). */
  path: string;
  intakes: IntakeSummary[];
}

export type OverviewFilter = 'all' | 'incomplete';

/** A file as the view lists it: the intakes the filter keeps (the file's own list has them all). */
export interface ListedFile {
  file: IndexedFile;
  intakes: IntakeSummary[];
}

export interface OverviewCounts {
  files: number;
  intakes: number;
  incomplete: number;
}

export class IntakeIndex {
  private readonly files = new Map<string, IndexedFile>();
  /** Files in path order; rebuilt only when a file comes or goes, not when a summary changes. */
  private ordered: IndexedFile[] | undefined;

  get size(): number {
    return this.files.size;
  }

  /** Every file's URI, including files with no intake (which the list leaves out). */
  keys(): string[] {
    return [...this.files.keys()];
  }

  get(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  /**
   * Stores a file's summaries. Returns whether anything the view shows changed: a keystroke
   * that leaves counts, percentages and names as they were needs no refresh (the ranges are
   * still updated, for Open).
   */
  set(file: IndexedFile): boolean {
    const old = this.files.get(file.uri);
    if (old && old.path === file.path) {
      const changed = !sameShown(old.intakes, file.intakes);
      // Keep the object: the ordered list holds it.
      old.intakes = file.intakes;
      return changed;
    }
    this.files.set(file.uri, { uri: file.uri, path: file.path, intakes: file.intakes });
    this.ordered = undefined;
    return true;
  }

  delete(uri: string): boolean {
    const had = this.files.delete(uri);
    if (had) this.ordered = undefined;
    return had;
  }

  /** Removes every file under a folder URI (a deleted folder reports only itself). Returns the URIs removed. */
  deleteUnder(folderUri: string): string[] {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    const removed = [...this.files.keys()].filter((u) => u.startsWith(prefix));
    for (const u of removed) this.files.delete(u);
    if (removed.length > 0) this.ordered = undefined;
    return removed;
  }

  clear(): void {
    this.files.clear();
    this.ordered = undefined;
  }

  /** The files in path order, each with the intakes `filter` keeps; a file left with none is dropped. */
  list(filter: OverviewFilter): ListedFile[] {
    this.ordered ??= [...this.files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.uri < b.uri ? -1 : 1));
    const out: ListedFile[] = [];
    for (const file of this.ordered) {
      const intakes = filter === 'all' ? file.intakes : file.intakes.filter(isIncomplete);
      if (intakes.length > 0) out.push({ file, intakes });
    }
    return out;
  }

  counts(): OverviewCounts {
    let intakes = 0;
    let incomplete = 0;
    for (const f of this.files.values()) {
      intakes += f.intakes.length;
      for (const i of f.intakes) if (isIncomplete(i)) incomplete++;
    }
    return { files: this.files.size, intakes, incomplete };
  }
}

function sameShown(a: readonly IntakeSummary[], b: readonly IntakeSummary[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    return x.index === y.index && x.industry === y.industry && x.segment === y.segment && x.percent === y.percent && x.errors === y.errors && x.warnings === y.warnings && x.placeholders === y.placeholders;
  });
}
