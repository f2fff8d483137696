import * as assert from 'node:assert/strict';
import type { Item } from '../../../src/core/model';
import { parseIntake } from '../../../src/core/parser';
import { plain } from '../helpers/ranges';

const TEXT = ['[客户行业]：保险', '- 预算：100万', '  - 明细：__(a/b)__', '  - 备注', '- 空：', '- ', '纯文本'].join('\n');

function items(text: string): Item[] {
  return parseIntake(text).intakes[0]!.sections[0]!.items;
}

describe('parseIntake: the lists of the tree', () => {
  it('shares one frozen empty list among the items without children and the values without placeholders', () => {
    const [budget, empty, bullet, prose] = items(TEXT);
    assert.equal(empty!.children, bullet!.children);
    assert.equal(empty!.children, prose!.children);
    assert.ok(Object.isFrozen(empty!.children));
    const placeholders = (item: Item | undefined) => (item?.kind === 'field' ? item.value?.placeholders : item?.value.placeholders);
    assert.equal(placeholders(budget), placeholders(prose));
    assert.equal(placeholders(budget)?.length, 0);
  });

  it('gives an item its own list of children when it gets the first, and keeps the order', () => {
    const [budget] = items(TEXT);
    assert.ok(!Object.isFrozen(budget!.children));
    assert.deepEqual(
      budget!.children.map((c) => (c.kind === 'field' ? c.key : c.value.text)),
      ['明细', '备注'],
    );
    assert.equal(budget!.children[0]!.kind === 'field' && budget!.children[0]!.value!.placeholders.length, 1);
  });

  it("gives a value that is nothing but a placeholder that placeholder's range, and any other value its own", () => {
    const file = parseIntake('[客户行业]：保险\n- 行业：__(a/b)__  \n- 预算：约__(a/b)__\n- 两个：__(a)__ __(b)__');
    const [only, after, two] = file.intakes[0]!.sections[0]!.items.map((i) => (i.kind === 'field' ? i.value! : i.value));
    assert.equal(only!.range, only!.placeholders[0]!.range);
    assert.deepEqual(plain(only!.range), { start: { line: 1, character: 5 }, end: { line: 1, character: 14 } });
    assert.notEqual(after!.range, after!.placeholders[0]!.range);
    assert.equal(after!.range.start.character, 5);
    assert.equal(two!.placeholders.length, 2);
    assert.deepEqual(plain(two!.range), { start: { line: 3, character: 5 }, end: { line: 3, character: 20 } });
  });
});
