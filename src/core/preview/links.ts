/** Which links from the report may be opened: absolute http(s) URLs only. Pure; no `vscode`. */

export function safeExternalUrl(href: string): string | undefined {
  const trimmed = href.trim();
  // Control characters and whitespace inside a URL are a smuggling attempt, not a link.
  if (trimmed.length === 0 || trimmed.length > 4096 || /[\u0000-\u0020\u007f]/.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname) return undefined;
  return url.toString();
}
