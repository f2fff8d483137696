/**
 * The rules' gates as one table (src/core/knowledge/gateTable.ts): what the build ships, packed,
 * in the knowledge base's index, and what the rule evaluation looks the gates up in.
 */
import * as assert from 'node:assert/strict';
import { gatesFor, gatesOf, packGates, packNumbers, shippedGates, unpackGates, unpackNumbers, type Gates } from '../../../src/core/knowledge/gateTable';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { copyEntry } from '../../../src/core/knowledge/lazyDetails';
import { gateOf } from '../../../src/core/knowledge/matcherNeeds';
import type { Rule } from '../../../src/core/knowledge/schema';

/** The gate of rule `order` as the table holds it: its groups' strings (each sorted, in group order), and its other strings. */
function gateIn(gates: Gates, order: number): { gate: string[][]; needles: string[] } {
  const byGroup = new Map<number, string[]>();
  gates.needles.forEach((needle, i) => {
    for (let k = gates.starts[i]!; k < gates.starts[i + 1]!; k++) {
      const group = gates.groups[k]!;
      if (gates.groupRule[group] === order) byGroup.set(group, [...(byGroup.get(group) ?? []), needle]);
    }
  });
  const others = gates.others.subarray(gates.otherStarts[order], gates.otherStarts[order + 1]);
  return { gate: [...byGroup].sort(([a], [b]) => a - b).map(([, g]) => g.sort()), needles: Array.from(others, (id) => gates.needles[id]!) };
}

/** A rule's gate with each group sorted, to compare with gateIn. */
const sorted = (g: { gate: readonly (readonly string[])[]; needles: readonly string[] }) => ({ gate: g.gate.map((group) => [...group].sort()), needles: [...g.needles] });

describe('gate table', () => {
  const three = [
    { gate: [['阿里云', 'aliyun'], ['跨', '海外']], needles: ['专线'] },
    { gate: [], needles: ['压测'] },
    { gate: [['海外', '境外']], needles: [] },
  ];

  it('numbers each needed string once, lists the groups it is in, and the rule of each group', () => {
    const gates = gatesOf(three);
    assert.deepEqual(gates.needles, ['专线', '阿里云', 'aliyun', '跨', '海外', '压测', '境外']);
    // Groups 0 and 1 are the first rule's, group 2 the third's; 海外 is in groups 1 and 2.
    assert.deepEqual([...gates.groupRule], [0, 0, 2]);
    const groupsOf = (needle: string) => {
      const i = gates.needles.indexOf(needle);
      return [...gates.groups.subarray(gates.starts[i], gates.starts[i + 1])];
    };
    assert.deepEqual(groupsOf('海外'), [1, 2]);
    assert.deepEqual(groupsOf('阿里云'), [0]);
    assert.deepEqual(groupsOf('专线'), []);
    assert.deepEqual([...gates.ungated], [1]);
    three.forEach((gate, order) => assert.deepEqual(gateIn(gates, order), sorted(gate)));
  });

  it('packs and unpacks to the same gates', () => {
    const gates = gatesOf(three);
    const packed = packGates(gates);
    assert.equal(typeof packed.groups, 'string');
    assert.deepEqual(unpackGates(JSON.parse(JSON.stringify(packed)) as typeof packed), gates);
    // No needed string and one empty needed string both join to '': the count tells them apart.
    assert.deepEqual(unpackGates(packGates(gatesOf([{ gate: [], needles: [] }]))).needles, []);
    assert.deepEqual(unpackGates(packGates(gatesOf([{ gate: [['']], needles: [] }]))).needles, ['']);
  });

  it('packs numbers a character each, past what JSON escapes, and refuses what it cannot', () => {
    const list = [0, 1, 34, 92, 709, 55_039];
    const packed = packNumbers(list);
    assert.equal(packed.length, list.length);
    assert.equal(JSON.stringify(packed).length, packed.length + 2, 'no character escaped');
    assert.deepEqual([...unpackNumbers(packed)], list);
    assert.deepEqual([...unpackNumbers(packNumbers(Array.from({ length: 10_000 }, (_, i) => i)))].at(-1), 9_999);
    for (const bad of [-1, 1.5, 55_040]) assert.throws(() => packNumbers([bad]), /cannot pack/);
  });

  it('refuses to pack a needed string with a line break, which the joined strings could not hold', () => {
    assert.throws(() => packGates(gatesOf([{ gate: [['a\nb']], needles: [] }])), /line break/);
  });

  it('ships the embedded rules\' gates as their own gates give them', () => {
    const embedded = getKnowledgeBase().rules;
    const shipped = shippedGates(embedded)!;
    assert.deepEqual(shipped, gatesOf(embedded.map((r) => gateOf(r))));
    assert.equal(gatesFor(embedded, () => assert.fail('the embedded list has its gates')), shipped);
  });

  it('gives a list a team made of embedded rules their gates from the build\'s, and works out only the others\'', () => {
    const embedded = getKnowledgeBase().rules;
    const own = { ...copyEntry(embedded[3]!), id: 'team-rule' } as Rule;
    const asked: string[] = [];
    const gates = gatesFor([embedded[0]!, embedded[2]!, embedded[5]!, own], (rule) => {
      asked.push(rule.id);
      return gateOf(rule);
    });
    assert.deepEqual(asked, ['team-rule']);
    [0, 2, 5].forEach((order, i) => assert.deepEqual(gateIn(gates, i), sorted(gateOf(embedded[order]!)), embedded[order]!.id));
    assert.deepEqual(gateIn(gates, 3), sorted(gateOf(own)));
  });
});
