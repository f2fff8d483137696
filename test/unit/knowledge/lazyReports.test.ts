/**
 * The guard for the lazy details (src/core/knowledge/lazyDetails.ts): a bare spread, `Object.keys`
 * or `structuredClone` of an embedded entry sees only its index fields, and nothing flags such
 * code. If engine code ever copied an entry that way, its reports would lose what the details
 * hold. So every report of the examples and the eval intakes is made twice, with the embedded
 * base and with a base of plain copies of every entry (where a spread keeps everything), and the
 * two must be the same, byte for byte.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateReport } from '../../../src/core/engine/generate';
import { getKnowledgeBase, indexKnowledge, type KnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { copyEntry } from '../../../src/core/knowledge/lazyDetails';
import { parseIntake } from '../../../src/core/parser';
import { renderMarkdown } from '../../../src/core/render/markdown';
import { fixturesDir, listExamples, readExample, readFixture } from '../helpers/seeds';

const AS_OF = '2026-06-01';

/** The embedded base with every entry a plain object holding all its fields. */
function plainBase(kb: KnowledgeBase): KnowledgeBase {
  return indexKnowledge({
    ...kb,
    categories: kb.categories.map(copyEntry),
    industries: kb.industries.map(copyEntry),
    lifecycle: kb.lifecycle.map(copyEntry),
    products: kb.products.map(copyEntry),
    rules: kb.rules.map(copyEntry),
  });
}

function intakes(): [string, string][] {
  const evalDir = path.join(fixturesDir(), 'eval');
  return [
    ...listExamples().map((name): [string, string] => [`examples/${name}`, readExample(name)]),
    ...fs
      .readdirSync(evalDir)
      .filter((f) => f.endsWith('.intake'))
      .sort()
      .map((name): [string, string] => [`eval/${name}`, readFixture(`eval/${name}`)]),
  ];
}

describe('reports with lazy knowledge details', () => {
  const lazy = getKnowledgeBase();
  const plain = plainBase(lazy);

  it('copies hold plain objects with every detail (the premise of this test)', () => {
    const p = plain.products[0]!;
    assert.equal(Object.getPrototypeOf(p), Object.prototype);
    assert.deepEqual(Object.keys(p), Object.keys(JSON.parse(JSON.stringify(lazy.products[0])) as object));
  });

  for (const [name, text] of intakes()) {
    it(`${name}: the same report from the embedded base and from plain copies`, () => {
      const file = parseIntake(text);
      for (let i = 0; i < file.intakes.length; i++) {
        const fromPlain = renderMarkdown(generateReport(file, i, { asOf: AS_OF, kb: plain }));
        const fromLazy = renderMarkdown(generateReport(file, i, { asOf: AS_OF, kb: lazy }));
        assert.equal(fromLazy, fromPlain, `intake ${i + 1}`);
      }
    });
  }
});
