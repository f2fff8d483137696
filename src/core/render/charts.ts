/**
 * The report's two pictures as SVG strings, drawn from the ReportModel's numbers: the
 * milestone Gantt chart (实施建议) and the budget split (成本效益分析).
 *
 * No chart library: inline SVG generated here keeps the webview bundle small, needs no
 * script to draw, and keeps the webview's CSP strict (no `unsafe-eval`, no inline styles).
 * Every label is escaped; the same model gives the same SVG, byte for byte.
 */
import type { ReportModel } from '../engine/reportModel';
import { budgetChart, COST_TITLE, ganttChart, type BudgetShare, type Chart, type GanttItem } from './chartLayout';
import { chartToSvg, type SvgOptions } from './chartSvg';

export { budgetChart, ganttChart, type BudgetShare, type Chart, type GanttItem } from './chartLayout';
export { chartToSvg, type SvgOptions } from './chartSvg';

export function ganttSvg(milestones: readonly GanttItem[], totalWeeks: number, options: SvgOptions = {}): string {
  return chartToSvg(ganttChart(milestones, totalWeeks), options);
}

export function budgetSvg(split: readonly BudgetShare[], options: SvgOptions = {}): string {
  return chartToSvg(budgetChart(split), options);
}

export type ChartKind = Chart['kind'];

/** The timeline's phases as Gantt bars ("1", "2"… as ids: numbering is one-based). */
export function ganttItems(model: ReportModel): GanttItem[] {
  return (model.timeline?.phases ?? []).map((p) => ({ id: String(p.number), name: p.name, startWeek: p.startWeek, weeks: p.weeks }));
}

/** The budget split (the intake's) or the estimate's structure, as chart slices. */
export function budgetShares(model: ReportModel): BudgetShare[] {
  return (model.costs?.chart ?? []).map((c) => ({ label: c.label, percent: c.percent, ...(c.amount ? { amount: { text: c.amount } } : {}), assumption: c.assumption }));
}

/** The chart of `kind` for a model, or undefined when the model has nothing to draw. */
export function chartFor(model: ReportModel, kind: ChartKind): Chart | undefined {
  if (model.kind !== 'report') return undefined;
  if (kind === 'gantt') return model.timeline && model.timeline.phases.length > 0 ? ganttChart(ganttItems(model), model.timeline.totalWeeks) : undefined;
  const shares = budgetShares(model);
  return shares.length > 0 ? budgetChart(shares, shares.every((s) => s.assumption) ? COST_TITLE : undefined) : undefined;
}
