import * as assert from 'node:assert/strict';
import type { Item } from '../../../src/core/model';
import { parseIntake } from '../../../src/core/parser';

/** What the parser made of each item line of the first section: `key` for a field, `"text"` for a text item. */
function shapes(lines: string[], eol = '\n'): string[] {
  const items = parseIntake(['[客户行业]：保险', ...lines].join(eol)).intakes[0]!.sections[0]!.items;
  const out: string[] = [];
  const walk = (i: Item) => {
    out.push(i.kind === 'field' ? `${i.key}|${i.value?.text ?? ''}` : `"${i.value.text}"`);
    i.children.forEach(walk);
  };
  items.forEach(walk);
  return out;
}

describe('parseIntake: keys and placeholders as the line scan finds them', () => {
  it('reads a key of CJK ideographs, and not one with prose punctuation, too long, or only digits and dots', () => {
    assert.deepEqual(
      shapes([
        '- 细分领域：寿险',
        '- 这是一句话，不是键：值',
        '- 为什么？：值',
        '- 键、键：值',
        `- ${'长'.repeat(24)}：值`,
        `- ${'长'.repeat(25)}：值`,
        '- 12.5：值',
        '- 版本1.0：值',
        '- 𠀀键：值',
        '- **粗体键**：值',
        '- **粗体键：**值',
        '- 键**x**：值',
      ]),
      [
        '细分领域|寿险',
        '"这是一句话，不是键：值"',
        '"为什么？：值"',
        '"键、键：值"',
        `${'长'.repeat(24)}|值`,
        `"${'长'.repeat(25)}：值"`,
        '"12.5：值"',
        '版本1.0|值',
        '𠀀键|值',
        '粗体键|值',
        '粗体键|值',
        '"键**x**：值"',
      ],
    );
  });

  it('finds placeholders only within a line, whatever the line ending, and none split by a line break', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['[客户行业]：__(保险/政府)__', '- 键：值__', '(不是)__', '- 二：__(a)__ 和 __(b', '- 三：无', '- 四：__(如「500万+」)__'].join(eol);
      const file = parseIntake(text);
      assert.deepEqual(
        file.placeholders.map((p) => [p.range.start.line, p.range.start.character, p.inner, p.closed]),
        [
          [0, 7, '保险/政府', true],
          [3, 4, 'a', true],
          [3, 14, 'b', false],
          [5, 4, '如「500万+」', true],
        ],
        JSON.stringify(eol),
      );
      assert.deepEqual(
        file.problems.map((p) => [p.code, p.range.start.line]),
        [['intake.unclosed-placeholder', 3]],
      );
      const items = file.intakes[0]!.sections[0]!.items;
      assert.deepEqual(
        items.map((i) => (i.kind === 'field' ? (i.value?.placeholders.length ?? 0) : i.value.placeholders.length)),
        [0, 0, 2, 0, 1],
      );
    }
  });

  it('gives placeholders of the same text equal inner texts and one options list', () => {
    const file = parseIntake('[客户行业]：__(a/b)__\n- 一：__(a/b)__\n\n=====\n\n[客户行业]：__(a/b)__');
    const [a, b, c] = file.placeholders;
    assert.equal(file.placeholders.length, 3);
    assert.equal(a!.inner, 'a/b');
    assert.equal(b!.inner, 'a/b');
    assert.equal(c!.inner, 'a/b');
    assert.equal(a!.options, c!.options);
    assert.deepEqual(a!.options, ['a', 'b']);
  });
});
