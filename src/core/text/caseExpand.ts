/**
 * Case-insensitive regular expressions without the `i` flag, where that can be done exactly: each
 * ASCII letter written as the class of its case forms (`PUE` -> `[pP][uU][eE]`). V8 compiles an
 * `i` pattern several times slower (it closes every character and class over case folding
 * through ICU: about 0.1 ms for `/PCIDSS/iy`, against 0.013 ms for `/PCIDSS/y`), and most of the
 * patterns a report runs (the knowledge base's rules, the standards' aliases) run once or twice.
 *
 * Only patterns whose sole characters with case are ASCII letters outside a class are rewritten,
 * under a conservative reading (which caseFree.ts shares): any escape but a few class and syntax
 * escapes and `\b`, any `\p{…}` but `\p{Script=Han}`, any range in a class but one of digits, any
 * named group or backreference leaves the pattern as it is, with `i`. The case forms of an ASCII
 * letter: itself and its other case; with `u`, simple case folding adds U+212A KELVIN SIGN to k and
 * U+017F LONG S to s (without `u`, a character outside ASCII never matches an ASCII letter). For
 * the same reason `\b` under `iu` counts ſ and K as word characters: it is written as lookarounds
 * on that class (under `i` alone it is left as it is).
 */
import { isAsciiDigit, isAsciiLetter } from '../document';

/** Escapes whose meaning no flag but `u` changes: the digit and blank classes and escaped syntax characters. */
const SAFE_ESCAPES = new Set([...'dDsStnrfv', ...'^$\\.*+?()[]{}|/-,:：']);

/** The class an ASCII letter becomes, by its code; with `u`, k and s have a third form. */
function letterClass(code: number, unicode: boolean): string {
  const lower = String.fromCharCode(code | 0x20);
  const upper = String.fromCharCode(code & ~0x20);
  const extra = !unicode ? '' : lower === 'k' ? '\\u212A' : lower === 's' ? '\\u017F' : '';
  return `[${lower}${upper}${extra}]`;
}

/** The word characters of `\b` under `iu`: `\w` and what case-folds into it, ſ (to s) and K (to k). */
const WORD = '[0-9A-Za-z_\\u017F\\u212A]';

/**
 * `\b` at `at` of `pattern` (with `iu`) written for the pattern without `i`. Next to a letter or
 * digit that the pattern matches right there, one side is known to be a word character and only
 * the other is tested.
 */
function wordBoundary(pattern: string, at: number, wordBefore: boolean): string {
  if (wordBefore) return `(?!${WORD})`;
  const next = pattern.charCodeAt(at + 2);
  const after = pattern[at + 3];
  if ((isAsciiLetter(next) || isAsciiDigit(next)) && after !== '?' && after !== '*' && after !== '{') return `(?<!${WORD})`;
  return `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
}

/**
 * `pattern` rewritten to match without `i` exactly what it matches with `i` (and `u` when
 * `unicode`), or undefined when it cannot be shown to. The same text when nothing in it has case.
 */
export function expandCase(pattern: string, unicode: boolean): string | undefined {
  let out = '';
  let from = 0;
  let inClass = false;
  // Whether the character before `i` is an ASCII letter or digit the pattern matches itself (a word character).
  let afterWord = false;
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    const wordBefore = afterWord;
    afterWord = false;
    if (code === 0x5c /* \ */) {
      const next = pattern[i + 1];
      if (next === 'p' && pattern.startsWith('{Script=Han}', i + 2)) {
        i += 1 + '{Script=Han}'.length;
        continue;
      }
      if (next === 'b' && !inClass) {
        // Without `u`, \b's word characters are \w's, `i` or not; with `u` and `i`, also ſ and K.
        if (unicode) {
          out += pattern.slice(from, i) + wordBoundary(pattern, i, wordBefore);
          from = i + 2;
        }
        i++;
        continue;
      }
      if (next === undefined || !SAFE_ESCAPES.has(next)) return undefined;
      i++;
      continue;
    }
    if (inClass) {
      if (code === 0x5d /* ] */) inClass = false;
      // A range (`[0-Z]` holds letters it does not write); a dash first or last in the class is itself.
      // A range of digits (`[5-9]`) holds no character with case.
      else if (code === 0x2d /* - */ && pattern[i - 1] !== '[' && pattern[i + 1] !== ']' && !(isAsciiDigit(pattern.charCodeAt(i - 1)) && isAsciiDigit(pattern.charCodeAt(i + 1)))) return undefined;
      else if (isAsciiLetter(code)) return undefined;
    } else if (code === 0x5b /* [ */) {
      inClass = true;
    } else if (code === 0x28 /* ( */ && pattern[i + 1] === '?' && !/[:=!]/.test(pattern[i + 2] ?? '') && !(pattern[i + 2] === '<' && /[=!]/.test(pattern[i + 3] ?? ''))) {
      // A named group, or a flag modifier such as (?-i:…) (newer engines), which the i flag would change.
      return undefined;
    } else if (isAsciiLetter(code)) {
      out += pattern.slice(from, i) + letterClass(code, unicode);
      from = i + 1;
      afterWord = true;
      continue;
    } else if (isAsciiDigit(code)) {
      afterWord = true;
      continue;
    }
    // U+3000–U+9FFF (CJK symbols, kana, ideographs: most of a pattern) has no case; asking each
    // character's toLowerCase goes to ICU, most of this function's time in a fresh process.
    if (code >= 0x80 && (code < 0x3000 || code > 0x9fff)) {
      // Anything else with case (é, ß, Ａ, ǅ, 𐐀): left to the `i` flag.
      const cp = pattern.codePointAt(i)!;
      const c = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      if (c.toLowerCase() !== c || c.toUpperCase() !== c) return undefined;
    }
  }
  return from === 0 ? pattern : out + pattern.slice(from);
}

/**
 * `new RegExp(pattern, flags)` for `flags` with `i`: the same matches, without `i` where
 * {@link expandCase} can rewrite the pattern. An invalid pattern throws as `new RegExp` does.
 * A call whose arguments are string literals is made the literal it returns when the bundles are
 * built (tools/build/caseInsensitiveLiterals.js): module-level patterns cost no rewrite at load.
 */
export function caseInsensitiveRegExp(pattern: string, flags: string): RegExp {
  // The `v` flag's classes (nested, `--`, `&&`, `\q{…}`) are not read here.
  const expanded = flags.includes('i') && !flags.includes('v') ? expandCase(pattern, flags.includes('u')) : undefined;
  if (expanded !== undefined) {
    try {
      return new RegExp(expanded, flags.replace('i', ''));
    } catch {
      // Invalid as written too: the error below names the pattern and flags as given.
    }
  }
  return new RegExp(pattern, flags);
}
