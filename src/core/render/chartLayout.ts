/**
 * Chart layout: each of the report's pictures as a small scene of rectangles, lines and text
 * in a fixed coordinate space. `chartSvg.ts` writes a scene as SVG and `png.ts` rasterises its
 * rectangles for Word's PNG fallback, so every output shows the same picture. Layout is pure
 * arithmetic on the model's numbers, so the output is deterministic.
 */
/** A bar of the Gantt chart: one implementation phase. */
export interface GanttItem {
  id: string;
  name: string;
  startWeek: number;
  weeks: number;
}

/** A slice of the budget chart. */
export interface BudgetShare {
  label: string;
  percent: number;
  amount?: { text: string };
  /** The share is the engine's estimate, not the intake's figure. */
  assumption: boolean;
}

/**
 * What a shape is painted with. Writers map these to colours: the preview themes them with
 * `currentColor` and CSS classes, the standalone SVG and the PNG use fixed light colours.
 * A number is an index into the series palette (`chart-color-N`).
 */
export type Paint = 'text' | 'muted' | 'grid' | 'track' | 'on-bar' | 'deadline' | number;

interface ChartRect {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  className: string;
  fill: Paint;
}

interface ChartLine {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  className: string;
  stroke: Paint;
  dashed?: boolean;
}

interface ChartText {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  className: string;
  fill: Paint;
  size: number;
  anchor?: 'start' | 'middle' | 'end';
  bold?: boolean;
}

export type ChartShape = ChartRect | ChartLine | ChartText;

export interface Chart {
  kind: 'gantt' | 'budget';
  width: number;
  height: number;
  /** Short name, used as the SVG `<title>` and the figure caption. */
  title: string;
  /** The chart's data in words, for screen readers (`aria-label`). */
  description: string;
  shapes: ChartShape[];
}

/** Fixed light colours: the standalone SVG (exports, Word) and the PNG fallback. */
const LIGHT_PAINT = {
  text: '#1f2328',
  muted: '#59636e',
  grid: '#d1d9e0',
  track: '#eff2f5',
  'on-bar': '#ffffff',
  deadline: '#cf222e',
} as const;
/**
 * Series colours, dark enough for white labels on them. Same hues, in the same order, as the
 * preview's `--vscode-charts-*` mapping of `chart-color-N` (blue, green, orange, purple,
 * yellow, red), so the exported pictures match the preview.
 */
const LIGHT_SERIES = ['#2f6bc4', '#2e8a4e', '#c8641c', '#7b4fc0', '#8a6800', '#c23b3b'] as const;

export function lightColor(paint: Paint): string {
  return typeof paint === 'number' ? LIGHT_SERIES[paint % LIGHT_SERIES.length]! : LIGHT_PAINT[paint];
}

const CHART_WIDTH = 640;
/** Number of series colours (`chart-color-0` … `chart-color-5`); series cycle through them. */
const PALETTE_SIZE = LIGHT_SERIES.length;

const GANTT_TITLE = '项目里程碑甘特图';
const BUDGET_TITLE = '预算拆分';
/** The title when the slices are the engine's cost estimate rather than the intake's split. */
export const COST_TITLE = '成本结构（估算）';

/**
 * Rough rendered width of `text` at `size` px: CJK and full-width characters take a full em,
 * others a bit over half. Good enough to keep labels inside their column.
 */
function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 1 : 0.58;
  return em * size;
}

/** `text`, cut with an ellipsis so that it fits in `maxWidth` px (the tables carry the full text). */
function fitText(text: string, maxWidth: number, size: number): string {
  if (textWidth(text, size) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(chars.join('') + '…', size) > maxWidth) chars.pop();
  return chars.join('') + '…';
}

/** Tick spacing in weeks: the smallest "nice" step that keeps at most about ten ticks. */
function weekStep(span: number): number {
  for (const step of [1, 2, 4, 8, 13, 26, 52, 104]) if (span / step <= 10) return step;
  return Math.ceil(span / 10);
}

/** One row per milestone, bars on a week axis; a dashed line marks the deadline if the plan runs past it. */
export function ganttChart(milestones: readonly GanttItem[], totalWeeks: number): Chart {
  const labelWidth = 184;
  const top = 30;
  const row = 30;
  const barHeight = 18;
  const span = Math.max(1, totalWeeks, ...milestones.map((m) => m.startWeek + m.weeks));
  const x0 = labelWidth;
  const x1 = CHART_WIDTH - 24;
  const perWeek = (x1 - x0) / span;
  const bottom = top + milestones.length * row;
  const shapes: ChartShape[] = [];

  shapes.push({ kind: 'text', x: 8, y: top - 12, text: '阶段', className: 'chart-axis', fill: 'muted', size: 11 });
  shapes.push({ kind: 'text', x: x0 - 8, y: top - 12, text: '周次', className: 'chart-axis', fill: 'muted', size: 11, anchor: 'end' });
  const step = weekStep(span);
  const ticks: number[] = [];
  for (let w = 0; w <= span; w += step) ticks.push(w);
  // Label the end of the plan too, unless it would crowd the last regular tick.
  if (span - ticks[ticks.length - 1]! >= step / 2) ticks.push(span);
  for (const w of ticks) {
    const x = x0 + w * perWeek;
    shapes.push({ kind: 'line', x1: x, y1: top - 6, x2: x, y2: bottom, className: 'chart-grid', stroke: 'grid' });
    shapes.push({ kind: 'text', x, y: top - 12, text: String(w), className: 'chart-axis', fill: 'muted', size: 11, anchor: 'middle' });
  }
  shapes.push({ kind: 'line', x1: x0, y1: bottom, x2: x1, y2: bottom, className: 'chart-grid', stroke: 'grid' });

  milestones.forEach((m, i) => {
    const y = top + i * row;
    const mid = y + row / 2 + 4;
    shapes.push({ kind: 'text', x: 8, y: mid, text: fitText(`${m.id} ${m.name}`, labelWidth - 20, 12), className: 'chart-label', fill: 'text', size: 12 });
    const x = x0 + m.startWeek * perWeek;
    const width = m.weeks * perWeek;
    shapes.push({ kind: 'rect', x, y: y + (row - barHeight) / 2, width, height: barHeight, className: `gantt-bar chart-color-${i % PALETTE_SIZE}`, fill: i % PALETTE_SIZE });
    const label = `${m.weeks}周`;
    // Inside the bar when it fits, else just after it (the last bar may run to the edge: then before it).
    if (width >= textWidth(label, 11) + 12) {
      shapes.push({ kind: 'text', x: x + 6, y: mid, text: label, className: 'chart-on-bar', fill: 'on-bar', size: 11 });
    } else if (x + width + 4 + textWidth(label, 11) <= CHART_WIDTH) {
      shapes.push({ kind: 'text', x: x + width + 4, y: mid, text: label, className: 'chart-value', fill: 'text', size: 11 });
    } else {
      shapes.push({ kind: 'text', x: x - 4, y: mid, text: label, className: 'chart-value', fill: 'text', size: 11, anchor: 'end' });
    }
  });

  if (span > totalWeeks) {
    const x = x0 + totalWeeks * perWeek;
    shapes.push({ kind: 'line', x1: x, y1: top - 6, x2: x, y2: bottom, className: 'gantt-deadline', stroke: 'deadline', dashed: true });
  }

  const description = `${GANTT_TITLE}：共${totalWeeks}周。${milestones.map((m) => `${m.id} ${m.name}，第${m.startWeek + 1}–${m.startWeek + m.weeks}周`).join('；')}。`;
  return { kind: 'gantt', width: CHART_WIDTH, height: bottom + 12, title: GANTT_TITLE, description, shapes };
}

/**
 * A horizontal stacked bar with a legend below. Chosen over a donut: proportions read along
 * one axis, the Chinese labels fit in a legend of full-width rows, it stays legible in a
 * narrow preview, and it is all rectangles, which the PNG fallback can draw exactly.
 */
export function budgetChart(split: readonly BudgetShare[], title: string = BUDGET_TITLE): Chart {
  const pad = 16;
  const barY = 8;
  const barHeight = 32;
  const legendTop = barY + barHeight + 16;
  const legendRow = 22;
  const barWidth = CHART_WIDTH - 2 * pad;
  // Shares may not add up to exactly 100 (rounding, partial splits): a gap stays visible on
  // the grey track, an excess is scaled down so the bar never overflows.
  const denominator = Math.max(100, split.reduce((sum, s) => sum + s.percent, 0));
  const shapes: ChartShape[] = [{ kind: 'rect', x: pad, y: barY, width: barWidth, height: barHeight, className: 'budget-track', fill: 'track' }];

  let x = pad;
  split.forEach((s, i) => {
    const width = (barWidth * s.percent) / denominator;
    shapes.push({ kind: 'rect', x, y: barY, width, height: barHeight, className: `budget-segment chart-color-${i % PALETTE_SIZE}`, fill: i % PALETTE_SIZE });
    const label = `${s.percent}%`;
    if (width >= textWidth(label, 12) + 12) shapes.push({ kind: 'text', x: x + width / 2, y: barY + barHeight / 2 + 4, text: label, className: 'chart-on-bar', fill: 'on-bar', size: 12, anchor: 'middle', bold: true });
    x += width;
  });

  split.forEach((s, i) => {
    const y = legendTop + i * legendRow;
    shapes.push({ kind: 'rect', x: pad, y, width: 12, height: 12, className: `chart-swatch chart-color-${i % PALETTE_SIZE}`, fill: i % PALETTE_SIZE });
    const text = `${s.label}：${s.percent}%${s.amount ? `（${s.amount.text}）` : ''}`;
    shapes.push({ kind: 'text', x: pad + 20, y: y + 11, text: fitText(text, barWidth - 20, 12), className: 'chart-label', fill: 'text', size: 12 });
  });

  const description = `${title}：${split.map((s) => `${s.label} ${s.percent}%${s.amount ? `（${s.amount.text}）` : ''}`).join('；')}。`;
  return { kind: 'budget', width: CHART_WIDTH, height: legendTop + split.length * legendRow + 4, title, description, shapes };
}
