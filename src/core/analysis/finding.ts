/** The shape every analysis check returns, before it becomes an editor diagnostic or a report risk. */
import type { AnalysisCheck, DiagnosticCode, Severity } from '../diagnostics';
import type { Range } from '../document';
import type { Framework, Location } from '../knowledge/schema';
import type { Message } from '../l10n';
import type { AnalysisInput } from '../facts/lines';

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

/** What a check gets: the intake's lines and facts, and the knowledge it may need (loaded lazily). */
export interface AnalysisContext extends AnalysisInput {
  frameworks(): readonly Framework[];
  locations(): readonly Location[];
}

export type CheckFn = (ctx: AnalysisContext) => AnalysisFinding[];
