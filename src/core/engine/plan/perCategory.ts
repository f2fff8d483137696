import type { Understanding } from '../understand';

/** A question about a category for an intake, answered once per understanding and category. */
export interface KeptPerCategory<T> {
  (category: string, u: Understanding): T | undefined;
  /** The answers given so far for `u`, by category, in the order asked. */
  answered(u: Understanding): ReadonlyMap<string, T | undefined>;
}

/**
 * `find` worked out once per understanding and category: the picks ask it of every candidate of a
 * category, and the answer depends on the intake and the category alone.
 */
export function keptPerCategory<T>(find: (category: string, u: Understanding) => T | undefined): KeptPerCategory<T> {
  const kept = new WeakMap<Understanding, Map<string, T | undefined>>();
  const ask = (category: string, u: Understanding): T | undefined => {
    let known = kept.get(u);
    if (!known) kept.set(u, (known = new Map()));
    if (known.has(category)) return known.get(category);
    const found = find(category, u);
    known.set(category, found);
    return found;
  };
  return Object.assign(ask, { answered: (u: Understanding): ReadonlyMap<string, T | undefined> => kept.get(u) ?? new Map() });
}
