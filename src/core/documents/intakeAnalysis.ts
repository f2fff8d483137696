/**
 * What is known about one intake of one version of a document, each part computed when first
 * asked for and kept: its diagnostics, analysis findings, facts, completeness, outline symbol and
 * report. An intake the edit left alone keeps its `IntakeAnalysis` object into the next
 * version; one that only moved (lines added or removed above it) starts from the previous one's
 * results, moved.
 */
import { CombineMemo, type AnalysisFinding } from '../analysis/analyze';
import type { IntakeDiagnostic } from '../diagnostics';
import { getCompleteness, type Completeness } from '../features/completeness';
import { intakeFoldingRanges, type FoldingRange } from '../features/folding';
import { getIntakeSymbol, type IntakeSymbol } from '../features/symbols';
import { extractFacts, type IntakeFacts } from '../facts/facts';
import type { Intake, IntakeFile, Placeholder } from '../model';
import { moveSectionChecks, withFindings, type IntakeValidator, type SectionChecks } from '../validator';
import type { FindingsCache } from './findingsCache';
import { moveDiagnostic, moveFinding, moveFolding, moveSymbol } from './move';

/** What a report engine gets: the intake and what the analysis already knows of it. */
export interface ReportInput {
  file: IntakeFile;
  index: number;
  facts: IntakeFacts;
  findings: readonly AnalysisFinding[];
}

/**
 * Builds the report of an intake (the extension passes the engine it loads on first use). The
 * report is opaque here: whatever the engine returns is kept and handed back.
 */
export type ReportEngine<R> = (input: ReportInput) => R;

/** What an intake's analysis needs from the document version it belongs to. */
export interface IntakeHost {
  readonly file: IntakeFile;
  readonly validator: IntakeValidator;
  readonly findingsCache: FindingsCache;
  /** The intake's text (the key of the findings cache). */
  intakeText(index: number): string;
}

/** A result of a previous version, in that version's lines: `lines` to add to be in this one's. */
interface Carried<T> {
  readonly value: T;
  readonly lines: number;
}

/**
 * What a moved intake takes over from the analysis of its previous version: results already
 * computed there, each with how far it has moved since. Only the results are kept, never the
 * previous analysis itself, so a long run of edits never chains versions together.
 */
interface Inherited {
  own?: Carried<IntakeDiagnostic[]>;
  all?: Carried<IntakeDiagnostic[]>;
  found?: Carried<AnalysisFinding[]>;
  symbol?: Carried<IntakeSymbol> & { index: number };
  folding?: Carried<FoldingRange[]>;
  complete?: Completeness;
  /** The report, for an intake with the same text, lines and number (reports cite lines and say the number). */
  report?: { engine: ReportEngine<unknown>; value: unknown };
}

/** What is known of each section of an intake version, carried into the next (by section index). */
type SectionsCarried = Array<Carried<SectionChecks> | undefined>;

export class IntakeAnalysis {
  private own: IntakeDiagnostic[] | undefined;
  private all: IntakeDiagnostic[] | undefined;
  private found: AnalysisFinding[] | undefined;
  private factsOf: IntakeFacts | undefined;
  private complete: Completeness | undefined;
  private symbolOf: IntakeSymbol | undefined;
  private folds: FoldingRange[] | undefined;
  private report_: { engine: ReportEngine<unknown>; value: unknown } | undefined;
  /** Each section's checks, made or carried over from a previous version (see {@link sectionChecks}). */
  private sectionList: Array<SectionChecks | undefined> | undefined;

  constructor(
    private host: IntakeHost,
    readonly intake: Intake,
    /** The placeholders that belong to the intake (asked for only when its diagnostics are made). */
    private readonly placeholdersOf: () => readonly Placeholder[],
    private inherited: Inherited | undefined = undefined,
    /** Its sections' checks in a previous version, with how far each has moved since. */
    private carriedSections: SectionsCarried | undefined = undefined,
    /** What the checks combined last for this intake, in this version or an earlier one. */
    private readonly memo: CombineMemo = new CombineMemo(),
  ) {}

  get index(): number {
    return this.intake.index;
  }


  /**
   * This analysis for the next version of the document, where its intake is `intake` (a moved
   * copy of this one's, `lines` further down) with `placeholders`.
   */
  moved(host: IntakeHost, intake: Intake, placeholders: () => readonly Placeholder[], lines: number): IntakeAnalysis {
    const from = this.inherited;
    const carry = <T>(own: T | undefined, before: Carried<T> | undefined): Carried<T> | undefined =>
      own !== undefined ? { value: own, lines } : before && { value: before.value, lines: before.lines + lines };
    const inherited: Inherited = {};
    const own = carry(this.own, from?.own);
    const all = carry(this.all, from?.all);
    const found = carry(this.found, from?.found);
    const symbol = this.symbolOf ? { value: this.symbolOf, lines, index: this.index } : from?.symbol && { ...from.symbol, lines: from.symbol.lines + lines };
    const folding = carry(this.folds, from?.folding);
    const complete = this.complete ?? from?.complete;
    const report = this.report_ ?? from?.report;
    if (report && lines === 0 && intake.index === this.index) inherited.report = report;
    if (own) inherited.own = own;
    if (all) inherited.all = all;
    if (found) inherited.found = found;
    if (symbol) inherited.symbol = symbol;
    if (folding) inherited.folding = folding;
    if (complete) inherited.complete = complete;
    return new IntakeAnalysis(host, intake, placeholders, inherited, this.sectionsMoved(() => lines), this.memo);
  }

  /**
   * This analysis for the next version of the document, where its intake is `intake`: the same
   * but for section `section`, which was parsed again (its lines edited), and the sections after
   * it, moved `lines` further down. Only the sections' checks are carried over: everything else
   * of the intake is made again (from them, for the diagnostics).
   */
  edited(host: IntakeHost, intake: Intake, placeholders: () => readonly Placeholder[], section: number, lines: number): IntakeAnalysis {
    const carried = this.sectionsMoved((i) => (i < section ? 0 : i > section ? lines : undefined));
    return new IntakeAnalysis(host, intake, placeholders, undefined, carried, this.memo);
  }

  /** This version's section checks (made or carried), each moved by `lines(i)`; none where that is undefined. */
  private sectionsMoved(lines: (section: number) => number | undefined): SectionsCarried | undefined {
    const own = this.sectionList;
    const before = this.carriedSections;
    if (!own && !before) return undefined;
    // Not this.intake.sections.length: reading a moved intake's sections copies its trees.
    const count = (own ?? before)!.length;
    const out: SectionsCarried = new Array<Carried<SectionChecks> | undefined>(count);
    for (let i = 0; i < count; i++) {
      const by = lines(i);
      if (by === undefined) continue;
      const made = own?.[i];
      const carried = before?.[i];
      if (made) out[i] = { value: made, lines: by };
      else if (carried) out[i] = { value: carried.value, lines: carried.lines + by };
    }
    return out;
  }

  /**
   * The sections' checks this version has so far, one entry per section (the validator fills in
   * the missing ones): those carried from a previous version are moved to this one's lines.
   */
  private sectionChecks(): Array<SectionChecks | undefined> {
    if (this.sectionList) return this.sectionList;
    const list = new Array<SectionChecks | undefined>(this.intake.sections.length);
    const carried = this.carriedSections;
    if (carried) for (let i = 0; i < list.length; i++) {
      const c = carried[i];
      if (c) list[i] = moveSectionChecks(c.value, c.lines, this.index);
    }
    this.carriedSections = undefined;
    return (this.sectionList = list);
  }

  /** Keeps this (unchanged) intake's analysis for the next version of the document. */
  adopt(host: IntakeHost): this {
    this.host = host;
    return this;
  }

  /** The catalog checks and the placeholders, without the analysis findings, in document order. */
  ownDiagnostics(): IntakeDiagnostic[] {
    if (this.own) return this.own;
    const moved = this.carried(this.inherited?.own);
    if (moved) return (this.own = moved);
    this.check(false);
    return this.own!;
  }

  /** Every diagnostic of the intake, the analysis findings included, in document order. */
  diagnostics(): IntakeDiagnostic[] {
    if (this.all) return this.all;
    const moved = this.carried(this.inherited?.all);
    if (moved) return (this.all = moved);
    if (!this.own && !this.found) this.check(true);
    return (this.all = withFindings(this.ownDiagnostics(), this.findings(), this.index));
  }

  /** The analysis findings (language-free; localised where they are shown). */
  findings(): AnalysisFinding[] {
    if (this.found) return this.found;
    const carried = this.inherited?.found;
    if (carried) return (this.found = carried.value.map((f) => moveFinding(f, carried.lines)));
    const cache = this.host.findingsCache;
    const key = this.host.intakeText(this.index);
    const cached = cache.get(this.host, key, this.intake.range.start.line);
    if (cached) return (this.found = cached);
    this.found = this.host.validator.findings(this.intake, this.sectionChecks(), this.memo);
    cache.set(this.host, key, this.intake.range.start.line, this.found);
    return this.found;
  }

  facts(): IntakeFacts {
    return (this.factsOf ??= extractFacts(this.intake, this.host.validator.catalog));
  }

  completeness(): Completeness {
    // Line-free: a moved intake's completeness is the same.
    return (this.complete ??= this.inherited?.complete ?? getCompleteness(this.intake, this.host.validator.catalog));
  }

  /** The outline symbol: the intake, its sections and fields. */
  symbol(): IntakeSymbol {
    if (this.symbolOf) return this.symbolOf;
    // The name says the intake's number: only a symbol of the same number can be moved.
    const from = this.inherited?.symbol;
    this.symbolOf = from && from.index === this.index ? moveSymbol(from.value, from.lines) : getIntakeSymbol(this.intake, this.host.file.lineCount, this.host.validator.catalog, this.completeness());
    return this.symbolOf;
  }

  /** The folding ranges inside the intake (its region is the document's to add). */
  foldingRanges(): FoldingRange[] {
    if (this.folds) return this.folds;
    const from = this.inherited?.folding;
    return (this.folds = from ? moveFolding(from.value, from.lines) : intakeFoldingRanges(this.intake));
  }

  /** The intake's report by `engine`, built once per engine. */
  report<R>(engine: ReportEngine<R>): R {
    this.report_ ??= this.inherited?.report;
    if (this.report_?.engine === engine) return this.report_.value as R;
    const value = engine({ file: this.host.file, index: this.index, facts: this.facts(), findings: this.findings() });
    this.report_ = { engine, value };
    return value;
  }

  /** The report if it was built already (by any engine), without building it. */
  get reportIfBuilt(): unknown {
    return (this.report_ ?? this.inherited?.report)?.value;
  }

  private check(analysis: boolean): void {
    const cache = this.host.findingsCache;
    let key: string | undefined;
    if (analysis && !this.found) {
      key = this.host.intakeText(this.index);
      const cached = cache.get(this.host, key, this.intake.range.start.line);
      if (cached) {
        this.found = cached;
        analysis = false;
      }
    }
    const checked = this.host.validator.check(this.intake, this.placeholdersOf(), analysis, this.sectionChecks(), this.memo);
    this.own = sortByStart(checked.diagnostics);
    if (analysis) {
      this.found = checked.findings ?? [];
      if (checked.findings && key !== undefined) cache.set(this.host, key, this.intake.range.start.line, checked.findings);
    }
  }

  /** A carried list of diagnostics moved to this intake, unless one quotes a line number (those are made again). */
  private carried(list: Carried<IntakeDiagnostic[]> | undefined): IntakeDiagnostic[] | undefined {
    if (!list || list.value.some((d) => d.data.kind === 'duplicate-section')) return undefined;
    if (list.lines === 0 && list.value.every((d) => d.intake === this.index)) return list.value;
    return list.value.map((d) => moveDiagnostic(d, list.lines, this.index));
  }
}

function byStart(a: IntakeDiagnostic, b: IntakeDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function sortByStart(list: IntakeDiagnostic[]): IntakeDiagnostic[] {
  return list.sort(byStart);
}
