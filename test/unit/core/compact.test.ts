import * as assert from 'node:assert/strict';
import { compact } from '../../../src/core/validator';

describe('compact (the lists a section keeps)', () => {
  it('gives every empty list as one shared, frozen empty list', () => {
    const a = compact<number>([]);
    assert.equal(a, compact<string>([]));
    assert.equal(a.length, 0);
    assert.ok(Object.isFrozen(a));
  });

  it('copies a list with items: the same items in the same order, not the same array', () => {
    const list = [3, 1, 2];
    const kept = compact(list);
    assert.deepEqual(kept, [3, 1, 2]);
    assert.notEqual(kept, list);
    list.push(4);
    assert.deepEqual(kept, [3, 1, 2], 'later pushes to the list do not reach the kept one');
  });
});
