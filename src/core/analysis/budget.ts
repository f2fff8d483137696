/**
 * Budget checks over the [预算限制] section.
 *
 * budget-sum (error): an allocation's percentages do not add up to 100%. An allocation is
 *  - a line introduced as one (`分配比例：…`, `预算分配`, `占比`, a key like 分配比例) together with
 *    the lines nested under it (`- 分配比例：` + `  - 云资源采购 40%` …), taking the percentages
 *    after the introducing word; or
 *  - any other line with two or more percentages (`初期建设60% vs 持续运维40%`).
 *  Percentages that are targets or modifiers rather than shares (`降低20%`, `不超过10%`,
 *  `利用率70%`) are ignored, and payment terms (付费偏好) are not allocations. One percentage alone
 *  is not an allocation (the rest may be implied).
 *
 * budget-exceeds (error): a budget item is larger than the total. The total is the amount of
 * 总预算 (or an amount labelled 总预算/预算总额/合计…); items are the other labelled amounts of the
 * section (`初期建设$70万`). Amounts in brackets or introduced by 其中/含 are sub-items and are not
 * compared. Both sides are put on the same basis first:
 *  - the term is the total's own years (`$180万（含3年服务费）`), else a term stated in the section
 *    (`3年订阅制`, `3年框架协议`), else one year;
 *  - a per-year amount (`/年`, `每年`) counts once per year of the term, `/季度` four times, `/月`
 *    twelve times; any other amount counts once.
 *  So `$120万/年` with `3年订阅制` is a $360万 envelope and `初期建设$70万` fits; with no term the
 *  one-off item is compared with one year's budget. When two or more items are given and the
 *  basis is unambiguous (a known term, or all items of the total's kind), their sum is compared
 *  too. Amounts in different explicit currencies are never compared (no exchange rates).
 */
import { Codes } from '../diagnostics';
import type { Range } from '../document';
import { msg, type Message } from '../l10n';
import { findingsRunner, joinExtracts, type AnalysisFinding, type CheckRunner } from './finding';
import { moveRange } from '../lineRange';
import { CLAUSE_SEPARATOR, descendants, formatCompact, hasDigit, hasPercentSign, hasText, lineLabel, type AnalysisLine } from '../facts/lines';
import { findMoney, findPercents, formatMoney, moneyStyle, parseYearCount, type Money, type Percent } from '../facts/money';
import { clauseLocator } from '../text/clauses';

export const BUDGET_SECTION = '预算限制';
const PAYMENT_FIELD = '付费偏好';
const ALLOCATION_FIELD = '分配比例';

const ALLOCATION_HEAD = /分配比例|预算分配|资金分配|分配|占比|比例|构成|拆分|allocation|split/gi;
const ALLOCATION_KEY = /分配|占比|比例|构成|拆分|allocation|split/i;
/** Words just before a percentage that make it a target or a modifier, not a share. */
const MODIFIER_BEFORE = /(?:降低|减少|节省|节约|提升|提高|增长|增加|上涨|上浮|下降|下调|下浮|优化|折扣|打折|超过|不超过|不低于|不少于|至少|最多|以内|覆盖率|利用率|达到|达|毛利率?|ROI|收益|回报|税率?|利率|年化|同比|环比|浮动|误差|[<>≤≥＜＞]=?)[^，,；;。、%％\d]{0,6}$/i;
/** Words just after a percentage that make it a bound, not a share. */
const MODIFIER_AFTER = /^[ \t]*(?:以上|以下|以内|之内|左右|折|\+)/;

const TOTAL_LABEL = /总预算|预算总额|总投资|总投入|总金额|总费用|预算上限|总计|合计|共计|总额|total|^预算$|^预算[为是约]?$/i;
const SUBITEM_LABEL = /^(?:其中|含|包括|包含|内含|另含)/;
const NOT_SPEND = /降低|减少|节省|节约|收益|回报|ROI|损失|营收|收入|利润|单价|罚|赔|溢价|超支|节支|估值|市值/i;
const TERM = /(?<![\d第])(\d{1,2}|[一二两三四五六七八九十])[ \t]*年(?:期)?[ \t]*(?:的[ \t]*)?(?:订阅|框架|合同|合约|服务期|服务费|期限|租期|承诺|许可|授权|托管)/;

function inBudget(line: AnalysisLine): boolean {
  return line.section === BUDGET_SECTION && hasText(line);
}

function isPayment(line: AnalysisLine): boolean {
  return line.fieldPath.includes(PAYMENT_FIELD);
}

/** What {@link sharePercents} gives for the many lines without a percentage: one list, shared and never changed. */
const NO_PERCENTS: readonly Percent[] = Object.freeze([]);

/** The percentages of a line from `from` on that are shares of an allocation. */
function sharePercents(line: AnalysisLine, from: number): readonly Percent[] {
  // Most lines have no percentage at all.
  if (!hasPercentSign(line.text)) return NO_PERCENTS;
  const clauseAt = clauseLocator(line.text, CLAUSE_SEPARATOR);
  return findPercents(line.text, { line: line.line, character: line.character }).filter((p) => {
    if (p.start < from || p.value <= 0 || p.value > 100) return false;
    const clauseStart = clauseAt(p.start).start;
    const before = line.text.slice(Math.max(from, clauseStart, p.start - 12), p.start - (p.bracketed ? 1 : 0));
    if (MODIFIER_BEFORE.test(before)) return false;
    if (MODIFIER_AFTER.test(line.text.slice(p.end + (p.bracketed ? 1 : 0)))) return false;
    return true;
  });
}

interface AllocationGroup {
  percents: Array<{ p: Percent; line: AnalysisLine }>;
}

function allocationGroups(lines: readonly AnalysisLine[]): AllocationGroup[] {
  const groups: AllocationGroup[] = [];
  // Made with the first allocation head (most sections have none).
  let consumed: Set<AnalysisLine> | undefined;
  for (const line of lines) {
    if (line.section !== BUDGET_SECTION) continue;
    // A line without a percentage and without lines under it takes part in no allocation.
    if (line.children.length === 0 && !hasPercentSign(line.text)) continue;
    if (!inBudget(line) && line.children.length === 0) continue;
    if (consumed?.has(line) || isPayment(line)) continue;
    const keyIsHead = line.key !== undefined && (line.fieldPath[line.fieldPath.length - 1] === ALLOCATION_FIELD || ALLOCATION_KEY.test(line.key));
    let headEnd = -1;
    if (!keyIsHead) {
      ALLOCATION_HEAD.lastIndex = 0;
      for (let m = ALLOCATION_HEAD.exec(line.text); m; m = ALLOCATION_HEAD.exec(line.text)) headEnd = m.index + m[0].length;
    }
    if (keyIsHead || headEnd >= 0) {
      // The shares follow the introducing word; when none do ("…60% vs 40%（分配比例）"), take the whole line.
      const afterHead = keyIsHead ? NO_PERCENTS : sharePercents(line, headEnd);
      const group: AllocationGroup = { percents: [] };
      addShares(group, afterHead.length === 0 ? sharePercents(line, 0) : afterHead, line);
      consumed ??= new Set();
      for (const d of descendants(line)) {
        consumed.add(d);
        if (!isPayment(d)) addShares(group, sharePercents(d, 0), d);
      }
      groups.push(group);
      continue;
    }
    const own = sharePercents(line, 0);
    if (own.length >= 2) {
      const group: AllocationGroup = { percents: [] };
      addShares(group, own, line);
      groups.push(group);
    }
  }
  return groups.filter((g) => g.percents.length >= 2);
}

/** Adds the shares of `line` to the group (a loop, not a closure over the line, which would cost each line a context). */
function addShares(group: AllocationGroup, shares: readonly Percent[], line: AnalysisLine): void {
  for (const p of shares) group.percents.push({ p, line });
}

/** An allocation is a line and the lines under it, so never spans sections: each section's findings are its own. */
export const budgetSumRunner: CheckRunner<readonly AnalysisFinding[]> = findingsRunner(['budget-sum'], budgetSums);

function budgetSums(lines: readonly AnalysisLine[]): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const group of allocationGroups(lines)) {
    const sum = group.percents.reduce((s, x) => s + x.p.value, 0);
    if (Math.abs(sum - 100) <= 0.05) continue;
    const first = group.percents[0]!;
    const last = group.percents[group.percents.length - 1]!;
    const range: Range = { start: first.p.range.start, end: last.p.range.end };
    const list = group.percents.map((x) => x.p.text.replace(/[ \t]/g, '').replace('％', '%')).join(' + ');
    out.push({
      check: 'budget-sum',
      code: Codes.budgetSum,
      severity: 'error',
      message: msg('The budget allocation adds up to {0}% ({1}), not 100%.', formatCompact(sum, 2), list),
      range,
      lines: unique(group.percents.map((x) => x.line.line)),
      numbers: { sum: round2(sum), percentages: group.percents.map((x) => x.p.value).join('+'), count: group.percents.length },
    });
  }
  return out;
}

interface BudgetAmount {
  money: Money;
  label: string;
  /** The 0-based document line. */
  line: number;
}

/** The budget section's amounts, and the term it states first. */
interface Amounts {
  totals: BudgetAmount[];
  items: BudgetAmount[];
  term?: number;
}

/** Is `at` inside a bracket opened earlier in the clause and not closed before `at`? */
/** Longest label an amount takes from the text before it. */
const LABEL_REACH = 200;

/**
 * Whether a position is inside a bracket opened in its clause, for positions asked in increasing
 * order: the count carries on from the last position asked (and starts over with a new clause).
 */
class BracketDepth {
  private clauseStart = -1;
  private at = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  inside(clauseStart: number, at: number): boolean {
    if (clauseStart !== this.clauseStart || at < this.at) {
      this.clauseStart = clauseStart;
      this.at = clauseStart;
      this.depth = 0;
    }
    for (; this.at < at; this.at++) {
      const c = this.text[this.at];
      if (c === '(' || c === '（') this.depth++;
      else if ((c === ')' || c === '）') && this.depth > 0) this.depth--;
    }
    return this.depth > 0;
  }
}

const LABEL_LEAD = /^[\s\-–—:：]+/;
const LABEL_TRAIL = /[\s:：为是约达]/;

function cleanLabel(s: string): string {
  const text = s.replace(/\*\*/g, '').replace(LABEL_LEAD, '');
  // The trailing connectors by a scan: `[…]+$` would retry from every blank of a long run.
  let end = text.length;
  while (end > 0 && LABEL_TRAIL.test(text[end - 1]!)) end--;
  return text.slice(0, end).trim();
}

/**
 * The extract of every section without budget amounts (all but the budget section), shared:
 * each section's extract lives as long as its analysis. Frozen, as extracts are never changed.
 */
const NO_AMOUNTS: Amounts = { totals: [], items: [] };
Object.freeze(NO_AMOUNTS.totals);
Object.freeze(NO_AMOUNTS.items);
Object.freeze(NO_AMOUNTS);

/** The amounts of the lines, line by line (so those of several runs of lines are those of each, one after the other). */
function collectAmounts(lines: readonly AnalysisLine[]): Amounts {
  const totals: BudgetAmount[] = [];
  const items: BudgetAmount[] = [];
  let term: number | undefined;
  for (const line of lines) {
    if (!inBudget(line)) continue;
    // Only the first term counts, and every term has a 年.
    if (term === undefined && line.text.includes('年')) {
      const termMatch = TERM.exec(line.text);
      if (termMatch) term = parseYearCount(termMatch[1]!);
    }
    // Every amount has a digit.
    if (isPayment(line) || !hasDigit(line.text)) continue;
    lineAmounts(line, totals, items);
  }
  if (totals.length === 0 && items.length === 0 && term === undefined) return NO_AMOUNTS;
  const result: Amounts = { totals, items };
  if (term !== undefined) result.term = term;
  return result;
}

/**
 * The amounts of one line, as totals or items. A function of its own: the loop above would
 * otherwise allocate a context for each line, for the closure below, whether it reads it or not.
 */
function lineAmounts(line: AnalysisLine, totals: BudgetAmount[], items: BudgetAmount[]): void {
  const amounts = findMoney(line.text, { origin: { line: line.line, character: line.character }, bare: true });
  if (amounts.length === 0) return;
  // A line can hold thousands of amounts in one clause: what is per clause is worked out once,
  // the bracket depth carries on from the previous amount, and a label is at most LABEL_REACH
  // characters (all of it was rescanned for every amount, quadratic).
  const clauseAt = clauseLocator(line.text, CLAUSE_SEPARATOR);
  const brackets = new BracketDepth(line.text);
  const notSpend = new Map<number, boolean>();
  amounts.forEach((money, i) => {
    const clause = clauseAt(money.start);
    if (brackets.inside(clause.start, money.start)) return;
    const label = cleanLabel(line.text.slice(Math.max(clause.start, money.start - LABEL_REACH), money.start));
    if (SUBITEM_LABEL.test(label)) return;
    const keyIsTotal = line.key !== undefined && (line.fieldPath[line.fieldPath.length - 1] === '总预算' || /预算|budget/i.test(line.key));
    if (TOTAL_LABEL.test(label) || (label === '' && i === 0 && keyIsTotal)) {
      totals.push({ money, label: label || lineLabel(line), line: line.line });
      return;
    }
    let spendless = notSpend.get(clause.start);
    if (spendless === undefined) notSpend.set(clause.start, (spendless = NOT_SPEND.test(line.text.slice(clause.start, clause.end))));
    if (spendless) return;
    const after = cleanLabel(line.text.slice(money.end, clause.end).replace(/^[（(][^）)]*[）)]/, ''));
    items.push({ money, label: label || after || lineLabel(line), line: line.line });
  });
}

/** The amount over the whole term. */
function overTerm(m: Money, years: number): number {
  const n = m.years ?? years;
  if (m.period === 'year') return m.amount * n;
  if (m.period === 'quarter') return m.amount * 4 * n;
  if (m.period === 'month') return m.amount * 12 * n;
  return m.amount;
}

function recurring(m: Money): boolean {
  return m.period !== undefined;
}

/** The check in two steps: each section's amounts, then the comparison over all of them. */
export const budgetExceedsRunner: CheckRunner<Amounts> = {
  checks: ['budget-exceeds'],
  extract: collectAmounts,
  // Only the budget section has amounts (the others' extract is NO_AMOUNTS): often one part is all there is.
  combine: (parts) => exceeds(parts.length === 1 ? parts[0]! : joinExtracts(parts, NO_AMOUNTS, joinAll)),
  move: moveAmounts,
};

function joinAll(parts: readonly Amounts[]): Amounts {
  const out: Amounts = { totals: [], items: [] };
  for (const p of parts) {
    for (const x of p.totals) out.totals.push(x);
    for (const x of p.items) out.items.push(x);
    // The term the first line stating one states.
    if (out.term === undefined && p.term !== undefined) out.term = p.term;
  }
  return out;
}

function moveAmounts(a: Amounts, lines: number): Amounts {
  if (lines === 0) return a;
  const move = (x: BudgetAmount): BudgetAmount => ({ money: { ...x.money, range: moveRange(x.money.range, lines) }, label: x.label, line: x.line + lines });
  const out: Amounts = { totals: a.totals.map(move), items: a.items.map(move) };
  if (a.term !== undefined) out.term = a.term;
  return out;
}

function exceeds({ totals, items, term }: Amounts): AnalysisFinding[] {
  const total = totals[0];
  if (!total || items.length === 0) return [];
  const T = total.money;
  // The term: the total's own years, another total's years (`3年合计$360万`), the section's stated term.
  const years = T.years ?? totals.find((x) => x.money.years !== undefined && !recurring(x.money))?.money.years ?? term;
  const n = years ?? 1;
  const style = moneyStyle(T);
  const fmt = (amount: number) => formatMoney(amount, T.currency, style);
  const totalTerm = overTerm(T, n);
  const comparable = items.filter((it) => !(it.money.currencyExplicit && T.currencyExplicit && it.money.currency !== T.currency));
  const out: AnalysisFinding[] = [];
  for (const it of comparable) {
    const P = it.money;
    const partTerm = overTerm(P, n);
    if (partTerm <= totalTerm * (1 + 1e-9)) continue;
    const normalized = partTerm !== P.amount || totalTerm !== T.amount;
    let message: Message;
    if (n === 1 && recurring(T) && !recurring(P)) message = msg('{0} {1} is more than the total budget {2} for a whole year.', it.label, P.text, T.text);
    else if (!normalized) message = msg('{0} {1} is more than the total budget {2}.', it.label, P.text, T.text);
    else message = msg('{0} {1} comes to {2} over {3} years, more than the total budget {4} ({5} over {3} years).', it.label, P.text, fmt(partTerm), n, T.text, fmt(totalTerm));
    out.push({
      check: 'budget-exceeds',
      code: Codes.budgetExceeds,
      severity: 'error',
      message,
      range: P.range,
      lines: unique([it.line, total.line]),
      numbers: { item: it.label, itemAmount: P.amount, itemOverTerm: round2(partTerm), total: T.amount, totalOverTerm: round2(totalTerm), years: n, currency: T.currency },
    });
  }
  if (out.length > 0 || comparable.length < 2) return out;
  // The sum, when the basis is unambiguous.
  const sameKind = comparable.every((it) => recurring(it.money) === recurring(T));
  if (years === undefined && !sameKind) return out;
  const sum = comparable.reduce((s, it) => s + overTerm(it.money, n), 0);
  if (sum <= totalTerm * (1 + 1e-9)) return out;
  const list = comparable.map((it) => `${it.label} ${it.money.text}`).join(' + ');
  const normalized = comparable.some((it) => overTerm(it.money, n) !== it.money.amount) || totalTerm !== T.amount;
  const message = normalized
    ? msg('The budget items add up to {0} over {1} years ({2}), more than the total budget {3} ({4} over {1} years).', fmt(sum), n, list, T.text, fmt(totalTerm))
    : msg('The budget items add up to {0} ({1}), more than the total budget {2}.', fmt(sum), list, T.text);
  out.push({
    check: 'budget-exceeds',
    code: Codes.budgetExceeds,
    severity: 'error',
    message,
    range: T.range,
    lines: unique([total.line, ...comparable.map((it) => it.line)]),
    numbers: { itemsOverTerm: round2(sum), items: comparable.length, total: T.amount, totalOverTerm: round2(totalTerm), years: n, currency: T.currency },
  });
  return out;
}

function unique(xs: number[]): number[] {
  return [...new Set(xs)];
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
