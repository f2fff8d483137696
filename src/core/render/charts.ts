/**
 * The report's two pictures as SVG strings, drawn from the ReportModel's numbers: the
 * milestone Gantt chart (实施建议) and the budget split (成本效益分析).
 *
 * No chart library: inline SVG generated here keeps the webview bundle small, needs no
 * script to draw, and keeps the webview's CSP strict (no `unsafe-eval`, no inline styles).
 * Every label is escaped; the same model gives the same SVG, byte for byte.
 */
import type { BudgetShare, Milestone, ReportModel } from '../engine/reportModel';
import { budgetChart, ganttChart, type Chart } from './chartLayout';
import { chartToSvg, type SvgOptions } from './chartSvg';

export { budgetChart, ganttChart, type Chart } from './chartLayout';
export { chartToSvg, type SvgOptions } from './chartSvg';

export function ganttSvg(milestones: readonly Milestone[], totalWeeks: number, options: SvgOptions = {}): string {
  return chartToSvg(ganttChart(milestones, totalWeeks), options);
}

export function budgetSvg(split: readonly BudgetShare[], options: SvgOptions = {}): string {
  return chartToSvg(budgetChart(split), options);
}

export type ChartKind = Chart['kind'];

/** The chart of `kind` for a model, or undefined when the model has nothing to draw. */
export function chartFor(model: ReportModel, kind: ChartKind): Chart | undefined {
  if (kind === 'gantt') return model.implementation.milestones.length > 0 ? ganttChart(model.implementation.milestones, model.implementation.totalWeeks) : undefined;
  return model.costBenefit.split.length > 0 ? budgetChart(model.costBenefit.split) : undefined;
}
