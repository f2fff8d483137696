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
import { readFixture } from '../helpers/seeds';
import { AS_OF, evalReport } from './helpers';

const BANK_CAP = '后续年运维不超过¥1500万/年';

/** The bank fixture with its yearly cap line rewritten. */
function bankWith(cap: string): ReportModel {
  const text = readFixture('eval/bank');
  assert.ok(text.includes(BANK_CAP), 'the fixture states the cap');
  return generateReport(parseIntake(text.replace(BANK_CAP, cap)), 0, { asOf: AS_OF });
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
    const { model, body } = evalReport('bank');
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
