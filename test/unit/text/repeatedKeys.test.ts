import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { RepeatedKeys } from '../../../src/core/text/repeatedKeys';

describe('RepeatedKeys', () => {
  it('gives the text of the piece, whether the guess is right, of the same length, longer or a prefix', () => {
    const keys = new RepeatedKeys();
    const line = 'ab：x abc：y ac：z';
    // a then b, then a again: the guess after a is b.
    assert.equal(keys.keyIn('a', 0, 1).key, 'a');
    assert.equal(keys.keyIn('b', 0, 1).key, 'b');
    assert.equal(keys.keyIn('a', 0, 1).key, 'a');
    // guess b, same length, other text
    assert.equal(keys.keyIn('c', 0, 1).key, 'c');
    assert.equal(keys.keyIn('a', 0, 1).key, 'a');
    // guess c (set last), a longer text starting like it, then a prefix of a text
    assert.equal(keys.keyIn('cd', 0, 2).key, 'cd');
    assert.equal(keys.keyIn(line, 0, 2).key, 'ab');
    assert.equal(keys.keyIn(line, 5, 8).key, 'abc');
    assert.equal(keys.keyIn(line, 11, 13).key, 'ac');
  });

  it('gives one entry per text, and the last value of a key when the value repeats it', () => {
    const keys = new RepeatedKeys();
    const a = keys.keyIn('- 甲：1', 2, 3);
    const b = keys.keyIn('- 乙：1', 2, 3);
    assert.equal(keys.keyIn('甲', 0, 1), a);
    assert.equal(keys.keyIn('乙', 0, 1), b);
    assert.equal(RepeatedKeys.valueIn(a, 'x：值', 2, 3), '值');
    assert.equal(a.value, '值');
    assert.equal(RepeatedKeys.valueIn(a, '值值', 1, 2), '值');
    assert.equal(RepeatedKeys.valueIn(a, '值值', 0, 2), '值值');
    assert.equal(RepeatedKeys.valueIn(a, '他', 0, 1), '他');
    assert.equal(b.value, undefined);
  });

  it('gives the slices, on any sequence of pieces', () => {
    const unit = fc.constantFrom('a', 'b', '甲', '乙', '：', ' ', '\ud800');
    const piece = fc.tuple(fc.array(unit, { maxLength: 12 }).map((xs) => xs.join('')), fc.nat(), fc.nat(), fc.nat(), fc.nat());
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const keys = new RepeatedKeys();
        for (const [line, x, y, u, v] of pieces) {
          const start = x % (line.length + 1);
          const end = start + (y % (line.length - start + 1));
          const entry = keys.keyIn(line, start, end);
          assert.equal(entry.key, line.slice(start, end));
          const from = u % (line.length + 1);
          const to = from + (v % (line.length - from + 1));
          assert.equal(RepeatedKeys.valueIn(entry, line, from, to), line.slice(from, to));
        }
      }),
      { numRuns: 400 },
    );
  });
});
