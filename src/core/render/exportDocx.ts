/**
 * The Word export, built with the `docx` package from the same Markdown tokens as the preview
 * (so the wording never drifts between outputs): real heading styles (Word's navigation pane
 * lists the eight sections), real tables, the two charts as SVG images with a PNG fallback,
 * and a CJK font in the document defaults so Chinese renders in Word and LibreOffice alike.
 * References (〔L12〕) stay as grey plain text.
 *
 * A team's branding (`.intake/report.yaml`, docxBranding.ts) adds a cover page, a page header and
 * footer, and sets the fonts and the accent colour; a team's Word template (docxTemplate.ts)
 * replaces the document's look altogether: the report goes into the template's `{{report}}`.
 *
 * `docx` is loaded with a dynamic import inside renderDocx(), so importing this file costs
 * nothing until someone exports: the extension's activation never evaluates the package.
 */
import type * as Docx from 'docx';
import type MarkdownIt from 'markdown-it';
import type { StyleIds } from './docxStyles';
import type { ReportModel } from '../engine/reportModel';
import { chartFor, chartToSvg, type ChartKind } from './charts';
import { stripXmlForbidden } from './escape';
import { renderMarkdown } from './markdown';
import { chartSlots, createReportMarkdownIt, TRAILING_REFS, type Token } from './markdownIt';
import { chartPng } from './png';
import { dropXmlForbidden } from '../text/controlChars';
import { mapStrings } from './cleanStrings';
import type { Branding } from '../team/branding';
import { coverChildren, footerOf, hasCover, headerOf, lookOf, type DocxLook } from './docxBranding';
import { CORE_PROPERTIES_PART, coreProperties, DRAWING_IDS, stampZipDates } from './docxIdentity';
import { paragraphXml, tableXml, type ParagraphSpec, type RunSpec, type TableSpec } from './docxXml';

type DocxModule = typeof Docx;
type Block = Docx.Paragraph | Docx.Table;

/** A4 in twips (1/20 pt), with 2 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Chart width on the page, in pixels at 96 dpi (the content width is about 640). */
const CHART_PX = 600;

const MUTED = '59636E';

export interface DocxOptions {
  /** Keep the 〔L12〕 references (default: no, the document goes to the customer). */
  refs?: boolean;
  /** The team's branding (`.intake/report.yaml`). */
  branding?: Branding;
}

let parser: MarkdownIt | undefined;

/** One markdown-it for every export: it keeps no state between documents, and setting one up costs about a millisecond. */
function markdownIt(): MarkdownIt {
  return (parser ??= createReportMarkdownIt());
}

/** Word leaves the 〔L12〕 references out unless asked: the document goes to the customer. */
export async function renderDocx(report: ReportModel, options: DocxOptions = {}): Promise<Uint8Array> {
  // Every string, the title in the file's metadata included: one forbidden character makes the
  // whole file unreadable to Word.
  const model = mapStrings(report, dropXmlForbidden);
  const branding = options.branding && mapStrings({ ...options.branding, logo: undefined, template: undefined }, dropXmlForbidden);
  const brand: Branding | undefined = branding && { ...branding, ...(options.branding?.logo ? { logo: options.branding.logo } : {}), ...(options.branding?.template ? { template: options.branding.template } : {}) };
  const d: DocxModule = await import('docx');
  const tokens = markdownIt().parse(renderMarkdown(model, { refs: options.refs ?? false }), {});
  const look = lookOf(brand);
  if (brand?.template) return (await import('./docxTemplate')).renderWithTemplate(d, model, brand, brand.template.bytes, (styleIds) => ({ children: blocks(d, tokens, model, styleIds), numbering: numbering(d), styles: styles(d, look) }));
  const page = { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin } } };
  const header = brand && headerOf(d, brand, look);
  const footer = brand && footerOf(d, brand, look);
  // The tables and plain paragraphs are written as XML of our own (docxXml.ts: the same bytes,
  // a fraction of the time), put in by docxPack.ts where the document has a marker for each run
  // of them.
  const pack = await import('./docxPack');
  let raw: RawBlocks | undefined = { chunks: [], marker: () => pack.rawBlockMarker(d) };
  let body = blocks(d, tokens, model, HEADINGS, raw);
  // docx rewrites anything in its document.xml that reads like one of its placeholders
  // (`{report-bullets-1}`, `{<sha1>.png}`), the report's text included; the XML spliced in after
  // it is not. A report with braces in its text is written by docx alone, so it stays the file
  // it always was.
  if (raw.chunks.some((chunk) => pack.hasPlaceholderLike(chunk))) {
    raw = undefined;
    body = blocks(d, tokens, model, HEADINGS);
  }
  // The package properties (title, author, dates) are written by coreProperties, below.
  const doc = new d.Document({
    styles: styles(d, look),
    numbering: numbering(d),
    sections: [
      ...(hasCover(brand) ? [{ properties: page, children: coverChildren(d, model, brand, look) }] : []),
      {
        properties: page,
        ...(header ? { headers: { default: header } } : {}),
        ...(footer ? { footers: { default: footer } } : {}),
        children: body,
      },
    ],
  });
  const overrides = [{ path: CORE_PROPERTIES_PART, data: coreProperties({ title: model.title, creator: brand?.company ?? 'Intake Studio', date: model.asOf }) }];
  const zip = raw ? await pack.packWithRawBlocks(d, doc, overrides, raw.chunks) : await d.Packer.toBuffer(doc, false, overrides);
  return stampZipDates(zip, model.asOf);
}

/** The styles the report's paragraphs use, by the names Word knows them by: `heading 1`, … (a template may give them other ids). */
export const REPORT_STYLES = { Title: 'Title', Heading1: 'heading 1', Heading2: 'heading 2', Heading3: 'heading 3' } as const;

function styles(d: DocxModule, look: DocxLook): Docx.IStylesOptions {
  const FONT = look.font;
  const heading = (size: number, before: number, outlineLevel: number) => ({
    run: { font: FONT, size, bold: true, color: '1F2328' },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel },
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: 21, language: { value: 'zh-CN', eastAsia: 'zh-CN' } }, // 10.5 pt (五号)
        // lineRule spelled out: LibreOffice reads a bare w:line as an exact height and clips the charts.
        paragraph: { spacing: { after: 80, line: 300, lineRule: d.LineRuleType.AUTO } },
      },
      title: { run: { font: FONT, size: 36, bold: true, color: '1F2328' }, paragraph: { spacing: { after: 240 }, border: { bottom: { style: d.BorderStyle.SINGLE, size: 12, color: look.accent, space: 4 } } } },
      heading1: heading(32, 360, 0),
      heading2: heading(28, 240, 1),
      heading3: heading(24, 200, 2),
    },
    paragraphStyles: [
      {
        id: 'ReportNote',
        name: 'Report Note',
        basedOn: 'Normal',
        run: { color: '404850' },
        paragraph: { indent: { left: 240 }, spacing: { before: 60, after: 60 }, border: { left: { style: d.BorderStyle.SINGLE, size: 18, color: look.accent, space: 8 } } },
      },
      { id: 'ReportTable', name: 'Report Table Text', basedOn: 'Normal', run: { size: TABLE_FONT_HALF_POINTS }, paragraph: { spacing: { after: 0, line: 260, lineRule: d.LineRuleType.AUTO } } },
      { id: 'ReportCaption', name: 'Report Caption', basedOn: 'Normal', run: { size: 18, color: MUTED }, paragraph: { alignment: d.AlignmentType.CENTER, spacing: { after: 240 } } },
    ],
  };
}

const BULLETS = 'report-bullets';
const ORDERED = 'report-ordered';

function numbering(d: DocxModule): Docx.INumberingOptions {
  const indent = (level: number) => ({ paragraph: { indent: { left: 360 * (level + 1), hanging: 280 } } });
  return {
    config: [
      { reference: BULLETS, levels: ['•', '◦', '▪', '–'].map((text, level) => ({ level, format: d.LevelFormat.BULLET, text, alignment: d.AlignmentType.LEFT, style: indent(level) })) },
      { reference: ORDERED, levels: [0, 1, 2, 3].map((level) => ({ level, format: d.LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: d.AlignmentType.LEFT, style: indent(level) })) },
    ],
  };
}

/** `#` is the document title; `##`–`####` map to Heading 1–3, so the eight sections are the outline's top level. */
const HEADINGS: StyleIds = { h1: 'Title', h2: 'Heading1', h3: 'Heading2', h4: 'Heading3' };

/**
 * Where the blocks written as XML go (docxPack.ts): each run of them, one string, in the place of
 * one marker paragraph. Without it (the template export, whose package is patched, not written)
 * every block is `docx`'s.
 */
interface RawBlocks {
  chunks: string[];
  marker: () => Docx.Paragraph;
}

function blocks(d: DocxModule, tokens: readonly Token[], model: ReportModel, headings: StyleIds, raw?: RawBlocks): Block[] {
  const out: Block[] = [];
  let pending = '';
  const flush = () => {
    if (!raw || pending === '') return;
    raw.chunks.push(pending);
    out.push(raw.marker());
    pending = '';
  };
  const paragraph = (p: ParagraphSpec) => {
    if (raw) pending += paragraphXml(p);
    else out.push(docxParagraph(d, p));
  };
  const slots = chartSlots(tokens);
  const lists: { ordered: boolean; instance: number }[] = [];
  let lastInstance = 0;
  let itemStart = false;
  let quote = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'heading_open':
        paragraph({ style: headings[token.tag as keyof StyleIds] ?? headings.h4, runs: runSpecs(tokens[i + 1]!) });
        i += 2;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open', instance: ++lastInstance });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open':
        itemStart = true;
        break;
      case 'blockquote_open':
        quote++;
        break;
      case 'blockquote_close':
        quote--;
        break;
      case 'paragraph_open': {
        const list = lists[lists.length - 1];
        const level = lists.length - 1;
        const specs = runSpecs(tokens[i + 1]!);
        if (quote > 0) paragraph({ style: 'ReportNote', runs: specs });
        else if (list && itemStart) {
          // A list item stays docx's: its numbering instance is made as the package writes it.
          flush();
          out.push(new d.Paragraph({ children: specs.map((spec) => new d.TextRun(spec)), numbering: { reference: list.ordered ? ORDERED : BULLETS, level, ...(list.ordered ? { instance: list.instance } : {}) } }));
        } else if (list) paragraph({ indentLeft: 360 * (level + 1), runs: specs });
        else paragraph({ runs: specs });
        itemStart = false;
        i += 2;
        break;
      }
      case 'table_open': {
        const end = tokens.findIndex((t, j) => j > i && t.type === 'table_close');
        const spec = tableSpec(tokens.slice(i, end + 1));
        if (raw) pending += tableXml(spec);
        else out.push(docxTable(d, spec));
        const kind = slots.get(end);
        const picture = kind && chart(d, model, kind);
        if (picture) {
          flush();
          out.push(...picture);
        } else if (!kind) {
          // Word puts no space after a table: an empty paragraph keeps it off the next block.
          paragraph({ spacingAfter: 0, runs: [] });
        }
        i = end;
        break;
      }
    }
  }
  flush();
  return out;
}

/** The paragraph as `docx`'s Paragraph; docxXml.ts writes the same XML. */
export function docxParagraph(d: DocxModule, p: ParagraphSpec): Docx.Paragraph {
  return new d.Paragraph({
    ...(p.style !== undefined ? { style: p.style } : {}),
    ...(p.spacingAfter !== undefined ? { spacing: { after: p.spacingAfter } } : {}),
    ...(p.indentLeft !== undefined ? { indent: { left: p.indentLeft } } : {}),
    children: p.runs.map((spec) => new d.TextRun(spec)),
  });
}

/** The runs of an inline token: bold and italics kept, a trailing 〔L12〕 in small grey. */
function runSpecs(inline: Token, base: RunSpec = {}): RunSpec[] {
  const out: RunSpec[] = [];
  const children = inline.children ?? [];
  let bold = false;
  let italics = false;
  children.forEach((child, index) => {
    const style = { ...base, ...(bold ? { bold: true } : {}), ...(italics ? { italics: true } : {}) };
    switch (child.type) {
      case 'strong_open':
      case 'strong_close':
        bold = child.type === 'strong_open';
        break;
      case 'em_open':
      case 'em_close':
        italics = child.type === 'em_open';
        break;
      case 'softbreak':
        out.push({ ...style, text: ' ' });
        break;
      case 'hardbreak':
        out.push({ ...style, break: 1 });
        break;
      case 'text':
      case 'code_inline': {
        const text = stripXmlForbidden(child.content);
        const refs = index === children.length - 1 ? TRAILING_REFS.exec(text) : null;
        if (!refs) {
          out.push({ ...style, text });
          break;
        }
        if (refs.index > 0) out.push({ ...style, text: text.slice(0, refs.index) });
        out.push({ ...base, text: refs[0], color: MUTED, size: 16 });
        break;
      }
    }
  });
  return out;
}

/** A Word table from the tokens `table_open` … `table_close`; the header row repeats on each page. */
function tableSpec(tokens: readonly Token[]): TableSpec {
  const rows: { header: boolean; cells: Token[] }[] = [];
  for (const token of tokens) {
    if (token.type === 'tr_open') rows.push({ header: false, cells: [] });
    if (token.type === 'th_open') rows[rows.length - 1]!.header = true;
    if (token.type === 'inline') rows[rows.length - 1]!.cells.push(token);
  }
  return {
    width: CONTENT_WIDTH,
    columnWidths: columnWidths(rows.map((r) => r.cells.map((c) => c.content))),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    cellStyle: 'ReportTable',
    headerFill: 'F3F6FA',
    rows: rows.map((row) => ({ header: row.header, cells: row.cells.map((cell) => runSpecs(cell, row.header ? { bold: true } : {})) })),
  };
}

/** The table as `docx`'s Table; docxXml.ts writes the same XML. */
export function docxTable(d: DocxModule, t: TableSpec): Docx.Table {
  return new d.Table({
    width: { size: t.width, type: d.WidthType.DXA },
    columnWidths: [...t.columnWidths],
    layout: d.TableLayoutType.FIXED,
    margins: t.margins,
    rows: t.rows.map(
      (row) =>
        new d.TableRow({
          tableHeader: row.header,
          cantSplit: true,
          children: row.cells.map(
            (cell, c) =>
              new d.TableCell({
                width: { size: t.columnWidths[c] ?? 0, type: d.WidthType.DXA },
                ...(row.header ? { shading: { fill: t.headerFill, type: d.ShadingType.CLEAR, color: 'auto' } } : {}),
                children: [new d.Paragraph({ style: t.cellStyle, children: cell.map((spec) => new d.TextRun(spec)) })],
              }),
          ),
        }),
    ),
  });
}

/** Table text size: 9 pt, in Word's half-points. */
const TABLE_FONT_HALF_POINTS = 18;
/** Twips per em of table text, and the left plus right cell margin in twips. */
const EM = TABLE_FONT_HALF_POINTS * 10;
const CELL_MARGINS = 160;

/**
 * Column widths in twips, from each column's longest text in ems (CJK counts 1, Latin about
 * half). Short columns (scores, origins, durations) get their full width so they never wrap
 * one character per line; the long ones share the rest by length, capped so that one long
 * column cannot squeeze the others. A fixed grid is what LibreOffice honours.
 */
function columnWidths(rows: readonly string[][]): number[] {
  const columns = Math.max(...rows.map((r) => r.length));
  const natural = Array.from({ length: columns }, (_, c) => Math.max(...rows.map((r) => ems(r[c] ?? ''))) * EM + CELL_MARGINS + EM / 2);
  const total = natural.reduce((a, b) => a + b, 0);
  const short = 6 * EM + CELL_MARGINS;
  const fixed = natural.reduce((sum, w) => sum + (w <= short ? w : 0), 0);
  let widths: number[];
  if (total <= CONTENT_WIDTH || fixed > CONTENT_WIDTH / 2) {
    widths = natural.map((w) => (w * CONTENT_WIDTH) / total);
  } else {
    const weights = natural.map((w) => (w <= short ? 0 : Math.min(w, 24 * EM)));
    const weightSum = weights.reduce((a, b) => a + b, 0);
    widths = natural.map((w, c) => (w <= short ? w : ((CONTENT_WIDTH - fixed) * weights[c]!) / weightSum));
  }
  const rounded = widths.map(Math.floor);
  rounded[rounded.length - 1]! += CONTENT_WIDTH - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}

function ems(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) > 0x2e7f ? 1 : 0.55;
  return n;
}

/** The chart as an SVG image (Word 2016+) with its PNG fallback, and a caption. */
function chart(d: DocxModule, model: ReportModel, kind: ChartKind): Docx.Paragraph[] {
  const picture = chartFor(model, kind);
  if (!picture) return [];
  const height = Math.round((picture.height * CHART_PX) / picture.width);
  const image = new d.ImageRun({
    type: 'svg',
    data: new TextEncoder().encode(chartToSvg(picture, { standalone: true })),
    fallback: { type: 'png', data: chartPng(picture) },
    transformation: { width: CHART_PX, height },
    altText: { name: picture.title, title: picture.title, description: picture.description, id: DRAWING_IDS[kind] },
  });
  return [
    new d.Paragraph({ alignment: d.AlignmentType.CENTER, keepNext: true, spacing: { before: 120, line: 240, lineRule: d.LineRuleType.AUTO }, children: [image] }),
    new d.Paragraph({ style: 'ReportCaption', children: [new d.TextRun(picture.title)] }),
  ];
}
