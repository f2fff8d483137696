/**
 * A literal prefix or suffix replaced, as `text.replace(/^PREFIX/, by)` or `/SUFFIX$/` would do
 * it, without a pattern: V8 makes each pattern literal's object where the code runs it first and
 * compiles it on its first run (about 0.1 ms each), for a test `startsWith` makes at once.
 */

/** `text` with the first of `prefixes` it starts with replaced by `by`; `text` when it starts with none. */
export function swapPrefix(text: string, prefixes: string | readonly string[], by = ''): string {
  if (typeof prefixes === 'string') return text.startsWith(prefixes) ? by + text.slice(prefixes.length) : text;
  for (let i = 0; i < prefixes.length; i++) if (text.startsWith(prefixes[i]!)) return by + text.slice(prefixes[i]!.length);
  return text;
}

/** `text` with `suffix` at its end replaced by `by`; `text` when it does not end with it. */
export function swapSuffix(text: string, suffix: string, by = ''): string {
  return text.endsWith(suffix) ? text.slice(0, text.length - suffix.length) + by : text;
}

/** Whether `text` starts with any of `prefixes`. */
export function startsWithAny(text: string, prefixes: readonly string[]): boolean {
  for (let i = 0; i < prefixes.length; i++) if (text.startsWith(prefixes[i]!)) return true;
  return false;
}

/** Whether the last character of `text` (one UTF-16 code unit) is one of `chars`. */
export function endsWithOneOf(text: string, chars: string): boolean {
  return text.length > 0 && chars.includes(text[text.length - 1]!);
}
