/**
 * The stylesheet inlined into the standalone HTML export: a light, print-friendly page with a
 * CJK font stack. The preview has its own, theme-aware stylesheet in the webview.
 */
const CJK_FONT_STACK = '-apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const EXPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #ffffff; }
body { margin: 0 auto; max-width: 60rem; padding: 2.5rem 2rem 4rem; color: #1f2328; background: #ffffff;
  font-family: ${CJK_FONT_STACK}; font-size: 15px; line-height: 1.7; }
h1, h2, h3, h4 { line-height: 1.35; margin: 1.6em 0 0.6em; font-weight: 600; }
h1 { font-size: 1.9em; margin-top: 0; padding-bottom: 0.3em; border-bottom: 2px solid var(--intake-accent, #2f6bc4); }
h2 { font-size: 1.45em; padding-bottom: 0.25em; border-bottom: 1px solid #d1d9e0; }
h3 { font-size: 1.2em; }
h4 { font-size: 1.05em; }
p, ul, ol, table, blockquote, figure { margin: 0 0 1em; }
ul, ol { padding-left: 1.6em; }
li + li { margin-top: 0.2em; }
blockquote { margin-left: 0; padding: 0.6em 1em; color: #404850; background: #f3f6fa; border-left: 4px solid var(--intake-accent, #2f6bc4); }
blockquote p { margin: 0; }
blockquote p + p { margin-top: 0.4em; }
table { border-collapse: collapse; width: 100%; font-size: 0.88em; line-height: 1.5; }
th, td { border: 1px solid #d1d9e0; padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
th { background: #f3f6fa; font-weight: 600; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fafbfc; }
.intake-refs { color: #59636e; font-size: 0.85em; white-space: nowrap; }
.intake-ref { color: inherit; text-decoration: none; }
figure.chart { margin: 0.5em 0 1.5em; text-align: center; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figcaption { color: #59636e; font-size: 0.85em; margin-top: 0.3em; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, li, figure, blockquote { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tbody tr:nth-child(even) td, th, blockquote { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
