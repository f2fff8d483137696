import type { Position, Range } from './document';

/**
 * A {@link Range} held as four numbers: one object where a plain range is three (the range and
 * its two positions). Node has no pointer compression, so a `{ start, end }` or `{ line,
 * character }` object is 40 bytes and a plain range 120 (80 when, as the parser did, positions
 * are shared between ranges), this one 56. Ranges and positions were about 190,000 of the
 * 266,000 objects a parse of a 1 MB intake file keeps, and the garbage collector, a third of a
 * cold analysis, copies what is kept: with these, a parse keeps 11.3 MB instead of 14.6 MB and
 * costs 9% fewer instructions (measured, callgrind and `heapUsed`).
 *
 * `start` and `end` make a new position on each read; the parser reads the fields. `toJSON`
 * writes what a plain range writes, in the same key order, so every JSON output is unchanged.
 * A structured clone (a worker's `postMessage`) copies the four fields only: what crosses a
 * thread is written as plain ranges (cli/check.ts).
 *
 * The fields are only changed by the parser, which grows the ranges of the items, sections and
 * intakes it is reading; to everyone else a range is immutable.
 */
export class LineRange implements Range {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;

  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.startLine = startLine;
    this.startCharacter = startCharacter;
    this.endLine = endLine;
    this.endCharacter = endCharacter;
  }

  get start(): Position {
    return { line: this.startLine, character: this.startCharacter };
  }

  get end(): Position {
    return { line: this.endLine, character: this.endCharacter };
  }

  toJSON(): { start: Position; end: Position } {
    return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
  }
}

/** `r` moved down by `lines` (up when negative), as one object. */
export function moveRange(r: Range, lines: number): LineRange {
  return new LineRange(startLine(r) + lines, startCharacter(r), endLine(r) + lines, endCharacter(r));
}

/**
 * From the start of `from` to the end of `to`, as one LineRange (reading the fields of
 * LineRanges): `{ start: from.start, end: to.end }` made two positions with the getters.
 */
export function spanning(from: Range, to: Range): LineRange {
  return new LineRange(startLine(from), startCharacter(from), endLine(to), endCharacter(to));
}

/**
 * `r.start.line`, without making a position when `r` is a LineRange (for code that reads many
 * ranges). A plain range has no `startLine`: testing for the field is cheaper than `instanceof`,
 * which went through two builtins per call before the caller was optimised.
 */
export function startLine(r: Range): number {
  return (r as Partial<LineRange>).startLine ?? r.start.line;
}

/** `r.start.character`, as {@link startLine}. */
export function startCharacter(r: Range): number {
  return (r as Partial<LineRange>).startCharacter ?? r.start.character;
}

/** `r.end.line`, as {@link startLine}. */
export function endLine(r: Range): number {
  return (r as Partial<LineRange>).endLine ?? r.end.line;
}

/** `r.end.character`, as {@link startLine}. */
export function endCharacter(r: Range): number {
  return (r as Partial<LineRange>).endCharacter ?? r.end.character;
}
