/**
 * The analysis findings of intakes by their exact text, kept across the versions of one
 * document: an intake's findings depend on nothing but its own lines (the parser starts every
 * intake afresh), so the same text anywhere in the file gives the same findings, moved by as
 * many lines. Typing a character and deleting it again, or moving an intake, analyses nothing.
 *
 * Findings are stored as they were made, with the intake's first line then (the intake that made
 * them keeps the same list: findings are never changed, so one list serves both), and are
 * language-free (localised where they are shown). What the last {@link KEPT_VERSIONS} versions that used the
 * cache did not use is forgotten (versions typed past without being analysed do not count), so an
 * undo a few edits back finds its findings, and the cache holds a few versions' edited intakes.
 *
 * The first version's findings are kept by intake index, not by text (see {@link FirstVersion}):
 * a first analysis of a large file has nothing to look up, and keying each of its intakes by its
 * text (hashing it whole, with an entry and a string each) cost it about 1.5% of its instructions.
 * A later version that misses looks its text up among them, and takes what it finds into the map.
 */
import type { AnalysisFinding } from '../analysis/analyze';
import type { IntakeFile } from '../model';
import { moveFinding } from './move';

const KEPT_VERSIONS = 8;

interface Entry {
  findings: readonly AnalysisFinding[];
  /** The first line of the intake the findings were made for. */
  line: number;
  used: number;
}

/** The intakes of the first version: their parse and their texts (a first parse: see ParsedText.intakeText). */
export interface IntakeTexts {
  readonly file: IntakeFile;
  intakeText(index: number): string;
}

/**
 * The findings of the first version's intakes, by intake index, as its analysis makes them, each
 * an entry not yet in the map. They are all as old as that version, so they are forgotten
 * together, when the entries it would have made would be.
 */
interface FirstVersion {
  readonly intakes: IntakeTexts;
  readonly findings: Array<readonly AnalysisFinding[] | undefined>;
  readonly generation: number;
  /** The intakes by the length of their text, made at the first look-up. */
  byLength: Map<number, number[]> | undefined;
}

export class FindingsCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private user: object | undefined;
  private first: FirstVersion | undefined;

  /**
   * A cache that keeps the findings of the intakes of `first`, the parse of a first version,
   * by their index as that version makes them (see {@link keepFirst}).
   */
  constructor(first?: IntakeTexts) {
    if (!first) return;
    this.use(first);
    this.first = { intakes: first, findings: new Array<readonly AnalysisFinding[] | undefined>(first.file.intakes.length), generation: this.generation, byLength: undefined };
  }

  /** `version` uses the cache: when it is a new one, what the last two did not use is dropped. */
  private use(version: object): void {
    if (version === this.user) return;
    this.user = version;
    this.generation++;
    for (const [key, entry] of this.entries) if (entry.used <= this.generation - KEPT_VERSIONS) this.entries.delete(key);
    if (this.first && this.first.generation <= this.generation - KEPT_VERSIONS) this.first = undefined;
  }

  /**
   * Whether `file` is the first version's parse: its intakes' findings are then given to
   * {@link keepFirst}, and not looked up (nothing could be found but an earlier copy's).
   */
  isFirst(file: IntakeFile): boolean {
    return this.first?.intakes.file === file;
  }

  /** Keeps the findings of intake `index` of the first version. */
  keepFirst(index: number, findings: readonly AnalysisFinding[]): void {
    if (this.first) this.first.findings[index] = findings;
  }

  /** The findings of an intake with this text whose first line is `firstLine`, if known. */
  get(version: object, text: string, firstLine: number): readonly AnalysisFinding[] | undefined {
    this.use(version);
    const entry = this.entries.get(text) ?? this.fromFirst(text);
    if (!entry) return undefined;
    entry.used = this.generation;
    const lines = firstLine - entry.line;
    // The same list where it was made (an intake typed away and back in place); else a moved copy.
    return lines === 0 ? entry.findings : entry.findings.map((f) => moveFinding(f, lines));
  }

  /**
   * Keeps `findings`, the list the intake keeps too, not a copy: one list of a first analysis's
   * findings rather than two (a copy moved to the intake's first line was as many objects again,
   * kept for the document's life).
   */
  set(version: object, text: string, firstLine: number, findings: readonly AnalysisFinding[]): void {
    this.use(version);
    this.entries.set(text, { findings, line: firstLine, used: this.generation });
  }

  /** The entry of the first version's intake with this text (the first such, as the map kept), moved into the map. */
  private fromFirst(text: string): Entry | undefined {
    const first = this.first;
    if (!first) return undefined;
    const candidates = (first.byLength ??= byLength(first.intakes)).get(text.length);
    if (!candidates) return undefined;
    for (const i of candidates) {
      const findings = first.findings[i];
      if (!findings || first.intakes.intakeText(i) !== text) continue;
      first.findings[i] = undefined;
      const entry: Entry = { findings, line: first.intakes.file.intakes[i]!.range.start.line, used: this.generation };
      this.entries.set(text, entry);
      return entry;
    }
    return undefined;
  }

  /** How many intakes' findings are kept. */
  get size(): number {
    let size = this.entries.size;
    if (this.first) for (const f of this.first.findings) if (f) size++;
    return size;
  }
}

/** The intakes' indices by the length of their text. */
function byLength(intakes: IntakeTexts): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < intakes.file.intakes.length; i++) {
    const length = intakes.intakeText(i).length;
    const list = out.get(length);
    if (list) list.push(i);
    else out.set(length, [i]);
  }
  return out;
}
