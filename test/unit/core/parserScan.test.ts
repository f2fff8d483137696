import * as assert from 'node:assert/strict';
import type { Item } from '../../../src/core/model';
import { parseIntake } from '../../../src/core/parser';
import { plain } from '../helpers/ranges';

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

  it('ends an unclosed placeholder before trailing spaces and tabs, not before an ideographic space', () => {
    const file = parseIntake('- 键：__(如 x \t \n- 二：__(y\u3000\t\n- 三：__( \t');
    assert.deepEqual(
      file.placeholders.map((p) => [p.range.start.character, p.range.end.character, p.innerRange.start.character, p.innerRange.end.character, p.inner, p.closed]),
      [
        [4, 10, 7, 10, '如 x', false],
        [4, 9, 7, 9, 'y\u3000', false],
        [4, 7, 7, 7, '', false],
      ],
    );
    assert.deepEqual(
      file.problems.map((p) => [p.range.start.line, p.range.end.character]),
      [
        [0, 10],
        [1, 9],
        [2, 7],
      ],
    );
  });

  it('reads a line of 40,000 placeholders in linear time, each with its own range', () => {
    // Each new position was once compared with every earlier one of its line: this took 40 s.
    const n = 40_000;
    const file = parseIntake('[客户行业]：x\n- 键：' + '__(a)__'.repeat(n));
    assert.equal(file.placeholders.length, n);
    file.placeholders.forEach((p, i) => {
      const at = 4 + 7 * i;
      assert.deepEqual([p.range.start, p.innerRange.start, p.innerRange.end, p.range.end], [at, at + 3, at + 4, at + 7].map((character) => ({ line: 1, character })));
    });
    const value = file.intakes[0]!.sections[0]!.items[0]!.value!;
    assert.deepEqual(plain(value.range), { start: { line: 1, character: 4 }, end: { line: 1, character: 4 + 7 * n } });
    assert.equal(value.placeholders.length, n);
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

  it('gives the keys and values of repeated copies, whichever key or value came before', () => {
    // Copies in one order, then another, a key that starts like the guessed one, a longer and a
    // shorter value than the key's last one, and a section value repeated and changed.
    const copy = (a: string, b: string, v: string) => `[客户行业]：${v}\n- ${a}：${v}\n- ${b}：x${v}`;
    const text = [copy('甲', '乙', '保险'), copy('甲', '乙', '保险'), copy('乙', '甲', '保险x'), copy('甲乙', '乙', '保'), copy('甲', '乙甲', '')].join('\n\n=====\n\n');
    const file = parseIntake(text);
    const got = file.intakes.map((i) => i.sections.map((s) => [s.name, s.value?.text ?? '', ...s.items.map((x) => (x.kind === 'field' ? `${x.key}|${x.value?.text ?? ''}` : ''))].join(' ')));
    assert.deepEqual(got, [
      ['客户行业 保险 甲|保险 乙|x保险'],
      ['客户行业 保险 甲|保险 乙|x保险'],
      ['客户行业 保险x 乙|保险x 甲|x保险x'],
      ['客户行业 保 甲乙|保 乙|x保'],
      ['客户行业  甲| 乙甲|x'],
    ]);
  });

  it('trims a heading\'s text of every blank, as trim() does', () => {
    const file = parseIntake('## \u3000标题\u3000 ##\n### \u00a0二\u2003#\n[客户行业]：保险');
    assert.deepEqual(
      file.intakes[0]!.headings.map((h) => [h.level, h.text]),
      [
        [2, '标题'],
        [3, '二'],
      ],
    );
  });
});
