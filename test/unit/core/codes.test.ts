import * as assert from 'node:assert/strict';
import { ALL_CODES, type DiagnosticCode, type IntakeDiagnostic } from '../../../src/core/diagnostics';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { analyzeFile } from '../../../src/core/analysis/analyze';
import { ANALYSIS_CODES, CORE_CODES, coreOnly } from '../helpers/codes';
import { listFixtures, readFixture } from '../helpers/seeds';
import { plain } from '../helpers/ranges';

/** The diagnostic codes each fixture must produce (exactly this set). */
const EXPECTED: Record<string, readonly DiagnosticCode[]> = {
  'analysis.intake': ANALYSIS_CODES,
  'long-line.intake': ['intake.line-too-long'],
  'huge-amount.intake': ['intake.unreadable-amount'],
  'cr-only.intake': ['intake.missing-field', 'intake.missing-section', 'intake.empty-value', 'intake.unknown-section', 'intake.duplicate-section'],
  'messy.intake': CORE_CODES,
  'missing-fields.intake': ['intake.missing-field'],
  'multi-intake.intake': ['intake.missing-field', 'intake.missing-section'],
  'structured-messy.intake': ['intake.format', 'intake.missing-section', 'intake.empty-value', 'intake.placeholder', 'intake.unclosed-placeholder'],
  'whitespace.intake': ['intake.missing-field', 'intake.missing-section', 'intake.empty-value'],
};

const SEVERITY: Record<DiagnosticCode, IntakeDiagnostic['severity']> = {
  'intake.budget-sum': 'error',
  'intake.budget-exceeds': 'error',
  'intake.sla-conflict': 'warning',
  'intake.latency-physics': 'warning',
  'intake.unknown-standard': 'error',
  'intake.retired-standard': 'warning',
  'intake.wording': 'information',
  'intake.placeholder': 'warning',
  'intake.unclosed-placeholder': 'error',
  'intake.missing-section': 'error',
  'intake.missing-field': 'warning',
  'intake.empty-value': 'warning',
  'intake.duplicate-section': 'error',
  'intake.unknown-section': 'information',
  'intake.format': 'information',
  'intake.line-too-long': 'information',
  'intake.unreadable-amount': 'warning',
};

/**
 * Every diagnostic for a fixture: the validator's, plus the analysis checks' (deduplicated, so
 * this stays right whether or not validate() runs the analysis itself).
 */
function diagnose(name: string): IntakeDiagnostic[] {
  const file = parseIntake(readFixture(name));
  const out = validate(file);
  const key = (d: IntakeDiagnostic) => `${d.code}|${JSON.stringify(d.range)}|${d.message}`;
  const seen = new Set(out.map(key));
  for (const d of analyzeFile(file)) if (!seen.has(key(d))) out.push(d);
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}


function lineCodes(diags: readonly IntakeDiagnostic[]): string[] {
  return diags.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);
}

describe('diagnostic codes', () => {
  it('keeps the eight stable codes of the validator in ALL_CODES', () => {
    for (const code of CORE_CODES) assert.ok(ALL_CODES.includes(code), code);
  });

  it('knows the severity of every code in ALL_CODES', () => {
    assert.deepEqual([...ALL_CODES].sort(), Object.keys(SEVERITY).sort());
  });

  it('has an expectation for every fixture and a fixture for every expectation', () => {
    assert.deepEqual(listFixtures(), Object.keys(EXPECTED).sort());
  });

  for (const name of Object.keys(EXPECTED)) {
    it(`${name} produces exactly its expected codes, each with its severity`, () => {
      const diags = diagnose(name);
      assert.deepEqual([...new Set(diags.map((d) => d.code))].sort(), [...EXPECTED[name]!].sort());
      for (const d of diags) {
        assert.equal(d.severity, SEVERITY[d.code], `${d.code} at ${d.range.start.line}`);
        assert.ok(d.message.length > 0);
        const kind = CORE_CODES.includes(d.code) || d.code === 'intake.line-too-long' ? d.code.slice('intake.'.length) : 'analysis';
        assert.equal(d.data.kind, kind, 'data.kind matches the code');
      }
    });
  }

  it('triggers every code in ALL_CODES with the fixtures, and no other', () => {
    const hit = new Set<string>();
    for (const name of listFixtures()) for (const d of diagnose(name)) hit.add(d.code);
    const never = ALL_CODES.filter((c) => !hit.has(c));
    const unknown = [...hit].filter((c) => !(ALL_CODES as readonly string[]).includes(c));
    assert.deepEqual(never, [], `codes no fixture triggers: ${never.join(', ')}`);
    assert.deepEqual(unknown, [], `codes outside ALL_CODES: ${unknown.join(', ')}`);
    assert.deepEqual([...hit].sort(), [...ALL_CODES].sort());
  });

  it('reports each problem of messy.intake where it is', () => {
    assert.deepEqual(lineCodes(coreOnly(diagnose('messy'))), [
      '1:1 intake.missing-section', // [预算限制] is missing from the first intake (anchored at its first section)
      '1:6 intake.format', // [客户行业]:保险
      '2:6 intake.format', // - 细分领域:…
      '3:10 intake.placeholder',
      '3:30 intake.unclosed-placeholder', // __(如「10万笔
      '5:5 intake.format', // [当前痛点] without colon
      '7:2 intake.empty-value', // - 业务影响：
      '9:0 intake.format', // 【基础设施现状】
      '14:1 intake.duplicate-section', // second [当前痛点]
      '17:1 intake.missing-field', // [核心目标] lacks 主要指标
      '21:1 intake.unknown-section', // [基础设施现况]
      '24:6 intake.placeholder',
      '29:1 intake.empty-value', // second intake: [客户行业]： with no value
      '29:1 intake.missing-field',
      '29:1 intake.missing-section',
      '29:1 intake.missing-section',
      '29:1 intake.missing-section',
      '29:1 intake.missing-section',
      '30:2 intake.empty-value',
      '31:6 intake.format', // [预算限制]:
    ]);
  });

  it('gives messy.intake its two intakes, split at `-----`', () => {
    const diags = diagnose('messy');
    assert.deepEqual([...new Set(diags.map((d) => d.intake))], [0, 1]);
    const file = parseIntake(readFixture('messy'));
    assert.equal(file.intakes.length, 2);
    assert.equal(file.eol, '\r\n');
    assert.deepEqual(file.intakes[0]!.preamble.map((v) => v.text), ['客户需求调研（草稿）']);
  });

  it('suggests the known section for a near miss', () => {
    const unknown = diagnose('messy').find((d) => d.code === 'intake.unknown-section')!;
    assert.deepEqual(unknown.data, { kind: 'unknown-section', name: '基础设施现况', suggestion: '基础设施现状' });
  });

  it('reports the duplicate with the range of the first occurrence', () => {
    const dup = diagnose('messy').find((d) => d.code === 'intake.duplicate-section')!;
    assert.equal(dup.data.kind, 'duplicate-section');
    if (dup.data.kind !== 'duplicate-section') return;
    assert.equal(dup.data.section, '当前痛点');
    assert.deepEqual(plain(dup.data.first), { start: { line: 5, character: 1 }, end: { line: 5, character: 5 } });
  });

  it('splits multi-intake.intake into four intakes, by [客户行业]/[行业] blocks and by separators', () => {
    const file = parseIntake(readFixture('multi-intake'));
    assert.deepEqual(
      file.intakes.map((i) => i.sections.map((s) => s.name)),
      [['客户行业'], ['客户行业'], ['行业'], ['当前痛点']],
    );
    assert.equal(file.intakes[2]!.sections[0]!.heading?.text, '一、行业背景与业务特性');
  });

  it('reports the analysis findings of analysis.intake where they are', () => {
    assert.deepEqual(lineCodes(diagnose('analysis')), [
      '13:33 intake.latency-physics', // AWS北京 ↔ AWS法兰克福 <50ms
      '15:9 intake.retired-standard', // PCI DSS v4.0
      '15:21 intake.wording', // …认证
      '15:27 intake.unknown-standard', // SOC2 Type III
      '19:11 intake.budget-sum', // 60% + 30%
      '20:7 intake.budget-exceeds', // 初期建设$150万 > $100万/年
      '25:8 intake.sla-conflict', // 99.95% vs <15分钟/季度
    ]);
    assert.deepEqual(validate(parseIntake(readFixture('analysis'))).filter((d) => CORE_CODES.includes(d.code)), [], 'a complete intake for the core validator');
  });

  it('reports 当前痛点 without 具体问题 only when no unkeyed bullet of it has something written', () => {
    const missing = (pains: string) =>
      coreOnly(validate(parseIntake(`[客户行业]：零售\n[当前痛点]：\n${pains}\n`), { analysis: false }))
        .filter((d) => d.code === 'intake.missing-field' && d.data.kind === 'missing-field' && d.data.section === '当前痛点')
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.data.kind === 'missing-field' ? d.data.field : ''}`);
    assert.deepEqual(missing('- 订单靠人工导出到Excel\n- 断货和滞销同时存在'), []);
    assert.deepEqual(missing('- 订单靠人工导出\n- 业务影响：每月损失50万'), [], 'bullets beside keyed fields');
    assert.deepEqual(missing('- __(描述如「多云监控分散导致故障定位超2小时」)__'), ['2:2 具体问题'], 'at the section, as before');
    assert.deepEqual(missing('- 业务影响：\n  - 每月损失50万'), ['2:2 具体问题'], "a field's bullet");
    // With the analysis the same (the field checks then walk the analysis lines).
    const withAnalysis = validate(parseIntake('[客户行业]：零售\n[当前痛点]：\n- 订单靠人工导出\n'));
    assert.ok(!withAnalysis.some((d) => d.data.kind === 'missing-field' && d.data.field === '具体问题'));
  });

  it('reads lone-CR line endings', () => {
    const file = parseIntake(readFixture('cr-only'));
    assert.equal(file.eol, '\r');
    assert.equal(file.lineCount, 6);
    assert.deepEqual(
      file.intakes[0]!.sections.map((s) => s.nameRange.start.line),
      [0, 2, 3, 4],
    );
  });
});
