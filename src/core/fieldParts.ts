/**
 * The parts of a field item (`- 键：值`) that it keeps as numbers (see FieldItem in model.ts):
 * its key's range and its colon, made when asked for. All lie on the field's line, the line its
 * range starts on.
 */
import { ColonMark } from './colonMark';
import type { Position } from './document';
import { LineRange, startLine } from './lineRange';
import type { FieldItem } from './model';

/** The line field `f` is on: its key's and its colon's. */
export function fieldLine(f: FieldItem): number {
  return startLine(f.range);
}

/** The range of field `f`'s key. */
export function keyRangeOf(f: FieldItem): LineRange {
  const line = fieldLine(f);
  return new LineRange(line, f.keyStart, line, f.keyEnd);
}

/** Field `f`'s colon, with its range. */
export function colonOf(f: FieldItem): ColonMark {
  return new ColonMark(f.colonChar, fieldLine(f), f.colonAt);
}

/** Where the text after field `f`'s colon starts (where a value it lacks would go). */
export function afterColonOf(f: FieldItem): Position {
  return { line: fieldLine(f), character: f.colonAt + 1 };
}
