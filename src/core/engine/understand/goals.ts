/**
 * Goals, deadline, service levels, pains and scale, read from their sections. Restating is left
 * to the writer; here each item keeps its source text and lines.
 */
import { caseInsensitiveRegExp } from '../../text/caseExpand';
import type { Fact } from '../../facts/facts';
import type { UnderstandingModel } from '../reportModel';
import { findFigures } from '../text/figures';
import { clausesOutsideBrackets, withoutFigureLabel } from '../text/restate';
// A deadline by the calendar (checked before MONTHS, which would read the "6月" of "2026年6月底前"),
// and one counted in years, in the grammar that cuts it off a goal's text (withoutLeadingDeadline).
import { BY_DATE, chineseCountMonths, CHINESE_COUNT_DEADLINE, YEARS } from '../text/deadlines';
import { clean, countsBefore } from './shared';
import { CN_NUMBERS } from '../../text/chineseNumerals';
import { holdsAny, holdingAny, type TextTest } from '../../text/holdsAny';

/** A count of months; not the month of a date ("2027年3月"), which dateDeadline reads when it is one. */
const MONTHS = /(?<!年\s?\d?)(\d{1,2})\s{0,1}(?:个)?月/;
const DAYS_PER_MONTH = 30.44;

/**
 * The months from `asOf` (YYYY-MM-DD) to a calendar deadline in `text`, and how to say it: the
 * end of the month or year with 底/末, the start of the month with 前 alone ("2027年3月前": by
 * the end of February). Undefined without one, or for a date that is past or too far.
 */
function dateDeadline(text: string, asOf: string): { months: number; text: string } | undefined {
  const m = BY_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  const end = m[3] !== undefined;
  if (month === undefined ? !end : !end && !m[4]) return undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  // Day 0 of the next month is the last day of this one.
  const by = end ? Date.UTC(year, month ?? 12, 0) : Date.UTC(year, month! - 1, 1);
  const months = Math.round((by - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000 / DAYS_PER_MONTH);
  if (!(months >= 1 && months <= 72)) return undefined;
  return { months, text: `${year}年${month !== undefined ? `${month}月` : ''}${end ? '底' : ''}前` };
}

/** The field of the special requirements that holds a deadline: 时间要求, 上线时间, 工期, 期限. */
const TIME_REQUIREMENT = /时间要求|上线时间|工期|期限/;

export function detectGoals(facts: readonly Fact[], asOf: string): {
  mainGoal?: UnderstandingModel['mainGoal'];
  secondary: UnderstandingModel['secondaryGoals'];
  deadline: UnderstandingModel['deadline'];
} {
  const goals = facts.filter((f) => f.section === '核心目标');
  const mainFacts = goals.filter((f) => f.fieldPath[0] === '主要指标');
  // Structured intakes split the main goal into 时间 and 指标 children.
  const time = mainFacts.find((f) => f.fieldPath.at(-1) === '时间');
  const metric = mainFacts.find((f) => f.fieldPath.at(-1) === '指标');
  let mainGoal: UnderstandingModel['mainGoal'];
  if (time || metric) {
    const timeText = clean(time?.value ?? '').replace(/完成$/, '');
    mainGoal = { text: [timeText, clean(metric?.value ?? '')].filter(Boolean).join('：'), refs: [time, metric].filter((f): f is Fact => !!f).map((f) => f.line + 1) };
  } else {
    const first = mainFacts.find((f) => f.fieldPath.length === 1) ?? goals.find((f) => f.fieldPath.length === 0);
    if (first) mainGoal = { text: clean(first.value), refs: [first.line + 1] };
  }
  let deadline: UnderstandingModel['deadline'] = { text: '', refs: [] };
  // A deadline asked for among the special requirements ("- 时间要求：一年内全部项目上线"), after the goals'.
  const required = facts.filter((f) => f.section === '特殊要求' && TIME_REQUIREMENT.test(f.fieldPath.at(-1) ?? ''));
  for (const f of [time, ...mainFacts, ...goals, ...required].filter((x): x is Fact => !!x)) {
    const date = dateDeadline(f.value, asOf);
    if (date) {
      deadline = { ...date, refs: [f.line + 1] };
      break;
    }
    const m = MONTHS.exec(f.value);
    const y = m ? undefined : YEARS.exec(f.value);
    if (m || y) {
      const months = m ? Number(m[1]) : Math.round(Number(y![1]) * 12);
      if (months >= 1 && months <= 72) {
        deadline = { months, text: m ? `${months}个月` : `${y![1]}年`, refs: [f.line + 1] };
        break;
      }
    }
    // In Chinese numerals, said as the customer said it ("一年", "半年", "三个月").
    const c = m || y ? null : CHINESE_COUNT_DEADLINE.exec(f.value);
    const cMonths = c ? chineseCountMonths(c) : 0;
    if (c && cMonths >= 1 && cMonths <= 72) {
      deadline = { months: cMonths, text: `${c[1]}${c[2]}`, refs: [f.line + 1] };
      break;
    }
  }
  const secondary = goals
    .filter((f) => !mainFacts.includes(f) && f.value && (f.fieldPath[0] === '次级指标' || f.fieldPath[0] === '成功标尺'))
    .map((f) => ({ text: clean(f.value), refs: [f.line + 1] }));
  return { ...(mainGoal ? { mainGoal } : {}), secondary, deadline };
}

const AVAILABILITY = caseInsensitiveRegExp('(?:SLA|可用性|可用率)[^%％]{0,12}?(\\d{2}(?:\\.\\d{1,4})?)\\s{0,1}[%％]|(\\d{2}(?:\\.\\d{1,4})?)\\s{0,1}[%％]\\s{0,1}(?:的)?(?:可用性|可用率|SLA)', 'i');
// "RTO<5分钟", "RTO≤30分钟", "RTO不超过4小时"; "RPO=0", "RPO不超过15分钟".
const RTO = caseInsensitiveRegExp('RTO\\s{0,1}(?:[≤<=＜]{0,2}|不超过|不大于|不高于|小于|低于)\\s{0,1}(\\d{1,4})\\s{0,1}(分钟|小时|min|h|秒)', 'i');
const RPO = caseInsensitiveRegExp('RPO\\s{0,1}(?:[≤<=＜]{0,2}|不超过|不大于|不高于|小于|低于)\\s{0,1}(\\d{1,4})\\s{0,1}(分钟|小时|min|h|秒)?', 'i');
/**
 * The longest outage the customer allows a system ("MES停机不得超过10分钟"): a recovery target like
 * an RTO. Not planned downtime (计划停机每次不超过8小时), a cut-over window (迁移期间停机不超过4小时,
 * 停机窗口) nor a monthly budget (停机不超过1小时/月), which OUTAGE_ASIDE and the check after the
 * figure rule out.
 */
const OUTAGE = /停机[^，；。、]{0,4}?(?:不得|不能|不可|不应|不)超过\s{0,1}(\d{1,4})\s{0,1}(分钟|小时|秒)/;
const OUTAGE_ASIDE = ['计划', '迁移', '割接', '窗口', '升级', '切换期间', '每月', '每年'];
const RECOVERY = /(?:恢复时间|故障恢复)\s{0,1}[<≤＜]?\s{0,1}(\d{1,3})\s{0,1}(分钟|小时)/;
const ZERO_DOWNTIME = caseInsensitiveRegExp('零停机|零容忍停机|不停机|不允许停机|zero[- ]?downtime', 'i');

function minutes(n: number, unit: string | undefined): number {
  if (!unit) return n;
  if (holdsAny(unit, ['小时', 'h', 'H'])) return n * 60;
  if (unit.includes('秒')) return n / 60;
  return n;
}

export function detectSla(facts: readonly Fact[]): UnderstandingModel['sla'] {
  const sla: UnderstandingModel['sla'] = { zeroDowntime: false, refs: [] };
  const used = new Set<number>();
  // The recovery targets as the customer wrote them: the RTO, the RPO, the outage limit.
  const stated: Array<string | undefined> = [undefined, undefined, undefined];
  const statedAt = new Set<number>();
  for (const f of facts) {
    if (f.section !== '特殊要求' && f.section !== '客户行业' && f.section !== '核心目标') continue;
    const a = AVAILABILITY.exec(f.text);
    if (a && sla.availability === undefined) {
      const v = Number(a[1] ?? a[2]);
      if (v >= 90 && v < 100) {
        sla.availability = v;
        used.add(f.line + 1);
      }
    }
    // RTO and RPO run (and are compiled) only on a text that holds their letters: most intakes name neither.
    const folded = f.value.toLowerCase();
    const rto = (folded.includes('rto') ? RTO.exec(f.value) : null) ?? RECOVERY.exec(f.value);
    if (rto && sla.rtoMinutes === undefined) {
      sla.rtoMinutes = minutes(Number(rto[1]), rto[2]);
      stated[0] = rto[0];
      statedAt.add(f.line + 1);
      used.add(f.line + 1);
    }
    const rpo = folded.includes('rpo') ? RPO.exec(f.value) : null;
    if (rpo && sla.rpoMinutes === undefined) {
      sla.rpoMinutes = minutes(Number(rpo[1]), rpo[2]);
      stated[1] = rpo[0];
      statedAt.add(f.line + 1);
      used.add(f.line + 1);
    }
    const outage = sla.maxOutageMinutes === undefined ? outageLimit(f.value) : undefined;
    if (outage) {
      sla.maxOutageMinutes = outage.minutes;
      stated[2] = outage.text;
      statedAt.add(f.line + 1);
      used.add(f.line + 1);
    }
    if (ZERO_DOWNTIME.test(f.value)) {
      sla.zeroDowntime = true;
      used.add(f.line + 1);
    }
  }
  const said = stated.filter((x): x is string => x !== undefined);
  if (said.length > 0) sla.recovery = { text: said.join('、'), refs: [...statedAt].sort((a, b) => a - b) };
  sla.refs = [...used].sort((a, b) => a - b);
  return sla;
}

/**
 * The outage limit a text states, in minutes, and how to quote it: the clause it is in
 * ("MES停机不得超过10分钟"), or the limit alone when the clause is long. Undefined for planned
 * downtime, a cut-over window or a budget per month or year (OUTAGE).
 */
function outageLimit(text: string): { minutes: number; text: string } | undefined {
  const m = text.includes('停机') ? OUTAGE.exec(text) : null;
  if (!m) return undefined;
  const clause = clauseOf(text, m.index, m.index + m[0].length);
  const after = text.slice(m.index + m[0].length).trimStart();
  if (holdsAny(clause, OUTAGE_ASIDE) || after.startsWith('/') || after.startsWith('／') || after.startsWith('每')) return undefined;
  return { minutes: minutes(Number(m[1]), m[2]), text: clause.length <= 20 ? clause : m[0] };
}

/** The clause of `text` around [start, end): up to the nearest "，；。、" or a bracket on either side. */
function clauseOf(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !'，；。、,;（(：:'.includes(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !'，；。、,;）)'.includes(text[to]!)) to++;
  return text.slice(from, to).trim();
}

const PAIN_KIND: Array<[TextTest, UnderstandingModel['pains'][number]['kind']]> = [
  [holdingAny('业务影响', '业务层面', '影响'), 'impact'],
  [holdingAny('根因', '架构缺陷', '运维短板'), 'cause'],
];

export function detectPains(facts: readonly Fact[]): UnderstandingModel['pains'] {
  const out: UnderstandingModel['pains'] = [];
  for (const f of facts) {
    if (!f.value) continue;
    if (f.section === '当前痛点' && !f.fieldPath.includes('历史应对')) {
      // A value on the section line itself ([当前痛点]：系统太慢) is a pain like any other.
      const path = f.fieldPath.join('/');
      const kind = PAIN_KIND.find(([re]) => re.test(path))?.[1] ?? 'problem';
      // The template's "，量化指标" between the impact and its figure is no part of either.
      out.push({ text: clean(withoutFigureLabel(f.value)), kind, refs: [f.line + 1] });
    } else if (f.section === '基础设施现状' && (f.fieldPath.includes('现存瓶颈') || f.fieldPath.includes('技术债务'))) {
      out.push({ text: clean(f.value), kind: f.fieldPath.includes('技术债务') ? 'debt' : 'bottleneck', refs: [f.line + 1] });
    }
  }
  return out;
}

/** People who work for the customer; a system's own users (ERP用户, 系统用户) are its staff too. */
const STAFF = /职工|员工|人员|操作员|编辑|记者|医护|教职工|坐席|员|销售|售前|ERP用户|系统用户|内部用户/;
/** The whole staff (of the organisation, or of one of its places: 门店员工), not a group of it (研发人员). */
const WHOLE_STAFF = /职工|员工|在职|全员/;
const LABELS: Array<[TextTest, string]> = [
  [holdingAny('床位'), '床位'],
  [holdingAny('门急诊', '门诊'), '年门急诊量'],
  [holdingAny('在校生', '学生'), '在校生'],
  [holdingAny('注册会员', '会员'), '会员'],
  [holdingAny('注册用户', '用户量', '用户'), '用户'],
  [holdingAny('个人客户'), '个人客户'],
  [holdingAny('对公客户'), '对公客户'],
  [holdingAny('客户'), '客户'],
  [holdingAny('理赔'), '日均理赔'],
  [holdingAny('订单', '运单'), '日均订单'],
  [holdingAny('交易'), '日均交易'],
  [holdingAny('办件'), '日均办件'],
  [holdingAny('测点', '数据点', '传感器'), '测点'],
  [holdingAny('车辆'), '车辆'],
  [holdingAny('仓库'), '仓库'],
  [holdingAny('批次', '批'), '年批次'],
  [holdingAny('样品'), '年检验样品'],
  [holdingAny('TPS', 'QPS', '并发'), '峰值'],
  [holdingAny('TB', 'PB'), '数据量'],
];

/** A count of sites: "门店680家", "风电场23个", "运营产业园区8个", "养老院14家". */
const SITE_UNITS = /^(?:个|座|处|家)$/;
const SITE_WORDS = /场站|电站|风电场|工厂|仓库|院区|门店|园区|养老院/;

/**
 * Whether the figure at `start` of `clause` counts sites, its word just before it ("直营门店680家"),
 * in the same item of a list: in "两个仓库、2个配送中心" the 仓库 is counted already.
 */
function countsSites(clause: string, fig: { unit: string; start: number }): boolean {
  const from = Math.max(0, fig.start - 6, clause.lastIndexOf('、', fig.start - 1) + 1);
  return SITE_UNITS.test(fig.unit) && SITE_WORDS.test(clause.slice(from, fig.start));
}

/**
 * A count of warehouses with a word or two between the count and the 仓 ("7个区域成品仓", "3个
 * RDC仓"): the measure word, then at most four characters of what kind (bounded, so linear), and
 * not 仓储 (storage). A numeral of one character or digits; "十二个仓" is not read as two.
 */
const WAREHOUSES = /(?<![\d一二两三四五六七八九十百])(\d{1,5}|[一二两三四五六七八九十])\s{0,2}[个座处]\s{0,2}[\p{Script=Han}A-Za-z]{0,4}?(?:仓库|仓(?!储)|配送中心|物流中心)/gu;

/** The warehouse counts in `clause`. */
function warehousesIn(clause: string): number[] {
  const out: number[] = [];
  for (const m of clause.matchAll(WAREHOUSES)) {
    const n = /^\d/.test(m[1]!) ? Number(m[1]) : CN_NUMBERS[m[1]!];
    if (n !== undefined && n > 0) out.push(n);
  }
  return out;
}

/** One hospital on several campuses: "一院三区". */
const ONE_HOSPITAL_CAMPUSES = /一院([两二三四五六七八九十])区/;

/**
 * Words of a segment that no small business describes itself with: national or provincial reach,
 * a group, a listed or joint-stock company. Alternatives of fixed words: linear.
 */
const LARGER_THAN_SME = /全国性|全国|大型|集团|省属|省级|股份制|上市|央企|国有大型/;

/** A clause of parts of what the line counted already: "其中医保定点门店380家". */
const PARTS = /^\s*其中/;

/**
 * People who work in the customer's premises for others, not for it: its tenants' staff
 * (入驻企业员工, 租户员工), always; and, where the customer lets its premises (LETS_PREMISES), the
 * people working in its parks and buildings (园区员工, 楼宇内办公人员). They are the end users of
 * the landlord's services (its App, its gates and car parks), never its head count: a park operator
 * with 8万 园区员工 has not 8万 staff. The words sit right before the staff word, so that the
 * operator's own team (园区运营团队员工) stays staff. Fixed words and optional parts: linear.
 */
const TENANTS_STAFF = /(?:入驻|租户|承租|商户)(?:企业|单位|公司|方)?的?(?:员工|职工|人员)/;
// Not 园区工作人员: the operator's own people on site.
const PREMISES_STAFF = /(?:园区|楼宇|楼内|写字楼|大厦)[内里]?的?(?:办公|从业|就业)?(?:员工|职工|人员)/;
/** A customer line that says it lets its premises: it counts tenants, or it runs industrial parks. */
const LETS_PREMISES = /入驻|租户|承租|商户|招商|产业园|园区(?:开发|运营)/;

/**
 * Floor or land area and its square metres each, after a figure ("总建筑面积约160万平方米"); the
 * figure scanner keeps no unit for them.
 */
const AREA_UNITS: ReadonlyArray<readonly [string, number]> = [['平方公里', 1e6], ['平方米', 1], ['平米', 1], ['㎡', 1], ['m²', 1]];
/**
 * What a large landlord or operator runs, whatever its own head count (which its intake often
 * leaves out): a million square metres, several parks or dozens of office buildings; about as many
 * people working in them (at 10–20㎡ each); or a thousand tenant companies. The products for large
 * groups fit it.
 */
const LARGE_AREA_SQM = 1_000_000;
const LARGE_OCCUPANTS = 50_000;
const LARGE_TENANTS = 1000;
/** A count of the companies that rent the customer's premises: "入驻企业约1200家", "租户约300家" (not a marketplace's 入驻商家). */
const TENANTS = /入驻(?:企业|单位|机构)|租户|承租/;

/** The square metres a figure of `clause` counts, or undefined when it is no area. */
function squareMetres(clause: string, fig: { value: number; end: number }): number | undefined {
  const at = clause[fig.end] === ' ' ? fig.end + 1 : fig.end;
  const unit = AREA_UNITS.find(([word]) => clause.startsWith(word, at));
  return unit ? fig.value * unit[1] : undefined;
}

/** What the customer runs as a landlord, the largest figure of each: floor area (㎡), tenant companies, people working in its premises. */
interface Premises {
  area: number;
  tenants: number;
  occupied: number;
}

/** Adds a figure of `clause` (`before`: the clause up to it) to what the customer runs, when it counts one. */
function measurePremises(p: Premises, clause: string, fig: { value: number; unit: string; end: number }, before: string, occupants: boolean): void {
  p.area = Math.max(p.area, squareMetres(clause, fig) ?? 0);
  if (fig.unit === '家' && TENANTS.test(before)) p.tenants = Math.max(p.tenants, fig.value);
  if (occupants) p.occupied = Math.max(p.occupied, fig.value);
}

function runsLargePremises(p: Premises): boolean {
  return p.area >= LARGE_AREA_SQM || p.occupied >= LARGE_OCCUPANTS || p.tenants >= LARGE_TENANTS;
}

export function detectScale(facts: readonly Fact[]): UnderstandingModel['scale'] {
  const figures: UnderstandingModel['scale']['figures'] = [];
  let internal = 0;
  // Whether the whole staff has been counted (员工约7000人), on this line or an earlier one.
  let wholeCounted = false;
  const sites: number[] = [];
  let endUsers = 0;
  let daily = 0;
  const premises: Premises = { area: 0, tenants: 0, occupied: 0 };
  const lets = facts.some((f) => f.section === '客户行业' && LETS_PREMISES.test(f.value));
  for (const f of facts) {
    if (f.section !== '客户行业' || !f.value || f.fieldPath[0] === '细分领域') {
      if (f.section === '客户行业' && f.fieldPath[0] === '细分领域') {
        // "直营门店420家，其中医保定点门店380家": after 其中, the counts are parts of the sites counted.
        let counted = false;
        for (const written of f.value.split(/[，,；;]/)) {
          // A hospital's "一院三区" is three campuses (三院区).
          const clause = written.replace(ONE_HOSPITAL_CAMPUSES, '$1院区');
          if (counted && PARTS.test(clause)) break;
          const before = sites.length;
          sites.push(...countsBefore(clause, ['工厂', '院区', '场站', '电站', '门店']), ...warehousesIn(clause));
          // "直营门店680家": the count after the word.
          for (const fig of findFigures(clause)) if (countsSites(clause, fig)) sites.push(fig.value);
          counted ||= sites.length > before;
        }
      }
      continue;
    }
    // "员工约1.4万人，其中OA活跃用户约6000人，药房店员约5000人": after 其中, the line counts parts
    // of the staff it has counted already, not more staff.
    let partsOfCounted = false;
    for (const clause of clausesOutsideBrackets(f.value, '，,；;、')) {
      if (internal > 0 && PARTS.test(clause)) partsOfCounted = true;
      for (const fig of findFigures(clause)) {
        if (fig.unit === '%' || /^(?:年|月|天|小时|分钟|秒|个月)$/.test(fig.unit)) continue;
        // A number that is part of a name, not a count: the 4 of "4S店", the 5 of "5G".
        if (fig.unit === '' && /[A-Za-z]/.test(clause[fig.end] ?? '')) continue;
        const before = clause.slice(0, fig.start);
        const around = clause.slice(0, fig.end + 8);
        // A count written before what it counts, with its measure word ("85家4S店"), is labelled by
        // what follows it; a bare number first is a name ("12345热线"), not a count.
        const label = LABELS.find(([re]) => re.test(around) || re.test(fig.unit))?.[1] ?? (clean(before).slice(-6) || (fig.unit !== '' ? clean(clause.slice(fig.end)).slice(0, 6) : ''));
        if (!label) continue;
        const text = clean(clause).replace(/^(?:用户量|用户规模|数据量)(?=[^\d：:])/, '');
        const occupants = fig.unit === '人' && (TENANTS_STAFF.test(before) || (lets && PREMISES_STAFF.test(before)));
        figures.push({ label, value: fig.value, text, refs: [f.line + 1], ...(occupants ? { occupants: true as const } : {}) });
        measurePremises(premises, clause, fig, before, occupants);
        // The people in a landlord's parks, its end users, are counted with what it runs (premises).
        if (!occupants && fig.unit === '人' && STAFF.test(before) && !partsOfCounted) {
          // "员工约7000人，研发与工艺人员约1200人": once the whole staff is counted, a group that is
          // not itself the staff of a place (门店员工, 总部员工) is a part of it.
          const whole = WHOLE_STAFF.test(before);
          if (whole || !wholeCounted) internal += fig.value;
          wholeCounted ||= whole;
        }
        if (!occupants && holdsAny(label, ['用户', '会员', '客户', '在校生', '学生', '人口', '患者', '门急诊']) && fig.unit !== '家') endUsers = Math.max(endUsers, fig.value);
        if (holdsAny(label, ['日均', '峰值'])) daily = Math.max(daily, fig.value);
        if (countsSites(clause, fig)) sites.push(fig.value);
      }
      sites.push(...countsBefore(clause, ['工厂', '院区', '场站', '电站', '风电场', '门店']), ...warehousesIn(clause));
    }
  }
  // Why it is large, each reason that holds: sizing its staff's seats depends on it (reportModel `largeBy`).
  const largeBy: NonNullable<UnderstandingModel['scale']['largeBy']> = [];
  if (internal >= 3000) largeBy.push('staff');
  if (endUsers >= 1_000_000 || daily >= 1_000_000) largeBy.push('endUsers');
  if (runsLargePremises(premises)) largeBy.push('premises');
  const large = largeBy.length > 0;
  // A small business by its figures, unless it describes itself as more (全国性财产保险公司 with
  // 800 racks and no head count is no SME).
  const small = figures.length > 0 && figures.every((x) => x.value < 10_000) && internal < 100 && !facts.some((f) => f.section === '客户行业' && f.fieldPath[0] === '细分领域' && LARGER_THAN_SME.test(f.value));
  const size: UnderstandingModel['scale']['size'] = large ? 'large' : small ? 'sme' : 'mid';
  const siteCount = sites.length > 0 ? sites.reduce((a, b) => a + b, 0) : undefined;
  return { size, assumed: figures.length === 0, figures: dedupe(figures), ...(internal > 0 ? { internalUsers: internal } : {}), ...(large ? { largeBy } : {}), ...(siteCount ? { sites: siteCount } : {}) };
}

function dedupe(list: UnderstandingModel['scale']['figures']): UnderstandingModel['scale']['figures'] {
  const out: typeof list = [];
  for (const x of list) if (!out.some((o) => o.text === x.text && o.label === x.label)) out.push(x);
  return out;
}
