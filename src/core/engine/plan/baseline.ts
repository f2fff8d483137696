/**
 * The current level of a goal's measure when the intake already gives it, so that the report
 * states it instead of asking for it: "开盘峰值支撑5万笔/秒" has its baseline in the scale line's
 * "开盘峰值委托1.5万笔/秒", "误报率降到80%以下" in the pain "误报率超过95%".
 *
 * A baseline is a figure in the goal's unit whose nearest words share a run of characters with
 * the words nearest the goal's figure (误报率…, 开盘峰值…): the measure, not just the unit, must
 * be the same (an 18个月 deadline is no baseline for 上线周期3个月). The figure scanner and the
 * run comparison over a few characters per figure keep this linear in the intake.
 */
import type { Fact } from '../../facts/facts';
import { findFigures, type Figure } from '../text/figures';

/** A baseline as the intake words it, and its line (1-based). */
export interface Baseline {
  text: string;
  refs: number[];
}

/** A line a baseline may come from; `goal` lines give one only after 从/由 (从95%降到80%). */
export interface BaselineLine {
  text: string;
  ref: number;
  goal: boolean;
}

/** The sections whose lines give the customer's current figures: scale, pains, goals. */
const SECTIONS = new Set(['客户行业', '当前痛点', '核心目标']);
/** How many characters before a figure name its measure (误报率超过, 开盘峰值委托). */
const WINDOW = 7;
/** The longest clause before a figure looked at. */
const CLAUSE_MAX = 24;
/** What ends the clause a figure belongs to. */
const CLAUSE_END = '，,；;、。：:（）()';
/** The words before a figure that make it a change, not a level (降低30%, 增长40%; not 降到80%). */
const CHANGE = ['降低', '减少', '下降', '提升', '提高', '上升', '缩短', '延长', '增长', '增加', '节省', '节约'];
/** Units written differently for one measure. */
const SAME_UNIT: Readonly<Record<string, string>> = { '％': '%', ms: '毫秒', s: '秒', TPS: '笔/秒' };
/** A rate after the unit: "1.5万笔/秒". */
const RATE = /^\/(?:小时|分钟|秒|天|日|周|月|年|s)/;

/** The lines baselines come from: the scale, pains and goals, and any line a pain cites. */
export function baselineLines(usable: readonly Fact[], painRefs: ReadonlySet<number>): BaselineLine[] {
  return usable.filter((f) => SECTIONS.has(f.section) || painRefs.has(f.line + 1)).map((f) => ({ text: f.value, ref: f.line + 1, goal: f.section === '核心目标' }));
}

interface Measured {
  /** The figure's clause up to and including the figure and its rate. */
  clause: string;
  /** Where the measure's words start in `clause`, and where the figure starts. */
  from: number;
  at: number;
  unit: string;
}

/** Each figure of `text` with a unit and a level (not a change), with the words before it. */
function measured(text: string): Measured[] {
  const out: Measured[] = [];
  for (const f of findFigures(text)) {
    if (!f.unit) continue;
    // The clause back to its start, or CLAUSE_MAX characters: each figure costs a bounded step.
    let start = f.start;
    while (start > 0 && f.start - start < CLAUSE_MAX && !CLAUSE_END.includes(text[start - 1]!)) start--;
    const from = Math.max(start, f.start - WINDOW);
    const before = text.slice(from, f.start).trimEnd();
    if (before.length < 2 || CHANGE.some((w) => before.endsWith(w))) continue;
    const rate = RATE.exec(text.slice(f.end, f.end + 3))?.[0] ?? '';
    out.push({ clause: text.slice(start, f.end + rate.length), from: from - start, at: f.start - start, unit: unitOf(f, rate) });
  }
  return out;
}

/** Whether the figure follows 从 or 由 (误报率从95%降到80%): a level the sentence moves from. */
function isFrom(m: Measured): boolean {
  const before = m.clause.slice(0, m.at).trimEnd();
  return before.endsWith('从') || before.endsWith('由');
}

/** A figure with its measure's words from `start`, without a 从 or 由 before it: "误报率95%". */
function said(m: Measured, start: number): string {
  const words = m.clause.slice(start, m.at).trimEnd();
  return `${isFrom(m) ? words.slice(0, -1) : words}${m.clause.slice(m.at)}`;
}

function unitOf(f: Figure, rate: string): string {
  const unit = SAME_UNIT[f.unit] ?? f.unit;
  return rate ? `${unit}/${SAME_UNIT[rate.slice(1)] ?? rate.slice(1)}` : unit;
}

/**
 * Where the measures of `a` and `b` share a run (of three characters, two for a rate such as
 * 笔/秒 whose unit already names the measure), widened to the left as far as they agree: the
 * start of the shared words in `b`, or -1.
 */
function sharedStart(a: Measured, b: Measured): number {
  const run = a.unit.includes('/') ? 2 : 3;
  const wa = a.clause.slice(a.from, a.at);
  const wb = b.clause.slice(b.from, b.at);
  for (let i = 0; i + run <= wa.length; i++) {
    const piece = wa.slice(i, i + run);
    if (/[0-9]/.test(piece)) continue;
    const j = wb.indexOf(piece);
    if (j < 0) continue;
    // Widen to the left within the clauses: "案时间" → "结案时间".
    let x = a.from + i;
    let y = b.from + j;
    while (x > 0 && y > 0 && a.clause[x - 1] === b.clause[y - 1]) {
      x--;
      y--;
    }
    return y;
  }
  return -1;
}

/** The intake's current level of `goal`'s measure, from `lines` other than the goal's own. */
export function baselineOf(goal: string, refs: readonly number[], lines: readonly BaselineLine[]): Baseline | undefined {
  const all = measured(goal);
  // "从95%降到80%": the figure after 从/由 is the baseline, the last one the target.
  const targets = all.filter((m) => !isFrom(m));
  for (const t of targets) {
    const own = all.find((m) => m !== t && m.unit === t.unit && t.clause.startsWith(m.clause) && isFrom(m));
    if (own) return { text: said(own, own.from), refs: [...refs] };
    for (const line of lines) {
      if (refs.includes(line.ref)) continue;
      for (const m of measured(line.text)) {
        if (m.unit !== t.unit || (line.goal && !isFrom(m))) continue;
        const start = sharedStart(t, m);
        if (start >= 0) return { text: said(m, start), refs: [line.ref] };
      }
    }
  }
  return undefined;
}
