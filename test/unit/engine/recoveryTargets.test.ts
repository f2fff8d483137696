/**
 * A recovery target the customer states (RTO<5分钟、RPO=0, RTO≤30分钟, MES停机不得超过10分钟) is
 * the figure the DR/HA answer quotes and the failover drill of the POC accepts on; without one,
 * the answer is the generic tiering. Planned downtime, a cut-over window and a monthly budget are
 * no recovery target.
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import { bodyOf, renderMarkdown } from '../../../src/core/render/markdown';
import { AS_OF, evalReport } from './helpers';

const lineOf = (body: string, text: string): string => body.split('\n').find((l) => l.includes(text)) ?? '';

function inline(lines: readonly string[]): { model: ReturnType<typeof generateReport>; body: string } {
  const model = generateReport(parseIntake(lines.join('\n')), 0, { asOf: AS_OF });
  return { model, body: bodyOf(renderMarkdown(model, { refs: false })).replace(/\\/g, '') };
}

describe('a stated recovery target', () => {
  it('is read as written, with its line (securities, bank, manufacturing)', () => {
    assert.deepEqual(evalReport('securities').model.understanding.sla.recovery, { text: 'RTO<5分钟、RPO=0', refs: [39] });
    assert.deepEqual(evalReport('bank').model.understanding.sla.recovery, { text: 'RTO≤30分钟、RPO=0', refs: [4] });
    const m = evalReport('manufacturing').model.understanding.sla;
    assert.deepEqual(m.recovery, { text: 'MES停机不得超过10分钟', refs: [7] });
    assert.equal(m.maxOutageMinutes, 10);
    // "RTO不超过4小时、RPO不超过15分钟" is a target too.
    const dr = evalReport('disaster-recovery').model.understanding.sla;
    assert.equal(dr.rtoMinutes, 240);
    assert.equal(dr.rpoMinutes, 15);
  });

  it('leads the securities DR answer, which cites its line, and both failover drills of the POC accept on it', () => {
    const { body, markdown } = evalReport('securities');
    const answer = lineOf(body, '灾备切换演练每年一次，RTO约4小时**：');
    assert.ok(answer.includes('以RTO<5分钟、RPO=0为核心系统的目标：核心同步复制'), answer);
    assert.ok(answer.includes('以演练实测达到该目标验收'), answer);
    assert.ok(lineOf(markdown, '**灾备切换演练每年一次').includes('L39'), lineOf(markdown, '**灾备切换演练每年一次'));
    assert.ok(lineOf(body, '回放真实交易日的委托流').includes('演练节点故障切换，须满足RTO<5分钟、RPO=0；以订单处理时延P99<1毫秒'), lineOf(body, '回放真实交易日的委托流'));
    assert.ok(lineOf(body, '演练节点故障与跨机房切换').includes('须满足RTO<5分钟、RPO=0'), lineOf(body, '演练节点故障与跨机房切换'));
  });

  it('is the bank’s DR practice and its core system gains the failover drill', () => {
    const { body } = evalReport('bank');
    assert.ok(body.includes('- 以RTO≤30分钟、RPO=0为核心系统的目标：核心同步复制、一般异步'), lineOf(body, '核心同步复制'));
    assert.ok(lineOf(body, '**核心银行系统**：用脱敏').includes('演练主节点故障切换，须满足RTO≤30分钟、RPO=0'), lineOf(body, '**核心银行系统**：用脱敏'));
  });

  it('gives the MES a high-availability practice on its outage limit and availability, and a failover drill', () => {
    const { body, markdown } = evalReport('manufacturing');
    assert.ok(markdown.includes('| outage-limit-high-availability |'));
    assert.ok(body.includes('- 以MES停机不得超过10分钟、99.9%可用性为目标：应用多节点、数据库主备自动切换'), lineOf(body, '主备自动切换'));
    assert.ok(lineOf(body, '**MES**：在一条试点产线').includes('演练主节点故障切换，须满足MES停机不得超过10分钟'), lineOf(body, '**MES**：在一条试点产线'));
  });
});

describe('no recovery target', () => {
  it('in planned downtime, a cut-over window or a monthly budget', () => {
    for (const name of ['erp', 'logistics', 'virtualization-replacement', 'database-replacement']) {
      const { model, markdown } = evalReport(name);
      assert.equal(model.understanding.sla.recovery, undefined, name);
      assert.ok(!markdown.includes('outage-limit-high-availability'), name);
    }
  });

  it('leaves the DR answer generic and the POC as it was', () => {
    const { body } = inline([
      '[客户行业]：证券',
      '- 细分领域：中型券商，经纪业务，集中交易系统升级',
      '- 业务规模：资金账户320万',
      '[当前痛点]：',
      '- 具体问题：灾备切换演练每年一次，恢复靠人工',
      '[核心目标]：',
      '- 主要指标：18个月内完成新一代核心交易系统上线，订单处理时延P99<1毫秒',
    ]);
    assert.ok(body.includes('按业务分级定RTO/RPO：核心同步复制、一般异步；保留隔离且不可篡改的备份，半年一次切换演练。'), lineOf(body, '核心同步复制'));
    assert.ok(!body.includes('须满足'), lineOf(body, '须满足'));
  });
});
