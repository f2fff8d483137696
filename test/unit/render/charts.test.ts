/** The generated SVG charts and their PNG fallback: bar counts, escaping, accessibility, determinism. */
import * as assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { budgetChart, budgetShares, budgetSvg, chartFor, ganttChart, ganttItems, ganttSvg, type BudgetShare, type GanttItem } from '../../../src/core/render/charts';
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

  it('rasterises a valid PNG fallback at twice the chart size', () => {
    const chart = ganttChart(milestones, totalWeeks);
    const png = Buffer.from(chartPng(chart));
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
    assert.equal(png.toString('latin1', 12, 16), 'IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    assert.equal(width, chart.width * 2);
    assert.equal(height, Math.ceil(chart.height * 2));
    const idat = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    assert.equal(raw.length, (width * 3 + 1) * height);
    assert.ok(raw.some((b, i) => i % (width * 3 + 1) !== 0 && b !== 255), 'something is drawn');
  });
});
