/**
 * The benefits of the cost model (costs.ts): only from the customer's own figures. A loss it
 * states, reduced by its own target; staff a goal frees; a licence the project ends; a share of
 * a spend a goal cuts. With no money to work from, the customer's measurable targets to track.
 */
import { caseInsensitiveRegExp } from '../../text/caseExpand';
import { findMoney } from '../../facts/money';
import { holdsAny } from '../../text/holdsAny';
import { CNY_PER, formatAmount, formatRange, inCny, inCurrency, round } from '../format';
import type { Costs } from '../reportModel';
import { findFigures } from '../text/figures';
import { clip, goalClauses, measures } from '../text/restate';
import { dropTrailingAside } from '../text/trim';
import type { Understanding } from '../understand';
import { licenceEndOf } from './replacements';

/** A goal about costs, certifications or capacity: a requirement, not a benefit. */
const REQUIREMENT_GOAL = caseInsensitiveRegExp('预算|成本|费用|支出|认证|测评|等保|SOC|ISO|PCI|并发|TPS|QPS', 'i');

/** A target of zero, which holds no figure: "安全事故为零", "零丢信", "零事故". */
const ZERO_TARGET = /为零|降到零|降至零|零(事故|伤亡|丢失|丢信|差错|漏报)/;

/** A clause that builds something rather than achieves it. */
const BUILDS = /上线|建成|建设|搭建|新建/;

/** A rate's target that does not say where it starts ("产销差率降到12%"): the rate, the verb and the target. */
const RATE_TARGET = /^([\u4e00-\u9fa5]{2,10}率)(降到|降至|降低到|下降到|提高到|提升到|提到)(\d{1,3}(?:\.\d{1,2})?)%$/;
/** The figure right after a rate's name in a pain ("产销差率约22%"). */
const RATE_NOW = /^[^，；。,;\d]{0,4}(\d{1,3}(?:\.\d{1,2})?)%/;

/**
 * A rate's target with the baseline a pain states for the same rate: "产销差率降到12%" with
 * "产销差率约22%" is "产销差率从22%降到12%（降低10个百分点）", citing the pain's line too;
 * otherwise the clause as written.
 */
function withBaseline(u: Understanding, clause: string): { text: string; line?: number } {
  const m = RATE_TARGET.exec(clause);
  if (!m) return { text: clause };
  const [, rate, verb, target] = m as unknown as [string, string, string, string];
  const down = verb.startsWith('降') || verb.startsWith('下');
  const now = rateNow(u, rate);
  if (!now) return { text: clause };
  const gap = round(down ? now.value - Number(target) : Number(target) - now.value, 2);
  if (gap <= 0) return { text: clause };
  return { text: `${rate}从${now.written}%${verb}${target}%（${down ? '降低' : '提高'}${gap}个百分点）`, line: now.line };
}

/** The figure a pain or the profile states right after a rate's name ("产销差率约22%"), with its line. */
function rateNow(u: Understanding, rate: string): { value: number; written: string; line: number } | undefined {
  for (const f of u.usable) {
    if (f.section !== '当前痛点' && f.section !== '客户行业') continue;
    const at = f.value.indexOf(rate);
    const now = at < 0 ? undefined : RATE_NOW.exec(f.value.slice(at + rate.length, at + rate.length + 12));
    if (now) return { value: Number(now[1]), written: now[1]!, line: f.line + 1 };
  }
  return undefined;
}

/** The benefits: `known` first (a licence the project ends), then the customer's loss figures, freed staff, or else its measurable goals. */
export function benefitsOf(u: Understanding, currency: string, known: Costs['benefits']): Costs['benefits'] {
  const out: Costs['benefits'] = [...known];
  const rate = CNY_PER[currency] ?? 1;
  for (const loss of u.model.lossFigures) {
    const yearly = inCny(loss.amount * (12 / loss.perMonths), loss.currency) / rate;
    const reduction = reductionFor(u, loss.text);
    if (/占用/.test(loss.text)) {
      // Money tied up is a stock, not a yearly loss: what a shorter cycle frees comes back once.
      const cut = cycleCut(u, loss.text);
      if (cut) {
        const released = formatAmount(roundToTenWan(inCny(loss.amount * cut.share, loss.currency) / rate), currency);
        out.push({ text: `${loss.text}：${cut.said}，按占用与周期成正比估算，可一次性释放约${released}（营运资金一次性回笼，不计入每年收益）；每年的收益为这笔资金的资金成本，需客户给出资金成本率后测算。`, refs: uniqueSorted([...loss.refs, ...cut.refs]) });
      } else out.push({ text: `${loss.text}：缩短周期可释放其中一部分资金；收益取决于资金成本，需客户给出资金成本率后测算。`, refs: loss.refs });
      continue;
    }
    if (reduction) {
      const low = yearly * reduction.low;
      const high = yearly * reduction.high;
      const annualNote = loss.perMonths === 12 && loss.currency === currency ? '' : `（年化约${formatAmount(yearly, currency)}）`;
      out.push({ text: `${loss.text}${annualNote}；按${reduction.basis}，每年可减少约${low === high ? formatAmount(low, currency) : formatRange(low, high, currency)}。`, refs: [...loss.refs, ...reduction.refs], perYear: { low, high, currency, text: formatRange(low, high, currency) } });
    } else {
      const annual = loss.perMonths === 12 && loss.currency === currency ? '' : `（年化约${formatAmount(yearly, currency)}）`;
      out.push({ text: `${loss.text}${annual}：这是本项目可争取收益的上限，实际比例需按目标与试点数据核算。`, refs: loss.refs });
    }
  }
  // Staff a goal frees (接口运维人力从6人降到3人): the customer's own figure, at a stated cost per person.
  for (const g of u.model.secondaryGoals) {
    const freed = staffFreed(g.text);
    if (!freed) continue;
    const [low, high] = STAFF_COST_WAN.map((x) => (x * 1e4 * freed.people) / rate) as [number, number];
    out.push({
      text: `${freed.phrase}：按每人每年${formatRange((STAFF_COST_WAN[0] * 1e4) / rate, (STAFF_COST_WAN[1] * 1e4) / rate, currency)}（含社保的假设值，请客户按实际人力成本确认）计，每年约${formatRange(low, high, currency)}。`,
      refs: g.refs,
      perYear: { low, high, currency, text: formatRange(low, high, currency) },
    });
  }
  // A collection rate raised (物业费收缴率从82%到92%): the extra cash is a share of what is billed.
  const raised = rateRaised(u, currency);
  if (raised) out.push(raised.benefit);
  // No money to work from: the customer's own measurable targets are the benefits to track.
  if (out.every((b) => !b.perYear)) {
    // The measurable clause of each goal, without its deadline ("15个月内上线…，批放行周期缩短到3个工作日" → the latter).
    const measurable: Array<{ text: string; refs: number[] }> = [];
    // A target the intake's own checks found impossible or wrong (时延低于物理下限) is no benefit to promise.
    const flagged = new Set(u.findings.filter((f) => f.check === 'latency-physics' || f.check === 'unknown-standard').map((f) => f.line));
    for (const g of [...(u.model.mainGoal ? [u.model.mainGoal] : []), ...u.model.secondaryGoals]) {
      if (g.refs.some((r) => flagged.has(r))) continue;
      // Costs, certifications and capacity (并发1万) are requirements, not benefits.
      if (REQUIREMENT_GOAL.test(g.text)) continue;
      // A target of zero is measured too ("安全事故为零", "零丢信"), though it holds no figure: after one that does.
      const clauses = goalClauses(g.text).filter((c) => !holdsAny(c, ['上线', '建成', '接入全部']) && !(raised && c.includes(raised.word)));
      const clause = clauses.find(measures) ?? clauses.find((c) => ZERO_TARGET.test(c));
      if (!clause) continue;
      // The main goal and the success measure often say one target twice ("产销差率降到12%").
      const { text, line } = withBaseline(u, clip(clause, 30));
      const refs = line === undefined || g.refs.includes(line) ? g.refs : [...g.refs, line].sort((a, b) => a - b);
      const same = measurable.find((x) => x.text === text);
      if (same) same.refs.push(...refs.filter((r) => !same.refs.includes(r)));
      else if (measurable.length < 3) measurable.push({ text, refs: [...refs] });
    }
    // Nothing measurable: the main goal's outcome itself (高频事项“免提交、一次办”).
    const main = u.model.mainGoal;
    if (measurable.length === 0 && main && !main.refs.some((r) => flagged.has(r))) {
      const outcome = goalClauses(main.text)[0] ?? '';
      // An outcome, not the thing the goal builds ("统一身份认证与单点登录平台", "建设安全生产信息化平台（EHS）"): that is no benefit to measure.
      if (outcome.length >= 4 && !BUILDS.test(outcome) && !/(平台|系统)$/.test(dropTrailingAside(outcome))) measurable.push({ text: clip(outcome, 30), refs: main.refs });
    }
    // Money the customer stated is said above (a loss with no share of it the goals cut): it is not asked for again.
    const ask = out.length === 0 ? '金额收益待客户提供损失或现有支出后测算。' : '';
    if (measurable.length > 0) out.push({ text: `按客户自己的目标衡量：${measurable.map((g) => g.text).join('；')}。${ask}`, refs: measurable.flatMap((g) => g.refs) });
  }
  return out;
}

/** A yearly licence or maintenance bill the customer names ("Oracle许可与维保每年约1800万", "VMware续约报价每年620万"). */
const LICENCE_BILL = /许可|维保|授权|订阅|续约|续费|License/i;
const YEARLY = /每年|年度|一年|\/年|年费/;
/** A bill that rises: the amount after it is what renewing would cost ("从每年180万涨到620万"). */
const RISES_TO = /(?:涨到|涨至|上涨到|增至|增加到|提高到|提高至)/;

/**
 * Replacing the databases or the virtualisation platform, the licence and maintenance the
 * customer pays for the old ones each year ends with the last cutover: the yearly saving, from the
 * customer's own figure (a renewal that rises counts at what it rises to).
 */
export function licenceEnded(u: Understanding, currency: string): Costs['benefits'] {
  const ends = licenceEndOf(u);
  if (!ends) return [];
  for (const f of u.usable) {
    if ((f.section !== '当前痛点' && f.section !== '核心目标') || !LICENCE_BILL.test(f.value) || !YEARLY.test(f.value)) continue;
    // The line is about a bill: "1800万" is money without a sign.
    const rise = RISES_TO.exec(f.value);
    const m = (rise ? findMoney(f.value.slice(rise.index), { bare: true })[0] : undefined) ?? findMoney(f.value, { bare: true })[0];
    if (!m) continue;
    const yearly = inCurrency(m.amount, m.currency, currency);
    const text = formatAmount(yearly, currency);
    return [{ text: `${clip(f.value.split(/[，；。]/)[0] ?? f.value, 30)}：${ends.when}，每年约${text}（${ends.instead}）。`, refs: [f.line + 1], perYear: { low: yearly, high: yearly, currency, text } }];
  }
  return [];
}

/**
 * A goal that cuts a yearly spend by a share, and the spend the scale states: the cut (its share
 * in group 1), the spend's words, what the cut is called, and how the real saving is measured.
 */
interface SpendCut {
  cut: RegExp;
  base: RegExp;
  said: string;
  measured: string;
}

const SPEND_CUTS: readonly SpendCut[] = [
  // "采购降本3%", "采购成本降低2.5%" of "年采购额约180亿元".
  {
    cut: /采购[^，；。\d]{0,4}(?:降本|成本降低|成本下降|节约|节省)[^，；。\d]{0,4}(\d{1,2}(?:\.\d{1,2})?)\s?%/,
    base: /采购额|采购金额|采购支出|采购总额/,
    said: '降本',
    measured: '实际降幅以分品类寻源的结果核算',
  },
  // "单位产品综合能耗下降8%", "能源费用降低5%" of "年能源费用约2.2亿元".
  {
    cut: /(?:能耗|能源费用|能源成本|用能)[^，；。\d]{0,4}(?:下降|降低|减少|节约)[^，；。\d]{0,4}(\d{1,2}(?:\.\d{1,2})?)\s?%/,
    base: /能源费用|能源支出|能源成本|电费/,
    said: '节能',
    measured: '实际节能量按措施前后同口径的计量数据核算',
  },
];

/** Whether the scale states the spend a goal cuts by a share, so that its saving needs no baseline asked for. */
export function spendStated(u: Understanding, goal: string): boolean {
  return SPEND_CUTS.some((c) => c.cut.test(goal) && u.model.scale.figures.some((f) => c.base.test(f.text)));
}

/**
 * A goal's saving on a spend, from the customer's own figures: the share a goal cuts ("采购降本3%",
 * "单位产品综合能耗下降8%") of the yearly spend the scale states ("年采购额约180亿元", "年能源费用约2.2亿元").
 */
export function spendCut(u: Understanding, currency: string): Costs['benefits'] {
  const goals = [...(u.model.mainGoal ? [u.model.mainGoal] : []), ...u.model.secondaryGoals];
  for (const c of SPEND_CUTS) {
    const goal = goals.find((g) => c.cut.test(g.text));
    const base = u.model.scale.figures.find((f) => c.base.test(f.text));
    if (!goal || !base) continue;
    const share = Number(c.cut.exec(goal.text)![1]) / 100;
    const spend = findMoney(base.text, { bare: true })[0];
    if (!spend || !(share > 0)) continue;
    const yearly = inCurrency(spend.amount, spend.currency, currency) * share;
    const text = formatAmount(yearly, currency);
    return [{ text: `按${clip(base.text, 20)}、${c.said}${round(share * 100, 2)}%计，每年约${text}；${c.measured}。`, refs: [...goal.refs, ...base.refs], perYear: { low: yearly, high: yearly, currency, text } }];
  }
  return [];
}

/** Yearly cost of one person (万元, CNY), salary with social insurance: an assumption the report states. */
const STAFF_COST_WAN: [number, number] = [20, 30];

/** "接口运维人力从6人降到3人" → 3 people freed, with the phrase; also "减少2人", "节省3名". */
function staffFreed(text: string): { people: number; phrase: string } | undefined {
  const figures = findFigures(text).filter((f) => f.unit === '人' || (f.unit === '' && /^名/.test(text.slice(f.end))));
  if (figures.length === 2 && /降|减|压缩/.test(text.slice(figures[0]!.end, figures[1]!.start))) {
    const people = figures[0]!.value - figures[1]!.value;
    if (people > 0 && people < 1000) return { people, phrase: `${clip(text, 30)}（减少${people}人）` };
  }
  if (figures.length === 1 && /(?:减少|节省|释放|精简)\s{0,1}$/.test(text.slice(Math.max(0, figures[0]!.start - 3), figures[0]!.start))) {
    const people = figures[0]!.value;
    if (people > 0 && people < 1000) return { people, phrase: clip(text, 30) };
  }
  return undefined;
}

/**
 * The words that name a loss both in the pain that states its money and in the goal that cuts it
 * (the loss and its cause: 超卖, 空驶; or the loss itself: 报损, 罚款, 赔付).
 */
const LOSS_WORDS = ['超卖', '空驶', '货损', '索赔', '投诉', '停机', '非计划停车', '逾期', '打印', '报损', '损耗', '罚款', '赔付', '拒付'];

/** What ties the money up, in the loss ("因放行周期长导致库存资金占用"): the process (group 1). */
const TIED_BY = /因([\u4e00-\u9fa5]{2,6}?)(?:周期|时间)(?:长|过长|偏长)/;
/** A goal's shorter cycle ("批放行周期缩短到3个工作日"): the days (group 1) and their unit (group 2). */
const CYCLE_TO = /(?:缩短到|缩短至|压缩到|压缩至|降到|降至)(\d{1,3})\s?(个工作日|工作日|天)/;

/**
 * A cycle the goal shortens, from today's length a pain states, for money the loss says that
 * cycle ties up: "因放行周期长…占用约¥4000万", "QA审核一批放行平均需要9个工作日" and
 * "批放行周期缩短到3个工作日" free 1 − 3/9 of it. Nothing without both lengths in one unit.
 */
function cycleCut(u: Understanding, lossText: string): { share: number; said: string; refs: number[] } | undefined {
  const process = TIED_BY.exec(lossText)?.[1];
  if (!process) return undefined;
  for (const g of [...(u.model.mainGoal ? [u.model.mainGoal] : []), ...u.model.secondaryGoals]) {
    const clause = goalClauses(g.text).find((c) => c.includes(process) && CYCLE_TO.test(c));
    const to = clause ? CYCLE_TO.exec(clause) : null;
    if (!to) continue;
    const [, target, unit] = to as unknown as [string, string, string];
    const pain = u.model.pains.find((p) => p.text.includes(process) && lengthIn(p.text, unit) !== undefined);
    const from = pain ? lengthIn(pain.text, unit)! : 0;
    if (!pain || !(from > Number(target))) continue;
    return { share: 1 - Number(target) / from, said: `${process}周期从${from}${unit}缩短到${target}${unit}`, refs: [...g.refs, ...pain.refs] };
  }
  return undefined;
}

const LENGTH = /(\d{1,3})\s?(个工作日|工作日|天)/g;

/** The first length in `text` in `unit` ("平均需要9个工作日" → 9; 工作日 and 个工作日 are one unit). */
function lengthIn(text: string, unit: string): number | undefined {
  const days = (u: string) => u.replace(/^个/, '');
  for (const m of text.matchAll(LENGTH)) if (days(m[2]!) === days(unit)) return Number(m[1]);
  return undefined;
}

/** An estimate to the nearest ¥10万 (of its currency's 万) from ¥100万 up: no false precision. */
function roundToTenWan(amount: number): number {
  return amount >= 1e6 ? Math.round(amount / 1e5) * 1e5 : amount;
}

function uniqueSorted(refs: readonly number[]): number[] {
  return [...new Set(refs)].sort((a, b) => a - b);
}

/** A reduction the customer's own figures imply: "降低30%", "下降一半", or a current→target pair (空驶率35%→20%). */
function reductionFor(u: Understanding, lossText: string): { low: number; high: number; basis: string; refs: number[] } | undefined {
  const goals = [...(u.model.mainGoal ? [u.model.mainGoal] : []), ...u.model.secondaryGoals];
  // Decommissioning what causes the cost removes all of it (下线AS/400 → no more MIPS growth).
  const main = u.model.mainGoal;
  if (main && /下线|替换|淘汰/.test(main.text) && /主机|MIPS|AS\/?400|小型机/.test(lossText) && /AS\/?400|主机|小型机/.test(main.text)) return { low: 1, high: 1, basis: '首要目标下线该主机', refs: main.refs };
  const keywords = LOSS_WORDS.filter((k) => lossText.includes(k));
  if (keywords.length === 0) return undefined;
  for (const g of goals) {
    // The goal names the same loss: "2024年报损约¥380万" with "报损降低50%".
    const keyword = keywords.find((k) => g.text.includes(k));
    if (!keyword) continue;
    if (/一半|减半/.test(g.text)) return { low: 0.5, high: 0.5, basis: '目标“减半”', refs: g.refs };
    // A target of none ("逾期损失清零") is rarely met in full: counted at 80%–100% of it.
    if (/清零|归零|杜绝/.test(g.text)) return { low: 0.8, high: 1, basis: '目标“清零”（按达成80%–100%）', refs: g.refs };
    const pct = /(?:降低|减少|下降)(\d{1,2})\s{0,1}%/.exec(g.text);
    if (pct) return { low: Number(pct[1]) / 100, high: Number(pct[1]) / 100, basis: `目标降低${pct[1]}%`, refs: g.refs };
    // current (in a pain) → target (in the goal), same metric word.
    const target = findFigures(g.text).find((f) => f.unit === '%');
    const pain = u.model.pains.find((p) => p.text.includes(keyword));
    const current = pain ? findFigures(pain.text).find((f) => f.unit === '%') : undefined;
    if (target && current && target.value < current.value) {
      const r = 1 - target.value / current.value;
      return { low: r * 0.8, high: r, basis: `${keyword}率从${current.value}%降到${target.value}%（按目标达成的80%–100%）`, refs: [...g.refs, ...(pain?.refs ?? [])] };
    }
  }
  return undefined;
}

/** A rate of money collected that a goal raises: 收缴率, 回款率, 收费率, 缴费率, 回收率 (the word, group 1), to a target (group 2). */
const COLLECTION_RATE_TARGET = /(收缴率|回款率|收费率|缴费率|回收率)[^，；。\d]{0,8}(?:提升|提高|达到|升)[^，；。\d]{0,3}(\d{2}(?:\.\d)?)\s?%/;
/** The yearly amount billed that such a rate is a share of (年应收物业费约3.2亿元, 年物业费收入). */
const BILLED = /应收|物业费收入|年收费|年账单/;

/**
 * A collection rate raised from the pain's figure to the goal's ("收缴率只有82%" → "收缴率提升到92%"):
 * each point more collected is a point of what is billed. Worked into money when the scale states
 * the yearly amount billed; otherwise said as the share, with the figure to ask for.
 */
function rateRaised(u: Understanding, currency: string): { benefit: Costs['benefits'][number]; word: string } | undefined {
  const goals = [...(u.model.mainGoal ? [u.model.mainGoal] : []), ...u.model.secondaryGoals];
  for (const g of goals) {
    const target = COLLECTION_RATE_TARGET.exec(g.text);
    if (!target) continue;
    const word = target[1]!;
    const to = Number(target[2]);
    const now = rateNow(u, word);
    if (now === undefined || !(to > now.value) || to > 100) continue;
    const from = now.value;
    const points = round(to - from, 1);
    const refs = [...g.refs, now.line];
    const base = u.model.scale.figures.find((f) => BILLED.test(f.text));
    const billed = base ? findMoney(base.text, { bare: true })[0] : undefined;
    const said = `${word}从${from}%提升到${to}%`;
    if (billed) {
      const yearly = (inCurrency(billed.amount, billed.currency, currency) * points) / 100;
      const text = formatAmount(yearly, currency);
      return { word, benefit: { text: `${said}，按${clip(base!.text, 20)}计，每年多收回约${text}（${points}个百分点）；实际增收按上线后各项目的实收核算。`, refs: [...refs, ...base!.refs], perYear: { low: yearly, high: yearly, currency, text } } };
    }
    return { word, benefit: { text: `${said}：每年多收回的款项相当于年应收额的${points}个百分点（实收增加约${round(((to - from) / from) * 100, 0)}%）；调研表未给出年应收额，客户提供后即可折算为金额。`, refs } };
  }
  return undefined;
}
