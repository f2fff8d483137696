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
    // By index over the keys, in Object.entries' order: entries and a for…of make an array and an
    // iterator result per field, a few hundred kilobytes of garbage over a report's model.
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) out[keys[i]!] = mapStrings((value as Record<string, unknown>)[keys[i]!], clean);
    return out as T;
  }
  return value;
}
