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
import { extractFacts, type CatalogLookup, type IntakeFacts } from '../facts/facts';
import { getFrameworks, getLocations } from '../knowledge/knowledge';
import type { Framework, Location } from '../knowledge/schema';
import { english, localize, msg, type Message } from '../l10n';
import type { Intake, IntakeFile } from '../model';
import { checkBudgetExceeds, checkBudgetSum } from './budget';
import type { AnalysisContext, AnalysisFinding, CheckFn } from './finding';
import { checkLatencyPhysics } from './latency';
import { buildAnalysisInput, buildAnalysisLines, type AnalysisInput, type AnalysisLine } from '../facts/lines';
import { checkSlaConflict } from './sla';
import { checkStandards } from './standards';
import { checkUnreadableAmounts } from './unreadable';

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

/** Check functions; the standards function produces three checks at once. */
const RUNNERS: Array<{ checks: readonly AnalysisCheck[]; run: CheckFn }> = [
  { checks: ['budget-sum'], run: checkBudgetSum },
  { checks: ['budget-exceeds'], run: checkBudgetExceeds },
  { checks: ['sla-conflict'], run: checkSlaConflict },
  { checks: ['latency-physics'], run: checkLatencyPhysics },
  { checks: ['unknown-standard', 'retired-standard', 'wording'], run: checkStandards },
  { checks: ['unreadable-amount'], run: checkUnreadableAmounts },
];

/** The findings for one intake, in document order. */
export function analyzeFindings(intake: Intake, options: AnalyzeOptions = {}): AnalysisFinding[] {
  let input: AnalysisInput;
  try {
    input = analysisInput(intake, options.catalog ?? getFieldCatalog(), options.facts);
  } catch (e) {
    options.onError?.('input', e);
    return [];
  }
  skipLongLines(input.lines);
  return runChecks(input, options);
}

/**
 * The findings for one intake whose lines the caller built with {@link buildAnalysisLines} (the
 * validator, in its own walk over the intake); the facts are extracted only if asked for.
 */
export function analyzeIntakeLines(intake: Intake, lines: AnalysisLine[], catalog: CatalogLookup): AnalysisFinding[] {
  let facts: IntakeFacts | undefined;
  const input: AnalysisInput = {
    intake,
    lines,
    get facts() {
      return (facts ??= extractFacts(intake, catalog));
    },
  };
  const skipped = skipLongLines(lines);
  const out = runChecks(input, { catalog });
  for (const line of skipped) out.push(lineTooLong(line));
  return out;
}

/** Longest line (in UTF-16 code units) the analysis checks read. */
export const MAX_ANALYSIS_LINE = 2000;

/**
 * Blanks the lines longer than {@link MAX_ANALYSIS_LINE} (the lines are this analysis's own, and
 * blanking also hides them where a check walks a line's children) and returns them, each with
 * its length as it was.
 */
function skipLongLines(lines: readonly AnalysisLine[]): Array<{ line: AnalysisLine; length: number }> {
  const skipped: Array<{ line: AnalysisLine; length: number }> = [];
  for (const line of lines) {
    if (line.text.length <= MAX_ANALYSIS_LINE) continue;
    skipped.push({ line, length: line.text.length });
    line.text = '';
  }
  return skipped;
}

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

function runChecks(input: AnalysisInput, options: AnalyzeOptions): AnalysisFinding[] {
  const enabled = options.checks ? new Set(options.checks) : ALL_CHECKS;
  let frameworks = options.frameworks;
  let locations = options.locations;
  const ctx: AnalysisContext = {
    intake: input.intake,
    lines: input.lines,
    get facts() {
      return input.facts;
    },
    frameworks: () => (frameworks ??= getFrameworks()),
    locations: () => (locations ??= getLocations()),
  };
  const out: AnalysisFinding[] = [];
  for (const runner of RUNNERS) {
    if (enabled !== ALL_CHECKS && !runner.checks.some((c) => enabled.has(c))) continue;
    try {
      for (const f of runner.run(ctx)) if (f.check !== 'line-too-long' && enabled.has(f.check) && isSane(f)) out.push(f);
    } catch (e) {
      options.onError?.(runner.checks.join(','), e);
    }
  }
  return out.length > 1 ? sortFindings(dedupe(out)) : out;
}

/**
 * The checks' input. The checks read the lines only, so when the caller has no facts the lines
 * are resolved against the catalog directly and the facts are only extracted if asked for.
 */
function analysisInput(intake: Intake, catalog: CatalogLookup, facts: IntakeFacts | undefined): AnalysisInput {
  if (facts) return buildAnalysisInput(intake, catalog, facts);
  let lazyFacts: IntakeFacts | undefined;
  return {
    intake,
    lines: buildAnalysisLines(intake, catalog),
    get facts() {
      return (lazyFacts ??= extractFacts(intake, catalog));
    },
  };
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

function key(f: AnalysisFinding): string {
  return `${f.code}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${english(f.message)}`;
}

function dedupe(list: AnalysisFinding[]): AnalysisFinding[] {
  const seen = new Set<string>();
  return list.filter((f) => (seen.has(key(f)) ? false : (seen.add(key(f)), true)));
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
