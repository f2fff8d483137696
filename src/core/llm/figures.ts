/**
 * The numbers the model must not invent or recompute: the budget, the estimate by period (one-time,
 * per year, TCO) and per component, the verdict against the budget, payback and benefits (from the
 * customer's own figures only), milestones, and the SLA and latency arithmetic (downtime an availability
 * allows; the fibre round-trip floor between the farthest places named). As prompt lines, in
 * Chinese, with 〔Lnn〕 citations.
 */
import { findPercents } from '../facts/money';
import { formatCompact } from '../facts/lines';
import { farthestPair, findPlaces, latencyTargets, minRoundTripMs, type PlaceMention } from '../analysis/latency';
import { allowedDowntime } from '../analysis/sla';
import type { IntakeFacts } from '../facts/facts';
import { formatAmount, formatRange } from '../engine/format';
import type { ReportModel } from '../engine/reportModel';
import { pricesNothing } from '../engine/plan/costs';
import type { Location } from '../knowledge/schema';
import { formatRefs } from '../render/markdown';

const VERDICT = { within: '在预算内', tight: '偏紧（只有估算下限在预算内）', over: '超出预算' } as const;
const COST_KIND = { licence: '许可/订阅', infrastructure: '基础设施', implementation: '实施', operations: '运维', assessment: '测评与验证' } as const;

/** The budget as the intake gives it, then the estimate by period (one-time, per year, TCO) and its verdict against the budget. */
export function budgetFigures(model: ReportModel): string[] {
  const b = model.understanding.budget;
  const out: string[] = [];
  if (b.total) {
    const overPeriod = b.perYear ? `；按${b.horizonYears}年计合计${formatAmount(b.total.amount * b.horizonYears, b.total.currency)}` : `（覆盖${b.horizonYears}年${b.horizonAssumed ? '，年限为假设' : ''}）`;
    out.push(`- 总预算：${b.total.text}${b.perYear ? '/年' : ''}${formatRefs(b.refs.slice(0, 1))}${overPeriod}`);
  } else {
    out.push('- 总预算：调研表未给出可解析的金额（不要自行假设总额）');
  }
  // Parts the intake gives as shares of the total say so, for the model not to take them as stated amounts.
  const share = b.shares;
  const whole = b.firstYear ? '首年预算' : '总预算';
  if (b.oneTime && b.oneTime.amount !== b.total?.amount) out.push(`- 其中一次性建设：${b.oneTime.text}${share ? `（${whole}的${share.oneTime}%）` : ''}`);
  if (b.recurringPerYear) out.push(`- 年度运维：${b.recurringPerYear.text}/年${share ? `（${whole}的${share.recurring}%${share.years > 1 ? `，按${share.years}年分摊` : ''}）` : ''}`);
  if (b.split.length > 0) out.push(`- 预算拆分：${b.split.map((s) => `${s.label} ${s.percent !== undefined ? `${s.percent}%` : ''}${s.amount ? `（${s.amount.text}）` : ''}${formatRefs(s.refs)}`).join('；')}`);
  if (b.preference) out.push(`- 付费偏好：${b.preference}`);
  const c = model.costs;
  // Nothing priced: no ¥0 estimate for the model to quote.
  if (c && pricesNothing(model)) out.push('- 成本估算：本期未选定要建设的系统，不估算成本（不要自行给出金额）');
  else if (c) {
    const totalOf = (p: string) => c.totals.find((x) => x.period === p)?.text ?? '';
    out.push(`- 成本估算（规划参考区间，以厂商报价为准）：一次性${totalOf('one-time')}；每年${totalOf('per-year')}；${c.years}年TCO ${totalOf('total')}`);
    // A principal investment left out of the estimate: the verdict is of the estimated part only.
    if (c.budget) out.push(`- 与预算对比：${VERDICT[c.budget.verdict]}${c.budget.unpriced ? `（仅指已估算部分；${c.budget.unpriced.what.join('、')}未计入，整体待测算后判断）` : ''}。${c.budget.statement}${formatRefs(c.budget.refs)}`);
    if (c.currentSpend) out.push(`- 现有支出：${c.currentSpend.text}${formatRefs(c.currentSpend.refs)}`);
    for (const benefit of c.benefits) out.push(`- 收益：${benefit.text}${formatRefs(benefit.refs)}`);
    if (c.benefits.length === 0) out.push('- 收益：调研表没有损失或现有支出的金额，收益不量化（不要引用行业基准数字）');
    if (c.payback) out.push(`- 回本：${c.payback}`);
    for (const a of c.assumptions) out.push(`- 假设：${a}`);
  }
  return out;
}

/** The estimate per component and period ("API网关（Kong Gateway）：一次性$1.5–2.4万（实施）"). */
export function costComponents(model: ReportModel): string[] {
  const c = model.costs;
  if (!c) return [];
  const rows = new Map<string, string[]>();
  for (const i of c.items) {
    const parts = rows.get(i.component) ?? [];
    parts.push(`${i.period === 'one-time' ? '一次性' : '每年'}${formatRange(i.low, i.high, c.currency)}（${COST_KIND[i.kind]}）`);
    rows.set(i.component, parts);
  }
  return [...rows].map(([component, parts]) => `- 分项｜${component}：${parts.join('；')}`);
}

export function milestoneFigures(model: ReportModel): string[] {
  const t = model.timeline;
  if (!t) return [];
  return [
    `- 总周期：${t.totalWeeks}周${t.deadlineMonths !== undefined ? `（期限：${t.deadlineMonths}个月）` : ''}${formatRefs(t.refs)}；${t.statement}`,
    ...t.phases.map((p) => `- ${p.number}. ${p.name}：第${p.startWeek + 1}–${p.startWeek + p.weeks}周（${p.weeks}周）；交付物：${p.deliverables.join('；')}`),
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
      out.push(`- 可用性${p.value}%${formatRefs([f.line + 1])}：允许停机约每月${formatCompact(allowedDowntime(p.value, 'month'), 1)}分钟、每季度${formatCompact(allowedDowntime(p.value, 'quarter'), 1)}分钟、每年${yearText}`);
    }
  }
  const places: PlaceMention[] = facts.facts.flatMap((f) => findPlaces(f.text, locations, f.line));
  const pair = farthestPair(places);
  if (pair) {
    const [a, b, km] = pair;
    const floor = minRoundTripMs(km);
    out.push(`- 物理时延下限：${a.written} ↔ ${b.written} 相距约${formatCompact(Math.round(km / 100) * 100, 0)} km，光纤往返至少约${Math.floor(floor)} ms${formatRefs([a.line + 1, b.line + 1])}`);
    for (const f of facts.facts) {
      // Only targets about links between sites: an API response time in one region has no such floor.
      if ((f.section !== '核心目标' && f.section !== '特殊要求') || !CROSS_SITE.test(f.text)) continue;
      for (const target of latencyTargets(f.value)) {
        const verdict = target.ms <= floor ? '低于物理下限，不可实现' : '高于物理下限';
        out.push(`- 时延目标 <${target.ms} ms${formatRefs([f.line + 1])}：${verdict}`);
      }
    }
  }
  return out;
}
