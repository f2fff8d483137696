/**
 * The analysis checks: values in an intake that contradict each other or known facts. The same
 * findings become editor diagnostics (through `validate()`) and the first entries of the report's
 * 风险提示. Pure and deterministic, no `vscode`; never throws: each check runs on its own, so a
 * bug in one cannot hide the others.
 *
 * | check            | code                     | severity    |
 * |------------------|--------------------------|-------------|
 * | budget-sum       | intake.budget-sum        | error       |
 * | budget-exceeds   | intake.budget-exceeds    | error       |
 * | sla-conflict     | intake.sla-conflict      | warning     |
 * | latency-physics  | intake.latency-physics   | warning     |
 * | unknown-standard | intake.unknown-standard  | error       |
 * | retired-standard | intake.retired-standard  | warning     |
 * | wording          | intake.wording           | information |
 * | unreadable-amount| intake.unreadable-amount | warning     |
 *
 * A line longer than {@link MAX_ANALYSIS_LINE} characters is skipped by every check, and the
 * validator says so (intake.line-too-long, information): the checks are linear, but a line of
 * 100,000 characters times a few hundred patterns is still more than a keystroke should cost.
 */
import { getFieldCatalog } from '../catalog/catalog';
import { Codes, type AnalysisCheck, type DiagnosticData, type IntakeDiagnostic } from '../diagnostics';
import type { CatalogLookup, IntakeFacts } from '../facts/facts';
import { getFrameworks, getLocations } from '../knowledge/knowledge';
import type { Framework, Location } from '../knowledge/schema';
import { english, localize, msg, type Message } from '../l10n';
import type { Intake, IntakeFile } from '../model';
import { budgetExceedsRunner, budgetSumRunner } from './budget';
import { moveFinding, type AnalysisFinding, type AnalysisKnowledge, type CheckRunner } from './finding';
import { latencyRunner } from './latency';
import { sameData } from './same';
import { buildAnalysisInput, buildAnalysisLines, type AnalysisLine } from '../facts/lines';
import { slaRunner } from './sla';
import { standardsRunner } from './standards';
import { unreadableRunner } from './unreadable';

export type { AnalysisFinding } from './finding';

export const ANALYSIS_CHECKS: readonly AnalysisCheck[] = ['budget-sum', 'budget-exceeds', 'sla-conflict', 'latency-physics', 'unknown-standard', 'retired-standard', 'wording', 'unreadable-amount'];

export interface AnalyzeOptions {
  /** Frameworks to check standards against (default: the knowledge base's). */
  frameworks?: readonly Framework[];
  /** Places for the latency check (default: the knowledge base's). */
  locations?: readonly Location[];
  /** The field catalog (default: the embedded one), or lookups over it. */
  catalog?: CatalogLookup;
  /** The intake's facts, when the caller already has them. */
  facts?: IntakeFacts;
  /** Run only these checks (default: all). */
  checks?: readonly AnalysisCheck[];
  /** Told when a check throws (the check's findings are then dropped; the others still run). */
  onError?: (check: string, error: unknown) => void;
}

const ALL_CHECKS: ReadonlySet<AnalysisCheck> = new Set(ANALYSIS_CHECKS);

/** The checks, each in two steps (see {@link CheckRunner}); the standards runner makes three checks at once. */
const RUNNERS: ReadonlyArray<CheckRunner<unknown>> = [anyRunner(budgetSumRunner), anyRunner(budgetExceedsRunner), anyRunner(slaRunner), anyRunner(latencyRunner), anyRunner(standardsRunner), anyRunner(unreadableRunner)];

/** A runner among others: each gets back only the extracts it made. */
function anyRunner<E>(runner: CheckRunner<E>): CheckRunner<unknown> {
  return runner as unknown as CheckRunner<unknown>;
}

/** The knowledge base's frameworks and places, loaded when a check first needs them. */
const DEFAULT_KNOWLEDGE: AnalysisKnowledge = { frameworks: getFrameworks, locations: getLocations };

/** The findings for one intake, in document order. */
export function analyzeFindings(intake: Intake, options: AnalyzeOptions = {}): AnalysisFinding[] {
  let lines: AnalysisLine[];
  try {
    const catalog = options.catalog ?? getFieldCatalog();
    lines = options.facts ? buildAnalysisInput(intake, catalog, options.facts).lines : buildAnalysisLines(intake, catalog);
  } catch (e) {
    options.onError?.('input', e);
    return [];
  }
  const enabled = options.checks ? new Set(options.checks) : ALL_CHECKS;
  const runners = enabled === ALL_CHECKS ? RUNNERS : RUNNERS.filter((r) => r.checks.some((c) => enabled.has(c)));
  let frameworks = options.frameworks;
  let locations = options.locations;
  const knowledge: AnalysisKnowledge = { frameworks: () => (frameworks ??= getFrameworks()), locations: () => (locations ??= getLocations()) };
  return runChecks([AnalysisChunk.of(lines, knowledge, runners)], knowledge, enabled, options.onError);
}

/**
 * What the checks read of one run of an intake's lines (in the validator, one section's), each
 * check's extract made once: the intake's findings are made from its chunks' extracts
 * ({@link chunkFindings}), so after an edit only the sections the edit touched are read again.
 * A chunk never changes; moved down by some lines, it is a copy with its extracts moved.
 */
export class AnalysisChunk {
  private constructor(
    /** The validator's notes on the lines too long to check, in line order. */
    readonly tooLong: readonly AnalysisFinding[],
    /** The runners the chunk was read by (a shared list, RUNNERS but in tests). */
    private readonly runners: ReadonlyArray<CheckRunner<unknown>>,
    /**
     * Each runner's extract, or what it threw (a failed check gives no findings for the whole
     * intake), by the runner's place in `runners`. An array of the runners' length rather than a
     * map with an entry object per runner: every section of every intake keeps one for as long
     * as its analysis lives.
     */
    private readonly extracts: readonly unknown[],
  ) {}

  /** The chunk of `lines`, which it takes over (lines too long to check are blanked). */
  static of(lines: AnalysisLine[], knowledge: AnalysisKnowledge = DEFAULT_KNOWLEDGE, runners: ReadonlyArray<CheckRunner<unknown>> = RUNNERS): AnalysisChunk {
    const skipped = skipLongLines(lines);
    // map, not push: an array of the exact size (one grown by push has room for 17), kept as
    // long as the chunk, one per section of every intake.
    const extracts = runners.map((runner) => extractOf(runner, lines, knowledge));
    return new AnalysisChunk(skipped === NO_SKIPPED ? NO_FINDINGS : skipped.map(lineTooLong), runners, extracts);
  }

  /** `runner`'s extract (an {@link ExtractError} for what it threw), or undefined when it did not read the chunk. */
  private extractOf(runner: CheckRunner<unknown>): unknown {
    const i = this.runners.indexOf(runner);
    return i < 0 ? MISSING : this.extracts[i];
  }

  /** `runner`'s extract; throws what the runner threw on these lines. */
  extract(runner: CheckRunner<unknown>): unknown {
    const e = this.extractOf(runner);
    if (e === MISSING) throw new Error(`no extract for ${runner.checks.join(',')}`);
    if (e instanceof ExtractError) throw e.error;
    return e;
  }

  /** Whether `runner` read the same from this chunk as from `other` (so gives the same findings from either). */
  sameFor(runner: CheckRunner<unknown>, other: AnalysisChunk, knowledge: AnalysisKnowledge): boolean {
    if (other === this) return true;
    const a = this.extractOf(runner);
    const b = other.extractOf(runner);
    if (a === MISSING || b === MISSING || a instanceof ExtractError || b instanceof ExtractError) return false;
    return a === b || (runner.same ? runner.same(a, b, knowledge) : sameData(a, b));
  }

  /** This chunk moved down by `lines` (up when negative). */
  moved(lines: number): AnalysisChunk {
    if (lines === 0) return this;
    return new AnalysisChunk(
      this.tooLong.length === 0 ? NO_FINDINGS : this.tooLong.map((f) => moveFinding(f, lines)),
      this.runners,
      this.extracts.map((e, i) => (e instanceof ExtractError ? e : this.runners[i]!.move(e, lines))),
    );
  }
}

/** `runner`'s extract of the lines, or what it threw. */
function extractOf(runner: CheckRunner<unknown>, lines: readonly AnalysisLine[], knowledge: AnalysisKnowledge): unknown {
  try {
    return runner.extract(lines, knowledge);
  } catch (error) {
    return new ExtractError(error);
  }
}

/** What a runner threw instead of making its extract. */
class ExtractError {
  constructor(readonly error: unknown) {}
}

/** Stands for the extract of a runner that did not read the chunk. */
const MISSING = Symbol('missing');

/** The notes on lines too long of most chunks: none (shared, never changed). */
const NO_FINDINGS: readonly AnalysisFinding[] = [];

/**
 * The analysis findings of an intake from its chunks (in document order): the checks' findings in
 * document order, then the notes on lines too long to check.
 */
export function chunkFindings(chunks: readonly AnalysisChunk[], memo?: CombineMemo): AnalysisFinding[] {
  const out = runChecks(chunks, DEFAULT_KNOWLEDGE, ALL_CHECKS, undefined, memo);
  for (const chunk of chunks) for (const f of chunk.tooLong) out.push(f);
  return out;
}

/** Longest line (in UTF-16 code units) the analysis checks read. */
export const MAX_ANALYSIS_LINE = 2000;

/**
 * Blanks the lines longer than {@link MAX_ANALYSIS_LINE} (the lines are this analysis's own, and
 * blanking also hides them where a check walks a line's children) and returns them, each with
 * its length as it was.
 */
function skipLongLines(lines: readonly AnalysisLine[]): ReadonlyArray<{ line: AnalysisLine; length: number }> {
  let skipped: Array<{ line: AnalysisLine; length: number }> | undefined;
  for (const line of lines) {
    if (line.text.length <= MAX_ANALYSIS_LINE) continue;
    (skipped ??= []).push({ line, length: line.text.length });
    line.text = '';
  }
  return skipped ?? NO_SKIPPED;
}

/** What {@link skipLongLines} returns for the many chunks without a line too long (shared, never changed). */
const NO_SKIPPED: ReadonlyArray<{ line: AnalysisLine; length: number }> = Object.freeze([]);

/**
 * The validator's note that a line was skipped. It travels with the findings (so the analysis
 * cache keeps it) but is not an analysis check: the report never quotes it.
 */
function lineTooLong({ line, length }: { line: AnalysisLine; length: number }): AnalysisFinding {
  return {
    check: 'line-too-long',
    code: Codes.lineTooLong,
    severity: 'information',
    message: msg('This line is {0} characters long: the budget, SLA, latency and standards checks skip lines longer than {1} characters.', length, MAX_ANALYSIS_LINE),
    range: { start: { line: line.line, character: line.character }, end: { line: line.line, character: line.character + length } },
    lines: [line.line],
    numbers: { length, limit: MAX_ANALYSIS_LINE },
  };
}

/**
 * What each check combined last for one intake (across its versions): the chunks it read and the
 * findings it made. Typing within a line changes one section's chunk, and mostly not what the
 * checks read of it: when every chunk reads the same as last time, the check's findings are
 * those of last time, and its combine step (which compares statements across the whole intake)
 * is skipped. Findings are a function of the extracts alone, so a memo shared by several
 * versions gives each the findings of its own chunks.
 */
export class CombineMemo {
  /** The chunks the checks read last (every check reads the same chunks in one run of them). */
  chunks: readonly AnalysisChunk[] = NO_CHUNKS;
  /**
   * Each check's findings from {@link chunks}, by its runner's place in RUNNERS (undefined for
   * one that threw or did not run). Two fields, not a map of each runner's chunks and findings:
   * one memo is kept per intake of every open document.
   */
  findings: ReadonlyArray<readonly AnalysisFinding[] | undefined> = NO_RUNNER_FINDINGS;
}

const NO_CHUNKS: readonly AnalysisChunk[] = [];
const NO_RUNNER_FINDINGS: ReadonlyArray<readonly AnalysisFinding[] | undefined> = [];

function runChecks(chunks: readonly AnalysisChunk[], knowledge: AnalysisKnowledge, enabled: ReadonlySet<AnalysisCheck>, onError: AnalyzeOptions['onError'], memo?: CombineMemo): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  const kept: Array<readonly AnalysisFinding[] | undefined> | undefined = memo ? new Array<readonly AnalysisFinding[] | undefined>(RUNNERS.length) : undefined;
  for (let r = 0; r < RUNNERS.length; r++) {
    const runner = RUNNERS[r]!;
    if (enabled !== ALL_CHECKS && !runner.checks.some((c) => enabled.has(c))) continue;
    try {
      const found = runnerFindings(runner, chunks, knowledge, memo?.chunks, memo?.findings[r]);
      if (kept) kept[r] = found;
      for (const f of found) if (f.check !== 'line-too-long' && enabled.has(f.check) && isSane(f)) out.push(f);
    } catch (e) {
      onError?.(runner.checks.join(','), e);
    }
  }
  if (memo && kept) {
    memo.chunks = chunks;
    memo.findings = kept;
  }
  return out.length > 1 ? sortFindings(dedupe(out)) : out;
}

/** `runner`'s findings over the chunks: `lastFindings`, made from `lastChunks`, when it reads the same from each chunk as then. */
function runnerFindings(runner: CheckRunner<unknown>, chunks: readonly AnalysisChunk[], knowledge: AnalysisKnowledge, lastChunks: readonly AnalysisChunk[] | undefined, lastFindings: readonly AnalysisFinding[] | undefined): readonly AnalysisFinding[] {
  if (lastChunks && lastFindings && lastChunks.length === chunks.length && chunks.every((c, i) => c.sameFor(runner, lastChunks[i]!, knowledge))) return lastFindings;
  const extracts: unknown[] = [];
  for (const chunk of chunks) extracts.push(chunk.extract(runner));
  return runner.combine(extracts, knowledge);
}


/** Diagnostics for one intake. */
export function analyzeIntake(intake: Intake, options: AnalyzeOptions = {}): IntakeDiagnostic[] {
  return analyzeFindings(intake, options).map((f) => findingToDiagnostic(f, intake.index));
}

/** Diagnostics for every intake of a file. */
export function analyzeFile(file: IntakeFile, options: Omit<AnalyzeOptions, 'facts'> = {}): IntakeDiagnostic[] {
  return file.intakes.flatMap((intake) => analyzeIntake(intake, options));
}

/** A finding as a diagnostic of intake `intake`, its message localised by `localise` (default: the user's language). */
export function findingToDiagnostic(f: AnalysisFinding, intake: number, localise: (message: Message) => string = localize): IntakeDiagnostic {
  if (f.check === 'line-too-long') {
    const data: DiagnosticData = { kind: 'line-too-long', length: Number(f.numbers.length), limit: Number(f.numbers.limit) };
    return { code: f.code, severity: f.severity, message: localise(f.message), range: f.range, intake, data };
  }
  const data: DiagnosticData = { kind: 'analysis', check: f.check, facts: f.numbers };
  if (f.replacement !== undefined) data.replacement = f.replacement;
  return { code: f.code, severity: f.severity, message: localise(f.message), range: f.range, intake, data };
}

function isSane(f: AnalysisFinding): boolean {
  const { start, end } = f.range;
  const ok = (n: number) => Number.isInteger(n) && n >= 0;
  return ok(start.line) && ok(start.character) && ok(end.line) && ok(end.character) && (start.line < end.line || (start.line === end.line && start.character <= end.character));
}

/** Where a finding is and of what kind; findings that share it are the same when their English text is. */
function place(f: AnalysisFinding): string {
  return `${f.code}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
}

/**
 * The findings without repeats (the same code, range and English text), the first of each kept.
 * The English text, which takes formatting the message, is only made for findings at the same place.
 */
function dedupe(list: AnalysisFinding[]): AnalysisFinding[] {
  const kept = new Map<string, Array<{ f: AnalysisFinding; text?: string }>>();
  return list.filter((f) => {
    const at = place(f);
    const same = kept.get(at);
    if (!same) {
      kept.set(at, [{ f }]);
      return true;
    }
    const text = english(f.message);
    for (const other of same) if ((other.text ??= english(other.f.message)) === text) return false;
    same.push({ f, text });
    return true;
  });
}

const ORDER = new Map<AnalysisFinding['check'], number>(ANALYSIS_CHECKS.map((c, i) => [c, i]));

/** Document order; findings of one check at the same range by their English text, so the order is the same in every language. */
function sortFindings(list: AnalysisFinding[]): AnalysisFinding[] {
  return list.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (ORDER.get(a.check) ?? 0) - (ORDER.get(b.check) ?? 0) ||
      a.range.end.line - b.range.end.line ||
      a.range.end.character - b.range.end.character ||
      compareText(english(a.message), english(b.message)),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
