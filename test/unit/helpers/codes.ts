/**
 * Diagnostic code groups for tests. ALL_CODES holds both groups; tests about the parser, the
 * validator of issue 2 and its fixes look at the core codes only, so that the analysis checks
 * (budget, SLA, latency, standards), which flag the seeds' deliberate problems, do not blur them.
 */
import type { DiagnosticCode, IntakeDiagnostic } from '../../../src/core/diagnostics';

/** The codes of the intake validator (issue 2). */
export const CORE_CODES: readonly DiagnosticCode[] = [
  'intake.placeholder',
  'intake.unclosed-placeholder',
  'intake.missing-section',
  'intake.missing-field',
  'intake.empty-value',
  'intake.duplicate-section',
  'intake.unknown-section',
  'intake.format',
];

/** The codes of the analysis checks (src/core/analysis/). */
export const ANALYSIS_CODES: readonly DiagnosticCode[] = [
  'intake.budget-sum',
  'intake.budget-exceeds',
  'intake.sla-conflict',
  'intake.latency-physics',
  'intake.unknown-standard',
  'intake.retired-standard',
  'intake.wording',
];

export function coreOnly(diags: readonly IntakeDiagnostic[]): IntakeDiagnostic[] {
  return diags.filter((d) => CORE_CODES.includes(d.code));
}
