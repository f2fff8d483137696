/**
 * A goal's baseline that the intake already gives is stated, not asked for: the securities
 * intake's 开盘峰值委托1.5万笔/秒 for the goal 开盘峰值支撑5万笔/秒, the AML intake's 误报率超过95%
 * for 误报率降到80%以下; without such a figure the question for the baseline stays.
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import { baselineOf, type BaselineLine } from '../../../src/core/engine/plan/baseline';
import { AS_OF, evalReport } from './helpers';

const line = (ref: number, text: string, goal = false): BaselineLine => ({ text, ref, goal });

describe('a goal whose baseline the intake gives', () => {
  it('states the securities peak (L3) instead of asking for it', () => {
    const { model, body } = evalReport('securities');
    const need = model.plan!.needs.find((n) => n.text === '开盘峰值支撑5万笔/秒')!;
    assert.deepEqual(need.baseline, { text: '开盘峰值委托1.5万笔/秒', refs: [3] });
    // The trading system is held to it (plan/targets.ts): no question, its baseline said with it.
    assert.ok(!model.clarifications.some((c) => c.question.includes('开盘峰值支撑5万笔/秒')));
    assert.ok(!body.includes('当前基线'), body.split('\n').filter((l) => l.includes('当前基线')).join('\n'));
    assert.ok(body.includes('- **开盘峰值支撑5万笔/秒**：列为证券集中交易系统的验收指标，在POC中用客户数据实测（现为开盘峰值委托1.5万笔/秒）。'));
  });

  it('states the AML false-positive rate (L8) instead of asking for it', () => {
    const { model, body } = evalReport('anti-money-laundering');
    const need = model.plan!.needs.find((n) => n.text.startsWith('误报率降到80%以下'))!;
    assert.deepEqual(need.baseline, { text: '误报率超过95%', refs: [8] });
    assert.ok(!model.clarifications.some((c) => c.question.includes('当前基线')), model.clarifications.map((c) => c.question).join('\n'));
    assert.ok(body.includes('（现为误报率超过95%）'));
    assert.ok(!body.includes('当前基线'));
  });

  it('does not restate a baseline the goal says itself (从82%提升到90%)', () => {
    const { body } = evalReport('contact-center');
    assert.ok(body.includes('- **客户满意度从82%提升到90%**：列为全渠道联络中心的验收指标，上线后按同一统计口径考核。'));
    assert.ok(!body.includes('现为客户满意度'));
  });

  it('still asks for the baseline when the intake gives none', () => {
    // A goal the trading system does not deliver (IT运维人效): the trading system's own peak target is its acceptance target, not a question.
    const text = ['[客户行业]：证券', '- 细分领域：中型券商，经纪业务', '- 业务规模：资金账户320万', '[核心目标]：', '- 主要指标：18个月内完成新一代核心交易系统上线', '- 次级指标：', '  - 效率：IT运维人效提升30%'].join('\n');
    const model = generateReport(parseIntake(text), 0, { asOf: AS_OF });
    const need = model.plan!.needs.find((n) => n.text === 'IT运维人效提升30%')!;
    assert.equal(need.baseline, undefined);
    assert.equal(need.mechanisms.length, 0);
    assert.equal(need.clarify, '“IT运维人效提升30%”按什么口径验收，当前基线是多少？');
    assert.deepEqual(baselineOf('开盘峰值支撑5万笔/秒', [7], [line(3, '资金账户320万'), line(7, '开盘峰值支撑5万笔/秒', true)]), undefined);
  });
});

describe('baselineOf', () => {
  it('needs the same unit and the same measure', () => {
    // An 18个月 deadline is no baseline for a 上线周期 of 3个月; a 利用率 none for a 可用率.
    assert.equal(baselineOf('上线周期缩短到3个月', [9], [line(2, '在18个月内完成核心系统上线', true)]), undefined);
    assert.equal(baselineOf('服务可用率达到99.9%', [9], [line(2, '服务器CPU利用率超过85%')]), undefined);
    assert.deepEqual(baselineOf('上线周期缩短到3个月', [9], [line(2, '需求多，目前上线周期平均6个月')]), { text: '上线周期平均6个月', refs: [2] });
    assert.deepEqual(baselineOf('平均结案时间控制在3天以内', [9], [line(4, '案件平均结案时间约10天')]), { text: '平均结案时间约10天', refs: [4] });
  });

  it('reads a change (降低30%, 增长40%) as no level', () => {
    assert.equal(baselineOf('客户投诉降低30%', [9], [line(2, '客户投诉增长40%')]), undefined);
    assert.equal(baselineOf('客户投诉率降到1%', [9], [line(2, '客户投诉增长40%')]), undefined);
  });

  it('takes TPS and 笔/秒 as one measure, and another goal only after 从', () => {
    assert.deepEqual(baselineOf('峰值交易支撑2万笔/秒', [9], [line(3, '日均交易600万笔，峰值交易8000TPS')]), { text: '峰值交易8000TPS', refs: [3] });
    assert.equal(baselineOf('误报率降到80%以下', [9], [line(10, '误报率低于85%', true)]), undefined);
    assert.deepEqual(baselineOf('误报率降到80%以下', [9], [line(10, '误报率从95%降到85%', true)]), { text: '误报率95%', refs: [10] });
  });
});
