/**
 * Range checks shared by the unit and fuzz tests: every range the parser or the validator
 * produces must lie inside the document it came from.
 */
import type { IntakeDiagnostic } from '../../../src/core/diagnostics';
import type { Range } from '../../../src/core/document';
import type { TextEdit } from '../../../src/core/edits';
import type { IntakeFile, Item } from '../../../src/core/model';
import { ColonMark } from '../../../src/core/colonMark';
import { LineRange } from '../../../src/core/lineRange';
import { ParsedSection } from '../../../src/core/parsedSection';
import { ParsedPlaceholder } from '../../../src/core/placeholder';
import { colonOf, keyRangeOf } from '../../../src/core/fieldParts';

/** Every node range of a parsed file, with a label saying where it came from. */
export function nodeRanges(file: IntakeFile): Array<{ where: string; range: Range }> {
  const out: Array<{ where: string; range: Range }> = [];
  const add = (where: string, range: Range | undefined) => {
    if (range) out.push({ where, range });
  };
  const addValue = (where: string, v: { range: Range; placeholders: Array<{ range: Range; innerRange: Range }> } | undefined) => {
    if (!v) return;
    add(`${where}.value`, v.range);
    v.placeholders.forEach((p, i) => {
      add(`${where}.value.placeholders[${i}]`, p.range);
      add(`${where}.value.placeholders[${i}].inner`, p.innerRange);
    });
  };
  const addItems = (where: string, items: readonly Item[]) => {
    items.forEach((item, i) => {
      const w = `${where}.items[${i}]`;
      add(w, item.range);
      if (item.kind === 'field') {
        add(`${w}.key`, keyRangeOf(item));
        add(`${w}.colon`, colonOf(item).range);
        addValue(w, item.value);
      } else {
        addValue(w, item.value);
      }
      addItems(w, item.children);
    });
  };
  file.intakes.forEach((intake, i) => {
    const w = `intakes[${i}]`;
    add(w, intake.range);
    add(`${w}.separatorAfter`, intake.separatorAfter);
    intake.headings.forEach((h, j) => add(`${w}.headings[${j}]`, h.range));
    intake.preamble.forEach((v, j) => addValue(`${w}.preamble[${j}]`, v));
    intake.sections.forEach((s, j) => {
      const sw = `${w}.sections[${j}]`;
      add(sw, s.range);
      add(`${sw}.name`, s.nameRange);
      add(`${sw}.header`, s.headerRange);
      add(`${sw}.colon`, s.colon?.range);
      add(`${sw}.heading`, s.heading?.range);
      addValue(sw, s.value);
      addItems(sw, s.items);
    });
  });
  file.placeholders.forEach((p, i) => {
    add(`placeholders[${i}]`, p.range);
    add(`placeholders[${i}].inner`, p.innerRange);
  });
  file.problems.forEach((p, i) => add(`problems[${i}]`, p.range));
  return out;
}

/** The lines of `text` as VS Code splits them (\r\n, \n or a lone \r). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Why `range` is not inside the document with these lines, or undefined when it is. */
export function rangeProblem(lines: readonly string[], range: Range): string | undefined {
  const { start, end } = range;
  for (const [name, p] of [['start', start], ['end', end]] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `${name} is not an integer position`;
    if (p.line < 0 || p.line >= lines.length) return `${name}.line ${p.line} outside 0..${lines.length - 1}`;
    if (p.character < 0 || p.character > lines[p.line]!.length) return `${name}.character ${p.character} outside 0..${lines[p.line]!.length} on line ${p.line}`;
  }
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return 'start is after end';
  return undefined;
}

/**
 * Every problem with the ranges of a parse and its diagnostics (and optionally fix edits):
 * an empty list when everything lies inside the document.
 */
export function rangeProblems(text: string, file: IntakeFile, diagnostics: readonly IntakeDiagnostic[] = [], edits: readonly TextEdit[] = []): string[] {
  const lines = splitLines(text);
  const problems: string[] = [];
  if (file.lineCount !== lines.length) problems.push(`lineCount ${file.lineCount} but the text has ${lines.length} lines`);
  for (const { where, range } of nodeRanges(file)) {
    const p = rangeProblem(lines, range);
    if (p) problems.push(`${where}: ${p} (${JSON.stringify(range)})`);
  }
  diagnostics.forEach((d, i) => {
    const p = rangeProblem(lines, d.range);
    if (p) problems.push(`diagnostic[${i}] ${d.code}: ${p} (${JSON.stringify(d.range)})`);
    if (!Number.isInteger(d.intake) || d.intake < 0 || d.intake >= Math.max(1, file.intakes.length)) problems.push(`diagnostic[${i}] ${d.code}: intake index ${d.intake} of ${file.intakes.length}`);
  });
  edits.forEach((e, i) => {
    const p = rangeProblem(lines, e.range);
    if (p) problems.push(`edit[${i}]: ${p} (${JSON.stringify(e.range)})`);
  });
  return problems;
}

/**
 * A deep copy of `x` (arrays and plain objects) in which every {@link LineRange} is the plain
 * range it stands for, `{ start: { line, character }, end: { line, character } }`, and every
 * {@link ColonMark}, {@link ParsedPlaceholder} and {@link ParsedSection} the plain colon,
 * placeholder or section: what a strict
 * deep comparison with a literal, or with one made elsewhere, needs (they keep numbers, or a
 * range, and make their ranges when read).
 * Anything else is kept as it is.
 */
export function plain<T>(x: T): T {
  if (x instanceof LineRange || x instanceof ColonMark) return x.toJSON() as T;
  if (x instanceof ParsedPlaceholder || x instanceof ParsedSection) return plain(x.toJSON()) as T;
  if (Array.isArray(x)) return x.map((v: unknown) => plain(v)) as T;
  if (x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(x)) out[key] = plain((x as Record<string, unknown>)[key]);
    return out as T;
  }
  return x;
}
