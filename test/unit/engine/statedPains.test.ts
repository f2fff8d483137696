/**
 * Every pain the intake states is in 关键痛点, said: a rule's words for a need restate the pains
 * they say, and another pain the same rule answers keeps its own words (plan/needs.ts); a pain
 * about interfaces' monitoring is the integration platform's, not an observability platform's.
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import { readExample } from '../helpers/seeds';
import { AS_OF, evalReport } from './helpers';

/** The needs a report lists under 关键痛点: its pains and debts, each with its lines. */
const painItems = (name: string) => evalReport(name).model.plan!.needs.filter((n) => n.kind === 'pain' || n.kind === 'debt');

describe('stated pains: listed, or folded into words that say them', () => {
  it('lists the follow-up pain beside the rule’s words for the others (internet hospital)', () => {
    const pains = painItems('internet-hospital');
    const queue = pains.find((n) => n.text.startsWith('复诊开药要到院排队'));
    assert.deepEqual(queue?.refs, [8, 9]);
    const followUp = pains.find((n) => n.refs.includes(10));
    assert.equal(followUp?.text, '患者随访靠电话，产后随访完成率低');
    // Still answered by the internet hospital, and said in 关键痛点 and 适用性分析.
    assert.ok(followUp.mechanisms.some((m) => m.rule === 'internet-hospital-platform'));
    const { body } = evalReport('internet-hospital');
    assert.match(body, /关键痛点\*\*\n(?: {3}- .*\n)*? {3}- 患者随访靠电话，产后随访完成率低\n/);
    assert.match(body, /同时解决[^。]*患者随访靠电话/);
  });

  it('lists the claim-list upload pain, and folds the pains the DRG words say (DRG payment)', () => {
    const pains = painItems('drg-payment');
    assert.deepEqual(
      pains.map((n) => [n.text, n.refs]),
      [
        ['病组亏损看不到、病案编码不准导致医保拒付', [8, 9]],
        ['医保结算清单上传靠人工核对', [10]],
      ],
    );
  });

  it('folds a short pain one shared word speaks for (安全团队只有3人 in 值守人手不足)', () => {
    const soc = painItems('security').find((n) => n.text.startsWith('安全告警分散'));
    assert.deepEqual(soc?.refs, [10, 11]);
  });

  it('still joins a root cause to the symptom it explains (接口无统一监控 behind 点对点集成)', () => {
    const integration = painItems('hospital').find((n) => n.text.startsWith('院内系统点对点集成'));
    assert.deepEqual(integration?.refs, [13, 16, 17]);
    // The rating the hospital failed is a pain of its own, answered by the integration platform and the EMR work.
    const rating = painItems('hospital').find((n) => n.refs.includes(14));
    assert.match(rating?.text ?? '', /^2024年电子病历系统应用水平分级评价仅通过4级/);
  });

  it('a pain a rule answers with another pain’s words keeps its own, on a made-up intake too', () => {
    const text = [
      '[客户行业]：医疗',
      '- 细分领域：三级甲等综合医院',
      '[当前痛点]：',
      '- 病案首页填写错误多，编码不准导致入组错误，医保拒付',
      '- 医保结算清单上传靠人工核对',
      '[核心目标]：',
      '- 主要目标：建设DRG智能管理系统，病组成本与医保控费',
      '[预算限制]：',
      '- 总预算：¥300万',
    ].join('\n');
    const needs = generateReport(parseIntake(text), 0, { asOf: AS_OF }).plan!.needs.filter((n) => n.kind === 'pain');
    assert.deepEqual(
      needs.map((n) => n.refs),
      [[4], [5]],
    );
    assert.equal(needs[1]!.text, '医保结算清单上传靠人工核对');
  });
});

describe('observability only for a pain about monitoring the estate', () => {
  it('does not build an observability platform for 接口无统一监控: the integration platform monitors its interfaces', () => {
    const { model, body } = evalReport('hospital');
    assert.ok(!model.plan!.systems.some((s) => s.category === 'observability'), model.plan!.systems.map((s) => s.category).join(', '));
    assert.ok(!body.includes('OpenTelemetry'));
    assert.ok(model.plan!.systems.some((s) => s.category === 'his-integration'));
  });

  it('still builds one where the estate has no monitoring (没有统一监控 of the 委办局, of TMS与WMS), not for an integration programme', () => {
    const categories = (text: string, index = 0) => generateReport(parseIntake(text), index, { asOf: AS_OF }).plan!.systems.map((s) => s.category);
    assert.ok(categories(readExample('government-cloud')).includes('observability'));
    assert.ok(categories(readExample('pipeline-2025-q3'), 1).includes('observability'));
    // 接口统一监控和告警 is the integration platform's own.
    assert.ok(!evalReport('integration').model.plan!.systems.some((s) => s.category === 'observability'));
  });
});
