/**
 * sla-conflict (warning): the availability an intake asks for and the downtime it tolerates
 * cannot both hold. Downtime allowed by availability a over a period is (1 − a) × period, with a
 * year of 365.25 days, a quarter of a quarter of that and a month of a twelfth (30.44 days):
 * 99.95% ≈ 21.9 min a month, 65.7 min a quarter, 4.38 h a year.
 *
 * What the intake states, found clause by clause anywhere in it:
 *  - availability: a percentage from 90 to 100 in a clause about SLA/可用性/availability/uptime
 *    (`SLA 99.95%`, `99.9%可用性`, the SLA field);
 *  - a downtime allowance: a duration with a period in a clause about 停机/宕机/中断/downtime, or in
 *    the 业务连续性要求 field (`允许最大停机时间<15分钟/季度`);
 *  - zero tolerance: 零容忍停机, 零停机, 不允许停机, zero downtime;
 *  - a recovery time (RTO): a duration in a clause about 恢复时间/RTO (`故障恢复时间<1小时`,
 *    `4小时恢复时间`).
 *
 * What counts as a conflict (each reported once per pair):
 *  1. availability vs allowance: the availability's downtime over the allowance's period is larger
 *     than the allowance (99.95% → 65.7 min/quarter > 15 min/quarter). Anchored at the availability.
 *  2. availability vs zero tolerance: any availability below 100% still budgets downtime, which
 *     zero tolerance does not accept; the message states how much. Anchored at the availability.
 *  3. availability vs RTO: the RTO is a per-incident bound and the SLA a per-period budget, so an
 *     RTO longer than a month's budget is normal (99.95% with 1 h is fine). It is a conflict only
 *     when one outage lasting the RTO exceeds even a whole year's budget (99.99% ≈ 52.6 min/year
 *     with a 4 h RTO): then the recovery target cannot deliver the SLA at all.
 *  4. RTO vs allowance: one outage lasting the RTO exceeds the allowance for its period
 *     (RTO 1 h vs <15分钟/季度). Anchored at the RTO.
 *  Zero tolerance vs an RTO is not reported: an RTO usually describes disaster recovery, which
 *  zero tolerance for routine downtime does not exclude.
 */
import { Codes } from '../diagnostics';
import { msg, type Message } from '../l10n';
import { joinExtracts, type AnalysisFinding, type CheckRunner } from './finding';
import { moveRange } from '../lineRange';
import { clauseAround, formatCompact, hasPercentSign, isBlank, lineLabel, spanRange, type AnalysisLine } from '../facts/lines';
import { findPercents } from '../facts/money';
import { isAsciiDigit, type Range } from '../document';

export type DowntimePeriod = 'year' | 'quarter' | 'month' | 'week' | 'day';
type DurationUnit = 's' | 'min' | 'h' | 'd';

const YEAR_MIN = 365.25 * 24 * 60;
const PERIOD_MINUTES: Record<DowntimePeriod, number> = {
  year: YEAR_MIN,
  quarter: YEAR_MIN / 4,
  month: YEAR_MIN / 12,
  week: 7 * 24 * 60,
  day: 24 * 60,
};

/** Downtime in minutes that availability `percent` allows over `period`. */
export function allowedDowntime(percent: number, period: DowntimePeriod): number {
  return ((100 - percent) / 100) * PERIOD_MINUTES[period];
}

interface Duration {
  minutes: number;
  unit: DurationUnit;
  start: number;
  end: number;
}

/**
 * A duration, with the comparison before it. A match starts at the comparison or at the number's
 * first digit (`(?<![\d.])`), never inside a run of digits or blanks: that keeps it linear on a
 * line of 100,000 digits.
 */
const DURATION = /(?:(?:[<≤＜]=?|不超过|不大于|低于|小于|少于|以内)[ \t]*)?(?<![\d.])(\d+(?:\.\d+)?)[ \t]*(分钟|min(?:ute)?s?|个?小时|hours?|hrs?|h|秒钟?|sec(?:ond)?s?|s|天|days?)(?![a-z])/gi;

function durations(text: string): Duration[] {
  const out: Duration[] = [];
  DURATION.lastIndex = 0;
  for (let m = DURATION.exec(text); m; m = DURATION.exec(text)) {
    // Not the tail of a token (`D4s_v3`, `c5.4xlarge`, `1.5`): a bare number must start a word.
    if (m.index > 0 && /[A-Za-z\d._]/.test(text.charAt(m.index - 1)) && m[0][0] === m[1]![0]) continue;
    const n = Number(m[1]);
    const u = m[2]!.toLowerCase();
    let unit: DurationUnit;
    if (u === '分钟' || u.startsWith('min')) unit = 'min';
    else if (u.endsWith('小时') || u.startsWith('h')) unit = 'h';
    else if (u.startsWith('秒') || u.startsWith('s')) unit = 's';
    else unit = 'd';
    const minutes = unit === 'min' ? n : unit === 'h' ? n * 60 : unit === 's' ? n / 60 : n * 1440;
    out.push({ minutes, unit, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const PERIOD_AFTER = /^[ \t]*(?:\/|每|per|一个?)[ \t]*(年|季度|季|月|周|天|日|year|quarter|month|week|day)/i;

function periodNear(clause: string, after: number): DowntimePeriod | undefined {
  const direct = PERIOD_AFTER.exec(clause.slice(after));
  const word = direct?.[1]?.toLowerCase();
  if (word) {
    if (word === '年' || word === 'year') return 'year';
    if (word.startsWith('季') || word === 'quarter') return 'quarter';
    if (word === '月' || word === 'month') return 'month';
    if (word === '周' || word === 'week') return 'week';
    return 'day';
  }
  if (/季度|每季|quarter/i.test(clause)) return 'quarter';
  if (/每月|月度|\/月|月停机|月累计|per[ \t]*month|monthly/i.test(clause)) return 'month';
  if (/每年|年度|全年|\/年|年停机|年累计|per[ \t]*year|annual|yearly/i.test(clause)) return 'year';
  if (/每周|\/周|per[ \t]*week|weekly/i.test(clause)) return 'week';
  if (/每天|每日|\/天|\/日|per[ \t]*day|daily/i.test(clause)) return 'day';
  return undefined;
}

const AVAILABILITY = /SLA|可用性|可用率|可用度|高可用|availability|uptime|在线率/i;
const DOWNTIME = /停机|宕机|中断|不可用|downtime|outage/i;
const CONTINUITY_FIELD = '业务连续性要求';
const ZERO = /零容忍停机|零停机|零宕机|零中断|不允许停机|不能停机|不可停机|0停机|停机[^，,；;。]{0,4}零容忍|zero[ \t-]*downtime/i;
/** A zero-tolerance statement is quoted from the key's colon or the previous clause break. */
const ZERO_CLAUSE_SEPARATOR = /[，,；;。：:]/;
const RTO = /RTO|故障恢复时间|恢复时间|恢复时长|恢复目标|recovery[ \t]*time|time[ \t]*to[ \t]*recover/i;

/** The statements of an intake; each one's line is its range's. */
interface Availability {
  percent: number;
  text: string;
  range: Range;
}

interface Allowance {
  minutes: number;
  unit: DurationUnit;
  period: DowntimePeriod;
  label: string;
  range: Range;
}

interface Recovery {
  minutes: number;
  unit: DurationUnit;
  label: string;
  range: Range;
}

interface ZeroTolerance {
  label: string;
  text: string;
  /** The clause the statement is in, for the message. */
  clause: string;
  range: Range;
}

interface Statements {
  availability: Availability[];
  allowances: Allowance[];
  recoveries: Recovery[];
  zero: ZeroTolerance[];
}

/** Clause separators for SLA text, `[，,；;。、+＋]`: also "+" (`SLA 99.95% + 上海本地驻场工程师`). */
function isSlaSeparator(c: number): boolean {
  return c === 0xff0c || c === 44 || c === 0xff1b || c === 59 || c === 0x3002 || c === 0x3001 || c === 43 || c === 0xff0b;
}

const DIGIT = 1;
/** A character every match of {@link ZERO} has: 零, 停 (of 停机), z or Z (of zero). */
const MAY_BE_ZERO = 2;

const ANY_DIGIT = /[0-9]/;
const ANY_ZERO_CHARACTER = /[零停zZ]/;

/**
 * What a line has: a digit, a character every zero tolerance has. Two searches for a character
 * class, which V8 runs over the string's characters directly and which stop at the first they
 * find, cost about half a loop over charCodeAt (a line is a slice of the document).
 */
function scan(text: string): number {
  return (ANY_DIGIT.test(text) ? DIGIT : 0) | (ANY_ZERO_CHARACTER.test(text) ? MAY_BE_ZERO : 0);
}

/**
 * Whether `c` can follow a number's last digit (after blanks) as the start of a {@link DURATION}
 * unit: 分, 个, 小, 秒, 天, or m, h, s, d in either case.
 */
function isUnitStart(c: number): boolean {
  if (c < 128) {
    const lower = c | 0x20;
    return lower === 109 /* m */ || lower === 104 /* h */ || lower === 115 /* s */ || lower === 100 /* d */;
  }
  return c === 0x5206 /* 分 */ || c === 0x4e2a /* 个 */ || c === 0x5c0f /* 小 */ || c === 0x79d2 /* 秒 */ || c === 0x5929 /* 天 */;
}

/** The sections that describe the customer's present, not what the project must achieve. */
const CURRENT_PAINS = '当前痛点';
const CURRENT_ESTATE = '基础设施现状';

/** What the lines state, line by line (so the statements of several runs of lines are those of each, one after the other). */
function collect(lines: readonly AnalysisLine[]): Statements {
  // Made when the first clause worth reading is met (most sections have none).
  let s: Statements | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A blank line (most of a blank template's: its placeholders are blanked) has neither a digit
    // nor a character zero tolerance starts with; a loop over its blanks is cheaper than scan's two searches.
    if (isBlank(line.text)) continue;
    // What is today (灾备演练RTO约4小时, 当前可用性99.5%) is no requirement to hold the SLA against.
    if (line.section === CURRENT_PAINS || line.section === CURRENT_ESTATE) continue;
    const has = scan(line.text);
    if (has !== 0) s = collectLine(s, line, has);
  }
  return s === undefined || s.availability.length + s.allowances.length + s.recoveries.length + s.zero.length === 0 ? NO_STATEMENTS : s;
}

/**
 * What a line with a digit or a character of zero tolerance ({@link scan}'s `has`) states, added to
 * `s` (made when needed). Apart from {@link collect}, as is each step of it, so that the optimising
 * compiler keeps the loop over the lines small: most lines have neither.
 */
function collectLine(s: Statements | undefined, line: AnalysisLine, has: number): Statements | undefined {
  const zero = has & MAY_BE_ZERO ? ZERO.exec(line.text) : null;
  if (zero) s = collectZero(s ?? noStatements(), line, zero);
  // Durations and percentages are numbers: a clause without a digit states none of them.
  return has & DIGIT ? collectClauses(s, line, zero !== null) : s;
}

/** A zero tolerance the line states. */
function collectZero(s: Statements, line: AnalysisLine, zero: RegExpExecArray): Statements {
  // Quoted as the customer wrote it ("门急诊与住院核心业务零停机"), not as the keyword that matched.
  const around = clauseAround(line.text, zero.index, ZERO_CLAUSE_SEPARATOR);
  const clause = line.text.slice(around.start, around.end).trim() || zero[0];
  s.zero.push({ label: lineLabel(line), text: zero[0], clause, range: spanRange(line, zero.index, zero.index + zero[0].length) });
  return s;
}

/** What the clauses of a line with a digit state, added to `s` (made when needed). */
function collectClauses(s: Statements | undefined, line: AnalysisLine, zeroLine: boolean): Statements | undefined {
  const text = line.text;
  let start = 0;
  // What the clause so far has, noted by the walk to its separator (which reads every character
  // already): a digit, and a per cent sign or a digit followed by (blanks and) what may start a
  // duration's unit. Without them a clause states no availability and no duration.
  let digit = false;
  let worthReading = false;
  let afterDigit = false;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length) {
      const c = text.charCodeAt(i);
      if (!isSlaSeparator(c)) {
        if (isAsciiDigit(c)) digit = afterDigit = true;
        else if (c !== 32 && c !== 9) {
          if ((afterDigit && isUnitStart(c)) || c === 37 /* % */ || c === 0xff05 /* ％ */) worthReading = true;
          afterDigit = false;
        }
        continue;
      }
    }
    if (digit && worthReading) collectClause((s ??= noStatements()), line, { text: text.slice(start, i), start }, zeroLine);
    start = i + 1;
    digit = worthReading = afterDigit = false;
  }
  return s;
}

function noStatements(): Statements {
  return { availability: [], allowances: [], recoveries: [], zero: [] };
}

/**
 * The extract of every section that states nothing about the SLA (most of them), shared: each
 * section's extract lives as long as its analysis. Frozen, as extracts are never changed.
 */
const NO_STATEMENTS: Statements = { availability: [], allowances: [], recoveries: [], zero: [] };
for (const list of Object.values(NO_STATEMENTS)) Object.freeze(list);
Object.freeze(NO_STATEMENTS);

/** What one clause (with a digit in it) of a line states. */
function collectClause(s: Statements, line: AnalysisLine, clause: { text: string; start: number }, zeroLine: boolean): void {
  const key = line.key ?? '';
  const ds = durations(clause.text);
  if (ds.length > 0) {
    // A recovery clause: the recovery word is in the clause, or the line's key is one (`RTO：1小时`).
    const rtoWord = RTO.exec(clause.text);
    const rto = rtoWord ?? (RTO.test(key) ? null : undefined);
    if (rto !== undefined) {
      // The duration nearest the recovery word.
      const at = rto ? rto.index : 0;
      const d = ds.reduce((best, x) => (Math.abs(x.start - at) < Math.abs(best.start - at) ? x : best));
      s.recoveries.push({ minutes: d.minutes, unit: d.unit, label: rto ? rto[0] : key, range: spanRange(line, clause.start + d.start, clause.start + d.end) });
    } else if ((DOWNTIME.test(`${key} ${clause.text}`) || line.fieldPath[line.fieldPath.length - 1] === CONTINUITY_FIELD) && !zeroLine) {
      const d = ds[0]!;
      const period = periodNear(clause.text, d.end);
      if (period) s.allowances.push({ minutes: d.minutes, unit: d.unit, period, label: lineLabel(line), range: spanRange(line, clause.start + d.start, clause.start + d.end) });
    }
  }
  // Availability is a percentage.
  if (hasPercentSign(clause.text) && AVAILABILITY.test(`${key} ${clause.text}`)) {
    for (const p of findPercents(clause.text)) {
      if (p.value < 90 || p.value > 100) continue;
      s.availability.push({ percent: p.value, text: p.text.replace(/[ \t]/g, '').replace('％', '%'), range: spanRange(line, clause.start + p.start, clause.start + p.end) });
    }
  }
}

function formatDuration(minutes: number, unit: DurationUnit): Message {
  switch (unit) {
    case 's':
      return msg('{0} s', formatCompact(minutes * 60, 1));
    case 'min':
      return msg('{0} min', formatCompact(minutes, 1));
    case 'h':
      return msg('{0} h', formatCompact(minutes / 60, 1));
    default:
      return msg('{0} days', formatCompact(minutes / 1440, 1));
  }
}

function perPeriod(period: DowntimePeriod): Message {
  switch (period) {
    case 'year':
      return msg('per year');
    case 'quarter':
      return msg('per quarter');
    case 'month':
      return msg('per month');
    case 'week':
      return msg('per week');
    default:
      return msg('per day');
  }
}

/** The unit to state an availability's downtime in, next to a stated duration in `unit`. */
function displayUnit(unit: DurationUnit, minutes: number): DurationUnit {
  if (unit === 's' && minutes >= 1) return 'min';
  if ((unit === 'h' || unit === 'd') && minutes < 120) return 'min';
  if (unit === 'd' && minutes < 2 * 1440) return 'h';
  return unit;
}

/** The check in two steps: the statements of each section, then the conflicts between all of them. */
export const slaRunner: CheckRunner<Statements> = {
  checks: ['sla-conflict'],
  extract: collect,
  // Most sections state nothing (their extract is NO_STATEMENTS): often one part is all there is.
  combine: (parts) => conflicts(parts.length === 1 ? parts[0]! : joinExtracts(parts, NO_STATEMENTS, joinAll)),
  move: moveStatements,
};

function joinAll(parts: readonly Statements[]): Statements {
  const s = noStatements();
  for (const p of parts) {
    for (const x of p.availability) s.availability.push(x);
    for (const x of p.allowances) s.allowances.push(x);
    for (const x of p.recoveries) s.recoveries.push(x);
    for (const x of p.zero) s.zero.push(x);
  }
  return s;
}

function moveStatements(s: Statements, lines: number): Statements {
  if (lines === 0) return s;
  const move = <T extends { range: Range }>(x: T): T => ({ ...x, range: moveRange(x.range, lines) });
  return { availability: s.availability.map(move), allowances: s.allowances.map(move), recoveries: s.recoveries.map(move), zero: s.zero.map(move) };
}

/** The conflicts between an intake's statements. */
function conflicts(s: Statements): AnalysisFinding[] {
  // Every conflict is of an availability or of a recovery time.
  if (s.availability.length === 0 && s.recoveries.length === 0) return [];
  const out: AnalysisFinding[] = [];
  const seen = new Set<string>();
  const once = (key: string) => (seen.has(key) ? false : (seen.add(key), true));
  const finding = (range: Range, lines: number[], message: Message, numbers: AnalysisFinding['numbers']): AnalysisFinding => ({
    check: 'sla-conflict',
    code: Codes.slaConflict,
    severity: 'warning',
    message,
    range,
    lines: [...new Set(lines)],
    numbers,
  });

  for (const a of s.availability) {
    for (const r of s.allowances) {
      const allowed = allowedDowntime(a.percent, r.period);
      if (allowed <= r.minutes + 1e-9) continue;
      if (!once(`a${a.percent}|${r.range.start.line}:${r.range.start.character}`)) continue;
      const unit = displayUnit(r.unit, allowed);
      out.push(
        finding(
          a.range,
          [a.range.start.line, r.range.start.line],
          msg('SLA {0} allows about {1} of downtime {2}, more than the {3} {2} allowed by {4}.', a.text, formatDuration(allowed, unit), perPeriod(r.period), formatDuration(r.minutes, r.unit), r.label),
          { availability: a.percent, period: r.period, allowedMinutes: round1(allowed), requiredMinutes: round1(r.minutes), requirement: r.label },
        ),
      );
    }
    for (const z of s.zero) {
      if (a.percent >= 100) continue;
      if (!once(`z${a.percent}|${z.range.start.line}:${z.range.start.character}`)) continue;
      const month = allowedDowntime(a.percent, 'month');
      const year = allowedDowntime(a.percent, 'year');
      out.push(
        finding(a.range, [a.range.start.line, z.range.start.line], msg('SLA {0} still allows about {1} of downtime per month ({2} per year), but {3} states “{4}”, which allows none.', a.text, formatDuration(month, 'min'), formatDuration(year, displayUnit('h', year)), z.label, z.clause), {
          availability: a.percent,
          monthMinutes: round1(month),
          yearMinutes: round1(year),
          requirement: z.label,
          statement: z.clause,
        }),
      );
    }
    for (const r of s.recoveries) {
      const year = allowedDowntime(a.percent, 'year');
      if (r.minutes <= year + 1e-9) continue;
      if (!once(`r${a.percent}|${r.range.start.line}:${r.range.start.character}`)) continue;
      out.push(
        finding(a.range, [a.range.start.line, r.range.start.line], msg('SLA {0} allows about {1} of downtime per year, less than a single outage lasting the recovery time of {2} allowed by {3}.', a.text, formatDuration(year, displayUnit(r.unit, year)), formatDuration(r.minutes, r.unit), r.label), {
          availability: a.percent,
          yearMinutes: round1(year),
          recoveryMinutes: round1(r.minutes),
          requirement: r.label,
        }),
      );
    }
  }
  for (const r of s.recoveries) {
    for (const al of s.allowances) {
      if (r.minutes <= al.minutes + 1e-9) continue;
      if (!once(`ra${r.range.start.line}:${r.range.start.character}|${al.range.start.line}:${al.range.start.character}`)) continue;
      out.push(
        finding(r.range, [r.range.start.line, al.range.start.line], msg('The recovery time of {0} ({1}) is longer than the {2} of downtime {3} allowed by {4}: a single outage recovered within it would exceed the allowance.', formatDuration(r.minutes, r.unit), r.label, formatDuration(al.minutes, al.unit), perPeriod(al.period), al.label), {
          recoveryMinutes: round1(r.minutes),
          allowedMinutes: round1(al.minutes),
          period: al.period,
          requirement: al.label,
        }),
      );
    }
  }
  return out;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
