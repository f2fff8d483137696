/**
 * Whether a pattern matches the same texts with the `u` flags as with `iu`: it names no character
 * that has another case form, and nothing that could stand for one. Case-insensitive Unicode
 * patterns cost several times as much to compile (V8 closes every character and class over case
 * folding), and most of the knowledge base's rule patterns are Chinese with punctuation, which
 * have no case: the build marks those (knowledge/matcherNeeds.ts) and the engine compiles them
 * without `i` (about 3 ms of a cold `intake generate`, for ~25 such patterns).
 *
 * Conservative: any escape but a few class and syntax escapes (`\d`, `\s`, `\.` …), any `\p{…}`
 * but `\p{Script=Han}`, any range in a class, any named group or backreference makes the answer
 * false. Linear in the pattern's length.
 */

import { expandCase } from './caseExpand';

/** A pattern is case-free when the case rewrite finds nothing to rewrite (one reading of patterns for both). */
export function caseFree(pattern: string): boolean {
  return expandCase(pattern, true) === pattern;
}
