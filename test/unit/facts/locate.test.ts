/** The one answer to "which intake, section or field is this line in" (src/core/facts/locate.ts). */
import * as assert from 'node:assert/strict';
import { locate, locateIntake } from '../../../src/core/facts/locate';
import { parseIntake } from '../../../src/core/parser';
import { targetIntakeIndex } from '../../../src/core/preview/target';
import { validate } from '../../../src/core/validator';
import { readFixture, readSeed } from '../helpers/seeds';

/** Two intakes with a separator, a gap of blank lines, headings, nested fields and a trailing separator. */
const TEXT = [
  '', //                                  0  above the first intake
  '客户说明', //                            1  preamble of intake 0
  '[客户行业]：保险', //                      2  section A
  '- 细分领域：车险', //                      3  field
  '  - 说明：理赔', //                        4  nested field
  '    补充文字', //                          5  text under the nested field
  '', //                                  6  blank line inside the intake
  '### 二、业务', //                          7  heading
  '=====', //                             8  separator ending intake 0
  '', //                                  9  gap
  '', //                                  10 gap
  '[客户行业]：航空', //                      11 intake 1
  '- 规模：大型', //                          12
  '-----', //                             13 separator ending intake 1
  '', //                                  14 after the last separator
].join('\n');

describe('facts: locate', () => {
  const file = parseIntake(TEXT);
  const [first, second] = file.intakes;

  it('parses the sample as two intakes, each ended by a separator', () => {
    assert.equal(file.intakes.length, 2);
    assert.equal(first!.separatorAfter?.start.line, 8);
    assert.equal(second!.separatorAfter?.start.line, 13);
  });

  it('puts the lines above the first intake into the first intake', () => {
    assert.equal(locateIntake(file, 0).intake, first);
    assert.equal(locate(file, 0).section, undefined);
  });

  it('finds the intake of every line from its first content to its separator', () => {
    for (let line = 1; line <= 8; line++) assert.equal(locateIntake(file, line).intake, first, `line ${line}`);
    for (let line = 11; line <= 13; line++) assert.equal(locateIntake(file, line).intake, second, `line ${line}`);
  });

  it('gives a separator line to the intake it ends, outside every section', () => {
    for (const line of [8, 13]) {
      const at = locate(file, line);
      assert.equal(at.intake, line === 8 ? first : second);
      assert.equal(at.nearest, at.intake);
      assert.equal(at.section, undefined);
      assert.deepEqual(at.items, []);
      assert.equal(at.field, undefined);
    }
  });

  it('puts the lines after a separator between intakes: no intake, the one above as the nearest', () => {
    for (const line of [9, 10]) {
      const at = locate(file, line);
      assert.equal(at.intake, undefined, `line ${line}`);
      assert.equal(at.nearest, first);
      assert.equal(at.section, undefined);
    }
    for (const line of [14, 99]) {
      assert.equal(locateIntake(file, line).intake, undefined);
      assert.equal(locateIntake(file, line).nearest, second);
    }
  });

  it('finds the section whose body holds the line, but not past a ### heading or in the preamble', () => {
    assert.equal(locate(file, 1).section, undefined, 'preamble');
    for (const line of [2, 3, 4, 5, 6]) assert.equal(locate(file, line).section?.name, '客户行业', `line ${line}`);
    assert.equal(locate(file, 7).section, undefined, 'the heading opens a new block');
    assert.equal(locate(file, 12).section, second!.sections[0]);
  });

  it('lists the items around the line and names the innermost field', () => {
    const onKey = locate(file, 4);
    assert.deepEqual(onKey.items.map((i) => (i.kind === 'field' ? i.key : i.value.text)), ['细分领域', '说明']);
    assert.equal(onKey.field?.key, '说明');
    const underField = locate(file, 5);
    assert.equal(underField.items.length, 3);
    assert.equal(underField.items[2]!.kind, 'text');
    assert.equal(underField.field?.key, '说明', 'a text line belongs to the field it is nested under');
    assert.equal(locate(file, 2).field, undefined, 'a section header is no field');
  });

  it('answers undefined everywhere in a file with no intake', () => {
    for (const text of ['', '\n\n', '=====\n']) {
      const empty = parseIntake(text);
      assert.equal(empty.intakes.length, 0);
      assert.deepEqual(locate(empty, 0), { intake: undefined, nearest: undefined, section: undefined, items: [], field: undefined });
    }
  });

  it('agrees with the validator and the preview target on every line of the seed and the multi-intake fixture', () => {
    for (const text of [readSeed(), readFixture('multi-intake')]) {
      const parsed = parseIntake(text);
      const lines = text.split(/\r\n|\r|\n/).length;
      for (let line = 0; line < lines; line++) {
        const at = locate(parsed, line);
        assert.equal(targetIntakeIndex(parsed, undefined, line), at.nearest?.index, `line ${line}`);
        if (at.intake) assert.ok(at.intake.range.start.line <= line || at.intake.index === 0);
        if (at.section) assert.ok(at.intake!.sections.includes(at.section));
      }
      // Placeholders are diagnosed on the intake that holds them.
      for (const d of validate(parsed, { analysis: false })) {
        if (d.code !== 'intake.placeholder') continue;
        assert.equal(d.intake, locateIntake(parsed, d.range.start.line).intake?.index);
      }
    }
  });

  it('finds the intakes of the four-intake seed at their first, middle and last lines', () => {
    const seed = parseIntake(readSeed());
    assert.equal(seed.intakes.length, 4);
    seed.intakes.forEach((intake, i) => {
      for (const line of [intake.range.start.line, intake.range.end.line, (intake.range.start.line + intake.range.end.line) >> 1]) {
        assert.equal(locateIntake(seed, line).intake?.index, i, `intake ${i + 1}, line ${line}`);
      }
    });
  });
});
