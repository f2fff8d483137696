/**
 * Whole numbers (the intake lines a report cites, indexes of facts) as
 * `[...new Set(values)].sort((a, b) => a - b)` gives them: without duplicates, ascending, in a
 * fresh array. The writer, the plan and the rules make hundreds of these short lists per report;
 * a set and a sort allocate a set, an array, an iterator and the sort's scratch copy each time,
 * where an insertion into the result allocates nothing else. Lists longer than a few dozen go
 * the set-and-sort way, whose cost grows more slowly.
 */
export function uniqueAscending(values: readonly number[]): number[] {
  if (values.length > 32) return viaSet(values);
  const out: number[] = [];
  // An index loop, not for…of: inlined into its callers (the writer's points and tables, the plan),
  // an iterator's protocol and try block made each caller's optimised code several times larger.
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    let j = out.length - 1;
    while (j >= 0 && out[j]! > value) j--;
    if (j >= 0 && out[j] === value) continue;
    out.push(value);
    for (let k = out.length - 1; k > j + 1; k--) out[k] = out[k - 1]!;
    out[j + 1] = value;
  }
  return out;
}

/**
 * The long lists' way, a function of its own: a report never takes it (its lists are short), and
 * inlined here its set, spread and sort made the optimising compiler's work on uniqueAscending,
 * and on every caller it is inlined into, several times larger.
 */
function viaSet(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
