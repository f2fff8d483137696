/**
 * One analysis per version of a document, shared by everything that reads it: diagnostics,
 * code actions, symbols, folding, completion, hover, the status bar and the report preview.
 * Each part is computed when first asked for, once per version, and per intake where it can be
 * (see {@link IntakeAnalysis}).
 *
 *   let analysis = DocumentAnalysis.of(text);        // when the document opens
 *   analysis = analysis.next(editedText);            // after an edit: only what changed is redone
 *   analysis.diagnostics(); analysis.symbols(); analysis.intake(1)?.report(engine);
 *
 * `next` re-parses only the segments of the text the edit touched (see {@link ParsedText}). An
 * intake outside them keeps its `IntakeAnalysis` (same object, with everything it computed); one
 * that moved starts from the previous results, moved; one that was parsed again finds its
 * analysis findings by its text if that text was analysed before. Nothing here knows about
 * VS Code: the CLI, the tests and the benchmark use it as the extension does.
 */
import type { FieldCatalog } from '../catalog/catalog';
import type { IntakeDiagnostic } from '../diagnostics';
import { mergeFoldingRanges, type FoldingRange } from '../features/folding';
import type { IntakeSymbol } from '../features/symbols';
import { locateIntake } from '../facts/locate';
import { FixContext, placeholderFillEdits, safeFixEdits } from '../fixes';
import { startLine } from '../lineRange';
import type { IntakeFile, Placeholder } from '../model';
import type { TextEdit } from '../edits';
import { suggestedFill } from '../placeholder';
import { IntakeValidator } from '../validator';
import { FindingsCache } from './findingsCache';
import { IntakeAnalysis, type IntakeHost } from './intakeAnalysis';
import { parsedAlike } from './parsedAlike';
import { ParsedText } from './parsedText';

export type { ReportInput } from './intakeAnalysis';
export { IntakeAnalysis } from './intakeAnalysis';

/** The diagnostic codes whose fix Fix All applies (see `safe` in core/fixes.ts). */
const SAFE_FIX_CODES: ReadonlySet<string> = new Set(['intake.unclosed-placeholder', 'intake.format', 'intake.missing-section', 'intake.missing-field']);

export class DocumentAnalysis implements IntakeHost {
  readonly validator: IntakeValidator;
  private readonly intakes: IntakeAnalysis[];
  /** Placeholders that belong to no intake (a file without intakes has none; kept for totality). */
  private readonly stray: readonly Placeholder[];
  private all: IntakeDiagnostic[] | undefined;
  private symbolList: IntakeSymbol[] | undefined;
  private folds: FoldingRange[] | undefined;
  private fixes: FixContext | undefined;

  private constructor(
    private readonly parsed: ParsedText,
    readonly findingsCache: FindingsCache,
    previous: DocumentAnalysis | undefined,
    /** The field catalog with a team's extra fields (core/team/); undefined: the embedded one. */
    readonly catalogOption: FieldCatalog | undefined,
  ) {
    this.validator = new IntakeValidator(catalogOption);
    const file = parsed.file;
    this.stray = file.intakes.length === 0 ? file.placeholders : [];
    // The intake analyses keep these callbacks for as long as they live (a kept one, through many
    // versions): they are made by methods, never by closures in this constructor, whose scope
    // holds `previous`, so that no version keeps the one before it alive, and that one the one
    // before it, without end.
    const placeholdersOfIntake = (i: number) => this.placeholderSource(i);
    // Intakes the edit left alone keep their analysis, moved ones start from theirs; the others
    // (parsed again, or a first parse) need their placeholders, found in one pass.
    const kept: (IntakeAnalysis | undefined)[] = file.intakes.map((intake, i) => {
      const origin = parsed.origins[i];
      if (!origin || origin.kind === 'parsed') return undefined;
      const before = previous?.intakes[origin.previous.index];
      if (before?.intake !== origin.previous) return undefined;
      if (origin.kind === 'same') return before.adopt(this);
      if (origin.kind === 'edited') return before.edited(this, intake, placeholdersOfIntake(i), origin.section);
      return before.moved(this, intake, placeholdersOfIntake(i), origin.lines);
    });
    const fresh = placeholdersOf(file, parsed.parsedPlaceholders(), (i) => !kept[i] && parsed.origins[i]?.kind === 'parsed');
    // An intake parsed again whose text is that of one it replaced (a neighbour of the edited one
    // in the same segment) takes over that one's results.
    const same = previous ? sameText(this, previous, parsed, kept) : new Map<number, IntakeAnalysis>();
    this.intakes = file.intakes.map((intake, i) => {
      const before = same.get(i);
      const keep = kept[i];
      if (keep && !before) return keep;
      const list = fresh.get(i);
      const placeholders = list ? constant(list) : placeholdersOfIntake(i);
      if (before) return before.moved(this, intake, placeholders, intake.range.start.line - before.intake.range.start.line);
      return IntakeAnalysis.parsed(this, intake, placeholders, !previous);
    });
  }

  /** The analysis of a text seen for the first time. */
  static of(text: string, catalog?: FieldCatalog): DocumentAnalysis {
    const parsed = ParsedText.parse(text);
    return new DocumentAnalysis(parsed, new FindingsCache(parsed), undefined, catalog);
  }

  /** The analysis of a later version of this text: what the edit did not touch is kept. */
  next(text: string): DocumentAnalysis {
    if (text === this.text) return this;
    return new DocumentAnalysis(this.parsed.update(text), this.findingsCache, this, this.catalogOption);
  }

  get text(): string {
    return this.parsed.text;
  }

  get file(): IntakeFile {
    return this.parsed.file;
  }

  intakeText(index: number): string {
    return this.parsed.intakeText(index);
  }

  /** What gives intake `index`'s placeholders when they are first asked for. */
  private placeholderSource(index: number): () => readonly Placeholder[] {
    return () => this.placeholdersOfIntake(index);
  }

  /** The placeholders that belong to intake `index` (the nearest intake at or above their line). */
  private placeholdersOfIntake(index: number): Placeholder[] {
    const file = this.file;
    return this.parsed.segmentPlaceholders(index).filter((p) => (locateIntake(file, p.range.start.line).nearest?.index ?? 0) === index);
  }

  /** The analysis of intake `index` (0-based). */
  intake(index: number): IntakeAnalysis | undefined {
    return this.intakes[index];
  }

  /** The analyses of every intake, in order. */
  intakeAnalyses(): readonly IntakeAnalysis[] {
    return this.intakes;
  }

  /** The intake that holds `line`; undefined between intakes (see core/facts/locate.ts). */
  intakeAt(line: number): IntakeAnalysis | undefined {
    const intake = locateIntake(this.file, line).intake;
    return intake && this.intakes[intake.index];
  }

  /** The intake that holds `line`, or between intakes the one above it. */
  nearestAt(line: number): IntakeAnalysis | undefined {
    const intake = locateIntake(this.file, line).nearest;
    return intake && this.intakes[intake.index];
  }

  /** Every diagnostic of the document, the analysis findings included, in document order. */
  diagnostics(): IntakeDiagnostic[] {
    if (this.all) return this.all;
    // Indexed loops into an array made at its size: this runs once per version over every
    // diagnostic (tens of thousands in a large file), mostly before it is optimised, where an
    // iterator and a growing array allocate several times the list itself.
    const lists = new Array<IntakeDiagnostic[]>(this.intakes.length);
    let size = this.stray.length;
    for (let i = 0; i < lists.length; i++) size += (lists[i] = this.intakes[i]!.diagnostics()).length;
    // (V8 makes an array made at a size past 100,000 a dictionary: past that it grows as it fills.)
    const out: IntakeDiagnostic[] = size <= 65536 ? new Array<IntakeDiagnostic>(size) : [];
    let at = 0;
    for (const p of this.stray) out[at++] = this.validator.placeholder(p, 0);
    for (const list of lists) for (let k = 0; k < list.length; k++) out[at++] = list[k]!;
    // Every intake has its diagnostics now: the placeholder messages they were made from need not
    // be kept with this version.
    this.validator.forgetMessages();
    return (this.all = out);
  }

  /**
   * The diagnostics that start on `line`, from the intake that owns it; with `analysis`, the
   * analysis findings too (computed for that intake only if it has not been yet).
   */
  diagnosticsAt(line: number, analysis: boolean): IntakeDiagnostic[] {
    const a = this.nearestAt(line);
    if (!a) return this.stray.filter((p) => p.range.start.line === line).map((p) => this.validator.placeholder(p, 0));
    return (analysis ? a.diagnostics() : a.ownDiagnostics()).filter((d) => d.range.start.line === line);
  }

  /** The outline: one symbol per intake. */
  symbols(): IntakeSymbol[] {
    return (this.symbolList ??= this.intakes.map((a) => a.symbol()));
  }

  folding(): FoldingRange[] {
    return (this.folds ??= mergeFoldingRanges(
      this.intakes.map((a, i) => ({ intake: a.intake, inner: a.foldingRanges(), separatorBefore: this.intakes[i - 1]?.intake.separatorAfter })),
      this.file.lineCount,
    ));
  }

  /** What the quick fixes work on: this version's text and parse. */
  fixContext(): FixContext {
    return (this.fixes ??= new FixContext(this.text, this.file, this.validator.catalog));
  }

  /** Whether Fix All would change something (without computing its edits). */
  hasSafeFixes(): boolean {
    return this.intakes.some((a) => a.ownDiagnostics().some((d) => SAFE_FIX_CODES.has(d.code))) || this.stray.some((p) => !p.closed);
  }

  /** Fix All: every safe fix of every diagnostic (the analysis findings have none). */
  fixAllEdits(): TextEdit[] {
    const own = this.stray.map((p) => this.validator.placeholder(p, 0));
    for (const a of this.intakes) for (const d of a.ownDiagnostics()) own.push(d);
    return safeFixEdits(this.fixContext(), own);
  }

  /** Whether any placeholder can be filled with an example or its first option. */
  hasFillablePlaceholders(): boolean {
    return this.parsed.somePlaceholder((p) => p.closed && suggestedFill(p) !== undefined);
  }

  fillPlaceholderEdits(): TextEdit[] {
    return placeholderFillEdits(this.file);
  }
}

/** A callback that gives `value`, made outside any scope that holds a previous version. */
function constant<T>(value: T): () => T {
  return () => value;
}

/**
 * For the intakes parsed again (no analysis kept), the analysis of a replaced intake of the
 * previous version with the same text, if any, and only if both parsed alike: the same text does
 * not always parse alike (what stands before and after an intake can change how its first and
 * last lines read; see parsedAlike.ts), and the results of one are then not those of the other.
 */
function sameText(next: DocumentAnalysis, previous: DocumentAnalysis, parsed: ParsedText, kept: readonly (IntakeAnalysis | undefined)[]): Map<number, IntakeAnalysis> {
  const out = new Map<number, IntakeAnalysis>();
  if (parsed.replaced.length === 0) return out;
  const byText = new Map<string, IntakeAnalysis[]>();
  for (const old of parsed.replaced) {
    const analysis = previous.intake(old.index);
    if (!analysis) continue;
    const key = previous.intakeText(old.index);
    byText.set(key, [...(byText.get(key) ?? []), analysis]);
  }
  kept.forEach((k, i) => {
    if (k) return;
    const candidates = byText.get(next.intakeText(i));
    if (!candidates) return;
    const intake = next.file.intakes[i]!;
    const at = candidates.findIndex((c) => parsedAlike(c.intake, intake));
    if (at >= 0) out.set(i, candidates.splice(at, 1)[0]!);
  });
  return out;
}

/**
 * The placeholders of the intakes parsed in this version that have no analysis yet (`wanted`),
 * by intake index: they are among the placeholders of the segments parsed in this version.
 */
function placeholdersOf(file: IntakeFile, parsed: readonly Placeholder[], wanted: (index: number) => boolean): Map<number, Placeholder[]> {
  const out = new Map<number, Placeholder[]>();
  const intakes = file.intakes;
  for (let i = 0; i < intakes.length; i++) if (wanted(i)) out.set(i, []);
  if (out.size === 0) return out;
  // Both lists are in document order: one walk finds each placeholder's nearest intake (the last
  // that starts at or above its line, else the first), as locateIntake would one by one.
  let at = 0;
  let list = out.get(0);
  // startLine() reads a LineRange's field: its `start` getter would make a position for each of a
  // large file's thousands of placeholders.
  for (const p of parsed) {
    const line = startLine(p.range);
    if (at + 1 < intakes.length && startLine(intakes[at + 1]!.range) <= line) {
      do at++;
      while (at + 1 < intakes.length && startLine(intakes[at + 1]!.range) <= line);
      list = out.get(at);
    }
    list?.push(p);
  }
  return out;
}
