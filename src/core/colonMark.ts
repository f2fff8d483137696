import type { Range } from './document';
import { LineRange } from './lineRange';
import type { Colon } from './model';

/**
 * A section header's colon (`：` or `:`) as one object, or a field's when asked for (colonOf in
 * fieldParts.ts; a field keeps its colon as numbers): its character and where it is, the
 * one-character range made when read. A colon and its range were two objects (96 bytes); the
 * range is read only for a half-width colon's diagnostic and by completion.
 *
 * `toJSON` writes what a plain `{ char, range }` writes, in the same key order, so every JSON
 * output is unchanged. Like {@link LineRange}, a structured clone copies the fields only.
 */
export class ColonMark implements Colon {
  readonly char: '：' | ':';
  readonly line: number;
  /** The colon's character on its line; its range ends one after it. */
  readonly character: number;

  constructor(char: '：' | ':', line: number, character: number) {
    this.char = char;
    this.line = line;
    this.character = character;
  }

  get range(): LineRange {
    return new LineRange(this.line, this.character, this.line, this.character + 1);
  }

  toJSON(): { char: '：' | ':'; range: Range } {
    return { char: this.char, range: this.range.toJSON() };
  }
}

/** `c` moved down by `lines` (up when negative), as one object. */
export function moveColon(c: Colon, lines: number): ColonMark {
  const at = c instanceof ColonMark ? c : { line: c.range.start.line, character: c.range.start.character };
  return new ColonMark(c.char, at.line + lines, at.character);
}

