/**
 * Standards named in an intake, checked against the frameworks of the knowledge base.
 *
 * A mention is a framework alias (case-insensitive; spaces, hyphens and underscores optional, so
 * `PCI DSS` also finds `PCIDSS` and `SOC 2` finds `SOC2`; an ASCII alias only as a whole word;
 * the longest alias wins) followed by an optional version (`v4.0`, `:2013`, `-2019`, `4.0.1`) and
 * an optional level (matched with the framework's `levelPattern`: `Type II`, `三级`), or preceded
 * by a level (`三级等保`).
 *
 * unknown-standard (error)
 *  - a level the framework does not have (`SOC2 Type III`, `等保2.0六级`), compared after
 *    normalisation (case, blanks, 第, 三→3, II→2);
 *  - a version that is neither the current one nor a listed retired one, unless it is older than
 *    every listed version (then it is reported as retired). `ISO 27001:2021`, `PCI DSS v5.0`.
 * retired-standard (warning): a listed retired version (`PCI DSS v4.0`, `v3.2.1`,
 *  `ISO 27001:2013`). The message names the current version; `replacement` is the mention with the
 *  current version (`PCIDSS v4.0` → `PCIDSS v4.0.1`), for the quick fix.
 * wording (information): `认证` right after a mention (or inside it: `PCI认证`) when passing the
 *  framework is not a certificate but an attestation, a filing and assessment, an assessment or
 *  legal compliance. The range is the 认证 itself and `replacement` the right word, taken from the
 *  framework's preferred wording (see {@link wordingFor}): `通过PCIDSS v4.0认证` → `…合规评估（ROC/AOC）`,
 *  `等保2.0三级认证` → `等保2.0三级备案与测评`. Only 认证 is replaced, so the fix never overlaps the
 *  retired-standard fix of the same mention. ISO 27001 and IATF 16949 are certifications: no
 *  wording diagnostic. When one 认证 serves several standards (`ISO27001+PCIDSS双认证`) the
 *  diagnostic has no replacement.
 *
 * Versions are read from the framework's `currentVersion` / `retiredVersions[].version` texts: the
 * year after a colon (`ISO/IEC 27001:2022`) or a hyphen (`GB/T 22239-2019`), or a leading dotted
 * number (`v4.0.1（…）`). A version entry whose designation carries a document number (`GM/T 0054`)
 * only applies to mentions of that number. Frameworks without such versions (laws, GDPR) are not
 * version-checked.
 */
import { Codes } from '../diagnostics';
import type { Range } from '../document';
import { msg, type Message } from '../l10n';
import type { Framework } from '../knowledge/schema';
import { findingsRunner, type AnalysisContext, type AnalysisFinding, type AnalysisKnowledge, type CheckRunner } from './finding';
import { aliasPattern, DEFAULT_LEVEL_PATTERN, levelPatterns } from '../knowledge/patterns';
import { isBlank, sortSmall, spanRange, type AnalysisLine } from '../facts/lines';
import { caseInsensitiveRegExp } from '../text/caseExpand';
import { memoByText } from '../text/memo';

type VersionKind = 'year' | 'dotted';

interface VersionEntry {
  /** Normalised version: `4.0.1`, `2022`. */
  version: string;
  kind: VersionKind;
  /** Digit runs of 4+ digits in the designation before the version (`0054`, `27001`). */
  numbers: string[];
  /** The text up to and including the version (`ISO/IEC 27001:2022`, `v4.0.1`). */
  designation: string;
  retired?: string;
}

/**
 * One alias of a framework. Its regular expressions are made on first use: a text is tried only
 * against the aliases the index finds at its characters, so most are never used, and making all
 * of them up front was about 2 ms of a cold `intake generate`.
 */
class PreparedAlias {
  private source: string | undefined;
  private global: RegExp | undefined;
  private atPosition: RegExp | undefined;
  /** The code unit every match starts with (in some case), or -1 when a match can start anywhere. */
  readonly first: number;
  readonly asciiStart: boolean;
  readonly asciiEnd: boolean;
  readonly length: number;

  constructor(
    /** The alias as the knowledge base writes it (trimmed). */
    readonly text: string,
  ) {
    // A leading blank, hyphen or underscore becomes an optional separator: it can start anywhere.
    this.first = /[\s\-_]/.test(text.charAt(0)) ? -1 : text.charCodeAt(0);
    this.asciiStart = /^[A-Za-z0-9]/.test(text);
    this.asciiEnd = /[A-Za-z0-9]$/.test(text);
    this.length = text.length;
  }

  /** The alias as a pattern (aliasPattern). */
  get pattern(): string {
    return (this.source ??= aliasPattern(this.text));
  }

  /** The alias as a global, case-insensitive pattern (the reference scan). */
  get re(): RegExp {
    return (this.global ??= caseInsensitiveRegExp(this.pattern, 'gi'));
  }

  /** The same pattern, sticky: tried at one position. */
  get sticky(): RegExp {
    return (this.atPosition ??= caseInsensitiveRegExp(this.pattern, 'iy'));
  }
}

interface PreparedFramework {
  fw: Framework;
  shortName: string;
  aliases: PreparedAlias[];
  current?: VersionEntry;
  retired: VersionEntry[];
  levels: Map<string, string>;
  levelAfter?: RegExp;
  levelBefore?: RegExp;
}


const HYPHEN_YEAR = /-(\d{4})(?!\d)/y;
const CLAUSE_STOP = /[（(，,；;]/;

/**
 * `ISO/IEC 27001-2022 …` → [`ISO/IEC 27001`, `2022`]: the first `-` + four digits after a digit,
 * before any bracket or clause separator (a scan; as one pattern, `^([^…]*?\d[^…]*?)-(\d{4})`, it
 * was quadratic on a long run of digits).
 */
function yearAfterHyphen(s: string): [string, string, string] | undefined {
  let digitSeen = false;
  for (let i = 0; i < s.length && !CLAUSE_STOP.test(s[i]!); i++) {
    if (s[i] === '-' && digitSeen) {
      HYPHEN_YEAR.lastIndex = i;
      const m = HYPHEN_YEAR.exec(s);
      if (m) return [s.slice(0, i) + m[0], s.slice(0, i), m[1]!];
    }
    if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) digitSeen = true;
  }
  return undefined;
}

/** The version a framework's version text states, if it states one we can compare. */
export function parseVersionText(text: string): VersionEntry | undefined {
  const s = text.trim();
  const colon = /^([^（(，,；;]*?):[ \t]*(\d{4})(?!\d)/.exec(s);
  const hyphen = yearAfterHyphen(s);
  const dotted = /^v?(\d+(?:\.\d+)+)(?![\d.])/i.exec(s);
  const make = (version: string, kind: VersionKind, designation: string, end: number): VersionEntry => ({
    version: normVersion(version),
    kind,
    numbers: designation.match(/\d{4,}/g) ?? ([] as string[]),
    designation: s.slice(0, end),
  });
  if (colon) return make(colon[2]!, 'year', colon[1]!, colon[0].length);
  if (hyphen) return make(hyphen[2]!, 'year', hyphen[1]!, hyphen[0].length);
  if (dotted) return make(dotted[1]!, 'dotted', '', dotted[0].length);
  return undefined;
}

function normVersion(v: string): string {
  let s = v.replace(/^v(?:ersion)?\.?\s*/i, '');
  // Trailing `.0`s by a scan: `(?:\.0)+$` retries from every `.0` of a long run.
  while (s.endsWith('.0')) s = s.slice(0, -2);
  return s;
}

const CN_NUM: Record<string, string> = { 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };
const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10 };
const FULLWIDTH_ROMAN = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ';

function romanToInt(r: string): number {
  let total = 0;
  for (let i = 0; i < r.length; i++) {
    const v = ROMAN[r.charAt(i)]!;
    const next = ROMAN[r[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** `Type II` → `type2`, `第三级`/`三级`/`3级` → `3级`. */
export function normLevel(level: string): string {
  let s = level.toLowerCase().replace(/[\s\-_]/g, '').replace(/^第/, '');
  s = s.replace(/[ⅰ-ⅻ]/g, (c) => String(FULLWIDTH_ROMAN.indexOf(c.toUpperCase()) + 1));
  s = s.replace(/[一二两三四五六七八九十]/g, (c) => CN_NUM[c]!);
  s = s.replace(/^(type|level)([ivx]+)$/, (_, w: string, r: string) => `${w}${romanToInt(r)}`);
  return s;
}


/**
 * {@link normLevel} of the levels mentions state, kept per text (core/text/memo.ts): they are a
 * few short words (`三级`, `Type II`) met again in intake after intake, and normalising one takes
 * a lower-casing and five replacements (each with a look-up table or a function). Only short ones
 * are kept, and never more than {@link MAX_KEPT_LEVELS}, so a hostile file cannot make the store
 * grow without end.
 */
const MAX_KEPT_LEVELS = 256;
const MAX_KEPT_LEVEL_LENGTH = 12;
const keptNormLevel = memoByText(normLevel, MAX_KEPT_LEVELS);

function normalLevel(level: string): string {
  return level.length > MAX_KEPT_LEVEL_LENGTH ? normLevel(level) : keptNormLevel(level);
}

const prepared = new WeakMap<readonly Framework[], PreparedFramework[]>();

function prepare(frameworks: readonly Framework[]): PreparedFramework[] {
  let list = prepared.get(frameworks);
  if (list) return list;
  list = frameworks.map((fw) => {
    const aliases = [...new Set(fw.aliases.map((a) => a.trim()).filter((a) => a.length >= 2))].map((a) => new PreparedAlias(a));
    const p: PreparedFramework = {
      fw,
      shortName: fw.name.replace(/[（(].*$/, '').trim() || fw.name,
      aliases,
      retired: [],
      levels: new Map(fw.levels.map((l) => [normLevel(l), l])),
    };
    const current = parseVersionText(fw.currentVersion);
    if (current) p.current = current;
    for (const r of fw.retiredVersions) {
      const e = parseVersionText(r.version);
      if (!e) continue;
      if (r.retired) e.retired = r.retired;
      p.retired.push(e);
    }
    if (fw.levels.length > 0) {
      const source = levelPatterns(fw.levelPattern ?? DEFAULT_LEVEL_PATTERN);
      try {
        p.levelAfter = caseInsensitiveRegExp(source.after, 'iu');
        p.levelBefore = caseInsensitiveRegExp(source.before, 'iu');
      } catch {
        // An invalid pattern disables level checks for this framework (the YAML tests report it).
      }
    }
    return p;
  });
  prepared.set(frameworks, list);
  return list;
}

export interface StandardMention {
  framework: Framework;
  /** [start, end) of the whole mention in the line's text (level prefix, alias, version, level). */
  start: number;
  end: number;
  aliasStart: number;
  aliasEnd: number;
  version?: { text: string; value: string; kind: VersionKind; start: number; numberStart: number; end: number };
  level?: { text: string; start: number; end: number };
}

const VERSION_TAIL = /^([ \t]*(?:[:：\-][ \t]*)?)(v(?:ersion)?\.?[ \t]*|版本[ \t]*)?(\d+(?:\.\d+)*)/i;

/**
 * An alias match, before overlaps are resolved. `order` is the alias's place in the frameworks'
 * alias lists: the reference scan finds hits alias by alias, and ties keep that order.
 */
interface Hit {
  p: PreparedFramework;
  start: number;
  end: number;
  order: number;
}

/**
 * Where a line can hold a mention at all, so most lines are dismissed after one pass over their
 * characters. A match of an alias starts with the alias's first character (every alias here starts
 * with a literal one), in either case. `startAt[c]` numbers the group of aliases that can start
 * with code unit `c` (0: none; -1: not looked up yet, see groupAt), `groups` holds them by that
 * number (minus one).
 */
interface AliasIndex {
  startAt: Int32Array;
  /** The group number (as in `startAt`) of each canonical first character. */
  groupOf: Map<number, number>;
  groups: AliasGroup[];
  /**
   * The group and the canonical second code unit of the aliases' matches, hashed
   * ({@link pairSlot}): where the pair at a position is not marked, no alias matches there.
   * Chinese aliases begin with common characters (数, 网, 中, 安…), and one look-up is far cheaper
   * than trying the group's pattern. Groups whose matches may have anything second are marked in
   * `anySecond`, by group number.
   */
  pairs: Uint8Array;
  anySecond: Uint8Array;
}

/** Where the pair of group `g` and canonical code unit `b` is marked in {@link AliasIndex.pairs}. */
function pairSlot(g: number, b: number): number {
  return (g * 0x9e5 + b) & 0xffff;
}

/**
 * The code unit the second character of every match of `alias` is (in some case), as aliasPattern
 * makes the pattern; -1 when the second may be anything (a blank, hyphen or underscore, which the
 * pattern makes optional, or the optional separator it puts between a letter and a digit).
 */
function secondUnit(alias: string): number {
  const first = alias.charCodeAt(0);
  // A character outside the BMP is two code units in the pattern: the second is fixed.
  if (first >= 0xd800 && first < 0xdc00 && alias.length > 1) {
    const low = alias.charCodeAt(1);
    if (low >= 0xdc00 && low < 0xe000) return low;
  }
  const c = alias.charAt(1);
  if (c === '' || /[\s\-_]/.test(c)) return -1;
  const letterThenDigit = /[A-Za-z]/.test(alias.charAt(0)) && /\d/.test(c);
  const digitThenLetter = /\d/.test(alias.charAt(0)) && /[A-Za-z]/.test(c);
  return letterThenDigit || digitThenLetter ? -1 : alias.charCodeAt(1);
}

/** Whether a match of an alias of group `g`, which would start at `text[i]`, can go on with `text[i + 1]`. */
function pairMayStart(index: AliasIndex, text: string, i: number, g: number): boolean {
  if (index.anySecond[g] === 1) return true;
  if (i + 1 >= text.length) return false;
  return index.pairs[pairSlot(g, canonicalUnit(text.charCodeAt(i + 1)))] === 1;
}

/** {@link canonicalOf}, without a look-up for ASCII and the CJK blocks (no case there), most of a line. */
function canonicalUnit(c: number): number {
  if (c < 128) return c >= 97 && c <= 122 ? c - 32 : c;
  if (c >= 0x3000 && c <= 0x9fff) return c;
  return canonicalOf(c);
}

class AliasGroup {
  private anyPattern: RegExp | undefined;
  /** ASCII aliases: a hit only counts at the start of a word. */
  readonly wordStart: boolean;

  constructor(
    /** The group's aliases in their order, each tried alone. */
    readonly aliases: Array<{ p: PreparedFramework; a: PreparedAlias; order: number }>,
  ) {
    this.wordStart = aliases.every((x) => x.a.asciiStart);
  }

  /** All of them as one sticky pattern: does any alias match here? Made when first needed (most groups never are). */
  get any(): RegExp {
    return this.anyPattern ?? this.makeAny();
  }

  /** {@link any}'s first use, apart from it so that the getter, inlined into the scans, stays small. */
  private makeAny(): RegExp {
    // Each pattern once: frameworks share aliases (PCI DSS's versions), and spellings make the same
    // pattern (`PCI DSS`, `PCI-DSS`). A repeated branch never matches where its first did not, and
    // the expression is only tested, so the answers are the same at a smaller compile.
    const patterns = [...new Set(this.aliases.map((x) => x.a.pattern))];
    return (this.anyPattern = caseInsensitiveRegExp(patterns.map((pattern) => `(?:${pattern})`).join('|'), 'iy'));
  }
}

const indexes = new WeakMap<readonly Framework[], AliasIndex | null>();

/**
 * How a case-insensitive, non-Unicode pattern compares a code unit (ECMAScript's Canonicalize):
 * its upper case when that is one unit, except that nothing outside ASCII folds into ASCII.
 * Worked out on first use of each code unit (-1: not yet): a process only meets the few hundred
 * its intakes contain, and a table of all 65,536 cost a cold CLI run about 5 ms.
 */
let canonical: Int32Array | undefined;

function canonicalOf(c: number): number {
  canonical ??= new Int32Array(0x10000).fill(-1);
  let u = canonical[c]!;
  if (u < 0) {
    const upper = String.fromCharCode(c).toUpperCase();
    u = upper.length === 1 ? upper.charCodeAt(0) : c;
    if (c >= 128 && u < 128) u = c;
    canonical[c] = u;
  }
  return u;
}

/** The index for a frameworks list, or null when an alias does not start with a literal character. */
function aliasIndex(frameworks: readonly Framework[]): AliasIndex | null {
  let index = indexes.get(frameworks);
  if (index !== undefined) return index;
  const byFirst = new Map<number, Array<{ p: PreparedFramework; a: PreparedAlias; order: number }>>();
  let order = 0;
  let indexable = true;
  for (const p of prepare(frameworks)) {
    for (const a of p.aliases) {
      if (a.first < 0) indexable = false;
      const key = canonicalOf(Math.max(0, a.first));
      const bucket = byFirst.get(key) ?? [];
      bucket.push({ p, a, order: order++ });
      byFirst.set(key, bucket);
    }
  }
  if (!indexable) {
    indexes.set(frameworks, null);
    return null;
  }
  const groups: AliasGroup[] = [];
  const groupOf = new Map<number, number>();
  const pairs = new Uint8Array(0x10000);
  const anySecond = new Uint8Array(byFirst.size + 1);
  for (const [key, aliases] of byFirst) {
    groups.push(new AliasGroup(aliases));
    const g = groups.length;
    groupOf.set(key, g);
    for (const { a } of aliases) {
      const second = secondUnit(a.text);
      if (second < 0) anySecond[g] = 1;
      else pairs[pairSlot(g, canonicalOf(second))] = 1;
    }
  }
  // Filled in as the scans meet each code unit (groupAt), not for all 65,536 up front.
  index = { startAt: new Int32Array(0x10000).fill(-1), groupOf, groups, pairs, anySecond };
  indexes.set(frameworks, index);
  return index;
}

/** The group number of the aliases that can start with code unit `c` (0: none). */
function groupAt(index: AliasIndex, c: number): number {
  const g = index.startAt[c]!;
  return g >= 0 ? g : learnGroupAt(index, c);
}

/**
 * {@link groupAt}'s first look-up of `c`. Apart from it, so that the optimising compiler, which
 * inlines `groupAt` into the scans' loops, does not compile the look-up (and canonicalOf) into them too.
 */
function learnGroupAt(index: AliasIndex, c: number): number {
  const g = index.groupOf.get(canonicalOf(c)) ?? 0;
  index.startAt[c] = g;
  return g;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Whether some alias matches in `text` where a hit could be kept: an ASCII alias only at the
 * start of a word. When there is none, `text` mentions no standard.
 */
function mayMention(text: string, index: AliasIndex): boolean {
  for (let i = 0; i < text.length; i++) {
    const g = groupAt(index, text.charCodeAt(i));
    if (g !== 0 && mayMentionAt(text, index, i, g)) return true;
  }
  return false;
}

/**
 * Whether an alias of group `g` (that of the character at `i`) matches at `i` where a hit could be
 * kept. Apart from {@link mayMention}, so that its loop, which passes over most characters, stays small.
 */
function mayMentionAt(text: string, index: AliasIndex, i: number, g: number): boolean {
  if (!pairMayStart(index, text, i, g)) return false;
  const group = index.groups[g - 1]!;
  if (group.wordStart && i > 0 && isAsciiAlnum(text.charCodeAt(i - 1))) return false;
  const any = group.any;
  any.lastIndex = i;
  return any.test(text);
}

/** Whether a hit of alias `a` from `start` to `end` is kept (whole words for ASCII aliases). */
function keepHit(text: string, a: PreparedAlias, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  const lastChar = text.charAt(end - 1);
  if (a.asciiStart && /[A-Za-z0-9]/.test(before)) return false;
  // Not followed by more of the same word: `SOC` in `SOC2`, `SOX` in `SOXX`; `PCIDSSv4.0` is fine.
  if (a.asciiEnd && /[A-Za-z]/.test(lastChar) && /[A-Za-z0-9]/.test(after) && !/^v\d/i.test(text.slice(end, end + 2))) return false;
  if (a.asciiEnd && /\d/.test(lastChar) && /\d/.test(after)) return false;
  return true;
}

/** The reference scan: every alias's pattern over the whole text, as `exec` in a loop finds them. */
function scanHits(text: string, list: readonly PreparedFramework[]): Hit[] {
  const hits: Hit[] = [];
  let order = 0;
  for (const p of list) {
    for (const a of p.aliases) {
      a.re.lastIndex = 0;
      for (let m = a.re.exec(text); m; m = a.re.exec(text)) {
        if (m[0].length === 0) {
          a.re.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        if (keepHit(text, a, start, end)) hits.push({ p, start, end, order });
      }
      order++;
    }
  }
  return hits;
}

/**
 * The same hits as {@link scanHits}, in one pass over the text: at each position, only the
 * aliases that can start with its character are tried (sticky). Like the global scan, an alias
 * is tried again only after the end of its previous match, kept or not.
 */
function indexedHits(text: string, index: AliasIndex): Hit[] {
  const hits: Hit[] = [];
  // Made with the first match (most lines that get here have one, but not all).
  let resumeAt: Map<PreparedAlias, number> | undefined;
  for (let i = 0; i < text.length; i++) {
    const g = groupAt(index, text.charCodeAt(i));
    if (g === 0 || !pairMayStart(index, text, i, g)) continue;
    const group = index.groups[g - 1]!;
    // Where none of the group's aliases matches, none is tried alone (nor does any resume later).
    group.any.lastIndex = i;
    if (!group.any.test(text)) continue;
    for (const { p, a, order } of group.aliases) {
      if (i < (resumeAt?.get(a) ?? 0)) continue;
      a.sticky.lastIndex = i;
      const m = a.sticky.exec(text);
      if (!m) continue;
      const end = i + m[0].length;
      (resumeAt ??= new Map()).set(a, end);
      if (keepHit(text, a, i, end)) hits.push({ p, start: i, end, order });
    }
  }
  return hits;
}

/** Standards mentioned in `text`, left to right, without overlaps. */
export function findStandards(text: string, frameworks: readonly Framework[]): StandardMention[] {
  return mentionsIn(text, frameworks) ?? [];
}

/** {@link findStandards}, undefined when there are none (most lines: no array for them). */
function mentionsIn(text: string, frameworks: readonly Framework[]): StandardMention[] | undefined {
  return mentionsWith(text, prepare(frameworks), aliasIndex(frameworks));
}

/** {@link mentionsIn} with the frameworks prepared and indexed (looked up once for all the lines of a chunk). */
function mentionsWith(text: string, list: readonly PreparedFramework[], index: AliasIndex | null): StandardMention[] | undefined {
  if (index && !mayMention(text, index)) return undefined;
  return mentionsOfHits(text, index ? indexedHits(text, index) : scanHits(text, list));
}

/** The mentions the hits of a text make: the longest hit wins an overlap, then its version and level. */
function mentionsOfHits(text: string, hits: Hit[]): StandardMention[] {
  // Longest first, then leftmost, then in alias order (as the stable sort of the scan's hits).
  sortSmall(hits, (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order);
  const chosen: typeof hits = [];
  for (const h of hits) if (!chosen.some((c) => c.start < h.end && h.start < c.end)) chosen.push(h);
  sortSmall(chosen, (a, b) => a.start - b.start);

  const out: StandardMention[] = [];
  chosen.forEach((h, i) => {
    const nextStart = chosen[i + 1]?.start ?? text.length;
    const prevEnd = out[out.length - 1]?.end ?? 0;
    const mention: StandardMention = { framework: h.p.fw, start: h.start, end: h.end, aliasStart: h.start, aliasEnd: h.end };
    let at = h.end;
    const v = VERSION_TAIL.exec(text.slice(at, nextStart));
    if (v) {
      const [whole, lead, prefix, num] = v;
      const follow = text[at + whole.length] ?? '';
      const kind: VersionKind = /^\d{4}$/.test(num!) ? 'year' : 'dotted';
      const plausible = (prefix !== undefined || num!.includes('.') || (kind === 'year' && /[:：\-\s]/.test(lead!))) && !/[\d年条级万%％人个项]/.test(follow);
      if (plausible) {
        const start = at + lead!.length;
        mention.version = { text: text.slice(start, at + whole.length), value: normVersion(num!), kind, start, numberStart: at + whole.length - num!.length, end: at + whole.length };
        at = mention.version.end;
        mention.end = at;
      }
    }
    if (h.p.levelAfter) {
      const lm = h.p.levelAfter.exec(text.slice(at, nextStart));
      if (lm) {
        const word = lm[1] ?? lm[0].replace(/^[\s:：\-]+/, '');
        let end = at + lm[0].length;
        // A level pattern that stops inside a token (`Type II` of `Type III`) takes the whole token.
        while (end < nextStart && /[A-Za-z0-9]/.test(text.charAt(end - 1)) && /[A-Za-z0-9]/.test(text.charAt(end))) end++;
        const start = end - (word.length + (end - (at + lm[0].length)));
        mention.level = { text: text.slice(start, end), start, end };
        mention.end = end;
      }
    }
    if (!mention.level && h.p.levelBefore) {
      const head = text.slice(Math.max(prevEnd, h.start - 12), h.start);
      const lm = h.p.levelBefore.exec(head);
      if (lm) {
        const word = lm[1] ?? lm[0].trim();
        const start = h.start - head.length + lm.index + lm[0].indexOf(word);
        mention.level = { text: word, start, end: start + word.length };
        mention.start = start;
      }
    }
    out.push(mention);
  });
  return out;
}

const preparedByFramework = new WeakMap<readonly Framework[], Map<Framework, PreparedFramework>>();

function prepFor(frameworks: readonly Framework[], fw: Framework): PreparedFramework {
  let byFramework = preparedByFramework.get(frameworks);
  if (!byFramework) {
    // The first prepared entry of a framework, as a search through the list would find it.
    byFramework = new Map();
    for (const p of prepare(frameworks)) if (!byFramework.has(p.fw)) byFramework.set(p.fw, p);
    preparedByFramework.set(frameworks, byFramework);
  }
  return byFramework.get(fw)!;
}

/** Version entries that apply to a mention: those without a document number, or with the mention's number. */
function applicable(entries: readonly VersionEntry[], aliasText: string, kind: VersionKind): VersionEntry[] {
  const numbers: string[] = aliasText.match(/\d{4,}/g) ?? [];
  return entries.filter((e) => e.kind === kind && (e.numbers.length === 0 || numbers.length === 0 || e.numbers.some((n) => numbers.includes(n))));
}

/**
 * Compares dotted versions part by part, a missing part as 0: `a.split('.').map(Number)` against
 * the same of `b`, without the arrays (it runs for every known version of every versioned mention).
 * `i` and `j` are where the next part of `a` and of `b` begins; past the end of its text
 * (`length + 1`), a version has no more parts.
 */
export function compareVersions(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i <= a.length || j <= b.length) {
    const endA = i <= a.length ? partEnd(a, i) : -1;
    const endB = j <= b.length ? partEnd(b, j) : -1;
    const d = (endA < 0 ? 0 : Number(a.slice(i, endA))) - (endB < 0 ? 0 : Number(b.slice(j, endB)));
    if (d !== 0) return d;
    if (endA >= 0) i = endA + 1;
    if (endB >= 0) j = endB + 1;
  }
  return 0;
}

/** Where the part of `version` that begins at `from` ends: the next dot, or the end. */
function partEnd(version: string, from: number): number {
  const dot = version.indexOf('.', from);
  return dot < 0 ? version.length : dot;
}

const GENERIC_WORDING: Record<Framework['outcome'], string> = {
  certificate: '认证',
  attestation: '鉴证报告',
  'filing-and-assessment': '备案与测评',
  assessment: '评估',
  compliance: '合规',
};

function outcomeText(outcome: Framework['outcome']): Message {
  switch (outcome) {
    case 'attestation':
      return msg('an attestation report by an independent assessor');
    case 'filing-and-assessment':
      return msg('a filing with the authorities and an assessment by an accredited body');
    case 'assessment':
      return msg('an assessment by an accredited body');
    case 'compliance':
      return msg('complying with the law; there is no certificate');
    default:
      return msg('a certificate');
  }
}

const WORDING_GAP = /^[ \t]*(?:[+＋/&和与及、][ \t]*)*(?:(?:双|两项|三项|多项|合规|体系|安全)+[ \t]*)?(?:的[ \t]*)?$/;
const CERT = '认证';

export function checkStandards(ctx: AnalysisContext): AnalysisFinding[] {
  return standardsIn(ctx.lines, ctx);
}

/** Each finding rests on one line. */
export const standardsRunner: CheckRunner<readonly AnalysisFinding[]> = findingsRunner(['unknown-standard', 'retired-standard', 'wording'], standardsIn);

/** Each frameworks list's {@link mentionsIn}, kept per text (text/memo.ts): shared, never modified. */
const keptMentions = new WeakMap<readonly Framework[], (text: string) => readonly StandardMention[] | undefined>();

/**
 * {@link mentionsIn} kept per text: every report and every validation reads the same lines again.
 * Only the lines {@link mayMention} lets through are kept: it is one pass over a line, cheaper than
 * looking the line up (hashing it) and, for a line never seen, copying and storing it, and it
 * dismisses most lines (a text that fails it has no mention: see mentionsWith).
 */
function mentionsKept(frameworks: readonly Framework[]): (text: string) => readonly StandardMention[] | undefined {
  let find = keptMentions.get(frameworks);
  if (!find) {
    const list = prepare(frameworks);
    const index = aliasIndex(frameworks);
    if (index) {
      const kept = memoByText((text) => mentionsOfHits(text, indexedHits(text, index)));
      find = (text) => (mayMention(text, index) ? kept(text) : undefined);
    } else find = memoByText((text) => mentionsWith(text, list, index));
    keptMentions.set(frameworks, find);
  }
  return find;
}

function standardsIn(lines: readonly AnalysisLine[], knowledge: AnalysisKnowledge): AnalysisFinding[] {
  const frameworks = knowledge.frameworks();
  const mentionsOf = mentionsKept(frameworks);
  const out: AnalysisFinding[] = [];
  for (const line of lines) {
    if (isBlank(line.text)) continue;
    const mentions = mentionsOf(line.text);
    if (!mentions || mentions.length === 0) continue;
    for (const m of mentions) checkMention(frameworks, line, m, out);
    checkWording(line, mentions, out);
  }
  return out;
}

function checkMention(frameworks: readonly Framework[], line: AnalysisLine, m: StandardMention, out: AnalysisFinding[]): void {
  const p = prepFor(frameworks, m.framework);
  const fw = m.framework;
  if (m.level && p.levels.size > 0 && !p.levels.has(normalLevel(m.level.text))) {
    const start = Math.min(m.start, m.aliasStart);
    const end = Math.max(m.level.end, m.aliasEnd);
    out.push({
      check: 'unknown-standard',
      code: Codes.unknownStandard,
      severity: 'error',
      message: msg('{0} has no level "{1}"; it has {2}.', p.shortName, m.level.text, fw.levels.join(' / ')),
      range: spanRange(line, start, end),
      lines: [line.line],
      numbers: { framework: fw.id, level: m.level.text, levels: fw.levels.join(' / ') },
    });
  }
  const v = m.version;
  if (!v || !p.current) return;
  const aliasText = line.text.slice(m.aliasStart, m.aliasEnd);
  const current = applicable([p.current], aliasText, v.kind)[0];
  const retired = applicable(p.retired, aliasText, v.kind);
  if (!current && retired.length === 0) return;
  if (current && current.version === v.value) return;
  const range = spanRange(line, m.aliasStart, v.end);
  const mentionText = line.text.slice(m.aliasStart, v.end);
  const currentLabel = p.current.kind === 'dotted' ? `${p.shortName} v${p.current.version}` : p.current.designation;
  // The mention with the current version: keep the writer's spelling when the entry applies to it.
  const replacement = current ? line.text.slice(m.aliasStart, v.numberStart) + current.version : p.current.designation;
  const hit = retired.find((r) => r.version === v.value);
  const known = [...(current ? [current] : []), ...retired];
  const oldest = known.reduce<VersionEntry | undefined>((o, e) => (!o || compareVersions(e.version, o.version) < 0 ? e : o), undefined);
  if (hit || (oldest && compareVersions(v.value, oldest.version) < 0)) {
    const message = hit?.retired
      ? msg('{0} was retired on {1}; the current version is {2}.', mentionText, hit.retired, currentLabel)
      : msg('{0} is retired; the current version is {1}.', mentionText, currentLabel);
    out.push({
      check: 'retired-standard',
      code: Codes.retiredStandard,
      severity: 'warning',
      message,
      range,
      lines: [line.line],
      numbers: { framework: fw.id, version: v.value, current: p.current.version, ...(hit?.retired ? { retired: hit.retired } : {}), mention: mentionText },
      replacement,
    });
    return;
  }
  out.push({
    check: 'unknown-standard',
    code: Codes.unknownStandard,
    severity: 'error',
    message: msg('{0} does not exist; the current version is {1}.', mentionText, currentLabel),
    range,
    lines: [line.line],
    numbers: { framework: fw.id, version: v.value, current: p.current.version, mention: mentionText },
    replacement,
  });
}

/** `认证` after (or inside) mentions whose outcome is not a certificate. */
function checkWording(line: AnalysisLine, mentions: readonly StandardMention[], out: AnalysisFinding[]): void {
  const text = line.text;
  // Every finding is on a 认证 of the line.
  if (!text.includes(CERT)) return;
  const bySpan = new Map<number, StandardMention[]>();
  mentions.forEach((m, i) => {
    const inside = text.slice(m.start, m.end).indexOf(CERT);
    let at = -1;
    if (inside >= 0) at = m.start + inside;
    else {
      const next = text.indexOf(CERT, m.end);
      if (next < 0 || next - m.end > 24) return;
      // The gap, with the later mentions it passes over removed, must be a connective (`+`, `双`…).
      let gap = '';
      let pos = m.end;
      for (const later of mentions.slice(i + 1)) {
        if (later.start >= next) break;
        gap += text.slice(pos, later.start);
        pos = Math.max(pos, later.end);
      }
      gap += text.slice(pos, next);
      if (!WORDING_GAP.test(gap)) return;
      at = next;
    }
    const list = bySpan.get(at) ?? [];
    list.push(m);
    bySpan.set(at, list);
  });
  for (const [at, bound] of [...bySpan].sort((a, b) => a[0] - b[0])) {
    const wrong = bound.filter((m) => m.framework.outcome !== 'certificate');
    const [first] = wrong;
    if (!first) continue;
    const fw = first.framework;
    const names = [...new Set(wrong.map((m) => m.framework.name.replace(/[（(].*$/, '').trim()))].join(' / ');
    // One 认证 for several standards ("ISO27001+PCIDSS双认证"): no single right word, no replacement.
    const replacement = bound.length > 1 ? undefined : wordingFor(fw);
    const range: Range = spanRange(line, at, at + CERT.length);
    const finding: AnalysisFinding = {
      check: 'wording',
      code: Codes.wording,
      severity: 'information',
      message: replacement
        ? msg('{0} is not a certification: passing it means {1}. Write "{2}" instead.', names, outcomeText(fw.outcome), replacement)
        : msg('{0} is not a certification: passing it means {1}.', names, outcomeText(fw.outcome)),
      range,
      lines: [line.line],
      numbers: { framework: fw.id, outcome: fw.outcome },
    };
    if (replacement) finding.replacement = replacement;
    out.push(finding);
  }
}

/**
 * The word(s) to write instead of 认证: the framework's preferred wording without the leading
 * framework name and level (`PCI DSS合规评估（ROC/AOC）` → `合规评估（ROC/AOC）`, `等保2.0三级备案与测评` →
 * `备案与测评`), so that only 认证 is replaced and the written name, version and level stay. When the
 * preferred wording does not start with the framework's name, or is only the name, the generic word
 * for the outcome is used (鉴证报告, 备案与测评, 评估, 合规).
 */
const wordingCache = new WeakMap<Framework, string>();

export function wordingFor(fw: Framework): string {
  let w = wordingCache.get(fw);
  if (w === undefined) {
    w = computeWording(fw);
    wordingCache.set(fw, w);
  }
  return w;
}

function computeWording(fw: Framework): string {
  const generic = GENERIC_WORDING[fw.outcome];
  const wording = fw.preferredWording?.trim();
  if (!wording) return generic;
  const lead = findStandards(wording, [fw])[0];
  if (!lead || lead.start !== 0) return generic;
  const rest = wording.slice(lead.end).trim();
  if (!rest || /^[（(]/.test(rest)) return generic;
  return rest;
}
