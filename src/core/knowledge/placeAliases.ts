/**
 * The location aliases the latency check looks for in an intake (analysis/latency.ts): every
 * alias and the name of every location, trimmed and lower-cased, two characters or more, once per
 * location, longest first (ties in a stable, data-independent order). For the shipped locations
 * the build works the list out (knowledge/validateData.ts) and ships it in their file as
 * `placeAliases`: in a fresh process it cost about 14 M instructions (800 lower-casings through
 * ICU and a sort whose comparator the interpreter runs), a tenth of a cold `intake generate`'s
 * analysis. A team's locations come without it and are worked out here, once per list.
 */
import type { Location } from './schema';

/** An alias, lower-cased, and the index of its location in the list. */
export type PlaceAlias = readonly [lower: string, location: number];

/** The aliases of `locations`, longest first. */
export function placeAliases(locations: readonly Location[]): PlaceAlias[] {
  const seen = new Set<string>();
  const list: PlaceAlias[] = [];
  locations.forEach((location, index) => {
    for (const alias of [...location.aliases, location.name]) {
      const lower = alias.trim().toLowerCase();
      if (lower.length < 2 || seen.has(`${lower}\u0000${location.id}`)) continue;
      seen.add(`${lower}\u0000${location.id}`);
      list.push([lower, index]);
    }
  });
  // Longest first; ties in a stable, data-independent order.
  const id = (a: PlaceAlias) => locations[a[1]]!.id;
  list.sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || (id(a) < id(b) ? -1 : 1));
  return list;
}

/** The lists the build shipped, by the locations they came with (knowledge.ts sets them when it loads the file). */
const shipped = new WeakMap<readonly Location[], readonly PlaceAlias[]>();

export function setShippedPlaceAliases(locations: readonly Location[], list: readonly PlaceAlias[]): void {
  shipped.set(locations, list);
}

/** {@link placeAliases} of `locations`: as shipped with them, else worked out. */
export function placeAliasesOf(locations: readonly Location[]): readonly PlaceAlias[] {
  return shipped.get(locations) ?? placeAliases(locations);
}

/** A locations file's data as the build ships it. */
export interface ShippedLocationsFile {
  locations: Location[];
  placeAliases?: readonly PlaceAlias[];
}

/** A locations file's data without `placeAliases`, which the schema does not know: what it validates. */
export function withoutPlaceAliases(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || !('placeAliases' in data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'placeAliases'));
}
