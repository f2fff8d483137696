/**
 * The analyses of several documents, each following its own versions: what the extension keeps
 * for its open documents (keyed by URI, versioned by the editor), and what a view of the files
 * on disk can keep too (keyed by URI, the text being its own version).
 */
import type { FieldCatalog } from '../catalog/catalog';
import { DocumentAnalysis } from './documentAnalysis';

interface Entry {
  /** The editor's version, or undefined for a text read from disk. */
  version: number | undefined;
  analysis: DocumentAnalysis;
}

export class AnalysisStore {
  private readonly entries = new Map<string, Entry>();

  /**
   * The analysis of document `key` at `version`. `text` is read only for a version not seen yet;
   * the new version is computed from the last one kept, so only what changed is analysed again.
   * `catalog`: the field catalog with a team's extra fields (undefined: the embedded one); when it
   * is not the one the kept analysis used, the document is analysed afresh.
   */
  get(key: string, version: number, text: () => string, catalog?: FieldCatalog): DocumentAnalysis {
    let entry = this.entries.get(key);
    if (entry && entry.analysis.catalogOption !== catalog) entry = undefined;
    if (entry && entry.version === version) return entry.analysis;
    return this.keep(key, version, text(), entry, catalog);
  }

  /** The analysis of `text` as the content of `key` (a file read from disk, no version). */
  ofText(key: string, text: string): DocumentAnalysis {
    const entry = this.entries.get(key);
    if (entry && entry.analysis.text === text) return entry.analysis;
    return this.keep(key, undefined, text, entry);
  }

  /** The last analysis kept for `key`, whatever its version. */
  peek(key: string): DocumentAnalysis | undefined {
    return this.entries.get(key)?.analysis;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  private keep(key: string, version: number | undefined, text: string, previous: Entry | undefined, catalog?: FieldCatalog): DocumentAnalysis {
    const analysis = previous ? previous.analysis.next(text) : DocumentAnalysis.of(text, catalog);
    this.entries.set(key, { version, analysis });
    return analysis;
  }
}
