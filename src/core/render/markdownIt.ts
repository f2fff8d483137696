/**
 * The markdown-it set-up every report output shares (preview, HTML export, Word export), and
 * where the charts go in the token stream, so all outputs agree on content and layout.
 */
import MarkdownIt from 'markdown-it';
import { CHART_SECTIONS } from './chartPlaces';
import type { ChartKind } from './charts';
import { textRule } from './markdownText';

export type Token = MarkdownIt.Token;

/**
 * `html: false` and no linkify: raw HTML in the Markdown is shown as text. renderMarkdown()
 * escapes `[ ] < >` in every piece of intake text and writes no links or images itself, so
 * turning the link, image and autolink rules off too means nothing from an intake can ever
 * become a link or an image, whatever markdown-it's link validation would allow.
 */
export function createReportMarkdownIt(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.disable(['link', 'image', 'autolink']);
  // Rules that do nothing with these options but are still called, at every line or at every
  // stop of the inline text rule: html_inline and html_block, and the typographer's replacements
  // and smartquotes each return at once (html and typographer are off). The linkify rules stay,
  // so that turning linkify on fails loudly (noLinkify.ts).
  md.disable(['html_inline', 'html_block', 'replacements', 'smartquotes']);
  md.inline.ruler.at('text', textRule);
  return md;
}

/** Index of the `table_close` token after which each chart goes. */
export function chartSlots(tokens: readonly Token[]): Map<number, ChartKind> {
  const slots = new Map<number, ChartKind>();
  const placed = new Set<ChartKind>();
  let section = '';
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open' && token.tag === 'h2') section = tokens[i + 1]?.content ?? '';
    if (token.type !== 'table_close') return;
    for (const kind of ['gantt', 'budget'] as const) {
      if (!placed.has(kind) && CHART_SECTIONS[kind] === section) {
        slots.set(i, kind);
        placed.add(kind);
      }
    }
  });
  return slots;
}

/**
 * Matches the traceability mark renderMarkdown() appends (formatRefs): `〔L12, L15〕` at the
 * very end of a block's text. Only at the end: the introduction's example "〔L12〕表示…" is
 * prose, and a mark inside an intake value is not a reference the engine made.
 */
export const TRAILING_REFS = /〔(L[1-9]\d{0,8}(?:, L[1-9]\d{0,8})*)〕$/;

/** 0-based intake lines of a `L12, L15` list (a model may also separate them with ，、 or no space). */
export function refLines(list: string): number[] {
  return list.split(/[,，、]/).map((l) => Number(l.trim().slice(1)) - 1);
}
