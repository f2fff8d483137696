/** mapJsonStrings: the same copy as a JSON round trip with a string reviver, on reports and on odd values. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateReport } from '../../../src/core/engine/generate';
import { mapJsonStrings } from '../../../src/core/engine/text/mapJsonStrings';
import { parseIntake } from '../../../src/core/parser';
import { readSeed } from '../helpers/seeds';

const upper = (s: string) => `«${s.toUpperCase()}»`;
const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'string' ? upper(v) : v)) as unknown;

describe('mapJsonStrings', () => {
  it('copies every report of the seed as the JSON round trip does', () => {
    const file = parseIntake(readSeed());
    for (let i = 0; i < file.intakes.length; i++) {
      const model = generateReport(file, i, { asOf: '2026-06-01' });
      const copy = mapJsonStrings(model, upper);
      assert.deepEqual(copy, roundTrip(model));
      assert.notEqual(copy, model);
    }
  });

  it('leaves out undefined properties and functions, writes holes, undefined and non-finite numbers in arrays as null', () => {
    const odd = { a: undefined, b: () => 1, c: [undefined, NaN, Infinity, -0, 1, 'x', () => 2, null], d: { e: 'y', f: true }, g: new Date(0), h: [, 'z'], ['__proto__']: 'p' };
    Object.defineProperty(odd, '__proto__', { value: { q: 'r' }, enumerable: true });
    const copy = mapJsonStrings(odd, upper);
    assert.deepEqual(copy, roundTrip(odd));
    assert.equal(Object.getPrototypeOf(copy), Object.prototype);
  });

  it('agrees with the round trip on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => assert.deepEqual(mapJsonStrings(value, upper), roundTrip(value))), { numRuns: 300 });
  });
});
