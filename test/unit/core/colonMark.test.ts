import * as assert from 'node:assert/strict';
import { ColonMark, moveColon } from '../../../src/core/colonMark';
import { colonOf } from '../../../src/core/fieldParts';
import { LineRange } from '../../../src/core/lineRange';
import { parseIntake } from '../../../src/core/parser';

describe('ColonMark', () => {
  it('is a colon and its one-character range, read as a LineRange', () => {
    const c = new ColonMark('：', 3, 7);
    assert.ok(c.range instanceof LineRange);
    assert.deepEqual(c.range.toJSON(), { start: { line: 3, character: 7 }, end: { line: 3, character: 8 } });
  });

  it('writes the JSON of a plain colon, keys in the same order', () => {
    const plainColon = { char: ':', range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } } };
    assert.equal(JSON.stringify(new ColonMark(':', 1, 4)), JSON.stringify(plainColon));
  });

  it('moves a ColonMark or a plain colon by lines, as a ColonMark', () => {
    const moved = moveColon(new ColonMark('：', 3, 7), -2);
    assert.ok(moved instanceof ColonMark);
    assert.deepEqual(moved.toJSON(), { char: '：', range: { start: { line: 1, character: 7 }, end: { line: 1, character: 8 } } });
    const fromPlain = moveColon({ char: ':', range: { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } } }, 5);
    assert.deepEqual(fromPlain.toJSON(), { char: ':', range: { start: { line: 5, character: 2 }, end: { line: 5, character: 3 } } });
  });

  it('is what the parser gives fields and section headers, at their colon', () => {
    const text = '[客户行业]：保险\n- 细分领域: 寿险\n- **预算**：100万';
    const section = parseIntake(text).intakes[0]!.sections[0]!;
    const colons = [section.colon!, ...section.items.map((i) => (i.kind === 'field' ? colonOf(i) : undefined))];
    assert.deepEqual(
      colons.map((c) => (c instanceof ColonMark ? [c.char, c.line, c.character] : c)),
      [
        ['：', 0, 6],
        [':', 1, 6],
        ['：', 2, 8],
      ],
    );
    const lines = text.split('\n');
    for (const c of colons) assert.equal(lines[c!.range.start.line]!.charAt(c!.range.start.character), c!.char);
  });
});
