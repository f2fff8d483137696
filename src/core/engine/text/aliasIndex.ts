/**
 * Finding many aliases in a line in one pass. The index groups lower-cased aliases by their first
 * character, longest first; a scan looks up the candidates for each character of the line and
 * keeps the longest alias that starts there, then jumps past it, so matches never overlap and
 * "AWS北京区" wins over "北京". Latin aliases match only as whole words ("MQ" is not found inside
 * "RabbitMQ", "IBM i" not inside "IBM iSeries"). No regular expressions: the cost is one
 * character lookup per position plus a `startsWith` per candidate, linear in the line.
 *
 * This replaces calling `includes` for every alias of every knowledge-base entry on every line.
 */
import { memoByText } from '../../text/memo';

export interface AliasHit<T> {
  readonly value: T;
  /** The alias as written in the knowledge base. */
  readonly alias: string;
  /** [start, end) in the searched text. */
  readonly start: number;
  readonly end: number;
}

/**
 * An index's lists as {@link AliasIndex.planOf} works them out: per first code unit,
 * `[code, ...refs]`, each ref the number that stood for an entry, or its bitwise complement (a
 * negative number) where the entry's lower-cased form is not its alias as written.
 */
export type AliasPlan = readonly (readonly number[])[];

interface Entry<T> {
  lower: string;
  alias: string;
  value: T;
  wordStart: boolean;
  wordEnd: boolean;
}

/** Whether the UTF-16 code unit is an ASCII letter or digit (NaN, before the start or past the end of a text, is not). */
function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The entry `ref` of a plan stands for (AliasIndex.planned): lower-cased where the plan says its alias has case. */
function plannedEntry<T>(ref: number, entryAt: (ref: number) => { alias: string; value: T }): Entry<T> {
  const { alias, value } = entryAt(ref < 0 ? ~ref : ref);
  const lower = ref < 0 ? alias.toLowerCase().trim() : alias;
  return { lower, alias, value, wordStart: isWordCode(lower.charCodeAt(0)), wordEnd: isWordCode(lower.charCodeAt(lower.length - 1)) };
}

const longestFirst = (a: { lower: string }, b: { lower: string }) => b.lower.length - a.lower.length;

export class AliasIndex<T> {
  /** By the first UTF-16 code unit, a number: `text[i]` would make a string of each Chinese character it reads. */
  private readonly byFirst = new Map<number, Entry<T>[]>();

  /**
   * `keep`: the index keeps what it found per text (core/text/memo.ts), for an index that every
   * report reads the intake's lines with (cachedIndex's, places.ts's clouds); `find` then hands
   * out shared lists, never to be modified.
   */
  constructor(entries: Iterable<{ alias: string; value: T }>, options: { keep?: boolean } = {}) {
    // The entries one call at a time, through a small method: a report's first indexes (some 2,700
    // aliases of the knowledge base) made the optimizing compiler compile this whole constructor,
    // for longer than building them took; it compiles `add` instead, in a fraction of the time.
    for (const { alias, value } of entries) this.add(alias, value);
    for (const list of this.byFirst.values()) if (list.length > 1) list.sort(longestFirst);
    this.find = options.keep ? memoByText((text) => this.scan(text)) : (text) => this.scan(text);
  }

  /**
   * The lists of an index of `entries`, each standing for itself by a number (`value`, a
   * non-negative integer): what {@link AliasIndex.planned} puts an index together from, with no
   * sorting. Worked out by the build for the shipped knowledge base (knowledgeIndexes.ts).
   */
  static planOf(entries: Iterable<{ alias: string; value: number }>): AliasPlan {
    const index = new AliasIndex(entries);
    const plan: number[][] = [];
    for (const [code, list] of index.byFirst) plan.push([code, ...list.map((e) => (e.lower === e.alias ? e.value : ~e.value))]);
    return plan;
  }

  /**
   * The index that {@link AliasIndex.planOf} planned, its entries from `entryAt` (each ref's alias
   * and value): the lists in the planned order, an alias lower-cased only where the plan says it
   * differs. The same index as one made of the entries themselves.
   */
  static planned<T>(plan: AliasPlan, entryAt: (ref: number) => { alias: string; value: T }, options: { keep?: boolean } = {}): AliasIndex<T> {
    const index = new AliasIndex<T>([], options);
    for (const refs of plan) index.byFirst.set(refs[0]!, index.plannedList(refs, entryAt));
    return index;
  }

  // Each list by Array.prototype.map, each entry by a small function: a loop of ours over the
  // 2,700 entries made V8's optimizing compiler compile it with all it calls (7 ms in the
  // extension's first report, which runs with V8's default budgets), for longer than it ran.
  private plannedList(refs: readonly number[], entryAt: (ref: number) => { alias: string; value: T }): Entry<T>[] {
    // From 1: the first is the code unit.
    return refs.slice(1).map((ref) => plannedEntry(ref, entryAt));
  }

  private add(alias: string, value: T): void {
    const lower = alias.toLowerCase().trim();
    if (lower.length === 0) return;
    const first = lower.charCodeAt(0);
    const entry: Entry<T> = { lower, alias, value, wordStart: isWordCode(first), wordEnd: isWordCode(lower.charCodeAt(lower.length - 1)) };
    const list = this.byFirst.get(first);
    if (list === undefined) this.byFirst.set(first, [entry]);
    else list.push(entry);
  }

  /** Every alias found in `text`, longest first at each position, non-overlapping, in text order. */
  readonly find: (text: string) => readonly AliasHit<T>[];

  private scan(text: string): AliasHit<T>[] {
    const lower = text.toLowerCase();
    const hits: AliasHit<T>[] = [];
    let i = 0;
    while (i < lower.length) {
      const hit = this.matchAt(lower, i);
      if (hit) {
        hits.push({ value: hit.value, alias: hit.alias, start: i, end: i + hit.lower.length });
        i += hit.lower.length;
      } else i++;
    }
    return hits;
  }

  /** Whether any alias occurs in `text`. */
  test(text: string): boolean {
    const lower = text.toLowerCase();
    for (let i = 0; i < lower.length; i++) if (this.matchAt(lower, i)) return true;
    return false;
  }

  private matchAt(lower: string, i: number): Entry<T> | undefined {
    const list = this.byFirst.get(lower.charCodeAt(i));
    if (!list) return undefined;
    // By index: a for…of makes an iterator result per candidate, at every position of every line.
    for (let k = 0; k < list.length; k++) {
      const e = list[k]!;
      if (!lower.startsWith(e.lower, i)) continue;
      // Bounds checked first: charCodeAt outside the text is NaN, which isWordCode's optimised
      // code, made for integers, gives up on (a deoptimisation in the first reports).
      if (e.wordStart && i > 0 && isWordCode(lower.charCodeAt(i - 1))) continue;
      const end = i + e.lower.length;
      if (e.wordEnd && end < lower.length && isWordCode(lower.charCodeAt(end))) continue;
      return e;
    }
    return undefined;
  }
}

/**
 * Builds an index once per source object (the knowledge base is immutable), keyed by a name:
 * `planned`'s (knowledgeIndexes.ts) when it gives one, else one of `build`'s entries.
 */
export function cachedIndex<S extends object, T>(source: S, name: string, build: (source: S) => Iterable<{ alias: string; value: T }>, planned?: () => AliasIndex<T> | undefined): AliasIndex<T> {
  let byName = caches.get(source);
  if (!byName) {
    byName = new Map();
    caches.set(source, byName);
  }
  let index = byName.get(name) as AliasIndex<T> | undefined;
  if (!index) {
    index = planned?.() ?? new AliasIndex(build(source), { keep: true });
    byName.set(name, index);
  }
  return index;
}

const caches = new WeakMap<object, Map<string, AliasIndex<unknown>>>();
