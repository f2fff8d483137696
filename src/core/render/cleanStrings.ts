/**
 * Every string of a report model passed through one function, for the exports: control
 * characters from an intake (an escape sequence, a NUL) have no place in a Markdown, HTML or Word
 * file, and the characters XML forbids (U+FFFE, U+FFFF, lone surrogates) make a Word file that
 * Word refuses to open, metadata (the title in docProps/core.xml) included. The model is copied,
 * not changed.
 */
export function mapStrings<T>(value: T, clean: (s: string) => string): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, clean)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, clean);
    return out as T;
  }
  return value;
}
