/** The shape every analysis check returns, before it becomes an editor diagnostic or a report risk. */
import type { AnalysisCheck, DiagnosticCode, Severity } from '../diagnostics';
import type { Range } from '../document';
import type { Framework, Location } from '../knowledge/schema';
import { moveRange } from '../lineRange';
import type { Message } from '../l10n';
import type { AnalysisInput, AnalysisLine } from '../facts/lines';

export interface AnalysisFinding {
  /** An analysis check, or the validator's note that a line was too long to check. */
  check: AnalysisCheck | 'line-too-long';
  code: DiagnosticCode;
  severity: Severity;
  /**
   * What the finding says, localised where it is shown: in the user's language as a diagnostic
   * ({@link findingToDiagnostic}), in Chinese in the report. Never a string, so a cached finding
   * serves every language.
   */
  message: Message;
  /** The offending value in the document. */
  range: Range;
  /** 0-based lines of the intake the finding rests on (the anchor's line first), for 〔L12〕 citations. */
  lines: number[];
  /** The numbers and names the message states, for the report and for tests. */
  numbers: Record<string, string | number>;
  /** Text to put in place of `range` (retired-standard, wording). */
  replacement?: string;
}

/** The knowledge a check may need, loaded when first asked for. */
export interface AnalysisKnowledge {
  frameworks(): readonly Framework[];
  locations(): readonly Location[];
}

/** What a check gets: the intake's lines and facts, and the knowledge it may need (loaded lazily). */
export interface AnalysisContext extends AnalysisInput, AnalysisKnowledge {}

/**
 * A check in two steps, so that an intake's findings can be made again after an edit without
 * reading again the lines the edit left alone:
 *
 * - `extract` reads a *chunk* of the intake's lines (in the validator, one section's) and keeps
 *   what the check needs of them: findings already, for a check that looks at one line or one
 *   section at a time, or the statements it compares across the intake;
 * - `combine` makes the intake's findings from its chunks' extracts, in document order.
 *
 * For any cut of an intake's lines into sections, `combine` of the sections' extracts equals
 * `combine` of one extract of all the lines (the unit tests hold every check to it). `move` is an
 * extract moved down by a number of lines: what a section keeps when lines are added above it.
 */
export interface CheckRunner<E> {
  readonly checks: readonly AnalysisCheck[];
  extract(lines: readonly AnalysisLine[], knowledge: AnalysisKnowledge): E;
  combine(extracts: readonly E[], knowledge: AnalysisKnowledge): AnalysisFinding[];
  move(extract: E, lines: number): E;
  /**
   * Whether two extracts give the same findings wherever they stand among the others; plain
   * deep equality when absent (an extract that is not plain data must say).
   */
  same?(a: E, b: E, knowledge: AnalysisKnowledge): boolean;
}

/** A finding moved down by `lines`; the finding itself when `lines` is 0 (findings are never changed). */
export function moveFinding(f: AnalysisFinding, lines: number): AnalysisFinding {
  if (lines === 0) return f;
  return { ...f, range: moveRange(f.range, lines), lines: f.lines.map((l) => l + lines) };
}

/**
 * The extract of every section where a check finds nothing (most of them): one list, shared and
 * frozen. A section's extracts live as long as its analysis; an empty list for each was thousands
 * of objects in a large file, kept and copied by the garbage collector for nothing.
 */
const NOTHING_FOUND: readonly AnalysisFinding[] = Object.freeze([]);

/** The runner of a check whose findings each rest on one line, or on one section: the findings are the extract. */
export function findingsRunner(checks: readonly AnalysisCheck[], find: (lines: readonly AnalysisLine[], knowledge: AnalysisKnowledge) => AnalysisFinding[]): CheckRunner<readonly AnalysisFinding[]> {
  return {
    checks,
    extract: (lines, knowledge) => {
      const found = find(lines, knowledge);
      return found.length === 0 ? NOTHING_FOUND : found;
    },
    combine: (extracts) => (extracts.length === 1 ? extracts[0]!.slice() : joinFindings(extracts)),
    move: (extract, lines) => (lines === 0 || extract.length === 0 ? extract : extract.map((f) => moveFinding(f, lines))),
  };
}

/** The findings of the extracts, one after the other (`flat()`, which is slower on the many empty ones). */
function joinFindings(extracts: ReadonlyArray<readonly AnalysisFinding[]>): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const found of extracts) for (const f of found) out.push(f);
  return out;
}

/**
 * The extracts of an intake's sections as one, for a check that compares statements across the
 * intake: `empty` is the shared extract of a section that states nothing (most of them), so when
 * only one section states anything, its extract is the answer and nothing is copied; otherwise
 * `joinAll` puts them together.
 */
export function joinExtracts<E>(parts: readonly E[], empty: E, joinAll: (parts: readonly E[]) => E): E {
  let only: E | undefined;
  for (const p of parts) {
    if (p === empty) continue;
    if (only !== undefined) return joinAll(parts);
    only = p;
  }
  return only ?? empty;
}
