/**
 * The report's HTML fragment written straight from the ReportModel: byte for byte what html.ts
 * gets from renderMarkdown()'s Markdown through markdown-it and its core rule (data-block
 * numbering, section ids, data-lines, reference spans, the charts' figures), without writing
 * or parsing any Markdown. Why: in a fresh process (the first preview, an HTML export, the
 * CLI's `--format html`) markdown-it's parse and render were most of the first report's
 * instructions, V8 compiling and optimising code that runs once; the offline report's structure
 * is known from the model, so there is nothing to parse.
 *
 * Only for a model reportHtmlPlain.ts passes (every report the engine writes from an ordinary
 * intake); for any other, directReportHtml() answers undefined and html.ts takes the markdown-it
 * path. Every intake text reaches the output through escapeHtmlText (markdown-it's own escaping),
 * the charts through escapeXml, so the text stays inert as it does through markdown-it; the unit
 * tests compare the two paths over every fixture and over hostile, random text.
 *
 * The layout mirrors markdown-it's renderer: a block's opening tag ends a line unless its
 * content is inline; a tight list's item shows its text without a `<p>`; attributes in the
 * order the core rule sets them (`data-lines` first, then `id`, then `data-block`).
 */
import type { Block, Point, ReportModel, Section } from '../engine/reportModel';
import { APPENDIX_TITLE } from '../engine/sectionTitles';
import { CHART_SECTIONS } from './chartPlaces';
import { chartFor, type ChartKind } from './charts';
import { introText } from './markdown';
import type { ReportHtmlOptions } from './reportHtmlOptions';
import { plainReport } from './reportHtmlPlain';
import { escapeHtmlText } from './escape';
import { chartFigureHtml, refsHtml } from './reportHtmlParts';

/** What renderMarkdown() turns a line break of a text into (the predicate leaves out `\r`). */
function shown(text: string): string {
  return escapeHtmlText(text.replace(/\n/g, ' '));
}

class Writer {
  readonly out: string[] = [];
  private section = 0;
  private n = 0;
  private readonly placed = new Set<ChartKind>();

  constructor(
    private readonly model: ReportModel,
    private readonly charts: boolean,
    private readonly refLinks: boolean,
    private readonly refs: boolean,
  ) {}

  /** ` data-block="s1-2"` for the next top-level block of the section. */
  private block(): string {
    return ` data-block="s${this.section}-${this.n++}"`;
  }

  /** The 0-based lines a block cites, sorted and unique, as the core rule reads them back from formatRefs' mark; none when refs are off. */
  private lines(refs: readonly number[]): number[] {
    if (!this.refs || refs.length === 0) return [];
    return [...new Set(refs)].sort((a, b) => a - b).map((r) => r - 1);
  }

  private static dataLines(lines: readonly number[]): string {
    return lines.length > 0 ? ` data-lines="${lines.join(' ')}"` : '';
  }

  /** A text and its trailing reference span (markdown-it trims the space before it when the text is empty). */
  private withRefs(html: string, lines: readonly number[]): string {
    if (lines.length === 0) return html;
    return `${html}${html === '' ? '' : ' '}${refsHtml(lines, this.refLinks)}`;
  }

  intro(): void {
    this.out.push(`<h1${this.block()}>${shown(this.model.title)}</h1>\n`, `<blockquote${this.block()}>\n<p>${escapeHtmlText(introText(this.model, this.refs))}</p>\n</blockquote>\n`);
  }

  sectionHtml(s: Section): void {
    this.section++;
    this.n = 0;
    this.out.push(`<h2 id="section-${this.section}"${this.block()}>${shown(s.title)}</h2>\n`);
    for (const b of s.blocks) this.blockHtml(b, s.title);
  }

  private blockHtml(b: Block, section: string): void {
    switch (b.kind) {
      case 'paragraph': {
        const lines = this.lines(b.refs);
        this.out.push(`<p${Writer.dataLines(lines)}${this.block()}>${this.withRefs(shown(b.text), lines)}</p>\n`);
        return;
      }
      case 'note': {
        const lines = this.lines(b.refs);
        this.out.push(`<blockquote${this.block()}>\n<p${Writer.dataLines(lines)}>${this.withRefs(shown(b.text), lines)}</p>\n</blockquote>\n`);
        return;
      }
      case 'heading': {
        const lines = this.lines(b.refs);
        this.out.push(`<h${b.level}${Writer.dataLines(lines)}${this.block()}>${this.withRefs(shown(b.text), lines)}</h${b.level}>\n`);
        return;
      }
      case 'list': {
        if (b.items.length === 0) return; // renderMarkdown() writes no line, markdown-it no element
        const tag = b.ordered ? 'ol' : 'ul';
        this.out.push(`<${tag}${this.block()}>\n`);
        for (const p of b.items) this.item(p);
        this.out.push(`</${tag}>\n`);
        return;
      }
      case 'table':
        this.table(b);
        this.chartAfterTable(section);
        return;
    }
  }

  /** A tight list's item: its text, then its nested items as a bullet list. */
  private item(p: Point): void {
    const lines = this.lines(p.refs);
    const label = p.label ? `<strong>${shown(p.label)}</strong>` : '';
    const text = shown(p.text);
    this.out.push(`<li${Writer.dataLines(lines)}>${this.withRefs(label && text ? `${label}：${text}` : label || text, lines)}`);
    const children = p.children ?? [];
    if (children.length > 0) {
      this.out.push('\n<ul>\n');
      for (const c of children) this.item(c);
      this.out.push('</ul>\n');
    }
    this.out.push('</li>\n');
  }

  private table(b: Extract<Block, { kind: 'table' }>): void {
    this.out.push(`<table${this.block()}>\n<thead>\n<tr>\n`);
    for (const h of b.header) this.out.push(`<th>${shown(h)}</th>\n`);
    this.out.push('</tr>\n</thead>\n');
    if (b.rows.length > 0) {
      this.out.push('<tbody>\n');
      for (const r of b.rows) {
        const lines = this.lines(r.refs);
        this.out.push(`<tr${Writer.dataLines(lines)}>\n`);
        r.cells.forEach((c, i) => this.out.push(`<td>${i === r.cells.length - 1 ? this.withRefs(shown(c), lines) : shown(c)}</td>\n`));
        this.out.push('</tr>\n');
      }
      this.out.push('</tbody>\n');
    }
    this.out.push('</table>\n');
  }

  /** Each chart after the first table of its section (chartPlaces.ts), as markdownIt.ts chartSlots places it. */
  private chartAfterTable(section: string): void {
    for (const kind of ['gantt', 'budget'] as const) {
      if (this.placed.has(kind) || CHART_SECTIONS[kind] !== section) continue;
      this.placed.add(kind);
      const chart = this.charts ? chartFor(this.model, kind) : undefined;
      if (chart) this.out.push(chartFigureHtml(chart, ` class="chart chart-${kind}"${this.block()}`));
    }
  }
}

/** The report's fragment as renderReportHtml() makes it, or undefined when the model needs markdown-it (reportHtmlPlain.ts). */
export function directReportHtml(model: ReportModel, options: ReportHtmlOptions = {}): string | undefined {
  const refs = options.refs ?? true;
  if (!plainReport(model, refs)) return undefined;
  const writer = new Writer(model, options.charts ?? true, options.refLinks ?? true, refs);
  writer.intro();
  for (const s of model.sections) writer.sectionHtml(s);
  for (const s of model.appendix) writer.sectionHtml({ ...s, title: s.title || APPENDIX_TITLE });
  return writer.out.join('');
}
