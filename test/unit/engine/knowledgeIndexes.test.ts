/**
 * The engine's alias indexes of the shipped knowledge base are put together from the plan the
 * build ships (src/core/engine/text/knowledgeIndexes.ts, AliasIndex.planned): they must be the
 * very indexes that the entries themselves make (the way a team's knowledge base gets them), list
 * by list, and find the same things.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AliasIndex } from '../../../src/core/engine/text/aliasIndex';
import { knowledgeIndex, knowledgeIndexPlans, type KnowledgeIndexName } from '../../../src/core/engine/text/knowledgeIndexes';
import { getKnowledgeBase, indexKnowledge, isShippedKnowledgeBase, type KnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { listExamples, readExample, readSeed } from '../helpers/seeds';
import { prng } from '../../bench/random';

const NAMES: KnowledgeIndexName[] = ['framework-aliases', 'industries', 'business-categories', 'estate-names', 'all-categories', 'product-names', 'locations'];

/** The index's lists, by first code unit (its private map, read for the comparison). */
function lists<T>(index: AliasIndex<T>): Map<number, unknown[]> {
  return (index as unknown as { byFirst: Map<number, unknown[]> }).byFirst;
}

/** The same knowledge base as another object: not the shipped one, so its indexes are made from their entries. */
function copyOf(kb: KnowledgeBase): KnowledgeBase {
  return indexKnowledge({ ...kb });
}

describe('knowledge indexes from the shipped plan', () => {
  const shipped = getKnowledgeBase();
  const copy = copyOf(shipped);

  it('tells the shipped knowledge base from another', () => {
    assert.equal(isShippedKnowledgeBase(shipped), true);
    assert.equal(isShippedKnowledgeBase(copy), false);
  });

  it('ships the plans the build works out from the knowledge base', () => {
    // The test bundles read their data from out/test/data/, written by the same build.
    const file = path.join(__dirname, '..', '..', 'data', 'alias-indexes.json');
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), JSON.parse(JSON.stringify(knowledgeIndexPlans(shipped))));
  });

  for (const name of NAMES) {
    it(`${name}: the same lists as the index made from the entries`, () => {
      const planned = lists(knowledgeIndex(shipped, name));
      const made = lists(knowledgeIndex(copy, name));
      assert.ok(made.size > 0);
      assert.deepEqual([...planned.keys()], [...made.keys()]);
      for (const [code, list] of made) assert.deepEqual(planned.get(code), list, `lists of ${String.fromCharCode(code)}`);
    });
  }

  it('finds the same in the seed and the examples', () => {
    const lines = [readSeed(), ...listExamples().map(readExample)].flatMap((text) => text.split('\n'));
    for (const name of NAMES) {
      const planned = knowledgeIndex(shipped, name);
      const made = knowledgeIndex(copy, name);
      let hits = 0;
      for (const line of lines) {
        const found = planned.find(line);
        hits += found.length;
        assert.deepEqual(found, made.find(line), `${name}: ${line}`);
      }
      if (name !== 'business-categories') assert.ok(hits > 0, `${name} finds something`);
    }
  });
});

describe('AliasIndex.planOf and AliasIndex.planned', () => {
  it('put together the index its entries make, for entries with case, blanks and ties', () => {
    const random = prng(7);
    const pieces = ['a', 'B', 'mq', 'SAP', ' ', '北京', 'İ', 'ß', '区', 'x1', '-', 'K'];
    for (let round = 0; round < 50; round++) {
      const entries = Array.from({ length: 1 + Math.floor(random() * 40) }, (_, i) => ({
        alias: Array.from({ length: 1 + Math.floor(random() * 4) }, () => pieces[Math.floor(random() * pieces.length)]!).join(''),
        value: `v${i}`,
      }));
      const made = new AliasIndex(entries);
      const planned = AliasIndex.planned(AliasIndex.planOf(entries.map((e, i) => ({ alias: e.alias, value: i }))), (ref) => entries[ref]!);
      assert.deepEqual(lists(planned), lists(made));
      for (const text of ['SAP北京区 mq', ' b a  sapmq', 'İ ß k x1', entries.map((e) => e.alias).join('，')]) assert.deepEqual(planned.find(text), made.find(text));
    }
  });
});
