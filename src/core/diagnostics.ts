/**
 * Diagnostics the core produces. Codes are stable strings: quick-fixes, the CLI, settings and
 * tests find diagnostics by code, never by message.
 */
import type { Range } from './document';

export const Codes = {
  placeholder: 'intake.placeholder',
  unclosedPlaceholder: 'intake.unclosed-placeholder',
  missingSection: 'intake.missing-section',
  missingField: 'intake.missing-field',
  emptyValue: 'intake.empty-value',
  duplicateSection: 'intake.duplicate-section',
  unknownSection: 'intake.unknown-section',
  format: 'intake.format',
  // Analysis checks (src/core/analysis/): values that contradict each other or the facts.
  budgetSum: 'intake.budget-sum',
  budgetExceeds: 'intake.budget-exceeds',
  slaConflict: 'intake.sla-conflict',
  latencyPhysics: 'intake.latency-physics',
  unknownStandard: 'intake.unknown-standard',
  retiredStandard: 'intake.retired-standard',
  wording: 'intake.wording',
  /** An amount too large to read (hundreds of digits): left out of the checks and the report. */
  unreadableAmount: 'intake.unreadable-amount',
  /** A line too long for the analysis checks, which skip it (they stay fast on any input). */
  lineTooLong: 'intake.line-too-long',
} as const;

export type DiagnosticCode = (typeof Codes)[keyof typeof Codes];
export const ALL_CODES: readonly DiagnosticCode[] = Object.values(Codes);

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** What a fix needs to know beyond the range; one shape per code. */
export type DiagnosticData =
  | { kind: 'placeholder'; options: string[]; example?: string }
  | { kind: 'unclosed-placeholder' }
  | { kind: 'missing-section'; section: string }
  | { kind: 'missing-field'; section: string; field: string }
  | { kind: 'empty-value'; key: string }
  | { kind: 'duplicate-section'; section: string; first: Range }
  | { kind: 'unknown-section'; name: string; suggestion?: string }
  | { kind: 'format'; problem: 'half-width-colon' | 'missing-colon' | 'brackets'; replacement: string }
  | { kind: 'analysis'; check: AnalysisCheck; replacement?: string; facts: Record<string, string | number> }
  | { kind: 'line-too-long'; length: number; limit: number };

export type AnalysisCheck = 'budget-sum' | 'budget-exceeds' | 'sla-conflict' | 'latency-physics' | 'unknown-standard' | 'retired-standard' | 'wording' | 'unreadable-amount';

export interface IntakeDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  /** 0-based index of the intake the diagnostic belongs to. */
  intake: number;
  data: DiagnosticData;
}
