import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { IntakeDiagnostic } from '../../../src/core/diagnostics';
import { parseIntake } from '../../../src/core/parser';
import { ANALYSIS_CHECKS, analyzeFile, analyzeFindings, analyzeIntake } from '../../../src/core/analysis/analyze';
import type { Framework } from '../../../src/core/knowledge/schema';
import { rangeProblems } from '../helpers/ranges';
import { readSeed, withCrlf } from '../helpers/seeds';
import { analysisFixture, listAnalysisFixtures } from './helpers';

const SEED_INDEX = { blankSimple: 0, insurance: 1, blankStructured: 2, aviation: 3 } as const;

function text(lines: readonly string[], d: IntakeDiagnostic): string {
  return lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
}

function show(lines: readonly string[], ds: readonly IntakeDiagnostic[]): string {
  return ds.map((d) => `L${d.range.start.line + 1} ${d.code} [${text(lines, d)}] ${d.message}`).join('\n') || '(none)';
}

describe('analysis: seed intakes', () => {
  const seed = readSeed();
  const lines = seed.split(/\r\n|\r|\n/);
  const file = parseIntake(seed);
  const diags = (i: number) => analyzeIntake(file.intakes[i]!);

  it('finds nothing in the two blank templates', () => {
    assert.deepEqual(diags(SEED_INDEX.blankSimple), []);
    assert.deepEqual(diags(SEED_INDEX.blankStructured), []);
  });

  it('aviation: unknown-standard on "SOC2 Type III"', () => {
    const d = diags(SEED_INDEX.aviation).filter((x) => x.code === 'intake.unknown-standard');
    assert.equal(d.length, 1, show(lines, d));
    assert.ok(text(lines, d[0]!).includes('SOC2 Type III'), text(lines, d[0]!));
    assert.equal(d[0]!.severity, 'error');
    assert.equal(d[0]!.intake, SEED_INDEX.aviation);
    assert.match(lines[d[0]!.range.start.line]!, /通过AICPA SOC2 Type III认证/);
  });

  it('aviation: latency-physics on the "<100ms" goal between Azure East US and Singapore', () => {
    const d = diags(SEED_INDEX.aviation).filter((x) => x.code === 'intake.latency-physics');
    assert.equal(d.length, 1, show(lines, d));
    assert.equal(text(lines, d[0]!), '<100ms');
    assert.match(lines[d[0]!.range.start.line]!, /跨云数据同步延迟<100ms/);
    assert.match(d[0]!.message, /Azure East US ↔ 新加坡/);
    const data = d[0]!.data;
    assert.equal(data.kind, 'analysis');
    if (data.kind !== 'analysis') return;
    assert.equal(data.check, 'latency-physics');
    assert.equal(data.facts.targetMs, 100);
    assert.ok(Number(data.facts.minRoundTripMs) > 150 && Number(data.facts.minRoundTripMs) < 160, String(data.facts.minRoundTripMs));
  });

  it('aviation: the complete list', () => {
    assert.deepEqual(
      diags(SEED_INDEX.aviation).map((d) => `${d.code} ${text(lines, d)}`),
      ['intake.latency-physics <100ms', 'intake.unknown-standard SOC2 Type III', 'intake.wording 认证'],
    );
  });

  it('insurance: no budget or latency finding; retired PCI DSS v4.0 and its wording', () => {
    const d = diags(SEED_INDEX.insurance);
    assert.deepEqual(
      d.filter((x) => x.code.startsWith('intake.budget-') || x.code === 'intake.latency-physics'),
      [],
      show(lines, d),
    );
    assert.deepEqual(
      d.map((x) => `${x.code} ${text(lines, x)}`),
      ['intake.retired-standard PCIDSS v4.0', 'intake.wording 认证'],
    );
    const retired = d[0]!;
    assert.equal(retired.data.kind === 'analysis' && retired.data.replacement, 'PCIDSS v4.0.1');
    const wording = d[1]!;
    assert.equal(wording.data.kind === 'analysis' && wording.data.replacement, '合规评估（ROC/AOC）');
  });

  it('keeps every range inside the document, with CRLF too', () => {
    for (const t of [seed, withCrlf(seed), ...listAnalysisFixtures().map(analysisFixture)]) {
      const f = parseIntake(t);
      assert.deepEqual(rangeProblems(t, f, analyzeFile(f)), []);
    }
    const crlf = withCrlf(seed);
    assert.deepEqual(analyzeFile(parseIntake(crlf)), analyzeFile(file));
  });

  it('is deterministic', () => {
    assert.deepEqual(analyzeFile(parseIntake(seed)), analyzeFile(parseIntake(seed)));
    assert.equal(JSON.stringify(analyzeFile(file)), JSON.stringify(analyzeFile(parseIntake(seed))));
  });
});

describe('analysis: analyzeIntake', () => {
  it('emits each code with its severity and the analysis data shape', () => {
    const all = listAnalysisFixtures().flatMap((name) => analyzeFile(parseIntake(analysisFixture(name))));
    const severities = new Map(all.map((d) => [d.code, d.severity]));
    assert.deepEqual(Object.fromEntries([...severities].sort()), {
      'intake.budget-exceeds': 'error',
      'intake.budget-sum': 'error',
      'intake.latency-physics': 'warning',
      'intake.retired-standard': 'warning',
      'intake.sla-conflict': 'warning',
      'intake.unknown-standard': 'error',
      'intake.wording': 'information',
    });
    for (const d of all) {
      assert.equal(d.data.kind, 'analysis');
      if (d.data.kind !== 'analysis') continue;
      assert.equal(`intake.${d.data.check}`, d.code);
      assert.ok(Object.keys(d.data.facts).length > 0, d.code);
      assert.ok(d.message.length > 0);
    }
  });

  it('sorts findings in document order and keeps the findings’ cited lines', () => {
    const f = analyzeFindings(parseIntake(analysisFixture('standards-bad')).intakes[0]!);
    for (let i = 1; i < f.length; i++) {
      const a = f[i - 1]!.range.start;
      const b = f[i]!.range.start;
      assert.ok(a.line < b.line || (a.line === b.line && a.character <= b.character));
    }
    assert.ok(f.every((x) => x.lines.includes(x.range.start.line)));
  });

  it('runs only the requested checks', () => {
    const intake = parseIntake(analysisFixture('standards-bad')).intakes[0]!;
    const only = analyzeIntake(intake, { checks: ['wording'] });
    assert.deepEqual([...new Set(only.map((d) => d.code))], ['intake.wording']);
    assert.deepEqual(ANALYSIS_CHECKS.length, 8);
  });

  it('isolates a failing check: the others still report', () => {
    const broken = [{ id: 'broken' } as unknown as Framework];
    const errors: string[] = [];
    const text = analysisFixture('budget-bad') + '\n[核心目标]：\n- 安全：SOC2 Type III\n';
    const intake = parseIntake(text).intakes[0]!;
    const d = analyzeIntake(intake, { frameworks: broken, onError: (check) => errors.push(check) });
    assert.ok(d.some((x) => x.code === 'intake.budget-sum'));
    assert.ok(!d.some((x) => x.code === 'intake.unknown-standard'));
    assert.deepEqual(errors, ['unknown-standard,retired-standard,wording']);
  });

  it('never throws on odd input', () => {
    const odd = [
      '',
      '[预算限制]：',
      '[预算限制]：\n- 总预算：$\n- 分配比例：%%%\n  - 60%',
      '[核心目标]：\n- 延迟<ms\n- <0ms 跨云',
      '[特殊要求]：\n- SLA：100%，RTO 0小时\n- 业务连续性要求：<0分钟/季度',
      '[核心目标]：PCI DSS v PCI DSS v. SOC2 Type 等保第级 ISO 27001: 认证认证',
      '[核心目标]：' + 'Azure East US 新加坡 跨云 <1ms '.repeat(200),
      '\u0000\uffff[预算限制]：$1e309万 ¥99999999999999999999亿',
      '【预算限制】：- 总预算：__($150万/年)__，分配比例：__(60%)__ vs __(50%',
    ];
    for (const t of odd) {
      const f = parseIntake(t);
      const d = analyzeFile(f, { onError: (check, e) => assert.fail(`${check} threw on ${JSON.stringify(t.slice(0, 40))}: ${String(e)}`) });
      assert.deepEqual(rangeProblems(t, f, d), []);
    }
  });

  it('survives token soup made of what the checks look for (property test)', () => {
    const tokens = ['[预算限制]：', '[核心目标]：', '[特殊要求]：', '[基础设施现状]：', '[客户行业]：', '\n', '\r\n', '- ', '  - ', '总预算：', '分配比例：', '初期建设', '$120万/年', '¥500万', '1.2亿', '（含3年服务费）', '3年订阅制', '60%', '(40%)', '，', 'vs', 'SLA', '99.95%', '100%', '可用性', '<15分钟/季度', '零容忍停机', '故障恢复时间<1小时', 'RTO', '跨云', '延迟<100ms', '低于80ms', 'Azure East US', '新加坡', 'AWS北京', 'Azure东欧', 'PCIDSS', ' v4.0', 'SOC2', ' Type III', '等保', '2.0', '六级', '认证', 'ISO 27001', ':2013', '__(', ')__', '**', '：', ' '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 60 }), (parts) => {
        const t = parts.join('');
        const f = parseIntake(t);
        const d = analyzeFile(f, { onError: (check, e) => assert.fail(`${check} threw: ${String(e)}`) });
        assert.deepEqual(rangeProblems(t, f, d), []);
      }),
      { numRuns: Number(process.env.ANALYSIS_RUNS) || 300 },
    );
  });
});
