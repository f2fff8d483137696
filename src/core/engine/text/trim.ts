/**
 * Trimming the end of a text without a regular expression: `/[…]+$/` and `/（[^）]*）$/` retry
 * from every start position and take quadratic time on a long run of the trimmed characters
 * (test/fuzz/linearTime.test.ts). These scan from the end once.
 */

/** `text` without any of `chars` at its end. */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}

const BLANKS = ' \t\u3000\u00a0';

/**
 * `text` without a bracketed aside at its end ("国家金融监督管理总局（NFRA）" → "国家金融监督管理总局"),
 * full-width or ASCII, and the blanks before it; unchanged when it does not end with one. The
 * aside has no brackets of its own kind inside.
 */
export function dropTrailingAside(text: string): string {
  const last = text[text.length - 1];
  const open = last === '）' ? '（' : last === ')' ? '(' : undefined;
  if (!open) return text;
  const start = text.lastIndexOf(open);
  if (start < 0 || text.indexOf(last ?? '', start) !== text.length - 1) return text;
  return trimEndOf(text.slice(0, start), BLANKS);
}

/**
 * `text` without its trailing aside (its figures, what it cost) when it is longer than `max`, so a
 * quote cut to `max` is not cut inside the aside; as it is when it fits or nothing else would be left.
 */
export function asideDroppedBeyond(text: string, max: number): string {
  if (text.length <= max) return text;
  const bare = dropTrailingAside(text);
  return bare.length >= 2 ? bare : text;
}
