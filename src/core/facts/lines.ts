/**
 * The intake as the analysis checks see it: one {@link AnalysisLine} per value, joined to the
 * engine's {@link Fact} of the same line (canonical section and field names), with the value's
 * text exactly as written except that unfilled placeholders are blanked out with spaces. Blanking
 * keeps every character offset, so a match in `text` at [start, end) is the document range
 * (line, character + start) … (line, character + end): checks can anchor at the offending value.
 */
import { getFieldCatalog, type FieldSpec, type SectionSpec } from '../catalog/catalog';
import { isAsciiDigit, isJsSpace, type Range } from '../document';
import { afterColonOf } from '../fieldParts';
import { endCharacter, endLine, startCharacter, startLine } from '../lineRange';
import { extractFacts, type CatalogLookup, type Fact, type IntakeFacts } from './facts';
import type { FieldItem, Intake, Item, Section, Value } from '../model';

export interface AnalysisLine {
  /** Canonical section name. */
  section: string;
  /** Canonical field names down to this line (empty for a section header or top-level text). */
  fieldPath: string[];
  /** The key as written, for fields. */
  key?: string;
  /** The value as written, placeholders blanked with spaces (so offsets match the document). */
  text: string;
  /** 0-based document line. */
  line: number;
  /** Character at which `text` starts on that line. */
  character: number;
  /** The engine fact for this line, when there is one (the source of citations). */
  fact?: Fact;
  parent?: AnalysisLine;
  children: AnalysisLine[];
}

export interface AnalysisInput {
  intake: Intake;
  facts: IntakeFacts;
  /** Every value line, in document order. */
  lines: AnalysisLine[];
}

/** Blank the placeholders of a value with spaces, keeping offsets. */
export function maskedText(value: Value | undefined): string {
  if (!value) return '';
  if (value.placeholders.length === 0) return value.text;
  const base = startCharacter(value.range);
  const text = value.text;
  // The whole value is one placeholder (a blank template's field): all blanks.
  const only = value.placeholders.length === 1 ? value.placeholders[0] : undefined;
  if (only && startCharacter(only.range) === base && startLine(only.range) === endLine(only.range) && endCharacter(only.range) - base >= text.length) return blanks(text.length);
  // Placeholders come in order and apart (as the parser finds them): splice blanks between slices.
  let out = '';
  let pos = 0;
  for (const p of value.placeholders) {
    const from = Math.max(0, startCharacter(p.range) - base);
    const to = startLine(p.range) === endLine(p.range) ? Math.min(text.length, endCharacter(p.range) - base) : text.length;
    if (from < pos) return maskedTextAnyOrder(value);
    if (to <= from) continue;
    out += text.slice(pos, from) + blanks(to - from);
    pos = to;
  }
  return out + text.slice(pos);
}

/** Strings of spaces by length, made once: placeholders are short, and common. */
const BLANKS: string[] = [];

function blanks(n: number): string {
  if (n >= 256) return ' '.repeat(n);
  return (BLANKS[n] ??= ' '.repeat(n));
}

/** {@link maskedText} for placeholders in any order, overlapping or not. */
function maskedTextAnyOrder(value: Value): string {
  const base = value.range.start.character;
  const chars = value.text.split('');
  for (const p of value.placeholders) {
    const from = Math.max(0, p.range.start.character - base);
    const to = p.range.start.line === p.range.end.line ? Math.min(chars.length, p.range.end.character - base) : chars.length;
    for (let i = from; i < to; i++) chars[i] = ' ';
  }
  return chars.join('');
}

/** The document range of `[start, end)` in a line's text. */
export function spanRange(line: AnalysisLine, start: number, end: number): Range {
  const s = Math.max(0, Math.min(start, line.text.length));
  const e = Math.max(s, Math.min(end, line.text.length));
  return { start: { line: line.line, character: line.character + s }, end: { line: line.line, character: line.character + e } };
}

/** A short label for a line: its key as written, else its canonical field, else its section. */
export function lineLabel(line: AnalysisLine): string {
  return line.key ?? line.fieldPath[line.fieldPath.length - 1] ?? line.section;
}

/** Whether the line carries anything but blanks. */
export function hasText(line: AnalysisLine): boolean {
  return !isBlank(line.text);
}

/**
 * `text.trim().length === 0`, without allocating. Half the lines of a large file are a blanked
 * placeholder and nothing else, and several checks ask this of each: such a line's text is one of
 * the shared strings of spaces {@link blanks} makes, recognised by identity without reading it.
 */
export function isBlank(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  // Most lines with text start with it: one character tells.
  if (!isJsSpace(text.charCodeAt(0))) return false;
  if (n < BLANKS.length && BLANKS[n] === text) return true;
  for (let i = 1; i < n; i++) if (!isJsSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Whether `text[from, to)` has an ASCII digit: amounts, durations and percentages all do. */
export function hasDigit(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) if (isAsciiDigit(text.charCodeAt(i))) return true;
  return false;
}

/** Whether `text` has a per cent sign (`%` or `％`). */
export function hasPercentSign(text: string): boolean {
  return text.includes('%') || text.includes('％');
}

export function buildAnalysisInput(intake: Intake, catalog: CatalogLookup = getFieldCatalog(), facts: IntakeFacts = extractFacts(intake, catalog)): AnalysisInput {
  const byLine = new Map<number, Fact>();
  for (const f of facts.facts) if (!byLine.has(f.line)) byLine.set(f.line, f);
  const lines: AnalysisLine[] = [];
  for (const section of intake.sections) {
    // The header's line is the section's first (its range would be made to be read).
    const headerFact = byLine.get(startLine(section.range));
    const sectionName = headerFact?.section ?? catalog.section(section.name)?.name ?? section.name;
    if (section.value) {
      const header = makeLine(sectionName, [], undefined, section.value, headerFact, undefined);
      lines.push(header);
    }
    addItems(section.items, sectionName, [], undefined, byLine, lines);
  }
  return { intake, facts, lines };
}

function makeLine(section: string, fieldPath: string[], key: string | undefined, value: Value, fact: Fact | undefined, parent: AnalysisLine | undefined): AnalysisLine {
  const line: AnalysisLine = {
    section,
    fieldPath,
    text: maskedText(value),
    line: startLine(value.range),
    character: startCharacter(value.range),
    children: [],
  };
  if (key !== undefined) line.key = key;
  if (fact) line.fact = fact;
  if (parent) {
    line.parent = parent;
    parent.children.push(line);
  }
  return line;
}

/** The empty value of a field that has none: where its value would start, just after its colon. */
function emptyValueAfter(field: FieldItem): Value {
  const at = afterColonOf(field);
  return { text: '', range: { start: at, end: at }, placeholders: [] };
}

function addItems(items: readonly Item[], section: string, path: string[], parent: AnalysisLine | undefined, byLine: Map<number, Fact>, out: AnalysisLine[]): void {
  for (const item of items) {
    const lineNo = startLine(item.range);
    const fact = byLine.get(lineNo);
    const realSection = fact?.section ?? section;
    const fieldPath = fact?.fieldPath ?? (item.kind === 'field' ? [...path, item.key] : path);
    let line: AnalysisLine | undefined;
    if (item.kind === 'field') {
      // A field without a value still gets a line (empty text), so its children have a parent.
      const value: Value = item.value ?? emptyValueAfter(item);
      line = makeLine(realSection, fieldPath, item.key, value, fact, parent);
    } else {
      line = makeLine(realSection, fieldPath, undefined, item.value, fact, parent);
    }
    out.push(line);
    addItems(item.children, realSection, fieldPath, line, byLine, out);
  }
}

/** Told about every field {@link buildAnalysisLines} passes, with its catalog spec (if known). */
export type FieldVisitor = (field: FieldItem, spec: FieldSpec | undefined) => void;

/**
 * The lines {@link buildAnalysisInput} makes, without the facts: each line's canonical section
 * and field path come straight from the catalog, as {@link extractFacts} would resolve them
 * (every field has a fact, and a text line without one inherits its parent's path either way).
 * For the analysis checks, which read the lines and never the facts. `onField` lets the
 * validator check the fields in the same walk over the intake.
 */
export function buildAnalysisLines(intake: Intake, catalog: CatalogLookup, onField?: FieldVisitor, fields = new FieldResolver(catalog)): AnalysisLine[] {
  const builder = new LineBuilder(catalog, onField, fields);
  for (const section of intake.sections) builder.section(section);
  return builder.lines;
}

/**
 * The lines of one section, as {@link buildAnalysisLines} makes them (an intake's lines are its
 * sections', one after the other).
 */
export function buildSectionLines(section: Section, catalog: CatalogLookup, onField?: FieldVisitor, fields = new FieldResolver(catalog)): AnalysisLine[] {
  const builder = new LineBuilder(catalog, onField, fields);
  builder.section(section);
  return builder.lines;
}

/**
 * Shared by the lines {@link buildAnalysisLines} makes, which nobody modifies: the empty path of
 * top-level lines, and the empty children of leaves (a line gets its own array with its first child).
 */
const NO_PATH: string[] = [];
const NO_CHILDREN: AnalysisLine[] = [];

/** A field as the analysis sees it: its catalog spec (if known) and its path of canonical names. */
interface ResolvedField {
  spec: FieldSpec | undefined;
  path: string[];
}

/**
 * Fields resolved by where they stand and their key, each once: every intake of a file has the
 * same fields, and a catalog lookup normalises its key first. Lines with the same path share one
 * path array (read only). The validator keeps one per validation.
 */
export class FieldResolver {
  /** By parent: the section (its spec, or its name when unknown) for top-level fields, else the parent's path. */
  private readonly byParent = new Map<object | string, Map<string, ResolvedField>>();

  constructor(private readonly catalog: CatalogLookup) {}

  /** The fields under `parent` resolved so far, by key: look-ups for the items of one parent share it. */
  fieldsOf(parent: object | string): Map<string, ResolvedField> {
    let byKey = this.byParent.get(parent);
    if (!byKey) this.byParent.set(parent, (byKey = new Map()));
    return byKey;
  }

  /** The field `key` among `byKey`, the {@link fieldsOf} its parent, whose path is `path`. */
  resolve(byKey: Map<string, ResolvedField>, path: string[], sectionSpec: SectionSpec | undefined, key: string): ResolvedField {
    let field = byKey.get(key);
    if (!field) {
      const spec = sectionSpec && this.catalog.field(sectionSpec, key);
      const name = spec?.name ?? key;
      field = { spec, path: path.length === 0 ? [name] : [...path, name] };
      byKey.set(key, field);
    }
    return field;
  }
}

class LineBuilder {
  readonly lines: AnalysisLine[] = [];

  /** The section being walked: its canonical name and catalog spec. */
  private name = '';
  private spec: SectionSpec | undefined;

  constructor(
    private readonly catalog: CatalogLookup,
    private readonly onField: FieldVisitor | undefined,
    private readonly fields: FieldResolver,
  ) {}

  section(section: Section): void {
    this.spec = this.catalog.section(section.name);
    this.name = this.spec?.name ?? section.name;
    if (section.value) this.lines.push(this.line(NO_PATH, undefined, section.value, undefined, undefined));
    this.items(section.items, this.spec ?? this.name, NO_PATH, undefined);
  }

  /** `where` stands for the items' place: their section for top-level items, else their path. */
  private items(items: readonly Item[], where: object | string, path: string[], parent: AnalysisLine | undefined): void {
    // Made when the first field is met (a run of text lines has none).
    let fields: Map<string, ResolvedField> | undefined;
    for (const item of items) {
      let line: AnalysisLine;
      let fieldPath = path;
      if (item.kind === 'field') {
        const field = this.fields.resolve((fields ??= this.fields.fieldsOf(where)), path, this.spec, item.key);
        this.onField?.(item, field.spec);
        fieldPath = field.path;
        line = this.line(fieldPath, item.key, item.value, item, parent);
      } else {
        line = this.line(fieldPath, undefined, item.value, undefined, parent);
      }
      this.lines.push(line);
      if (item.children.length > 0) this.items(item.children, fieldPath === NO_PATH ? where : fieldPath, fieldPath, line);
    }
  }

  /** A line for `value`; a field without a value (`value` undefined) gets an empty line just after its colon. */
  private line(fieldPath: string[], key: string | undefined, value: Value | undefined, field: FieldItem | undefined, parent: AnalysisLine | undefined): AnalysisLine {
    const after = value ? undefined : afterColonOf(field!);
    // Every line has the same shape (`key` and `parent` even when undefined): the checks read
    // them with `??` and `!== undefined`, never with `in`.
    const line: AnalysisLine = {
      section: this.name,
      fieldPath,
      key,
      text: value ? maskedText(value) : '',
      line: after ? after.line : startLine(value!.range),
      character: after ? after.character : startCharacter(value!.range),
      parent,
      children: NO_CHILDREN,
    };
    if (parent) {
      if (parent.children === NO_CHILDREN) parent.children = [line];
      else parent.children.push(line);
    }
    return line;
  }
}

/** All descendants of a line, depth first. */
export function descendants(line: AnalysisLine): AnalysisLine[] {
  const out: AnalysisLine[] = [];
  const walk = (l: AnalysisLine) => {
    for (const c of l.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(line);
  return out;
}

/**
 * `list.sort(compare)` for the short lists of one line's matches: a stable insertion sort in
 * place, which unlike `Array.prototype.sort` allocates nothing; long lists are left to `sort`.
 */
export function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > 16) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i - 1;
    while (j >= 0 && compare(list[j]!, item) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}

/** Clause boundaries: Chinese and Western commas, semicolons, full stops and enumeration commas. */
export const CLAUSE_SEPARATOR = /[，,；;。、]/;

/**
 * Clause boundaries without the enumeration comma: a list ("POS、ERP、WMS和会员系统") stays inside
 * its clause.
 */
export const CLAUSE_SEPARATOR_NO_LIST = /[，,；;。]/;

/**
 * The [start, end) of the clause of `text` that contains `at` (the span [at, to) when `to` is
 * given), reaching at most `reach` characters either side of it: a caller that looks around each
 * of many spans of one line bounds the reach, so that the line stays linear.
 */
export function clauseAround(
  text: string,
  at: number,
  separator: RegExp = CLAUSE_SEPARATOR,
  { to = at, reach = Infinity }: { to?: number; reach?: number } = {},
): { start: number; end: number } {
  let start = at;
  while (start > 0 && at - start < reach && !separator.test(text.charAt(start - 1))) start--;
  let end = to;
  while (end < text.length && end - to < reach && !separator.test(text.charAt(end))) end++;
  return { start, end };
}

/** Format a number with a fixed number of decimals and thousands separators, locale-independent. */
export function formatNumber(n: number, decimals = 0): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const dot = fixed.indexOf('.');
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  return (n < 0 ? '-' : '') + groupThousands(int) + (dot < 0 ? '' : fixed.slice(dot));
}

/**
 * `1234567` → `1,234,567`: a group of one to three digits, then groups of three, each a slice (a
 * scan: the lookahead idiom `\B(?=(\d{3})+(?!\d))` is quadratic in the digits).
 */
function groupThousands(digits: string): string {
  let at = digits.length % 3 || 3;
  if (at >= digits.length) return digits;
  let out = digits.slice(0, at);
  for (; at < digits.length; at += 3) out += `,${digits.slice(at, at + 3)}`;
  return out;
}

/** `12.50` → `12.5`, `15.00` → `15`: trailing zeros of the decimals, and the point if nothing is left after it. */
export function dropTrailingZeros(s: string): string {
  if (!s.includes('.')) return s;
  let end = s.length;
  while (end > 0 && s[end - 1] === '0') end--;
  if (end === s.length) return s;
  if (s[end - 1] === '.') end--;
  return s.slice(0, end);
}

/** Like formatNumber, but drops a trailing ".0" (65.7, 15, 4.4). */
export function formatCompact(n: number, decimals = 1): string {
  return dropTrailingZeros(formatNumber(n, decimals));
}
