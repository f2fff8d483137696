/**
 * The CLI's exit codes, and how a batch of files combines them: the worst result wins.
 *
 * From best to worst: 0 clean, 1 errors found (check), 3 a report failed verification (LLM),
 * 4 the endpoint failed (LLM), 2 a usage or I/O error, 130 interrupted. A file that could not
 * be read (2) outweighs one with errors (1): its errors are unknown, so the run must not look
 * merely "dirty". An unknown code counts as a usage error.
 */
export const Exit = {
  ok: 0,
  errors: 1,
  usage: 2,
  verification: 3,
  endpoint: 4,
  interrupted: 130,
} as const;

/** Exit codes from best to worst. */
const ORDER: readonly number[] = [Exit.ok, Exit.errors, Exit.verification, Exit.endpoint, Exit.usage, Exit.interrupted];

function rank(code: number): number {
  const i = ORDER.indexOf(code);
  return i >= 0 ? i : ORDER.indexOf(Exit.usage);
}

/** The worst of `codes` (0 for none). */
export function worstExit(codes: Iterable<number>): number {
  let worst: number = Exit.ok;
  for (const code of codes) if (rank(code) > rank(worst)) worst = code;
  return worst;
}
