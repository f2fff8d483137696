/** The worst exit code wins over a batch (src/cli/exitCodes.ts). */
import * as assert from 'node:assert/strict';
import { Exit, worstExit } from '../../../src/cli/exitCodes';

describe('cli exit codes', () => {
  it('orders 0 < 1 < 3 < 4 < 2 < 130, whatever the order they come in', () => {
    assert.equal(worstExit([]), Exit.ok);
    assert.equal(worstExit([0, 0]), 0);
    assert.equal(worstExit([0, 1, 0]), 1);
    assert.equal(worstExit([1, 3]), 3);
    assert.equal(worstExit([4, 3, 1]), 4);
    assert.equal(worstExit([2, 4, 3, 1]), 2);
    assert.equal(worstExit([1, 2, 130, 0]), 130);
    assert.equal(worstExit([Exit.errors, Exit.usage].reverse()), Exit.usage);
  });

  it('counts an unknown code as a usage error', () => {
    assert.equal(worstExit([1, 7]), 7);
    assert.equal(worstExit([4, 7]), 7);
    assert.equal(worstExit([2, 7]), 2);
  });
});
