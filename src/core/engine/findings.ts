/**
 * The one adapter between the analysis checks and the report engine. The analysis produces
 * editor diagnostics whose messages follow the editor's language; the report is Chinese, so
 * the findings are computed under the Chinese bundle and reduced to what the engine needs.
 * (When the analysis moves to message ids and arguments, only this function changes.)
 */
import { analyzeIntake } from '../analysis/analyze';
import type { AnalysisCheck } from '../diagnostics';
import { withBundle } from '../l10n';
import type { Intake } from '../model';
import zhCn from '../../../media/l10n/bundle.l10n.zh-cn.json';

export interface EngineFinding {
  check: AnalysisCheck;
  code: string;
  severity: 'error' | 'warning' | 'information';
  /** In Chinese. */
  message: string;
  /** 1-based intake line. */
  line: number;
  /** The check's own facts (the standard named, the figures compared…). */
  facts: Record<string, string | number>;
}

export function engineFindings(intake: Intake): EngineFinding[] {
  const diagnostics = withBundle(zhCn as Record<string, string>, () => analyzeIntake(intake));
  const out: EngineFinding[] = [];
  for (const d of diagnostics) {
    if (d.data.kind !== 'analysis') continue;
    out.push({ check: d.data.check, code: d.code, severity: d.severity === 'hint' ? 'information' : d.severity, message: d.message, line: d.range.start.line + 1, facts: d.data.facts });
  }
  return out;
}
