import * as assert from 'assert';
import type { Fact } from '../../../src/core/facts/facts';
import { TriggerIndex } from '../../../src/core/engine/plan/triggered';
import type { RuleHit } from '../../../src/core/engine/rules';

/** Facts and hits as the plan sees them: only the identities of the facts matter. */
const facts = Array.from({ length: 6 }, (_, i) => ({ line: i }) as unknown as Fact);
const hit = (name: string, ...at: number[]) => ({ rule: { id: name }, evidence: [], triggers: at.map((i) => facts[i]!) }) as unknown as RuleHit;
const hits = [hit('a', 0), hit('b', 1, 2), hit('c', 2, 2, 0), hit('d'), hit('e', 5), hit('f', 1)];

describe('TriggerIndex', () => {
  const index = new TriggerIndex(hits);

  it('gives the hits any of the facts triggered, in the hits’ order, as filtering the hits does', () => {
    // Every subset of the facts, in both orders.
    for (let mask = 0; mask < 1 << facts.length; mask++) {
      const some = facts.filter((_, i) => (mask & (1 << i)) !== 0);
      for (const asked of [some, [...some].reverse()]) {
        const expected = hits.filter((h) => h.triggers.some((f) => asked.includes(f)));
        assert.deepStrictEqual(index.triggeredBy(asked), expected, `facts ${asked.map((f) => f.line).join(',')}`);
      }
    }
  });

  it('gives each hit once, when several of the facts or one fact twice triggered it', () => {
    assert.deepStrictEqual(index.triggeredBy([facts[2]!, facts[0]!, facts[2]!]).map((h) => h.rule.id), ['a', 'b', 'c']);
  });

  it('gives a fresh list each time (the plan sorts it)', () => {
    const first = index.triggeredBy([facts[1]!]);
    first.reverse();
    assert.deepStrictEqual(index.triggeredBy([facts[1]!]).map((h) => h.rule.id), ['b', 'f']);
  });
});
