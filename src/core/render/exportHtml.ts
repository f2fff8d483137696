/**
 * The HTML export: one self-contained, print-friendly document. CSS and the chart SVGs are
 * inline, there are no scripts, and the CSP forbids every fetch, so the file opens the same
 * offline, in a mail client or from an archive years later.
 */
import type { ReportModel } from '../engine/reportModel';
import { dropControlChars } from '../text/controlChars';
import { mapStrings } from './cleanStrings';
import { escapeXml } from './escape';
import { EXPORT_CSS } from './exportCss';
import { renderReportHtml } from './html';
import type { Branding } from '../team/branding';
import { brandCoverHtml, brandCss, brandFooterHtml, brandMastheadHtml } from './brandHtml';

export interface ExportOptions {
  /** Keep the 〔L12〕 references (plain text, no links: the file has no intake beside it). */
  refs?: boolean;
  /** The team's branding (`.intake/report.yaml`): masthead, cover, footer, accent colour. */
  branding?: Branding;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function renderStandaloneHtml(report: ReportModel, options: ExportOptions = {}): string {
  const model = mapStrings(report, dropControlChars);
  // References, when kept, are not links: the exported file has no intake to jump to.
  const body = renderReportHtml(model, { charts: true, refLinks: false, refs: options.refs ?? true });
  const b = options.branding && { ...mapStrings({ ...options.branding, logo: undefined, template: undefined }, dropControlChars), ...(options.branding.logo ? { logo: options.branding.logo } : {}) };
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Intake Studio">',
    `<title>${escapeXml(model.title)}</title>`,
    `<style>${EXPORT_CSS}${brandCss(b)}</style>`,
    '</head>',
    '<body>',
    ...nonEmpty(brandMastheadHtml(b).trimEnd(), brandCoverHtml(b, model)),
    '<main class="intake-report">',
    body.trimEnd(),
    '</main>',
    ...nonEmpty(brandFooterHtml(b)),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function nonEmpty(...parts: string[]): string[] {
  return parts.filter((p) => p !== '');
}
