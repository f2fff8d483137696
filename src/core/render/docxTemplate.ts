/**
 * The Word export into a team's template (`.dotx` or `.docx`, `word.template` in
 * `.intake/report.yaml`): the template keeps its styles, page set-up, headers, footers and
 * cover, and the report's headings, paragraphs, lists, tables and charts go where it says
 * `{{report}}` (at the end of its body when it says nothing). Cover placeholders anywhere in it,
 * headers and footers included, are filled too: `{{title}}`, `{{company}}`, `{{preparedFor}}`,
 * `{{preparedBy}}`, `{{date}}`, `{{version}}`, `{{confidentiality}}`, `{{header}}`, `{{footer}}`,
 * and a picture whose alt text is `{{logo}}` shows the team's logo.
 *
 * The `docx` package patches templates (`patchDocument`: placeholders, lists, pictures); what it
 * does not do is done here, on the package's XML, before it patches:
 * - a `.dotx` is a template part: its main content type becomes a document's, or Word would
 *   refuse the file;
 * - the report's paragraphs name styles by id (`Heading1`, `Title`, `ReportNote`…), but a
 *   template made with a Chinese Word calls its heading style `1`: the ids the template gives the
 *   built-in styles (`heading 1`, `Title`, `Normal` by their `w:name`) are used instead, and the
 *   styles it lacks are copied in from a document the `docx` package builds with the export's own
 *   styles;
 * - a template without `{{report}}` gets one, as the last paragraph before its final section
 *   properties.
 */
import type * as Docx from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import type { ReportModel } from '../engine/reportModel';
import { coverLines, type Branding } from '../team/branding';
import { logoSize } from '../team/branding';
import { encodePng } from './png';
import type { StyleIds } from './docxStyles';

type DocxModule = typeof Docx;

export interface TemplateBody {
  children: (Docx.Paragraph | Docx.Table)[];
  numbering: Docx.INumberingOptions;
  styles: Docx.IStylesOptions;
}

const DOCUMENT = 'word/document.xml';
const STYLES = 'word/styles.xml';
const CONTENT_TYPES = '[Content_Types].xml';
const TEMPLATE_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml';
const DOCUMENT_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const REPORT_PLACEHOLDER = '{{report}}';

/** Our style ids and the built-in names Word gives them (a template may use other ids). */
const BUILT_IN: Record<keyof StyleIds, { id: string; name: string }> = {
  h1: { id: 'Title', name: 'title' },
  h2: { id: 'Heading1', name: 'heading 1' },
  h3: { id: 'Heading2', name: 'heading 2' },
  h4: { id: 'Heading3', name: 'heading 3' },
};
/** The export's own paragraph styles. */
const OWN_STYLES = ['ReportNote', 'ReportTable', 'ReportCaption'];

export class TemplateError extends Error {}

export async function renderWithTemplate(d: DocxModule, model: ReportModel, branding: Branding, template: Uint8Array, body: (styles: StyleIds) => TemplateBody): Promise<Uint8Array> {
  let files: Unzipped;
  try {
    files = unzipSync(template);
  } catch {
    throw new TemplateError(`the Word template ${branding.template?.name ?? ''} is not a valid .docx or .dotx (not a ZIP file)`);
  }
  if (!files[DOCUMENT] || !files[CONTENT_TYPES]) throw new TemplateError(`the Word template ${branding.template?.name ?? ''} has no word/document.xml: is it a Word file?`);
  files[CONTENT_TYPES] = strToU8(strFromU8(files[CONTENT_TYPES]).split(TEMPLATE_MAIN).join(DOCUMENT_MAIN));
  const styleXml = files[STYLES] ? strFromU8(files[STYLES]) : undefined;
  const ids = styleIdsByName(styleXml ?? '');
  const styleIds = Object.fromEntries((Object.keys(BUILT_IN) as (keyof StyleIds)[]).map((k) => [k, ids.get(BUILT_IN[k].name) ?? BUILT_IN[k].id])) as StyleIds;
  const content = body(styleIds);
  if (styleXml !== undefined) files[STYLES] = strToU8(await withMissingStyles(d, styleXml, styleIds, ids, content));
  const documentXml = strFromU8(files[DOCUMENT]);
  if (!textOf(documentXml).includes(REPORT_PLACEHOLDER)) files[DOCUMENT] = strToU8(withPlaceholder(documentXml));
  const prepared = zipSync(files);

  const text = (value: string | undefined): Docx.IPatch => ({ type: d.PatchType.PARAGRAPH, children: [new d.TextRun(value ?? '')] });
  const cover = Object.fromEntries(coverLines(branding, model.asOf).map((l) => [l.label, l.value]));
  const patches: Record<string, Docx.IPatch | InstanceType<DocxModule['ImagePatch']>> = {
    report: { type: d.PatchType.DOCUMENT, children: content.children },
    title: text(model.title),
    company: text(branding.company),
    preparedFor: text(branding.cover?.preparedFor),
    preparedBy: text(branding.cover?.preparedBy ?? branding.company),
    date: text(cover['日期']),
    version: text(branding.cover?.version),
    confidentiality: text(branding.cover?.confidentiality),
    header: text(branding.header),
    footer: text(branding.footer),
  };
  if (branding.logo) {
    const size = logoSize(branding.logo, 48);
    patches.logo =
      branding.logo.kind === 'png'
        ? new d.ImagePatch({ type: 'png', data: branding.logo.bytes })
        : new d.ImagePatch({ type: 'svg', data: branding.logo.bytes, fallback: { type: 'png', data: encodePng(size.width, size.height, new Uint8Array(size.width * size.height * 3).fill(255)) } });
  }
  return d.patchDocument({
    outputType: 'uint8array',
    data: prepared,
    patches,
    keepOriginalStyles: true,
    numbering: content.numbering,
    properties: { title: model.title, ...(branding.company ? { creator: branding.company } : {}) },
  });
}

/** Each paragraph style's id by its `w:name`, lower-cased (`heading 1` → `1` in a Chinese Word's template). */
function styleIdsByName(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const chunk of xml.split('</w:style>')) {
    const start = chunk.lastIndexOf('<w:style ');
    if (start < 0) continue;
    const style = chunk.slice(start);
    const id = /w:styleId="([^"]*)"/.exec(style)?.[1];
    const name = /<w:name w:val="([^"]*)"/.exec(style)?.[1];
    if (id !== undefined && name !== undefined && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), id);
  }
  return out;
}

/**
 * The template's styles.xml with the styles the report uses and it lacks: taken from a document
 * the `docx` package writes with the export's own styles, with their `basedOn`/`next` pointing to
 * the template's own id of Normal.
 */
async function withMissingStyles(d: DocxModule, xml: string, used: StyleIds, byName: Map<string, string>, content: TemplateBody): Promise<string> {
  const has = new Set([...byName.values()]);
  const missing = [...Object.values(used), ...OWN_STYLES].filter((id) => !has.has(id));
  if (missing.length === 0) return xml;
  const sample = new d.Document({ styles: content.styles, sections: [{ children: [] }] });
  const ours = strFromU8(unzipSync(await d.Packer.toBuffer(sample))[STYLES]!);
  const normal = byName.get('normal') ?? 'Normal';
  const copied: string[] = [];
  for (const chunk of ours.split('</w:style>')) {
    const start = chunk.lastIndexOf('<w:style ');
    if (start < 0) continue;
    const style = chunk.slice(start);
    const id = /w:styleId="([^"]*)"/.exec(style)?.[1];
    if (id !== undefined && missing.includes(id)) copied.push(`${style.replace(/(<w:(?:basedOn|next) w:val=")Normal(")/g, `$1${normal}$2`)}</w:style>`);
  }
  const end = xml.lastIndexOf('</w:styles>');
  return end < 0 ? xml : `${xml.slice(0, end)}${copied.join('')}${xml.slice(end)}`;
}

/** The document's text, tags left out (a placeholder may be split across runs). */
function textOf(xml: string): string {
  // `[^<>]`: a stray `<` ends the scan, so text full of them stays linear.
  return xml.replace(/<[^<>]*>/g, '');
}

/** document.xml with a `{{report}}` paragraph at the end of its body, before the body's own section properties. */
function withPlaceholder(xml: string): string {
  const paragraph = `<w:p><w:r><w:t>${REPORT_PLACEHOLDER}</w:t></w:r></w:p>`;
  const bodyEnd = xml.lastIndexOf('</w:body>');
  if (bodyEnd < 0) throw new TemplateError('the Word template has no document body');
  const sectPr = xml.lastIndexOf('<w:sectPr', bodyEnd);
  const lastBlock = Math.max(xml.lastIndexOf('</w:p>', bodyEnd), xml.lastIndexOf('</w:tbl>', bodyEnd));
  // The body's sectPr is its last child: after every paragraph and table.
  const at = sectPr > lastBlock ? sectPr : bodyEnd;
  return `${xml.slice(0, at)}${paragraph}${xml.slice(at)}`;
}
