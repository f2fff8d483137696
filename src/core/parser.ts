/**
 * Turns intake text into an {@link IntakeFile}. Line based, single pass, and total: it never
 * throws, whatever the input; what it cannot model becomes preamble text or a problem.
 *
 * Intakes in one file are split by separator lines (`=====`, `===!!!`, an indented `!!!!!`,
 * `-----`) or by a new `[客户行业]` block. `###` headings belong to the section, and so to the
 * intake, that follows them.
 *
 * Speed: this runs on every keystroke over the whole document, so the hot path compares
 * character codes instead of running a regular expression per line or per character. The
 * heading and section expressions only run on lines whose first character can start them.
 */
import { isAsciiDigit, isJsSpace, type Range, type TextDocumentLike } from './document';
import { ColonMark } from './colonMark';
import { LineRange } from './lineRange';
import { ParsedSection } from './parsedSection';
import type { Colon, FieldItem, Heading, Intake, IntakeFile, Item, ParseProblem, Placeholder, Section, TextItem, Value } from './model';
import { PlaceholderAnalyzer, placeholderOf } from './placeholder';
import { RepeatedKeys, type RepeatedKey } from './text/repeatedKeys';

/**
 * The line shapes, as regular expressions; the parser matches them by hand (see {@link headingAt},
 * {@link sectionAt}, {@link isBulletAt}), character by character:
 *   heading  /^([ \t]*)(#{1,6})[ \t]+(.*?)[ \t#]*$/
 *   section  /^([ \t]*)(\[|【)([^\[\]【】]{1,40})(\]|】)(?![(（])[ \t]*(.*)$/
 *   bullet   /^([ \t]*)([-*+•])(?:[ \t]+|$)(.*)$/
 * Their `.` stops at a line separator (U+2028, U+2029), so a line holding one after the marker
 * is none of them.
 */
const LINE_SEPARATOR = /[\u2028\u2029]/;
/** Section names that always open a new intake when the current one already has sections. */
function startsIntake(name: string): boolean {
  return name === '客户行业' || name === '行业' || name === '所属行业';
}
/**
 * Deepest bullet nesting kept as such; deeper bullets become siblings at this depth, so
 * hostile input (thousands of levels) cannot overflow the stack of any tree walker.
 */
const MAX_ITEM_DEPTH = 256;
/** Longest text accepted as a field key; longer text before a colon is prose. */
const MAX_KEY_LENGTH = 24;

const TAB = 9;
const SPACE = 32;
const IDEOGRAPHIC_SPACE = 0x3000;
const COLON = 58; // :
const FULLWIDTH_COLON = 0xff1a; // ：
const UNDERSCORE = 95;
const SLASH = 47;
const ASTERISK = 42;
const HASH = 35;

/**
 * The lists of the tree that stay empty (most items have no children, most values no
 * placeholders) are these two, frozen: a large file has tens of thousands of them, kept as long
 * as its parse. The parser gives an item a list of its own when it adds a first child; nothing
 * else changes a tree's lists (the moved copies of core/documents/ are new lists).
 */
const NO_ITEMS = Object.freeze([]) as readonly Item[] as Item[];
const NO_PLACEHOLDERS = Object.freeze([]) as readonly Placeholder[] as Placeholder[];

/**
 * Where a piece of a larger text starts, for parsing the piece alone (the incremental parse in
 * core/documents/ re-reads only the lines an edit touched): its first line's number and the
 * index of its first intake in the whole text. `lineCount` then counts the piece's lines only.
 */
export interface ParseOffset {
  firstLine: number;
  firstIntakeIndex: number;
}

/**
 * `analyzer` remembers what the placeholders seen so far offer: pieces of one text parsed one
 * after the other (core/documents/ parses a text intake by intake) share one, since the copies
 * of a template repeat the same placeholders.
 */
export function parseIntake(
  input: TextDocumentLike | string,
  offset?: ParseOffset,
  analyzer: PlaceholderAnalyzer = new PlaceholderAnalyzer(),
  cuts?: SegmentCuts,
  spans?: number[],
): IntakeFile {
  const text = typeof input === 'string' ? input : input.getText();
  return new IntakeParser(text, offset?.firstLine ?? 0, offset?.firstIntakeIndex ?? 0, analyzer).parse(cuts, spans);
}

/**
 * Where core/documents/ can cut the text into pieces it parses again one by one, as
 * {@link parseIntake} reports it when asked. Two kinds of cut:
 *
 * - `separator`: after a separator line ({@link isSeparatorLine}) with a line after it: the
 *   parser starts afresh there. `line` is the separator's line.
 * - `intake`: before the first line of an intake that starts at a `[客户行业]` header (see
 *   {@link startsIntake}) after an intake with sections, when no line but blank ones and the
 *   `### ` headings it takes lies between the previous intake's last line and that header (a
 *   line of text between those headings is the previous intake's preamble: no cut there). Read
 *   afresh from that line, the parser reads what follows as it does in the whole text, and the
 *   lines before it, read alone, end as they do in the whole text (the previous intake closed,
 *   nothing waiting). `line` is the last line before the cut.
 *
 * `end` is the offset of the end of `line` (before its line break), `next` that of the next line;
 * `intakes`, `placeholders` and `problems` how many of each the parse has before `next`.
 */
export interface SegmentCut {
  readonly kind: 'separator' | 'intake';
  readonly line: number;
  readonly end: number;
  readonly next: number;
  readonly intakes: number;
  readonly placeholders: number;
  readonly problems: number;
}

/** What a parse asked for its cuts reports: the cuts, and whether its end could be one. */
export interface SegmentCuts {
  readonly at: SegmentCut[];
  /**
   * Set by the parse: whether an intake cut could follow the parsed text's end, that is, whether
   * at its end nothing waits (no `### ` heading without its section) and the open intake, if
   * any, has sections. A `[客户行业]` header (after blank lines and headings) right after such an
   * end starts an intake there in a parse of a longer text too.
   */
  closes: boolean;
}

/**
 * Whether the lines of `text` from offset `from` (a line's start) on, read afresh, start an intake
 * as an intake cut ({@link SegmentCut}) needs: the first line that is neither blank nor a `#`
 * heading is a section header that starts an intake (see {@link startsIntake}). Each line is
 * classified as the parser classifies it.
 */
export function opensIntake(text: string, from: number): boolean {
  let start = from;
  for (;;) {
    let end = start;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    const line = text.slice(start, end);
    if (!isBlankLine(line)) {
      const indentLen = indentLength(line);
      if (isSeparator(line, indentLen)) return false;
      const first = line.charCodeAt(indentLen);
      if (first === HASH && headingAt(line, indentLen) > 0) {
        // a heading: it waits for the header below
      } else if (first === 0x5b /* [ */ || first === 0x3010 /* 【 */) {
        const close = sectionAt(line, indentLen);
        if (close < 0 || !isSectionName(line, indentLen + 1, close)) return false;
        let nameStart = indentLen + 1;
        let nameEnd = close;
        while (nameStart < nameEnd && isJsSpace(line.charCodeAt(nameStart))) nameStart++;
        while (nameEnd > nameStart && isJsSpace(line.charCodeAt(nameEnd - 1))) nameEnd--;
        return startsIntake(line.slice(nameStart, nameEnd));
      } else {
        return false;
      }
    }
    if (end >= text.length) return false;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

/** The offset where the line before the one starting at `lineStart` (> 0) ends: before its line break. */
function lineEndBefore(text: string, lineStart: number): number {
  return text.charCodeAt(lineStart - 1) === 10 && text.charCodeAt(lineStart - 2) === 13 ? lineStart - 2 : lineStart - 1;
}

/**
 * Where each intake's lines lie in the parsed text, as {@link parseIntake} gives them when asked:
 * two numbers per intake, the offset of its first line's start and that of the start of the line
 * after its last (the end of the text when it has no line after it), so its lines whole with the
 * line breaks between and after them. -1, -1 for an intake whose range has no line in the text.
 * core/documents/ cuts the findings cache's keys with them, without finding the lines again.
 */
export type IntakeSpans = number[];

/** The end-of-line sequence most of the first 64 line breaks use. */
export function detectEol(text: string): IntakeFile['eol'] {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0 && crlf + lf < 64; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return eolOf(crlf, lf, crlf + lf === 0 && text.includes('\r'));
}

/** The EOL from the first 64 `\n` (`crlf` of them after a `\r`) and whether the text has a `\r`. */
function eolOf(crlf: number, lf: number, cr: boolean): IntakeFile['eol'] {
  return crlf + lf === 0 && cr ? '\r' : crlf > lf ? '\r\n' : '\n';
}

function rangeOf(line: number, start: number, end: number): LineRange {
  return new LineRange(line, start, line, end);
}

function isBlankOrTab(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Blanks trimmed from values: space, tab and the ideographic space. */
function isValueBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === IDEOGRAPHIC_SPACE;
}

/** The end of `text` without trailing blanks (space, tab, ideographic space). */
function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && isValueBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/** `text.trim() === ''`, without allocating. */
function isBlankLine(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isJsSpace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Whether a line is a separator, after which the parser starts afresh: nothing read before it
 * changes how the lines after it are read (core/documents/ cuts texts there).
 */
function isSeparatorLine(text: string): boolean {
  let indentLen = 0;
  while (indentLen < text.length && isBlankOrTab(text.charCodeAt(indentLen))) indentLen++;
  return isSeparator(text, indentLen);
}

/** The length of a line's indent as parseLine measures it: blanks, and byte-order marks. */
function indentLength(line: string): number {
  let n = 0;
  while (n < line.length) {
    const c = line.charCodeAt(n);
    if (c !== SPACE && c !== TAB && c !== 0xfeff) break;
    n++;
  }
  return n;
}

/**
 * Whether the parser reads a line as a separator, a `#` heading or a `[section]` header: a line
 * that ends the section before it. Any other line (blank, a bullet, text) only adds to the open
 * section, so an edit of such lines changes that section alone (core/documents/ re-reads just
 * the section then).
 */
export function isStructureLine(text: string): boolean {
  if (isBlankLine(text)) return false;
  const indentLen = indentLength(text);
  if (isSeparator(text, indentLen)) return true;
  const first = text.charCodeAt(indentLen);
  if (first === HASH) return headingAt(text, indentLen) > 0;
  if (first === 0x5b /* [ */ || first === 0x3010 /* 【 */) {
    const close = sectionAt(text, indentLen);
    return close >= 0 && isSectionName(text, indentLen + 1, close);
  }
  return false;
}

/** `/^[ \t]*[=!\-]{3,}[ \t]*$/` from `indentLen` on (the indent is blanks by definition). */
function isSeparator(text: string, indentLen: number): boolean {
  let i = indentLen;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 61 /* = */ && c !== 33 /* ! */ && c !== 45 /* - */) break;
    i++;
  }
  if (i - indentLen < 3) return false;
  while (i < text.length && isBlankOrTab(text.charCodeAt(i))) i++;
  return i === text.length;
}

/** Whether the character after the indent can start a bullet: `-`, `*`, `+` or `•`. */
function isBulletMarker(c: number): boolean {
  return c === 45 || c === ASTERISK || c === 43 || c === 0x2022;
}

/** Where a cut before a line would be: that line's start, and the placeholders and problems before it. */
interface LineCut {
  readonly next: number;
  readonly placeholders: number;
  readonly problems: number;
}

class IntakeParser {
  private readonly intakes: Intake[] = [];
  private readonly allPlaceholders: Placeholder[] = [];
  private readonly problems: ParseProblem[] = [];
  /** Whether the current intake's range has been set by a first piece of content. */
  private intakeStarted = false;

  private intake: Intake | undefined;
  private section: Section | undefined;
  /** Open items of the current section, innermost last: the first `depth` entries (the array is reused). */
  private readonly stack: Item[] = [];
  private depth = 0;
  private pendingHeadings: Heading[] = [];
  /** With `spans`: each pending heading's line start and the next line's (see {@link IntakeSpans}). */
  private pendingHeadingAt: number[] = [];
  /** The spans asked for (two numbers per intake, set as its range grows), else undefined. */
  private spans: IntakeSpans | undefined;
  /** The offsets of the current line's start and of the next line's (the text's end for the last line). */
  private lineStart = 0;
  private lineNext = 0;
  /** The cuts asked for (see {@link SegmentCut}), else undefined. */
  private cuts: SegmentCuts | undefined;
  /** With `cuts`, where an intake cut before the first pending heading would be (see {@link cutBeforeLine}). */
  private pendingCut: LineCut | undefined;

  // The line being parsed (fields rather than an object per line).
  private line = '';
  private no = 0;
  /** Leading spaces and tabs, in characters. */
  private indentLen = 0;
  /** The same in columns (a tab counts 4). */
  private indent = 0;
  /** End of the line without trailing blanks (space, tab, ideographic space). */
  private trimEnd = 0;
  /** The placeholders of the current line: the first `placeholderCount` entries (the array is reused). */
  private readonly placeholders: Placeholder[] = [];
  private placeholderCount = 0;
  /**
   * Whether the text has a line separator (U+2028, U+2029) anywhere: looked for once, so that
   * the lines of a text without one (nearly every text) are not searched for one each.
   */
  private readonly lineSeparators: boolean;
  /** The keys and section names seen so far, each one string, with their last values. */
  private readonly keys = new RepeatedKeys();

  constructor(
    private readonly text: string,
    private readonly firstLine: number,
    private readonly firstIntakeIndex: number,
    private readonly placeholderContents: PlaceholderAnalyzer,
  ) {
    this.lineSeparators = text.includes('\u2028') || text.includes('\u2029');
  }

  /**
   * `cuts`, when given, gets where the text can be cut (see {@link SegmentCut}); `spans` where
   * each intake's lines lie (see {@link IntakeSpans}).
   */
  parse(cuts?: SegmentCuts, spans?: IntakeSpans): IntakeFile {
    const text = this.text;
    this.cuts = cuts;
    // Where each intake's lines lie, kept as its range grows (see extendIntake).
    this.spans = spans;
    let start = 0;
    let no = this.firstLine;
    let nextLf = text.indexOf('\n');
    let nextCr = text.indexOf('\r');
    // The next `__(`, looked for in the whole text rather than in every line.
    let nextOpen = text.indexOf('__(');
    // The line breaks counted for `eol` as detectEol counts them (the first 64 \n, and whether
    // there is a \r), here rather than in a second pass over the text.
    let crlf = 0;
    let lf = 0;
    let cr = false;
    // Lines end at \r\n, \r or \n, as `split(/\r\n|\r|\n/)` would cut them.
    for (;;) {
      if (nextLf >= 0 && nextLf < start) nextLf = text.indexOf('\n', start);
      if (nextCr >= 0 && nextCr < start) nextCr = text.indexOf('\r', start);
      if (nextOpen >= 0 && nextOpen < start) nextOpen = text.indexOf('__(', start);
      let end: number;
      let next: number;
      if (nextCr >= 0 && (nextLf < 0 || nextCr < nextLf)) {
        end = nextCr;
        cr = true;
        if (text.charCodeAt(nextCr + 1) === 10) {
          next = nextCr + 2;
          if (crlf + lf < 64) crlf++;
        } else {
          next = nextCr + 1;
        }
      } else if (nextLf >= 0) {
        end = nextLf;
        next = nextLf + 1;
        if (crlf + lf < 64) lf++;
      } else {
        end = text.length;
        next = -1;
      }
      this.lineStart = start;
      this.lineNext = next >= 0 ? next : end;
      const line = text.slice(start, end);
      if (this.parseLine(no, line, nextOpen >= 0 && nextOpen < end) && cuts && next >= 0 && isSeparatorLine(line)) {
        cuts.at.push({ kind: 'separator', line: no, end, next, intakes: this.intakes.length, placeholders: this.allPlaceholders.length, problems: this.problems.length });
      }
      no++;
      if (next < 0) break;
      start = next;
    }
    if (cuts) cuts.closes = this.pendingHeadings.length === 0 && (!this.intake || this.intake.sections.length > 0);
    this.closeIntake(undefined);
    return {
      intakes: this.intakes,
      placeholders: this.allPlaceholders,
      problems: this.problems,
      lineCount: no - this.firstLine,
      eol: eolOf(crlf, lf, cr),
    };
  }

  /** `opens`: whether the line holds a `__(` (a placeholder). True for a separator line. */
  private parseLine(no: number, text: string, opens: boolean): boolean {
    if (isBlankLine(text)) return false;
    let indentLen = 0;
    let indent = 0;
    for (; indentLen < text.length; indentLen++) {
      const c = text.charCodeAt(indentLen);
      if (c === SPACE) indent++;
      else if (c === TAB) indent += 4;
      // A byte-order mark where two files were joined: no width, and it must not hide a header.
      else if (c !== 0xfeff) break;
    }
    const trimEnd = trimmedEnd(text);
    if (isSeparator(text, indentLen)) {
      this.closeIntake(rangeOf(no, indentLen, trimEnd));
      return true;
    }
    this.line = text;
    this.no = no;
    this.indentLen = indentLen;
    this.indent = indent;
    this.trimEnd = trimEnd;
    this.placeholderCount = 0;
    if (opens) this.collectPlaceholders(text);

    const first = text.charCodeAt(indentLen);
    if (first === HASH) {
      const level = headingAt(text, indentLen, this.lineSeparators);
      if (level > 0) {
        this.onHeading(level);
        return false;
      }
    } else if (first === 0x5b /* [ */ || first === 0x3010 /* 【 */) {
      const close = sectionAt(text, indentLen);
      if (close >= 0 && isSectionName(text, indentLen + 1, close)) {
        this.onSection(close);
        return false;
      }
    } else if (isBulletAt(text, indentLen, this.lineSeparators)) {
      this.onItem(indentLen + 1, true);
      return false;
    }
    this.onItem(indentLen, false);
    return false;
  }

  /**
   * The placeholders of the line (placeholders never span lines): each `__(` up to the next `)__`,
   * or to the end of the line (before trailing spaces and tabs) when none follows. A scan here,
   * with no callback: a closure made per parse was a new call target for every parse, and the
   * optimised parser was thrown away for it on the second.
   */
  private collectPlaceholders(text: string): void {
    let from = 0;
    while (from < text.length) {
      const start = text.indexOf('__(', from);
      if (start < 0) return;
      const innerStart = start + 3;
      const close = text.indexOf(')__', innerStart);
      if (close < 0) {
        let end = text.length;
        while (end > 0 && isBlankOrTab(text.charCodeAt(end - 1))) end--;
        this.addPlaceholder(start, end, innerStart, end, false);
        return;
      }
      this.addPlaceholder(start, close + 3, innerStart, close, true);
      from = close + 3;
    }
  }

  /** The placeholder `[start, end)` of the current line, its text in `[innerStart, innerEnd)`. */
  private addPlaceholder(start: number, end: number, innerStart: number, innerEnd: number, closed: boolean): void {
    const entry = this.placeholderContents.entryIn(this.line, innerStart, innerEnd);
    const range = this.range(start, end);
    // Its inner range, [innerStart, innerEnd), is made from `range` when read (ParsedPlaceholder).
    const p = placeholderOf(entry, range, closed);
    this.placeholders[this.placeholderCount++] = p;
    this.allPlaceholders.push(p);
    if (!closed) this.problems.push({ code: 'intake.unclosed-placeholder', range });
  }

  /**
   * `[start, end)` on the current line: every range of the model is a {@link LineRange} (one
   * object, where a range and its two positions were three). The parser reads the fields of the
   * ranges it made (hence its casts of the model's `Range`s), not the getters, which allocate.
   */
  private range(start: number, end: number): LineRange {
    return new LineRange(this.no, start, this.no, end);
  }

  private currentIntake(): Intake {
    if (!this.intake) {
      this.intake = {
        index: this.firstIntakeIndex + this.intakes.length,
        sections: [],
        headings: [],
        preamble: [],
        range: rangeOf(0, 0, 0),
      };
      this.intakeStarted = false;
      this.intakes.push(this.intake);
      this.spans?.push(-1, -1);
    }
    return this.intake;
  }

  /** A `#` heading of `level` on the current line. */
  private onHeading(level: number): void {
    this.closeSection();
    const text = this.line;
    let from = this.indentLen + level;
    while (from < text.length && isBlankOrTab(text.charCodeAt(from))) from++;
    // The text stops before trailing blanks and closing hashes (`## 标题 ##`).
    let to = text.length;
    while (to > from && isBlankOrHash(text.charCodeAt(to - 1))) to--;
    // Then trimmed as `trim()` would, by index: one string, the text itself.
    while (from < to && isJsSpace(text.charCodeAt(from))) from++;
    while (to > from && isJsSpace(text.charCodeAt(to - 1))) to--;
    if (this.cuts && this.pendingHeadings.length === 0) this.pendingCut = this.cutBeforeLine();
    this.pendingHeadings.push({ level, text: text.slice(from, to), range: this.range(this.indentLen, this.trimEnd) });
    if (this.spans) this.pendingHeadingAt.push(this.lineStart, this.lineNext);
  }

  /**
   * A cut before the current line: its start, and the numbers of placeholders and problems the
   * parse has before it (the line's own are counted already; each unclosed one is a problem).
   */
  private cutBeforeLine(): LineCut {
    let unclosed = 0;
    for (let i = 0; i < this.placeholderCount; i++) if (!this.placeholders[i]!.closed) unclosed++;
    return { next: this.lineStart, placeholders: this.allPlaceholders.length - this.placeholderCount, problems: this.problems.length - unclosed };
  }

  /**
   * Reports the intake cut (see {@link SegmentCut}) before the intake the current header starts
   * after `current`, which has sections, `headings` being those the header takes; none when
   * lines between those headings and the header made `current`'s preamble.
   */
  private intakeCut(cuts: SegmentCuts, current: Intake, headings: readonly Heading[]): void {
    const first = headings[0];
    const firstLine = first ? (first.range as LineRange).startLine : this.no;
    if ((current.range as LineRange).endLine >= firstLine) return;
    // Before the first heading the header takes (its line's cut, kept when it was read), else before the header.
    const { next, placeholders, problems } = first ? this.pendingCut! : this.cutBeforeLine();
    cuts.at.push({ kind: 'intake', line: firstLine - 1, end: lineEndBefore(this.text, next), next, intakes: this.intakes.length, placeholders, problems });
  }

  /** A `[name]` section header on the current line, its closing bracket at `closeAt`. */
  private onSection(closeAt: number): void {
    const text = this.line;
    const start = this.indentLen;
    // The name trimmed as `trim()` would, by index: one string, the name itself.
    let nameStart = start + 1;
    let nameEnd = closeAt;
    while (nameStart < nameEnd && isJsSpace(text.charCodeAt(nameStart))) nameStart++;
    while (nameEnd > nameStart && isJsSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
    const entry = this.keys.keyIn(text, nameStart, nameEnd);
    const name = entry.key;
    const current = this.intake;
    // Headings directly above this header belong to it (and to the intake it may open).
    const headings = this.pendingHeadings;
    const headingAt = this.pendingHeadingAt;
    if (headings.length > 0) {
      this.pendingHeadings = [];
      if (this.spans) this.pendingHeadingAt = [];
    }
    if (current && current.sections.length > 0 && startsIntake(name)) {
      if (this.cuts) this.intakeCut(this.cuts, current, headings);
      this.closeIntake(undefined);
    }
    this.closeSection();
    const intake = this.currentIntake();
    this.placeHeadings(intake, headings, headingAt);

    const afterClose = closeAt + 1;
    let restStart = afterClose;
    while (restStart < text.length && isBlankOrTab(text.charCodeAt(restStart))) restStart++;
    let colon: Colon | undefined;
    const first = text.charCodeAt(restStart);
    if (first === FULLWIDTH_COLON || first === COLON) {
      colon = new ColonMark(first === COLON ? ':' : '：', this.no, restStart);
      restStart++;
    }
    // The header's ranges are made from these numbers when read (ParsedSection).
    const brackets = text.charCodeAt(start) === 0x5b /* [ */ ? '[]' : '【】';
    const section = new ParsedSection(name, brackets, nameStart, closeAt, Math.max(afterClose, this.trimEnd), this.range(start, this.trimEnd));
    if (colon) section.colon = colon;
    const value = this.valueOf(restStart, text.length, entry);
    if (value) section.value = value;
    const heading = headings[headings.length - 1];
    if (heading) section.heading = heading;
    intake.sections.push(section);
    this.section = section;
    this.depth = 0;
    this.extendIntake(intake, section.range);
  }

  private onItem(contentStart: number, bullet: boolean): void {
    const intake = this.currentIntake();
    const section = this.section;
    if (!section) {
      // Text before any section (a title, a note): kept, never lost, but not a field.
      const value = this.valueOf(this.indentLen, this.line.length);
      if (value) {
        intake.preamble.push(value);
        this.extendIntake(intake, value.range);
      }
      return;
    }
    const item = bullet ? this.bulletItem(contentStart) : this.textItem(contentStart, false);
    if (!item) return;
    const stack = this.stack;
    let depth = this.depth;
    while (depth > 0 && stack[depth - 1]!.indent >= item.indent) depth--;
    if (depth >= MAX_ITEM_DEPTH) depth = MAX_ITEM_DEPTH - 1;
    if (depth > 0) {
      const parent = stack[depth - 1]!;
      parent.children = appended(parent.children, item);
    } else {
      section.items = appended(section.items, item);
    }
    stack[depth++] = item;
    this.depth = depth;
    // Grow every open ancestor (and the section) to cover this line.
    const range = item.range as LineRange;
    const endLine = range.endLine;
    const endCharacter = range.endCharacter;
    for (let i = 0; i < depth; i++) growTo(stack[i]!.range as LineRange, endLine, endCharacter);
    growTo(section.range as LineRange, endLine, endCharacter);
    this.extendIntake(intake, range);
  }

  private bulletItem(contentStart: number): Item | undefined {
    const text = this.line;
    let start = contentStart;
    while (start < text.length && isBlankOrTab(text.charCodeAt(start))) start++;
    const field = this.fieldAt(start);
    return field ?? this.textItem(start, true);
  }

  private fieldAt(start: number): FieldItem | undefined {
    const text = this.line;
    let keyStart: number;
    let keyEnd: number;
    let colonAt: number;
    let valueStart: number;
    let bold = false;
    if (text.charCodeAt(start) === ASTERISK && text.charCodeAt(start + 1) === ASTERISK) {
      const closeBold = text.indexOf('**', start + 2);
      if (closeBold < 0) return undefined;
      const innerColon = colonBeforeTrailingSpace(text, start + 2, closeBold);
      if (innerColon >= 0) {
        // **键：**值
        keyStart = start + 2;
        keyEnd = innerColon;
        colonAt = keyEnd;
        valueStart = closeBold + 2;
      } else {
        // **键**：值
        let after = closeBold + 2;
        while (after < text.length && isBlankOrTab(text.charCodeAt(after))) after++;
        const c = text.charCodeAt(after);
        if (c !== FULLWIDTH_COLON && c !== COLON) return undefined;
        keyStart = start + 2;
        keyEnd = closeBold;
        colonAt = after;
        valueStart = after + 1;
      }
      bold = true;
    } else {
      colonAt = this.keyColon(start);
      if (colonAt < 0) return undefined;
      keyStart = start;
      keyEnd = colonAt;
      valueStart = colonAt + 1;
    }
    while (keyEnd > keyStart && isJsSpace(text.charCodeAt(keyEnd - 1))) keyEnd--;
    while (keyStart < keyEnd && isJsSpace(text.charCodeAt(keyStart))) keyStart++;
    if (!isPlausibleKey(text, keyStart, keyEnd)) return undefined;
    const entry = this.keys.keyIn(text, keyStart, keyEnd);
    const key = entry.key;
    const colonChar = text.charCodeAt(colonAt) === COLON ? ':' : '：';
    const range = this.range(this.indentLen, this.trimEnd);
    const value = this.valueOf(valueStart, text.length, entry);
    // One literal per shape, `value` last as if added afterwards: the same keys in the same order.
    // The key's range and the colon are numbers here, made into objects only when asked for
    // (fieldParts.ts): made for every field, a LineRange and a ColonMark were two of every nine
    // objects a 1 MB parse kept, and not making them took 4% off a first analysis of that file
    // (CPU time, alternating processes). A literal, not a class with getters for them (as
    // ParsedSection's header ranges are): such a class kept as few bytes but cost 11% more parse
    // instructions (callgrind) and gained no CPU time, nearly all of it lost in the scavenger.
    // V8 learns from a literal's allocation site that what it makes survives and allocates it
    // where the model lives; what `new` makes starts young and is copied on, twice, and a file
    // has five times as many fields as sections. (A literal with `__proto__`, to have both, was
    // dearer still: a runtime call each.)
    const indent = this.indent;
    if (value) return { kind: 'field', key, keyStart, keyEnd, bold, colonChar, colonAt, children: NO_ITEMS, range, indent, value };
    return { kind: 'field', key, keyStart, keyEnd, bold, colonChar, colonAt, children: NO_ITEMS, range, indent };
  }

  /** The colon that ends a plain key: the first one outside placeholders, if the text before it can be a key. */
  private keyColon(start: number): number {
    const text = this.line;
    for (let i = start; i < text.length && i - start <= MAX_KEY_LENGTH * 2; i++) {
      const c = text.charCodeAt(i);
      if (c === FULLWIDTH_COLON || c === COLON) {
        if (this.insidePlaceholder(i)) return -1;
        // "http://", "10:30": a half-width colon inside a token is not a key separator.
        if (c === COLON && (text.charCodeAt(i + 1) === SLASH || (isAsciiDigit(text.charCodeAt(i + 1)) && isAsciiDigit(text.charCodeAt(i - 1))))) return -1;
        return i;
      }
      if (c === UNDERSCORE && text.startsWith('__(', i)) return -1;
    }
    return -1;
  }

  private insidePlaceholder(character: number): boolean {
    for (let i = 0; i < this.placeholderCount; i++) {
      const p = this.placeholders[i]!;
      const r = p.range as LineRange;
      if (r.startCharacter <= character && character < r.endCharacter) return true;
    }
    return false;
  }

  private textItem(start: number, bullet: boolean): TextItem | undefined {
    const value = this.valueOf(start, this.line.length);
    if (!value) {
      if (!bullet) return undefined;
      // An empty bullet ("- "): keep it as an empty text item so its line is not lost.
      const at = this.range(start, start);
      return { kind: 'text', bullet, value: { text: '', range: at, placeholders: NO_PLACEHOLDERS }, children: NO_ITEMS, range: this.range(this.indentLen, this.trimEnd), indent: this.indent };
    }
    return {
      kind: 'text',
      bullet,
      value,
      children: NO_ITEMS,
      range: this.range(this.indentLen, (value.range as LineRange).endCharacter),
      indent: this.indent,
    };
  }

  /**
   * The trimmed text in [start, end) of the line, with the placeholders inside it; undefined when
   * blank. A key's value is the string of its last value when it is the same text.
   */
  private valueOf(start: number, end: number, key?: RepeatedKey): Value | undefined {
    const text = this.line;
    let s = start;
    const e = Math.min(end, this.trimEnd);
    while (s < e && isValueBlank(text.charCodeAt(s))) s++;
    if (s >= e) return undefined;
    const placeholders = this.placeholdersIn(s, e);
    return { text: key ? RepeatedKeys.valueIn(key, text, s, e) : text.slice(s, e), range: this.rangeOfValue(s, e, placeholders), placeholders };
  }

  /**
   * The range `[s, e)` of a value on the current line: its placeholder's own range when the value
   * is nothing but that placeholder (`键：__(…)__`, a third of the values of a template's copies).
   * Neither is ever changed, so they can be one object.
   */
  private rangeOfValue(s: number, e: number, placeholders: readonly Placeholder[]): Range {
    const only = placeholders.length === 1 ? (placeholders[0]!.range as LineRange) : undefined;
    return only && only.startCharacter === s && only.endCharacter === e ? only : this.range(s, e);
  }

  /**
   * The line's placeholders that start in [s, e), in a new array of just their number. They are
   * in order along the line, so they are next to one another.
   */
  private placeholdersIn(s: number, e: number): Placeholder[] {
    let first = -1;
    let count = 0;
    for (let i = 0; i < this.placeholderCount; i++) {
      const at = (this.placeholders[i]!.range as LineRange).startCharacter;
      if (at < s || at >= e) continue;
      if (first < 0) first = i;
      count++;
    }
    if (count === 0) return NO_PLACEHOLDERS;
    // A literal for the usual one: V8 can allocate it where the model lives (an allocation site), a slice it cannot.
    return count === 1 ? [this.placeholders[first]!] : this.placeholders.slice(first, first + count);
  }

  /**
   * Grows the intake's range to hold `r`, a range on one line; with `spans`, its span too, from
   * that line's start offset and the next line's (the current line's unless given).
   */
  private extendIntake(intake: Intake, r: Range, lineStart = this.lineStart, lineNext = this.lineNext): void {
    const range = intake.range as LineRange;
    const from = r as LineRange;
    const empty = !this.intakeStarted;
    this.intakeStarted = true;
    const spans = this.spans;
    const at = 2 * (intake.index - this.firstIntakeIndex);
    if (empty || from.startLine < range.startLine || (from.startLine === range.startLine && from.startCharacter < range.startCharacter)) {
      range.startLine = from.startLine;
      range.startCharacter = from.startCharacter;
      if (spans) spans[at] = lineStart;
    }
    if (empty || from.endLine > range.endLine || (from.endLine === range.endLine && from.endCharacter > range.endCharacter)) {
      growTo(range, from.endLine, from.endCharacter);
      if (spans) spans[at + 1] = lineNext;
    }
  }

  private closeSection(): void {
    this.section = undefined;
    this.depth = 0;
  }

  /**
   * Gives `intake` headings that stood above where it goes on, with their lines' offsets (`at`,
   * two per heading, kept only with `spans`) for its span.
   */
  private placeHeadings(intake: Intake, headings: readonly Heading[], at: readonly number[]): void {
    for (let k = 0; k < headings.length; k++) {
      const h = headings[k]!;
      this.extendIntake(intake, h.range, at[2 * k], at[2 * k + 1]);
      intake.headings.push(h);
    }
  }

  private closeIntake(separator: Range | undefined): void {
    this.closeSection();
    const intake = this.intake;
    if (this.pendingHeadings.length > 0) {
      // Headings with no section after them stay with the intake they stand in.
      this.placeHeadings(intake ?? this.currentIntake(), this.pendingHeadings, this.pendingHeadingAt);
      this.pendingHeadings = [];
      if (this.spans) this.pendingHeadingAt = [];
    }
    const closing = this.intake;
    if (closing && separator) closing.separatorAfter = separator;
    this.intake = undefined;
  }
}

/** Moves the end of a range the parser is growing (items', sections' and intakes' ranges). */
function growTo(range: LineRange, endLine: number, endCharacter: number): void {
  range.endLine = endLine;
  range.endCharacter = endCharacter;
}

/**
 * `list` with `item` added: a new list of exactly its length while it is short, else `list`
 * itself, pushed to. Items' children and sections' items are short lists (a 1 MB file's have 1
 * to 5 entries); pushed to, each would hold a 17-slot store, made young and copied by the
 * scavenger, while an array literal is made where V8's allocation site says its arrays live,
 * at its size. The shorter lists left behind are garbage. (`list` may be frozen when empty:
 * {@link NO_ITEMS}.)
 */
function appended<T>(list: T[], item: T): T[] {
  switch (list.length) {
    case 0:
      return [item];
    case 1:
      return [list[0]!, item];
    case 2:
      return [list[0]!, list[1]!, item];
    case 3:
      return [list[0]!, list[1]!, list[2]!, item];
    case 4:
      return [list[0]!, list[1]!, list[2]!, list[3]!, item];
    default:
      list.push(item);
      return list;
  }
}

/**
 * `/[:：]\s*$/` on `text[from, to)`: the colon followed only by whitespace up to `to`, or -1.
 * (`**键：**值`: the colon inside the bold markers.)
 */
function colonBeforeTrailingSpace(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isJsSpace(text.charCodeAt(i - 1))) i--;
  if (i === from) return -1;
  const c = text.charCodeAt(i - 1);
  return c === COLON || c === FULLWIDTH_COLON ? i - 1 : -1;
}

/** `#` heading: the level (1 to 6 hashes, then a blank), or 0 when the line is no heading. */
function headingAt(text: string, indentLen: number, mayHaveLineSeparator = true): number {
  let i = indentLen;
  while (i < text.length && text.charCodeAt(i) === HASH) i++;
  const level = i - indentLen;
  if (level > 6 || i >= text.length || !isBlankOrTab(text.charCodeAt(i))) return 0;
  return mayHaveLineSeparator && LINE_SEPARATOR.test(text) ? 0 : level;
}

function isBlankOrHash(c: number): boolean {
  return c === SPACE || c === TAB || c === HASH;
}

/** `[]【】` */
function isBracket(c: number): boolean {
  return c === 0x5b || c === 0x5d || c === 0x3010 || c === 0x3011;
}

/**
 * `[name]` section header: the offset of the closing bracket, or -1. The name is the run of
 * characters up to the next bracket (1 to 40 of them), which must be a closing one (either kind),
 * not followed by an opening parenthesis, and nothing after it may be a line separator.
 */
function sectionAt(text: string, indentLen: number): number {
  const nameStart = indentLen + 1;
  let close = nameStart;
  while (close < text.length && !isBracket(text.charCodeAt(close))) close++;
  const length = close - nameStart;
  if (length < 1 || length > 40 || close >= text.length) return -1;
  const c = text.charCodeAt(close);
  if (c !== 0x5d /* ] */ && c !== 0x3011 /* 】 */) return -1;
  const next = text.charCodeAt(close + 1);
  if (next === 40 /* ( */ || next === 0xff08 /* （ */) return -1;
  for (let i = close + 1; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === 0x2028 || d === 0x2029) return -1;
  }
  return close;
}

/** A bullet: the marker (`-`, `*`, `+`, `•`) right after the indent, then blanks or the end of the line. */
function isBulletAt(text: string, indentLen: number, mayHaveLineSeparator: boolean): boolean {
  if (!isBulletMarker(text.charCodeAt(indentLen))) return false;
  const after = indentLen + 1;
  return (after === text.length || isBlankOrTab(text.charCodeAt(after))) && !(mayHaveLineSeparator && LINE_SEPARATOR.test(text));
}

/** Whether `text[from, to)` can name a section: `[ ]` or `[__(x]` is not a section header, just text. */
function isSectionName(text: string, from: number, to: number): boolean {
  let blank = true;
  for (let i = from; i < to && blank; i++) blank = isJsSpace(text.charCodeAt(i));
  if (blank) return false;
  const open = text.indexOf('__(', from);
  return open < 0 || open + 3 > to;
}

/** Punctuation that marks prose rather than a key: ，,。；;！？!?、 */
function isProsePunctuation(c: number): boolean {
  return c === 0xff0c || c === 44 || c === 0x3002 || c === 0xff1b || c === 59 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63 || c === 0x3001;
}

/**
 * Whether `text[start, end)` can be a key: 1 to 24 characters, no prose punctuation, no `__(`
 * or `**`, and something besides digits, blanks and dots.
 */
function isPlausibleKey(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 0 || length > MAX_KEY_LENGTH) return false;
  let wordy = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isProsePunctuation(c)) return false;
    if (c === UNDERSCORE && i + 2 < end && text.charCodeAt(i + 1) === UNDERSCORE && text.charCodeAt(i + 2) === 40 /* ( */) return false;
    if (c === ASTERISK && i + 1 < end && text.charCodeAt(i + 1) === ASTERISK) return false;
    if (!wordy && !isAsciiDigit(c) && c !== 46 /* . */ && !isJsSpace(c)) wordy = true;
  }
  return wordy;
}
