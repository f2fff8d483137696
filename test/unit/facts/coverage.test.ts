/**
 * The one required-field rule (src/core/facts/coverage.ts): a required field is satisfied by
 * itself or by any of its sub-fields, or by its section's unkeyed bullets where the catalog says
 * they stand for it (`fromBullets`: 当前痛点 › 具体问题). The validator, the status bar's completeness and the
 * report's missing-information list all apply it; these tests hold them to it together.
 */
import * as assert from 'node:assert/strict';
import { getFieldCatalog, type FieldSpec } from '../../../src/core/catalog/catalog';
import { generateReport } from '../../../src/core/engine/generate';
import { parseFieldCatalog } from '../../../src/core/catalog/schema';
import { bulletField, hasWrittenText, isCovered, requiredGaps, uncoveredRequired, type RequiredGap } from '../../../src/core/facts/coverage';
import { getCompleteness } from '../../../src/core/features/completeness';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { readFixture, readSeed } from '../helpers/seeds';

const catalog = getFieldCatalog();
const industry = catalog.section('客户行业')!;
const spec = (name: string): FieldSpec => industry.allFields.find((f) => f.name === name)!;

/** An intake that gives 业务规模 only through its sub-field 用户量. */
const SUB_FIELD_ONLY = '[客户行业]：保险\n- 细分领域：车险\n- 用户量：1000万\n';

/** An intake whose pains are plain bullets, without 具体问题： (as most of the eval intakes write them). */
const PAIN_BULLETS = '[客户行业]：零售\n- 细分领域：跨境电商\n[当前痛点]：\n- 订单和库存靠人工导出到Excel\n- 断货和滞销同时存在\n';

/** Whether each of the four callers reports 当前痛点 › 具体问题 missing from `text`'s first intake. */
function problemMissing(text: string): { validator: boolean; statusBar: boolean; report: boolean; gaps: boolean } {
  const file = parseIntake(text);
  const intake = file.intakes[0]!;
  return {
    validator: validate(file, { analysis: false }).some((d) => d.data.kind === 'missing-field' && d.data.section === '当前痛点' && d.data.field === '具体问题'),
    statusBar: getCompleteness(intake).missing.includes('当前痛点 › 具体问题'),
    report: generateReport(file, 0).incomplete.includes('当前痛点/具体问题'),
    gaps: requiredGaps(intake).some((g) => g.kind === 'missing-field' && g.field === '具体问题'),
  };
}
const NONE_MISSING = { validator: false, statusBar: false, report: false, gaps: false };
const ALL_MISSING = { validator: true, statusBar: true, report: true, gaps: true };

describe('facts: coverage', () => {
  it('covers a required field by itself, a sub-field or a deeper one, and by nothing else', () => {
    const scale = spec('业务规模');
    assert.ok(scale.required && scale.fields.length > 0, 'the catalog has a required field with sub-fields');
    const sub = scale.fields[0]!;
    assert.equal(isCovered(scale, (f) => f === scale), true);
    assert.equal(isCovered(scale, (f) => f === sub), true);
    assert.equal(isCovered(scale, () => false), false);
    assert.equal(isCovered(sub, (f) => f === scale), false, 'a parent does not cover its sub-field');
    const deep = catalog.sections.flatMap((s) => s.allFields).find((f) => f.fields.some((c) => c.fields.length > 0));
    if (deep) {
      const grandchild = deep.fields.find((c) => c.fields.length > 0)!.fields[0]!;
      assert.equal(isCovered(deep, (f) => f === grandchild), true, 'at any depth');
    }
  });

  it('lists the uncovered required fields of a section in catalog order', () => {
    const names = uncoveredRequired(industry, () => false).map((f) => f.name);
    assert.deepEqual(names, industry.allFields.filter((f) => f.required).map((f) => f.name));
    assert.ok(!uncoveredRequired(industry, (f) => f.name === '用户量').some((f) => f.name === '业务规模'));
  });

  it('is applied alike by the validator, the status bar and the report', () => {
    const file = parseIntake(SUB_FIELD_ONLY);
    const intake = file.intakes[0]!;
    const missingFields = validate(file, { analysis: false }).filter((d) => d.data.kind === 'missing-field').map((d) => (d.data.kind === 'missing-field' ? d.data.field : ''));
    assert.ok(!missingFields.includes('业务规模'), 'validator');
    assert.ok(!getCompleteness(intake).missing.includes('客户行业 › 业务规模'), 'status bar');
    assert.ok(!generateReport(file, 0).incomplete.includes('客户行业/业务规模'), 'report');
    assert.ok(!requiredGaps(intake).some((g) => g.kind === 'missing-field' && g.field === '业务规模'), 'requiredGaps');

    // Without the sub-field all four report the field missing.
    const without = parseIntake('[客户行业]：保险\n- 细分领域：车险\n');
    assert.ok(validate(without, { analysis: false }).some((d) => d.data.kind === 'missing-field' && d.data.field === '业务规模'));
    assert.ok(getCompleteness(without.intakes[0]!).missing.includes('客户行业 › 业务规模'));
    assert.ok(generateReport(without, 0).incomplete.includes('客户行业/业务规模'));
  });

  it('marks 当前痛点 › 具体问题, and only it, as what unkeyed bullets stand for', () => {
    const pains = catalog.section('当前痛点')!;
    assert.equal(pains.bulletField?.name, '具体问题');
    assert.equal(pains.bulletField.required, true);
    const marked = catalog.sections.flatMap((s) => s.allFields.filter((f) => f.fromBullets).map((f) => `${s.name}/${f.name}`));
    assert.deepEqual(marked, ['当前痛点/具体问题']);
    for (const s of catalog.sections) if (s !== pains) assert.equal(s.bulletField, undefined, s.name);
  });

  it('rejects a catalog section with two fields standing for its bullets', () => {
    const field = (name: string) => ({ name, fromBullets: true, description: { zh: name, en: name }, feeds: ['业务需求分析'] });
    const section = { name: '痛点', required: true, description: { zh: '痛点', en: 'pains' }, feeds: ['业务需求分析'], heading: '二', skeleton: '[痛点]：', fields: [field('问题'), field('影响')] };
    assert.throws(() => parseFieldCatalog({ enums: {}, sections: [section] }), /only one field can stand for the unkeyed bullets/);
    assert.doesNotThrow(() => parseFieldCatalog({ enums: {}, sections: [{ ...section, fields: [field('问题')] }] }));
  });

  it('gives the bullet field for a bullet with something written, not for an empty or placeholder-only one', () => {
    const pains = catalog.section('当前痛点')!;
    const given = (body: string) => bulletField(pains, parseIntake(`[当前痛点]：\n${body}\n`).intakes[0]!.sections[0]!)?.name;
    assert.equal(given('- 订单靠人工导出'), '具体问题');
    assert.equal(given('订单靠人工导出'), '具体问题', 'a plain line without a dash too');
    assert.equal(given('- 损失__(金额)__，订单靠人工'), '具体问题', 'text besides a placeholder');
    assert.equal(given('- __(描述如「多云监控分散导致故障定位超2小时」)__'), undefined);
    assert.equal(given('- __(原因一)__，__(原因二)__'), undefined, 'only placeholders and punctuation');
    assert.equal(given('- __(未闭合的占位'), undefined);
    assert.equal(given('- '), undefined);
    assert.equal(given('- ——'), undefined, 'a dash is nothing written');
    assert.equal(given('- 业务影响：\n  - 订单靠人工导出'), undefined, "a field's bullets are the field's");
    assert.equal(given('- __(问题)__\n  - 订单靠人工导出'), '具体问题', 'a bullet under an unkeyed one is the section\'s too');
    // The status bar asks for a filled bullet: no placeholder left in it.
    assert.equal(bulletField(pains, parseIntake('[当前痛点]：\n- 损失__(金额)__\n').intakes[0]!.sections[0]!, (v) => v.placeholders.length === 0 && hasWrittenText(v)), undefined);
    // A section the catalog marks no field of gives nothing for its bullets.
    const industrySection = parseIntake('[客户行业]：保险\n- 车险为主，用户1000万\n').intakes[0]!.sections[0]!;
    assert.equal(bulletField(industry, industrySection), undefined);
  });

  it('lets unkeyed pain bullets give 具体问题 alike in the validator, the status bar and the report', () => {
    assert.deepEqual(problemMissing(PAIN_BULLETS), NONE_MISSING);
    assert.deepEqual(problemMissing(readFixture('eval/crossborder-seller')), NONE_MISSING, 'the eval intake of the mend');
    // Bullets of nothing but placeholders, or under another field, give nothing: all four say it is missing.
    assert.deepEqual(problemMissing('[客户行业]：零售\n[当前痛点]：\n- __(描述如「多云监控分散导致故障定位超2小时」)__\n'), ALL_MISSING);
    assert.deepEqual(problemMissing('[客户行业]：零售\n[当前痛点]：\n- 业务影响：\n  - 每月损失50万\n'), ALL_MISSING);
    // Bullets of another section do not stand for the pains.
    assert.deepEqual(problemMissing('[客户行业]：零售\n- 订单靠人工导出\n[当前痛点]：\n- 业务影响：每月损失50万\n'), ALL_MISSING);
    // A bullet with a placeholder left in it gives the field where it is present, not where it must be filled in.
    assert.deepEqual(problemMissing('[客户行业]：零售\n[当前痛点]：\n- 订单靠人工，损失__(金额)__\n'), { ...NONE_MISSING, statusBar: true });
  });

  it('keeps the missing-section and empty-value gaps with unkeyed bullets', () => {
    const gaps = requiredGaps(parseIntake('[客户行业]：\n[当前痛点]：\n- 订单靠人工导出\n- 影响：\n').intakes[0]!);
    const kinds = gaps.map((g) => (g.kind === 'missing-field' ? `${g.kind} ${g.section}/${g.field}` : g.kind === 'missing-section' ? `${g.kind} ${g.section}` : `${g.kind} ${g.key}`));
    assert.ok(kinds.includes('empty-value 客户行业'), kinds.join('; '));
    assert.ok(kinds.includes('empty-value 影响'), kinds.join('; '));
    assert.ok(kinds.includes('missing-section 基础设施现状'), kinds.join('; '));
    assert.ok(!kinds.includes('missing-field 当前痛点/具体问题'), kinds.join('; '));
  });

  it('finds exactly the missing-section, missing-field and empty-value diagnostics of the validator, in its order', () => {
    const texts = [readSeed(), SUB_FIELD_ONLY, PAIN_BULLETS, '[当前痛点]：\n- __(问题)__\n- 影响：\n', '', '[客户行业]：\n- 细分领域：\n[客户行业]\n### 标题\n', ...['messy', 'missing-fields', 'multi-intake', 'structured-messy', 'whitespace', 'cr-only'].map(readFixture)];
    for (const text of texts) {
      const file = parseIntake(text);
      const diagnostics = validate(file, { analysis: false });
      for (const intake of file.intakes) {
        const expected: RequiredGap[] = [];
        for (const d of diagnostics) {
          if (d.intake !== intake.index) continue;
          if (d.data.kind === 'missing-section') expected.push({ kind: 'missing-section', section: d.data.section, range: d.range });
          else if (d.data.kind === 'missing-field') expected.push({ kind: 'missing-field', section: d.data.section, field: d.data.field, range: d.range });
          else if (d.data.kind === 'empty-value') expected.push({ kind: 'empty-value', key: d.data.key, range: d.range });
        }
        assert.deepEqual(requiredGaps(intake), expected, `intake ${intake.index + 1} of ${JSON.stringify(text.slice(0, 40))}`);
      }
    }
  });
});
