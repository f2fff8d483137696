/**
 * Folding ranges: each intake (kind `region`, so "Fold All Regions" folds intakes), each
 * `###` heading block (down to the end of its section), each section and each field with
 * nested items. Only ranges spanning several lines; at most one range per start line (VS
 * Code keeps one), the outermost.
 *
 * An intake after a separator folds from that separator line (`=====` stays visible as its
 * title), so its first section or heading can still fold on its own; the first intake folds
 * from its first line.
 */
import type { IntakeFile, Item } from '../model';

export interface FoldingRange {
  /** 0-based line that stays visible. */
  startLine: number;
  /** 0-based last folded line. */
  endLine: number;
  kind?: 'region';
}

export function getFoldingRanges(file: IntakeFile): FoldingRange[] {
  const candidates: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: 'region') => {
    if (endLine > startLine) candidates.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  file.intakes.forEach((intake, i) => {
    const separator = file.intakes[i - 1]?.separatorAfter;
    const start = separator && separator.start.line < intake.range.start.line ? separator.start.line : intake.range.start.line;
    add(start, intake.range.end.line, 'region');
    for (const s of intake.sections) {
      if (s.heading) add(s.heading.range.start.line, s.range.end.line);
      add(s.range.start.line, s.range.end.line);
      addItems(s.items, add);
    }
  });
  // One range per start line, the outermost; sorted by start line.
  const byStart = new Map<number, FoldingRange>();
  for (const r of candidates) {
    const endLine = Math.min(r.endLine, file.lineCount - 1);
    if (endLine <= r.startLine) continue;
    const seen = byStart.get(r.startLine);
    if (!seen || endLine > seen.endLine) byStart.set(r.startLine, { ...r, endLine });
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}

function addItems(items: readonly Item[], add: (startLine: number, endLine: number) => void): void {
  for (const item of items) {
    if (item.children.length > 0) add(item.range.start.line, item.range.end.line);
    addItems(item.children, add);
  }
}
