/**
 * A parse that follows the edits of one document: after an edit only the lines around it are
 * read again, and the intakes elsewhere keep their objects.
 *
 * The parser starts afresh after every separator line (`=====`, `-----`, …): nothing above one
 * changes how the lines below it are read. It reads an intake that starts at a `[客户行业]` header
 * after another intake as if afresh too, from its first line, when only blank lines and the
 * intake's own `### ` headings stand between the two (see `SegmentCut` in parser.ts). A text is
 * therefore cut into *segments*, runs of whole lines that each end with a separator line, before
 * such an intake (an *intake cut*), or at the end of the text, and a segment can be parsed on its
 * own ({@link parseIntake} with the segment's first line and first intake index): joined, the
 * segments' results are exactly the parse of the whole text. A run of segments is read in one
 * parse, which says where it can be cut.
 *
 * An intake cut holds only while the lines after it still start an intake, and the lines before
 * it end with nothing waiting (see `SegmentCuts.closes`): an edit next to one reads the segment
 * on its other side too when it no longer does.
 *
 * After an edit, the segments the edit touched are parsed again; those before it are kept as
 * they are, and those after it too when the edit added or removed no line and no intake
 * (typing within a line). Otherwise they are moved: their intakes get their new lines and
 * indices at once, and their trees (sections, items, placeholders) are copied with the lines
 * shifted only when something reads them, so pressing Enter at the top of a long file costs
 * little. A file without separators is cut before each intake that starts at a bare `[客户行业]`
 * header, so an edit there reads one or two intakes, not the whole file.
 */
import { comparePositions, lineStarts, type Position, type Range } from '../document';
import { moveColon } from '../colonMark';
import { LineRange, moveRange, startLine } from '../lineRange';
import type { FieldItem, Heading, Intake, IntakeFile, Item, ParseProblem, Placeholder, Section, TextItem, Value } from '../model';
import { detectEol, isStructureLine, opensIntake, parseIntake, type IntakeSpans, type SegmentCut, type SegmentCuts } from '../parser';
import { ParsedPlaceholder, PlaceholderAnalyzer } from '../placeholder';
import { settle } from './settle';

interface Segment {
  /** The first line (0-based) and the number of lines. */
  readonly firstLine: number;
  readonly lineCount: number;
  /** Offset of the first line's first character. */
  readonly start: number;
  /** Offset just after the last line's text (before its line break). */
  readonly end: number;
  readonly firstIntakeIndex: number;
  /** The parse this segment's objects come from (the lines and indices it was read at). */
  readonly parse: SegmentParse;
  /** This version's objects: the parse's own, or moved copies of them. */
  readonly view: SegmentView;
  /** Line starts relative to `start`, computed when first asked (shared by moved copies). */
  readonly lines: { starts?: number[] };
  /** Where the segment's intakes lie, from the parse that read it (shared by moved copies); none for an edited segment. */
  readonly spans: SegmentSpans | undefined;
  /** What ends it: a separator line (its last line), an intake cut (the next segment starts an intake), or the end of the text. */
  readonly closedBy: 'separator' | 'intake' | 'end';
}

/**
 * The intakes' lines as the parse found them ({@link IntakeSpans}): intake `k` of the segment
 * has `at[2 * (first + k)]` and the number after it, offsets in the parsed piece, where the
 * segment started at `base`. Relative to the segment's start, they hold for its moved copies.
 */
interface SegmentSpans {
  readonly at: IntakeSpans;
  readonly base: number;
  readonly first: number;
}

interface SegmentParse {
  readonly intakes: readonly Intake[];
  readonly placeholders: readonly Placeholder[];
  readonly problems: readonly ParseProblem[];
}

/**
 * A segment's objects in one version: those of its parse, or, when lines or intakes were added
 * above it since, copies with the lines and indices moved. The intakes are copied at once but
 * their trees only when read (see {@link Mover.lazyIntake}); the placeholders and problems when
 * first asked for. Moved again, a segment is moved from its parse, never from a copy.
 */
class SegmentView {
  readonly intakes: readonly Intake[];
  private readonly mover: Mover | undefined;
  private movedPlaceholders: readonly Placeholder[] | undefined;
  private movedProblems: readonly ParseProblem[] | undefined;

  constructor(
    private readonly parse: SegmentParse,
    readonly lineShift: number,
    readonly indexShift: number,
  ) {
    if (lineShift === 0 && indexShift === 0) {
      this.intakes = parse.intakes;
      return;
    }
    const mover = (this.mover = new Mover(lineShift));
    this.intakes = parse.intakes.map((intake) => mover.lazyIntake(intake, indexShift));
  }

  get placeholders(): readonly Placeholder[] {
    const mover = this.mover;
    if (!mover) return this.parse.placeholders;
    return (this.movedPlaceholders ??= this.parse.placeholders.map((p) => mover.placeholder(p)));
  }

  get problems(): readonly ParseProblem[] {
    const mover = this.mover;
    if (!mover) return this.parse.problems;
    return (this.movedProblems ??= this.parse.problems.map((p) => ({ code: p.code, range: mover.range(p.range) })));
  }
}

/** Where an intake of an updated parse comes from. */
export type IntakeOrigin =
  /** The very object of the previous parse: same text, same lines, same index. */
  | { kind: 'same'; previous: Intake }
  /** A copy of a previous intake with the same text, moved by `lines` (and maybe re-indexed). */
  | { kind: 'moved'; previous: Intake; lines: number }
  /**
   * A previous intake with one section parsed again (the edit stayed within its lines), its
   * index `section`; the sections and lines after it moved by `lines`, the others kept.
   */
  | { kind: 'edited'; previous: Intake; section: number; lines: number }
  /** Parsed again: the edit touched its segment. */
  | { kind: 'parsed' };

export class ParsedText {
  private constructor(
    readonly text: string,
    readonly file: IntakeFile,
    private readonly segments: readonly Segment[],
    /** For each intake of `file`, where it comes from (all `parsed` for a first parse). */
    readonly origins: readonly IntakeOrigin[],
    /** The previous parse's intakes that were parsed again (their segments were); empty for a first parse. */
    readonly replaced: readonly Intake[],
    /** The segments parsed in this version (all of them for a first parse). */
    private readonly window: readonly Segment[],
    /** Whether this is a first parse (of a text seen for the first time), not an update. */
    private readonly first = false,
  ) {}

  /** Parses a whole text. */
  static parse(text: string): ParsedText {
    const segments = parseSegments(text, 0, text.length, 0, 0, 'end').segments;
    return ParsedText.join(text, segments, segments.flatMap((s) => s.view.intakes.map((): IntakeOrigin => ({ kind: 'parsed' }))), [], segments, true);
  }

  /** The parse of `text`, a later version of this one's text, reading again only what changed. */
  update(text: string): ParsedText {
    if (text === this.text) return this;
    const old = this.text;
    const segments = this.segments;
    const { prefix, suffix } = commonEnds(old, text);
    const changeEnd = old.length - suffix;
    const delta = text.length - old.length;
    // The first segment the edit touches; a segment that starts right after a lone \r is read
    // together with the one before, since a \n inserted there would join the two line breaks.
    let i = segmentAt(segments, prefix);
    for (;;) {
      while (i > 0 && segments[i]!.start === prefix && old.charCodeAt(prefix - 1) === 13) i--;
      // An intake cut before it holds only if its lines, edited, still start an intake (the lines
      // before the cut are untouched, so they still end with nothing waiting).
      if (i > 0 && segments[i - 1]!.closedBy === 'intake' && !opensIntake(text, segments[i]!.start)) i--;
      else break;
    }
    // The last: what closes it (a separator line with the line break before it, or the line
    // break before an intake cut) must be untouched by the edit (else the next segment might no
    // longer start where it did).
    let j = Math.max(i, segmentAt(segments, Math.max(prefix, changeEnd - 1)));
    while (j < segments.length - 1 && !closesUntouched(segments[j]!, old, text, changeEnd, delta)) j++;
    if (i === j) {
      const edited = editSection(this, i, text, prefix, changeEnd, delta);
      if (edited) return edited;
    }
    const first = segments[i]!;
    let last: Segment;
    let parsed: Segment[];
    for (;;) {
      last = segments[j]!;
      const windowEnd = j === segments.length - 1 ? text.length : last.end + delta;
      const read = parseSegments(text, first.start, windowEnd, first.firstLine, first.firstIntakeIndex, last.closedBy);
      parsed = read.segments;
      // An intake cut after the window holds only if the window still ends with nothing waiting;
      // else the next segment is read with it (its header then reads as in the whole text).
      if (last.closedBy === 'intake' && !read.closes) j++;
      else break;
    }
    const oldLines = last.firstLine + last.lineCount - first.firstLine;
    const newLines = parsed.reduce((n, s) => n + s.lineCount, 0);
    const oldIntakes = segments.slice(i, j + 1).reduce((n, s) => n + s.view.intakes.length, 0);
    const newIntakes = parsed.reduce((n, s) => n + s.view.intakes.length, 0);
    const lineShift = newLines - oldLines;
    const indexShift = newIntakes - oldIntakes;
    const origins: IntakeOrigin[] = [];
    const before = segments.slice(0, i);
    for (const s of before) for (const intake of s.view.intakes) origins.push({ kind: 'same', previous: intake });
    for (const s of parsed) for (let k = 0; k < s.view.intakes.length; k++) origins.push({ kind: 'parsed' });
    const moved = lineShift !== 0 || indexShift !== 0;
    const after = segments.slice(j + 1).map((s) => {
      for (const intake of s.view.intakes) origins.push(moved ? { kind: 'moved', previous: intake, lines: lineShift } : { kind: 'same', previous: intake });
      return moveSegment(s, lineShift, indexShift, delta);
    });
    return ParsedText.join(text, [...before, ...parsed, ...after], origins, segments.slice(i, j + 1).flatMap((s) => s.view.intakes), parsed);
  }

  /**
   * The text of intake `index`: its lines from its first to its last, whole, with the line
   * breaks between them. After an update, a copy, so that keeping it (the findings cache keeps
   * it as a key) does not keep the document's text alive. After a first parse, a slice sharing
   * the text's memory: copying every intake of a large text (its whole size again, kept) costs
   * a cold analysis much of its time in the garbage collector, and the slices keep alive only
   * the first version's text, until the cache forgets the intakes that were never edited (see
   * findingsCache.ts); the few intakes an update parses again are copied. Where the parse said
   * where the intake lies, the lines are not looked for again (a cold analysis cuts every key).
   */
  intakeText(index: number): string {
    const intake = this.file.intakes[index];
    const segment = this.segments[segmentOfIntake(this.segments, index)];
    if (!intake || !segment) return '';
    const spans = segment.spans;
    if (spans) {
      const k = 2 * (spans.first + index - segment.firstIntakeIndex);
      const from = spans.at[k];
      const to = spans.at[k + 1];
      if (from !== undefined && to !== undefined && from >= 0) {
        const text = this.text.slice(segment.start + from - spans.base, segment.start + to - spans.base);
        return this.first ? text : copyOf(text);
      }
    }
    const starts = (segment.lines.starts ??= lineStarts(this.text.slice(segment.start, segment.end)));
    const from = segment.start + (starts[intake.range.start.line - segment.firstLine] ?? 0);
    const toLine = intake.range.end.line - segment.firstLine + 1;
    const to = toLine < starts.length ? segment.start + starts[toLine]! : segment.end;
    const text = this.text.slice(from, to);
    return this.first ? text : copyOf(text);
  }

  /** The placeholders of the segment holding intake `index` (this version's objects). */
  segmentPlaceholders(index: number): readonly Placeholder[] {
    return this.segments[segmentOfIntake(this.segments, index)]?.view.placeholders ?? [];
  }

  /** The placeholders of the segments parsed in this version, in document order. */
  parsedPlaceholders(): Placeholder[] {
    const out: Placeholder[] = [];
    for (const s of this.window) for (const p of s.view.placeholders) out.push(p);
    return out;
  }

  /** Whether any placeholder of the text passes `test`, which must not depend on lines (no copy is made). */
  somePlaceholder(test: (p: Placeholder) => boolean): boolean {
    return this.segments.some((s) => s.parse.placeholders.some(test));
  }

  /** The segments (for {@link editSection}). */
  get parts(): readonly Segment[] {
    return this.segments;
  }

  static join(text: string, segments: Segment[], origins: IntakeOrigin[], replaced: Intake[], window: Segment[], first = false): ParsedText {
    const intakes: Intake[] = [];
    for (const s of segments) for (const x of s.view.intakes) intakes.push(x);
    const last = segments[segments.length - 1]!;
    // The file's placeholders and problems are gathered (and a moved segment's copied) when first read.
    const file = {} as IntakeFile;
    Object.defineProperty(file, 'intakes', { value: intakes, enumerable: true, writable: true, configurable: true });
    lazyProperty(file, 'placeholders', () => segments.flatMap((s) => s.view.placeholders));
    lazyProperty(file, 'problems', () => segments.flatMap((s) => s.view.problems));
    Object.defineProperty(file, 'lineCount', { value: last.firstLine + last.lineCount, enumerable: true, writable: true, configurable: true });
    Object.defineProperty(file, 'eol', { value: detectEol(text), enumerable: true, writable: true, configurable: true });
    return new ParsedText(text, file, segments, origins, replaced, window, first);
  }
}

/**
 * The parse of `text` when the edit (old `[prefix, changeEnd)`, `delta` characters longer now)
 * lies within the lines under one section header of segment `index` and neither adds nor removes
 * a line the parser reads as structure (a section header, a heading, a separator): then only that
 * section is read again. The section's intake is a new object with the other sections kept (those
 * after it moved when lines were added or removed), its neighbours in the segment kept or moved.
 * Undefined when the edit is not of that kind (the caller parses the segment again).
 */
function editSection(previous: ParsedText, index: number, text: string, prefix: number, changeEnd: number, delta: number): ParsedText | undefined {
  const old = previous.text;
  const segments = previous.parts;
  const seg = segments[index]!;
  const starts = (seg.lines.starts ??= lineStarts(old.slice(seg.start, seg.end)));
  const l0 = lineIndex(starts, prefix - seg.start);
  const l1 = lineIndex(starts, changeEnd - seg.start);
  const first = seg.firstLine + l0;
  const last = seg.firstLine + l1;
  // The section whose body holds the edited lines: the last header above them, with no
  // structure line between it and below them.
  const intakes = seg.view.intakes;
  let target: { intake: number; section: number } | undefined;
  const boundaries: number[] = [];
  intakes.forEach((intake, k) => {
    intake.sections.forEach((s, m) => {
      // A section starts on its header line (read from the numbers: no range made per section).
      const header = startLine(s.range);
      boundaries.push(header);
      if (header < first) target = { intake: k, section: m };
    });
    for (const h of intake.headings) boundaries.push(h.range.start.line);
    if (intake.separatorAfter) boundaries.push(intake.separatorAfter.start.line);
  });
  if (!target) return undefined;
  const intake = intakes[target.intake]!;
  const section = intake.sections[target.section]!;
  const header = startLine(section.range);
  let next = seg.firstLine + seg.lineCount;
  for (const b of boundaries) if (b > header && b < next) next = b;
  if (last >= next) return undefined;

  // The edited lines, old [from, to) and new [from, to + delta): whole lines.
  const from = seg.start + starts[l0]!;
  const to = l1 + 1 < starts.length ? seg.start + starts[l1 + 1]! : seg.end;
  // A \n typed right after a lone \r would join two line breaks into one.
  if (from > 0 && text.charCodeAt(from - 1) === 13 && text.charCodeAt(from) === 10) return undefined;
  const newTo = to + delta;
  // When the edited lines run to the segment's end, a line break typed last starts one more line
  // (else the line after the break is the unedited one after them).
  const open = l1 + 1 >= starts.length;
  const added: number[] = [];
  let lineStart = from;
  for (let i = from; i <= newTo; i++) {
    const c = i < newTo ? text.charCodeAt(i) : -1;
    if (c !== 10 && c !== 13 && c !== -1) continue;
    if (isStructureLine(text.slice(lineStart, i))) return undefined;
    if (c === -1) break;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    lineStart = i + 1;
    if (lineStart < newTo || open) added.push(lineStart - seg.start);
    else break;
  }
  const shift = added.length + 1 - (l1 - l0 + 1);

  // The section again, from its header to the structure line after it (or the segment's end).
  const headerAt = seg.start + starts[header - seg.firstLine]!;
  const nextAt = next - seg.firstLine < starts.length ? seg.start + starts[next - seg.firstLine]! : seg.end;
  const piece = parseIntake(text.slice(headerAt, nextAt + delta), { firstLine: header, firstIntakeIndex: intake.index });
  const alone = piece.intakes[0];
  const reparsed = alone?.sections[0];
  if (piece.intakes.length !== 1 || !alone || !reparsed || alone.sections.length !== 1 || alone.headings.length > 0 || alone.preamble.length > 0) return undefined;
  if (section.heading) reparsed.heading = section.heading;

  const mover = shift !== 0 ? new Mover(shift) : undefined;
  const movedHeadings = new Map<Heading, Heading>();
  const heading = (h: Heading) => {
    if (!mover || h.range.start.line < next) return h;
    let moved = movedHeadings.get(h);
    if (!moved) movedHeadings.set(h, (moved = mover.heading(h)));
    return moved;
  };
  const sections = intake.sections.map((s, m) => (m < target!.section || !mover ? s : m === target!.section ? reparsed : mover.section(s, heading)));
  sections[target.section] = reparsed;
  const edited: Intake = {
    index: intake.index,
    sections,
    headings: intake.headings.map(heading),
    preamble: intake.preamble.map((v) => (mover && v.range.start.line >= next ? mover.value(v) : v)),
    range: intake.range,
  };
  const start = intake.range.start;
  const end = contentEnd(edited);
  edited.range = new LineRange(start.line, start.character, end.line, end.character);
  if (intake.separatorAfter) edited.separatorAfter = mover ? mover.range(intake.separatorAfter) : intake.separatorAfter;
  const parse: SegmentParse = {
    intakes: intakes.map((x, k) => (k < target!.intake ? x : k === target!.intake ? edited : mover ? mover.lazyIntake(x, 0) : x)),
    placeholders: splice(seg.view.placeholders, header, next, piece.placeholders, (p) => p.range.start.line, (p) => mover!.placeholder(p), mover !== undefined),
    problems: splice(seg.view.problems, header, next, piece.problems, (p) => p.range.start.line, (p) => ({ code: p.code, range: mover!.range(p.range) }), mover !== undefined),
  };
  const newStarts = starts.slice(0, l0 + 1);
  for (const a of added) newStarts.push(a);
  for (let k = l1 + 1; k < starts.length; k++) newStarts.push(starts[k]! + delta);
  const segment: Segment = {
    firstLine: seg.firstLine,
    lineCount: seg.lineCount + shift,
    start: seg.start,
    end: seg.end + delta,
    firstIntakeIndex: seg.firstIntakeIndex,
    parse,
    view: new SegmentView(parse, 0, 0),
    lines: { starts: newStarts },
    spans: undefined,
    closedBy: seg.closedBy,
  };
  const origins: IntakeOrigin[] = [];
  for (const s of segments.slice(0, index)) for (const x of s.view.intakes) origins.push({ kind: 'same', previous: x });
  intakes.forEach((x, k) => {
    if (k < target!.intake || (k > target!.intake && shift === 0)) origins.push({ kind: 'same', previous: x });
    else if (k === target!.intake) origins.push({ kind: 'edited', previous: x, section: target!.section, lines: shift });
    else origins.push({ kind: 'moved', previous: x, lines: shift });
  });
  const after = segments.slice(index + 1).map((s) => {
    for (const x of s.view.intakes) origins.push(shift !== 0 ? { kind: 'moved', previous: x, lines: shift } : { kind: 'same', previous: x });
    return moveSegment(s, shift, 0, delta);
  });
  return ParsedText.join(text, [...segments.slice(0, index), segment, ...after], origins, [], []);
}

/** The line (an index into `starts`) that holds `offset`. */
function lineIndex(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where an intake's content ends: the end of its last heading, section or preamble line, as the parser extends it. */
function contentEnd(intake: Intake): Position {
  let end: Position | undefined;
  const extend = (r: Range) => {
    if (!end || comparePositions(r.end, end) > 0) end = r.end;
  };
  for (const h of intake.headings) extend(h.range);
  for (const v of intake.preamble) extend(v.range);
  for (const s of intake.sections) extend(s.range);
  return end!;
}

/**
 * A segment's list (placeholders, problems: in line order) with the entries of lines
 * `[from, to)` replaced by `within`, those after moved (when `moving`).
 */
function splice<T>(list: readonly T[], from: number, to: number, within: readonly T[], line: (x: T) => number, move: (x: T) => T, moving: boolean): T[] {
  const out: T[] = [];
  let i = 0;
  while (i < list.length && line(list[i]!) < from) out.push(list[i++]!);
  for (const x of within) out.push(x);
  while (i < list.length && line(list[i]!) < to) i++;
  for (; i < list.length; i++) out.push(moving ? move(list[i]!) : list[i]!);
  return out;
}

/** The longest common prefix and suffix of two texts (they do not overlap). */
function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  // Compare in blocks first: string comparison of slices is much faster than a loop per character.
  for (let step = 4096; step >= 1; step >>= 4) {
    while (prefix + step <= max && a.slice(prefix, prefix + step) === b.slice(prefix, prefix + step)) prefix += step;
  }
  let suffix = 0;
  const room = max - prefix;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (suffix + step <= room && a.slice(a.length - suffix - step, a.length - suffix) === b.slice(b.length - suffix - step, b.length - suffix)) suffix += step;
  }
  return { prefix, suffix };
}

/** The segment holding `offset` (its line break included); the last one for the end of the text. */
function segmentAt(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The segment holding intake `index`: the last one whose first intake index is not above it
 * (a segment without intakes shares its first index with the next one, which comes after it).
 */
function segmentOfIntake(segments: readonly Segment[], index: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.firstIntakeIndex <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Whether segment `s` (not the last) still ends, in the new text, where it did: with the same
 * separator line at the start of a line (that line and its line break lie after the edit, and the
 * character before it is a line break in the new text too), or, before an intake cut, with the
 * same line break.
 */
function closesUntouched(s: Segment, old: string, text: string, changeEnd: number, delta: number): boolean {
  if (s.closedBy === 'intake') {
    // The line break after its last line, and that line's last character, lie after the edit;
    // or the edit ends right at the line break, and did not end with a \r that joins a \n.
    if (changeEnd < s.end) return true;
    return changeEnd === s.end && !(text.charCodeAt(s.end + delta - 1) === 13 && old.charCodeAt(s.end) === 10);
  }
  const sepStart = s.lines.starts ? s.start + s.lines.starts[s.lines.starts.length - 1]! : lineStartBefore(old, s.end);
  if (sepStart > changeEnd) return true;
  if (sepStart < changeEnd) return false;
  // At the text's start, an edit ending there inserted before the separator: only nothing inserted
  // leaves it a line of its own (text typed there, `#` say, joins it and may unmake it).
  if (sepStart + delta === 0) return true;
  const c = text.charCodeAt(sepStart + delta - 1);
  return c === 10 || c === 13;
}

/** The offset where the line holding `end` (its end) starts. */
function lineStartBefore(text: string, end: number): number {
  let i = end;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/**
 * Parses `text[from, to)`, whole lines starting at line `firstLine`, cut into segments at its
 * separator lines and intake cuts, the last closed by `closedBy`. `to` is the end of the last
 * line's text (or of the text). One parse of the whole piece, which tells where it cuts (the
 * segments' parses joined are that parse) and whether an intake cut could follow it (`closes`).
 */
function parseSegments(text: string, from: number, to: number, firstLine: number, firstIntakeIndex: number, closedBy: Segment['closedBy']): { segments: Segment[]; closes: boolean } {
  const cuts: SegmentCuts = { at: [], closes: false };
  const at: IntakeSpans = [];
  const parsed = parseIntake(text.slice(from, to), { firstLine, firstIntakeIndex }, new PlaceholderAnalyzer(), cuts, at);
  const out: Segment[] = [];
  // The segment before each cut, then the last one: where it starts (in the piece), its first line,
  // and how many intakes, placeholders and problems come before it.
  let start = 0;
  let line = firstLine;
  let intakes = 0;
  let placeholders = 0;
  let problems = 0;
  const add = (end: number, lineCount: number, cut: SegmentCut | undefined): void => {
    const whole = cut === undefined && start === 0;
    const parse: SegmentParse = whole
      ? { intakes: parsed.intakes, placeholders: parsed.placeholders, problems: parsed.problems }
      : {
          intakes: parsed.intakes.slice(intakes, cut?.intakes),
          placeholders: parsed.placeholders.slice(placeholders, cut?.placeholders),
          problems: parsed.problems.slice(problems, cut?.problems),
        };
    const spans: SegmentSpans = { at, base: start, first: intakes };
    out.push({
      firstLine: line,
      lineCount,
      start: from + start,
      end,
      firstIntakeIndex: firstIntakeIndex + intakes,
      parse,
      view: new SegmentView(parse, 0, 0),
      lines: {},
      spans,
      closedBy: cut ? cut.kind : closedBy,
    });
  };
  for (const cut of cuts.at) {
    add(from + cut.end, cut.line - line + 1, cut);
    start = cut.next;
    line = cut.line + 1;
    intakes = cut.intakes;
    placeholders = cut.placeholders;
    problems = cut.problems;
  }
  add(to, firstLine + parsed.lineCount - line, undefined);
  return { segments: out, closes: cuts.closes };
}

/** A segment moved down by `lines` lines, its intakes renumbered by `indices`, its offsets by `offset`. */
function moveSegment(s: Segment, lines: number, indices: number, offset: number): Segment {
  const moved = lines !== 0 || indices !== 0;
  // One literal, not spreads: Enter above many segments moves each.
  return {
    firstLine: s.firstLine + lines,
    lineCount: s.lineCount,
    start: s.start + offset,
    end: s.end + offset,
    firstIntakeIndex: s.firstIntakeIndex + indices,
    parse: s.parse,
    view: moved ? new SegmentView(s.parse, s.view.lineShift + lines, s.view.indexShift + indices) : s.view,
    lines: s.lines,
    spans: s.spans,
    closedBy: s.closedBy,
  };
}

/**
 * Defines `key` on `target` as computed by `compute` when first read (then a plain property):
 * enumerable, so the object reads, compares and serialises as if it had been set at once.
 */
function lazyProperty<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(): T[K] {
      return settle(target, key, compute());
    },
  });
}

type Trees = Pick<Intake, 'sections' | 'headings' | 'preamble'>;

/** What a moved intake (see {@link Mover.lazyIntake}) copies its trees from, kept on it under a hidden key. */
interface LazyTrees {
  readonly mover: Mover;
  readonly from: Intake;
  trees?: Trees;
}

const LAZY = Symbol('moved trees');

/** The accessor of a moved intake's tree `key`: the trees copied on the first read of any of them, each a plain property once read. */
function lazyTree(key: keyof Trees): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: Intake) {
      const lazy = (this as unknown as Record<typeof LAZY, LazyTrees>)[LAZY];
      const trees = (lazy.trees ??= lazy.mover.trees(lazy.from));
      return settle(this, key, trees[key]);
    },
  };
}

/**
 * One set of accessors for every moved intake: objects given the same accessor functions share
 * their hidden class. Accessors made per object (closures in an object literal) gave each object
 * a hidden class of its own, several times the object's size, and slow to make: Enter above many
 * intakes makes one each.
 */
const LAZY_TREES: PropertyDescriptorMap = { sections: lazyTree('sections'), headings: lazyTree('headings'), preamble: lazyTree('preamble') };

/** Copies parse trees with every line moved by `lines`; placeholders keep being shared between the tree and the file's list. */
class Mover {
  private placeholders: Map<Placeholder, Placeholder> | undefined;

  constructor(private readonly lines: number) {}

  /** A range moved: a {@link LineRange}, one object, as the parser's are. */
  range(r: Range): Range {
    return moveRange(r, this.lines);
  }

  placeholder(p: Placeholder): Placeholder {
    const map = (this.placeholders ??= new Map());
    let moved = map.get(p);
    if (!moved) {
      moved = new ParsedPlaceholder(this.range(p.range), p.inner, p.options.slice(), p.closed, p.example);
      map.set(p, moved);
    }
    return moved;
  }

  value(v: Value): Value {
    return { text: v.text, range: this.range(v.range), placeholders: v.placeholders.map((p) => this.placeholder(p)) };
  }

  heading(h: Heading): Heading {
    return { level: h.level, text: h.text, range: this.range(h.range) };
  }

  item(item: Item): Item {
    if (item.kind === 'text') {
      const t: TextItem = { kind: 'text', bullet: item.bullet, value: this.value(item.value), children: item.children.map((c) => this.item(c)), range: this.range(item.range), indent: item.indent };
      return t;
    }
    const f: FieldItem = {
      kind: 'field',
      key: item.key,
      keyStart: item.keyStart,
      keyEnd: item.keyEnd,
      bold: item.bold,
      colonChar: item.colonChar,
      colonAt: item.colonAt,
      children: item.children.map((c) => this.item(c)),
      range: this.range(item.range),
      indent: item.indent,
    };
    if (item.value) f.value = this.value(item.value);
    return f;
  }

  /**
   * A moved copy of `intake` whose index and range are set now, and whose sections, headings
   * and preamble are copied when one of them is first read.
   */
  lazyIntake(intake: Intake, indices: number): Intake {
    const out = { index: intake.index + indices } as Intake;
    Object.defineProperties(out, LAZY_TREES);
    out.range = this.range(intake.range);
    if (intake.separatorAfter) out.separatorAfter = this.range(intake.separatorAfter);
    const lazy: LazyTrees = { mover: this, from: intake };
    Object.defineProperty(out, LAZY, { value: lazy });
    return out;
  }

  trees(intake: Intake): Trees {
    const headings = new Map<Heading, Heading>();
    const heading = (h: Heading) => {
      let moved = headings.get(h);
      if (!moved) headings.set(h, (moved = this.heading(h)));
      return moved;
    };
    return {
      sections: intake.sections.map((s) => this.section(s, heading)),
      headings: intake.headings.map(heading),
      preamble: intake.preamble.map((v) => this.value(v)),
    };
  }

  section(s: Section, heading: (h: Heading) => Heading): Section {
    const out: Section = {
      name: s.name,
      nameRange: this.range(s.nameRange),
      bracketRange: this.range(s.bracketRange),
      headerRange: this.range(s.headerRange),
      brackets: s.brackets,
      items: s.items.map((i) => this.item(i)),
      range: this.range(s.range),
    };
    if (s.colon) out.colon = moveColon(s.colon, this.lines);
    if (s.value) out.value = this.value(s.value);
    if (s.heading) out.heading = heading(s.heading);
    return out;
  }
}

/**
 * A string with the same characters that shares no memory with `s`: V8 flattens the joined
 * string into a new one before it slices it (one copy, where splitting at every line and
 * joining again made a string per line as well).
 */
function copyOf(s: string): string {
  return (' ' + s).slice(1);
}
