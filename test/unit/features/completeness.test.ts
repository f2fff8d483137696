import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { getCompleteness } from '../../../src/core/features/completeness';
import { readSeed, seedIntakes } from '../helpers/seeds';

function of(text: string) {
  const file = parseIntake(text);
  assert.equal(file.intakes.length, 1);
  return getCompleteness(file.intakes[0]!);
}

describe('features: completeness', () => {
  const seeds = seedIntakes();

  it('scores the blank templates low, with their placeholders counted', () => {
    for (const name of ['blank-simple', 'blank-structured'] as const) {
      const c = of(seeds[name]);
      assert.ok(c.percent <= 10, `${name}: ${c.percent}%`);
      assert.ok(c.placeholders >= 30, `${name}: ${c.placeholders} placeholders`);
      assert.ok(c.missing.includes('[客户行业]'));
      assert.ok(c.missing.includes('客户行业 › 细分领域'));
    }
  });

  it('scores the filled intakes 100%', () => {
    for (const name of ['insurance', 'aviation'] as const) {
      const c = of(seeds[name]);
      assert.deepEqual({ percent: c.percent, placeholders: c.placeholders, missing: c.missing }, { percent: 100, placeholders: 0, missing: [] }, name);
      assert.equal(c.requiredFilled, c.requiredTotal);
    }
  });

  it('scores each intake of the whole seed file on its own', () => {
    const file = parseIntake(readSeed());
    assert.deepEqual(
      file.intakes.map((i) => getCompleteness(i).percent),
      [0, 100, 0, 100],
    );
  });

  it('is below 100% while any placeholder is left, even in an optional field', () => {
    const c = of(seeds.insurance.replace('- 历史应对：尝试自建CDN加速，因跨国网络抖动问题失效', '- 历史应对：__(自研工具/单一厂商方案)__'));
    assert.equal(c.placeholders, 1);
    assert.equal(c.requiredFilled, c.requiredTotal);
    assert.equal(c.percent, 99);
  });

  it('counts a required field holding only a placeholder as missing', () => {
    const c = of(seeds.insurance.replace(/- 业务规模：.*/, '- 业务规模：__(如「500万+」)__'));
    assert.ok(c.missing.includes('客户行业 › 业务规模'));
    assert.equal(c.requiredFilled, c.requiredTotal - 1);
    assert.ok(c.percent < 100 && c.percent > 80);
  });

  it('counts unkeyed pain bullets as 具体问题 when they are filled in, as the validator and the report do', () => {
    const problem = '- 具体问题：跨AWS北京区与Azure东欧区的理赔系统延迟高达300ms';
    assert.ok(seeds.insurance.includes(problem));
    const bullets = of(seeds.insurance.replace(problem, '- 跨AWS北京区与Azure东欧区的理赔系统延迟高达300ms\n- 理赔单据靠人工录入'));
    assert.deepEqual({ percent: bullets.percent, missing: bullets.missing }, { percent: 100, missing: [] });
    // A bullet of only a placeholder, or with one left in it, is not filled in.
    for (const bullet of ['- __(描述如「多云监控分散导致故障定位超2小时」)__', '- 理赔延迟高达__(毫秒数)__']) {
      const c = of(seeds.insurance.replace(problem, bullet));
      assert.ok(c.missing.includes('当前痛点 › 具体问题'), bullet);
      assert.equal(c.requiredFilled, c.requiredTotal - 1, bullet);
    }
    // Bullets of another section do not give it.
    const elsewhere = of(seeds.insurance.replace(problem, '').replace('[核心目标]：', '[核心目标]：\n- 理赔系统延迟高达300ms'));
    assert.ok(elsewhere.missing.includes('当前痛点 › 具体问题'));
  });

  it('counts a missing section and its required fields, listing the section once', () => {
    const c = of(seeds.insurance.replace(/\[预算限制\]：[\s\S]*?\n\n/, ''));
    assert.deepEqual(c.missing, ['[预算限制]']);
    assert.equal(c.requiredTotal - c.requiredFilled, 2);
    assert.equal(c.percent, Math.round((c.requiredFilled / c.requiredTotal) * 100));
  });

  it('needs a value on the [客户行业] header line', () => {
    const c = of(seeds.insurance.replace('[客户行业]：保险', '[客户行业]：'));
    assert.deepEqual(c.missing, ['[客户行业]']);
  });

  it('satisfies a required parent through its sub-fields (公有云 for 云环境)', () => {
    const c = of(seeds.insurance);
    assert.ok(!c.missing.includes('基础设施现状 › 云环境'));
  });

  it('returns integers between 0 and 100', () => {
    const text = readSeed();
    for (let cut = 0; cut < text.length; cut += 97) {
      for (const intake of parseIntake(text.slice(0, cut)).intakes) {
        const c = getCompleteness(intake);
        assert.ok(Number.isInteger(c.percent) && c.percent >= 0 && c.percent <= 100, String(c.percent));
        assert.ok(c.requiredFilled <= c.requiredTotal);
      }
    }
  });
});
