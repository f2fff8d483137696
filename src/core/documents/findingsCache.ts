/**
 * The analysis findings of intakes by their exact text, kept across the versions of one
 * document: an intake's findings depend on nothing but its own lines (the parser starts every
 * intake afresh), so the same text anywhere in the file gives the same findings, moved by as
 * many lines. Typing a character and deleting it again, or moving an intake, analyses nothing.
 *
 * Findings are stored as they were made, with the intake's first line then (the intake that made
 * them keeps the same list: findings are never changed, so one list serves both), and are
 * language-free (localised where they are shown). What the last {@link KEPT_VERSIONS} versions that used the
 * cache did not use is forgotten (versions typed past without being analysed do not count), so an
 * undo a few edits back finds its findings, and the cache holds a few versions' edited intakes.
 */
import type { AnalysisFinding } from '../analysis/analyze';
import { moveFinding } from './move';

const KEPT_VERSIONS = 8;

interface Entry {
  findings: readonly AnalysisFinding[];
  /** The first line of the intake the findings were made for. */
  line: number;
  used: number;
}

export class FindingsCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private user: object | undefined;

  /** `version` uses the cache: when it is a new one, what the last two did not use is dropped. */
  private use(version: object): void {
    if (version === this.user) return;
    this.user = version;
    this.generation++;
    for (const [key, entry] of this.entries) if (entry.used <= this.generation - KEPT_VERSIONS) this.entries.delete(key);
  }

  /** The findings of an intake with this text whose first line is `firstLine`, if known. */
  get(version: object, text: string, firstLine: number): readonly AnalysisFinding[] | undefined {
    this.use(version);
    const entry = this.entries.get(text);
    if (!entry) return undefined;
    entry.used = this.generation;
    const lines = firstLine - entry.line;
    // The same list where it was made (an intake typed away and back in place); else a moved copy.
    return lines === 0 ? entry.findings : entry.findings.map((f) => moveFinding(f, lines));
  }

  /**
   * Keeps `findings`, the list the intake keeps too, not a copy: one list of a first analysis's
   * findings rather than two (a copy moved to the intake's first line was as many objects again,
   * kept for the document's life).
   */
  set(version: object, text: string, firstLine: number, findings: readonly AnalysisFinding[]): void {
    this.use(version);
    this.entries.set(text, { findings, line: firstLine, used: this.generation });
  }

  get size(): number {
    return this.entries.size;
  }
}
