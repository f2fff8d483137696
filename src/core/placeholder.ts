/**
 * `__(…)__` placeholders: where they are in a line and what they offer.
 *   __(保险/政府/航空/零售等)__   → options 保险, 政府, 航空, 零售
 *   __(如「500万+」)__            → example 500万+
 *   __(例：500万+注册用户)__      → example 500万+注册用户
 *   __(60%)__                    → example 60% (a single suggestion)
 */
import type { Placeholder } from './model';

const OPEN = '__(';
const CLOSE = ')__';

export interface PlaceholderContent {
  options: string[];
  example?: string;
}

/** Quoted sample such as 「500万+」 or “500万+”. */
const QUOTED = /[「“"『]([^」”"』]+)[」”"』]/;
/** Leading example markers: 例：, 例如, 如, 比如, e.g. */
const EXAMPLE_PREFIX = /^(?:例如|比如|例|如|e\.g\.|eg)\s*[:：]?\s*/i;
/** Markers that make the rest one example even when it contains slashes (`例：<15分钟/季度`). */
const EXPLICIT_EXAMPLE = /^(?:例如|比如|例|如|e\.g\.)\s*[:：]\s*|^(?:例如|比如)\s*/i;
/** A slash after a quantity that means "per" (2MB/s, 15分钟/季度, $150万/年), not a choice between options (半年/季度). */
const PER_UNIT_SLASH = /(?<=\d[\p{L}%]{0,4})[/／](?=(?:s|秒|分钟|小时|天|日|周|月|季度|年)(?![\p{Script=Han}A-Za-z]))/gu;
/** Prose: a full-width comma or full stop means one described value, not a list of options. */
const PROSE = /[，。；]/;
/** A trailing 等 / 等等 ("and so on") is not part of the last option. */
const TRAILING_ETC = /(?:等等|等)$/;

export function analyzePlaceholder(inner: string): PlaceholderContent {
  const text = inner.trim();
  if (text.length === 0) return { options: [] };
  const quoted = QUOTED.exec(text);
  if (quoted) return { options: [], example: quoted[1]!.trim() };
  if (EXPLICIT_EXAMPLE.test(text) || (EXAMPLE_PREFIX.test(text) && !text.includes('/'))) {
    const rest = text.replace(EXPLICIT_EXAMPLE, '').replace(EXAMPLE_PREFIX, '').trim();
    if (rest.length > 0) return { options: [], example: rest };
  }
  if (PROSE.test(text)) return { options: [], example: text };
  const parts = text
    .replace(PER_UNIT_SLASH, '\u0000')
    .split(/[/／]/)
    .map((p) => p.replace(/\u0000/g, '/'))
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length >= 2) {
    const last = parts.length - 1;
    parts[last] = parts[last]!.replace(TRAILING_ETC, '').trim() || parts[last]!;
    return { options: dedupe(parts) };
  }
  return { options: [], example: text.replace(EXAMPLE_PREFIX, '').trim() || text };
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

/** A placeholder's span within one line (character offsets). */
export interface PlaceholderSpan {
  start: number;
  /** Exclusive; the end of the line when unclosed. */
  end: number;
  innerStart: number;
  innerEnd: number;
  closed: boolean;
}

/** Finds placeholders in a single line. Placeholders never span lines. */
export function findPlaceholderSpans(line: string): PlaceholderSpan[] {
  const spans: PlaceholderSpan[] = [];
  let from = 0;
  while (from < line.length) {
    const start = line.indexOf(OPEN, from);
    if (start < 0) break;
    const innerStart = start + OPEN.length;
    const close = line.indexOf(CLOSE, innerStart);
    if (close < 0) {
      spans.push({ start, end: trimEnd(line), innerStart, innerEnd: trimEnd(line), closed: false });
      break;
    }
    spans.push({ start, end: close + CLOSE.length, innerStart, innerEnd: close, closed: true });
    from = close + CLOSE.length;
  }
  return spans;
}

function trimEnd(line: string): number {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return end;
}

export function toPlaceholder(line: string, lineNo: number, span: PlaceholderSpan): Placeholder {
  const inner = line.slice(span.innerStart, span.innerEnd);
  const content = analyzePlaceholder(inner);
  const placeholder: Placeholder = {
    range: { start: { line: lineNo, character: span.start }, end: { line: lineNo, character: span.end } },
    inner,
    innerRange: { start: { line: lineNo, character: span.innerStart }, end: { line: lineNo, character: span.innerEnd } },
    options: content.options,
    closed: span.closed,
  };
  if (content.example !== undefined) placeholder.example = content.example;
  return placeholder;
}

/** The text a placeholder would most plausibly be filled with: its example, else its first option. */
export function suggestedFill(p: Placeholder): string | undefined {
  return p.example ?? p.options[0];
}
