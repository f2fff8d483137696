/**
 * Whether `text` holds any of `words` (plain substrings, case as given). The one place for this
 * test: the detectors' pre-checks, the engine's plan and the LLM check all ask it.
 */
export function holdsAny(text: string, words: readonly string[]): boolean {
  // By index: a for…of makes an iterator result per word (the detectors ask this of every line).
  for (let i = 0; i < words.length; i++) if (text.includes(words[i]!)) return true;
  return false;
}

/**
 * {@link holdsAny}, case aside: "saas" holds "SaaS", "opc ua" holds "OPC UA". Protocol names,
 * product names and scope words are written in either case by customers.
 */
export function holdsAnyCaseless(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  for (let i = 0; i < words.length; i++) if (lower.includes(words[i]!.toLowerCase())) return true;
  return false;
}

/** What answers `test` as a regular expression does: one, or {@link holdingAny}'s. */
export interface TextTest {
  test(text: string): boolean;
}

/**
 * {@link holdsAny} as an object with `test`, for a table or constant of tests that may also hold
 * regular expressions: `holdingAny('床位')` answers as `/床位/` does, with no pattern for V8 to
 * compile (each distinct pattern a report runs is compiled on its first use, twice if it runs again).
 */
export function holdingAny(...words: string[]): TextTest {
  return { test: (text) => holdsAny(text, words) };
}
