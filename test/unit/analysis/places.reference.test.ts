/**
 * findPlaces (one pass over the text, down a trie of the aliases) held to the search it stands for:
 * each alias in turn, longest first, at every position of the lower-cased text, an ASCII alias
 * only as a whole word, a hit kept when it overlaps none kept before it.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findPlaces, type PlaceMention } from '../../../src/core/analysis/latency';
import { getLocations } from '../../../src/core/knowledge/knowledge';
import type { Location } from '../../../src/core/knowledge/schema';
import { listExamples, readExample } from '../helpers/seeds';

const isLowerAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

function referencePlaces(text: string, locations: readonly Location[], line: number): PlaceMention[] {
  const seen = new Set<string>();
  const entries: Array<{ lower: string; location: Location }> = [];
  for (const location of locations) {
    for (const alias of [...location.aliases, location.name]) {
      const lower = alias.trim().toLowerCase();
      if (lower.length < 2 || seen.has(`${lower}\u0000${location.id}`)) continue;
      seen.add(`${lower}\u0000${location.id}`);
      entries.push({ lower, location });
    }
  }
  entries.sort((a, b) => b.lower.length - a.lower.length || (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0) || (a.location.id < b.location.id ? -1 : 1));
  const lower = text.toLowerCase();
  const out: PlaceMention[] = [];
  for (const { lower: alias, location } of entries) {
    for (let at = lower.indexOf(alias); at >= 0; at = lower.indexOf(alias, at + 1)) {
      const end = at + alias.length;
      if (isLowerAlnum(alias.charCodeAt(0)) && at > 0 && isLowerAlnum(lower.charCodeAt(at - 1))) continue;
      if (isLowerAlnum(alias.charCodeAt(alias.length - 1)) && end < lower.length && isLowerAlnum(lower.charCodeAt(end))) continue;
      if (out.some((p) => p.start < end && at < p.end)) continue;
      out.push({ location, written: text.slice(at, end), line, start: at, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

describe('findPlaces against the alias-by-alias search', () => {
  const locations = getLocations();
  const same = (text: string) => assert.deepEqual(findPlaces(text, locations, 2), referencePlaces(text, locations, 2), text);

  it('finds the same places in every line of the examples', () => {
    for (const text of listExamples().map(readExample).flatMap((t) => t.split(/\r\n|\r|\n/))) same(text);
  });

  it('starts over on the lower-cased line when a character with a case beyond ASCII comes after a place', () => {
    // The scan reads the line as it is until it meets İ, Σ, É or Ａ (whose lower case is not the
    // ASCII fold), then scans the lower-cased line from the start: the places before that
    // character are found again, those after it at their positions in the line.
    const cases = ['上海与北京之间İ', '北京，Σ上海', 'Frankfurt É Shanghai', '新加坡Ａ东京', 'İ北京'];
    for (const text of cases) {
      assert.ok(findPlaces(text, locations, 2).length > 0, text);
      same(text);
    }
  });

  it('finds the same places in lines made of aliases, in any case, run together or apart', () => {
    const aliases = locations.flatMap((l) => [...l.aliases, l.name]);
    const piece = fc.oneof(fc.constantFrom(...aliases, ...aliases.map((a) => a.toUpperCase()), ...aliases.map((a) => a.slice(0, 2))), fc.constantFrom(' ', '-', '：', 'a', 'Z', '1', '中', '北', 'Σ', 'İ'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => same(parts.join(''))),
      { numRuns: 500, seed: 20261204 },
    );
  });
});
