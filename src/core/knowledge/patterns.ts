/**
 * How the knowledge base's framework aliases and level words become regular expressions. The
 * standards check (analysis/standards.ts) runs them on every line a user types, and the build's
 * pattern-safety check (regexSafety.ts) proves each one linear, so both must build them here.
 */

const SEP = '[\\s\\-_]*';

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** An alias as a pattern: blanks, hyphens and underscores optional, also between letters and digits. */
export function aliasPattern(alias: string): string {
  let out = '';
  let prev = '';
  for (const c of alias.trim()) {
    if (/[\s\-_]/.test(c)) {
      if (!out.endsWith(SEP)) out += SEP;
      prev = '';
      continue;
    }
    if (prev && ((/[A-Za-z]/.test(prev) && /\d/.test(c)) || (/\d/.test(prev) && /[A-Za-z]/.test(c)))) {
      if (!out.endsWith(SEP)) out += SEP;
    }
    out += escapeRe(c);
    prev = c;
  }
  return out;
}

/** The level words of a framework without its own `levelPattern`: Type II, Level 3, 第三级, 3级. */
export const DEFAULT_LEVEL_PATTERN = '((?:type|level)[\\s\\-_]*(?:[ivx]+|\\d+)|第?(?:[一二三四五六七八九十]|[1-9][0-9]{0,2})级)';

/** A level pattern as matched right after a mention (`after`) and right before it (`before`). */
export function levelPatterns(source: string): { after: string; before: string } {
  return { after: `^[\\s:：\\-]*(?:${source})`, before: `(?:${source})[\\s]*$` };
}
