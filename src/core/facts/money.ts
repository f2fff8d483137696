/**
 * Money and percentages as presales intakes write them: `$120万/年`, `¥500万`, `500万元`,
 * `1.2亿`, `$1.5M`, `US$2,000,000`, `$180万（含3年服务费）`, `60%`, `（40%）`.
 *
 * Amounts are returned in base units (dollars, yuan…). A bare amount without a currency sign
 * (`1.2亿`) is only money when the caller says the context is monetary (`bare: true`) and it has a
 * 万/亿 magnitude; its currency is then a guess (CNY) and `currencyExplicit` is false.
 */
import { isAsciiDigit, isAsciiLetter, type Position, type Range } from '../document';
import { dropTrailingZeros, formatCompact } from './lines';
import { CN_NUMBERS } from '../text/chineseNumerals';

export type Currency = 'USD' | 'CNY' | 'EUR' | 'GBP' | 'HKD' | 'SGD' | 'JPY';
type MoneyPeriod = 'year' | 'quarter' | 'month';

export interface Money {
  /** In base units: `$120万` → 1,200,000. */
  amount: number;
  currency: Currency;
  /** False when no currency sign or word was written (the currency is then assumed). */
  currencyExplicit: boolean;
  /** `/年`, `每年`, `per year`, `年均`: the amount recurs every year. */
  perYear: boolean;
  /** The recurrence when there is one (`/月` → month). */
  period?: MoneyPeriod;
  /** A number of years the amount covers or recurs over: `（含3年服务费）`, `/3年`, `3年合计`. */
  years?: number;
  /** The text matched (sign, number, magnitude, currency word, period). */
  text: string;
  /** [start, end) in the searched text. */
  start: number;
  end: number;
  /** The matched text's range, relative to the origin passed in (line 0, character 0 by default). */
  range: Range;
}

export interface Percent {
  value: number;
  /** The number and the % sign (`60%`), without surrounding brackets. */
  text: string;
  start: number;
  end: number;
  /** Whether the percentage was written in brackets: `(40%)`, `（40%）`. */
  bracketed: boolean;
  range: Range;
}

export interface FindMoneyOptions {
  /** Where the text starts in the document, for `range`. */
  origin?: Position;
  /** Accept `1.2亿`/`500万` without a currency (budget context). */
  bare?: boolean;
  /** Told of each amount too large to be read (see {@link MAX_AMOUNT}), which is then left out. */
  unreadable?: (text: string, start: number, end: number) => void;
}

/**
 * Largest amount read: beyond it (a run of hundreds of digits overflows to Infinity) the value
 * cannot be a budget, and printing it would give `$Infinity亿`.
 */
const MAX_AMOUNT = 1e15;

/**
 * Whether `text` may hold an amount {@link findMoney} finds too large to read: one whose number
 * has seven digits or more before its decimals (the largest magnitude, a billion, times a number
 * below 1,000,000 stays below {@link MAX_AMOUNT}). A scan for a run of digits and thousands
 * commas with seven digits in it, so the budget lines need not be read for money twice.
 */
export function mayHaveUnreadableAmount(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isAsciiDigit(c)) {
      if (++digits >= 7) return true;
    } else if (c !== 44 /* , */) digits = 0;
  }
  return false;
}

const PREFIXES: Array<[RegExp, Currency]> = [
  [/^(?:US\$|USD)$/i, 'USD'],
  [/^HK\$|^HKD$/i, 'HKD'],
  [/^S\$|^SGD$/i, 'SGD'],
  [/^(?:RMB|CNY|CN¥|人民币)$/i, 'CNY'],
  [/^(?:EUR|€)$/i, 'EUR'],
  [/^(?:GBP|£)$/i, 'GBP'],
  [/^(?:JPY|JP¥)$/i, 'JPY'],
  [/^[$＄]$/, 'USD'],
  [/^[¥￥]$/, 'CNY'],
];

const SUFFIXES: Array<[RegExp, Currency]> = [
  [/^(?:元人民币|元|块|人民币|RMB|CNY)$/i, 'CNY'],
  [/^(?:美元|美金|USD)$/i, 'USD'],
  [/^(?:欧元|EUR)$/i, 'EUR'],
  [/^(?:英镑|GBP)$/i, 'GBP'],
  [/^(?:港币|港元|HKD)$/i, 'HKD'],
  [/^(?:新加坡元|新元|SGD)$/i, 'SGD'],
  [/^(?:日元|JPY)$/i, 'JPY'],
];

const MAGNITUDES: Record<string, number> = {
  千: 1e3,
  万: 1e4,
  十万: 1e5,
  百万: 1e6,
  千万: 1e7,
  亿: 1e8,
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

/**
 * sign? number magnitude? currency-word? period?
 * The letter magnitudes (k, M, bn) must not run into a following letter (`$1.5Mbps` is not money);
 * the Chinese ones may (`100万USD`).
 */
const MONEY =
  /(US\$|HK\$|S\$|CN¥|JP¥|USD|HKD|SGD|RMB|CNY|EUR|GBP|JPY|人民币|[$＄¥￥€£])?[ \t]?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:[ \t]?(千万|百万|十万|万|亿|千|(?:million|billion|mn|bn|[kmb])(?![a-z])))?(?:[ \t]?(元人民币|人民币|美元|美金|欧元|英镑|港币|港元|新加坡元|新元|日元|元|块|USD|RMB|CNY|EUR|GBP|HKD|SGD|JPY)(?![a-z]))?(?:[ \t]*(?:\/|每|per[ \t]+)[ \t]*(年|yr|year|annum|季度|季|quarter|月|month)(?![a-z]))?/giy;

/** `3`, `三`, `十` → a number of years (1–30), else undefined. */
export function parseYearCount(s: string): number | undefined {
  const n = /^\d+$/.test(s) ? Number(s) : CN_NUMBERS[s];
  return n !== undefined && n >= 1 && n <= 30 ? n : undefined;
}

const YEARS_IN = /(?<![\d第])(\d{1,2}|[一二两三四五六七八九十])[ \t]*年(?!度)/;
/** Just before an amount: `每年`, `年均`, `年度`, `annual`, `yearly`. */
const PER_YEAR_BEFORE = /(?:每年|年均|年度|annual(?:ly)?|yearly|per[ \t]+year)[ \t:：]*(?:(?:预算|费用|投入|支出|为|约)[ \t:：]*)?$/i;

function periodOf(word: string | undefined): MoneyPeriod | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase();
  if (w === '年' || w === 'yr' || w === 'year' || w === 'annum') return 'year';
  if (w === '季度' || w === '季' || w === 'quarter') return 'quarter';
  if (w === '月' || w === 'month') return 'month';
  return undefined;
}

function currencyOf(table: Array<[RegExp, Currency]>, word: string | undefined): Currency | undefined {
  if (!word) return undefined;
  for (const [re, c] of table) if (re.test(word)) return c;
  return undefined;
}

function toRange(origin: Position, start: number, end: number): Range {
  return { start: { line: origin.line, character: origin.character + start }, end: { line: origin.line, character: origin.character + end } };
}

/** `[$＄¥￥€£]` */
function isCurrencySign(c: number): boolean {
  return c === 0x24 || c === 0xff04 || c === 0xa5 || c === 0xffe5 || c === 0x20ac || c === 0xa3;
}

/**
 * Whether an amount can start at a character `c` after `prev` (-1 at the start of the text): a
 * currency sign; a letter or 人 (a currency code, 人民币) not inside a word; a digit not inside a
 * number, a word or right after a sign.
 */
function canStartMoney(c: number, prev: number): boolean {
  if (isCurrencySign(c)) return true;
  if (isAsciiLetter(c) || c === 0x4eba /* 人 */) return !isAsciiLetter(prev);
  if (isAsciiDigit(c)) return !(isAsciiDigit(prev) || prev === 46 /* . */ || prev === 44 /* , */ || isAsciiLetter(prev) || isCurrencySign(prev));
  return false;
}

/** Every money amount in `text`, left to right. */
export function findMoney(text: string, options: FindMoneyOptions = {}): Money[] {
  const origin = options.origin ?? { line: 0, character: 0 };
  const out: Money[] = [];
  // Every amount has a digit.
  if (!/\d/.test(text)) return out;
  for (let i = 0; i < text.length; ) {
    // Only try at positions that can start a match: a sign, a currency code or a digit not inside a number/word.
    if (!canStartMoney(text.charCodeAt(i), i > 0 ? text.charCodeAt(i - 1) : -1)) {
      i++;
      continue;
    }
    MONEY.lastIndex = i;
    const m = MONEY.exec(text);
    if (!m || m[0].length === 0 || !m[2]) {
      i++;
      continue;
    }
    const [whole, sign, num, mag, word, per] = m;
    const end = i + whole.length;
    // A number followed by % (or by more digits) is not money.
    const next = text[end] ?? '';
    const magnitude = mag ? MAGNITUDES[mag.toLowerCase()] : 1;
    const prefixCurrency = currencyOf(PREFIXES, sign);
    const suffixCurrency = currencyOf(SUFFIXES, word);
    const explicit = prefixCurrency ?? suffixCurrency;
    const bareOk = options.bare === true && mag !== undefined && /^(?:千万|百万|十万|万|亿)$/.test(mag);
    if (/[%％\d]/.test(next) || magnitude === undefined || (!explicit && !bareOk) || (sign && !prefixCurrency)) {
      i += Math.max(1, (sign?.length ?? 0) + (num?.length ?? 1));
      continue;
    }
    // Trim a trailing blank the optional groups may have swallowed.
    let matchEnd = end;
    while (matchEnd > i && /[ \t]/.test(text.charAt(matchEnd - 1))) matchEnd--;
    const amount = Number(num.replace(/,/g, '')) * magnitude;
    if (!Number.isFinite(amount) || amount > MAX_AMOUNT) {
      options.unreadable?.(text.slice(i, matchEnd), i, matchEnd);
      i = matchEnd;
      continue;
    }
    const period = periodOf(per);
    const money: Money = {
      amount: Math.round(amount * 100) / 100,
      currency: explicit ?? 'CNY',
      currencyExplicit: explicit !== undefined,
      perYear: period === 'year',
      text: text.slice(i, matchEnd),
      start: i,
      end: matchEnd,
      range: toRange(origin, i, matchEnd),
    };
    if (period) money.period = period;
    if (!period && PER_YEAR_BEFORE.test(text.slice(Math.max(0, i - 12), i))) {
      money.perYear = true;
      money.period = 'year';
    }
    const years = yearsAround(text, i, matchEnd);
    if (years !== undefined) money.years = years;
    out.push(money);
    i = matchEnd;
  }
  return out;
}

/** The first money amount in `text`, if any. */
export function parseMoney(text: string, options: FindMoneyOptions = {}): Money | undefined {
  return findMoney(text, options)[0];
}

/**
 * Years attached to an amount: `/3年` right after it, a bracket right after it that names years
 * (`（含3年服务费）`, `(3年)`), or a lead-in just before it (`3年合计`, `3年总预算`, `三年共`).
 */
function yearsAround(text: string, start: number, end: number): number | undefined {
  const after = text.slice(end);
  const slash = /^[ \t]*\/[ \t]*(\d{1,2}|[一二两三四五六七八九十])[ \t]*年/.exec(after);
  if (slash) return parseYearCount(slash[1]!);
  const bracket = /^[ \t]*[（(]([^（()）]{0,24})[)）]/.exec(after);
  if (bracket) {
    const y = YEARS_IN.exec(bracket[1]!);
    if (y) return parseYearCount(y[1]!);
  }
  const before = text.slice(Math.max(0, start - 14), start);
  const lead = /(?<![\d第])(\d{1,2}|[一二两三四五六七八九十])[ \t]*年[ \t]*(?:期|内)?[ \t]*(?:总预算|总投入|总费用|总计|合计|共计|累计|总额|共|总|预算)?[ \t:：为约]*$/.exec(before);
  if (lead && lead[0].length > 0) return parseYearCount(lead[1]!);
  return undefined;
}

const PERCENT = /([（(][ \t]*)?(\d{1,3}(?:\.\d+)?)[ \t]?[%％]([ \t]*[)）])?/g;

/** Every percentage in `text`: `60%`, `(40%)`, `（40％）`, `12.5 %`. */
export function findPercents(text: string, origin: Position = { line: 0, character: 0 }): Percent[] {
  const out: Percent[] = [];
  PERCENT.lastIndex = 0;
  for (let m = PERCENT.exec(text); m; m = PERCENT.exec(text)) {
    const open = m[1] ?? '';
    const start = m.index + open.length;
    // Not the tail of a longer number (`1234%`) or of a version (`v4.60%`).
    if (!open && start > 0 && /[\d.]/.test(text.charAt(start - 1))) continue;
    const body = m[2]! + m[0].slice(open.length + m[2]!.length, m[0].length - (m[3]?.length ?? 0));
    const end = start + body.length;
    out.push({ value: Number(m[2]), text: body, start, end, bracketed: open.length > 0 && m[3] !== undefined, range: toRange(origin, start, end) });
  }
  return out;
}

/** `$120万` style when the source used 万, `$1,200,000` otherwise. */
export function formatMoney(amount: number, currency: Currency, style: 'wan' | 'plain' = 'plain'): string {
  const sign = ({ USD: '$', CNY: '¥', EUR: '€', GBP: '£', HKD: 'HK$', SGD: 'S$', JPY: 'JP¥' } as const)[currency];
  if (style === 'wan') {
    if (Math.abs(amount) >= 1e8) return `${sign}${trimDecimals(amount / 1e8, 2)}亿`;
    return `${sign}${trimDecimals(amount / 1e4, 2)}万`;
  }
  return `${sign}${formatCompact(amount, 2)}`;
}

function trimDecimals(n: number, decimals: number): string {
  return dropTrailingZeros(n.toFixed(decimals));
}

/** The display style of a written amount. */
export function moneyStyle(m: Money): 'wan' | 'plain' {
  return /[万亿]/.test(m.text) ? 'wan' : 'plain';
}
