/**
 * The Markdown export: renderMarkdown()'s text with the two charts embedded after their tables
 * as `data:` SVG images, so the file carries the same pictures as the preview and needs
 * nothing beside it.
 */
import type { ReportModel } from '../engine/reportModel';
import { chartFor, chartToSvg } from './charts';
import { dropControlChars } from '../text/controlChars';
import { mapStrings } from './cleanStrings';
import type { ExportOptions } from './exportHtml';
import { renderMarkdown } from './markdown';
import { chartLines } from './chartPlaces';

export function renderMarkdownExport(report: ReportModel, options: ExportOptions = {}): string {
  const model = mapStrings(report, dropControlChars);
  const markdown = renderMarkdown(model, { refs: options.refs ?? true });
  const lines = markdown.split('\n');
  const inserts: { line: number; text: string }[] = [];
  for (const { line, kind } of chartLines(lines)) {
    const chart = chartFor(model, kind);
    if (chart) inserts.push({ line, text: `![${chart.title}](data:image/svg+xml;base64,${base64(chartToSvg(chart, { standalone: true }))})` });
  }
  // Bottom up, so earlier line numbers stay valid.
  for (const { line, text } of inserts.sort((a, b) => b.line - a.line)) lines.splice(line, 0, '', text);
  return lines.join('\n');
}

/**
 * Base64 of the UTF-8 bytes: with Node's Buffer where there is one (one native call; btoa, in
 * Node, checks the text in a loop of JavaScript that a fresh process interprets, and TextEncoder
 * loads a module of Node's), else TextEncoder and btoa, so the core stays usable in a browser.
 * Both give the same text (a lone surrogate becomes U+FFFD's bytes in each).
 */
function base64(text: string): string {
  const buffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  if (buffer) return buffer.from(text, 'utf8').toString('base64');
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
