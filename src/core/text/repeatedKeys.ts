/**
 * The keys (and section names) of one parse, each kept as one string, with the value that came
 * after it last. The copies of a template in a file repeat the same keys in the same order, and
 * many of their values: a large file has tens of thousands of fields but a few hundred keys.
 * Giving each field the first string seen of its key (and of its value, when it repeats the
 * key's last one) spares a string per field, kept as long as the parse, and hands the analysis
 * strings whose hash is already computed. Strings are compared by content in JavaScript, so
 * which equal string a field holds is never seen.
 */
export interface RepeatedKey {
  readonly key: string;
  /** The key that followed this one last time (see {@link RepeatedKeys.keyIn}). */
  next: RepeatedKey | undefined;
  /** The value this key had last, if any. */
  value: string | undefined;
}

/*
 * The same scheme (the entry that followed last time, else a map) as PlaceholderAnalyzer's
 * (core/placeholder.ts), written twice on purpose: one base class for both made the cold 1 MB
 * parse 5-8% dearer (callgrind, ten fresh variants, twice), the parser's compiled code then
 * meeting two kinds of entry in one inlined function.
 */
export class RepeatedKeys {
  private readonly seen = new Map<string, RepeatedKey>();
  /** The entry returned last: its `next` is the guess for the following key. */
  private last: RepeatedKey | undefined;

  /**
   * The entry of `line[start, end)`. The key that followed the previous one last time is
   * compared in place first: when it matches, there is no slice to make and no string to hash.
   */
  keyIn(line: string, start: number, end: number): RepeatedKey {
    const last = this.last;
    const guess = last?.next;
    if (guess && guess.key.length === end - start && line.startsWith(guess.key, start)) return (this.last = guess);
    const key = line.slice(start, end);
    let entry = this.seen.get(key);
    if (!entry) {
      entry = { key, next: undefined, value: undefined };
      this.seen.set(key, entry);
    }
    if (last) last.next = entry;
    return (this.last = entry);
  }

  /** `line.slice(start, end)`, as the string `entry`'s last value was when it is the same text. */
  static valueIn(entry: RepeatedKey, line: string, start: number, end: number): string {
    const last = entry.value;
    if (last !== undefined && last.length === end - start && line.startsWith(last, start)) return last;
    return (entry.value = line.slice(start, end));
  }
}
