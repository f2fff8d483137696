/**
 * Where each chart goes in a report: after the first table of its section. The outputs that
 * parse the report with markdown-it find the place in its tokens (markdownIt.ts chartSlots);
 * the Markdown export finds it in renderMarkdown()'s own lines (chartLines), so writing a
 * Markdown file needs no Markdown parser; the direct HTML writer (reportHtmlDirect.ts) after the
 * first table block of the section, from the model.
 */
import { REPORT_SECTION_TITLES } from '../engine/sectionTitles';
import type { ChartKind } from './charts';

/** The section (## title) whose first table each chart follows. */
export const CHART_SECTIONS: Record<ChartKind, string> = {
  gantt: REPORT_SECTION_TITLES[4], // 实施建议: after the milestone table
  budget: REPORT_SECTION_TITLES[5], // 成本效益分析: after the budget split table
};

/** A GFM delimiter row as renderMarkdown() writes it: `| --- | --- |`. */
const DELIMITER_ROW = /^\|(?: --- \|)+$/;

/**
 * For the lines of renderMarkdown()'s output, the index of the line right after each chart's
 * table (where markdown-it's `table_open` map ends), in document order. renderMarkdown() writes
 * every heading as `## title` on a line of its own and every table as a header row, a delimiter
 * row and rows that all start with `|`, followed by a blank line, and escapes `#` and `|` in
 * every text: so a section starts exactly at a line `## …` and a table exactly where a line
 * starting with `|` is followed by a delimiter row, as markdown-it reads that Markdown.
 */
export function chartLines(lines: readonly string[]): { line: number; kind: ChartKind }[] {
  const found: { line: number; kind: ChartKind }[] = [];
  const placed = new Set<ChartKind>();
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '##' || line.startsWith('## ')) {
      section = line.slice(2).trim();
      continue;
    }
    if (!line.startsWith('|') || !DELIMITER_ROW.test(lines[i + 1] ?? '')) continue;
    let end = i + 2;
    while (end < lines.length && lines[end]!.startsWith('|')) end++;
    for (const kind of ['gantt', 'budget'] as const) {
      if (!placed.has(kind) && CHART_SECTIONS[kind] === section) {
        found.push({ line: end, kind });
        placed.add(kind);
      }
    }
    i = end - 1;
  }
  return found;
}
