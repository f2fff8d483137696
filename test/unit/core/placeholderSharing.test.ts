import * as assert from 'node:assert/strict';
import { DocumentAnalysis } from '../../../src/core/documents/documentAnalysis';
import type { Placeholder } from '../../../src/core/model';
import { parseIntake } from '../../../src/core/parser';
import { IntakeValidator } from '../../../src/core/validator';

describe('placeholders of one content share what they offer', () => {
  const text = ['[客户行业]：__(保险/政府/航空)__', '[需求]：', '- 行业：__(保险/政府/航空)__', '- 规模：__(如「500万+」)__', '- 另一规模：__(如「500万+」)__'].join('\n');

  it('one options list, and one diagnostic data object, per content', () => {
    const file = parseIntake(text);
    const [a, b, c, d] = file.placeholders;
    assert.equal(a!.options, b!.options);
    assert.deepEqual(a!.options, ['保险', '政府', '航空']);
    assert.equal(c!.options, d!.options);
    assert.equal(c!.example, '500万+');
    const data = DocumentAnalysis.of(text)
      .diagnostics()
      .filter((x) => x.code === 'intake.placeholder')
      .map((x) => x.data);
    assert.equal(data.length, 4);
    assert.equal(data[0], data[1]);
    assert.equal(data[2], data[3]);
    assert.deepEqual(data[0], { kind: 'placeholder', options: ['保险', '政府', '航空'] });
    assert.deepEqual(data[2], { kind: 'placeholder', options: [], example: '500万+' });
    assert.ok(!('example' in data[0]!));
  });
});

describe('a document version forgets its placeholder messages once its diagnostics are made', () => {
  it('makes the same diagnostic again when asked for one after', () => {
    const text = ['[客户行业]：__(保险/政府/航空)__', '- 规模：__(如「500万+」)__', '- 另一规模：__(如「500万+」)__'].join('\n');
    const a = DocumentAnalysis.of(text);
    const made = a.diagnostics().filter((d) => d.code === 'intake.placeholder');
    assert.equal(made.length, 3);
    assert.equal(made[1]!.data, made[2]!.data, 'shared while the diagnostics were made');
    a.file.placeholders.forEach((p, i) => assert.deepEqual(a.validator.placeholder(p, 0), made[i]));
    assert.equal(a.diagnostics(), a.diagnostics());
  });
});

describe('parseIntake: placeholders of the same text', () => {
  it('gives copies in a repeated order, and in another, the contents of their own text', () => {
    // The second copy repeats the order (each guess right); the third breaks it with texts of the
    // guessed one's length (a/c for a/b) and with a longer text that starts like it (a/bc).
    const copy = (x: string, y: string) => `[客户行业]：保险\n- 甲：__(${x})__\n- 乙：__(${y})__ 和 __(例如：1)__`;
    const file = parseIntake([copy('a/b', 'x/y'), copy('a/b', 'x/y'), copy('a/c', 'a/bc')].join('\n\n=====\n\n'));
    const inner = file.placeholders.map((p) => p.inner);
    assert.deepEqual(inner, ['a/b', 'x/y', '例如：1', 'a/b', 'x/y', '例如：1', 'a/c', 'a/bc', '例如：1']);
    assert.deepEqual(
      file.placeholders.map((p) => p.options),
      [['a', 'b'], ['x', 'y'], [], ['a', 'b'], ['x', 'y'], [], ['a', 'c'], ['a', 'bc'], []],
    );
    assert.equal(file.placeholders[3]!.options, file.placeholders[0]!.options);
    assert.equal(file.placeholders[7]!.example, undefined);
    assert.equal(file.placeholders[8]!.example, '1');
  });
});

describe('placeholder diagnostics: one message and data per options list', () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
  const placeholder = (inner: string, options: string[], example?: string): Placeholder => ({ range, inner, innerRange: range, options, ...(example !== undefined ? { example } : {}), closed: true });

  it('gives each placeholder the message and data a validator of its own would, whatever came before', () => {
    // Lists shared by placeholders of other examples (an empty list), other texts, the same text.
    const none: string[] = [];
    const two = ['a', 'b'];
    const list = [
      placeholder('如「1」', none, '1'),
      placeholder('如「2」', none, '2'),
      placeholder('', none),
      placeholder('如「1」', none, '1'),
      placeholder('x', none, ''),
      placeholder('a/b', two),
      placeholder('a / b', two),
      placeholder('a/b', ['a', 'b']),
      placeholder('a/c', ['a', 'c']),
      placeholder('a/b', two),
    ];
    const shared = new IntakeValidator();
    const data = list.map((p, i) => {
      const d = shared.placeholder(p, i);
      assert.deepEqual(d, new IntakeValidator().placeholder(p, i), `placeholder ${i}`);
      return d.data;
    });
    assert.deepEqual(data[0], { kind: 'placeholder', options: [], example: '1' });
    assert.deepEqual(data[2], { kind: 'placeholder', options: [] });
    assert.deepEqual(data[4], { kind: 'placeholder', options: [], example: '' });
    assert.equal(data[5], data[6], 'one data object for one list');
    assert.equal(shared.placeholder(list[5]!, 0).message, 'Unfilled placeholder; choose one of: a / b.');
    assert.equal(shared.placeholder(list[0]!, 0).message, 'Unfilled placeholder, for example: 1.');
    assert.equal(shared.placeholder(list[2]!, 0).message, 'Unfilled placeholder.');
    assert.equal(shared.placeholder(list[4]!, 0).message, 'Unfilled placeholder.');
  });
});
