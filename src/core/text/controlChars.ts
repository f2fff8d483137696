/**
 * Control characters in text that came from a file, a server or a model. In a terminal, ESC
 * starts ANSI and OSC sequences (colours, titles, hyperlinks, even clipboard writes), so the CLI
 * shows them escaped; in an export (Markdown, HTML, Word) they have no business at all, and NUL
 * or U+FFFE make some readers reject the file, so exports drop them.
 *
 * Kept: tab, line feed, carriage return. Everything else below U+0020, DEL, the C1 range
 * U+0080–U+009F, and the non-characters U+FFFE / U+FFFF.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without control characters (for exports). */
export function dropControlChars(text: string): string {
  return text.replace(CONTROL, '');
}

/** `text` with each control character shown as `\xNN` / `\uNNNN` (for a terminal). */
export function escapeControlChars(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}

/** Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF) removed: for Word. */
export function dropXmlForbidden(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '');
}
