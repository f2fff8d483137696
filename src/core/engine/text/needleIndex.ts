/**
 * Which of many fixed strings occur in which of some texts, in one pass over the texts. The rule
 * evaluation used to ask `text.includes(needle)` for each of the rules' ~1,000 needed strings
 * (knowledge/matcherNeeds.ts) on the whole intake, each a full scan that mostly fails; here the
 * distinct strings are grouped by their first UTF-16 code unit, and a scan looks up the candidates
 * at each position and tests them with `startsWith`. `text.includes(n)` holds exactly when
 * `text.startsWith(n, p)` holds at some position p, so the answer is the same, found in one pass,
 * linear in the texts' length times the candidates per character. No regular expressions.
 */
import { memoByText } from '../../text/memo';

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
      for (const needle of this.foundIn(texts[i]!)) {
        const at = found.get(needle);
        if (at === undefined) found.set(needle, [i]);
        else at.push(i);
      }
    }
    return found;
  }

  /** The indexed strings that occur in `text`, each once (kept per text: text/memo.ts). */
  private readonly foundIn = memoByText((text: string): readonly string[] => {
    const found = new Set<string>();
    if (this.empty) found.add('');
    for (let p = 0; p < text.length; p++) {
      const list = this.byFirst.get(text.charCodeAt(p));
      if (list === undefined) continue;
      for (const needle of list) if (text.startsWith(needle, p)) found.add(needle);
    }
    return [...found];
  });
}
