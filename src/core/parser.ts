/**
 * Turns intake text into an {@link IntakeFile}. Line based, single pass, and total: it never
 * throws, whatever the input; what it cannot model becomes preamble text or a problem.
 *
 * Intakes in one file are split by separator lines (`=====`, `===!!!`, an indented `!!!!!`,
 * `-----`) or by a new `[客户行业]` block. `###` headings belong to the section, and so to the
 * intake, that follows them.
 */
import type { Position, Range, TextDocumentLike } from './document';
import type { Colon, FieldItem, Heading, Intake, IntakeFile, Item, ParseProblem, Placeholder, Section, TextItem, Value } from './model';
import { findPlaceholderSpans, toPlaceholder } from './placeholder';

const SEPARATOR = /^[ \t]*[=!\-]{3,}[ \t]*$/;
const HEADING = /^([ \t]*)(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const SECTION = /^([ \t]*)(\[|【)([^\[\]【】]{1,40})(\]|】)(?![(（])[ \t]*(.*)$/;
const BULLET = /^([ \t]*)([-*+•])(?:[ \t]+|$)(.*)$/;
/** Section names that always open a new intake when the current one already has sections. */
const INTAKE_START_SECTIONS = new Set(['客户行业', '行业', '所属行业']);
/**
 * Deepest bullet nesting kept as such; deeper bullets become siblings at this depth, so
 * hostile input (thousands of levels) cannot overflow the stack of any tree walker.
 */
export const MAX_ITEM_DEPTH = 256;
/** Longest text accepted as a field key; longer text before a colon is prose. */
const MAX_KEY_LENGTH = 24;
/** Punctuation that marks prose rather than a key. */
const PROSE_IN_KEY = /[，,。；;！？!?、]/;

interface Line {
  text: string;
  no: number;
  indent: number;
  placeholders: Placeholder[];
}

export function parseIntake(input: TextDocumentLike | string): IntakeFile {
  const text = typeof input === 'string' ? input : input.getText();
  return new IntakeParser(text).parse();
}

function splitLines(text: string): { lines: string[]; eol: IntakeFile['eol'] } {
  const lines = text.split(/\r\n|\r|\n/);
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = text.indexOf('\n'); i >= 0 && crlf + lf < 64; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  if (crlf + lf === 0 && text.includes('\r')) cr = 1;
  const eol = cr ? '\r' : crlf > lf ? '\r\n' : '\n';
  return { lines, eol };
}

function columns(whitespace: string): number {
  let n = 0;
  for (const c of whitespace) n += c === '\t' ? 4 : 1;
  return n;
}

function rangeOf(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && /[ \t\u3000]/.test(text[end - 1]!)) end--;
  return end;
}

class IntakeParser {
  private readonly lines: string[];
  private readonly eol: IntakeFile['eol'];
  private readonly intakes: Intake[] = [];
  private readonly allPlaceholders: Placeholder[] = [];
  private readonly problems: ParseProblem[] = [];
  /** Intakes whose range has been set by a first piece of content. */
  private readonly started = new Set<Intake>();

  private intake: Intake | undefined;
  private section: Section | undefined;
  /** Open items of the current section, innermost last. */
  private stack: Item[] = [];
  private pendingHeadings: Heading[] = [];

  constructor(text: string) {
    const split = splitLines(text);
    this.lines = split.lines;
    this.eol = split.eol;
  }

  parse(): IntakeFile {
    for (let no = 0; no < this.lines.length; no++) {
      this.parseLine(no, this.lines[no]!);
    }
    this.closeIntake(undefined);
    return {
      intakes: this.intakes,
      placeholders: this.allPlaceholders,
      problems: this.problems,
      lineCount: this.lines.length,
      eol: this.eol,
    };
  }

  private parseLine(no: number, text: string): void {
    if (text.trim().length === 0) return;
    if (SEPARATOR.test(text)) {
      this.closeIntake(rangeOf(no, text.length - text.trimStart().length, trimmedEnd(text)));
      return;
    }
    const placeholders = this.collectPlaceholders(no, text);
    const indentMatch = /^[ \t]*/.exec(text)![0];
    const line: Line = { text, no, indent: columns(indentMatch), placeholders };

    const heading = HEADING.exec(text);
    if (heading) {
      this.onHeading(line, heading);
      return;
    }
    const section = SECTION.exec(text);
    if (section && isSectionName(section[3]!)) {
      this.onSection(line, section);
      return;
    }
    const bullet = BULLET.exec(text);
    if (bullet) {
      this.onItem(line, bullet[1]!.length + bullet[2]!.length, true);
      return;
    }
    this.onItem(line, indentMatch.length, false);
  }

  private collectPlaceholders(no: number, text: string): Placeholder[] {
    if (!text.includes('__(')) return [];
    const result: Placeholder[] = [];
    for (const span of findPlaceholderSpans(text)) {
      const p = toPlaceholder(text, no, span);
      result.push(p);
      this.allPlaceholders.push(p);
      if (!p.closed) this.problems.push({ code: 'intake.unclosed-placeholder', range: p.range });
    }
    return result;
  }

  private currentIntake(): Intake {
    if (!this.intake) {
      this.intake = {
        index: this.intakes.length,
        sections: [],
        headings: [],
        preamble: [],
        range: rangeOf(0, 0, 0),
      };
      this.intakes.push(this.intake);
    }
    return this.intake;
  }

  private onHeading(line: Line, m: RegExpExecArray): void {
    this.closeSection();
    const start = m[1]!.length;
    this.pendingHeadings.push({ level: m[2]!.length, text: m[3]!.trim(), range: rangeOf(line.no, start, trimmedEnd(line.text)) });
  }

  private onSection(line: Line, m: RegExpExecArray): void {
    const name = m[3]!.trim();
    const current = this.intake;
    // Headings directly above this header belong to it (and to the intake it may open).
    const headings = this.pendingHeadings;
    this.pendingHeadings = [];
    if (current && current.sections.length > 0 && INTAKE_START_SECTIONS.has(name)) {
      this.closeIntake(undefined);
    }
    this.closeSection();
    const intake = this.currentIntake();
    for (const h of headings) this.extendIntake(intake, h.range);
    intake.headings.push(...headings);

    const start = m[1]!.length;
    const open = m[2]!;
    const nameStart = start + open.length + (m[3]!.length - m[3]!.trimStart().length);
    const closeAt = start + open.length + m[3]!.length;
    const afterClose = closeAt + 1;
    let rest = m[5]!;
    let restStart = line.text.length - rest.length;
    let colon: Colon | undefined;
    const first = rest[0];
    if (first === '：' || first === ':') {
      colon = { char: first, range: rangeOf(line.no, restStart, restStart + 1) };
      rest = rest.slice(1);
      restStart++;
    }
    const section: Section = {
      name,
      nameRange: rangeOf(line.no, nameStart, nameStart + name.length),
      bracketRange: rangeOf(line.no, start, closeAt + 1),
      headerRange: rangeOf(line.no, start, Math.max(afterClose, trimmedEnd(line.text))),
      brackets: open === '[' ? '[]' : '【】',
      items: [],
      range: rangeOf(line.no, start, trimmedEnd(line.text)),
    };
    if (colon) section.colon = colon;
    const value = this.valueOf(line, restStart, line.text.length);
    if (value) section.value = value;
    const heading = headings[headings.length - 1];
    if (heading) section.heading = heading;
    intake.sections.push(section);
    this.section = section;
    this.stack = [];
    this.extendIntake(intake, section.range);
  }

  private onItem(line: Line, contentStart: number, bullet: boolean): void {
    const intake = this.currentIntake();
    if (!this.section) {
      // Text before any section (a title, a note): kept, never lost, but not a field.
      const value = this.valueOf(line, line.indent === 0 ? 0 : contentStart - (bullet ? 1 : 0), line.text.length);
      if (value) {
        intake.preamble.push(value);
        this.extendIntake(intake, value.range);
      }
      return;
    }
    const item = bullet ? this.bulletItem(line, contentStart) : this.textItem(line, contentStart, false);
    if (!item) return;
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.indent >= item.indent) this.stack.pop();
    if (this.stack.length >= MAX_ITEM_DEPTH) this.stack.length = MAX_ITEM_DEPTH - 1;
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(item);
    else this.section.items.push(item);
    this.stack.push(item);
    // Grow every open ancestor (and the section) to cover this line.
    for (const open of this.stack) open.range = { start: open.range.start, end: item.range.end };
    this.section.range = { start: this.section.range.start, end: item.range.end };
    this.extendIntake(intake, item.range);
  }

  private bulletItem(line: Line, contentStart: number): Item | undefined {
    const text = line.text;
    let start = contentStart;
    while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
    const field = this.fieldAt(line, start);
    return field ?? this.textItem(line, start, true);
  }

  private fieldAt(line: Line, start: number): FieldItem | undefined {
    const text = line.text;
    const itemRange = rangeOf(line.no, line.indent === 0 ? 0 : /^[ \t]*/.exec(text)![0].length, trimmedEnd(text));
    let keyStart: number;
    let keyEnd: number;
    let colonAt: number;
    let valueStart: number;
    let bold = false;
    if (text.startsWith('**', start)) {
      const closeBold = text.indexOf('**', start + 2);
      if (closeBold < 0) return undefined;
      const inner = text.slice(start + 2, closeBold);
      const innerColon = /[:：]\s*$/.exec(inner);
      if (innerColon) {
        // **键：**值
        keyStart = start + 2;
        keyEnd = start + 2 + innerColon.index;
        colonAt = keyEnd;
        valueStart = closeBold + 2;
      } else {
        // **键**：值
        let after = closeBold + 2;
        while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
        if (text[after] !== '：' && text[after] !== ':') return undefined;
        keyStart = start + 2;
        keyEnd = closeBold;
        colonAt = after;
        valueStart = after + 1;
      }
      bold = true;
    } else {
      colonAt = this.keyColon(line, start);
      if (colonAt < 0) return undefined;
      keyStart = start;
      keyEnd = colonAt;
      valueStart = colonAt + 1;
    }
    while (keyEnd > keyStart && /\s/.test(text[keyEnd - 1]!)) keyEnd--;
    while (keyStart < keyEnd && /\s/.test(text[keyStart]!)) keyStart++;
    const key = text.slice(keyStart, keyEnd);
    if (!isPlausibleKey(key)) return undefined;
    const field: FieldItem = {
      kind: 'field',
      key,
      keyRange: rangeOf(line.no, keyStart, keyEnd),
      bold,
      colon: { char: text[colonAt] === ':' ? ':' : '：', range: rangeOf(line.no, colonAt, colonAt + 1) },
      children: [],
      range: itemRange,
      indent: line.indent,
    };
    const value = this.valueOf(line, valueStart, text.length);
    if (value) field.value = value;
    return field;
  }

  /** The colon that ends a plain key: the first one outside placeholders, if the text before it can be a key. */
  private keyColon(line: Line, start: number): number {
    const text = line.text;
    for (let i = start; i < text.length && i - start <= MAX_KEY_LENGTH * 2; i++) {
      const c = text[i];
      if (c === '：' || c === ':') {
        if (line.placeholders.some((p) => p.range.start.character <= i && i < p.range.end.character)) return -1;
        // "http://", "10:30": a half-width colon inside a token is not a key separator.
        if (c === ':' && (text[i + 1] === '/' || /\d/.test(text[i + 1] ?? '') && /\d/.test(text[i - 1] ?? ''))) return -1;
        return i;
      }
      if (c === '_' && text.startsWith('__(', i)) return -1;
    }
    return -1;
  }

  private textItem(line: Line, start: number, bullet: boolean): TextItem | undefined {
    const value = this.valueOf(line, start, line.text.length);
    if (!value) {
      if (!bullet) return undefined;
      // An empty bullet ("- "): keep it as an empty text item so its line is not lost.
      const at = rangeOf(line.no, start, start);
      return { kind: 'text', bullet, value: { text: '', range: at, placeholders: [] }, children: [], range: rangeOf(line.no, /^[ \t]*/.exec(line.text)![0].length, trimmedEnd(line.text)), indent: line.indent };
    }
    return {
      kind: 'text',
      bullet,
      value,
      children: [],
      range: rangeOf(line.no, /^[ \t]*/.exec(line.text)![0].length, value.range.end.character),
      indent: line.indent,
    };
  }

  /** The trimmed text in [start, end) of a line, with the placeholders inside it; undefined when blank. */
  private valueOf(line: Line, start: number, end: number): Value | undefined {
    const text = line.text;
    let s = start;
    let e = Math.min(end, trimmedEnd(text));
    while (s < e && /[ \t\u3000]/.test(text[s]!)) s++;
    if (s >= e) return undefined;
    return {
      text: text.slice(s, e),
      range: rangeOf(line.no, s, e),
      placeholders: line.placeholders.filter((p) => p.range.start.character >= s && p.range.start.character < e),
    };
  }

  private extendIntake(intake: Intake, r: Range): void {
    const empty = !this.started.has(intake);
    this.started.add(intake);
    if (empty || comparePos(r.start, intake.range.start) < 0) intake.range = { start: r.start, end: intake.range.end };
    if (empty || comparePos(r.end, intake.range.end) > 0) intake.range = { start: intake.range.start, end: r.end };
  }

  private closeSection(): void {
    this.section = undefined;
    this.stack = [];
  }

  private closeIntake(separator: Range | undefined): void {
    this.closeSection();
    const intake = this.intake;
    if (this.pendingHeadings.length > 0) {
      // Headings with no section after them stay with the intake they stand in.
      const target = intake ?? this.currentIntake();
      for (const h of this.pendingHeadings) this.extendIntake(target, h.range);
      target.headings.push(...this.pendingHeadings);
      this.pendingHeadings = [];
    }
    const closing = this.intake;
    if (closing && separator) closing.separatorAfter = separator;
    this.intake = undefined;
  }
}

function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** `[ ]` or `[__(x]` is not a section header, just text. */
function isSectionName(raw: string): boolean {
  return raw.trim().length > 0 && !raw.includes('__(');
}

function isPlausibleKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  if (PROSE_IN_KEY.test(key)) return false;
  if (key.includes('__(') || key.includes('**')) return false;
  return /[^\d\s.]/.test(key);
}
