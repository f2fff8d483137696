import * as assert from 'node:assert/strict';
import { lineStarts } from '../../../src/core/document';
import type { Item } from '../../../src/core/model';
import { parseIntake } from '../../../src/core/parser';

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

  it('fills lineStarts with the start of every line, as lineStarts() gives them, whatever the line breaks', () => {
    for (const text of [TEXT, TEXT.replace(/\n/g, '\r\n'), TEXT.replace(/\n/g, '\r'), 'a\r\n\rb\n\r\n', '', '\n']) {
      const starts: number[] = [];
      parseIntake(text, { firstLine: 3, firstIntakeIndex: 0, lineStarts: starts });
      assert.deepEqual(starts, lineStarts(text), JSON.stringify(text));
    }
  });
});
