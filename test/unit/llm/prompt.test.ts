/** buildPrompt: the grounding the model gets (the offline model's facts), and trimming to the context budget. */
import * as assert from 'node:assert/strict';
import { generateReport } from '../../../src/core/engine/generate';
import { REPORT_SECTION_TITLES } from '../../../src/core/engine/reportModel';
import { buildPrompt } from '../../../src/core/llm/prompt';
import { estimateTokens } from '../../../src/core/llm/tokens';
import { parseIntake } from '../../../src/core/parser';
import { readFixture } from '../helpers/seeds';
import { PLANTED, readLlmFixture } from './responses';

const file = parseIntake(readLlmFixture('analysis.intake'));
const intake = file.intakes[0]!;
const model = generateReport(file, 0, { asOf: '2026-06-01' });

function promptOf(name: string, index = 0) {
  const f = parseIntake(readFixture(name));
  const m = generateReport(f, index, { asOf: '2026-06-01' });
  return { model: m, prompt: buildPrompt(f.intakes[index]!, m, { maxContextTokens: 100_000 }) };
}

describe('llm prompt', () => {
  const full = buildPrompt(intake, model, { maxContextTokens: 100_000 });
  const [system, user] = full.messages;

  it('asks for the offline report\'s 8 sections, in Chinese, with 〔Lnn〕 citations and only grounded facts', () => {
    assert.equal(system!.role, 'system');
    for (const title of REPORT_SECTION_TITLES) assert.ok(system!.content.includes(`## ${title}`), title);
    assert.match(system!.content, /〔L行号〕/);
    assert.match(system!.content, /（自行建议）/);
    assert.match(system!.content, /简体中文/);
    assert.ok(system!.content.includes(`# ${model.title}`));
  });

  it('tells the model not to recommend excluded products, to keep every hard constraint and every clarification question, and to write no personal data', () => {
    assert.match(system!.content, /“已排除的产品”不得推荐.*提及时只能说明它已被排除及原因/);
    assert.match(system!.content, /禁止公有云或SaaS时不得提出公有云或SaaS方案；不得引入客户未使用的云厂商；客户保留的系统只做集成与升级，不得替换/);
    assert.match(system!.content, /“待澄清问题”全部写进“下一步建议”/);
    assert.match(system!.content, /不写任何人名、电话、邮箱或证件号码/);
  });

  it("grounds on the model's understanding: industry, core system, estate, scale, goals, pains, SLA", () => {
    assert.match(user!.content, /^- 行业：银行；细分领域：跨境支付清算.* 〔L1, L2〕$/m);
    assert.match(user!.content, /^- 核心业务系统：支付清算系统（由细分领域推断；本期不替换，方案围绕它集成） 〔L2〕$/m);
    assert.match(user!.content, /^- 在用的云：AWS（AWS北京、AWS法兰克福）/m);
    assert.match(user!.content, /^- 现有产品与版本：Oracle Database 19c、IBM MQ 9\.2 〔L11〕$/m);
    assert.match(user!.content, /^- 规模：用户量300万\+；日均交易量50万笔；大型规模 〔L3〕$/m);
    assert.match(user!.content, /^- 首要目标：6个月内实现AWS北京与AWS法兰克福跨区域同步延迟<50ms 〔L14〕$/m);
    assert.match(user!.content, /^- 痛点：.*400ms 〔L7〕$/m);
    assert.match(user!.content, /^- 服务等级：可用性99\.95% 〔L26〕$/m);
    assert.match(user!.content, /^- 云：只用客户现有的AWS，不引入其他云厂商的服务/m);
  });

  it('gives a line without a published end the date it was known unsupported by, as the report does (brokerage)', () => {
    const text = promptOf('eval/securities.intake').prompt.messages[1]!.content;
    assert.match(text, /^- Redis 4\.0：不晚于2024-01-01已结束/m);
    assert.match(text, /^- IBM MQ 8\.0：已于2020-04-30结束/m);
  });

  it('gives the model no ¥0 estimate when the plan builds no system', () => {
    const f = parseIntake(['[客户行业]：零售', '- 细分领域：连锁商超', '- 业务规模：门店300家', '[当前痛点]：', '- 具体问题：员工排班靠手工表格', '[基础设施现状]：', '- 云环境：阿里云华东2', '[核心目标]：', '- 主要指标：提升员工满意度', '[预算限制]：', '- 总预算：¥300万'].join('\n'));
    const text = buildPrompt(f.intakes[0]!, generateReport(f, 0, { asOf: '2026-06-01' }), { maxContextTokens: 100_000 }).messages[1]!.content;
    assert.match(text, /^- 成本估算：本期未选定要建设的系统，不估算成本/m);
    assert.doesNotMatch(text, /¥0/);
  });

  it('carries the hard constraints, the kept systems and what failed (hospital)', () => {
    const { prompt } = promptOf('eval/hospital.intake');
    const text = prompt.messages[1]!.content;
    assert.match(text, /## 硬约束（任何方案都不得违反）\n- 不上公有云：患者数据不得上公有云 〔L60〕\n- 保留并集成、不得替换：卫宁HIS 〔L63〕\n- 已尝试并失败：由HIS厂商加装接口引擎（原因：只覆盖HIS自身接口.*——不得原样再推荐/);
    assert.match(text, /^- 核心业务系统：HIS\/EMR.*客户保留，只做集成与优化，不替换/m);
    assert.match(text, /^- 为何需要：.*客户保留卫宁HIS，集成而不替换$/m);
  });

  it("states the engine's figures: budget, costs by period with the verdict, milestones, SLA and latency arithmetic", () => {
    assert.match(user!.content, /- 总预算：\$100万\/年 〔L19〕；按3年计合计\$300万/);
    assert.match(user!.content, /- 预算拆分：初期建设 60%（\$60万） 〔L20〕；持续运维 30%（\$30万） 〔L20〕/);
    assert.match(user!.content, /- 成本估算（规划参考区间，以厂商报价为准）：一次性\$[\d.–]+万；每年\$[\d.–]+万\/年；3年TCO \$[\d.–]+万/);
    assert.match(user!.content, /- 与预算对比：(?:在预算内|偏紧|超出预算).*预算\$300万/);
    assert.match(user!.content, /^- 分项｜.+：(?:一次性|每年)/m);
    assert.match(user!.content, /- 总周期：\d+周/);
    assert.match(user!.content, /- 1\. 现状评估与POC：第1–\d+周/);
    assert.match(user!.content, /可用性99\.95% 〔L26〕：允许停机约每月21\.9分钟、每季度65\.7分钟、每年4\.4小时/);
    assert.match(user!.content, /AWS北京 ↔ AWS法兰克福 相距约7,800 km，光纤往返至少约77 ms/);
    assert.match(user!.content, /时延目标 <50 ms 〔L14〕：低于物理下限，不可实现/);
  });

  it('lists the analysis findings, lifecycle findings, the picks with their reasons, the exclusions with theirs, and the clarifications', () => {
    for (const code of ['intake.unknown-standard', 'intake.budget-sum', 'intake.budget-exceeds', 'intake.sla-conflict', 'intake.latency-physics']) assert.ok(user!.content.includes(code), code);
    for (const l of model.lifecycle) assert.ok(user!.content.includes(`- ${l.name} ${l.version}：`), l.name);
    for (const option of model.options) {
      assert.ok(user!.content.includes(`### ${option.title}${option.recommended ? '（推荐）' : '（备选）'}`), option.title);
      for (const p of option.picks) {
        assert.ok(user!.content.includes(`#### ${p.categoryName}`), p.categoryName);
        assert.ok(user!.content.includes(`- 推荐：${p.product.name}（${p.product.vendor}`), p.product.name);
        assert.ok(user!.content.includes(p.why), `${p.product.name}: why`);
        if (p.alternative) assert.ok(user!.content.includes(`- 备选：${p.alternative.product.name}（`), p.alternative.product.name);
      }
    }
    assert.ok(model.exclusions.length > 0);
    assert.match(user!.content, /## 已排除的产品（不得推荐；提及时只能说明它被排除及原因）/);
    for (const e of model.exclusions) {
      const line = user!.content.split('\n').find((l) => l.startsWith('- ') && l.includes(e.product.name) && l.includes(`：${e.reason}`));
      assert.ok(line, `${e.product.name}: ${e.reason}`);
    }
    assert.ok(model.clarifications.length > 0);
    for (const c of model.clarifications) assert.ok(user!.content.includes(`- ${c.question}（${c.why}）`), c.question);
    assert.equal(full.meta.omitted.length, 0);
    assert.match(user!.content, /依据完整，未省略/);
  });

  it('groups exclusions that share a reason on one line', () => {
    const { model: m, prompt } = promptOf('seed/seed.intake', 1);
    const reasons = new Set(m.exclusions.map((e) => e.reason));
    assert.ok(reasons.size < m.exclusions.length, 'the seed has several exclusions per reason');
    const lines = prompt.groundingText.split('## 已排除的产品')[1]!.split('\n## ')[0]!.split('\n').filter((l) => l.startsWith('- '));
    assert.equal(lines.length, reasons.size);
  });

  it('sends no personal data: contact lines are left out of the intake lines, and no contact reaches the facts', () => {
    const { model: m, prompt } = promptOf('llm/pii.intake');
    const sent = prompt.messages.map((x) => x.content).join('\n');
    assert.deepEqual(m.understanding.personalDataLines, [5, 6, 23]);
    for (const line of m.understanding.personalDataLines) assert.ok(!new RegExp(`^L${line}: `, 'm').test(sent), `L${line} was sent`);
    for (const list of [PLANTED.person, PLANTED.phone, PLANTED.email, PLANTED.id]) for (const value of list) assert.ok(!sent.includes(value), value);
    assert.match(sent, /^L9: 具体问题：/m, 'other lines are still there for citations');
  });

  it('states its own token estimate, which matches the messages', () => {
    const estimate = estimateTokens(system!.content) + estimateTokens(user!.content);
    assert.equal(full.meta.estimatedTokens, estimate);
    assert.ok(user!.content.includes(`本提示估算约${estimate} tokens（上限100000`));
  });

  it('trims the grounding by priority to fit the budget, keeping the facts, figures, findings, picks, exclusions and questions', () => {
    const small = buildPrompt(intake, model, { maxContextTokens: 4000 });
    const text = small.messages[1]!.content;
    assert.ok(full.meta.estimatedTokens > 4000, 'the fixture needs trimming at 4,000');
    assert.ok(small.meta.estimatedTokens <= 4000, String(small.meta.estimatedTokens));
    assert.equal(small.meta.estimatedTokens, estimateTokens(small.messages[0]!.content) + estimateTokens(text));
    assert.equal(small.meta.overBudget, false);
    assert.ok(text.includes(`本提示估算约${small.meta.estimatedTokens} tokens（上限4000`));
    assert.match(text, /已按优先级省略部分依据：.*产品说明\d+\/\d+条/);
    // Must-keep lines survive; lower priorities go first.
    assert.match(text, /- 总预算：\$100万\/年/);
    assert.ok(text.includes('intake.unknown-standard'));
    assert.match(text, /^- 核心业务系统：/m);
    for (const p of model.options.flatMap((o) => o.picks)) assert.ok(text.includes(`- 推荐：${p.product.name}（`), p.product.name);
    for (const c of model.clarifications) assert.ok(text.includes(c.question), c.question);
    const dropped = new Map(small.meta.omitted.map((o) => [o.group, o]));
    assert.equal(dropped.get('产品说明')?.dropped, dropped.get('产品说明')?.of, 'caveats (30) go before the intake lines (40)');
    assert.equal(dropped.has('排除项'), false, 'exclusions (95) outrank the intake lines');
  });

  it('holds any budget exactly: never over it while anything can still be dropped, and states the true estimate', () => {
    const prompts = [
      { intake, model },
      ...['eval/hospital.intake', 'eval/bank.intake', 'seed/seed.intake'].map((name) => {
        const f = parseIntake(readFixture(name));
        const i = name.startsWith('seed') ? 1 : 0;
        return { intake: f.intakes[i]!, model: generateReport(f, i, { asOf: '2026-06-01' }) };
      }),
    ];
    for (const p of prompts) {
      const whole = buildPrompt(p.intake, p.model, { maxContextTokens: 100_000 }).meta.estimatedTokens;
      for (let budget = 1000; budget <= whole + 50; budget += 97) {
        const built = buildPrompt(p.intake, p.model, { maxContextTokens: budget });
        const real = built.messages.reduce((n, m) => n + estimateTokens(m.content), 0);
        assert.equal(built.meta.estimatedTokens, real, `${p.model.title} @${budget}: stated ${built.meta.estimatedTokens}, real ${real}`);
        if (!built.meta.overBudget) assert.ok(real <= budget, `${p.model.title} @${budget}: ${real}`);
        else assert.ok(built.meta.omitted.length > 0, 'over budget only once everything droppable is dropped');
      }
    }
  });

  it('reports a budget too small even for the must-keep grounding', () => {
    const tiny = buildPrompt(intake, model, { maxContextTokens: 1000 });
    assert.equal(tiny.meta.overBudget, true);
    assert.match(tiny.messages[1]!.content, /- 总预算：\$100万\/年/);
  });

  it('keeps the reports of the evaluation intakes well inside the default budget', () => {
    for (const name of ['eval/hospital.intake', 'eval/bank.intake', 'eval/ecommerce.intake', 'eval/pharma.intake']) {
      const f = parseIntake(readFixture(name));
      const prompt = buildPrompt(f.intakes[0]!, generateReport(f, 0, { asOf: '2026-06-01' }));
      assert.equal(prompt.meta.maxContextTokens, 12_000);
      assert.equal(prompt.meta.omitted.length, 0, `${name} fits the default budget whole`);
      assert.ok(prompt.meta.estimatedTokens < 8000, `${name}: ${prompt.meta.estimatedTokens}`);
    }
  });

  it('estimates CJK text at a token per character and other text at one per three', () => {
    assert.equal(estimateTokens('企业IT系统'), 4 + 1);
    assert.equal(estimateTokens('abcdef'), 2);
    assert.equal(estimateTokens('，：（）'), 4);
    assert.equal(estimateTokens(''), 0);
  });
});
