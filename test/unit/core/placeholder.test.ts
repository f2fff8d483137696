import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { analyzePlaceholder, ParsedPlaceholder, suggestedFill } from '../../../src/core/placeholder';
import { DocumentAnalysis } from '../../../src/core/documents/documentAnalysis';
import { validate } from '../../../src/core/validator';
import { readSeed } from '../helpers/seeds';
import { plain } from '../helpers/ranges';

describe('placeholders', () => {
  describe('analyzePlaceholder', () => {
    it('offers each option of `保险/政府/航空/零售等`, dropping the trailing 等', () => {
      assert.deepEqual(analyzePlaceholder('保险/政府/航空/零售等'), { options: ['保险', '政府', '航空', '零售'] });
    });

    it('gives the example of `如「500万+」`', () => {
      assert.deepEqual(analyzePlaceholder('如「500万+」'), { options: [], example: '500万+' });
    });

    it('gives the example of `例：500万+注册用户`', () => {
      assert.deepEqual(analyzePlaceholder('例：500万+注册用户'), { options: [], example: '500万+注册用户' });
    });

    it('reads quoted examples after other words (`描述如「…」`, `目标如「…」`)', () => {
      assert.equal(analyzePlaceholder('描述如「多云监控分散导致故障定位超2小时」').example, '多云监控分散导致故障定位超2小时');
      assert.equal(analyzePlaceholder('目标如「SLA 99.95%」').example, 'SLA 99.95%');
      assert.equal(analyzePlaceholder('如「$150万/年」').example, '$150万/年', 'a slash inside quotes is not an option separator');
    });

    it('treats a single value as its own example', () => {
      assert.deepEqual(analyzePlaceholder('60%'), { options: [], example: '60%' });
      assert.deepEqual(analyzePlaceholder(' $250万 '), { options: [], example: '$250万' });
    });

    it('splits on full-width slashes and drops duplicates', () => {
      assert.deepEqual(analyzePlaceholder('季度／半年／季度'), { options: ['季度', '半年'] });
    });

    it('drops a trailing 等等 too', () => {
      assert.deepEqual(analyzePlaceholder('收入损失/合规风险/客户投诉率上升等等').options, ['收入损失', '合规风险', '客户投诉率上升']);
    });

    it('gives nothing for an empty placeholder', () => {
      assert.deepEqual(analyzePlaceholder(''), { options: [] });
      assert.deepEqual(analyzePlaceholder('   '), { options: [] });
    });

    it('keeps an explicit 例： example whole even when it contains a slash (`例：<15分钟/季度`)', () => {
      // Seed line 90: `允许最大停机时间 __(例：<15分钟/季度)__` means "e.g. under 15 minutes per quarter".
      assert.deepEqual(analyzePlaceholder('例：<15分钟/季度'), { options: [], example: '<15分钟/季度' });
    });

    it('does not split a unit such as MB/s into options (`…峰值吞吐量2MB/s`)', () => {
      // Seed line 112. The current split offers "Kafka 3.5主题数15，峰值吞吐量2MB" and "s".
      const r = analyzePlaceholder('Kafka 3.5主题数15，峰值吞吐量2MB/s');
      assert.ok(!r.options.includes('s'), `options: ${JSON.stringify(r.options)}`);
      assert.deepEqual(r, { options: [], example: 'Kafka 3.5主题数15，峰值吞吐量2MB/s' });
    });

    it('keeps prose with a full-width comma whole (`IBM COBOL核心系统，需通过REST/XML接口交互`)', () => {
      // Seed line 149. The current split offers "IBM COBOL核心系统，需通过REST" and "XML接口交互".
      assert.deepEqual(analyzePlaceholder('IBM COBOL核心系统，需通过REST/XML接口交互'), { options: [], example: 'IBM COBOL核心系统，需通过REST/XML接口交互' });
    });

    it('keeps prose with a full stop or semicolon whole, and splits at a half-width comma or a 、', () => {
      assert.deepEqual(analyzePlaceholder('甲。乙/丙'), { options: [], example: '甲。乙/丙' });
      assert.deepEqual(analyzePlaceholder('甲/乙；丙'), { options: [], example: '甲/乙；丙' });
      assert.deepEqual(analyzePlaceholder('甲,乙/丙、丁'), { options: ['甲,乙', '丙、丁'] });
    });

    it('suggests the example first, else the first option', () => {
      const file = parseIntake('[客户行业]：__(保险/政府)__ __(如「500万+」)__ __()__');
      assert.deepEqual(
        file.placeholders.map((p) => suggestedFill(p)),
        ['保险', '500万+', undefined],
      );
    });
  });

  describe('in the parse tree', () => {
    it('finds every placeholder with its range, inner text and inner range', () => {
      const line = '- 业务规模：用户量__(如「500万+」)__，日均交易量__(如「10万笔」)__  ';
      const file = parseIntake('[客户行业]：保险\n' + line);
      assert.equal(file.placeholders.length, 2);
      for (const p of file.placeholders) {
        assert.equal(p.closed, true);
        assert.equal(line.slice(p.range.start.character, p.range.end.character), `__(${p.inner})__`);
        assert.equal(line.slice(p.innerRange.start.character, p.innerRange.end.character), p.inner);
        assert.equal(p.range.start.line, 1);
      }
      assert.deepEqual(
        file.placeholders.map((p) => p.example),
        ['500万+', '10万笔'],
      );
      const field = file.intakes[0]!.sections[0]!.items[0]!;
      assert.equal(field.kind, 'field');
      assert.equal(field.value?.placeholders.length, 2);
    });

    it('matches the seed: 75 placeholders, each offering options or an example', () => {
      const file = parseIntake(readSeed());
      assert.equal(file.placeholders.length, 75);
      for (const p of file.placeholders) {
        assert.ok(p.options.length >= 2 || p.example !== undefined, `__(${p.inner})__ offers nothing`);
      }
      const first = file.placeholders[0]!;
      assert.deepEqual(first.options, ['保险', '政府', '航空', '零售']);
      assert.deepEqual(plain(first.range), { start: { line: 0, character: 7 }, end: { line: 0, character: 25 } });
    });
  });

  describe('unclosed placeholders', () => {
    it('reports a `__(` without `)__` as an error running to the end of the line', () => {
      const text = '[客户行业]：__(保险/政府  \n- 细分领域：车险';
      const file = parseIntake(text);
      assert.equal(file.placeholders.length, 1);
      const p = file.placeholders[0]!;
      assert.equal(p.closed, false);
      assert.deepEqual(plain(p.range), { start: { line: 0, character: 7 }, end: { line: 0, character: 15 } }, 'trailing blanks are not part of it');
      assert.deepEqual(file.problems, [{ code: 'intake.unclosed-placeholder', range: p.range }]);
      const diags = validate(file).filter((d) => d.code === 'intake.unclosed-placeholder');
      assert.equal(diags.length, 1);
      assert.equal(diags[0]!.severity, 'error');
      assert.deepEqual(diags[0]!.range, p.range);
      assert.equal(validate(file).filter((d) => d.code === 'intake.placeholder').length, 0, 'not also reported as unfilled');
    });

    it('does not let a placeholder span lines', () => {
      const file = parseIntake('[客户行业]：__(保险\n政府)__');
      assert.equal(file.placeholders.length, 1);
      assert.equal(file.placeholders[0]!.closed, false);
    });

    it('closes the first placeholder and reports the second when only one `)__` follows', () => {
      const file = parseIntake('[客户行业]：__(a)__ __(b');
      assert.deepEqual(
        file.placeholders.map((p) => [p.inner, p.closed]),
        [
          ['a', true],
          ['b', false],
        ],
      );
    });
  });

  describe('ParsedPlaceholder', () => {
    const text = '[客户行业]：__(保险/政府)__\n- 预算：约__(如「500万」)__\n- 备注：__(未写完  ';

    it('finds its inner range from its range: inside `__(…)__`, or to the end when unclosed', () => {
      const file = parseIntake(text);
      const lines = text.split('\n');
      assert.deepEqual(
        file.placeholders.map((p) => [p.closed, lines[p.innerRange.start.line]!.slice(p.innerRange.start.character, p.innerRange.end.character), p.inner]),
        [
          [true, '保险/政府', '保险/政府'],
          [true, '如「500万」', '如「500万」'],
          [false, '未写完', '未写完'],
        ],
      );
      for (const p of file.placeholders) assert.ok(p instanceof ParsedPlaceholder);
    });

    it('writes the JSON of the plain placeholder, `example` only when it has one', () => {
      const [options, example] = parseIntake(text).placeholders;
      assert.equal(
        JSON.stringify(options),
        '{"range":{"start":{"line":0,"character":7},"end":{"line":0,"character":18}},"inner":"保险/政府","innerRange":{"start":{"line":0,"character":10},"end":{"line":0,"character":15}},"options":["保险","政府"],"closed":true}',
      );
      assert.equal(Object.hasOwn(options!, 'example'), false);
      assert.equal(example!.example, '500万');
      assert.match(JSON.stringify(example), /"closed":true,"example":"500万"}$/);
    });

    it('keeps its inner range where it moves (a line added above)', () => {
      const before = DocumentAnalysis.of(`${text}\n\n=====\n\n${text}`);
      before.diagnostics();
      const after = before.next(`\n${before.text}`);
      assert.deepEqual(plain(after.file.placeholders), plain(parseIntake(after.text).placeholders));
      assert.deepEqual(
        after.file.placeholders.map((p) => p.innerRange.start.line),
        [1, 2, 3, 7, 8, 9],
      );
    });
  });
});
