/**
 * A pure function of a text, with its results kept per text. The engine (and the analysis it
 * runs) reads the same intake lines again in every report of them (each edit in the editor makes
 * a new report of an intake whose other lines did not change; the preview and the export make it
 * again), and some helpers run on every one: keeping their results means they run once per
 * distinct line, and the optimizing compiler has no hot loop of theirs to compile meanwhile.
 *
 * The results are shared between callers: they must be immutable (readonly types) and never be
 * modified. The store is emptied when it grows past its bound, as the text cuts of
 * engine/text/overlap.ts are, and keeps copies of the texts (detach.ts).
 */
import { detached } from './detach';

export function memoByText<T>(fn: (text: string) => T, bound = 4096): (text: string) => T {
  const kept = new Map<string, T>();
  return (text) => {
    let result = kept.get(text);
    if (result === undefined && !kept.has(text)) {
      // Worked out from a copy, so that neither the key nor the result keeps the string the text was cut from.
      const own = detached(text);
      result = fn(own);
      if (kept.size >= bound) kept.clear();
      kept.set(own, result);
    }
    return result as T;
  };
}
