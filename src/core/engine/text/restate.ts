/**
 * Restating an intake line instead of quoting it: the key figures with the few words that name
 * them ("延迟300ms", "投诉率月增15%"), and light clean-up of lead-in words. Deterministic string
 * work; no regular expression with nested quantifiers.
 */
import { findFigures } from './figures';
export { clip } from '../understand/shared';

const LEAD_INS = ['导致', '造成', '具体问题', '问题现象', '已尝试', '尝试', '实现', '达成', '完成', '确保'];
/** Words that introduce a figure without naming it: dropped from the front of a label. */
const LEADING = ['导致', '造成', '致', '平均', '每笔', '单笔', '客户', '约', '的'];
/** Words between the name and the number: dropped, or shortened to what they mean. */
const TRAILING: Array<[string, string]> = [['高达', ''], ['达到', '达'], ['约为', ''], ['大约', ''], ['约', ''], ['将近', ''], ['超过', '超'], ['仅为', '仅'], ['只有', '仅']];
const METRICS = ['P99', 'P95', 'TPS', 'QPS', '延迟', '时延', '时间', '时长', '投诉率', '空驶率', '交付率', '超卖率', '停机', '响应', '批处理', '周期', '损失', '成本', '存储', '转码', '回传', '误差'];
const SIGNIFICANT_UNITS = new Set(['ms', '毫秒', '秒', 's', '分钟', '小时', '天', '工作日', '%', '％', 'TPS', 'QPS', 'TB', 'PB', '个月', 'Mbps', '次']);
/** A bare number counts when its label says what it measures ("TPS仅800"). */
const MEASURE_LABEL = /(?:TPS|QPS|RPS|并发)[^，,；;]{0,2}$/;

/** "延迟高达300ms" → "延迟300ms": the figures of a line, each with the few words naming it. */
export function keyFigures(text: string, max = 2): string[] {
  const out: string[] = [];
  for (const f of findFigures(text)) {
    let start = f.start;
    // Walk back over the naming words, stopping at punctuation or a connecting word; then start
    // a few characters before the metric word nearest the number (订单接口P99, 医嘱回传延迟).
    while (start > 0 && f.start - start < 14 && !'，,；;。、（(：: 与和'.includes(text[start - 1]!)) start--;
    let label = text.slice(start, f.start);
    let metric = -1;
    for (const k of METRICS) metric = Math.max(metric, label.lastIndexOf(k));
    if (metric > 4) label = label.slice(metric - 4);
    if (!SIGNIFICANT_UNITS.has(f.unit) && !MEASURE_LABEL.test(label)) continue;
    for (let changed = true; changed; ) {
      changed = false;
      for (const w of LEADING) if (label.startsWith(w) && label.length > w.length + 1) {
        label = label.slice(w.length);
        changed = true;
      }
    }
    for (const [w, short] of TRAILING) if (label.endsWith(w)) label = label.slice(0, -w.length) + short;
    out.push(`${label}${text.slice(f.start, f.end)}`.trim());
    if (out.length >= max) break;
  }
  return out;
}

/** A line without its lead-in words and trailing punctuation. */
export function tidy(text: string): string {
  let t = text.trim();
  for (const w of LEAD_INS) if (t.startsWith(w)) t = t.slice(w.length);
  return t.replace(/^[，,：:]+/, '').replace(/[。；;，,]+$/, '').trim();
}

/** "需要的问题（延迟300ms，投诉率月增15%）", or the need alone when the line has no figures. */
export function withFigures(need: string, source: string): string {
  const figures = keyFigures(source);
  return figures.length > 0 ? `${need}（${figures.join('，')}）` : need;
}
