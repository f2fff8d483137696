import * as assert from 'node:assert/strict';
import type { FieldItem } from '../../../src/core/model';
import { parseIntake } from '../../../src/core/parser';
import { forEachField, walkFields } from '../../../src/core/walk';
import { listExamples, readExample, readSeed } from '../helpers/seeds';

describe('forEachField', () => {
  it('visits the fields walkFields yields, in the same order (nested lists included), in every example and the seed', () => {
    let nested = 0;
    for (const text of [readSeed(), ...listExamples().map(readExample)]) {
      for (const intake of parseIntake(text).intakes) {
        for (const section of intake.sections) {
          const visited: FieldItem[] = [];
          forEachField(section.items, (f) => visited.push(f));
          assert.deepEqual(visited, [...walkFields(section.items)]);
          nested += section.items.filter((i) => i.children.length > 0).length;
        }
      }
    }
    assert.ok(nested > 0, 'the texts have nested items');
  });
});
