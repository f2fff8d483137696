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
import { endLine, startLine } from '../lineRange';
import type { Intake, IntakeFile, Placeholder } from '../model';
import { byStart, moveSectionChecks, withFindings, type IntakeValidator, type SectionChecks } from '../validator';
import type { FindingsCache } from './findingsCache';
import { moveDiagnostics, moveFinding, moveFolding, moveSymbol } from './move';

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

/**
 * A result made in full by an earlier version, in that version's lines, with the line it is
 * anchored to there: the intake's first line (for a section's checks, the section's header
 * line). Where that line is now tells how far to move it. Anchored, a carried result needs no
 * new record when its intake moves again: a run of Enter above an intake shares one {@link
 * Inherited} between all its versions, and never keeps a version's moved copies alive.
 */
interface Carried<T> {
  readonly value: T;
  readonly line: number;
}

/** A carried list of diagnostics, and whether it may be moved (none quotes a line number). */
interface CarriedDiagnostics extends Carried<IntakeDiagnostic[]> {
  readonly movable: boolean;
}

/**
 * What a moved intake takes over from the analyses of its earlier versions: results made in
 * full there (never moved copies). Only the results are kept, never an analysis itself, so a
 * long run of edits never chains versions together.
 */
interface Inherited {
  own?: CarriedDiagnostics;
  all?: CarriedDiagnostics;
  found?: Carried<readonly AnalysisFinding[]>;
  symbol?: Carried<IntakeSymbol> & { index: number };
  folding?: Carried<FoldingRange[]>;
  complete?: Completeness;
}

/** An intake's report, carried only to an intake with the same text, lines and number (reports cite lines and say the number). */
interface CarriedReport {
  engine: ReportEngine<unknown>;
  value: unknown;
}

/** What is known of each section of an intake version, carried into the next (by section index). */
type SectionsCarried = Array<Carried<SectionChecks> | undefined>;

export class IntakeAnalysis {
  private own: IntakeDiagnostic[] | undefined;
  private all: IntakeDiagnostic[] | undefined;
  private found: readonly AnalysisFinding[] | undefined;
  private factsOf: IntakeFacts | undefined;
  private complete: Completeness | undefined;
  private symbolOf: IntakeSymbol | undefined;
  private folds: FoldingRange[] | undefined;
  /** Which of the results above are moved copies of the inherited ones (see {@link fresh}). */
  private copied = 0;
  private report_: CarriedReport | undefined;
  /** Each section's checks, made or carried over from a previous version (see {@link sectionChecks}). */
  private sectionList: Array<SectionChecks | undefined> | undefined;

  constructor(
    private host: IntakeHost,
    readonly intake: Intake,
    /** The placeholders that belong to the intake (asked for only when its diagnostics are made). */
    private readonly placeholdersOf: () => readonly Placeholder[],
    private readonly inherited: Inherited | undefined = undefined,
    /** Its sections' checks in earlier versions. */
    private carriedSections: SectionsCarried | undefined = undefined,
    /**
     * What the checks combined last for this intake, in this version or an earlier one. None for
     * an intake of a first analysis until it is edited (most never are): without one, neither its
     * sections' checks nor what the analysis read of each section (IntakeValidator.check) are
     * kept, and its first edit checks and reads every section of the intake again.
     */
    private readonly memo: CombineMemo | undefined = undefined,
    private readonly carriedReport: CarriedReport | undefined = undefined,
  ) {}

  /**
   * The analysis of an intake parsed in this version; `first` when the version is a first
   * analysis of the text (most of whose intakes are never edited: see {@link memo}), where an
   * intake of fewer than {@link LEAN_LINES} lines keeps nothing for its edits.
   */
  static parsed(host: IntakeHost, intake: Intake, placeholdersOf: () => readonly Placeholder[], first: boolean): IntakeAnalysis {
    const lean = first && endLine(intake.range) - startLine(intake.range) < LEAN_LINES;
    return new IntakeAnalysis(host, intake, placeholdersOf, undefined, undefined, lean ? undefined : new CombineMemo());
  }

  /** The first line of the intake: what its carried results are anchored to. */
  private get line(): number {
    return this.intake.range.start.line;
  }

  /** How far a carried result has moved since it was made. */
  private since(c: Carried<unknown>): number {
    return this.intake.range.start.line - c.line;
  }

  get index(): number {
    return this.intake.index;
  }


  /**
   * This analysis for the next version of the document, where its intake is `intake` (a moved
   * copy of this one's, `lines` further down) with `placeholders`.
   */
  moved(host: IntakeHost, intake: Intake, placeholders: () => readonly Placeholder[], lines: number): IntakeAnalysis {
    const report = this.report_ ?? this.carriedReport;
    const sameReport = report && lines === 0 && intake.index === this.index ? report : undefined;
    return new IntakeAnalysis(host, intake, placeholders, this.carry(), this.sectionsCarried(), this.memo, sameReport);
  }

  /**
   * What the next version inherits: what this one inherited, with the results this one made in
   * full added (anchored to this version's first line). The same object when this version made
   * none: an intake that only moves shares one record through all its versions.
   */
  private carry(): Inherited | undefined {
    const from = this.inherited;
    let made = (this.own ? OWN : 0) | (this.all ? ALL : 0) | (this.found ? FOUND : 0) | (this.symbolOf ? SYMBOL : 0) | (this.folds ? FOLDS : 0);
    made &= ~this.copied;
    const complete = this.complete !== undefined && this.complete !== from?.complete;
    if (made === 0 && !complete) return from;
    const line = this.line;
    const out: Inherited = { ...from };
    if (made & OWN) out.own = { value: this.own!, line, movable: !quotesLines(this.own!) };
    if (made & ALL) out.all = { value: this.all!, line, movable: !quotesLines(this.all!) };
    if (made & FOUND) out.found = { value: this.found!, line };
    if (made & SYMBOL) out.symbol = { value: this.symbolOf!, line, index: this.index };
    if (made & FOLDS) out.folding = { value: this.folds!, line };
    if (complete) out.complete = this.complete;
    return out;
  }

  /**
   * This analysis for the next version of the document, where its intake is `intake`: the same
   * but for section `section`, which was parsed again (its lines edited), and the sections after
   * it, moved (lines added or removed). Only the sections' checks are carried over: everything else
   * of the intake is made again (from them, for the diagnostics).
   */
  edited(host: IntakeHost, intake: Intake, placeholders: () => readonly Placeholder[], section: number): IntakeAnalysis {
    const carried = this.sectionsCarried()?.slice();
    if (carried) carried[section] = undefined;
    return new IntakeAnalysis(host, intake, placeholders, undefined, carried, this.memo ?? new CombineMemo());
  }

  /**
   * The sections' checks for the next version: those carried into this one, as they are, unless
   * this one made (or moved) its own, anchored to its sections' header lines.
   */
  private sectionsCarried(): SectionsCarried | undefined {
    const own = this.sectionList;
    if (!own) return this.carriedSections;
    // Made only by sectionChecks(), which has read the sections already.
    const sections = this.intake.sections;
    const out: SectionsCarried = new Array<Carried<SectionChecks> | undefined>(own.length);
    for (let i = 0; i < own.length; i++) {
      const made = own[i];
      if (made) out[i] = { value: made, line: sections[i]!.headerRange.start.line };
    }
    return out;
  }

  /**
   * The sections' checks this version has so far, one entry per section (the validator fills in
   * the missing ones): those carried from a previous version are moved to this one's lines.
   */
  private sectionChecks(): Array<SectionChecks | undefined> {
    if (this.sectionList) return this.sectionList;
    const sections = this.intake.sections;
    // Not kept without a memo (an intake of a first analysis, which carries none: see memo).
    if (!this.memo) return new Array<SectionChecks | undefined>(sections.length);
    const list = new Array<SectionChecks | undefined>(sections.length);
    const carried = this.carriedSections;
    if (carried) for (let i = 0; i < list.length; i++) {
      const c = carried[i];
      if (c) list[i] = moveSectionChecks(c.value, sections[i]!.headerRange.start.line - c.line, this.index);
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
    if (moved) {
      this.copied |= OWN;
      return (this.own = moved);
    }
    this.check(false);
    return this.own!;
  }

  /** Every diagnostic of the intake, the analysis findings included, in document order. */
  diagnostics(): IntakeDiagnostic[] {
    if (this.all) return this.all;
    const moved = this.carried(this.inherited?.all);
    if (moved) {
      this.copied |= ALL;
      return (this.all = moved);
    }
    if (!this.own && !this.found) this.check(true);
    const own = this.ownDiagnostics();
    const found = this.findings();
    // Without findings, the list is the intake's own (sorted already; nothing changes either):
    // most intakes of a large file keep one list, not two the same.
    return (this.all = found.length === 0 ? own : withFindings(own, found, this.index));
  }

  /** The analysis findings (language-free; localised where they are shown). */
  findings(): readonly AnalysisFinding[] {
    if (this.found) return this.found;
    const carried = this.inherited?.found;
    if (carried) {
      this.copied |= FOUND;
      const lines = this.since(carried);
      return (this.found = carried.value.map((f) => moveFinding(f, lines)));
    }
    const cache = this.host.findingsCache;
    if (cache.isFirst(this.host.file)) {
      this.found = this.host.validator.findings(this.intake, this.sectionChecks(), this.memo);
      cache.keepFirst(this.index, this.found);
      return this.found;
    }
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
    if (from && from.index === this.index) {
      this.copied |= SYMBOL;
      return (this.symbolOf = moveSymbol(from.value, this.since(from)));
    }
    return (this.symbolOf = getIntakeSymbol(this.intake, this.host.file.lineCount, this.host.validator.catalog, this.completeness()));
  }

  /** The folding ranges inside the intake (its region is the document's to add). */
  foldingRanges(): FoldingRange[] {
    if (this.folds) return this.folds;
    const from = this.inherited?.folding;
    if (from) {
      this.copied |= FOLDS;
      return (this.folds = moveFolding(from.value, this.since(from)));
    }
    return (this.folds = intakeFoldingRanges(this.intake));
  }

  /** The intake's report by `engine`, built once per engine. */
  report<R>(engine: ReportEngine<R>): R {
    this.report_ ??= this.carriedReport;
    if (this.report_?.engine === engine) return this.report_.value as R;
    const value = engine({ file: this.host.file, index: this.index, facts: this.facts(), findings: this.findings() });
    this.report_ = { engine, value };
    return value;
  }

  /** The report if it was built already (by any engine), without building it. */
  get reportIfBuilt(): unknown {
    return (this.report_ ?? this.carriedReport)?.value;
  }

  private check(analysis: boolean): void {
    const cache = this.host.findingsCache;
    // A first version's findings are kept by intake, not looked up (see FindingsCache).
    const first = analysis && cache.isFirst(this.host.file);
    let key: string | undefined;
    if (analysis && !this.found && !first) {
      key = this.host.intakeText(this.index);
      const cached = cache.get(this.host, key, this.intake.range.start.line);
      if (cached) {
        this.found = cached;
        analysis = false;
      }
    }
    const checked = this.host.validator.check(this.intake, this.placeholdersOf(), analysis, this.sectionChecks(), this.memo);
    this.own = checked.diagnostics.sort(byStart);
    if (analysis) {
      this.found = checked.findings ?? [];
      if (checked.findings && first) cache.keepFirst(this.index, checked.findings);
      else if (checked.findings && key !== undefined) cache.set(this.host, key, this.intake.range.start.line, checked.findings);
    }
  }

  /** A carried list of diagnostics moved to this intake, unless one quotes a line number (those are made again). */
  private carried(list: CarriedDiagnostics | undefined): IntakeDiagnostic[] | undefined {
    if (!list?.movable) return undefined;
    const lines = this.since(list);
    if (lines === 0 && list.value.every((d) => d.intake === this.index)) return list.value;
    return moveDiagnostics(list.value, lines, this.index);
  }
}

/**
 * The intakes of a first analysis this long or longer keep their sections' checks and chunks as
 * an edited one does: their first edit would check and read again too many lines for a keystroke
 * (an intake of 2,000 lines: about 8 ms more on it, measured). Shorter ones cost that edit about
 * a tenth of that or less, and keep nothing (the intakes of a large file are mostly much shorter).
 */
const LEAN_LINES = 200;

/** The bits of {@link IntakeAnalysis}'s `copied`. */
const OWN = 1;
const ALL = 2;
const FOUND = 4;
const FOLDS = 8;
const SYMBOL = 16;

/** Whether a diagnostic of the list quotes a line number (its message would change with the lines). */
function quotesLines(list: readonly IntakeDiagnostic[]): boolean {
  return list.some((d) => d.data.kind === 'duplicate-section');
}

