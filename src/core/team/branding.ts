/**
 * A team's branding of the report's exports, as `.intake/report.yaml` sets it (brandingFile.ts
 * reads and checks the file): the company name, the logo, the cover page's fields, the page
 * header and footer, the accent colour, the Word fonts, and a Word template. The renderers (HTML,
 * Word, the preview's masthead) take it as plain data; nothing here reads a file.
 */

export interface BrandLogo {
  kind: 'png' | 'svg';
  bytes: Uint8Array;
  /** Its natural size in CSS pixels (PNG: its pixels; SVG: its width/height or viewBox). */
  width: number;
  height: number;
  /** The file name, for alt text and messages. */
  name: string;
}

interface BrandCover {
  preparedFor?: string;
  preparedBy?: string;
  /** Default: the report date. */
  date?: string;
  version?: string;
  confidentiality?: string;
}

export interface Branding {
  company?: string;
  logo?: BrandLogo;
  cover?: BrandCover;
  header?: string;
  footer?: string;
  /** `#RRGGBB`. */
  accentColor?: string;
  fonts?: { chinese?: string; latin?: string };
  /** A `.dotx` or `.docx` whose styles, headers and footers the Word export keeps. */
  template?: { bytes: Uint8Array; name: string };
}

/** Whether a branding sets anything at all. */
export function hasBranding(b: Branding | undefined): b is Branding {
  return b !== undefined && Object.values(b).some((v) => v !== undefined);
}

/** `data:` URI of a logo (HTML and the preview embed it; the page's CSP allows `data:` images). */
export function logoDataUri(logo: BrandLogo): string {
  const mime = logo.kind === 'png' ? 'image/png' : 'image/svg+xml';
  return `data:${mime};base64,${base64(logo.bytes)}`;
}

/** The logo's size scaled to `height` pixels, keeping its proportions (and at most `maxWidth` wide). */
export function logoSize(logo: BrandLogo, height: number, maxWidth = height * 6): { width: number; height: number } {
  const ratio = logo.width > 0 && logo.height > 0 ? logo.width / logo.height : 1;
  let w = height * ratio;
  let h = height;
  if (w > maxWidth) {
    w = maxWidth;
    h = maxWidth / ratio;
  }
  return { width: Math.max(1, Math.round(w)), height: Math.max(1, Math.round(h)) };
}

/** The cover's lines, in the order a cover page shows them, with their labels. */
export function coverLines(b: Branding, reportDate: string): { label: string; value: string }[] {
  const c = b.cover ?? {};
  const out: { label: string; value: string }[] = [];
  if (c.preparedFor) out.push({ label: '呈送', value: c.preparedFor });
  if (c.preparedBy ?? b.company) out.push({ label: '编制', value: (c.preparedBy ?? b.company)! });
  out.push({ label: '日期', value: c.date ?? reportDate });
  if (c.version) out.push({ label: '版本', value: c.version });
  return out;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
