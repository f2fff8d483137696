/**
 * Restating an intake line instead of quoting it: the key figures with the few words that name
 * them ("延迟300ms", "投诉率月增15%"), and light clean-up of lead-in words. Deterministic string
 * work; no regular expression with nested quantifiers.
 */
import { findFigures } from './figures';
import { withoutLeadingDeadline } from './deadlines';
import { memoByText } from '../../text/memo';
export { clip } from '../understand/shared';
import { dropTrailingAside, trimEndOf } from './trim';
import { endsWithOneOf, swapPrefix, swapSuffix } from '../../text/affix';

const LEAD_INS = ['导致', '造成', '具体问题', '问题现象', '已尝试', '尝试', '实现', '达成', '完成', '确保'];
/** The first characters of {@link LEAD_INS}. */
const LEAD_IN_STARTS = [...new Set(LEAD_INS.map((w) => w.charAt(0)))].join('');
/** The intake template's label before a figure (业务影响：导致…，量化指标__(…)__): never part of what it measures. */
const FIGURE_LABEL = '量化指标';
/** Words that introduce a figure without naming it: dropped from the front of a label. */
const LEADING = [FIGURE_LABEL, '导致', '造成', '致', '平均', '每笔', '单笔', '客户', '约', '的'];
/** Words between the name and the number: dropped, or shortened to what they mean. */
const TRAILING: Array<[string, string]> = [['高达', ''], ['达到', '达'], ['约为', ''], ['大约', ''], ['约', ''], ['将近', ''], ['超过', '超'], ['仅为', '仅'], ['只有', '仅']];
const METRICS = ['P99', 'P95', 'TPS', 'QPS', '延迟', '时延', '时间', '时长', '投诉率', '空驶率', '交付率', '超卖率', '停机', '响应', '批处理', '周期', '损失', '成本', '存储', '转码', '回传', '误差', '报价', '接通率'];
const SIGNIFICANT_UNITS = new Set(['ms', '毫秒', '秒', 's', '分钟', '小时', '天', '工作日', '周', '%', '％', 'TPS', 'QPS', 'TB', 'PB', '个月', 'Mbps', '次']);
/** Characters that negate the word they start (非计划停车). */
const NEGATIONS = '非未无';
/** Characters that end the phrase before a metric word: 系统间|同步延迟, 高峰期的|响应时间. */
const PHRASE_END = '间的之在中时后里';
/**
 * A bare number counts when its label says what it measures ("TPS仅800", an app's actives:
 * "月活提升到80万"). Bounded, no nested quantifier: linear in the label.
 */
const MEASURE_LABEL = /(?:TPS|QPS|RPS|并发)[^，,；;]{0,2}$|(?:月活|日活|活跃用户)[^，,；;]{0,4}$/;

/** A sum of money without a sign ("620万"), which counts when its label says what is paid ("续约报价从每年180万"). */
const MONEY_FIGURE = /[万亿]元?$/;
const MONEY_LABEL = /报价|费用|成本|许可|维保|续约|续费|损失|支出|罚款/;

/** Kept per text (text/memo.ts), one store per `max`. */
const keyFiguresBy = new Map<number, (text: string) => readonly string[]>();

/** "延迟高达300ms" → "延迟300ms": the figures of a line, each with the few words naming it (a shared list, never modify it). */
export function keyFigures(text: string, max = 2): readonly string[] {
  let kept = keyFiguresBy.get(max);
  if (!kept) {
    kept = memoByText((t) => figuresNamed(t, max));
    keyFiguresBy.set(max, kept);
  }
  return kept(text);
}

function figuresNamed(text: string, max: number): string[] {
  const out: string[] = [];
  // The last figure said, and where it ends: a figure in the same clause continues it.
  let last = -1;
  let lastEnd = -1;
  for (const f of findFigures(text)) {
    // "单条1小时节目转码需要约3小时": the second figure is measured on the first; named apart,
    // they read "单条1小时，节目转码需要3小时". Said as one, in the customer's words.
    if (last >= 0 && f.start - lastEnd <= 10 && !hasClauseBreak(text, lastEnd, f.start)) {
      out[last] = `${out[last]!}${text.slice(lastEnd, f.end)}`.trim();
      lastEnd = f.end;
      continue;
    }
    let start = f.start;
    // Walk back over the naming words, stopping at punctuation or a connecting word; then start
    // a few characters before the metric word nearest the number (订单接口P99, 医嘱回传延迟).
    while (start > 0 && f.start - start < 14 && !LABEL_STOPS.includes(text[start - 1]!)) start--;
    // Never start inside a Latin word ("PS数据" for "GPS数据").
    const latin = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);
    while (start > 0 && latin(text[start - 1]) && latin(text[start])) start--;
    let label = text.slice(start, f.start);
    let metric = -1;
    for (const k of METRICS) metric = Math.max(metric, label.lastIndexOf(k));
    if (metric > 4) {
      // Up to four characters before the metric word, but not across a word that ends a phrase
      // ("三套系统间同步延迟" → "同步延迟", not "统间同步延迟").
      let cut = metric;
      for (let k = 1; k <= 4 && !PHRASE_END.includes(label[metric - k]!); k++) cut = metric - k;
      // A negation belongs to the word it starts: "非计划停车损失", not "计划停车损失".
      if (cut > 0 && NEGATIONS.includes(label[cut - 1]!)) cut--;
      label = label.slice(cut);
    }
    if (!SIGNIFICANT_UNITS.has(f.unit) && !MEASURE_LABEL.test(label) && !(MONEY_FIGURE.test(f.text) && MONEY_LABEL.test(label))) continue;
    for (let changed = true; changed; ) {
      changed = false;
      for (const w of LEADING) if (label.startsWith(w) && label.length > w.length + 1) {
        label = label.slice(w.length);
        changed = true;
      }
    }
    for (const [w, short] of TRAILING) if (label.endsWith(w)) label = label.slice(0, -w.length) + short;
    // Nothing before it names the figure ("约30%设备缺少完整档案"): the words after it do, to the clause's end.
    const named = label.trim() === '' ? namedAfter(text, f.end) : undefined;
    out.push(named ? `${text.slice(f.start, named)}` : `${label}${text.slice(f.start, f.end)}`.trim());
    last = out.length - 1;
    lastEnd = named ?? f.end;
    if (out.length >= max) break;
  }
  return out;
}

/** The longest run of words after a figure that names it. */
const NAMED_AFTER_MAX = 12;

/** Where the words that name a figure ending at `end` end (the clause's end), when there are some and not too many. */
function namedAfter(text: string, end: number): number | undefined {
  let to = end;
  while (to < text.length && to - end <= NAMED_AFTER_MAX && !CLAUSE_BREAKS.includes(text[to]!)) to++;
  const length = to - end;
  return length >= 2 && length <= NAMED_AFTER_MAX ? to : undefined;
}

/** Whether `text[from, to)` has a character that ends a clause or a listed item. */
function hasClauseBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CLAUSE_BREAKS.includes(text[i]!)) return true;
  return false;
}

/** Where a figure's naming words stop, walking back: punctuation, brackets and a connecting word. */
const LABEL_STOPS = '，,；;。、（(）)：: 与和';

/** What keeps two figures apart: where a label stops, and a slash or another listing word. */
const CLAUSE_BREAKS = `${LABEL_STOPS}/／及或`;

/** A line without its lead-in words and trailing punctuation. */
export function tidy(text: string): string {
  let t = text.trim();
  // Most lines begin with none of the lead-ins' first characters: then none of them is there to drop.
  if (LEAD_IN_STARTS.includes(t.charAt(0))) for (const w of LEAD_INS) if (t.startsWith(w)) t = t.slice(w.length);
  return trimEndOf(t.replace(/^[，,：:]+/, ''), '。；;，,').trim();
}

/**
 * "需要的问题（延迟300ms，投诉率月增15%）", or the need alone when the line has no figures. What
 * the pain has cost the customer, a regulator's action or an incident it names without a figure,
 * goes with them ("（被证监局出具警示函）"): it is why the customer asks, and the need's own words
 * do not say it.
 */
export function withFigures(need: string, source: string): string {
  const figures = keyFigures(source);
  const event = keyEvent(source, figures);
  const said = event === undefined || need.includes(event) ? figures : [...figures, event];
  return said.length > 0 ? `${need}（${said.join('，')}）` : need;
}

/** A regulator's action on the customer: 被证监局出具警示函, 被责令整改, 受到行政处罚. */
const REGULATOR_ACTION = /被[^，；。,;]{0,12}(?:警示函|处罚|罚款|通报|约谈|责令|监管措施)|(?:收到|受到)[^，；。,;]{0,8}(?:警示函|处罚|罚款|通报)/;
/** An incident the line recounts: 去年发生一次供应商泄露车型数模事件, 被勒索软件攻击导致邮件中断两天. */
const INCIDENT = /(?:发生|出现|出过)[^，；。,;]{0,20}(?:事件|事故|泄露|外泄|泄密|勒索|宕机|中断)|被[^，；。,;]{0,8}(?:攻击|入侵|勒索)/;
/** The longest clause kept whole; a longer one is no aside. */
const EVENT_MAX = 24;

/** The clause of `source` that says what a pain has cost (a regulator's action first, then an incident), when no figure says it already. */
function keyEvent(source: string, figures: readonly string[]): string | undefined {
  const clauses = source.split(/[，；。,;]/).map((c) => c.trim());
  const clause = clauses.find((c) => REGULATOR_ACTION.test(c)) ?? clauses.find((c) => INCIDENT.test(c));
  if (clause === undefined || clause.length > EVENT_MAX || figures.some((f) => clause.includes(f) || f.includes(clause))) return undefined;
  return clause;
}

/** A product's name without its trailing aside: "Grafana LGTM（Grafana、Loki…）" → "Grafana LGTM". */
export function shortName(name: string): string {
  const cut = dropTrailingAside(name);
  return cut.length >= 2 ? cut : name;
}

/**
 * The text's clauses: split at each of `breaks` outside brackets, so an aside keeps its list
 * ("数据中心2个（总部主中心、同城灾备）" is one clause at "、").
 */
export function clausesOutsideBrackets(text: string, breaks: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    else if (depth === 0 && breaks.includes(c)) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

/** The text up to its first clause break outside brackets: "API管理与集成（A，B），…" → "API管理与集成（A，B）". */
export function firstClause(text: string): string {
  const clauses = clausesOutsideBrackets(text, '，；。');
  return clauses.length > 1 ? clauses[0]! : swapSuffix(text, '。');
}

/** An upgrade line without its asides: "升级到Oracle 19c（长期支持版），或评估迁移到国产数据库" → "升级到Oracle 19c，或评估迁移到国产数据库". */
export function upgradeStep(upgrade: string): string {
  const first = upgrade.replace(/（[^（）]*）|\([^()]*\)/g, '').split('；')[0]!;
  return endsWithOneOf(first, '，,') ? first.slice(0, -1) : first;
}

/** The verbs a goal's clause drops at its start (after its deadline). */
const GOAL_VERBS = ['实现', '完成', '达成'];

/** Units that date a goal rather than measure it, when followed by 内/前 (6个月内, 开学前). */
const DEADLINE_UNITS = new Set(['个月', '月', '年', '周', '天']);

/**
 * The clauses of a goal without its deadline ("18个月内三厂上线统一MES：批次追溯时间从6小时降到
 * 10分钟以内" → ["三厂上线统一MES", "批次追溯时间从6小时降到10分钟以内"]). Kept per text (memo.ts):
 * a report asks it of the same goals from the plan, the benefits, the targets and every POC step
 * (measurableTargets, twice per pick), 1.5% of a settled insurance report.
 */
export const goalClauses: (text: string) => readonly string[] = memoByText(clausesOfGoal);

function clausesOfGoal(text: string): string[] {
  return tidy(text)
    .split(/[，；,;：:]/)
    .map((c) => swapPrefix(withoutLeadingDeadline(c), GOAL_VERBS).trim())
    .filter((c) => c.length > 0);
}

/** A goal without its leading deadline ("12个月内：电子病历…" → "电子病历…"), otherwise as written. */
export function withoutDeadline(text: string): string {
  const t = tidy(text);
  const cut = swapPrefix(withoutLeadingDeadline(t).replace(/^[：:，,]/, ''), GOAL_VERBS).trim();
  return cut.length >= 4 ? cut : t;
}

/** Whether a clause measures something (a figure that is not its deadline). */
export function measures(clause: string): boolean {
  return statesFigure(clause) && keyFigures(clause, 1).length > 0;
}

/**
 * Whether a clause gives a figure that is not its deadline, whatever its unit: a target to hold a
 * system to (开盘峰值支撑5万笔/秒, 86家子公司全部切换), though no unit that {@link measures} names.
 */
export function statesFigure(clause: string): boolean {
  return findFigures(clause).some((f) => !(DEADLINE_UNITS.has(f.unit) && /^[内前]/.test(clause.slice(f.end))));
}

const FIGURE_LABELS = new RegExp(`${FIGURE_LABEL}[：:]?`, 'g');

/** `text` without the template's figure label ("导致呆滞库存偏高，量化指标2024年…¥1.2亿" → "导致呆滞库存偏高，2024年…¥1.2亿"). */
export function withoutFigureLabel(text: string): string {
  return text.includes(FIGURE_LABEL) ? text.replace(FIGURE_LABELS, '') : text;
}
