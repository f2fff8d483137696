/**
 * The HTML pieces both ways of writing the report's HTML fragment share (html.ts, through
 * markdown-it; reportHtmlDirect.ts, from the model), so the two cannot drift apart: the
 * 〔L12〕 reference span and a chart's figure (markdown-it's own escaping is escape.ts's
 * escapeHtmlText).
 */
import { chartToSvg, type Chart } from './charts';
import { escapeXml } from './escape';

/** `<span class="intake-refs">〔<a class="intake-ref" …>L12</a>, …〕</span>` for 0-based lines. */
export function refsHtml(lines: readonly number[], links: boolean): string {
  const items = lines.map((line) => {
    const label = `L${line + 1}`;
    return links ? `<a class="intake-ref" href="#intake-${label}" data-line="${line}">${label}</a>` : `<span class="intake-ref" data-line="${line}">${label}</span>`;
  });
  return `<span class="intake-refs">〔${items.join(', ')}〕</span>`;
}

/** A chart's `<figure>`; `attrs` is the figure's attributes as markdown-it writes them (` class="…" data-block="…"`). */
export function chartFigureHtml(chart: Chart, attrs: string): string {
  return `<figure${attrs}>\n${chartToSvg(chart)}\n<figcaption>${escapeXml(chart.title)}</figcaption>\n</figure>\n`;
}
