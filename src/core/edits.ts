/** Text edits as the core produces them, and how to apply them to a string. */
import { InMemoryDocument, type Range } from './document';

export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * Applies edits to `text`. Edits are applied by start position; at the same position pure
 * insertions come before a replacement that starts there (they do not overlap it), and
 * otherwise keep their given order. An edit that overlaps an earlier one is skipped (and
 * counted), so a batch can never corrupt the text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: number } {
  const doc = new InMemoryDocument(text);
  const resolved = edits
    .map((e, order) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText, order }))
    .filter((e) => e.end >= e.start)
    .sort((a, b) => a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start) || a.order - b.order);
  let out = '';
  let cursor = 0;
  let skipped = edits.length - resolved.length;
  for (const e of resolved) {
    if (e.start < cursor) {
      skipped++;
      continue;
    }
    out += text.slice(cursor, e.start) + e.newText;
    cursor = e.end;
  }
  out += text.slice(cursor);
  return { text: out, skipped };
}
