/**
 * Whether a code point is of the Han script, as `\p{Script=Han}` tells, without a pattern with
 * that property where the code point tells: V8 looks a property up in ICU each time it makes or
 * compiles such a pattern (about 1.6 M instructions; the first look-up of a script more), which a
 * pattern that tests one character after a match paid in every process. Told from the code point:
 * ASCII and the punctuation of Chinese text (U+2000–U+206F, U+3001–U+3004, U+3008–U+3011,
 * U+FF01–U+FF20: Common) are not Han, the CJK Unified Ideographs up to U+9FCC (all assigned by
 * Unicode 6.1) are; the script of none of them has changed since. Any other code point asks the
 * pattern, made on first use. A test holds the ranges to the pattern for every code point in them.
 */
import { lazy } from './lazy';

const HAN = lazy(() => /^\p{Script=Han}$/u);

export function isHan(cp: number): boolean {
  if (cp < 0x80) return false;
  if (cp >= 0x4e00 && cp <= 0x9fcc) return true;
  if ((cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x3001 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3011) || (cp >= 0xff01 && cp <= 0xff20)) return false;
  return HAN().test(String.fromCodePoint(cp));
}
