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

/** Escapes whose meaning no flag but `u` changes: the digit and blank classes and escaped syntax characters. */
const SAFE_ESCAPES = new Set([...'dDsStnrfv', ...'^$\\.*+?()[]{}|/-,:：']);

export function caseFree(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const cp = pattern.codePointAt(i)!;
    const c = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === 'p' && pattern.startsWith('{Script=Han}', i + 2)) {
        i += 1 + '{Script=Han}'.length;
        continue;
      }
      if (next === undefined || !SAFE_ESCAPES.has(next)) return false;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      // A range (`[0-Z]` holds letters it does not write); a dash first or last in the class is itself.
      else if (c === '-' && pattern[i - 1] !== '[' && pattern[i + 1] !== ']') return false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' && pattern.startsWith('?<', i + 1) && pattern[i + 3] !== '=' && pattern[i + 3] !== '!') {
      return false;
    }
    if (c.toLowerCase() !== c || c.toUpperCase() !== c) return false;
  }
  return true;
}
