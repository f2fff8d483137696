/**
 * The yearly running-cost cap (costs.ts `compareRunning`, risks.ts `runningRisk`): a budget line
 * that caps or allocates the yearly running cost ("后续年运维不超过¥1500万/年") is compared with
 * the yearly running estimate, not only folded into the TCO; where it fails worse than the TCO,
 * the verdict and a risk of its own say so.
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import type { ReportModel } from '../../../src/core/engine/reportModel';
import { bodyOf, renderMarkdown } from '../../../src/core/render/markdown';
import { readFixture } from '../helpers/seeds';
import { AS_OF, evalReport } from './helpers';

const BANK_CAP = '后续年运维不超过¥1500万/年';
const BANK_PREFERENCE = '付费偏好：一次性投入，按里程碑分期付款';

/**
 * The bank fixture with its yearly cap line rewritten, and without its preference to buy outright:
 * its ESB, database and OS stay subscriptions, so the figures below are a subscription estimate's
 * (the preference's own effect is tested in report.test.ts).
 */
function bankWith(cap: string): ReportModel {
  const text = readFixture('eval/bank');
  assert.ok(text.includes(BANK_CAP), 'the fixture states the cap');
  assert.ok(text.includes(BANK_PREFERENCE), 'the fixture states its payment preference');
  return generateReport(parseIntake(text.replace(BANK_CAP, cap).replace(BANK_PREFERENCE, '付费偏好：按里程碑分期付款')), 0, { asOf: AS_OF });
}

describe('budget: the yearly running-cost cap', () => {
  it('reads a stated ceiling as a cap, and a yearly allocation as a budget', () => {
    const bank = evalReport('bank').model.understanding.budget;
    assert.equal(bank.recurringPerYear?.amount, 15_000_000);
    assert.equal(bank.recurringCap, true);
    const pharma = evalReport('pharma').model.understanding.budget;
    assert.equal(pharma.recurringPerYear?.amount, 1_500_000);
    assert.equal(pharma.recurringCap, undefined);
    assert.equal(bankWith('运维费每年¥2000万以内').understanding.budget.recurringCap, true);
  });

  it('says the bank’s yearly running estimate is over its cap even at the low end, by how much and why', () => {
    const model = bankWith(BANK_CAP);
    const body = bodyOf(renderMarkdown(model, { refs: false })).replace(/\\/g, '');
    const budget = model.costs!.budget!;
    assert.equal(budget.running?.verdict, 'over');
    assert.equal(budget.running?.decides, true);
    assert.equal(budget.running?.totalVerdict, 'tight', 'the TCO alone fits at its low end');
    assert.equal(budget.verdict, 'over', 'the yearly cap decides the verdict');
    assert.match(budget.statement, /每年运行费用估算¥1650–3020万，按下限也超出年运维上限¥1500万约¥150万（10%），主要来自核心银行系统的年度维保与运维（¥790–1650万\/年）和基础设施（¥590–920万\/年）。/);
    assert.match(budget.statement, /与长亮科技（Sunline）谈年度维保费率与续约涨幅上限并写入合同/);
    assert.ok(body.includes('按下限也超出年运维上限¥1500万'), 'the comparison is in the body');
    const risk = model.risks.find((r) => r.title === '年运维超出上限');
    assert.ok(risk, model.risks.map((r) => r.title).join('、'));
    assert.match(risk.risk, /按估算下限也超出年运维上限¥1500万约¥150万（10%），最大的一项是核心银行系统的年度维保与运维/);
    assert.deepEqual(risk.refs, [30]);
    // The TCO's own risk (its high end over the budget) stays, as a tight budget, not a short one.
    assert.ok(model.risks.some((r) => r.title === '预算偏紧' && r.risk.startsWith('估算区间的上限超出预算')));
    // No option is switched for it: the TCO's low end fits.
    assert.equal(model.options.find((o) => o.recommended)?.withinBudget, undefined);
  });

  it('says a yearly estimate within the cap is within, with its margin, and adds no risk', () => {
    const model = bankWith('后续年运维不超过¥3500万/年');
    const budget = model.costs!.budget!;
    assert.equal(budget.running?.verdict, 'within');
    assert.equal(budget.running?.decides, false);
    assert.equal(budget.verdict, budget.running?.totalVerdict);
    assert.match(budget.statement, /每年运行费用估算¥1650–3020万，在年运维上限¥3500万以内，上限仍留有约¥480万。/);
    assert.ok(!budget.statement.includes('主要来自'), budget.statement);
    assert.ok(!model.risks.some((r) => r.title.startsWith('年运维')));
  });

  it('says a yearly estimate whose low end fits is tight, and names what drives it', () => {
    const model = bankWith('后续年运维不超过¥2500万/年');
    const budget = model.costs!.budget!;
    assert.equal(budget.running?.verdict, 'tight');
    assert.match(budget.statement, /每年运行费用估算¥1650–3020万：下限在年运维上限¥2500万以内，上限超出约¥520万（21%），主要来自核心银行系统的年度维保与运维/);
    assert.match(budget.statement, /报价若接近上限，/);
  });

  it('compares nothing yearly where the intake states no yearly cap', () => {
    for (const name of ['government', 'catering', 'collaboration']) {
      const { model } = evalReport(name);
      assert.equal(model.understanding.budget.recurringPerYear, undefined, name);
      assert.equal(model.costs?.budget?.running, undefined, name);
      assert.ok(!(model.costs?.budget?.statement ?? '').includes('每年运行费用估算'), name);
      assert.ok(!model.risks.some((r) => r.title.startsWith('年运维')), name);
    }
  });
});

/** The budget the engine reads from a retail intake with these 预算限制 lines. */
function budgetOf(lines: readonly string[]): ReportModel['understanding']['budget'] {
  const text = ['[客户行业]：零售', '- 细分领域：连锁超市，门店200家', '[核心目标]：', '- 主要目标：12个月内上线新会员系统', '[预算限制]：', ...lines].join('\n');
  return generateReport(parseIntake(text), 0, { asOf: AS_OF }).understanding.budget;
}

describe('budget: a split of the total into build and operations shares', () => {
  it('reads the shares under the total’s line (初期建设70% vs 持续运维30%) as its build and yearly budgets', () => {
    const b = evalReport('securities').model.understanding.budget;
    assert.deepEqual(
      b.split.map((s) => [s.label, s.percent]),
      [
        ['初期建设', 70],
        ['持续运维', 30],
      ],
    );
    assert.deepEqual(b.shares, { oneTime: 70, recurring: 30, years: 3 });
    assert.equal(b.oneTime?.amount, 56_000_000);
    assert.equal(b.recurringPerYear?.amount, 8_000_000, '¥2400万 over the budget’s 3 years');
    assert.equal(b.recurringCap, undefined, 'a share is an allocation, not a ceiling');
  });

  it('holds the one-time and yearly estimates to the shares, and says where the amounts come from', () => {
    const { model, body } = evalReport('securities');
    const budget = model.costs!.budget!;
    // OceanBase bought outright, as the intake buys (软件买断): its licence is one-time spend.
    assert.match(budget.statement, /其中一次性投入估算¥3990–6230万，下限在建设预算¥5600万（总预算的70%）以内、上限超出约¥630万。/);
    assert.match(budget.statement, /每年运行费用估算¥650–1180万：下限在年运维预算¥800万（总预算的30%，按3年分摊）以内，上限超出约¥380万（48%），主要来自证券集中交易系统的年度维保与运维/);
    assert.equal(budget.running?.verdict, 'tight');
    assert.ok(body.includes('其中一次性建设¥5600万（70%）；年度运维¥800万（30%，按3年分摊）'), 'the 预算 line says the shares');
    assert.ok(!budget.statement.includes('只含建设'), 'no "if it covers the build only": the intake says what it covers');
  });

  it('spreads an operations share over the years its label names, and a first year’s share over that year', () => {
    const named = budgetOf(['- 总预算：¥1000万（5年），分配比例：', '  - 软件与实施80% vs 三年运维20%']);
    assert.deepEqual(named.shares, { oneTime: 80, recurring: 20, years: 3 });
    assert.equal(named.recurringPerYear?.amount, 2_000_000 / 3);
    const firstYear = budgetOf(['- 总预算：¥600万（首年），分配比例：', '  - 初期建设70% vs 持续运维30%']);
    assert.deepEqual(firstYear.shares, { oneTime: 70, recurring: 30, years: 1 });
    assert.equal(firstYear.oneTime?.amount, 4_200_000);
    assert.equal(firstYear.recurringPerYear?.amount, 1_800_000);
  });

  it('derives nothing from a split that does not plainly divide the whole into build and operations', () => {
    const none = (why: string, b: ReportModel['understanding']['budget']) => {
      assert.ok(b.split.length >= 2, `${why}: the split is read`);
      assert.equal(b.shares, undefined, why);
      assert.equal(b.recurringPerYear, undefined, why);
    };
    // All bought at the start (软件许可、实施与集成、硬件与网络): nothing said of the running costs.
    none('manufacturing', evalReport('manufacturing').model.understanding.budget);
    // Hardware bought at the start, which the estimate counts each year as infrastructure.
    none('hospital', evalReport('hospital').model.understanding.budget);
    none('cloud resources may be bought or rented', budgetOf(['- 总预算：¥4800万', '- 分配比例：', '  - 云资源与平台开发 90%', '  - 运维与培训 10%']));
    none('a yearly total', budgetOf(['- 总预算：¥900万/年，分配比例：', '  - 初期建设55% vs 持续运维45%']));
    none('shares that do not add up', budgetOf(['- 总预算：¥1000万，分配比例：', '  - 初期建设60% vs 持续运维30%']));
    none('a share that is both', budgetOf(['- 总预算：¥1000万，分配比例：', '  - 实施与运维40% vs 软件许可60%']));
  });

  it('keeps the amounts the intake states over its shares', () => {
    const b = budgetOf(['- 总预算：¥1000万（3年），分配比例：', '  - 初期建设70% vs 持续运维30%', '- 分配：一次性建设¥600万，年度运维¥150万/年']);
    assert.equal(b.shares, undefined);
    assert.equal(b.oneTime?.amount, 6_000_000);
    assert.equal(b.recurringPerYear?.amount, 1_500_000);
  });
});
