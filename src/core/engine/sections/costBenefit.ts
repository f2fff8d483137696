/**
 * 成本效益分析: the budget split from the intake's own figures and currency, a TCO structure
 * over the stated years, expected benefits from the industry's KPI ranges, and payback.
 * Whatever is not in the intake is labelled as an assumption.
 */
import { findMoney, type MoneyAmount } from '../../facts/money';
import type { EngineContext } from '../context';
import type { Fact } from '../../facts/facts';
import { formatAmount, round, toMoney } from '../format';
import { CNY_PER_USD, refsOf } from '../profile';
import type { BudgetShare, ReportModel } from '../reportModel';

/** Default 3-year TCO structure when the intake gives no split (mid-points of common ranges). */
const DEFAULT_TCO: { label: string; percent: number }[] = [
  { label: '软件订阅/许可', percent: 35 },
  { label: '实施与集成', percent: 35 },
  { label: '基础设施与云资源', percent: 20 },
  { label: '运维与培训', percent: 10 },
];

const GENERIC_BENEFITS = [
  { metric: '故障定位与恢复时间缩短', low: 30, high: 50, unit: '%', note: '统一监控与自动化运维的常见区间' },
  { metric: '运维人效提升', low: 15, high: 30, unit: '%' },
];

export function buildCostBenefit(ctx: EngineContext): ReportModel['costBenefit'] {
  const { profile } = ctx;
  const assumptions: string[] = [];
  const budgetFacts = ctx.facts.bySection.get('预算限制') ?? [];
  const total = profile.budget.value;
  const years = profile.years.value;
  if (profile.years.assumed) assumptions.push(`假设：成本按${years}年周期测算（调研表未注明周期）。`);
  if (!total) assumptions.push('假设：调研表未给出可解析的总预算，以下仅给出比例结构。');
  if (total && total.currency === 'CNY') assumptions.push(`假设：与美元报价比较时按1美元≈${CNY_PER_USD}元人民币折算。`);

  let split = percentSplit(budgetFacts, total);
  if (split.length === 0 && total) split = amountSplit(budgetFacts, total);
  if (split.length === 0) {
    split = DEFAULT_TCO.map((s) => ({ label: s.label, percent: s.percent, ...(total ? { amount: toMoney(scale(total, s.percent / 100)) } : {}), assumption: true, refs: [] }));
    assumptions.push('假设：调研表未给出预算分配，采用行业常见的TCO结构。');
  }
  const tco = buildTco(total, years, split);
  const benefits = profile.industry?.benefits ?? GENERIC_BENEFITS;
  if (!profile.industry) assumptions.push('假设：行业未识别，预期收益采用通用IT运维改进区间。');
  assumptions.push('假设：预期收益为行业公开案例区间的保守值，实际取决于上线范围与运营成熟度。');
  const paybackMonths = profile.industry?.paybackMonths ?? { low: 18, high: 36 };
  return {
    ...(total ? { total: toMoney(total) } : {}),
    totalRefs: refsOf(profile.budget.facts),
    years,
    split,
    tco,
    benefits,
    paybackMonths,
    assumptions,
  };
}

function scale(m: MoneyAmount, factor: number): MoneyAmount {
  return { ...m, amount: Math.round(m.amount * factor) };
}

/** "初期建设60% vs 持续运维40%", "云资源采购 40%": labelled percentages that sum to about 100. */
function percentSplit(facts: readonly Fact[], total: MoneyAmount | undefined): BudgetShare[] {
  const shares: BudgetShare[] = [];
  for (const f of facts) {
    for (const m of f.value.matchAll(/([\p{Script=Han}A-Za-z]{2,12})\s*(?:[（(]\s*)?(\d{1,3}(?:\.\d+)?)\s*%/gu)) {
      const pct = Number(m[2]);
      shares.push({ label: m[1]!, percent: pct, ...(total ? { amount: toMoney(scale(total, pct / 100)) } : {}), assumption: false, refs: refsOf([f]) });
    }
  }
  const sum = shares.reduce((a, s) => a + s.percent, 0);
  // A split that does not add up is reported by intake.budget-sum; the chart still shows it as given.
  return shares.length >= 2 && sum > 0 ? shares : [];
}

/** "总预算：$120万/年，初期建设$70万": parts given as amounts, the remainder labelled as an assumption. */
function amountSplit(facts: readonly Fact[], total: MoneyAmount): BudgetShare[] {
  const shares: BudgetShare[] = [];
  for (const f of facts) {
    for (const found of findMoney(f.value)) {
      const label = /([\p{Script=Han}A-Za-z]{2,8})\s*$/u.exec(f.value.slice(Math.max(0, found.start - 64), found.start))?.[1];
      if (!label || /总预算|预算|总额/.test(label)) continue;
      if (found.currency !== total.currency) continue;
      const pct = (found.amount / total.amount) * 100;
      if (pct <= 0 || pct > 100) continue;
      shares.push({ label, percent: round(pct, 1), amount: toMoney(found), assumption: false, refs: refsOf([f]) });
    }
  }
  if (shares.length === 0) return [];
  const used = shares.reduce((a, s) => a + s.percent, 0);
  if (used < 100) {
    shares.push({ label: '持续运维及其他（余额）', percent: round(100 - used, 1), amount: toMoney(scale(total, (100 - used) / 100)), assumption: true, refs: [] });
  }
  return shares;
}

/** TCO over the years: year 1 carries the build, later years the run share. Percentages of the whole period. */
function buildTco(total: MoneyAmount | undefined, years: number, split: BudgetShare[]): BudgetShare[] {
  const periodTotal = total ? (total.perYear ? { ...scale(total, years), perYear: false } : total) : undefined;
  const build = split.filter((s) => /建设|实施|开发|采购|部署|一次性/.test(s.label)).reduce((a, s) => a + s.percent, 0);
  const buildShare = build > 0 && build < 100 ? build : 40;
  const perYear = total?.perYear ?? false;
  // With a per-year budget the build share applies to year 1 only; later years are run-rate.
  const buildPct = perYear ? buildShare / years : buildShare;
  const runPct = 100 - buildPct;
  const rows: BudgetShare[] = [
    { label: '一次性建设（第1年）', percent: round(buildPct, 1), assumption: build === 0, refs: [] },
    { label: `持续订阅与运维（${years}年）`, percent: round(runPct, 1), assumption: build === 0, refs: [] },
  ];
  if (periodTotal) {
    rows[0]!.amount = toMoney(scale(periodTotal, buildPct / 100));
    rows[1]!.amount = toMoney(scale(periodTotal, runPct / 100));
  }
  return rows;
}

export function describeTotal(total: MoneyAmount | undefined, years: number): string {
  if (!total) return '未给出';
  const base = formatAmount(total.amount, total.currency);
  return total.perYear ? `${base}/年（${years}年合计${formatAmount(total.amount * years, total.currency)}）` : base;
}

