/**
 * The numbers the model must not invent or recompute: the engine's budget split and TCO, payback
 * and benefit ranges, milestones, and the SLA and latency arithmetic (downtime an availability
 * allows; the fibre round-trip floor between the farthest places named). As prompt lines, in
 * Chinese, with 〔Lnn〕 citations.
 */
import { findPercents } from '../facts/money';
import { formatCompact } from '../facts/lines';
import { farthestPair, findPlaces, latencyTargets, minRoundTripMs, type PlaceMention } from '../analysis/latency';
import { allowedDowntime } from '../analysis/sla';
import type { IntakeFacts } from '../facts/facts';
import { formatAmount } from '../engine/format';
import type { BudgetShare, ReportModel } from '../engine/reportModel';
import type { Location } from '../knowledge/schema';
import { formatRefs } from '../render/markdown';

export function budgetFigures(model: ReportModel): string[] {
  const cb = model.costBenefit;
  const out: string[] = [];
  if (cb.total) {
    const overPeriod = /\/年$/.test(cb.total.text) ? `；按${cb.years}年计合计${formatAmount(cb.total.amount * cb.years, cb.total.currency)}` : '';
    out.push(`- 总预算：${cb.total.text}${formatRefs(cb.totalRefs)}${overPeriod}`);
  } else {
    out.push('- 总预算：调研表未给出可解析的金额（不要自行假设总额）');
  }
  out.push(`- 预算拆分：${shares(cb.split)}`);
  out.push(`- ${cb.years}年TCO结构：${shares(cb.tco)}`);
  out.push(`- 回本周期：${cb.paybackMonths.low}–${cb.paybackMonths.high}个月（假设：行业同类项目经验区间）`);
  if (cb.benefits.length > 0) out.push(`- 预期收益（行业基准区间）：${cb.benefits.map((b) => `${b.metric} ${b.low}–${b.high}${b.unit}`).join('；')}`);
  for (const a of cb.assumptions) out.push(`- ${a}`);
  return out;
}

function shares(list: readonly BudgetShare[]): string {
  return list.map((s) => `${s.label} ${s.percent}%${s.amount ? `（${s.amount.text}）` : ''}${s.assumption ? '（假设）' : formatRefs(s.refs)}`).join('；');
}

export function milestoneFigures(model: ReportModel): string[] {
  const impl = model.implementation;
  return [
    `- 总周期：${impl.totalWeeks}周（期限：${impl.deadline}）${formatRefs(impl.deadlineRefs)}`,
    ...impl.milestones.map((m) => `- ${m.id} ${m.name}：第${m.startWeek + 1}–${m.startWeek + m.weeks}周（${m.weeks}周）；交付物：${m.deliverables.join('；')}`),
  ];
}

const AVAILABILITY = /SLA|可用性|可用率|availability|uptime/i;
const CROSS_SITE = /跨|异地|全球|同步|复制|双活|多活|互联|↔|between|cross|global|replicat|sync/i;

/** Downtime each stated availability allows, and the latency floor between the farthest places. */
export function slaAndLatencyFigures(facts: IntakeFacts, locations: readonly Location[]): string[] {
  const out: string[] = [];
  const seen = new Set<number>();
  for (const f of facts.facts) {
    if (!AVAILABILITY.test(f.text)) continue;
    for (const p of findPercents(f.value)) {
      if (p.value < 90 || p.value >= 100 || seen.has(p.value)) continue;
      seen.add(p.value);
      const year = allowedDowntime(p.value, 'year');
      const yearText = year >= 120 ? `${formatCompact(year / 60, 1)}小时` : `${formatCompact(year, 1)}分钟`;
      out.push(`- 可用性${p.value}%${formatRefs([{ line: f.line, range: f.range }])}：允许停机约每月${formatCompact(allowedDowntime(p.value, 'month'), 1)}分钟、每季度${formatCompact(allowedDowntime(p.value, 'quarter'), 1)}分钟、每年${yearText}`);
    }
  }
  const places: PlaceMention[] = facts.facts.flatMap((f) => findPlaces(f.text, locations, f.line));
  const pair = farthestPair(places);
  if (pair) {
    const [a, b, km] = pair;
    const floor = minRoundTripMs(km);
    out.push(`- 物理时延下限：${a.written} ↔ ${b.written} 相距约${formatCompact(Math.round(km / 100) * 100, 0)} km，光纤往返至少约${Math.floor(floor)} ms${formatRefs([a, b].map((p) => ({ line: p.line, range: { start: { line: p.line, character: 0 }, end: { line: p.line, character: 0 } } })))}`);
    for (const f of facts.facts) {
      // Only targets about links between sites: an API response time in one region has no such floor.
      if ((f.section !== '核心目标' && f.section !== '特殊要求') || !CROSS_SITE.test(f.text)) continue;
      for (const target of latencyTargets(f.value)) {
        const verdict = target.ms <= floor ? '低于物理下限，不可实现' : '高于物理下限';
        out.push(`- 时延目标 <${target.ms} ms${formatRefs([{ line: f.line, range: f.range }])}：${verdict}`);
      }
    }
  }
  return out;
}
