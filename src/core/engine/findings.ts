/**
 * The one adapter between the analysis checks and the report engine: the checks' findings
 * (messages localised where they are shown) reduced to what the engine needs, quoted in the
 * report's language (Chinese) whatever the editor's.
 */
import { analyzeFindings, type AnalysisFinding } from '../analysis/analyze';
import type { AnalysisCheck } from '../diagnostics';
import type { Intake } from '../model';
import { inReportLanguage } from '../reportLanguage';

export interface EngineFinding {
  check: Exclude<AnalysisCheck, 'unreadable-amount'>;
  code: string;
  severity: 'error' | 'warning' | 'information';
  /** In Chinese. */
  message: string;
  /** 1-based intake line. */
  line: number;
  /** The check's own facts (the standard named, the figures compared…). */
  facts: Record<string, string | number>;
}

/** The intake's findings for the report; `known` when the caller already has them (the editor's DocumentAnalysis). */
export function engineFindings(intake: Intake, known?: readonly AnalysisFinding[]): EngineFinding[] {
  const out: EngineFinding[] = [];
  for (const f of known ?? analyzeFindings(intake)) {
    // A line too long to check is the validator's business, not the customer's.
    if (f.check === 'line-too-long' || f.check === 'unreadable-amount') continue;
    out.push({ check: f.check, code: f.code, severity: f.severity === 'hint' ? 'information' : f.severity, message: inReportLanguage(f.message), line: f.range.start.line + 1, facts: f.numbers });
  }
  return out;
}
