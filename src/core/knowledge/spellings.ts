/**
 * A knowledge word that lists spellings of one thing ("薪资|薪酬|算薪", a product's `lacks`): the
 * one reading of that grammar for the engine that matches the spellings and for the checks
 * (knowledge/integrity.ts on the embedded data, team/entryChecks.ts on a team's) that refuse a
 * spelling of nothing, which every text would hold.
 */

/** The spellings of `word`, in the order given. */
export function spellingsOf(word: string): string[] {
  return word.split('|');
}

/** Whether one of `word`'s spellings is empty or blank ("SPC|"). */
export function hasEmptySpelling(word: string): boolean {
  return spellingsOf(word).some((x) => x.trim() === '');
}
