/** buildPrompt: the grounding the model gets, and trimming to the context budget. */
import * as assert from 'node:assert/strict';
import { generateReport } from '../../../src/core/engine/generate';
import { REPORT_SECTION_TITLES } from '../../../src/core/engine/reportModel';
import { buildPrompt } from '../../../src/core/llm/prompt';
import { estimateTokens } from '../../../src/core/llm/tokens';
import { parseIntake } from '../../../src/core/parser';
import { readLlmFixture } from './responses';

const file = parseIntake(readLlmFixture('analysis.intake'));
const intake = file.intakes[0]!;
const model = generateReport(file, 0, { asOf: '2026-06-01' });

describe('llm prompt', () => {
  const full = buildPrompt(intake, model, { maxContextTokens: 100_000 });
  const [system, user] = full.messages;

  it('asks for the same 8 sections, in Chinese, with 〔Lnn〕 citations and only grounded facts', () => {
    assert.equal(system!.role, 'system');
    for (const title of REPORT_SECTION_TITLES) assert.ok(system!.content.includes(`## ${title}`), title);
    assert.match(system!.content, /〔L行号〕/);
    assert.match(system!.content, /（自行建议）/);
    assert.match(system!.content, /简体中文/);
    assert.ok(system!.content.includes(`# ${model.title}`));
  });

  it('gives the four inputs derived from the intake', () => {
    assert.deepEqual(
      full.inputs.map((i) => i.label),
      ['业务性质', '企业规模', '预算范围', '技术需求'],
    );
    assert.match(user!.content, /- 业务性质：行业：银行。细分领域：跨境支付清算.*〔L1, L2, L7〕/);
    assert.match(user!.content, /- 企业规模：.*用户量300万\+，日均交易量50万笔.*大型规模 〔L3〕/);
    assert.match(user!.content, /- 预算范围：.*\$100万\/年.*〔L19, L20, L21〕/);
    assert.match(user!.content, /- 技术需求：.*跨区域同步延迟<50ms.*SOC2 Type III.*等保2\.0三级.*99\.95%可用性/);
  });

  it('numbers the intake lines for citations', () => {
    assert.match(user!.content, /^L19: 总预算：\$100万\/年$/m);
    assert.match(user!.content, /^L16: {3}安全：通过PCI DSS v4\.0认证/m);
    assert.match(user!.content, /^L1: \[客户行业\]：银行$/m);
  });

  it("states the engine's figures: budget total, split, TCO, milestones, SLA and latency arithmetic", () => {
    assert.match(user!.content, /- 总预算：\$100万\/年 〔L19〕；按3年计合计\$300万/);
    assert.match(user!.content, /- 预算拆分：初期建设 60%（\$60万） 〔L20〕；持续运维 30%（\$30万） 〔L20〕/);
    assert.match(user!.content, /- 成本估算（3年）：一次性\$[\d.–]+万；每年\$[\d.–]+万\/年；TCO \$[\d.–]+万/);
    assert.match(user!.content, /- 与预算对比：3年TCO估算.*预算\$300万/);
    assert.match(user!.content, /- 总周期：26周/);
    assert.match(user!.content, /- 1\. 现状评估与POC：第1–3周（3周）/);
    assert.match(user!.content, /可用性99\.95% 〔L26〕：允许停机约每月21\.9分钟、每季度65\.7分钟、每年4\.4小时/);
    assert.match(user!.content, /AWS北京 ↔ AWS法兰克福 相距约7,800 km，光纤往返至少约77 ms/);
    assert.match(user!.content, /时延目标 <50 ms 〔L14〕：低于物理下限，不可实现/);
  });

  it('lists the analysis findings, the picks with their reasons, and the exclusions', () => {
    for (const code of ['intake.unknown-standard', 'intake.budget-sum', 'intake.budget-exceeds', 'intake.sla-conflict', 'intake.latency-physics']) assert.ok(user!.content.includes(code), code);
    for (const option of model.options) {
      assert.ok(user!.content.includes(`### ${option.title}${option.recommended ? '（推荐）' : '（备选）'}`), option.title);
      for (const p of option.picks) {
        assert.ok(user!.content.includes(`#### ${p.categoryName}`), p.categoryName);
        assert.ok(user!.content.includes(`- ${p.product.name}（${p.product.vendor}`), p.product.name);
        assert.ok(user!.content.includes(p.why), `${p.product.name}: why`);
      }
    }
    assert.match(user!.content, /### 已排除的候选（不得推荐）/);
    for (const e of model.exclusions) assert.ok(user!.content.includes(`- ${e.product.name}：${e.reason}`), e.product.name);
    assert.match(user!.content, /## 待澄清问题/);
    assert.equal(full.meta.omitted.length, 0);
    assert.match(user!.content, /依据完整，未省略/);
  });

  it('states its own token estimate, which matches the messages', () => {
    const estimate = estimateTokens(system!.content) + estimateTokens(user!.content);
    assert.equal(full.meta.estimatedTokens, estimate);
    assert.ok(user!.content.includes(`本提示估算约${estimate} tokens（上限100000`));
  });

  it('trims the grounding by priority to fit the budget, keeping figures, findings and product names', () => {
    const small = buildPrompt(intake, model, { maxContextTokens: 4500 });
    const text = small.messages[1]!.content;
    assert.ok(small.meta.estimatedTokens <= 4500, String(small.meta.estimatedTokens));
    assert.equal(small.meta.overBudget, false);
    assert.ok(small.meta.omitted.length > 0);
    assert.ok(text.includes(`本提示估算约${small.meta.estimatedTokens} tokens（上限4500`));
    assert.match(text, /已按优先级省略部分依据：.*产品说明\d+\/\d+条/);
    // Must-keep lines survive; lower priorities go first.
    assert.match(text, /- 总预算：\$100万\/年/);
    assert.ok(text.includes('intake.unknown-standard'));
    for (const p of model.options.flatMap((o) => o.picks)) assert.ok(text.includes(`- ${p.product.name}（`), p.product.name);
    assert.match(text, /^L26: /m, 'the intake lines outrank product details');
    const dropped = new Map(small.meta.omitted.map((o) => [o.group, o]));
    assert.equal(dropped.get('关键特性')?.dropped, dropped.get('关键特性')?.of, 'features (priority 30) go before intake lines (80)');
    assert.equal(dropped.has('调研表原文'), false);
  });

  it('reports a budget too small even for the must-keep grounding', () => {
    const tiny = buildPrompt(intake, model, { maxContextTokens: 1000 });
    assert.equal(tiny.meta.overBudget, true);
    assert.match(tiny.messages[1]!.content, /- 总预算：\$100万\/年/);
  });

  it('estimates CJK text at a token per character and other text at one per three', () => {
    assert.equal(estimateTokens('企业IT系统'), 4 + 1);
    assert.equal(estimateTokens('abcdef'), 2);
    assert.equal(estimateTokens('，：（）'), 4);
    assert.equal(estimateTokens(''), 0);
  });
});
