/** Small helpers the understanding modules share: fact selection, line references, text cleanup. */
import type { Fact, IntakeFacts } from '../../facts/facts';
import { memoByText } from '../../text/memo';
import { trimEndOf } from '../text/trim';
import { CN_NUMBERS } from '../../text/chineseNumerals';

/** 1-based intake lines of facts, sorted, without duplicates. */
export function refs(facts: Iterable<Fact | undefined>): number[] {
  const lines = new Set<number>();
  for (const f of facts) if (f) lines.add(f.line + 1);
  return [...lines].sort((a, b) => a - b);
}

/**
 * The template's own words around its placeholders (导致__(…)__，量化指标__(…)__). A value made
 * only of them is what a blank template leaves once the placeholders are removed: no fact.
 */
const TEMPLATE_GLUE = new Set(
  '导致 量化指标 已尝试 失败原因 在 内达成 主要服务 网络拓扑 存储量 接口协议 审计频率 需通过 接受 要求 预留 用户量 日均交易量 分配比例 初期建设 vs 持续运维 描述如 如 等 例如 目标如'.split(' '),
);

/** Whether a value says something: not empty, not only template glue words and punctuation. */
export function substantive(value: string): boolean {
  return value.length > 0 && saysSomething(value);
}

/** Kept per text (text/memo.ts): every report asks it of every value, twice. */
const saysSomething = memoByText((value: string): boolean => {
  const pieces = value.split(/[\s，,；;。、:：()（）「」“”"'/]+/).filter(Boolean);
  return pieces.some((p) => !TEMPLATE_GLUE.has(p.toLowerCase()));
});

/** All facts with a real value, minus ignored lines (personal data). */
export function usableFacts(facts: IntakeFacts, ignored: ReadonlySet<number>): Fact[] {
  return facts.facts.filter((f) => substantive(f.value) && !ignored.has(f.line));
}

/** 0-based lines whose value is only template residue: left out of rule matching too. */
export function residueLines(facts: IntakeFacts): Set<number> {
  return new Set(facts.facts.filter((f) => f.value.length > 0 && !substantive(f.value)).map((f) => f.line));
}

/** The value without decoration: surrounding punctuation and trailing full stops. */
export function clean(text: string): string {
  return trimEndOf(text.replace(/\s+/g, ' ').replace(/^[\s，,；;。:：、-]+/, ''), ' \t，,；;。、').trim();
}

/** Cuts text at the first of `stops` (characters of one code unit) after `min` characters, or at `max` characters. */
export function clip(text: string, max: number, stops = '，；。,;'): string {
  // No more code units than `max`, so no more characters: nothing to cut.
  if (text.length <= max) return text;
  // Where the `max`th character ends, in code units: without surrogates every code unit is a
  // character, so the text is read as it is, with no array of its characters (a string each).
  const surrogates = SURROGATE.test(text);
  const end = surrogates ? unitsOf(text, max) : max;
  if (end >= text.length) return text;
  // The last clause boundary within the limit, if it keeps a useful part of the text. A stop is
  // one code unit, so it is never half of a pair: each one found starts a character.
  const min = Math.min(8, Math.floor(max / 2));
  for (let i = end - 1, low = surrogates ? unitsOf(text, min) : min; i >= low; i--) if (stops.includes(text[i]!)) return balanced(text.slice(0, i));
  return balanced(text.slice(0, end)) + '…';
}

const SURROGATE = /[\ud800-\udfff]/;

/** How many code units the first `count` characters of `text` take (a pair is one character, a lone surrogate another). */
function unitsOf(text: string, count: number): number {
  let at = 0;
  for (let c = 0; c < count && at < text.length; c++) {
    const unit = text.charCodeAt(at);
    const next = at + 1 < text.length ? text.charCodeAt(at + 1) : 0;
    at += unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return at;
}

/** Text cut before a bracket it opens and does not close: "跑动（平均2.3次" → "跑动". */
function balanced(text: string): string {
  let open = -1;
  let depth = 0;
  // Code units, not `text[i]`: a string per character read.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === FULL_OPEN || c === OPEN) {
      if (depth === 0) open = i;
      depth++;
    } else if ((c === FULL_CLOSE || c === CLOSE) && depth > 0) depth--;
  }
  return depth > 0 && open > 0 ? text.slice(0, open) : text;
}

/** （ ( ） ) */
const FULL_OPEN = 0xff08;
const OPEN = 0x28;
const FULL_CLOSE = 0xff09;
const CLOSE = 0x29;

/** A count written in Chinese or digits right before one of `units` (三个工厂, 2处, 两个院区): the numbers found. */
export function countsBefore(text: string, units: readonly string[]): number[] {
  const out: number[] = [];
  for (const unit of units) {
    let at = text.indexOf(unit);
    while (at > 0) {
      let j = at;
      // Skip a measure word between the number and the unit (三个工厂).
      if ('个家座处所条'.includes(text[j - 1] ?? '_')) j--;
      const c = text[j - 1];
      if (c !== undefined && CN_NUMBERS[c] !== undefined) out.push(CN_NUMBERS[c]!);
      else {
        let k = j;
        while (k > 0 && /[0-9]/.test(text[k - 1]!)) k--;
        if (k < j) out.push(Number(text.slice(k, j)));
      }
      at = text.indexOf(unit, at + unit.length);
    }
  }
  return out;
}
