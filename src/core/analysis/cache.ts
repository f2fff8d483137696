/**
 * The analysis diagnostics of each intake, remembered by the intake's exact text, so that after
 * an edit only the intakes that changed are analysed again. For the editor, one per document:
 *
 *   const cache = new AnalysisCache();
 *   validate(parseIntake(text), { analysisCache: cache, text });   // on every change
 *
 * An intake's analysis depends on nothing but its own lines (the parser starts every intake
 * afresh), so the same text anywhere in the file gives the same findings, moved by as many
 * lines. The text must be the one the file was parsed from. Nothing is shared with the caller:
 * every hit is a fresh copy. What the last two validations did not use is forgotten, so the
 * cache holds about two versions of the document. Off unless asked for: `validate()` without a
 * cache analyses every intake (which is what the benchmark measures).
 */
import type { FieldCatalog } from '../catalog/catalog';
import type { IntakeDiagnostic } from '../diagnostics';
import { lineStarts, type Range } from '../document';
import { t } from '../l10n';
import type { Intake } from '../model';

interface Entry {
  /** The diagnostics with lines counted from the intake's first line. */
  diagnostics: IntakeDiagnostic[];
  /** The last validation that used it. */
  used: number;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Validations so far; entries unused in the last two are dropped (the document moved on). */
  private generation = 0;
  /** What the entries were made with: a different catalog or language empties the cache. */
  private catalog: FieldCatalog | undefined;
  private language: string | undefined;

  /** A view of the cache for one validation of `text`; call `end()` when it is done. */
  session(text: string, catalog: FieldCatalog): AnalysisCacheSession {
    // The findings' messages are localised when they are made.
    const language = t('Unfilled placeholder.');
    if (catalog !== this.catalog || language !== this.language) {
      this.entries.clear();
      this.catalog = catalog;
      this.language = language;
    }
    this.generation++;
    return new AnalysisCacheSession(this, text);
  }

  get(key: string): IntakeDiagnostic[] | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    entry.used = this.generation;
    return entry.diagnostics;
  }

  set(key: string, diagnostics: IntakeDiagnostic[]): void {
    this.entries.set(key, { diagnostics, used: this.generation });
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

  /** The intake's analysis diagnostics if its text was analysed before (a fresh copy), else undefined. */
  get(intake: Intake): IntakeDiagnostic[] | undefined {
    return this.cache.get(this.key(intake))?.map((d) => move(d, intake.range.start.line, intake.index));
  }

  set(intake: Intake, diagnostics: readonly IntakeDiagnostic[]): void {
    // The key is copied out of the document (a slice would keep the whole document alive).
    const key = copyOf(this.key(intake));
    this.cache.set(key, diagnostics.map((d) => move(d, -intake.range.start.line, d.intake)));
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

/** A copy of `d` moved down by `lines` (up when negative), for intake `intake`. */
function move(d: IntakeDiagnostic, lines: number, intake: number): IntakeDiagnostic {
  const data = d.data.kind === 'analysis' ? { ...d.data, facts: { ...d.data.facts } } : { ...d.data };
  return { ...d, range: moveRange(d.range, lines), intake, data };
}

function moveRange(r: Range, lines: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

/** A string with the same characters that shares no memory with `s` (joining makes a new string). */
function copyOf(s: string): string {
  return s.split('\n').join('\n');
}
