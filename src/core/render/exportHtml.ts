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

export interface ExportOptions {
  /** Keep the 〔L12〕 references (plain text, no links: the file has no intake beside it). */
  refs?: boolean;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function renderStandaloneHtml(report: ReportModel, options: ExportOptions = {}): string {
  const model = mapStrings(report, dropControlChars);
  // References, when kept, are not links: the exported file has no intake to jump to.
  const body = renderReportHtml(model, { charts: true, refLinks: false, refs: options.refs ?? true });
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Intake Studio">',
    `<title>${escapeXml(model.title)}</title>`,
    `<style>${EXPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main class="intake-report">',
    body.trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
