/**
 * The webview's page: a strict CSP (nonce-only scripts, styles and images from the extension
 * only), the stylesheet and the bundled script (async: the report paints without waiting for it). When the first report is ready
 * before the page has loaded, it is written into the page itself (`initial`), so it paints as
 * soon as the HTML is parsed, without waiting for the script and a message round trip; every
 * later version arrives by message.
 */
import * as vscode from 'vscode';
import type { PreviewState, RenderMessage } from '../../protocol/messages';

function mediaRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: mediaRoots(extensionUri) };
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, (c) => ({ '+': '-', '/': '_', '=': '' })[c]!);
}

function escapeAttr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function contentSecurityPolicy(cspSource: string, scriptNonce: string): string {
  return [`default-src 'none'`, `img-src ${cspSource} data:`, `style-src ${cspSource}`, `script-src 'nonce-${scriptNonce}'`].join('; ');
}

export function previewShell(webview: vscode.Webview, extensionUri: vscode.Uri, state: PreviewState, title: string, uiLanguage: string, initial?: RenderMessage): string {
  const n = nonce();
  const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'preview.css'));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'preview.js'));
  // The render message without its html, which goes into <main> as markup.
  const embedded = initial ? ` data-initial="${escapeAttr(JSON.stringify({ ...initial, html: '' }))}"` : '';
  return `<!DOCTYPE html>
<html lang="${escapeAttr(uiLanguage)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(webview.cspSource, n))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(css.toString())}">
<title>${escapeAttr(initial?.title ?? title)}</title>
</head>
<body>
<div id="intake-preview" data-state="${escapeAttr(JSON.stringify(state))}"${embedded}>
<div class="intake-toolbar" role="toolbar" hidden></div>
<div class="intake-banner" role="status" aria-live="polite" hidden></div>
<div class="intake-notice" role="status" aria-live="polite" hidden></div>
<main id="intake-report" class="intake-report" lang="zh-CN"${initial ? '' : ' aria-busy="true"'}>${initial?.html ?? ''}</main>
<section id="intake-llm" class="intake-llm" hidden></section>
</div>
<script async nonce="${n}" src="${escapeAttr(script.toString())}"></script>
</body>
</html>`;
}
