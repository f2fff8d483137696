/**
 * `__(…)__` placeholders: where they are in a line and what they offer.
 *   __(保险/政府/航空/零售等)__   → options 保险, 政府, 航空, 零售
 *   __(如「500万+」)__            → example 500万+
 *   __(例：500万+注册用户)__      → example 500万+注册用户
 *   __(60%)__                    → example 60% (a single suggestion)
 */
import { isJsSpace, type Range } from './document';
import { endCharacter, endLine, LineRange, startCharacter, startLine } from './lineRange';
import type { Placeholder } from './model';
import { isHan } from './text/isHan';
import { lazy } from './text/lazy';

export interface PlaceholderContent {
  options: string[];
  example?: string;
}

/**
 * Quoted sample such as 「500万+」 or “500万+”: the first opening quote and the first closing quote
 * after it (a scan: the regular expression it replaces retried every opening quote to the end of
 * the text, quadratic on `“a“a“a…`).
 */
function quotedSample(text: string): string | undefined {
  for (let open = 0; open < text.length - 1; open++) {
    // An opening quote, not closed right away (`“”` quotes nothing: look further on).
    if (!isOpeningQuote(text.charCodeAt(open)) || isClosingQuote(text.charCodeAt(open + 1))) continue;
    let close = open + 2;
    while (close < text.length && !isClosingQuote(text.charCodeAt(close))) close++;
    // Without a closing quote after this one, none comes after a later one either.
    return close < text.length ? text.slice(open + 1, close) : undefined;
  }
  return undefined;
}

/** 「 “ " 『 (compared as code units: a placeholder's every character is looked at). */
function isOpeningQuote(c: number): boolean {
  return c === 0x300c || c === 0x201c || c === 0x22 || c === 0x300e;
}

/** 」 ” " 』 */
function isClosingQuote(c: number): boolean {
  return c === 0x300d || c === 0x201d || c === 0x22 || c === 0x300f;
}
/** Leading example markers: 例：, 例如, 如, 比如, e.g. */
const EXAMPLE_PREFIX = /^(?:例如|比如|例|如|e\.g\.|eg)\s*[:：]?\s*/i;
/** Markers that make the rest one example even when it contains slashes (`例：<15分钟/季度`). */
const EXPLICIT_EXAMPLE = /^(?:例如|比如|例|如|e\.g\.)\s*[:：]\s*|^(?:例如|比如)\s*/i;
/**
 * A slash after a quantity that means "per" (2MB/s, 15分钟/季度, $150万/年), not a choice between
 * options (半年/季度): `(?<=\d[\p{L}%]{0,4})[/／](?=…)`, tested at each slash as two halves (see
 * {@link isPerUnitSlash}) instead of scanning every position with the lookbehind.
 */
// Both made on first use (`lazy`; the first for its \p{…}): most intakes have no slash before a unit.
const QUANTITY_BEFORE = lazy(() => /\d[\p{L}%]{0,4}$/u);
/**
 * A unit, `(?:s|秒|分钟|小时|天|日|周|月|季度|年)(?![\p{Script=Han}A-Za-z])`: the lookahead is tested
 * apart ({@link unitAt}), by isHan, so that no pattern with \p{Script=Han} is made for it. No unit
 * is the start of another (their first characters differ), so the pattern's match is this one.
 */
const UNIT = lazy(() => /(?:s|秒|分钟|小时|天|日|周|月|季度|年)/uy);
/** The lookbehind reaches back at most a digit and four code points (two units each). */
const QUANTITY_REACH = 9;
/**
 * Prose: a full-width comma, full stop or semicolon (`/[，。；]/`) means one described value, not a
 * list of options. Looked for by code unit: a regular expression per placeholder cost more.
 */
function isProse(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c || c === 0x3002 || c === 0xff1b) return true;
  }
  return false;
}
/** A trailing 等 / 等等 ("and so on") is not part of the last option. */
const TRAILING_ETC = /(?:等等|等)$/;
const ETC = 0x7b49; // 等

export function analyzePlaceholder(inner: string): PlaceholderContent {
  const text = inner.trim();
  if (text.length === 0) return { options: [] };
  const quoted = quotedSample(text);
  if (quoted !== undefined) return { options: [], example: quoted.trim() };
  // Both example expressions are anchored, so text that cannot start one skips them (most text).
  const prefixed = mayStartExample(text.charCodeAt(0));
  if (prefixed && (EXPLICIT_EXAMPLE.test(text) || (EXAMPLE_PREFIX.test(text) && !text.includes('/')))) {
    const rest = text.replace(EXPLICIT_EXAMPLE, '').replace(EXAMPLE_PREFIX, '').trim();
    if (rest.length > 0) return { options: [], example: rest };
  }
  if (isProse(text)) return { options: [], example: text };
  const count = splitOptions(text, scratch);
  if (count >= 2) {
    const last = count - 1;
    // The parts are trimmed already: only a last part ending in 等 changes here.
    const lastPart = scratch[last]!;
    if (lastPart.charCodeAt(lastPart.length - 1) === ETC) scratch[last] = lastPart.replace(TRAILING_ETC, '').trim() || lastPart;
    const options = dedupe(scratch, count);
    clearScratch(count);
    return { options };
  }
  clearScratch(count);
  return { options: [], example: (prefixed && text.replace(EXAMPLE_PREFIX, '').trim()) || text };
}

/**
 * Whether text starting with `c` can start an example marker (例, 比, 如, e or E): the `i` flag
 * without `u` folds no other character onto these.
 */
function mayStartExample(c: number): boolean {
  return c === 0x4f8b || c === 0x6bd4 || c === 0x5982 || c === 0x65 || c === 0x45;
}

/** Where {@link splitOptions} puts the parts (reused: only the returned options are kept). */
const scratch: string[] = [];

/**
 * Empties the first `count` parts of {@link scratch}, to hold on to no part of the document. A
 * loop: `fill` with bounds is a call into the runtime each time (about 4.8 M instructions of a
 * cold 1 MB analysis, callgrind).
 */
function clearScratch(count: number): void {
  for (let i = 0; i < count; i++) scratch[i] = '';
}

/** `[...new Set(values.slice(0, count))]`, as an array of exactly its length: option lists are short. */
function dedupe(values: string[], count: number): string[] {
  let unique = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    let seen = false;
    for (let j = 0; j < unique && !seen; j++) seen = values[j] === v;
    if (!seen) values[unique++] = v;
  }
  return values.slice(0, unique);
}

function isPerUnitSlash(text: string, at: number): boolean {
  // Most slashes part options (`政府/航空`): the character after them starts no unit.
  if (!mayStartUnit(text.charCodeAt(at + 1))) return false;
  return unitAt(text, at + 1) && QUANTITY_BEFORE().test(text.slice(Math.max(0, at - QUANTITY_REACH), at));
}

/** Whether a unit ({@link UNIT}) starts at `i` of `text`, not followed by a Han character or an ASCII letter. */
export function unitAt(text: string, i: number): boolean {
  const unit = UNIT();
  unit.lastIndex = i;
  if (!unit.test(text)) return false;
  const next = text.codePointAt(unit.lastIndex);
  return next === undefined || !((next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a) || isHan(next));
}

/** Whether `c` can start a unit of {@link UNIT}: s 秒 分 小 天 日 周 月 季 年. */
function mayStartUnit(c: number): boolean {
  return c === 0x73 || c === 0x79d2 || c === 0x5206 || c === 0x5c0f || c === 0x5929 || c === 0x65e5 || c === 0x5468 || c === 0x6708 || c === 0x5b63 || c === 0x5e74;
}

/**
 * The options of `a/b／c` into `parts` (their number is returned): split at every slash that is
 * not a "per" slash, each part trimmed, empty parts dropped. A "per" slash stays (as `/`), and
 * so does a NUL, which is written as `/` (the NUL once marked "per" slashes while splitting;
 * the result is kept as it was).
 */
function splitOptions(text: string, parts: string[]): number {
  let count = 0;
  let current = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || ((c === 0x2f || c === 0xff0f) && isPerUnitSlash(text, i))) {
      current += text.slice(from, i) + '/';
      from = i + 1;
    } else if (c === 0x2f || c === 0xff0f) {
      count = pushTrimmed(parts, count, current, text, from, i);
      current = '';
      from = i + 1;
    }
  }
  return pushTrimmed(parts, count, current, text, from, text.length);
}

/**
 * Puts `(head + text[from, to)).trim()` at `parts[count]` unless it is empty, and returns the new
 * count; without the joined string when there is no head.
 */
function pushTrimmed(parts: string[], count: number, head: string, text: string, from: number, to: number): number {
  let part: string;
  if (head.length > 0) {
    part = (head + text.slice(from, to)).trim();
  } else {
    while (from < to && isJsSpace(text.charCodeAt(from))) from++;
    while (to > from && isJsSpace(text.charCodeAt(to - 1))) to--;
    part = to > from ? text.slice(from, to) : '';
  }
  if (part.length === 0) return count;
  parts[count] = part;
  return count + 1;
}

/**
 * {@link analyzePlaceholder} with a memory, for one parse: the copies of a template in a file
 * repeat the same placeholders. What it returns is shared by every placeholder of the same
 * content (see {@link placeholderOf}), so no one may change it.
 */
export class PlaceholderAnalyzer {
  private readonly seen = new Map<string, AnalyzedPlaceholder>();
  /** The entry returned last: its `next` is the guess for the following placeholder. */
  private last: AnalyzedPlaceholder | undefined;

  /**
   * The content of `line[start, end)`, with the first string equal to it that was seen: the
   * placeholders of the same text keep that one string instead of a string each (a parse's model
   * is kept as long as its document, and has thousands of copies of a template's placeholders).
   * Copies of a template have their placeholders in the same order, so the one that followed the
   * previous placeholder last time is compared in place first: when it matches, there is no
   * slice to make and no string to hash for the map.
   */
  entryIn(line: string, start: number, end: number): AnalyzedPlaceholder {
    const last = this.last;
    const guess = last?.next;
    if (guess && guess.inner.length === end - start && line.startsWith(guess.inner, start)) return (this.last = guess);
    const inner = line.slice(start, end);
    let entry = this.seen.get(inner);
    if (!entry) {
      entry = { inner, content: analyzePlaceholder(inner), next: undefined };
      this.seen.set(inner, entry);
    }
    if (last) last.next = entry;
    return (this.last = entry);
  }
}

export interface AnalyzedPlaceholder {
  readonly inner: string;
  readonly content: PlaceholderContent;
  /** The entry that followed this one last time (see {@link PlaceholderAnalyzer.entryIn}). */
  next: AnalyzedPlaceholder | undefined;
}

/**
 * A placeholder of a parsed text, its inner range made when read: the text between `__(` and
 * `)__` (to the end of its range when unclosed) is found from its range, and only the tests and
 * the JSON of a model read it. A 1 MB file has about 9,000 placeholders, each with a LineRange
 * kept for it before. `toJSON` writes what the plain placeholder writes, in the same key order;
 * `example` is an own field only when there is one, as in the plain form.
 */
export class ParsedPlaceholder implements Placeholder {
  readonly range: Range;
  readonly inner: string;
  readonly options: string[];
  readonly closed: boolean;
  declare readonly example?: string;

  constructor(range: Range, inner: string, options: string[], closed: boolean, example: string | undefined) {
    this.range = range;
    this.inner = inner;
    this.options = options;
    this.closed = closed;
    if (example !== undefined) (this as { example?: string }).example = example;
  }

  get innerRange(): LineRange {
    const r = this.range;
    return new LineRange(startLine(r), startCharacter(r) + 3, endLine(r), endCharacter(r) - (this.closed ? 3 : 0));
  }

  toJSON(): Placeholder {
    const { range, inner, innerRange, options, closed, example } = this;
    return example !== undefined ? { range, inner, innerRange, options, closed, example } : { range, inner, innerRange, options, closed };
  }
}

/**
 * The placeholder of `entry`'s content at `range` (the parser makes it a LineRange). Placeholders
 * of the same content share one options list: nothing changes a placeholder's options (a fix,
 * the hover, completion and the diagnostics' data only read them), and a large file has
 * thousands of copies of a template's placeholders.
 */
export function placeholderOf(entry: AnalyzedPlaceholder, range: Range, closed: boolean): ParsedPlaceholder {
  const content = entry.content;
  return new ParsedPlaceholder(range, entry.inner, content.options, closed, content.example);
}

/** The text a placeholder would most plausibly be filled with: its example, else its first option. */
export function suggestedFill(p: Placeholder): string | undefined {
  return p.example ?? p.options[0];
}
