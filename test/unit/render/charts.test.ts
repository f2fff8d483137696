/** The generated SVG charts and their PNG fallback: bar counts, escaping, accessibility, determinism. */
import * as assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import type { BudgetShare, Milestone } from '../../../src/core/engine/reportModel';
import { budgetChart, budgetSvg, ganttChart, ganttSvg } from '../../../src/core/render/charts';
import { chartPng } from '../../../src/core/render/png';
import { elements, hasClass, parseHtml, textOf } from '../helpers/html';
import { insuranceModel } from './fixtures';

const count = (svg: string, cls: string) => elements(parseHtml(svg).root).filter((e) => hasClass(e, cls)).length;

describe('charts', () => {
  const model = insuranceModel();
  const { milestones, totalWeeks } = model.implementation;
  const split = model.costBenefit.split;

  it('draws one Gantt bar per milestone (five for the seed)', () => {
    assert.equal(milestones.length, 5);
    assert.equal(count(ganttSvg(milestones, totalWeeks), 'gantt-bar'), 5);
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
    assert.equal(ganttSvg(milestones, totalWeeks), ganttSvg(insuranceModel().implementation.milestones, totalWeeks));
    assert.equal(budgetSvg(split), budgetSvg(insuranceModel().costBenefit.split));
  });

  it('is accessible: role="img", an aria-label with the data, a <title>', () => {
    const svg = parseHtml(ganttSvg(milestones, totalWeeks)).root.children[0];
    assert.ok(svg && typeof svg !== 'string');
    assert.equal(svg.attrs.role, 'img');
    assert.match(svg.attrs['aria-label']!, /M0/);
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
    const hostile: BudgetShare[] = [{ label: '<script>alert(1)</script>"\'&\u0001', percent: 60, assumption: false, refs: [] }, { label: 'x', percent: 40, amount: { amount: 1, currency: 'CNY', text: '<b>1</b>' }, assumption: true, refs: [] }];
    const svg = budgetSvg(hostile, { standalone: true });
    assert.doesNotMatch(svg, /<script|<b>|\u0001/);
    assert.match(svg, /&lt;script&gt;/);
    const { root } = parseHtml(svg);
    assert.ok(elements(root).every((e) => ['svg', 'title', 'rect', 'line', 'text'].includes(e.tag)));
    const names: Milestone[] = [0, 1, 2].map((i) => ({ id: `M${i}`, name: `<img src=x onerror=alert(${i})>`, startWeek: i * 2, weeks: 2, deliverables: ['x'] }));
    assert.doesNotMatch(ganttSvg(names, 6), /<img/);
  });

  it('keeps bars inside the chart when shares exceed 100% and marks an overrun deadline', () => {
    const over: BudgetShare[] = [60, 70].map((percent, i) => ({ label: `p${i}`, percent, assumption: true, refs: [] }));
    const chart = budgetChart(over);
    const right = Math.max(...chart.shapes.filter((s) => s.kind === 'rect').map((s) => (s as { x: number; width: number }).x + (s as { width: number }).width));
    assert.ok(right <= chart.width);
    const late: Milestone[] = [{ id: 'M0', name: 'a', startWeek: 0, weeks: 8, deliverables: ['x'] }, { id: 'M1', name: 'b', startWeek: 8, weeks: 8, deliverables: ['x'] }, { id: 'M2', name: 'c', startWeek: 16, weeks: 8, deliverables: ['x'] }];
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
