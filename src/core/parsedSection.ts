import type { Range } from './document';
import { LineRange, startCharacter, startLine } from './lineRange';
import type { Colon, Heading, Item, Section, Value } from './model';

/**
 * A section of a parsed text, the ranges of its header line (its name's, its brackets' and the
 * header's) made when read from numbers it keeps: all three lie on the line its range starts on,
 * its brackets from where its range starts to `closeAt`, its name from `nameStart` for
 * `name.length` characters. The parser made three LineRanges (168 bytes) for each of the 2,850
 * sections of a 1 MB file; they are read by a few diagnostics, the facts (once per section),
 * hover, completion and symbols.
 *
 * Like the model's other made-when-read parts (see model.ts), `toJSON` writes what the plain
 * section writes, in the same key order, `colon`, `value` and `heading` only when there is one;
 * a structured clone or a spread copies the own fields only (nothing does either to a tree:
 * core/documents/ copies a tree field by field). The colon stays an own property, set only when there is one: a getter on
 * the class would be `in` every section, and zod then gives `colon: undefined` back for a header
 * without one. The parser adds `colon`, `value` and `heading`, grows `range` and fills `items`.
 */
export class ParsedSection implements Section {
  readonly name: string;
  readonly brackets: '[]' | '【】';
  items: Item[];
  /** Header plus body; its start is where the header's text starts. */
  range: Range;
  declare colon?: Colon;
  declare value?: Value;
  declare heading?: Heading;
  /** Where the name starts on the header line. */
  readonly nameStart: number;
  /** The closing bracket's character on the header line. */
  readonly closeAt: number;
  /** Where the header line's text ends (never before the closing bracket's end). */
  readonly headerEnd: number;

  constructor(name: string, brackets: '[]' | '【】', nameStart: number, closeAt: number, headerEnd: number, range: Range) {
    this.name = name;
    this.brackets = brackets;
    this.items = [];
    this.range = range;
    this.nameStart = nameStart;
    this.closeAt = closeAt;
    this.headerEnd = headerEnd;
  }

  get nameRange(): LineRange {
    const line = startLine(this.range);
    return new LineRange(line, this.nameStart, line, this.nameStart + this.name.length);
  }

  get bracketRange(): LineRange {
    const line = startLine(this.range);
    return new LineRange(line, startCharacter(this.range), line, this.closeAt + 1);
  }

  get headerRange(): LineRange {
    const line = startLine(this.range);
    return new LineRange(line, startCharacter(this.range), line, this.headerEnd);
  }

  toJSON(): Section {
    const { name, nameRange, bracketRange, headerRange, brackets, items, range, colon, value, heading } = this;
    const out: Section = { name, nameRange, bracketRange, headerRange, brackets, items, range };
    if (colon) out.colon = colon;
    if (value) out.value = value;
    if (heading) out.heading = heading;
    return out;
  }
}
