/**
 * The validator's checks of each section: the catalog fields a section has are kept in one list
 * for every section with the same fields, and each section's field checks are its own (the
 * validator checks them with one reused object).
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { IntakeValidator, validate, type SectionChecks } from '../../../src/core/validator';
import { seedIntakeList } from '../helpers/seeds';

function sectionChecks(validator: IntakeValidator, text: string, analysis = true): SectionChecks[] {
  const file = parseIntake(text);
  const out: SectionChecks[] = [];
  for (const intake of file.intakes) {
    const sections: Array<SectionChecks | undefined> = [];
    validator.check(intake, [], analysis, sections);
    for (const s of sections) out.push(s!);
  }
  return out;
}

describe('IntakeValidator: section checks', () => {
  const insurance = seedIntakeList()[1]!;

  it('keeps one list of catalog fields for the sections that have the same', () => {
    const validator = new IntakeValidator();
    const [first, second] = [sectionChecks(validator, insurance), sectionChecks(validator, insurance)];
    assert.equal(first.length, second.length);
    let withFields = 0;
    for (let i = 0; i < first.length; i++) {
      assert.equal(second[i]!.present, first[i]!.present, `section ${i}`);
      if (first[i]!.present.length > 0) withFields++;
    }
    assert.ok(withFields > 3, 'the seed has sections with catalog fields');
    // The same fields as a validator of its own finds.
    const alone = sectionChecks(new IntakeValidator(), insurance);
    assert.deepEqual(
      first.map((s) => s.present.map((f) => f.name)),
      alone.map((s) => s.present.map((f) => f.name)),
    );
  });

  it('gives a section with fewer fields a list of its own, and one without any the empty list', () => {
    const validator = new IntakeValidator();
    const text = ['[客户行业]：保险', '- 细分领域：寿险', '- 业务规模：大', '[需求]：一句话'].join('\n');
    const [twoFields, none] = sectionChecks(validator, text);
    const again = sectionChecks(validator, ['[客户行业]：保险', '- 细分领域：寿险', '[需求]：一句话'].join('\n'));
    assert.deepEqual(twoFields!.present.map((f) => f.name), ['细分领域', '业务规模']);
    assert.deepEqual(again[0]!.present.map((f) => f.name), ['细分领域']);
    assert.notEqual(again[0]!.present, twoFields!.present);
    assert.equal(again[0]!.present[0], twoFields!.present[0]);
    assert.equal(none!.present.length, 0);
    assert.equal(again[1]!.present, none!.present, 'the shared empty list');
  });

  it('counts the field the unkeyed bullets of a section stand for among its catalog fields', () => {
    const validator = new IntakeValidator();
    const [bullets, placeholder, keyed] = [
      ['[当前痛点]：', '- 订单靠人工导出', '- 业务影响：每月损失50万'],
      ['[当前痛点]：', '- __(问题)__', '- 业务影响：每月损失50万'],
      ['[当前痛点]：', '- 具体问题：订单靠人工导出', '- 业务影响：每月损失50万'],
    ].map((lines) => sectionChecks(validator, lines.join('\n'))[0]!);
    assert.deepEqual(bullets!.present.map((f) => f.name), ['业务影响', '具体问题']);
    assert.deepEqual(placeholder!.present.map((f) => f.name), ['业务影响']);
    assert.deepEqual(keyed!.present.map((f) => f.name), ['具体问题', '业务影响']);
  });

  it("keeps each section's field diagnostics its own, with or without the analysis", () => {
    const text = ['[客户行业]：保险', '[业务规模]：', '- 用户量:100万', '- 日活：', '[当前痛点]：', '- 延迟：'].join('\n');
    for (const analysis of [true, false]) {
      const checks = sectionChecks(new IntakeValidator(), text, analysis);
      assert.deepEqual(
        checks.map((s) => s.fields.map((d) => `${d.code}@${d.range.start.line}`)),
        [[], ['intake.format@2', 'intake.empty-value@3'], ['intake.empty-value@5']],
        `analysis ${analysis}`,
      );
    }
    assert.equal(validate(parseIntake(text)).filter((d) => d.code === 'intake.empty-value' || d.code === 'intake.format').length, 3);
  });
});
