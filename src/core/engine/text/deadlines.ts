/**
 * How a goal dates itself by the calendar: "2027年底前", "2026年6月底前", "2027年3月前". One grammar
 * for reading the deadline (understand/goals.ts) and for cutting it off a goal's text (restate.ts),
 * so that a form one of them accepts the other accepts too.
 *
 * The patterns are plain strings, not String.raw templates: the production build writes every
 * string outside a regular-expression literal in ASCII escapes, which a raw template cannot take.
 */

import { CN_NUMBERS } from '../../text/chineseNumerals';

/** The date: year, month and 底/末 (groups 1–3). */
const CALENDAR_DATE = '(20\\d{2})\\s?年\\s?(?:(\\d{1,2})\\s?月)?(底|末)?';
/**
 * 前, 之前 or 以前 after the date, or after what falls due then: "2027年3月VMware到期前",
 * "2026年9月合同截止前" (group 4). The subject between holds no digit and no clause break.
 */
const BEFORE = '(前|之前|以前|[^，；。,;\\d]{0,12}?(?:到期|截止)(?:前|之前|以前))';

/** How many years a deadline counts: the "2" of "2年", the "1.5" of "1.5年内". */
const YEAR_COUNT = '\\d{1,2}(?:\\.5)?';

/** A deadline counted in years, not a year of the calendar (年度, 年前, 年底, 年初): the count (group 1). */
export const YEARS = new RegExp(`(${YEAR_COUNT})\\s?年(?!度|前|底|初)`);

/**
 * A deadline counted in Chinese numerals, always with 内 ("一年内", "半年内", "一年半以内", "三个月内"):
 * the count (group 1), the unit, 年 or 个月, with 半 for a half more (group 2). Without 内 such a
 * count is too often no deadline ("一年一度", "三个月的数据").
 */
export const CHINESE_COUNT_DEADLINE = /(二十四|十[一二八]|[半一二两三四五六七八九十])(个月|年半?)(?:之|以)?内/;

/** The counts CHINESE_COUNT_DEADLINE reads: the one-character numerals, with 半 and the month counts of two or three. */
const CHINESE_NUMBERS: Readonly<Record<string, number>> = { ...CN_NUMBERS, 半: 0.5, 十一: 11, 十二: 12, 十八: 18, 二十四: 24 };

/** The months of a CHINESE_COUNT_DEADLINE match: 12 for "一年内", 18 for "一年半内", 6 for "半年内". */
export function chineseCountMonths(m: RegExpExecArray): number {
  const n = CHINESE_NUMBERS[m[1]!] ?? 0;
  return m[2] === '个月' ? n : Math.round((n + (m[2] === '年半' ? 0.5 : 0)) * 12);
}

/** A date by the calendar anywhere in a text, its "before" optional: year, month, 底/末, before (groups 1–4). */
export const BY_DATE = new RegExp(`${CALENDAR_DATE}${BEFORE}?`);

/**
 * A goal's leading deadline, by a count of months or years (YEARS: as understand/goals.ts reads them) or by
 * the calendar: "18个月内（建成）", "2年内（建成）", "1.5年内", "一年内", "2027年底前（完成）", after
 * what comes before it in the clause (group 1), and the verb it takes along (group `verb`).
 */
const LEADING_DEADLINE = new RegExp(`^([^，；]{0,12}?)(?:\\d{1,2}个?月内|${YEAR_COUNT}\\s?年内|${CHINESE_COUNT_DEADLINE.source}|${CALENDAR_DATE}${BEFORE})[）)]?(?<verb>实现|完成|达成|建成)?`);

/**
 * What comes before a deadline that goes with it: a word of intent ("在6个月内", "力争"), or an
 * occasion the deadline dates ("下学期开学前（6个月内）"). Anything else is the clause's subject
 * ("主要接口半年内迁移到平台"), which stays.
 */
const WITH_THE_DEADLINE = /^(?:在|于|力争|争取|计划|预计|要求|目标)?$|前[（(]?$/;

/** A goal's clause without its leading deadline, its subject kept: "主要接口半年内迁移到平台" → "主要接口迁移到平台". */
export function withoutLeadingDeadline(text: string): string {
  return text.replace(LEADING_DEADLINE, (_whole, before: string) => (WITH_THE_DEADLINE.test(before) ? '' : before));
}

/**
 * The verb a goal's leading deadline takes with it ("18个月内建成PLM平台" → "建成"), where the
 * clause then starts with what is built: a lead that writes the deadline back before the clause
 * writes the verb back too ("18个月内建成PLM平台", not "18个月内PLM平台"). Empty otherwise.
 */
export function leadingDeadlineVerb(text: string): string {
  const m = LEADING_DEADLINE.exec(text);
  return m && WITH_THE_DEADLINE.test(m[1] ?? '') ? (m.groups?.verb ?? '') : '';
}
