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
import type { Range } from '../document';
import type { Intake, IntakeFile, Item } from '../model';

export interface FoldingRange {
  /** 0-based line that stays visible. */
  startLine: number;
  /** 0-based last folded line. */
  endLine: number;
  kind?: 'region';
}

export function getFoldingRanges(file: IntakeFile): FoldingRange[] {
  return mergeFoldingRanges(
    file.intakes.map((intake, i) => ({ intake, inner: intakeFoldingRanges(intake), separatorBefore: file.intakes[i - 1]?.separatorAfter })),
    file.lineCount,
  );
}

/** The ranges inside one intake (headings, sections, nested fields), before they are merged. */
export function intakeFoldingRanges(intake: Intake): FoldingRange[] {
  const candidates: FoldingRange[] = [];
  const add = (startLine: number, endLine: number) => {
    if (endLine > startLine) candidates.push({ startLine, endLine });
  };
  for (const s of intake.sections) {
    if (s.heading) add(s.heading.range.start.line, s.range.end.line);
    add(s.range.start.line, s.range.end.line);
    addItems(s.items, add);
  }
  return candidates;
}

/**
 * The file's folding ranges from each intake's own ranges and its region (from the separator
 * before it, when there is one): at most one range per start line, the outermost.
 */
export function mergeFoldingRanges(intakes: Iterable<{ intake: Intake; inner: readonly FoldingRange[]; separatorBefore: Range | undefined }>, lineCount: number): FoldingRange[] {
  const byStart = new Map<number, FoldingRange>();
  const add = (r: FoldingRange) => {
    const endLine = Math.min(r.endLine, lineCount - 1);
    if (endLine <= r.startLine) return;
    const seen = byStart.get(r.startLine);
    if (!seen || endLine > seen.endLine) byStart.set(r.startLine, { ...r, endLine });
  };
  for (const { intake, inner, separatorBefore } of intakes) {
    const start = separatorBefore && separatorBefore.start.line < intake.range.start.line ? separatorBefore.start.line : intake.range.start.line;
    add({ startLine: start, endLine: intake.range.end.line, kind: 'region' });
    for (const r of inner) add(r);
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}

function addItems(items: readonly Item[], add: (startLine: number, endLine: number) => void): void {
  for (const item of items) {
    if (item.children.length > 0) add(item.range.start.line, item.range.end.line);
    addItems(item.children, add);
  }
}
