/**
 * The budget, split into one-time and recurring spend with its currency and horizon, and the
 * money the customer says it loses or spends today (the only basis for benefits). Money is
 * parsed with the foundation's findMoney; the words around each amount say what it is.
 */
import { findMoney, findPercents, type Money } from '../../facts/money';
import type { Fact } from '../../facts/facts';
import { formatAmount } from '../format';
import type { MoneyValue, UnderstandingModel } from '../reportModel';
import { clean, clip } from './shared';
import { trimEndOf } from '../text/trim';
import { withoutFigureLabel } from '../text/restate';
import { holdsAny, holdingAny } from '../../text/holdsAny';
import { CN_NUMBERS } from '../../text/chineseNumerals';

const ONE_TIME = holdingAny('初期建设', '首年建设', '一次性', '建设', '采购', '实施');
const RECURRING = /运维|每年|年运维|服务费|订阅|\/年/;
/** Words around a recurring amount that make it a ceiling: 年运维不超过¥1500万, 每年¥200万以内. */
const CAP_WORDS = /不超过|不高于|不超出|以内|之内|上限|封顶|控制在/;
const YEARS_WORD = /(\d{1,2}|[一二两三四五六七八九十])\s{0,1}年(?!度|内)/;

function value(m: Money): MoneyValue {
  return { amount: m.amount, currency: m.currency, text: formatAmount(m.amount, m.currency) };
}

/** The words before an amount, back to the previous punctuation: what the amount is for. */
function words(text: string, m: Money): string {
  let start = m.start;
  while (start > 0 && m.start - start < 12 && !'，,；;。（(+'.includes(text[start - 1]!)) start--;
  return text.slice(start, m.start);
}

export function detectBudget(facts: readonly Fact[]): UnderstandingModel['budget'] {
  const section = facts.filter((f) => f.section === '预算限制');
  const totalFact = section.find((f) => f.fieldPath.includes('总预算') && findMoney(f.value, { bare: true }).length > 0) ?? section.find((f) => findMoney(f.value, { bare: true }).length > 0);
  const refsUsed = new Set<number>();
  if (!totalFact) {
    return { horizonYears: 3, horizonAssumed: true, perYear: false, split: splitOf(section, undefined, undefined, refsUsed), ...preferenceOf(section), refs: [...refsUsed] };
  }
  refsUsed.add(totalFact.line + 1);
  const amounts = findMoney(totalFact.value, { bare: true });
  const total = amounts[0]!;
  let oneTime: Money | undefined;
  let recurring: Money | undefined;
  /** The line the recurring amount is on. */
  let recurringText = '';
  for (const m of amounts.slice(1)) {
    const lead = words(totalFact.value, m);
    if (RECURRING.test(lead) || m.perYear) {
      if (!recurring) recurringText = totalFact.value;
      recurring ??= m;
    } else if (ONE_TIME.test(lead)) oneTime ??= m;
  }
  // Amounts on the other budget lines ("初期建设：$150万", "分配：一次性建设¥400万，年度运维¥200万/年").
  for (const f of section) {
    if (f === totalFact) continue;
    for (const m of findMoney(f.value)) {
      const lead = `${f.key ?? ''} ${words(f.value, m)}`;
      if (RECURRING.test(lead) || m.perYear) {
        if (!recurring) {
          recurring = m;
          recurringText = f.value;
          refsUsed.add(f.line + 1);
        }
      } else if (ONE_TIME.test(lead) && !oneTime) {
        oneTime = m;
        refsUsed.add(f.line + 1);
      }
    }
  }
  const totalLead = totalFact.value.slice(total.end, total.end + 12);
  // "¥1.2亿（一次性建设）" or "¥2000万（建设）+ 每年运维¥150万": the total is the one-time part; so is
  // "迁移项目一次性¥600万，之后云资源按年计", 一次性 written just before it.
  const totalBefore = totalFact.value.slice(Math.max(0, total.start - 6), total.start);
  const totalIsOneTime = (/^[（(]?(?:一次性)?(?:建设|采购)/.test(totalLead.replace(/^\s+/, '')) || /一次性[：:]?\s?$/.test(totalBefore)) && !total.perYear;
  let horizon = total.years;
  if (horizon === undefined) {
    for (const f of section) {
      const m = YEARS_WORD.exec(f.value);
      if (m && !holdsAny(f.value.slice(Math.max(0, m.index - 1), m.index + 4), ['年运维', '每年'])) {
        const n = Number(m[1]) || CN_NUMBERS[m[1]!];
        if (n && n >= 1 && n <= 10) {
          horizon = n;
          refsUsed.add(f.line + 1);
          break;
        }
      }
    }
  }
  // "后两年每年运维¥150万" after a first-year build: three years.
  if (horizon === undefined && /后两年/.test(totalFact.value)) horizon = 3;
  const horizonAssumed = horizon === undefined;
  const years = horizon ?? 3;
  const out: UnderstandingModel['budget'] = {
    total: value(total),
    horizonYears: years,
    horizonAssumed,
    perYear: total.perYear,
    split: splitOf(section, totalFact, total, refsUsed),
    ...preferenceOf(section),
    refs: [],
  };
  // "¥600万（首年）": the first year's money, compared with the first year's spend.
  if (!total.perYear && /^\s*[（(]?首年(?!后)/.test(totalLead)) out.firstYear = true;
  if (totalIsOneTime) out.oneTime = value(total);
  else if (oneTime) out.oneTime = value(oneTime);
  if (recurring) out.recurringPerYear = value(recurring);
  // The words just before or after the amount, within its clause.
  if (recurring && CAP_WORDS.test(clause(recurringText, recurring))) out.recurringCap = true;
  // No amount for either part, but a split of the whole into both (初期建设70% vs 持续运维30%):
  // the parts are the total's shares, which the comparison then holds the estimate to.
  const shares = !oneTime && !recurring && !totalIsOneTime && !total.perYear ? sharesOf(out.split, out.firstYear ? 1 : years) : undefined;
  if (shares) {
    out.shares = shares;
    out.oneTime = value({ ...total, amount: (total.amount * shares.oneTime) / 100 });
    out.recurringPerYear = value({ ...total, amount: (total.amount * shares.recurring) / 100 / shares.years });
  }
  out.refs = [...refsUsed].sort((a, b) => a - b);
  return out;
}

/** The amount with the words around it, back and on to the nearest punctuation (at most 12 characters each way). */
function clause(text: string, m: Money): string {
  const after = text.slice(m.end, m.end + 12).split(/[，,；;。（(]/)[0] ?? '';
  return `${words(text, m)}${after}`;
}

/** A share of the budget spent again each year (持续运维, 三年运维, 运维与培训). */
const SHARE_RECURRING = /运维|维保/;
/** A share spent once: the build, its software and work (初期建设, 软件与实施, 数据平台开发). */
const SHARE_ONE_TIME = /建设|实施|采购|许可|软件|开发|集成|改造/;
/**
 * A share the estimate cannot hold its parts to: cloud resources are bought or rented, hosting
 * recurs, a reserve goes to anything; and hardware, servers and networks the customer buys at the
 * start the estimate spreads over the years as infrastructure (its yearly running cost would be
 * held to an operations share without them).
 */
const SHARE_UNSURE = /云资源|托管|订阅|服务费|储备|预留|不可预见|硬件|基础设施|服务器|设备|网络|扩容/;

/**
 * The one-time and recurring percentages of a split of the whole budget, and the years the
 * recurring part is spread over: those its label names (三年运维), else `years`. Only a split
 * that adds up to the whole, every share plainly one or the other, and both present; otherwise
 * nothing (软件许可35%、实施与集成45%、硬件与网络20% says nothing of the running costs; 软件与实施60%、
 * 硬件与基础设施25%、三年运维15% buys at the start what the estimate counts each year).
 */
function sharesOf(split: UnderstandingModel['budget']['split'], years: number): UnderstandingModel['budget']['shares'] {
  let oneTime = 0;
  let recurring = 0;
  let labelYears: number | undefined;
  for (const s of split) {
    if (s.percent === undefined || SHARE_UNSURE.test(s.label)) return undefined;
    const runs = SHARE_RECURRING.test(s.label);
    if (runs === SHARE_ONE_TIME.test(s.label)) return undefined;
    if (!runs) {
      oneTime += s.percent;
      continue;
    }
    recurring += s.percent;
    const m = YEARS_WORD.exec(s.label);
    const n = m ? Number(m[1]) || CN_NUMBERS[m[1]!] : undefined;
    if (n !== undefined && labelYears !== undefined && n !== labelYears) return undefined;
    labelYears = n ?? labelYears;
  }
  if (oneTime === 0 || recurring === 0 || Math.abs(oneTime + recurring - 100) > 0.5) return undefined;
  return { oneTime, recurring, years: labelYears !== undefined && labelYears >= 1 && labelYears <= 10 ? labelYears : years };
}

function splitOf(section: readonly Fact[], totalFact: Fact | undefined, total: Money | undefined, used: Set<number>): UnderstandingModel['budget']['split'] {
  const out: UnderstandingModel['budget']['split'] = [];
  for (const f of section) {
    // Not the total's own line; the lines under it may split it ("总预算：¥8000万（3年），分配比例：" over "初期建设70% vs 持续运维30%").
    if (f === totalFact || (f.key !== undefined && f.fieldPath[f.fieldPath.length - 1] === '总预算')) continue;
    const percents = findPercents(f.value);
    if (percents.length === 0) continue;
    for (const p of percents) {
      const label = clean(trimEndOf(f.value.slice(0, p.start), '（( \t\u3000')).split(/[，,；;]| vs /).pop() ?? '';
      const name = clean((label || f.key || '').replace(/^(?:分配比例|vs)/, ''));
      if (!name) continue;
      used.add(f.line + 1);
      out.push({ label: clip(name, 16), percent: p.value, ...(total ? { amount: { amount: (total.amount * p.value) / 100, currency: total.currency, text: formatAmount((total.amount * p.value) / 100, total.currency) } } : {}), refs: [f.line + 1] });
    }
  }
  return out;
}

/** Buying outright: "软件买断", "财政资金一次性投入", "一次性采购为主" (not "一次性投入：要求分期付款条款"). */
const PERPETUAL = /买断|一次性(?:投入|采购|购买)/;
/** A subscription the customer accepts: "可接受私有化部署的订阅", "接受SaaS模式", "接受托管服务费". */
const SUBSCRIPTION = /订阅|SaaS|托管|按年付费|按量付费/i;
/** Either, refused: "不接受订阅", "不考虑买断". Bounded, so linear. */
const REFUSED = /(?:不|拒绝)[^，,；;。]{0,4}(?:买断|一次性|订阅|SaaS|托管)/i;

function preferenceOf(section: readonly Fact[]): Pick<UnderstandingModel['budget'], 'preference' | 'perpetual'> {
  const prefs = section.filter((f) => f.fieldPath.some((p) => p === '付费偏好' || p === '订阅制' || p === '一次性投入') && f.value);
  if (prefs.length === 0) return {};
  const preference = clip(prefs.map((f) => clean(f.value)).join('；'), 60);
  const outright = prefs.filter((f) => PERPETUAL.test(f.value) && !REFUSED.test(f.value));
  if (outright.length === 0) return { preference };
  // A 订阅制 line with a value says which subscription is acceptable (fields.yaml).
  const orSubscription = prefs.some((f) => (SUBSCRIPTION.test(f.value) || f.fieldPath[f.fieldPath.length - 1] === '订阅制') && !REFUSED.test(f.value));
  return { preference, perpetual: { said: clip(clean(outright[0]!.value), 24), orSubscription, refs: outright.map((f) => f.line + 1) } };
}

const LOSS = /损失|货损|损耗|报损|赔付|索赔|占用|罚款|流失|成本(?:每年|每月)?(?:增加|上升)|扩容成本|打印[^，；。]{0,8}成本/;
const PER_MONTH = /每月|月均|\/月|每个月/;
const PER_YEAR = /每年|年均|\/年|全年|20\d\d年/;

/** "每月因超卖…损失约¥120万", "每年…占用约¥4000万", "2024年主机厂质量索赔¥1100万". */
export function detectLosses(facts: readonly Fact[]): UnderstandingModel['lossFigures'] {
  const out: UnderstandingModel['lossFigures'] = [];
  for (const f of facts) {
    if (f.section !== '当前痛点' && f.section !== '客户行业' && f.section !== '基础设施现状') continue;
    const clauses = f.value.split(/[；;。，,]/);
    clauses.forEach((clause, i) => {
      if (!LOSS.test(clause)) return;
      const m = findMoney(clause)[0];
      if (!m) return;
      // "…损失发电量约3800万千瓦时，按平均上网电价折合损失约¥1400万": the clause before says what was lost.
      const previous = i > 0 && /^(?:按|折合|折算|即|合计|相当于)/.test(clause.trim()) ? clauses[i - 1]! : '';
      const whole = previous ? `${previous}，${clause}` : clause;
      const perMonths = PER_MONTH.test(whole) ? 1 : PER_YEAR.test(whole) || m.perYear ? 12 : /每小时/.test(whole) ? 0 : 12;
      if (perMonths === 0) return;
      out.push({ text: clip(withoutFigureLabel(clean(whole)), previous ? 70 : 50), amount: m.amount, currency: m.currency, perMonths, refs: [f.line + 1] });
    });
  }
  return out;
}
