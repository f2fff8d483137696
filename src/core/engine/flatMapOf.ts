/**
 * `list.flatMap(f)` for an `f` that returns an array, as a plain loop. Node 20's
 * Array.prototype.flatMap takes a generic path (a species constructor, then FlattenIntoArray
 * checking each element) that costs several times a loop on the short lists the engine joins
 * (the refs of a few facts, the protocols of a few integrations): a warm report made about 90
 * such calls. Same elements, same order.
 */
export function flatMapOf<T, U>(list: readonly T[], f: (x: T) => readonly U[]): U[] {
  const out: U[] = [];
  for (const x of list) for (const y of f(x)) out.push(y);
  return out;
}
