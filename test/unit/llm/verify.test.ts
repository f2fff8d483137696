/** verifyReport: the model's Markdown checked against the engine's facts. */
import * as assert from 'node:assert/strict';
import { generateReport } from '../../../src/core/engine/generate';
import { hasProblems, verifyReport, type VerifyFinding } from '../../../src/core/llm/verify';
import { buildPrompt } from '../../../src/core/llm/prompt';
import { parseIntake } from '../../../src/core/parser';
import { BAD_REPORT, GOOD_REPORT, readLlmFixture } from './responses';

const file = parseIntake(readLlmFixture('analysis.intake'));
const intake = file.intakes[0]!;
const model = generateReport(file, 0, { asOf: '2026-06-01' });
const grounding = buildPrompt(intake, model, { maxContextTokens: 100_000 }).groundingText;

function codes(list: readonly VerifyFinding[], severity?: VerifyFinding['severity']): string[] {
  return list.filter((f) => !severity || f.severity === severity).map((f) => f.code);
}

describe('llm verify', () => {
  it('finds no problem in a report that agrees with the engine', () => {
    const findings = verifyReport(GOOD_REPORT, model, intake, { groundingText: grounding });
    assert.equal(hasProblems(findings), false, findings.map((f) => `${f.code} ${f.message}`).join('\n'));
    // The corrections of SOC2 Type III and PCI DSS v4.0 are listed, as information only.
    assert.deepEqual(codes(findings, 'information').sort(), ['intake.retired-standard', 'intake.unknown-standard']);
    assert.ok(findings.every((f) => f.line !== undefined));
  });

  it('flags a planted "SOC2 Type III" and a wrong total budget', () => {
    const findings = verifyReport(BAD_REPORT, model, intake, { groundingText: grounding });
    const soc = findings.find((f) => f.code === 'intake.unknown-standard' && f.severity === 'error');
    assert.ok(soc, JSON.stringify(findings, null, 1));
    assert.match(soc.message, /Type III/);
    assert.equal(BAD_REPORT.split('\n')[soc.line! - 1]!.includes('SOC2 Type III报告'), true);
    const budget = findings.find((f) => f.code === 'llm.budget-total');
    assert.ok(budget);
    assert.equal(budget.severity, 'warning');
    assert.match(budget.message, /\$120万\/年/);
    assert.match(budget.message, /\$100万\/年/);
    assert.ok(hasProblems(findings));
  });

  it('accepts the total over the whole period and a converted amount, and skips amounts that are only nearby', () => {
    const ok = ['3年总预算$300万。', '总预算约¥720万/年（按1美元≈7.2元折算）。', '分项超出了总预算的60%（$60万/年）。', '总预算：$100万/年。'];
    for (const line of ok) assert.deepEqual(codes(verifyReport(line, model, intake, { complete: false })), [], line);
    assert.deepEqual(codes(verifyReport('预算总额为$80万。', model, intake, { complete: false })), ['llm.budget-total']);
  });

  it('flags split percentages that differ from the engine', () => {
    const text = ['初期建设60%，持续运维30%。', '初期建设占70%。', '一次性建设（第1年）20%。', '持续运维：35%。'].join('\n');
    const findings = verifyReport(text, model, intake, { complete: false });
    assert.deepEqual(
      findings.map((f) => [f.code, f.line]),
      [
        ['llm.budget-split', 2],
        ['llm.budget-split', 4],
      ],
    );
    assert.match(findings[0]!.message, /初期建设.*70%.*60%/);
  });

  it('lists missing sections, but not for partial text', () => {
    const text = '# 报告\n## 业务需求分析\n内容\n## 二、推荐系统方案\n## 3. 适用性分析\n';
    const findings = verifyReport(text, model, intake);
    assert.deepEqual(codes(findings), ['llm.missing-section']);
    assert.match(findings[0]!.message, /5 of the 8 sections: 关键特性、实施建议、成本效益分析、风险提示、下一步建议/);
    assert.deepEqual(verifyReport(text, model, intake, { complete: false }), []);
  });

  it('flags citations outside the intake', () => {
    const findings = verifyReport('见〔L3, L99〕与〔L0〕；〔客户A〕不是引用。', model, intake, { complete: false });
    assert.deepEqual(codes(findings), ['llm.bad-citation']);
    assert.match(findings[0]!.message, /L99, L0/);
  });

  it('flags knowledge-base products that were not in the grounding, unless labelled 自行建议', () => {
    const grounded = verifyReport('- 日志可用 Splunk Enterprise Security。', model, intake, { groundingText: '- Splunk Enterprise Security（Splunk，国际）得分20/26', complete: false });
    assert.deepEqual(codes(grounded), []);
    const labelled = verifyReport('- 日志可用 Splunk Enterprise Security（自行建议）。', model, intake, { groundingText: 'nothing', complete: false });
    assert.deepEqual(codes(labelled), []);
    const unlabelled = verifyReport('- 日志可用 Grafana LGTM。', model, intake, { groundingText: 'nothing', complete: false });
    assert.deepEqual(codes(unlabelled), ['llm.ungrounded-product']);
    assert.equal(unlabelled[0]!.severity, 'information');
  });
});
