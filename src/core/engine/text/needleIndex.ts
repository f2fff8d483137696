/**
 * Which of many fixed strings occur in which of some texts, in one pass over the texts. The rule
 * evaluation used to ask `text.includes(needle)` for each of the rules' ~1,000 needed strings
 * (knowledge/matcherNeeds.ts) on the whole intake, each a full scan that mostly fails; here the
 * distinct strings are grouped by their first UTF-16 code unit, and a scan looks up the candidates
 * at each position and tests them with `startsWith`. `text.includes(n)` holds exactly when
 * `text.startsWith(n, p)` holds at some position p, so the answer is the same, found in one pass,
 * linear in the texts' length times the candidates per character. No regular expressions.
 */
export class NeedleIndex {
  private readonly byFirst = new Map<number, string[]>();
  /** The empty string, which `includes` finds in every text. */
  private readonly empty: boolean;

  constructor(needles: Iterable<string>) {
    let empty = false;
    for (const needle of new Set(needles)) {
      if (needle.length === 0) {
        empty = true;
        continue;
      }
      const first = needle.charCodeAt(0);
      const list = this.byFirst.get(first);
      if (list) list.push(needle);
      else this.byFirst.set(first, [needle]);
    }
    this.empty = empty;
  }

  /** For each indexed string that occurs in some of `texts`, the indexes of those texts, ascending. */
  occurrences(texts: readonly string[]): Map<string, number[]> {
    const found = new Map<string, number[]>();
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i]!;
      if (this.empty) add(found, '', i);
      for (let p = 0; p < text.length; p++) {
        const list = this.byFirst.get(text.charCodeAt(p));
        if (list === undefined) continue;
        for (const needle of list) if (text.startsWith(needle, p)) add(found, needle, i);
      }
    }
    return found;
  }
}

function add(found: Map<string, number[]>, needle: string, i: number): void {
  const at = found.get(needle);
  if (at === undefined) found.set(needle, [i]);
  else if (at[at.length - 1] !== i) at.push(i);
}
