import * as assert from 'node:assert/strict';
import { allowedDowntime } from '../../../src/core/analysis/sla';
import { analysisFixture, covered, findings, summary } from './helpers';

describe('analysis: intake.sla-conflict', () => {
  it('computes downtime with a 365.25-day year', () => {
    assert.equal(allowedDowntime(99.95, 'month').toFixed(1), '21.9');
    assert.equal(allowedDowntime(99.95, 'quarter').toFixed(1), '65.7');
    assert.equal((allowedDowntime(99.95, 'year') / 60).toFixed(2), '4.38');
    assert.equal(allowedDowntime(100, 'year'), 0);
  });

  it('fires when the SLA allows more downtime than the continuity requirement, stating the arithmetic', () => {
    const text = analysisFixture('sla-conflict');
    const f = findings(text, 'sla-conflict');
    const onSla = f.filter((x) => covered(text, x) === '99.95%');
    assert.equal(onSla.length, 1, summary(f));
    assert.equal(onSla[0]!.severity, 'warning');
    assert.equal(onSla[0]!.code, 'intake.sla-conflict');
    assert.equal(onSla[0]!.message, 'SLA 99.95% allows about 65.7 min of downtime per quarter, more than the 15 min per quarter allowed by 业务连续性要求.');
    assert.deepEqual(onSla[0]!.lines, [8, 3]);
  });

  it('fires when one outage lasting the RTO exceeds the downtime allowance', () => {
    const text = analysisFixture('sla-conflict');
    const f = findings(text, 'sla-conflict').filter((x) => covered(text, x) === '<1小时');
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /recovery time of 1 h \(故障恢复时间\) is longer than the 15 min of downtime per quarter/);
  });

  it("does not hold today's recovery time or availability against the required SLA", () => {
    // 灾备切换RTO约4小时 is the pain; the requirement is RTO<5分钟.
    const text = '[基础设施现状]：\n- 现存瓶颈：\n  - 运维层面：灾备切换演练每年一次，RTO约4小时，当前可用性99.5%\n[当前痛点]：\n- 具体问题：去年停机累计6小时\n[特殊要求]：\n- 服务等级：\n  - SLA：99.99%可用性，RTO<5分钟、RPO=0\n';
    assert.deepEqual(findings(text, 'sla-conflict'), []);
    // The same 4 hours as the requirement conflicts.
    assert.equal(findings(text.replace('RTO<5分钟', 'RTO<4小时'), 'sla-conflict').length, 1);
  });

  it('does not fire when the numbers are consistent', () => {
    assert.deepEqual(findings(analysisFixture('sla-ok'), 'sla-conflict'), []);
    for (const text of [
      '[特殊要求]：\n- 服务等级：\n  - SLA：99.95%可用性，故障恢复时间<1小时\n',
      '[特殊要求]：\n- 服务等级：\n  - SLA：99.9%可用性/4小时恢复时间\n',
      '[客户行业]：银行\n- 业务连续性要求：每月停机不超过30分钟\n[特殊要求]：\n- SLA：99.95%\n',
      '[核心目标]：\n- 性能：99%理赔请求在15秒内完成\n[客户行业]：保险\n- 业务连续性要求：零停机\n',
    ]) {
      assert.deepEqual(findings(text, 'sla-conflict'), [], text);
    }
  });

  it('fires on an annual allowance in hours', () => {
    const text = '[客户行业]：银行\n- 业务连续性要求：年停机时间不超过4小时\n[特殊要求]：\n- SLA：99.95%可用性\n';
    const f = findings(text, 'sla-conflict');
    assert.equal(f.length, 1, summary(f));
    assert.equal(f[0]!.message, 'SLA 99.95% allows about 4.4 h of downtime per year, more than the 4 h per year allowed by 业务连续性要求.');
  });

  it('fires on zero tolerance with an SLA below 100%', () => {
    const text = '[客户行业]：航空\n- 业务连续性要求：金融结算系统零容忍停机\n[特殊要求]：\n- 服务等级：SLA 99.99%\n';
    const f = findings(text, 'sla-conflict');
    assert.equal(f.length, 1, summary(f));
    assert.equal(covered(text, f[0]!), '99.99%');
    assert.match(f[0]!.message, /about 4\.4 min of downtime per month/);
    assert.match(f[0]!.message, /零容忍停机/);
  });

  it('fires when a single outage within the RTO exceeds a whole year of the SLA budget', () => {
    const text = '[特殊要求]：\n- 服务等级：SLA 99.99%，RTO 4小时\n';
    const f = findings(text, 'sla-conflict');
    assert.equal(f.length, 1, summary(f));
    assert.match(f[0]!.message, /52\.6 min of downtime per year/);
    assert.deepEqual(findings('[特殊要求]：\n- 服务等级：SLA 99.9%，RTO 4小时\n', 'sla-conflict'), [], '8.8 h a year covers a 4 h recovery');
  });

  it('reports an availability repeated in the goal and the service level once per requirement and mention', () => {
    const text = '[客户行业]：保险\n- 业务连续性要求：<15分钟/季度\n[核心目标]：\n- 主要指标：6个月内达成SLA 99.95%\n[特殊要求]：\n- SLA：99.95%\n';
    const f = findings(text, 'sla-conflict');
    assert.equal(f.length, 1, summary(f));
    assert.equal(f[0]!.range.start.line, 3);
  });
});

describe('analysis: intake.sla-conflict, clauses passed over', () => {
  // The walk over a line reads a clause only when it has a per cent sign, or a digit followed
  // (after blanks) by what may start a duration's unit: every way of writing one must still count.
  const rtoAgainstSla = (rto: string) => findings(`[特殊要求]：\n- 服务等级：SLA 99.99%，RTO ${rto}\n`, 'sla-conflict');
  for (const rto of ['4小时', '4 \t小时', '4个小时', '4.5 HOURS', '4 Hrs', '240 MIN', '14400 S', '1 Day', '2天', '86400 sec']) {
    it(`reads the recovery time ${JSON.stringify(rto)}`, () => assert.equal(rtoAgainstSla(rto).length, 1, rto));
  }

  it('reads an availability in a clause whose digit is elsewhere than before the unit', () => {
    const f = findings('[客户行业]：银行\n- 业务连续性要求：零停机\n[特殊要求]：\n- 可用性：全年 99.9 %\n', 'sla-conflict');
    assert.equal(f.length, 1, summary(f));
  });

  it('reads a statement beside blanks and blanked placeholders, and nothing from a line that is all blanks', () => {
    // Blank lines are passed over before they are searched: only wholly blank ones.
    const text = '[客户行业]：航空\n- 业务连续性要求：__(待定)__ 零容忍停机\n[特殊要求]：\n- 服务等级：\u3000SLA 99.99%\u3000\n- SLA：__(99.9%可用性)__\n- \u3000\t \n';
    const f = findings(text, 'sla-conflict');
    assert.equal(f.length, 1, summary(f));
    assert.equal(covered(text, f[0]!), '99.99%');
  });

  it('passes over clauses with digits but neither a duration nor a percentage', () => {
    assert.deepEqual(findings('[特殊要求]：\n- 服务等级：SLA 99.99%，RTO 4 号机房，恢复时间 2026 年\n', 'sla-conflict'), []);
  });
});
