/**
 * Whether `text` holds any of `words` (plain substrings, case as given). The one place for this
 * test: the detectors' pre-checks, the engine's plan and the LLM check all ask it.
 */
export function holdsAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}
