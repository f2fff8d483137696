/**
 * The team's branding in HTML (core/team/branding.ts): the masthead the preview and the HTML
 * export put above the report (logo, company, header text), the export's cover block and
 * footer, and its accent colour. Every text is escaped; the logo is a `data:` image, which both
 * pages' Content-Security-Policy allow and which runs nothing (an SVG in an `<img>` is inert).
 */
import type { ReportModel } from '../engine/reportModel';
import { coverLines, hasBranding, logoDataUri, logoSize, type Branding } from '../team/branding';
import { escapeXml } from './escape';

/**
 * `<header class="intake-brand" data-block="brand">`: a top-level block of its own, so the
 * preview's keyed patches (core/preview/patch.ts) keep it while the report below changes. The
 * accent colour travels as `data-accent`; the preview's script sets it (its page allows no
 * inline styles), the export sets it in its stylesheet.
 */
export function brandMastheadHtml(b: Branding | undefined): string {
  if (!hasBranding(b) || (!b.company && !b.logo && !b.header)) return '';
  const parts: string[] = [];
  if (b.logo) {
    const size = logoSize(b.logo, 32, 200);
    parts.push(`<img class="intake-brand-logo" src="${logoDataUri(b.logo)}" alt="${escapeXml(b.company ?? b.logo.name)}" width="${size.width}" height="${size.height}">`);
  }
  if (b.company) parts.push(`<span class="intake-brand-company">${escapeXml(b.company)}</span>`);
  if (b.header) parts.push(`<span class="intake-brand-text">${escapeXml(b.header)}</span>`);
  const accent = b.accentColor ? ` data-accent="${escapeXml(b.accentColor)}"` : '';
  return `<header class="intake-brand" data-block="brand"${accent}>${parts.join('')}</header>\n`;
}

/** The export's cover block: logo, company, title, the cover fields, the confidentiality marking. */
export function brandCoverHtml(b: Branding | undefined, model: ReportModel): string {
  if (!hasBranding(b)) return '';
  const lines = coverLines(b, model.asOf)
    .map((l) => `<div class="brand-cover-line"><span class="brand-cover-label">${escapeXml(l.label)}</span>${escapeXml(l.value)}</div>`)
    .join('');
  const logo = b.logo ? `<img class="brand-cover-logo" src="${logoDataUri(b.logo)}" alt="${escapeXml(b.company ?? b.logo.name)}" width="${logoSize(b.logo, 72, 360).width}" height="${logoSize(b.logo, 72, 360).height}">` : '';
  return [
    '<section class="brand-cover">',
    logo,
    b.company ? `<p class="brand-cover-company">${escapeXml(b.company)}</p>` : '',
    `<p class="brand-cover-title">${escapeXml(model.title)}</p>`,
    lines,
    b.cover?.confidentiality ? `<p class="brand-cover-confidential">${escapeXml(b.cover.confidentiality)}</p>` : '',
    '</section>',
  ].join('\n');
}

/** The export's footer: the footer text and the confidentiality marking. */
export function brandFooterHtml(b: Branding | undefined): string {
  const text = [b?.footer, b?.cover?.confidentiality].filter((x): x is string => !!x);
  return text.length > 0 ? `<footer class="brand-footer">${text.map(escapeXml).join(' · ')}</footer>` : '';
}

/** The export's extra stylesheet: the accent colour and the cover's look. */
export function brandCss(b: Branding | undefined): string {
  if (!hasBranding(b)) return '';
  // Checked by the schema (#RRGGBB), checked again here: it goes into a stylesheet.
  const accent = b.accentColor && /^#[0-9a-fA-F]{6}$/.test(b.accentColor) ? b.accentColor : undefined;
  return `
${accent ? `:root { --intake-accent: ${accent}; }` : ''}
.intake-brand { display: flex; align-items: center; gap: 0.8em; padding-bottom: 0.6em; margin-bottom: 1.5em; border-bottom: 2px solid var(--intake-accent, #2f6bc4); color: #59636e; font-size: 0.9em; }
.intake-brand-company { font-weight: 600; color: #1f2328; }
.intake-brand-text { margin-left: auto; }
.brand-cover { min-height: 60vh; padding: 4rem 0 3rem; margin-bottom: 3rem; border-bottom: 1px solid #d1d9e0; }
.brand-cover-company { color: var(--intake-accent, #2f6bc4); font-weight: 600; font-size: 1.2em; margin-top: 1.5rem; }
.brand-cover-title { font-size: 2em; font-weight: 600; margin: 2.5rem 0 2rem; padding-bottom: 0.4em; border-bottom: 3px solid var(--intake-accent, #2f6bc4); }
.brand-cover-line { color: #1f2328; margin: 0.3em 0; }
.brand-cover-label { color: #59636e; margin-right: 0.5em; }
.brand-cover-confidential { margin-top: 3rem; font-weight: 600; color: var(--intake-accent, #2f6bc4); }
.brand-footer { margin-top: 3rem; padding-top: 0.6em; border-top: 1px solid #d1d9e0; color: #59636e; font-size: 0.85em; text-align: center; }
@media print { .brand-cover { break-after: page; page-break-after: always; min-height: 0; border: none; } }
`;
}
