/**
 * The intake as the analysis checks see it: one {@link AnalysisLine} per value, joined to the
 * engine's {@link Fact} of the same line (canonical section and field names), with the value's
 * text exactly as written except that unfilled placeholders are blanked out with spaces. Blanking
 * keeps every character offset, so a match in `text` at [start, end) is the document range
 * (line, character + start) … (line, character + end): checks can anchor at the offending value.
 */
import { getFieldCatalog, type FieldCatalog } from '../catalog/catalog';
import type { Range } from '../document';
import { extractFacts, type Fact, type IntakeFacts } from '../engine/facts';
import type { Intake, Item, Value } from '../model';

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
  return line.text.trim().length > 0;
}

export function buildAnalysisInput(intake: Intake, catalog: FieldCatalog = getFieldCatalog(), facts: IntakeFacts = extractFacts(intake, catalog)): AnalysisInput {
  const byLine = new Map<number, Fact>();
  for (const f of facts.facts) if (!byLine.has(f.line)) byLine.set(f.line, f);
  const lines: AnalysisLine[] = [];
  for (const section of intake.sections) {
    const headerFact = byLine.get(section.headerRange.start.line);
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
    line: value.range.start.line,
    character: value.range.start.character,
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

function addItems(items: readonly Item[], section: string, path: string[], parent: AnalysisLine | undefined, byLine: Map<number, Fact>, out: AnalysisLine[]): void {
  for (const item of items) {
    const lineNo = item.kind === 'field' ? item.keyRange.start.line : item.value.range.start.line;
    const fact = byLine.get(lineNo);
    const realSection = fact?.section ?? section;
    const fieldPath = fact?.fieldPath ?? (item.kind === 'field' ? [...path, item.key] : path);
    let line: AnalysisLine | undefined;
    if (item.kind === 'field') {
      // A field without a value still gets a line (empty text), so its children have a parent.
      const value: Value = item.value ?? { text: '', range: { start: item.colon.range.end, end: item.colon.range.end }, placeholders: [] };
      line = makeLine(realSection, fieldPath, item.key, value, fact, parent);
    } else {
      line = makeLine(realSection, fieldPath, undefined, item.value, fact, parent);
    }
    out.push(line);
    addItems(item.children, realSection, fieldPath, line, byLine, out);
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

/** Clause boundaries: Chinese and Western commas, semicolons, full stops and enumeration commas. */
export const CLAUSE_SEPARATOR = /[，,；;。、]/;

/** The [start, end) of the clause of `text` that contains `at`. */
export function clauseAround(text: string, at: number, separator: RegExp = CLAUSE_SEPARATOR): { start: number; end: number } {
  let start = at;
  while (start > 0 && !separator.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !separator.test(text[end]!)) end++;
  return { start, end };
}

/** Split `text` into clauses with their offsets (empty clauses dropped). */
export function clauses(text: string, separator: RegExp = CLAUSE_SEPARATOR): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || separator.test(text[i]!)) {
      if (text.slice(start, i).trim()) out.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  }
  return out;
}

/** Format a number with a fixed number of decimals and thousands separators, locale-independent. */
export function formatNumber(n: number, decimals = 0): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Like formatNumber, but drops a trailing ".0" (65.7, 15, 4.4). */
export function formatCompact(n: number, decimals = 1): string {
  const s = formatNumber(n, decimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
