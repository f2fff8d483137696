import * as assert from 'node:assert/strict';
import { ColonMark } from '../../../src/core/colonMark';
import { DocumentAnalysis } from '../../../src/core/documents/documentAnalysis';
import { afterColonOf, colonOf, fieldLine, keyRangeOf } from '../../../src/core/fieldParts';
import { LineRange } from '../../../src/core/lineRange';
import { IntakeFileSchema, type FieldItem, type Item } from '../../../src/core/model';
import { parseIntake } from '../../../src/core/parser';

const TEXT = '[客户行业]：保险\n- 细分领域: 寿险\n  - **子项**：__(如「A」)__\n- **预算** ：\n\t- 说明 ：文字\n';

function fields(items: readonly Item[]): FieldItem[] {
  return items.flatMap((i) => [...(i.kind === 'field' ? [i] : []), ...fields(i.children)]);
}

function fieldsOf(text: string): FieldItem[] {
  return parseIntake(text).intakes.flatMap((i) => i.sections.flatMap((s) => fields(s.items)));
}

describe('fieldParts', () => {
  it("makes a field's key range and colon from its numbers, on the line its range starts on", () => {
    const f: FieldItem = { kind: 'field', key: '预算', keyStart: 4, keyEnd: 6, bold: true, colonChar: ':', colonAt: 9, children: [], range: new LineRange(7, 2, 9, 5), indent: 2 };
    assert.equal(fieldLine(f), 7);
    assert.ok(keyRangeOf(f) instanceof LineRange);
    assert.deepEqual(keyRangeOf(f).toJSON(), { start: { line: 7, character: 4 }, end: { line: 7, character: 6 } });
    const colon = colonOf(f);
    assert.ok(colon instanceof ColonMark);
    assert.deepEqual(colon.toJSON(), { char: ':', range: { start: { line: 7, character: 9 }, end: { line: 7, character: 10 } } });
    assert.deepEqual(afterColonOf(f), { line: 7, character: 10 });
    // A plain range works as well as the parser's LineRange.
    const plainRange = { ...f, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 12 } } };
    assert.deepEqual(keyRangeOf(plainRange).toJSON(), { start: { line: 3, character: 4 }, end: { line: 3, character: 6 } });
  });

  it('gives what the parser read: the key, the colon, and where a missing value goes', () => {
    const lines = TEXT.split('\n');
    const found = fieldsOf(TEXT).map((f) => {
      const key = keyRangeOf(f);
      const colon = colonOf(f).range;
      return [f.key, lines[key.start.line]!.slice(key.start.character, key.end.character), f.colonChar, lines[colon.start.line]!.slice(colon.start.character, colon.end.character), afterColonOf(f)];
    });
    assert.deepEqual(found, [
      ['细分领域', '细分领域', ':', ':', { line: 1, character: 7 }],
      ['子项', '子项', '：', '：', { line: 2, character: 11 }],
      ['预算', '预算', '：', '：', { line: 3, character: 10 }],
      ['说明', '说明', '：', '：', { line: 4, character: 7 }],
    ]);
  });

  it('keeps them plain numbers in the model: zod checks them, JSON writes them', () => {
    const file = parseIntake(TEXT);
    assert.deepEqual(IntakeFileSchema.parse(file), JSON.parse(JSON.stringify(file)));
    const first = JSON.parse(JSON.stringify(file)).intakes[0].sections[0].items[0];
    assert.deepEqual(Object.keys(first), ['kind', 'key', 'keyStart', 'keyEnd', 'bold', 'colonChar', 'colonAt', 'children', 'range', 'indent', 'value']);
  });

  it('gives the same parts after edits, moved or parsed again, as a fresh parse', () => {
    const intake = `${TEXT}\n=====\n\n`;
    let a = DocumentAnalysis.of(intake + intake);
    for (const next of ['X\n' + a.text, a.text.replace('- 细分领域: 寿险', '- 细分领域：寿险'), a.text.replace('- **预算** ：', '- **预算**：'), a.text.replace('=====\n', '')]) {
      a = a.next(next);
      const parts = (list: FieldItem[]) => list.map((f) => [f.key, keyRangeOf(f).toJSON(), colonOf(f).toJSON(), afterColonOf(f)]);
      const moved = a.file.intakes.flatMap((i) => i.sections.flatMap((s) => fields(s.items)));
      assert.deepEqual(parts(moved), parts(fieldsOf(a.text)));
    }
  });
});
