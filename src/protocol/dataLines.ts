/** The intake lines a report block cites, as the preview HTML writes them: `data-lines="11 14"` (0-based). */

export function parseDataLines(attr: string | null | undefined): number[] {
  if (!attr) return [];
  const out: number[] = [];
  for (const part of attr.split(/[\s,]+/)) {
    if (/^\d{1,9}$/.test(part)) out.push(Number(part));
  }
  return out;
}

export function citesAnyLine(attr: string | null | undefined, lines: readonly number[]): boolean {
  if (lines.length === 0) return false;
  return parseDataLines(attr).some((l) => lines.includes(l));
}

/** The lines a selection covers, capped so a select-all does not highlight the whole report. */
export function selectionLines(startLine: number, endLine: number, max = 50): number[] {
  const first = Math.max(0, Math.min(startLine, endLine));
  const last = Math.min(Math.max(startLine, endLine), first + max - 1);
  const out: number[] = [];
  for (let l = first; l <= last; l++) out.push(l);
  return out;
}
