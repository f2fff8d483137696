/**
 * A customer who buys software outright (付费偏好：软件买断, 财政资金一次性投入): the estimate prices
 * a product its category sells by subscription as a perpetual licence with yearly maintenance where
 * its vendor sells it so (products.yaml `licensing`), and says which it cannot (a public cloud's
 * service, a SaaS, a subscription-only product) or has not recorded (plan/costs.ts).
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import type { CostItem, ReportModel } from '../../../src/core/engine/reportModel';
import { checkKnowledgeIntegrity } from '../../../src/core/knowledge/integrity';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { copyEntry } from '../../../src/core/knowledge/lazyDetails';
import { readFixture } from '../helpers/seeds';
import { AS_OF, evalReport } from './helpers';

/** The budget the engine reads from a retail intake with these 预算限制 lines. */
function budgetOf(lines: readonly string[]): ReportModel['understanding']['budget'] {
  const text = ['[客户行业]：零售', '- 细分领域：连锁超市，门店200家', '[核心目标]：', '- 主要目标：12个月内上线新会员系统', '[预算限制]：', '- 总预算：¥800万', ...lines].join('\n');
  return generateReport(parseIntake(text), 0, { asOf: AS_OF }).understanding.budget;
}

/** Eval fixture `name` with `from` rewritten to `to`. */
function fixtureWith(name: string, from: string, to: string): ReportModel {
  const text = readFixture(`eval/${name}`);
  assert.ok(text.includes(from), `${name} says ${from}`);
  return generateReport(parseIntake(text.replace(from, to)), 0, { asOf: AS_OF });
}

const itemsOf = (model: ReportModel, component: string): CostItem[] => model.costs!.items.filter((i) => i.component.includes(component));

describe('costs: a customer who buys software outright', () => {
  it('reads the preference to buy outright, and whether a subscription is acceptable too', () => {
    const bought = budgetOf(['- 付费偏好：', '  - 一次性投入：软件买断，5年维保']).perpetual;
    assert.deepEqual(bought && { said: bought.said, orSubscription: bought.orSubscription }, { said: '软件买断，5年维保', orSubscription: false });
    assert.equal(bought?.refs.length, 1);
    assert.equal(budgetOf(['- 付费偏好：财政资金一次性投入，按合同节点支付']).perpetual?.said, '财政资金一次性投入，按合同节点支付');
    assert.equal(budgetOf(['- 付费偏好：软件买断优先，可接受私有化部署的订阅']).perpetual?.orSubscription, true);
    assert.equal(budgetOf(['- 付费偏好：', '  - 订阅制：接受政务云的托管服务费', '  - 一次性投入：平台软件按项目一次性采购']).perpetual?.orSubscription, true);
    // What a one-time purchase requires (a blank template's key) is no preference; nor is a refusal.
    assert.equal(budgetOf(['- 付费偏好：', '  - 订阅制：接受SaaS模式', '  - 一次性投入：要求分期付款条款']).perpetual, undefined);
    assert.equal(budgetOf(['- 付费偏好：不接受买断，按年订阅']).perpetual, undefined);
    assert.equal(budgetOf(['- 付费偏好：3年订阅制']).perpetual, undefined);
  });

  it('prices a subscription its vendor sells outright as a one-time licence with yearly maintenance at a stated rate', () => {
    const { model, body } = evalReport('securities');
    const subscribed = fixtureWith('securities', '一次性投入：软件买断，5年维保', '一次性投入：按里程碑付款');
    const [before] = itemsOf(subscribed, 'OceanBase').filter((i) => i.kind === 'licence');
    assert.equal(before?.period, 'per-year', 'without the preference, OceanBase is a subscription');
    const items = itemsOf(model, 'OceanBase');
    const licence = items.find((i) => i.kind === 'licence')!;
    assert.equal(licence.period, 'one-time');
    assert.ok(Math.abs(licence.low - before.low * 3) <= 1 && Math.abs(licence.high - before.high * 3) <= 1, `${licence.low}–${licence.high} is 3 years of ${before.low}–${before.high}`);
    assert.match(licence.assumption, /^买断许可（按调研表的付费偏好；买断价按3年订阅费估算，规划假设），按9个节点的集群估算$/);
    const maintenance = items.find((i) => i.kind === 'operations' && i.assumption.startsWith('年度维保'))!;
    assert.equal(maintenance.period, 'per-year');
    assert.ok(Math.abs(maintenance.low - licence.low * 0.15) <= 1 && Math.abs(maintenance.high - licence.high * 0.2) <= 1);
    assert.equal(maintenance.assumption, '年度维保（买断价的15%–20%/年，常见费率区间，规划假设）');
    // The running work of the subscription stays as it was.
    assert.deepEqual(
      items.filter((i) => i.assumption === '运维与技术支持').map((i) => [i.low, i.high]),
      itemsOf(subscribed, 'OceanBase').filter((i) => i.assumption === '运维与技术支持').map((i) => [i.low, i.high]),
    );
    assert.ok(!items.some((i) => i.kind === 'licence' && i.period === 'per-year'), 'no yearly subscription left');
    assert.match(body, /按调研表的付费偏好（“软件买断，5年维保”），OceanBase按买断许可计入一次性投入：买断价按3年订阅费估算，另计年度维保（买断价的15%–20%\/年，软件维保的常见费率区间），均为规划假设/);
  });

  it('keeps a public cloud’s service on subscription and says it does not fit, and asks where the way of selling is not recorded', () => {
    const { model, body } = evalReport('manufacturing');
    const roma = itemsOf(model, 'ROMA Connect').find((i) => i.kind === 'licence')!;
    assert.equal(roma.period, 'per-year');
    assert.match(roma.assumption, /^订阅（公有云服务，无买断方式），/);
    assert.match(body, /华为云 ROMA Connect只能按订阅付费（公有云服务），与调研表“软件买断，3年维保”的付费偏好不符，按年订阅计入/);
    const tdengine = itemsOf(model, 'TDengine').find((i) => i.kind === 'licence')!;
    assert.equal(tdengine.period, 'per-year');
    assert.match(tdengine.assumption, /^订阅（是否提供买断许可待厂商确认），/);
    assert.match(body, /TDengine是否提供买断许可待厂商确认（请同时报买断价与年度维保费率），暂按年订阅计入/);
    // A customer who accepts a subscription too is not told it does not fit.
    const either = fixtureWith('manufacturing', '一次性投入：软件买断，3年维保', '一次性投入：软件买断优先，可接受订阅');
    assert.ok(either.costs!.assumptions.some((a) => a.startsWith('华为云 ROMA Connect只能按订阅付费（公有云服务），在调研表可接受的订阅之列')), either.costs!.assumptions.join('\n'));
  });

  it('changes nothing for a customer who states no such preference', () => {
    const { model } = evalReport('ecommerce');
    assert.equal(model.understanding.budget.perpetual, undefined);
    assert.ok(!model.costs!.items.some((i) => i.assumption.includes('买断') || i.assumption.startsWith('年度维保（')));
    assert.ok(!model.costs!.assumptions.some((a) => a.includes('买断')));
  });

  it('checks a product’s licensing: recorded only where a category prices a subscription, of a product deployed privately', () => {
    const KB = getKnowledgeBase();
    const subscribed = (id: string) => KB.category(id)?.cost.licenceModel === 'subscription';
    const perpetualOnly = KB.products.find((p) => p.categories.every((c) => !subscribed(c) && !KB.category(c)?.scopes?.some((s) => s.cost.licenceModel === 'subscription')))!;
    const saasOnly = KB.products.find((p) => p.deployment.length === 1 && p.deployment[0] === 'saas' && p.categories.some(subscribed))!;
    const withLicensing = (id: string) => checkKnowledgeIntegrity({ ...KB, products: KB.products.map((p) => (p.id === id ? { ...copyEntry(p), licensing: 'perpetual' as const } : p)) });
    assert.ok(withLicensing(perpetualOnly.id).some((p) => p.includes(`product ${perpetualOnly.id}: licensing is recorded, but none of its categories prices a subscription`)));
    assert.ok(withLicensing(saasOnly.id).some((p) => p.includes(`product ${saasOnly.id}: licensing is recorded for a product that is not deployed privately`)));
    assert.deepEqual(withLicensing('tdengine'), []);
  });
});
