/** The generated SVG charts and their PNG fallback: bar counts, escaping, accessibility, determinism. */
import * as assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { budgetChart, budgetShares, budgetSvg, chartFor, ganttChart, ganttItems, ganttSvg, type BudgetShare, type GanttItem } from '../../../src/core/render/charts';
import { lightColor, type Chart, type Paint } from '../../../src/core/render/chartLayout';
import { chartPng } from '../../../src/core/render/png';
import { elements, hasClass, parseHtml, textOf } from '../helpers/html';
import { insuranceModel } from './fixtures';

const count = (svg: string, cls: string) => elements(parseHtml(svg).root).filter((e) => hasClass(e, cls)).length;

describe('charts', () => {
  const model = insuranceModel();
  const milestones = ganttItems(model);
  const totalWeeks = model.timeline!.totalWeeks;
  const split = budgetShares(model);

  it('draws one Gantt bar per phase of the timeline', () => {
    assert.equal(milestones.length, model.timeline!.phases.length);
    assert.ok(milestones.length >= 4);
    assert.equal(count(ganttSvg(milestones, totalWeeks), 'gantt-bar'), milestones.length);
  });

  it('numbers the phases one-based and titles the estimate "成本结构（估算）"', () => {
    assert.deepEqual(milestones.map((m) => m.id), milestones.map((_, i) => String(i + 1)));
    assert.equal(chartFor(model, 'budget')!.title, '成本结构（估算）');
  });

  it('draws one budget segment and one legend entry per share', () => {
    assert.ok(split.length >= 2);
    const svg = budgetSvg(split);
    assert.equal(count(svg, 'budget-segment'), split.length);
    assert.equal(count(svg, 'chart-swatch'), split.length);
  });

  it('places bars by week and segments by percentage', () => {
    const chart = ganttChart(milestones, totalWeeks);
    const bars = chart.shapes.filter((s) => s.kind === 'rect' && s.className.startsWith('gantt-bar'));
    const perWeek = (bars[0] as { width: number }).width / milestones[0]!.weeks;
    milestones.forEach((m, i) => assert.ok(Math.abs((bars[i] as { width: number }).width - m.weeks * perWeek) < 1e-9));
    const segments = budgetChart(split).shapes.filter((s) => s.kind === 'rect' && s.className.startsWith('budget-segment'));
    const total = segments.reduce((sum, s) => sum + (s as { width: number }).width, 0);
    split.forEach((s, i) => assert.ok(Math.abs((segments[i] as { width: number }).width / total - s.percent / split.reduce((a, b) => a + b.percent, 0)) < 1e-9));
  });

  it('is deterministic', () => {
    assert.equal(ganttSvg(milestones, totalWeeks), ganttSvg(ganttItems(insuranceModel()), totalWeeks));
    assert.equal(budgetSvg(split), budgetSvg(budgetShares(insuranceModel())));
  });

  it('is accessible: role="img", an aria-label with the data, a <title>', () => {
    const svg = parseHtml(ganttSvg(milestones, totalWeeks)).root.children[0];
    assert.ok(svg && typeof svg !== 'string');
    assert.equal(svg.attrs.role, 'img');
    assert.match(svg.attrs['aria-label']!, /1 现状评估/);
    assert.equal(textOf(elements(svg).find((e) => e.tag === 'title')!), '项目里程碑甘特图');
  });

  it('themes the inline flavour with currentColor and classes, and gives the standalone one fixed colours', () => {
    const inline = ganttSvg(milestones, totalWeeks);
    assert.match(inline, /fill="currentColor"/);
    assert.doesNotMatch(inline, /xmlns=/);
    const standalone = ganttSvg(milestones, totalWeeks, { standalone: true });
    assert.match(standalone, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(standalone, /currentColor/);
    assert.match(standalone, /font-family="[^"]*Microsoft YaHei/);
    for (const svg of [inline, standalone]) assert.doesNotMatch(svg, /style=|<style/);
  });

  it('escapes every label', () => {
    const hostile: BudgetShare[] = [{ label: '<script>alert(1)</script>"\'&\u0001', percent: 60, assumption: false }, { label: 'x', percent: 40, amount: { text: '<b>1</b>' }, assumption: true }];
    const svg = budgetSvg(hostile, { standalone: true });
    assert.doesNotMatch(svg, /<script|<b>|\u0001/);
    assert.match(svg, /&lt;script&gt;/);
    const { root } = parseHtml(svg);
    assert.ok(elements(root).every((e) => ['svg', 'title', 'rect', 'line', 'text'].includes(e.tag)));
    const names: GanttItem[] = [0, 1, 2].map((i) => ({ id: String(i + 1), name: `<img src=x onerror=alert(${i})>`, startWeek: i * 2, weeks: 2 }));
    assert.doesNotMatch(ganttSvg(names, 6), /<img/);
  });

  it('keeps bars inside the chart when shares exceed 100% and marks an overrun deadline', () => {
    const over: BudgetShare[] = [60, 70].map((percent, i) => ({ label: `p${i}`, percent, assumption: true }));
    const chart = budgetChart(over);
    const right = Math.max(...chart.shapes.filter((s) => s.kind === 'rect').map((s) => (s as { x: number; width: number }).x + (s as { width: number }).width));
    assert.ok(right <= chart.width);
    const late: GanttItem[] = [{ id: '1', name: 'a', startWeek: 0, weeks: 8 }, { id: '2', name: 'b', startWeek: 8, weeks: 8 }, { id: '3', name: 'c', startWeek: 16, weeks: 8 }];
    assert.equal(count(ganttSvg(late, 20), 'gantt-deadline'), 1);
    assert.equal(count(ganttSvg(late, 24), 'gantt-deadline'), 0);
  });

  it('rasterises a valid PNG fallback at twice the chart size, every pixel as the chart paints it', () => {
    for (const chart of [ganttChart(milestones, totalWeeks), budgetChart(split)]) {
      const png = Buffer.from(chartPng(chart));
      assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
      assert.equal(png.toString('latin1', 12, 16), 'IHDR');
      const width = png.readUInt32BE(16);
      const height = png.readUInt32BE(20);
      assert.equal(width, chart.width * 2);
      assert.equal(height, Math.ceil(chart.height * 2));
      const rgb = decodePng(png);
      assert.deepEqual(rgb, rasterise(chart, width, height));
      assert.ok(rgb.some((b) => b !== 255), 'something is drawn');
    }
  });
});

/** The RGB pixels of an 8-bit PNG, palette (colour type 3) or RGB (2), with filter type 0 on every row. */
function decodePng(png: Buffer): Uint8Array {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const type = png[25];
  let palette: Buffer | undefined;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const name = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (name === 'PLTE') palette = data;
    if (name === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const bytes = type === 3 ? 1 : 3;
  assert.equal(raw.length, (width * bytes + 1) * height);
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = y * (width * bytes + 1);
    assert.equal(raw[row], 0, 'filter type 0');
    for (let x = 0; x < width; x++) {
      const from = type === 3 ? palette!.subarray(raw[row + 1 + x]! * 3, raw[row + 1 + x]! * 3 + 3) : raw.subarray(row + 1 + x * 3, row + 4 + x * 3);
      rgb.set(from, (y * width + x) * 3);
    }
  }
  return rgb;
}

/** The chart's rectangles and lines drawn pixel by pixel in RGB on white, independently of png.ts. */
function rasterise(chart: Chart, width: number, height: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3).fill(255);
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));
  const fill = (x0: number, y0: number, x1: number, y1: number, paint: Paint) => {
    const n = parseInt(lightColor(paint).slice(1), 16);
    for (let y = clamp(Math.round(y0 * 2), height); y < clamp(Math.round(y1 * 2), height); y++) {
      for (let x = clamp(Math.round(x0 * 2), width); x < clamp(Math.round(x1 * 2), width); x++) rgb.set([(n >> 16) & 255, (n >> 8) & 255, n & 255], (y * width + x) * 3);
    }
  };
  for (const s of chart.shapes) {
    if (s.kind === 'rect') fill(s.x, s.y, s.x + s.width, s.y + s.height, s.fill);
    else if (s.kind === 'line') {
      const [x0, x1, y0, y1] = [Math.min(s.x1, s.x2) - 0.5, Math.max(s.x1, s.x2) + 0.5, Math.min(s.y1, s.y2) - 0.5, Math.max(s.y1, s.y2) + 0.5];
      if (!s.dashed) fill(x0, y0, x1, y1, s.stroke);
      else if (x1 - x0 <= 1) for (let y = y0; y < y1; y += 7) fill(x0, y, x1, Math.min(y + 4, y1), s.stroke);
      else for (let x = x0; x < x1; x += 7) fill(x, y0, Math.min(x + 4, x1), y1, s.stroke);
    }
  }
  return rgb;
}
