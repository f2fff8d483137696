/**
 * The clause around each of many positions in one text, with the separators found once: calling
 * `clauseAround` for every amount of a line that holds thousands of them rescans the clause each
 * time (quadratic).
 */
export type ClauseLocator = (at: number) => { start: number; end: number };

/** Like `clauseAround(text, at, separator)` (analysis/lines.ts), for any number of `at`s. */
export function clauseLocator(text: string, separator: RegExp): ClauseLocator {
  const stops: number[] = [];
  for (let i = 0; i < text.length; i++) if (separator.test(text[i]!)) stops.push(i);
  return (at) => {
    // The first separator at or after `at`: binary search.
    let lo = 0;
    let hi = stops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (stops[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return { start: lo > 0 ? stops[lo - 1]! + 1 : 0, end: lo < stops.length ? stops[lo]! : text.length };
  };
}
