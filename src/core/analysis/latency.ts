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
import { t } from '../l10n';
import type { Location } from '../knowledge/schema';
import type { AnalysisContext, AnalysisFinding } from './finding';
import { formatNumber, spanRange, type AnalysisLine } from './lines';

/** Speed of light in optical fibre, km per second (about 2/3 of c). */
export const FIBRE_KM_PER_S = 200_000;
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

function aliasEntries(locations: readonly Location[]): AliasEntry[] {
  let entries = aliasCache.get(locations);
  if (!entries) {
    const seen = new Set<string>();
    entries = [];
    for (const location of locations) {
      for (const alias of [...location.aliases, location.name]) {
        const lower = alias.trim().toLowerCase();
        if (lower.length < 2 || seen.has(`${lower}\u0000${location.id}`)) continue;
        seen.add(`${lower}\u0000${location.id}`);
        entries.push({ lower, location, asciiStart: /^[a-z0-9]/.test(lower), asciiEnd: /[a-z0-9]$/.test(lower) });
      }
    }
    // Longest first; ties in a stable, data-independent order.
    entries.sort((a, b) => b.lower.length - a.lower.length || (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0) || (a.location.id < b.location.id ? -1 : 1));
    aliasCache.set(locations, entries);
  }
  return entries;
}

const indexCache = new WeakMap<readonly Location[], Map<string, { entry: AliasEntry; order: number }[]>>();

/** Alias entries bucketed by their first character, so a line is scanned once instead of once per alias. */
function aliasIndex(locations: readonly Location[]): Map<string, { entry: AliasEntry; order: number }[]> {
  let index = indexCache.get(locations);
  if (!index) {
    index = new Map();
    aliasEntries(locations).forEach((entry, order) => {
      const bucket = index!.get(entry.lower[0]!) ?? [];
      bucket.push({ entry, order });
      index!.set(entry.lower[0]!, bucket);
    });
    indexCache.set(locations, index);
  }
  return index;
}

/** Places named in `text`: longest alias wins, no overlaps, ASCII aliases only as whole words. */
export function findPlaces(text: string, locations: readonly Location[], line = 0): PlaceMention[] {
  const lower = text.toLowerCase();
  const index = aliasIndex(locations);
  const hits: { e: AliasEntry; order: number; at: number; end: number }[] = [];
  for (let at = 0; at < lower.length; at++) {
    const bucket = index.get(lower[at]!);
    if (!bucket) continue;
    for (const { entry: e, order } of bucket) {
      if (!lower.startsWith(e.lower, at)) continue;
      const end = at + e.lower.length;
      if (e.asciiStart && at > 0 && /[a-z0-9]/.test(lower[at - 1]!)) continue;
      if (e.asciiEnd && end < lower.length && /[a-z0-9]/.test(lower[end]!)) continue;
      hits.push({ e, order, at, end });
    }
  }
  if (hits.length === 0) return [];
  // Same precedence as matching alias by alias, longest first: alias order, then position.
  hits.sort((a, b) => a.order - b.order || a.at - b.at);
  const taken: boolean[] = new Array<boolean>(text.length).fill(false);
  const out: PlaceMention[] = [];
  for (const { e, at, end } of hits) {
    let free = true;
    for (let i = at; i < end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = at; i < end; i++) taken[i] = true;
    out.push({ location: e.location, written: text.slice(at, end), line, start: at, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

interface Target {
  ms: number;
  start: number;
  end: number;
}

const TARGET_BEFORE = /(?:<=?|＜|≤|低于|小于|不超过|不高于|不大于|控制在|降至|降到|降低到|降低至|缩短至|缩短到|under|below|less[ \t]+than|within)[ \t]*(\d+(?:\.\d+)?)[ \t]*(?:ms|毫秒)(?![a-z])/gi;
const TARGET_AFTER = /(\d+(?:\.\d+)?)[ \t]*(?:ms|毫秒)[ \t]*(?:以内|以下|之内|内)/gi;

/** Latency upper bounds in milliseconds written in `text`. */
export function latencyTargets(text: string): Target[] {
  const out: Target[] = [];
  for (const re of [TARGET_BEFORE, TARGET_AFTER]) {
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

function lineText(line: AnalysisLine): string {
  return line.key ? `${line.key}：${line.text}` : line.text;
}

export function checkLatencyPhysics(ctx: AnalysisContext): AnalysisFinding[] {
  const candidates = ctx.lines.filter((l) => TARGET_SECTIONS.has(l.section) && latencyTargets(l.text).length > 0);
  if (candidates.length === 0) return [];
  const locations = ctx.locations();
  const placesByLine = new Map<AnalysisLine, PlaceMention[]>();
  for (const l of ctx.lines) {
    if (!l.text.trim() && !l.key) continue;
    const found = findPlaces(lineText(l), locations, l.line);
    if (found.length > 0) placesByLine.set(l, found);
  }
  const out: AnalysisFinding[] = [];
  for (const line of candidates) {
    const own = placesByLine.get(line) ?? [];
    const ownDistinct = new Set(own.map((p) => p.location.id));
    if (!CROSS_SITE.test(lineText(line)) && ownDistinct.size < 2) continue;
    let places = [...own];
    for (const [l, ps] of placesByLine) if (l !== line && WHERE_SECTIONS.has(l.section)) places.push(...ps);
    if (new Set(places.map((p) => p.location.id)).size < 2) places = [...placesByLine.values()].flat();
    const pair = farthestPair(places);
    if (!pair) continue;
    const [a, b, km] = pair;
    const limit = minRoundTripMs(km);
    for (const target of latencyTargets(line.text)) {
      if (target.ms > limit) continue;
      const range: Range = spanRange(line, target.start, target.end);
      out.push({
        check: 'latency-physics',
        code: Codes.latencyPhysics,
        severity: 'warning',
        message: t('Target <{0} ms, but {1} ↔ {2} is about {3} km apart: light in fibre needs at least {4} ms for a round trip.', formatNumber(target.ms, Number.isInteger(target.ms) ? 0 : 1), placeName(a), placeName(b), formatNumber(Math.round(km / 100) * 100), formatNumber(Math.floor(limit))),
        range,
        lines: [...new Set([line.line, a.line, b.line])],
        numbers: { targetMs: target.ms, from: placeName(a), to: placeName(b), fromId: a.location.id, toId: b.location.id, distanceKm: Math.round(km), minRoundTripMs: Math.round(limit * 10) / 10 },
      });
    }
  }
  return out;
}

/** How a place is named in messages: as the intake wrote it (its first mention), so the author recognises it. */
function placeName(p: PlaceMention): string {
  return p.written;
}

/** The two distinct places farthest apart (each place by its first mention), or undefined. */
export function farthestPair(places: readonly PlaceMention[]): [PlaceMention, PlaceMention, number] | undefined {
  const first = new Map<string, PlaceMention>();
  const ordered = [...places].sort((a, b) => a.line - b.line || a.start - b.start);
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
