/**
 * Loads dist/report.js (see reportBundle.ts) on first use: the engine with its knowledge base,
 * markdown-it, the renderers and `docx` stay out of dist/extension.js, so activation neither
 * parses nor runs any of them.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type * as Bundle from './reportBundle';

export type ReportKit = typeof Bundle;

let kit: ReportKit | undefined;

/** The bundle file beside dist/extension.js (this code runs from there). */
function bundlePath(): string {
  return path.join(__dirname, 'report.js');
}

export async function loadReportKit(): Promise<ReportKit> {
  if (kit) return kit;
  // A plain require of a computed path: esbuild leaves it alone, Node loads the file now.
  const file = bundlePath();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at run time from dist/, never bundled
  const loaded = require(file) as ReportKit;
  // The bundle has its own copy of the core's l10n: give it the strings VS Code loaded.
  loaded.configureL10n(vscode.l10n.bundle);
  return (kit = loaded);
}
