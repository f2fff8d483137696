import * as assert from 'node:assert/strict';
import { analysisFixture, covered, findings, summary } from './helpers';

const budget = (body: string) => `[预算限制]：\n${body}\n`;

describe('analysis: intake.budget-sum', () => {
  it('fires on a one-line allocation that does not add up, stating the sum', () => {
    const text = budget('- 总预算：$150万/年，分配比例：初期建设 60% vs 持续运维 30%');
    const f = findings(text, 'budget-sum');
    assert.equal(f.length, 1, summary(f));
    assert.equal(f[0]!.code, 'intake.budget-sum');
    assert.equal(f[0]!.severity, 'error');
    assert.match(f[0]!.message, /90%/);
    assert.match(f[0]!.message, /60% \+ 30%/);
    assert.equal(covered(text, f[0]!), '60% vs 持续运维 30%');
    assert.equal(f[0]!.numbers.sum, 90);
  });

  it('fires on the simple template filled in (分配比例 on the total line, shares below)', () => {
    const text = budget('- 总预算：$150万/年，分配比例：\n  - 初期建设70% vs 持续运维40%');
    const f = findings(text, 'budget-sum');
    assert.equal(f.length, 1, summary(f));
    assert.match(f[0]!.message, /110%/);
    assert.equal(f[0]!.range.start.line, 2);
  });

  it('fires on the structured template filled in (分配比例 children), across lines', () => {
    const text = analysisFixture('budget-bad');
    const f = findings(text, 'budget-sum');
    assert.equal(f.length, 1, summary(f));
    assert.match(f[0]!.message, /110%/);
    assert.equal(f[0]!.numbers.count, 4);
    assert.equal(f[0]!.range.start.line, 5);
    assert.equal(f[0]!.range.end.line, 8);
  });

  it('fires on bracketed shares', () => {
    const f = findings(budget('- 分配比例：建设(50%)、运维(30%)、储备(10%)'), 'budget-sum');
    assert.equal(f.length, 1, summary(f));
    assert.match(f[0]!.message, /90%/);
  });

  it('does not fire when the shares add up to 100%', () => {
    for (const body of [
      '- 总预算：$150万/年，分配比例：初期建设 60% vs 持续运维 40%',
      '- 总预算：$150万/年，分配比例：\n  - 初期建设60% vs 持续运维40%',
      '- 分配比例：建设(33.3%)、运维(33.3%)、储备(33.4%)',
    ]) {
      assert.deepEqual(findings(budget(body), 'budget-sum'), [], body);
    }
    assert.deepEqual(findings(analysisFixture('budget-ok'), 'budget-sum'), []);
  });

  it('ignores targets, bounds, payment terms and single percentages', () => {
    for (const body of [
      '- 成本：降低云支出20%，资源利用率提升至70%',
      '- 总预算：$100万，其中运维占比不超过40%',
      '- 付费偏好：\n  - 一次性投入：首付30%，验收后付50%',
      '- 分配比例：初期建设60%',
    ]) {
      assert.deepEqual(findings(budget(body), 'budget-sum'), [], body);
    }
  });
});

describe('analysis: intake.budget-exceeds', () => {
  it('fires when a part is larger than the total, anchored at the part', () => {
    const text = budget('- 总预算：$50万，初期建设$70万');
    const f = findings(text, 'budget-exceeds');
    assert.equal(f.length, 1, summary(f));
    assert.equal(f[0]!.code, 'intake.budget-exceeds');
    assert.equal(f[0]!.severity, 'error');
    assert.equal(covered(text, f[0]!), '$70万');
    assert.equal(f[0]!.message, '初期建设 $70万 is more than the total budget $50万.');
  });

  it('compares a one-off part with one year of a per-year total when no term is given', () => {
    const text = budget('- 总预算：$50万/年，初期建设$70万');
    const f = findings(text, 'budget-exceeds');
    assert.equal(f.length, 1, summary(f));
    assert.match(f[0]!.message, /for a whole year/);
  });

  it('respects /年 totals over a stated term (the insurance case)', () => {
    assert.deepEqual(findings(budget('- 总预算：$120万/年，初期建设$70万（含Megaport专线部署）\n- 付费偏好：3年订阅制，要求包含季度优化调优服务'), 'budget-exceeds'), []);
    assert.deepEqual(findings(budget('- 总预算：$120万/年，初期建设$70万（含Megaport专线部署）'), 'budget-exceeds'), [], 'no term: still within one year');
    assert.deepEqual(findings(budget('- 总预算：$120万/年，初期建设$150万\n- 付费偏好：3年订阅制'), 'budget-exceeds'), [], '$150万 of a $360万 three-year envelope');
  });

  it('puts per-year parts on the multi-year basis of a total that covers several years', () => {
    const text = budget('- 总预算：$180万（含3年服务费）\n- 年服务费：$70万/年');
    const f = findings(text, 'budget-exceeds');
    assert.equal(f.length, 1, summary(f));
    assert.equal(covered(text, f[0]!), '$70万/年');
    assert.match(f[0]!.message, /\$210万 over 3 years/);
    assert.equal(f[0]!.numbers.itemOverTerm, 2_100_000);
    assert.equal(f[0]!.numbers.totalOverTerm, 1_800_000);
    assert.deepEqual(findings(budget('- 总预算：$180万（含3年服务费）\n- 年服务费：$50万/年'), 'budget-exceeds'), []);
  });

  it('fires when the parts together exceed the total, anchored at the total', () => {
    const text = budget('- 总预算：$250万\n- 分配：云资源采购$100万，定制开发$80万，托管服务$50万，应急储备$30万');
    const f = findings(text, 'budget-exceeds');
    assert.equal(f.length, 1, summary(f));
    assert.equal(covered(text, f[0]!), '$250万');
    assert.match(f[0]!.message, /\$260万/);
  });

  it('fires on the structured fixture and not on the correct one', () => {
    const bad = analysisFixture('budget-bad');
    const f = findings(bad, 'budget-exceeds');
    assert.equal(f.length, 1, summary(f));
    assert.equal(covered(bad, f[0]!), '$300万');
    assert.deepEqual(findings(analysisFixture('budget-ok'), 'budget-exceeds'), []);
  });

  it('does not compare different currencies, sub-items or savings', () => {
    for (const body of [
      '- 总预算：$50万，初期建设¥70万',
      '- 总预算：$100万，初期建设$70万（其中专线$20万）',
      '- 总预算：$100万，初期建设$60万，其中人力$50万',
      '- 总预算：$100万，预计每年节省$150万',
      '- 总预算：¥500万，初期建设300万',
      '- 总预算：1.2亿，初期建设8000万',
    ]) {
      assert.deepEqual(findings(budget(body), 'budget-exceeds'), [], body);
    }
  });

  it('inherits the total’s currency for bare amounts', () => {
    const f = findings(budget('- 总预算：¥500万，初期建设800万'), 'budget-exceeds');
    assert.equal(f.length, 1, summary(f));
    assert.equal(f[0]!.numbers.currency, 'CNY');
  });
});
