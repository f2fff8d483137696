/**
 * detectConstraints runs a constraint's pattern only on a text that holds one of its words
 * (constraints.ts): that must never skip a text the pattern matches. Held over every line of the
 * examples and fixtures and over generated texts made of the patterns' own pieces.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { PRETESTED } from '../../../src/core/engine/understand/constraints';
import { holdsAny } from '../../../src/core/text/holdsAny';
import { listExamples, listFixtures, readExample, readFixture } from '../helpers/seeds';

const RUNS = { numRuns: 2000, seed: 20261205 };

/** The Chinese runs of a pattern's source, and each of their characters. */
function piecesOf(re: RegExp): string[] {
  const runs = re.source.match(/\p{Script=Han}+/gu) ?? [];
  return [...new Set([...runs, ...runs.flatMap((r) => [...r])])];
}

describe('constraint patterns and their words', () => {
  it('every match of a pattern holds one of its words, on every example and fixture line', () => {
    const lines = [...listExamples().map(readExample), ...listFixtures().map(readFixture)].flatMap((t) => t.split(/\r\n|\r|\n/));
    let matched = 0;
    for (const { pattern: re, words } of PRETESTED) {
      for (const line of lines) {
        if (!re.test(line)) continue;
        matched++;
        assert.ok(holdsAny(line, words), `${re.source} matches ${line} but it holds none of ${words.join(', ')}`);
      }
    }
    assert.ok(matched > 0, 'the corpus has lines the patterns match');
  });

  it('every match of a pattern holds one of its words, on texts made of the patterns\' pieces', () => {
    for (const { pattern: re, words } of PRETESTED) {
      const piece = fc.constantFrom(...piecesOf(re), '，', '。', 'x', ' ', '中国');
      const texts = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
      let matched = 0;
      fc.assert(
        fc.property(texts, (t) => {
          if (!re.test(t)) return true;
          matched++;
          return holdsAny(t, words);
        }),
        RUNS,
      );
      assert.ok(matched > 0, `the generated texts match ${re.source}`);
    }
  });
});
