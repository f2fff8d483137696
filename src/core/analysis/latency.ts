/**
 * latency-physics (warning): a latency target for traffic between sites that light in optical
 * fibre cannot meet.
 *
 * - A target is an upper bound in milliseconds in [核心目标] or [特殊要求]: `延迟<100ms`, `<150ms`,
 *   `延迟低于80ms`, `100毫秒以内`.
 * - It is about traffic between sites when its line says so (跨云, 跨区域, 跨国, 全球, 同步, 复制,
 *   异地, 双活, cross-region, global, replication…) or names two places itself.
 * - Places are found anywhere in the intake through the location aliases of the knowledge base,
 *   case-insensitively, longest alias first (`AWS北京` before `北京`), an ASCII alias only as a whole
 *   word. The places considered are those of the target's own line and of the sections that say
 *   where systems run and users are ([基础设施现状], [当前痛点], [核心目标]); only when these name
 *   fewer than two places are the other sections (a support team's city, say) used.
 * - The limit is the round trip over the farthest pair of those places: great-circle (haversine)
 *   distance × 2 ÷ 200,000 km/s, i.e. 1 ms per 100 km. Real fibre paths are longer, so a target
 *   at or below the limit is certainly impossible; targets above it are left alone.
 */
import { Codes } from '../diagnostics';
import type { Range } from '../document';
import { msg } from '../l10n';
import type { Location } from '../knowledge/schema';
import { placeAliasesOf } from '../knowledge/placeAliases';
import { sameData } from './same';
import { type AnalysisFinding, type AnalysisKnowledge, type CheckRunner } from './finding';
import { moveRange } from '../lineRange';
import { formatNumber, isBlank, sortSmall, spanRange, type AnalysisLine } from '../facts/lines';

/** Speed of light in optical fibre, km per second (about 2/3 of c). */
const FIBRE_KM_PER_S = 200_000;
const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km. */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The shortest possible round trip between two points, in ms. */
export function minRoundTripMs(distanceKm: number): number {
  return ((distanceKm * 2) / FIBRE_KM_PER_S) * 1000;
}

export interface PlaceMention {
  location: Location;
  /** The text as written in the intake. */
  written: string;
  /** 0-based document line. */
  line: number;
  start: number;
  end: number;
}

interface AliasEntry {
  lower: string;
  location: Location;
  asciiStart: boolean;
  asciiEnd: boolean;
}

const aliasCache = new WeakMap<readonly Location[], AliasEntry[]>();

/** The aliases of `locations`, longest first (knowledge/placeAliases.ts: shipped with the knowledge base's own). */
function aliasEntries(locations: readonly Location[]): AliasEntry[] {
  let entries = aliasCache.get(locations);
  if (!entries) {
    entries = placeAliasesOf(locations).map(([lower, index]) => ({ lower, location: locations[index]!, asciiStart: isLowerAlnum(lower.charCodeAt(0)), asciiEnd: isLowerAlnum(lower.charCodeAt(lower.length - 1)) }));
    aliasCache.set(locations, entries);
  }
  return entries;
}

/**
 * The aliases as a trie over their (lower-case) characters, so a line is scanned once instead of
 * once per alias: from each position, the walk down the trie meets exactly the aliases the text
 * continues with there. `starts` marks the characters that begin an alias, so most positions are
 * passed over without a lookup.
 */
interface TrieNode {
  next?: Map<number, TrieNode>;
  /** The aliases that end here, with their place in the longest-first order. */
  ends?: { entry: AliasEntry; order: number }[];
}

/**
 * The trie is grown one first character at a time, when a text first has that character where an
 * alias may start: a run meets a few of the hundreds of characters the aliases begin with, and
 * building the whole trie was about 2 ms of a cold `intake generate`.
 */
interface PlaceIndex {
  starts: Uint8Array;
  /**
   * The first two characters of the aliases (every alias has two or more), hashed: a position
   * whose pair is not marked begins no alias, and is passed over without walking the trie. The
   * characters that begin a place name (中, 上, 北, 东…) are common in Chinese text, so the
   * first character alone lets through most positions of a line.
   */
  pairs: Uint8Array;
  /** The aliases by first character, in their order, until that character's branch is built. */
  pending: Map<number, { entry: AliasEntry; order: number }[]>;
  root: TrieNode & { next: Map<number, TrieNode> };
}

/** Where the pair of characters `a`, `b` is marked in {@link PlaceIndex.pairs}. */
function pairSlot(a: number, b: number): number {
  return (a * 31 + b) & 0xffff;
}

const indexCache = new WeakMap<readonly Location[], PlaceIndex>();

/** The branch of the aliases that start with `first`, built on first use; undefined when none does. */
function branch(index: PlaceIndex, first: number): TrieNode | undefined {
  return index.root.next.get(first) ?? buildBranch(index, first);
}

/**
 * {@link branch}'s first use for `first`. Apart from it, as {@link buildAliasIndex} is from
 * {@link aliasIndex}, so that the optimising compiler, which inlines `branch` into the scan's hot
 * loop, does not compile the building of the trie into it too.
 */
function buildBranch(index: PlaceIndex, first: number): TrieNode | undefined {
  const bucket = index.pending.get(first);
  if (!bucket) return undefined;
  const top: TrieNode = {};
  for (const { entry, order } of bucket) {
    let node = top;
    for (let i = 1; i < entry.lower.length; i++) {
      const c = entry.lower.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = {}));
      node = child;
    }
    (node.ends ??= []).push({ entry, order });
  }
  index.root.next.set(first, top);
  index.pending.delete(first);
  return top;
}

function aliasIndex(locations: readonly Location[]): PlaceIndex {
  return indexCache.get(locations) ?? buildAliasIndex(locations);
}

function buildAliasIndex(locations: readonly Location[]): PlaceIndex {
  const starts = new Uint8Array(0x10000);
  const pairs = new Uint8Array(0x10000);
  const pending = new Map<number, { entry: AliasEntry; order: number }[]>();
  aliasEntries(locations).forEach((entry, order) => {
    const first = entry.lower.charCodeAt(0);
    starts[first] = 1;
    pairs[pairSlot(first, entry.lower.charCodeAt(1))] = 1;
    const bucket = pending.get(first);
    if (bucket) bucket.push({ entry, order });
    else pending.set(first, [{ entry, order }]);
  });
  const index: PlaceIndex = { starts, pairs, pending, root: { next: new Map() } };
  indexCache.set(locations, index);
  return index;
}

/** CJK, kana and full-width forms other than Ａ–Ｚ: no case. */
function isCaseless(c: number): boolean {
  return (c >= 0x3000 && c <= 0x9fff) || (c >= 0xff01 && c <= 0xff20) || (c >= 0xff3b && c <= 0xffef);
}

/**
 * Whether `text` has a character that begins an alias (in either case), or one whose lower
 * case is not simply ASCII-folded (then only `findPlaces` can tell).
 */
function hasStart(text: string, starts: Uint8Array): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (starts[c >= 65 && c <= 90 ? c + 32 : c] === 1) return true;
    if (c >= 0x80 && !isCaseless(c)) return true;
  }
  return false;
}

/** A code unit of `text.toLowerCase()` when only A–Z change: the ASCII fold. */
function lowerAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function isLowerAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

/** Places named in `text`: longest alias wins, no overlaps, ASCII aliases only as whole words. */
export function findPlaces(text: string, locations: readonly Location[], line = 0): PlaceMention[] {
  return scanPlaces(text, locations, line, 0);
}

/**
 * {@link findPlaces}, each place `shift` characters further on (where `text` stands in a longer
 * text). Not kept per text (core/text/memo.ts): the scan passes over most positions after two
 * look-ups in the index, cheaper than hashing the text to look it up, and on a text never seen
 * copying and storing it (on unseen text, validate() runs 15% fewer instructions without).
 */
function scanPlaces(text: string, locations: readonly Location[], line: number, shift: number): PlaceMention[] {
  const index = aliasIndex(locations);
  const from = nextStart(text, index, 0, true);
  return from === NONE ? [] : placesFrom(text, index, line, shift, from);
}

/** {@link nextStart}'s answers when no alias may begin further on, and when `text` has a character with a case beyond ASCII. */
const NONE = -1;
const CASED = -2;

/**
 * The places of `text` (see {@link scanPlaces}), given where the scan of its caseless reading
 * stopped first (`from`, not {@link NONE}: a line most often gets here after that first call,
 * which tells whether to look any further at all). Matching is on the lower-cased text; while
 * only A–Z would change, they are folded as read. A character with a case beyond ASCII (İ, Σ, Ａ,
 * é) anywhere sends the scan back to the start, on `text.toLowerCase()`.
 */
function placesFrom(text: string, index: PlaceIndex, line: number, shift: number, from: number): PlaceMention[] {
  let hits: PlaceHit[] | undefined;
  let at = from;
  if (at !== CASED) {
    for (; at >= 0; at = nextStart(text, index, at + 1, true)) hits = hitsAt(index, text, at, lowerAt(text, at), hits);
    if (at === NONE) return hits ? placesOf(hits, text, line, shift) : [];
    hits = undefined;
  }
  const lower = text.toLowerCase();
  for (at = nextStart(lower, index, 0, false); at >= 0; at = nextStart(lower, index, at + 1, false)) hits = hitsAt(index, lower, at, lowerAt(lower, at), hits);
  return hits ? placesOf(hits, text, line, shift) : [];
}

/**
 * The first position from `from` on where the pair of characters (ASCII-folded) is marked in the
 * index (an alias may begin there), or {@link NONE}. With `caseFree`, {@link CASED} at a character
 * whose lower case is not simply ASCII-folded (then only the lower-cased text can tell). Most
 * lines of Chinese text have a character that begins some alias (上, 北, 东, 大…) but no pair
 * that does: one call dismisses them. The scan's loop in a function of its own, and the same
 * for that first look and for the scan: the optimising compiler compiles one small loop, apart
 * from the walk down the trie (hitsAt) and the making of the places.
 */
function nextStart(lower: string, index: PlaceIndex, from: number, caseFree: boolean): number {
  const { starts, pairs } = index;
  for (let at = from; at < lower.length; at++) {
    const c = lower.charCodeAt(at);
    if (c >= 0x80 && caseFree && !isCaseless(c)) return CASED;
    const first = c >= 65 && c <= 90 ? c + 32 : c;
    // Every alias has two characters or more: none begins at the last position.
    if (starts[first] === 1 && at + 1 < lower.length && pairs[pairSlot(first, lowerAt(lower, at + 1))] === 1) return at;
  }
  return NONE;
}

/**
 * The hits of the aliases that begin at `at` (where the pair of characters is marked), added to
 * `hits`. Apart from {@link scanPlaces}: few positions get here, and the optimising compiler then
 * keeps the walk down the trie (its maps, the trie's building) out of the scan's loop.
 */
function hitsAt(index: PlaceIndex, lower: string, at: number, first: number, hits: PlaceHit[] | undefined): PlaceHit[] | undefined {
  let node = branch(index, first);
  for (let end = at + 1; node; end++) {
    const ends = node.ends;
    if (ends) {
      for (let k = 0; k < ends.length; k++) {
        const { entry: e, order } = ends[k]!;
        if (e.asciiStart && at > 0 && isLowerAlnum(lowerAt(lower, at - 1))) continue;
        if (e.asciiEnd && end < lower.length && isLowerAlnum(lowerAt(lower, end))) continue;
        (hits ??= []).push({ e, order, at, end });
      }
    }
    node = end < lower.length ? node.next?.get(lowerAt(lower, end)) : undefined;
  }
  return hits;
}

interface PlaceHit {
  e: AliasEntry;
  order: number;
  at: number;
  end: number;
}

/**
 * The places of {@link scanPlaces}'s hits. A function of its own: most scans find no hit, and the
 * optimising compiler then keeps the sorting and its closures out of the scan's loop.
 */
function placesOf(hits: PlaceHit[], text: string, line: number, shift: number): PlaceMention[] {
  // Same precedence as matching alias by alias, longest first: alias order, then position.
  sortSmall(hits, (a, b) => a.order - b.order || a.at - b.at);
  // A hit is kept when it overlaps none kept before it.
  const out: PlaceMention[] = [];
  for (const { e, at, end } of hits) {
    if (out.some((p) => p.start < end + shift && at + shift < p.end)) continue;
    out.push({ location: e.location, written: text.slice(at, end), line, start: at + shift, end: end + shift });
  }
  return sortSmall(out, (a, b) => a.start - b.start);
}

interface Target {
  ms: number;
  start: number;
  end: number;
}

const TARGET_BEFORE = /(?:<=?|＜|≤|低于|小于|不超过|不高于|不大于|控制在|降至|降到|降低到|降低至|缩短至|缩短到|under|below|less[ \t]+than|within)[ \t]*(\d+(?:\.\d+)?)[ \t]*(?:ms|毫秒)(?![a-z])/gi;
const TARGET_AFTER = /(?<![\d.])(\d+(?:\.\d+)?)[ \t]*(?:ms|毫秒)[ \t]*(?:以内|以下|之内|内)/gi;

/** `ms` in any case (not `ſ` or other non-ASCII: a non-Unicode `i` never folds them into ASCII). */
const MS = /ms/i;

/**
 * Whether `text` has `ms` (in any case) or `毫秒`, which every latency target ends with. Two
 * searches V8 runs over the string's characters directly, cheaper than a loop over charCodeAt on
 * a line (a slice of the document).
 */
export function mayStateLatency(text: string): boolean {
  return MS.test(text) || text.includes('毫秒');
}

const TARGETS = [TARGET_BEFORE, TARGET_AFTER];

/** Latency upper bounds in milliseconds written in `text`. */
export function latencyTargets(text: string): Target[] {
  const out: Target[] = [];
  if (!mayStateLatency(text)) return out;
  return targetsIn(text, out);
}

/** The targets of a text that may state one ({@link mayStateLatency}), added to `out`. */
function targetsIn(text: string, out: Target[]): Target[] {
  for (const re of TARGETS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (out.some((x) => x.start < end && start < x.end)) continue;
      out.push({ ms: Number(m[1]), start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const CROSS_SITE = /跨云|跨区域|跨地域|跨区|跨国|跨境|跨洲|跨数据中心|跨机房|跨地区|全球|异地|同步|复制|双活|多活|互联|between|cross[ \t-]*(?:region|cloud|border|site)|global|replicat|sync/i;
const TARGET_SECTIONS = new Set(['核心目标', '特殊要求']);
const WHERE_SECTIONS = new Set(['基础设施现状', '当前痛点', '核心目标']);

function lineText(line: { key?: string | undefined; text: string }): string {
  return line.key ? `${line.key}：${line.text}` : line.text;
}

/** The check in two steps: each section's targets (and, when asked for, places), then the targets judged against the intake's places. */
export const latencyRunner: CheckRunner<LatencyExtract> = {
  checks: ['latency-physics'],
  extract: latencyExtract,
  combine: latencyFindings,
  move: (e, lines) => e.moved(lines),
  // The places the combine step may read come from the lines, not the candidates: compare those too.
  same: (a, b, knowledge) => sameData(a.candidates, b.candidates) && a.samePlaces(b, knowledge.locations()),
};

/** A line with a latency target: what judging it needs. */
interface Candidate {
  line: number;
  /** Whether the line is in a section that says where things are. */
  inWhere: boolean;
  own: PlaceMention[];
  /** Whether the line says the traffic is between sites. */
  crossSite: boolean;
  targets: Array<{ ms: number; range: Range }>;
}

function latencyExtract(lines: readonly AnalysisLine[], knowledge: AnalysisKnowledge): LatencyExtract {
  const candidates: Candidate[] = [];
  // The sources go in an array of the exact size (one grown by pushing has room to spare, kept as
  // long as the extract): the lines that may name a place are counted first. Cheaper than
  // gathering them in a shared array and copying them out (slice, then fill to let go of them).
  let count = 0;
  for (const line of lines) if (mayNamePlace(line)) count++;
  const sources: Array<string | number | boolean | undefined> | PlaceSources = count === 0 ? NO_SOURCES : new Array<string | number | boolean | undefined>(count * 4);
  let at = 0;
  // A chunk's lines are mostly of one section: its kinds are looked up when the section changes.
  let section: string | undefined;
  let inWhere = false;
  let inTarget = false;
  for (const line of lines) {
    if (line.section !== section) {
      section = line.section;
      inWhere = WHERE_SECTIONS.has(section);
      inTarget = TARGET_SECTIONS.has(section);
    }
    if (mayNamePlace(line)) {
      const out = sources as Array<string | number | boolean | undefined>;
      out[at++] = line.key;
      out[at++] = line.text;
      out[at++] = line.line;
      out[at++] = inWhere;
    }
    // The targets are looked for once, by the candidate (mayStateLatency dismisses most lines first).
    if (inTarget && mayStateLatency(line.text)) {
      const c = candidate(line, knowledge);
      if (c) candidates.push(c);
    }
  }
  return new LatencyExtract(candidates.length === 0 ? NO_CANDIDATES : candidates, sources, 0);
}

/** Blank and without a key, a line names no place whatever the places are (see linePlaces). */
function mayNamePlace(line: AnalysisLine): boolean {
  return !!line.key || !isBlank(line.text);
}

/**
 * No two places on Earth are farther apart than half its circumference, so no limit is above the
 * round trip over that (about 200.2 ms): a target above it is never flagged, whatever the places.
 * One millisecond more is left for the rounding of the distance.
 */
export const MAX_FLAGGED_TARGET_MS = minRoundTripMs(Math.PI * EARTH_RADIUS_KM) + 1;

/**
 * A line with a latency target as a candidate, with the targets that may be flagged; undefined
 * when none may (then the places the judging needs are never looked for). A function of its
 * own: a closure over the line in the extract's loop would cost every line a context, target or not.
 */
function candidate(line: AnalysisLine, knowledge: AnalysisKnowledge): Candidate | undefined {
  let targets: Candidate['targets'] | undefined;
  for (const t of targetsIn(line.text, [])) if (t.ms <= MAX_FLAGGED_TARGET_MS) (targets ??= []).push({ ms: t.ms, range: spanRange(line, t.start, t.end) });
  if (!targets) return undefined;
  const own = linePlaces(line.key, line.text, line.line, knowledge.locations());
  return { line: line.line, inWhere: WHERE_SECTIONS.has(line.section), own, crossSite: CROSS_SITE.test(lineText(line)), targets };
}

/**
 * What the places of a section's lines are looked for in, kept by the extract instead of the
 * lines themselves: for each line that may name a place, in line order, its key, text, document
 * line (as it was when the extract was made) and whether its section says where things are, one
 * after the other in one array. An extract lives as long as its section's analysis, and keeping
 * every line object (with its parent and children) for places that most intakes never ask for
 * made a cold analysis keep megabytes that the garbage collector copied and nothing read again.
 */
type PlaceSources = ReadonlyArray<string | number | boolean | undefined>;

/** The sources and candidates of the many sections that have none: shared, frozen (extracts are never changed). */
const NO_SOURCES: PlaceSources = Object.freeze([]);
const NO_CANDIDATES: readonly Candidate[] = Object.freeze([]);

/**
 * A section's latency targets, and the places its lines name, looked for only when a target of
 * the intake needs them (most intakes have no target). Moved, it keeps the lines it was read
 * from and moves the places it finds in them by as many lines.
 */
class LatencyExtract {
  private where: { locations: readonly Location[]; places: PlaceMention[] } | undefined;
  private all: { locations: readonly Location[]; places: PlaceMention[] } | undefined;

  constructor(
    readonly candidates: readonly Candidate[],
    /** What the section's lines say, `shift` lines above where they are now. */
    private readonly sources: PlaceSources,
    private readonly shift: number,
  ) {}

  /** The places named in the lines of the sections that say where things are, in line order. */
  placesWhere(locations: readonly Location[]): PlaceMention[] {
    if (this.where?.locations !== locations) this.where = { locations, places: this.places(locations, true) };
    return this.where.places;
  }

  /** The places named in all the lines, in line order. */
  placesAll(locations: readonly Location[]): PlaceMention[] {
    if (this.all?.locations !== locations) this.all = { locations, places: this.places(locations, false) };
    return this.all.places;
  }

  /**
   * Whether this extract's places (where and all) are those of `other`, as `sameData` of both
   * lists would say. Typing in a section leaves all its lines but one as they were: a line whose
   * sources are the same in both (key, text, document line, kind of section) names the same
   * places in both, so only the lines that differ are looked at. When each of those names the
   * same places in both (and counts alike in the where-list), the lists are equal; otherwise
   * both lists are made and compared. Measured on the bench's 2,000-line intake (typing in a
   * 333-line [基础设施现状]): making both lists of the new chunk was a fifth of a keystroke.
   */
  samePlaces(other: LatencyExtract, locations: readonly Location[]): boolean {
    const a = this.sources;
    const b = other.sources;
    if (a.length === b.length && this.sameLinePlaces(other, locations)) return true;
    return sameData(this.placesWhere(locations), other.placesWhere(locations)) && sameData(this.placesAll(locations), other.placesAll(locations));
  }

  /** Whether each line names the same places in this extract as in `other` (same number of sources), and in the same lists. */
  private sameLinePlaces(other: LatencyExtract, locations: readonly Location[]): boolean {
    const a = this.sources;
    const b = other.sources;
    for (let i = 0; i < a.length; i += 4) {
      const lineA = (a[i + 2] as number) + this.shift;
      const lineB = (b[i + 2] as number) + other.shift;
      if (a[i] === b[i] && a[i + 1] === b[i + 1] && lineA === lineB && a[i + 3] === b[i + 3]) continue;
      const placesA = linePlaces(a[i] as string | undefined, a[i + 1] as string, lineA, locations);
      if (!sameData(placesA, linePlaces(b[i] as string | undefined, b[i + 1] as string, lineB, locations))) return false;
      // A line in the where-list in one and not the other: the lists differ unless it names no place.
      if (a[i + 3] !== b[i + 3] && placesA.length > 0) return false;
    }
    return true;
  }

  private places(locations: readonly Location[], whereOnly: boolean): PlaceMention[] {
    const sources = this.sources;
    const places: PlaceMention[] = [];
    for (let i = 0; i < sources.length; i += 4) {
      if (whereOnly && sources[i + 3] !== true) continue;
      for (const p of linePlaces(sources[i] as string | undefined, sources[i + 1] as string, (sources[i + 2] as number) + this.shift, locations)) places.push(p);
    }
    return places;
  }

  moved(lines: number): LatencyExtract {
    if (lines === 0) return this;
    const place = (p: PlaceMention): PlaceMention => ({ ...p, line: p.line + lines });
    const candidates = this.candidates.map((c) => ({ ...c, line: c.line + lines, own: c.own.map(place), targets: c.targets.map((t) => ({ ms: t.ms, range: moveRange(t.range, lines) })) }));
    const out = new LatencyExtract(candidates, this.sources, this.shift + lines);
    if (this.where) out.where = { locations: this.where.locations, places: this.where.places.map(place) };
    if (this.all) out.all = { locations: this.all.locations, places: this.all.places.map(place) };
    return out;
  }
}

function latencyFindings(extracts: readonly LatencyExtract[], knowledge: AnalysisKnowledge): AnalysisFinding[] {
  const candidates = extracts.length === 1 ? extracts[0]!.candidates : joinLists(extracts, (e) => e.candidates);
  if (candidates.length === 0) return [];
  const locations = knowledge.locations();
  const places = new PlaceLists(extracts, locations);
  const out: AnalysisFinding[] = [];
  for (const line of candidates) {
    const own = line.own;
    if (!line.crossSite && !twoPlaces(own)) continue;
    // The places of this line and of the sections that say where things are; all, if those name fewer than two.
    // (A line in one of those sections is among them already: only the set of places matters.)
    const where = places.where();
    let considered = line.inWhere ? where : [...own, ...where];
    if (!twoPlaces(considered)) considered = places.all();
    const pair = places.farthest(considered);
    if (!pair) continue;
    const [a, b, km] = pair;
    const limit = minRoundTripMs(km);
    for (const target of line.targets) {
      if (target.ms > limit) continue;
      out.push({
        check: 'latency-physics',
        code: Codes.latencyPhysics,
        severity: 'warning',
        message: msg('Target <{0} ms, but {1} ↔ {2} is about {3} km apart: light in fibre needs at least {4} ms for a round trip.', formatNumber(target.ms, Number.isInteger(target.ms) ? 0 : 1), placeName(a), placeName(b), formatNumber(Math.round(km / 100) * 100), formatNumber(Math.floor(limit))),
        range: target.range,
        lines: [...new Set([line.line, a.line, b.line])],
        numbers: { targetMs: target.ms, from: placeName(a), to: placeName(b), fromId: a.location.id, toId: b.location.id, distanceKm: Math.round(km), minRoundTripMs: Math.round(limit * 10) / 10 },
      });
    }
  }
  return out;
}

/**
 * Each extract's list, one after the other: `flatMap`, without its cost (several times a loop's;
 * this runs for every intake, mostly over the empty lists of sections without a target).
 */
function joinLists<T>(extracts: readonly LatencyExtract[], list: (e: LatencyExtract) => readonly T[]): T[] {
  const out: T[] = [];
  for (const e of extracts) for (const x of list(e)) out.push(x);
  return out;
}

/**
 * The places of a line: those {@link findPlaces} finds in `key：value` (in `value` without a key),
 * looked for only where an alias may begin (most lines have no such place).
 */
export function linePlaces(key: string | undefined, text: string, line: number, locations: readonly Location[]): PlaceMention[] {
  const index = aliasIndex(locations);
  if (!key) {
    const from = nextStart(text, index, 0, true);
    return from === NONE ? [] : placesFrom(text, index, line, 0, from);
  }
  if (hasStart(key, index.starts) || index.starts[0xff1a /* ： */] === 1 || text.includes('\u03a3')) {
    return findPlaces(`${key}：${text}`, locations, line);
  }
  // No place begins in the key or at the colon, and the colon ends any ASCII word before it: the
  // places of `key：value` are those of the value, further on (without a string made for the line).
  // The key has only ASCII and characters without case, so lower-casing the whole changes the value
  // as it does the value alone, Σ apart (its final form depends on the letters before it).
  const from = nextStart(text, index, 0, true);
  return from === NONE ? [] : placesFrom(text, index, line, key.length + 1, from);
}

/**
 * The places of the sections that say where things are, and of all lines, gathered once (in
 * line order) from the sections' extracts; the farthest pair once per list of places.
 */
class PlaceLists {
  private inWhere: PlaceMention[] | undefined;
  private inAll: PlaceMention[] | undefined;
  private readonly pairs = new Map<readonly PlaceMention[], ReturnType<typeof farthestPair>>();

  constructor(
    private readonly extracts: readonly LatencyExtract[],
    private readonly locations: readonly Location[],
  ) {}

  where(): PlaceMention[] {
    return (this.inWhere ??= this.extracts.length === 1 ? this.extracts[0]!.placesWhere(this.locations) : joinLists(this.extracts, (e) => e.placesWhere(this.locations)));
  }

  all(): PlaceMention[] {
    return (this.inAll ??= this.extracts.length === 1 ? this.extracts[0]!.placesAll(this.locations) : joinLists(this.extracts, (e) => e.placesAll(this.locations)));
  }

  /** {@link farthestPair}, once per list of places. */
  farthest(places: readonly PlaceMention[]): ReturnType<typeof farthestPair> {
    if (!this.pairs.has(places)) this.pairs.set(places, farthestPair(places));
    return this.pairs.get(places);
  }
}

/** Whether the mentions name two distinct places or more (`new Set(ids).size >= 2`, without the set). */
function twoPlaces(places: readonly PlaceMention[]): boolean {
  const first = places[0]?.location.id;
  for (let i = 1; i < places.length; i++) if (places[i]!.location.id !== first) return true;
  return false;
}

/** How a place is named in messages: as the intake wrote it (its first mention), so the author recognises it. */
function placeName(p: PlaceMention): string {
  return p.written;
}

/** The two distinct places farthest apart (each place by its first mention), or undefined. */
export function farthestPair(places: readonly PlaceMention[]): [PlaceMention, PlaceMention, number] | undefined {
  const first = new Map<string, PlaceMention>();
  const ordered = sortSmall([...places], (a, b) => a.line - b.line || a.start - b.start);
  for (const p of ordered) if (!first.has(p.location.id)) first.set(p.location.id, p);
  const list = [...first.values()];
  let best: [PlaceMention, PlaceMention, number] | undefined;
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const km = haversineKm(list[i]!.location, list[j]!.location);
      if (!best || km > best[2] + 1e-9) best = [list[i]!, list[j]!, km];
    }
  }
  return best && best[2] > 0 ? best : undefined;
}
