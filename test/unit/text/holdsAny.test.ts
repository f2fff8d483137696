import * as assert from 'node:assert/strict';
import { holdsAny, holdsAnyCaseless } from '../../../src/core/text/holdsAny';

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

describe('holdsAnyCaseless', () => {
  it('is true when any word is a substring, case aside, on either side', () => {
    assert.equal(holdsAnyCaseless('经SaaS交付', ['saas']), true);
    assert.equal(holdsAnyCaseless('opc ua与modbus', ['OPC UA']), true);
    assert.equal(holdsAnyCaseless('Kafka集群', ['Pulsar', 'KAFKA']), true);
  });

  it('is false for no words and for words it does not hold', () => {
    assert.equal(holdsAnyCaseless('SAP ECC', []), false);
    assert.equal(holdsAnyCaseless('SAP ECC', ['S/4HANA']), false);
  });
});
