/**
 * The team's branding in the Word export (core/team/branding.ts): the fonts and the accent
 * colour of the document's styles, a cover page (logo, company, title, prepared for and by,
 * date, version, confidentiality marking) in a section of its own, and a header (logo and text,
 * over an accent rule) and footer (text and page number) on every page of the report. Without
 * branding the export looks as it always did.
 */
import type * as Docx from 'docx';
import type { ReportModel } from '../engine/reportModel';
import { coverLines, hasBranding, logoSize, type BrandLogo, type Branding } from '../team/branding';
import { encodePng } from './png';
import { DRAWING_IDS } from './docxIdentity';

type DocxModule = typeof Docx;

/** The fonts and colours the styles use. */
export interface DocxLook {
  font: { ascii: string; hAnsi: string; cs: string; eastAsia: string };
  /** `RRGGBB`, no `#`. */
  accent: string;
}

const LATIN_FONT = 'Arial';
/** Windows' standard Chinese UI font; Word on macOS ships it too, LibreOffice substitutes Noto Sans CJK. */
const CJK_FONT = 'Microsoft YaHei';
const DEFAULT_ACCENT = '2F6BC4';
const MUTED = '59636E';

export function lookOf(branding: Branding | undefined): DocxLook {
  const latin = branding?.fonts?.latin ?? LATIN_FONT;
  const chinese = branding?.fonts?.chinese ?? CJK_FONT;
  return { font: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: chinese }, accent: branding?.accentColor?.replace(/^#/, '').toUpperCase() ?? DEFAULT_ACCENT };
}

/** A logo as a Word image run, `height` pixels high; an SVG gets a plain PNG fallback for Word before 2016. */
function logoRun(d: DocxModule, logo: BrandLogo, place: 'coverLogo' | 'headerLogo', height: number, maxWidth?: number): Docx.ImageRun {
  const size = logoSize(logo, height, maxWidth);
  const altText = { name: logo.name, title: logo.name, description: logo.name, id: DRAWING_IDS[place] };
  if (logo.kind === 'png') return new d.ImageRun({ type: 'png', data: logo.bytes, transformation: size, altText });
  const fallback = encodePng(Math.max(1, Math.round(size.width / 4)), Math.max(1, Math.round(size.height / 4)), new Uint8Array(Math.max(1, Math.round(size.width / 4)) * Math.max(1, Math.round(size.height / 4)) * 3).fill(255));
  return new d.ImageRun({ type: 'svg', data: logo.bytes, fallback: { type: 'png', data: fallback }, transformation: size, altText });
}

/** Whether the export gets a cover page: when the team's branding sets anything. */
export function hasCover(branding: Branding | undefined): branding is Branding {
  return hasBranding(branding) && !branding.template;
}

/** The cover page's paragraphs: logo, company, title, the cover fields, the confidentiality marking. */
export function coverChildren(d: DocxModule, model: ReportModel, b: Branding, look: DocxLook): Docx.Paragraph[] {
  const run = (text: string, options: Docx.IRunOptions = {}) => new d.TextRun({ text, font: look.font, ...options });
  const out: Docx.Paragraph[] = [];
  if (b.logo) out.push(new d.Paragraph({ spacing: { before: 1200, after: 480 }, children: [logoRun(d, b.logo, 'coverLogo', 72, 360)] }));
  else out.push(new d.Paragraph({ spacing: { before: 1200, after: 480 }, children: [] }));
  if (b.company) out.push(new d.Paragraph({ spacing: { after: 240 }, children: [run(b.company, { size: 28, color: look.accent, bold: true })] }));
  out.push(
    new d.Paragraph({
      spacing: { before: 600, after: 600 },
      border: { bottom: { style: d.BorderStyle.SINGLE, size: 18, color: look.accent, space: 8 } },
      children: [run(model.title, { size: 44, bold: true, color: '1F2328' })],
    }),
  );
  for (const line of coverLines(b, model.asOf)) {
    out.push(new d.Paragraph({ spacing: { after: 120 }, children: [run(`${line.label}：`, { size: 24, color: MUTED }), run(line.value, { size: 24 })] }));
  }
  if (b.cover?.confidentiality) {
    out.push(new d.Paragraph({ spacing: { before: 1200 }, children: [run(b.cover.confidentiality, { size: 22, bold: true, color: look.accent })] }));
  }
  return out;
}

/** The report pages' header: the small logo and the header text (else the company), over an accent rule. */
export function headerOf(d: DocxModule, b: Branding, look: DocxLook): Docx.Header | undefined {
  const text = b.header ?? b.company;
  if (!text && !b.logo) return undefined;
  const children: Docx.ParagraphChild[] = [];
  if (b.logo) children.push(logoRun(d, b.logo, 'headerLogo', 20, 120));
  if (text) children.push(new d.TextRun({ text: `${b.logo ? '  ' : ''}${text}`, font: look.font, size: 18, color: MUTED }));
  return new d.Header({ children: [new d.Paragraph({ border: { bottom: { style: d.BorderStyle.SINGLE, size: 6, color: look.accent, space: 4 } }, children })] });
}

/** The report pages' footer: the footer text (and the confidentiality marking), and the page number. */
export function footerOf(d: DocxModule, b: Branding, look: DocxLook): Docx.Footer | undefined {
  const text = [b.footer, b.cover?.confidentiality].filter(Boolean).join(' · ');
  if (!text && !hasBranding(b)) return undefined;
  return new d.Footer({
    children: [
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        children: [...(text ? [new d.TextRun({ text: `${text}    `, font: look.font, size: 16, color: MUTED })] : []), new d.TextRun({ children: [d.PageNumber.CURRENT], font: look.font, size: 16, color: MUTED })],
      }),
    ],
  });
}
