/**
 * A principal investment the estimate leaves out (costs.ts `compareBudget`, risks.ts): a new DR
 * site's rooms, links, compute and storage; a DMA programme's flow meters and valves
 * (categories.yaml cost `majorExclusion`). The budget comparison says the estimated part fits or
 * not, names what is left out and what the budget leaves for it, never "上限仍留有" as if the
 * budget were safe; a minor extra left out (terminals, data plans, gateways) changes nothing.
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import type { ReportModel } from '../../../src/core/engine/reportModel';
import { buildPrompt } from '../../../src/core/llm/prompt';
import { readFixture } from '../helpers/seeds';
import { AS_OF, evalReport } from './helpers';

const DMA = '分区计量的流量计、压力监测点、阀门与表井改造';
const DR_SITE = '灾备中心的机房、链路、计算与存储';

/** The water utility with its budget line rewritten. */
function waterWith(budget: string): ReportModel {
  const text = readFixture('eval/water-utility');
  assert.ok(text.includes('- 总预算：¥3000万'), 'the fixture states the budget');
  return generateReport(parseIntake(text.replace('- 总预算：¥3000万', `- 总预算：${budget}`)), 0, { asOf: AS_OF });
}

describe('budget: a principal investment left out of the estimate', () => {
  it('says a DR site plan fits only as far as it is estimated, names the site and what the budget leaves for it', () => {
    const { model, body } = evalReport('disaster-recovery');
    const budget = model.costs!.budget!;
    assert.equal(budget.verdict, 'within', 'the estimated part fits');
    assert.deepEqual(budget.unpriced, { what: [DR_SITE], left: 6_700_000, text: '¥670万' });
    assert.doesNotMatch(budget.statement, /上限仍留有/, budget.statement);
    assert.match(budget.statement, /^已估算部分的3年TCO为¥510–830万，在预算¥1500万以内；但灾备中心的机房、链路、计算与存储未计入估算，这部分往往是主要投入：预算扣除估算上限后约剩¥670万留给它，整体能否在预算内要待这部分测算后才能判断。/);
    assert.match(budget.statement, /若¥1500万只含建设，已估算部分的一次性投入¥130–210万在预算以内。/);
    assert.doesNotMatch(budget.statement, /余量较大/, 'the headroom is what is left for the site');
    assert.ok(body.includes('预算扣除估算上限后约剩¥670万留给它'), 'the comparison is in the body');
    const risk = model.risks.find((r) => r.title === '预算未含主要投入');
    assert.ok(risk, model.risks.map((r) => r.title).join('、'));
    assert.equal(risk.risk, `${DR_SITE}未计入成本估算，而这部分往往是主要投入；预算扣除已估算部分的上限后约剩¥670万留给它，可能不够。`);
    assert.match(risk.mitigation, /^先按实际规模测算灾备中心的机房、链路、计算与存储（或向厂商询价），与已估算部分合计后再核对预算/);
    assert.deepEqual(risk.refs, [25]);
    assert.ok(!model.risks.some((r) => r.title === '预算偏紧' || r.title === '预算不足'));
  });

  it('says a tight water utility plan leaves out the DMA meters and valves, with what its low end leaves for them', () => {
    const budget = evalReport('water-utility').model.costs!.budget!;
    assert.equal(budget.verdict, 'tight');
    assert.deepEqual(budget.unpriced, { what: [DMA], left: 9_100_000, text: '¥910万' });
    assert.match(budget.statement, /上限超出约¥450万（15%）。分区计量的流量计、压力监测点、阀门与表井改造未计入估算，这部分往往是主要投入：按估算下限，预算只剩约¥910万留给它，按上限则已没有余量，整体能否在预算内要待这部分测算后才能判断。报价若接近上限/);
    const risks = evalReport('water-utility').model.risks;
    const tight = risks.find((r) => r.title === '预算偏紧');
    assert.ok(tight, risks.map((r) => r.title).join('、'));
    assert.match(tight.risk, /^估算区间的上限超出预算，厂商报价偏高时需要削减范围。另有分区计量的流量计、压力监测点、阀门与表井改造未计入估算/);
    assert.match(tight.mitigation, /^先按实际规模测算分区计量的.+；再做两到三家厂商的正式报价/);
    assert.ok(!risks.some((r) => r.title === '预算未含主要投入'), 'one budget risk, not two');
  });

  it('over even at the low end: the gap only grows with what is left out', () => {
    const model = waterWith('¥1000万');
    const budget = model.costs!.budget!;
    assert.equal(budget.verdict, 'over');
    assert.equal(budget.unpriced?.left, 0);
    assert.match(budget.statement, /此外，分区计量的流量计、压力监测点、阀门与表井改造未计入估算，这部分往往是主要投入，计入后缺口更大。/);
    const short = model.risks.find((r) => r.title === '预算不足');
    assert.ok(short?.risk.includes(`另有${DMA}未计入估算`), short?.risk);
  });

  it('within a large budget: no "上限仍留有" and no "余量较大", the headroom is what is left for the meters', () => {
    const model = waterWith('¥1亿');
    const budget = model.costs!.budget!;
    assert.equal(budget.verdict, 'within');
    assert.doesNotMatch(budget.statement, /上限仍留有|余量较大/, budget.statement);
    assert.match(budget.statement, /^已估算部分的3年TCO为¥2090–3450万，在预算¥1亿以内；但分区计量的.+预算扣除估算上限后约剩¥6550万留给它/);
    assert.ok(model.risks.some((r) => r.title === '预算未含主要投入' && r.risk.includes('约剩¥6550万')));
  });

  it('leaves a comparison alone where what is left out is a minor extra (gateways, meters per point, data plans, cluster nodes)', () => {
    for (const name of ['energy-management', 'connected-equipment', 'container-platform', 'manufacturing']) {
      const { model } = evalReport(name);
      const budget = model.costs?.budget;
      assert.ok(budget, name);
      assert.equal(budget.unpriced, undefined, name);
      assert.ok(!model.risks.some((r) => r.title === '预算未含主要投入'), name);
      assert.doesNotMatch(budget.statement, /已估算部分|未计入估算/, `${name}: ${budget.statement}`);
    }
    assert.match(evalReport('energy-management').model.costs!.budget!.statement, /在预算¥1200万以内，上限仍留有约¥680万。/);
  });

  it('tells the LLM the verdict is of the estimated part only', () => {
    const file = parseIntake(readFixture('eval/disaster-recovery'));
    const model = generateReport(file, 0, { asOf: AS_OF });
    const prompt = buildPrompt(file.intakes[0]!, model, { maxContextTokens: 100_000 });
    const user = prompt.messages[1]!.content;
    assert.match(user, /- 与预算对比：在预算内（仅指已估算部分；灾备中心的机房、链路、计算与存储未计入，整体待测算后判断）。已估算部分的3年TCO/);
  });
});
