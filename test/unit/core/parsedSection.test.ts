import * as assert from 'node:assert/strict';
import { ColonMark } from '../../../src/core/colonMark';
import { DocumentAnalysis } from '../../../src/core/documents/documentAnalysis';
import { LineRange } from '../../../src/core/lineRange';
import { IntakeFileSchema } from '../../../src/core/model';
import { ParsedSection } from '../../../src/core/parsedSection';
import { parseIntake } from '../../../src/core/parser';
import { plain } from '../helpers/ranges';

const TEXT = '### 行业\n  [客户行业]：保险\n- 细分领域：寿险\n【当前痛点】  \n- 延迟高\n[ 规模 ] : __(如「500万」)__\n';

describe('ParsedSection', () => {
  it("makes its header's ranges from its numbers, on the line it starts on", () => {
    const s = new ParsedSection('客户行业', '[]', 3, 7, 12, new LineRange(4, 2, 6, 9));
    for (const r of [s.nameRange, s.bracketRange, s.headerRange]) assert.ok(r instanceof LineRange);
    assert.deepEqual(s.nameRange.toJSON(), { start: { line: 4, character: 3 }, end: { line: 4, character: 7 } });
    assert.deepEqual(s.bracketRange.toJSON(), { start: { line: 4, character: 2 }, end: { line: 4, character: 8 } });
    assert.deepEqual(s.headerRange.toJSON(), { start: { line: 4, character: 2 }, end: { line: 4, character: 12 } });
    // No colon until the parser sets one, and no `colon` property then either.
    assert.equal('colon' in s, false);
    assert.notEqual(s.nameRange, s.nameRange);
  });

  it('writes the JSON of a plain section, keys in the same order, colon, value and heading only when there is one', () => {
    const s = new ParsedSection('规模', '[]', 1, 3, 9, new LineRange(2, 0, 3, 4));
    s.colon = new ColonMark(':', 2, 5);
    s.value = { text: '100', range: new LineRange(2, 6, 2, 9), placeholders: [] };
    s.heading = { level: 3, text: '规模', range: new LineRange(1, 0, 1, 6) };
    const r = (l: number, a: number, b: number) => ({ start: { line: l, character: a }, end: { line: l, character: b } });
    const plainSection = {
      name: '规模',
      nameRange: r(2, 1, 3),
      bracketRange: r(2, 0, 4),
      headerRange: r(2, 0, 9),
      brackets: '[]',
      items: [],
      range: { start: { line: 2, character: 0 }, end: { line: 3, character: 4 } },
      colon: { char: ':', range: r(2, 5, 6) },
      value: { text: '100', range: r(2, 6, 9), placeholders: [] },
      heading: { level: 3, text: '规模', range: r(1, 0, 6) },
    };
    assert.equal(JSON.stringify(s), JSON.stringify(plainSection));
    assert.deepEqual(plain(s), plainSection);
    const bare = new ParsedSection('规模', '[]', 1, 3, 9, new LineRange(2, 0, 3, 4));
    const { colon: _c, value: _v, heading: _h, ...withoutThem } = plainSection;
    assert.equal(JSON.stringify(bare), JSON.stringify(withoutThem));
    assert.deepEqual(plain(bare), withoutThem);
  });

  it('is what the parser gives every section, its ranges over its name, brackets, header and colon', () => {
    const file = parseIntake(TEXT);
    const lines = TEXT.split('\n');
    const sections = file.intakes.flatMap((i) => i.sections);
    assert.deepEqual(
      sections.map((s) => [s.name, s.brackets, s.colon?.char, s.heading?.text, s.value?.text]),
      [
        ['客户行业', '[]', '：', '行业', '保险'],
        ['当前痛点', '【】', undefined, undefined, undefined],
        ['规模', '[]', ':', undefined, '__(如「500万」)__'],
      ],
    );
    const at = (r: { start: { line: number; character: number }; end: { character: number } }) => lines[r.start.line]!.slice(r.start.character, r.end.character);
    assert.deepEqual(
      sections.map((s) => [at(s.nameRange), at(s.bracketRange), at(s.headerRange), s.colon && at(s.colon.range)]),
      [
        ['客户行业', '[客户行业]', '[客户行业]：保险', '：'],
        ['当前痛点', '【当前痛点】', '【当前痛点】', undefined],
        ['规模', '[ 规模 ]', '[ 规模 ] : __(如「500万」)__', ':'],
      ],
    );
    for (const s of sections) assert.ok(s instanceof ParsedSection);
    // zod reads the getters, and gives the plain JSON back.
    assert.deepEqual(IntakeFileSchema.parse(file), JSON.parse(JSON.stringify(file)));
  });

  it('gives after edits, moved or parsed again, the sections of a fresh parse', () => {
    const intake = `${TEXT}\n=====\n\n`;
    let a = DocumentAnalysis.of(intake + intake);
    for (const next of ['X\n' + a.text, a.text.replace('[ 规模 ] :', '[ 规模 ]'), a.text.replace('- 延迟高', '- 延迟很高'), a.text.replace('=====\n', '')]) {
      a = a.next(next);
      const fresh = parseIntake(a.text);
      assert.deepEqual(plain(a.file), plain(fresh));
      assert.equal(JSON.stringify(a.file), JSON.stringify(fresh));
    }
  });
});
