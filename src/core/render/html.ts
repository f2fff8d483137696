/**
 * The report as a safe HTML body fragment: what the preview webview shows, and the body of
 * the HTML export (the Word export walks the same markdown-it tokens). markdown-it
 * (`html: false`) renders renderMarkdown()'s output; the core rule below adds what the
 * preview needs on top of plain Markdown:
 * - each `〔L12, L15〕` mark becomes `<span class="intake-refs">〔<a class="intake-ref"
 *   href="#intake-L12" data-line="11">L12</a>, …〕</span>` (data-line is 0-based);
 * - the block that carries the mark (li, p, tr, h1–h4) gets `data-lines="11 14"`, the
 *   0-based lines it cites, so the preview can highlight the blocks citing the cursor line;
 * - each `##` section heading gets `id="section-1"` … `id="section-8"`;
 * - each top-level element gets `data-block="s<section>-<n>"`, numbered within its section
 *   (s0 is the title and introduction), so an edit renumbers only its own section and the
 *   preview can patch the DOM block by block;
 * - the charts, as `<figure class="chart chart-gantt|chart-budget">`, after the milestone and
 *   the budget split tables.
 * Intake text only ever reaches the output through markdown-it's escaping text renderer
 * (or escapeXml in the charts), so it stays inert text.
 *
 * This is the reference for the offline report's fragment; renderReportHtml() writes the same
 * bytes straight from the model when it can (reportHtmlDirect.ts, reportHtmlPlain.ts says when),
 * and comes here otherwise. An LLM's Markdown (renderMarkdownHtml) always comes here.
 */
import type MarkdownIt from 'markdown-it';
import type { ReportModel } from '../engine/reportModel';
import { chartFor, type ChartKind } from './charts';
import { renderMarkdown } from './markdown';
import { chartSlots, createReportMarkdownIt, refLines, TRAILING_REFS, type Token } from './markdownIt';
import { directReportHtml } from './reportHtmlDirect';
import type { ReportHtmlOptions } from './reportHtmlOptions';
import { chartFigureHtml, refsHtml } from './reportHtmlParts';

type TokenConstructor = MarkdownIt.StateCore['Token'];

interface RenderEnv {
  /** Only for the charts; absent when rendering arbitrary Markdown. */
  model?: ReportModel;
  charts: boolean;
  refLinks: boolean;
  /** Link every 〔L12〕 mark, not only a block's trailing one (a model's text cites mid-sentence). */
  refsAnywhere?: boolean;
}

let instance: MarkdownIt | undefined;

function reportMarkdownIt(): MarkdownIt {
  if (instance) return instance;
  const md = createReportMarkdownIt();
  md.core.ruler.push('intake_report', (state) => {
    const env = state.env as RenderEnv;
    if (env.charts && env.model) insertCharts(state.tokens, env.model, state.Token);
    if (env.refsAnywhere) linkInlineRefs(state.tokens, state.Token);
    else linkRefs(state.tokens, state.Token);
    numberBlocks(state.tokens);
    alignToClass(state.tokens);
  });
  md.renderer.rules.intake_refs = (tokens, idx, _options, env: RenderEnv) => refsHtml(tokens[idx]!.meta as number[], env.refLinks);
  md.renderer.rules.intake_chart = (tokens, idx, _options, env: RenderEnv, self) => chartFigureHtml(chartFor(env.model!, tokens[idx]!.meta as ChartKind)!, self.renderAttrs(tokens[idx]!));
  return (instance = md);
}

/**
 * The report's fragment. Written straight from the model (reportHtmlDirect.ts) when every text
 * in it is one markdown-it reads as plain inline text, which is every report the engine writes
 * from an ordinary intake: the same bytes, without parsing the Markdown (most of a first report's
 * time in a fresh process). Otherwise through markdown-it, below.
 */
export function renderReportHtml(model: ReportModel, options: ReportHtmlOptions = {}): string {
  return directReportHtml(model, options) ?? renderReportHtmlWithMarkdownIt(model, options);
}

/** The report's fragment through renderMarkdown() and markdown-it: the reference the direct writer must match byte for byte. */
export function renderReportHtmlWithMarkdownIt(model: ReportModel, options: ReportHtmlOptions = {}): string {
  const env: RenderEnv = { model, charts: options.charts ?? true, refLinks: options.refLinks ?? true };
  return reportMarkdownIt().render(renderMarkdown(model, { refs: options.refs ?? true }), env);
}

/**
 * Any report-shaped Markdown as the same safe fragment: what the preview shows of an LLM's
 * report, even half-received (markdown-it closes every element it opens, so a table or list cut
 * mid-row still renders as balanced HTML). The same rules as renderReportHtml, charts aside: raw
 * HTML, links and images stay text; `〔L12〕` marks become references wherever they are (a model
 * cites mid-sentence; `〔L3、L5〕` and `〔L3,L5〕` too); blocks get `data-block`.
 */
export function renderMarkdownHtml(markdown: string, options: Pick<ReportHtmlOptions, 'refLinks'> = {}): string {
  const env: RenderEnv = { charts: false, refLinks: options.refLinks ?? true, refsAnywhere: true };
  return reportMarkdownIt().render(markdown, env);
}

function insertCharts(tokens: Token[], model: ReportModel, TokenClass: TokenConstructor): void {
  // From the end, so earlier indices stay valid while inserting.
  const slots = [...chartSlots(tokens)].sort((a, b) => b[0] - a[0]);
  for (const [index, kind] of slots) {
    if (!chartFor(model, kind)) continue;
    const token = new TokenClass('intake_chart', 'figure', 0);
    token.block = true;
    token.meta = kind;
    token.attrSet('class', `chart chart-${kind}`);
    tokens.splice(index + 1, 0, token);
  }
}

/**
 * Walks the inline tokens with the stack of blocks around them; `link` rewrites an inline
 * token's reference marks and returns the lines they cite, which are recorded as
 * `data-lines` on the block that shows them (see citingBlock).
 */
function markCitingBlocks(tokens: Token[], link: (inline: Token & { children: Token[] }) => readonly number[]): void {
  const open: Token[] = [];
  const cited = new Map<Token, Set<number>>();
  for (const token of tokens) {
    if (token.nesting === 1) open.push(token);
    else if (token.nesting === -1) open.pop();
    if (token.type !== 'inline' || !token.children) continue;
    const lines = link(token as Token & { children: Token[] });
    const block = lines.length > 0 ? citingBlock(open) : undefined;
    if (!block) continue;
    const set = cited.get(block) ?? new Set<number>();
    for (const line of lines) set.add(line);
    cited.set(block, set);
  }
  for (const [block, lines] of cited) block.attrSet('data-lines', [...lines].sort((a, b) => a - b).join(' '));
}

/** Turns each trailing 〔…〕 mark into an `intake_refs` token and records the cited lines on the block that shows it. */
function linkRefs(tokens: Token[], TokenClass: TokenConstructor): void {
  markCitingBlocks(tokens, (token) => {
    const last = token.children[token.children.length - 1];
    const match = last?.type === 'text' ? TRAILING_REFS.exec(last.content) : null;
    if (!last || !match) return [];
    const lines = refLines(match[1]!);
    last.content = last.content.slice(0, match.index);
    const refs = new TokenClass('intake_refs', '', 0);
    refs.meta = lines;
    token.children.push(refs);
    return lines;
  });
}

/** A model's reference mark anywhere in a text: 〔L12〕, 〔L12, L15〕, 〔L12、L15〕, 〔L12,L15〕. */
const INLINE_REFS = /〔(L[1-9]\d{0,8}(?:\s*[,，、]\s*L[1-9]\d{0,8})*)〕/g;

/** Like linkRefs, for every mark in every text token (not only a block's last). */
function linkInlineRefs(tokens: Token[], TokenClass: TokenConstructor): void {
  markCitingBlocks(tokens, (token) => {
    const children: Token[] = [];
    const lines = new Set<number>();
    for (const child of token.children) {
      if (child.type !== 'text' || !child.content.includes('〔')) {
        children.push(child);
        continue;
      }
      let last = 0;
      INLINE_REFS.lastIndex = 0;
      for (let m = INLINE_REFS.exec(child.content); m; m = INLINE_REFS.exec(child.content)) {
        if (m.index > last) children.push(textToken(TokenClass, child.content.slice(last, m.index)));
        const refs = new TokenClass('intake_refs', '', 0);
        refs.meta = refLines(m[1]!);
        for (const line of refs.meta as number[]) lines.add(line);
        children.push(refs);
        last = m.index + m[0].length;
      }
      if (last < child.content.length) children.push(last === 0 ? child : textToken(TokenClass, child.content.slice(last)));
    }
    token.children = children;
    return [...lines];
  });
}

function textToken(TokenClass: TokenConstructor, content: string): Token {
  const t = new TokenClass('text', '', 0);
  t.content = content;
  return t;
}

/**
 * The element to mark for an inline token, given the open blocks around it: a table row
 * rather than its cell, a list item rather than its (usually hidden) paragraph.
 */
function citingBlock(open: readonly Token[]): Token | undefined {
  const parent = open[open.length - 1];
  if (!parent) return undefined;
  if (parent.type === 'td_open' || parent.type === 'th_open') return [...open].reverse().find((t) => t.type === 'tr_open');
  const grandparent = open[open.length - 2];
  if (parent.type === 'paragraph_open' && grandparent?.type === 'list_item_open') return grandparent;
  return parent;
}

/**
 * markdown-it writes a column's alignment (`| ---: |`) as a style attribute, which the preview's
 * CSP (no unsafe-inline) would block: a class instead. The engine's tables have none; a model's may.
 */
function alignToClass(tokens: readonly Token[]): void {
  for (const token of tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const style = token.attrGet('style');
    if (style === null) continue;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    const align = /text-align:(left|center|right)/.exec(style)?.[1];
    if (align) token.attrSet('class', `align-${align}`);
  }
}

function numberBlocks(tokens: readonly Token[]): void {
  let section = 0;
  let n = 0;
  for (const token of tokens) {
    if (token.level !== 0 || token.nesting === -1 || !token.block) continue;
    if (token.type === 'heading_open' && token.tag === 'h2') {
      section++;
      n = 0;
      token.attrSet('id', `section-${section}`);
    }
    token.attrSet('data-block', `s${section}-${n++}`);
  }
}
