/**
 * The analysis findings of each intake, remembered by the intake's exact text, so that after
 * an edit only the intakes that changed are analysed again. For the editor, one per document:
 *
 *   const cache = new AnalysisCache();
 *   validate(parseIntake(text), { analysisCache: cache, text });   // on every change
 *
 * An intake's analysis depends on nothing but its own lines (the parser starts every intake
 * afresh), so the same text anywhere in the file gives the same findings, moved by as many
 * lines. The text must be the one the file was parsed from. Findings carry their messages
 * unlocalised (the validator localises them as it reports them), so a change of language needs
 * nothing from the cache. Nothing mutable is shared with the caller: every hit is a fresh copy
 * (the messages, which nobody changes, excepted). What the last two validations did not use is forgotten, so the
 * cache holds about two versions of the document. Off unless asked for: `validate()` without a
 * cache analyses every intake (which is what the benchmark measures).
 */
import type { FieldCatalog } from '../catalog/catalog';
import { lineStarts } from '../document';
import { moveRange } from '../lineRange';
import type { Intake } from '../model';
import type { AnalysisFinding } from './finding';

interface Entry {
  /** The findings with lines counted from the intake's first line. */
  findings: AnalysisFinding[];
  /** The last validation that used it. */
  used: number;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Validations so far; entries unused in the last two are dropped (the document moved on). */
  private generation = 0;
  /** What the entries were made with: a different catalog empties the cache. */
  private catalog: FieldCatalog | undefined;

  /** A view of the cache for one validation of `text`; call `end()` when it is done. */
  session(text: string, catalog: FieldCatalog): AnalysisCacheSession {
    if (catalog !== this.catalog) {
      this.entries.clear();
      this.catalog = catalog;
    }
    this.generation++;
    return new AnalysisCacheSession(this, text);
  }

  get(key: string): AnalysisFinding[] | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    entry.used = this.generation;
    return entry.findings;
  }

  set(key: string, findings: AnalysisFinding[]): void {
    this.entries.set(key, { findings, used: this.generation });
  }

  /** Forgets what the last two validations did not use. */
  prune(): void {
    for (const [key, entry] of this.entries) if (entry.used < this.generation - 1) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

export class AnalysisCacheSession {
  private starts: number[] | undefined;

  constructor(
    private readonly cache: AnalysisCache,
    private readonly text: string,
  ) {}

  /** The intake's analysis findings if its text was analysed before (a fresh copy), else undefined. */
  get(intake: Intake): AnalysisFinding[] | undefined {
    return this.cache.get(this.key(intake))?.map((f) => move(f, intake.range.start.line));
  }

  set(intake: Intake, findings: readonly AnalysisFinding[]): void {
    // The key is copied out of the document (a slice would keep the whole document alive).
    const key = copyOf(this.key(intake));
    this.cache.set(key, findings.map((f) => move(f, -intake.range.start.line)));
  }

  end(): void {
    this.cache.prune();
  }

  /** The intake's lines, whole, with their line breaks. */
  private key(intake: Intake): string {
    const starts = (this.starts ??= lineStarts(this.text));
    const from = starts[intake.range.start.line] ?? this.text.length;
    const to = starts[intake.range.end.line + 1] ?? this.text.length;
    return this.text.slice(from, to);
  }
}

/** A copy of `f` moved down by `lines` (up when negative). */
function move(f: AnalysisFinding, lines: number): AnalysisFinding {
  return { ...f, range: moveRange(f.range, lines), lines: f.lines.map((l) => l + lines), numbers: { ...f.numbers } };
}

/** A string with the same characters that shares no memory with `s` (joining makes a new string). */
function copyOf(s: string): string {
  return s.split('\n').join('\n');
}
