/** The location aliases the build ships with the knowledge base's locations (src/core/knowledge/placeAliases.ts). */
import * as assert from 'node:assert/strict';
import { getLocations } from '../../../src/core/knowledge/knowledge';
import { placeAliases, placeAliasesOf, withoutPlaceAliases } from '../../../src/core/knowledge/placeAliases';
import { LocationsFileSchema, type Location } from '../../../src/core/knowledge/schema';

describe('placeAliases', () => {
  it('ships the list the run time would work out for the knowledge base locations', () => {
    const locations = getLocations();
    const shipped = placeAliasesOf(locations);
    const worked = placeAliases(locations);
    // Shipped, not worked out again: a list of its own, equal to the one worked out here.
    assert.notEqual(shipped, placeAliasesOf(locations.slice()));
    assert.deepEqual(shipped, worked);
    assert.ok(shipped.length > 500, `${shipped.length} aliases`);
  });

  it('works the list out for other locations (a team’s): trimmed, lower-cased, once per location, longest first', () => {
    const at = (id: string, name: string, aliases: string[]) => ({ ...getLocations()[0]!, id, name, aliases }) as Location;
    const locations = [at('b', 'Beta', [' AWS Beijing ', 'aws beijing', 'x', '北京']), at('a', 'Alpha', ['北京', 'Zed'])];
    assert.deepEqual(placeAliasesOf(locations), [
      ['aws beijing', 0],
      ['alpha', 1],
      ['beta', 0],
      ['zed', 1],
      ['北京', 1],
      ['北京', 0],
    ]);
  });

  it('leaves out of what the schema validates only `placeAliases`', () => {
    const locations = getLocations();
    assert.ok(LocationsFileSchema.safeParse(withoutPlaceAliases({ locations, placeAliases: placeAliases(locations) })).success);
    assert.equal(LocationsFileSchema.safeParse(withoutPlaceAliases({ locations, other: 1 })).success, false);
  });
});
