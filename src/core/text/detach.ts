/**
 * A copy of `text` that shares no memory with the string it was cut from.
 *
 * V8 keeps a substring of 13 characters or more (slice, substring, a match) as a view into its
 * parent string, so a store that keeps such a string keeps the whole parent alive: for a line of
 * an intake, the whole document of the version it came from. A store kept across versions (the
 * engine's per-text results) would hold one old document per entry. Prefixing a character and
 * cutting it off again makes V8 copy the characters into a string of their own; results worked
 * out from the copy then point into the copy only.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
