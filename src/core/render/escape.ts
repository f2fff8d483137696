/** Escaping for text that goes into HTML or XML (SVG, Word) text and quoted attribute values. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Control characters that XML 1.0 forbids even as character references: one of them in an
 * intake value would make an SVG (or Word part) unparseable, so they are dropped.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function stripXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/**
 * markdown-it's escapeHtml (`& < > "`, not `'`, nothing dropped): what its renderer does to text
 * and attribute values, for HTML that must be byte for byte what markdown-it writes
 * (reportHtmlDirect.ts).
 */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

/** Escapes `& < > " '`: safe in element text and in single- or double-quoted attributes, in HTML and XML alike. */
export function escapeXml(text: string): string {
  return stripXmlForbidden(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
