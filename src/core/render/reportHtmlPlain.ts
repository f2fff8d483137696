/**
 * Whether a ReportModel can be written as HTML straight from the model (reportHtmlDirect.ts)
 * with the very bytes markdown-it makes of renderMarkdown()'s output (html.ts): true when every
 * text in it is one that markdown-it, at the place renderMarkdown() puts it, reads as plain
 * inline text and nothing else. renderMarkdown() backslash-escapes every character an inline
 * rule of the reports' markdown-it starts at (`\ \` * _ [ ] < > | # ~ &`), so inside a line an
 * escaped text is shown as typed, whatever it holds. What is left is where a text meets the
 * structure around it, and each such case here sends the whole report through markdown-it:
 *
 * - whitespace at either end (markdown-it trims a paragraph, a heading, a cell; `**label **` is
 *   no emphasis; four spaces after a list marker make code), and tabs, carriage returns and NUL
 *   anywhere (markdown-it reads `\r` as a line break and NUL as U+FFFD);
 * - a text at the start of a block (a paragraph, a note, a list item with no bold label) that
 *   starts like a block: `-`, `+`, `=` (a list, a rule), or digits and `.`/`)` (an ordered list);
 * - a text ending in `〕`: the reference rule would take its end for the engine's own 〔L12〕 mark;
 * - an empty text where renderMarkdown() writes nothing around it (a paragraph, a heading, a
 *   list item, a title);
 * - a reference that is not an intake line `L1`…`L999999999` (the mark would stay text);
 * - a shape renderMarkdown() writes that markdown-it reads as another: two lists of the same
 *   kind one after the other (one loose list), an ordered list of ten items or more with nested
 *   items (`10. ` moves the item's text past the nested items' indent), nesting deeper than
 *   {@link MAX_DEPTH}, a table row with more or fewer cells than its header, a table without
 *   header cells, a heading level other than 3 or 4, a report date or intake number that is not
 *   the engine's (they are written unescaped in the introduction).
 *
 * Every test here errs on the side of markdown-it: a report the engine writes from an ordinary
 * intake passes them all; a hostile or odd one costs a markdown-it parse, never a different page.
 */
import type { Block, Point, ReportModel } from '../engine/reportModel';

/** Nested list levels written directly; deeper ones go through markdown-it (its maxNesting is 100 tokens deep). */
const MAX_DEPTH = 8;

/** Whitespace at an end (JavaScript's `\s` holds every character markdown-it trims or counts as space), or a character markdown-it rewrites. */
const UNSAFE_TEXT = /^\s|\s$|[\t\r\0]|〕$/;

/** How a block starts that markdown-it reads as a list or a rule rather than a paragraph. */
const BLOCK_START = /^(?:[-+=]|\d+[.)])/;

const REPORT_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A text inside a line (a cell, a label, a heading); may be empty where `empty` says so. */
function inlineText(text: string, empty = false): boolean {
  return text === '' ? empty : !UNSAFE_TEXT.test(text);
}

/** A text that starts a block of its own. */
function blockText(text: string): boolean {
  return inlineText(text) && !BLOCK_START.test(text);
}

function refsPlain(refs: readonly number[], shown: boolean): boolean {
  return !shown || refs.every((r) => Number.isInteger(r) && r >= 1 && r <= 999_999_999);
}

function pointPlain(p: Point, depth: number, refs: boolean): boolean {
  if (depth > MAX_DEPTH || !refsPlain(p.refs, refs)) return false;
  const text = p.label ? inlineText(p.label) && inlineText(p.text, true) : blockText(p.text);
  return text && (p.children ?? []).every((c) => pointPlain(c, depth + 1, refs));
}

function blockPlain(b: Block, refs: boolean): boolean {
  switch (b.kind) {
    case 'paragraph':
    case 'note':
      return blockText(b.text) && refsPlain(b.refs, refs);
    case 'heading':
      return (b.level === 3 || b.level === 4) && inlineText(b.text) && refsPlain(b.refs, refs);
    case 'list':
      if (b.ordered && b.items.length >= 10 && b.items.some((p) => (p.children ?? []).length > 0)) return false;
      return b.items.every((p) => pointPlain(p, 0, refs));
    case 'table':
      return (
        b.header.length > 0 &&
        b.header.every((h) => inlineText(h, true)) &&
        b.rows.every((r) => r.cells.length === b.header.length && r.cells.every((c) => inlineText(c, true)) && refsPlain(r.refs, refs))
      );
  }
}

/** Two lists of the same kind with only empty lists (which write nothing) between them. */
function adjacentLists(blocks: readonly Block[]): boolean {
  let last: boolean | undefined; // the previous block's list kind, or undefined after any other block
  for (const b of blocks) {
    if (b.kind !== 'list') last = undefined;
    else if (b.items.length > 0) {
      if (last === b.ordered) return true;
      last = b.ordered;
    }
  }
  return false;
}

function countPlain(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** True when reportHtmlDirect.ts writes exactly what markdown-it makes of the model's Markdown (see above). */
export function plainReport(model: ReportModel, refs: boolean): boolean {
  if (!REPORT_DATE.test(model.asOf) || !countPlain(model.intake.number) || !countPlain(model.intake.firstLine) || !countPlain(model.intake.lastLine)) return false;
  if (!inlineText(model.title)) return false;
  for (const [sections, appendix] of [
    [model.sections, false],
    [model.appendix, true],
  ] as const) {
    for (const s of sections) {
      // The appendix's title may be empty: renderMarkdown() writes 附录 then.
      if (!(appendix && s.title === '') && !inlineText(s.title)) return false;
      if (adjacentLists(s.blocks) || !s.blocks.every((b) => blockPlain(b, refs))) return false;
    }
  }
  return true;
}
