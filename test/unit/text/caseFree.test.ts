/** Patterns that match the same with `u` as with `iu` (src/core/text/caseFree.ts), as the knowledge base ships them. */
import * as assert from 'node:assert/strict';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import type { ShippedMatcher } from '../../../src/core/knowledge/matcherNeeds';
import { caseFree } from '../../../src/core/text/caseFree';
import { listExamples, listFixtures, readExample, readFixture } from '../helpers/seeds';

const matchers = getKnowledgeBase().rules.flatMap((r) => [...r.all, ...r.any, ...r.none] as ShippedMatcher[]);

describe('caseFree', () => {
  const cases: Array<[pattern: string, free: boolean]> = [
    ['数据库审计|数据库.{0,6}审计', true],
    ['(?:降低|减少)[^，；。]{0,6}\\d+\\s*%', true],
    ['[\\p{Script=Han}]{2}(?<!机房)', true],
    ['[-，。]|[，-]', true],
    // Letters, in any case or width.
    ['PUE', false],
    ['数据库pue', false],
    ['ＡＷＳ', false],
    ['ß', false],
    // What could stand for a letter, or changes with `i`: escapes, ranges, other properties, names.
    ['\\x41', false],
    ['\\u0041', false],
    ['\\w+', false],
    ['中\\b', false],
    ['[!-~]', false],
    ['\\p{Lu}', false],
    ['(?<n>云)\\k<n>', false],
    ['(云)\\1', false],
  ];
  for (const [pattern, free] of cases) {
    it(`/${pattern}/ is ${free ? '' : 'not '}case-free`, () => assert.equal(caseFree(pattern), free));
  }

  it('ships every rule matcher of the knowledge base marked as caseFree tells', () => {
    for (const m of matchers) assert.equal(m.caseless, caseFree(m.pattern) ? true : undefined, m.pattern);
    assert.ok(matchers.filter((m) => m.caseless).length > 20, 'fewer case-free patterns than expected');
  });

  it('finds the same with and without `i` in every example and fixture line, and odd cases', () => {
    const lines = [...listExamples().map(readExample), ...listFixtures().map(readFixture)].flatMap((t) => t.split(/\r\n|\r|\n/));
    lines.push('ſ 审计 \u212A 数据库审计', 'ＡＷＳ 降低成本 30%', '数据库 审计');
    let matched = 0;
    for (const m of matchers.filter((x) => x.caseless)) {
      const withCase = new RegExp(m.pattern, 'giu');
      const without = new RegExp(m.pattern, 'gu');
      for (const line of lines) {
        const a = [...line.matchAll(withCase)].map((x) => `${x.index}:${x[0]}`);
        assert.deepEqual([...line.matchAll(without)].map((x) => `${x.index}:${x[0]}`), a, `/${m.pattern}/ on ${JSON.stringify(line)}`);
        matched += a.length;
      }
    }
    assert.ok(matched > 20, `only ${matched} matches compared`);
  });
});
