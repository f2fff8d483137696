/**
 * The one required-field rule (src/core/facts/coverage.ts): a required field is satisfied by
 * itself or by any of its sub-fields. The validator, the status bar's completeness and the
 * report's missing-information list all apply it; these tests hold them to it together.
 */
import * as assert from 'node:assert/strict';
import { getFieldCatalog, type FieldSpec } from '../../../src/core/catalog/catalog';
import { generateReport } from '../../../src/core/engine/generate';
import { isCovered, requiredGaps, uncoveredRequired, type RequiredGap } from '../../../src/core/facts/coverage';
import { getCompleteness } from '../../../src/core/features/completeness';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { readFixture, readSeed } from '../helpers/seeds';

const catalog = getFieldCatalog();
const industry = catalog.section('客户行业')!;
const spec = (name: string): FieldSpec => industry.allFields.find((f) => f.name === name)!;

/** An intake that gives 业务规模 only through its sub-field 用户量. */
const SUB_FIELD_ONLY = '[客户行业]：保险\n- 细分领域：车险\n- 用户量：1000万\n';

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

  it('finds exactly the missing-section, missing-field and empty-value diagnostics of the validator, in its order', () => {
    const texts = [readSeed(), SUB_FIELD_ONLY, '', '[客户行业]：\n- 细分领域：\n[客户行业]\n### 标题\n', ...['messy', 'missing-fields', 'multi-intake', 'structured-messy', 'whitespace', 'cr-only'].map(readFixture)];
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
