/**
 * A measurable goal that a system of the plan delivers is that system's acceptance target (in
 * 适用性分析 and, when a POC can measure it, in the POC), not a goal "没有对应的明确措施"; a goal
 * nothing in the plan speaks to keeps its question, and is no system's POC target.
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import { bodyOf, renderMarkdown } from '../../../src/core/render/markdown';
import { pocTestable } from '../../../src/core/engine/text/pocTarget';
import { TARGET_RULE } from '../../../src/core/engine/plan/targets';
import { AS_OF, evalReport } from './helpers';

const lineOf = (body: string, text: string): string => body.split('\n').find((l) => l.includes(text)) ?? '';
const targetOf = (name: string, goal: string) => evalReport(name).model.plan!.needs.find((n) => n.text.startsWith(goal))!;

describe('a measurable goal the plan delivers', () => {
  it('is the AML system’s target, in 适用性分析 and in its POC, and no longer a question', () => {
    const { model, body } = evalReport('anti-money-laundering');
    const need = targetOf('anti-money-laundering', '误报率降到80%以下');
    assert.deepEqual(need.mechanisms.map((m) => [m.rule, m.categories]), [[TARGET_RULE, ['risk-fraud']]]);
    assert.equal(need.clarify, undefined);
    assert.ok(!body.includes('没有对应的明确措施'), lineOf(body, '没有对应的明确措施'));
    assert.ok(!model.clarifications.some((c) => c.question.includes('误报率')));
    // Only the clause with a figure is the system's: not 下次检查无处罚.
    assert.ok(body.includes('其中“误报率降到80%以下”列为反洗钱监测系统的验收指标，在POC中用客户数据实测（现为误报率超过95%）。'));
    assert.ok(lineOf(body, '用近一年的交易与历史预警').includes('以误报率降到80%以下为验收目标'));
  });

  it('puts the securities peak throughput in the trading system’s POC, after its latency', () => {
    const { body } = evalReport('securities');
    assert.equal(targetOf('securities', '开盘峰值支撑5万笔/秒').mechanisms[0]!.categories.join(), 'securities-trading');
    assert.ok(lineOf(body, '回放真实交易日的委托流').includes('以订单处理时延P99<1毫秒、开盘峰值支撑5万笔/秒为验收目标'), lineOf(body, '回放真实交易日的委托流'));
    assert.ok(!body.includes('没有对应的明确措施'));
  });

  it('credits a goal that names its systems (集团HR, 新OA) to both, to be measured after the rollout', () => {
    const { body } = evalReport('hr-oa');
    assert.deepEqual(targetOf('hr-oa', '86家子公司').mechanisms[0]!.categories, ['oa', 'hcm']);
    assert.ok(body.includes('- **86家子公司全部切换到集团HR与新OA**：列为协同办公（OA）与人力资源管理（HCM）的验收指标，上线后按验收方案约定的口径考核。'));
  });

  it('asks to agree the baseline of a change the intake gives none for (呆滞库存降低30%)', () => {
    const { body } = evalReport('erp');
    assert.ok(body.includes('- **呆滞库存降低30%**：列为ERP的验收指标，上线后考核，当前基线与统计口径在验收方案中约定。'));
    // A go-live without a figure is still asked about.
    assert.ok(lineOf(body, '需进一步澄清').includes('核心流程（订单到收款、采购到付款、计划到生产）全部上线'));
  });

  it('credits the paper records to the systems that replace them (EBR, LIMS), not to the QMS', () => {
    assert.deepEqual(targetOf('pharma', '降低纸质记录').mechanisms[0]!.categories, ['mes', 'lims']);
  });
});

describe('a measurable goal nothing in the plan delivers', () => {
  it('keeps its question beside a BSS (IT运维人效提升30%)', () => {
    const { body } = evalReport('telecom');
    assert.equal(targetOf('telecom', 'IT运维人效').mechanisms.length, 0);
    assert.ok(lineOf(body, '需进一步澄清').includes('“IT运维人效提升30%”'));
  });

  it('is not the core system’s POC target', () => {
    // 报表导出 is no trading system's business: before, the core took every goal as its target.
    const text = ['[客户行业]：证券', '- 细分领域：中型券商，经纪业务', '- 业务规模：资金账户320万', '[核心目标]：', '- 主要指标：18个月内完成新一代核心交易系统上线', '- 次级指标：', '  - 效率：监管报表导出耗时<10分钟'].join('\n');
    const model = generateReport(parseIntake(text), 0, { asOf: AS_OF });
    const body = bodyOf(renderMarkdown(model, { refs: false })).replace(/\\/g, '');
    const need = model.plan!.needs.find((n) => n.text.includes('报表导出'))!;
    assert.equal(need.mechanisms.length, 0);
    assert.ok(lineOf(body, '需进一步澄清').includes('报表导出'));
    assert.ok(!body.includes('<10分钟为验收目标'), lineOf(body, '验收目标'));
  });
});

describe('pocTestable', () => {
  it('takes a time, an error rate on replayed data and a throughput per second', () => {
    for (const t of ['订单处理时延P99<1毫秒', '误报率降到80%以下', '开盘峰值支撑5万笔/秒', '支撑每秒5000单']) assert.ok(pocTestable(t), t);
  });

  it('leaves what the rollout proves: a satisfaction, a stock level, a rollout count', () => {
    for (const t of ['客户满意度从82%提升到90%', '呆滞库存降低30%', '86家子公司全部切换到集团HR与新OA', '数据库许可费用降低30%']) assert.ok(!pocTestable(t), t);
  });
});
