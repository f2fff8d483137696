import * as assert from 'node:assert/strict';
import { holdsAny } from '../../../src/core/text/holdsAny';

describe('holdsAny', () => {
  it('is true when any word is a substring, wherever it sits', () => {
    assert.equal(holdsAny('寿险与财险', ['银行', '财险']), true);
    assert.equal(holdsAny('财险', ['财险']), true);
  });

  it('is false for no words, and for words that only differ in case', () => {
    assert.equal(holdsAny('寿险', []), false);
    assert.equal(holdsAny('Kafka', ['kafka']), false);
  });

  it('treats the empty word as held, as String.includes does', () => {
    assert.equal(holdsAny('', ['']), true);
  });
});
