import * as assert from 'node:assert/strict';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import type { Product } from '../../../src/core/knowledge/schema';
import { relevantStrength, strengthsFor } from '../../../src/core/engine/plan/strengths';

const KB = getKnowledgeBase();
const STOP: ReadonlySet<string> = new Set(['his', 'emr', 'mes']);

/** A product of the test's own: only its strength is read. */
function product(strength: string): Product {
  return { strength } as Product;
}

describe('strengthsFor (relevant strengths kept per customer text)', () => {
  it('gives what a fresh relevantStrength gives, for every shipped product, on the first ask and on the kept answer', () => {
    let found = 0;
    const corpora = ['三级甲等综合医院，电子病历评级五级，互联互通测评', '汽车零部件 Tier 1 供应商，Teamcenter 与 SAP 集成，阿里云', '财产保险公司，核心系统上云，AWS 与 Azure', ''];
    for (const corpus of corpora) {
      for (const clouds of [new Set<string>(), new Set(['aws']), new Set(['alibaba', 'azure'])]) {
        const strength = strengthsFor(corpus, clouds, STOP);
        const again = strengthsFor(corpus, clouds, STOP);
        for (const p of KB.products) {
          const fresh = relevantStrength(p, corpus, clouds, STOP);
          assert.equal(strength(p), fresh, `${p.id} on ${corpus}`);
          assert.equal(strength(p), fresh, `${p.id} on ${corpus}, asked again`);
          assert.equal(again(p), fresh, `${p.id} on ${corpus}, kept`);
          if (fresh !== undefined) found++;
        }
      }
    }
    // Not a comparison of nothing with nothing: the texts speak to some products' strengths.
    assert.ok(found > 10, `${found}`);
  });

  it('answers anew when the customer text changes, and keeps each text’s answer', () => {
    const p = product('与Teamcenter形成设计到制造闭环，离散制造案例多');
    const before = strengthsFor('车间现有Teamcenter，需打通设计与制造', new Set(), STOP);
    assert.equal(before(p), '与Teamcenter形成设计到制造闭环');
    const after = strengthsFor('车间现有Windchill，需打通设计与制造', new Set(), STOP);
    assert.equal(after(p), undefined);
    assert.equal(after(p), relevantStrength(p, '车间现有Windchill，需打通设计与制造', new Set(), STOP));
    // Back to the first text: its answer again.
    assert.equal(strengthsFor('车间现有Teamcenter，需打通设计与制造', new Set(), STOP)(p), '与Teamcenter形成设计到制造闭环');
  });

  it('tells the clouds apart, and is not changed by later changes to the caller’s set', () => {
    const p = product('与AWS Lambda深度集成，运维省力');
    const corpus = '订单服务跑在Lambda上';
    const clouds = new Set(['aws']);
    const onAws = strengthsFor(corpus, clouds, STOP);
    assert.equal(onAws(p), '与AWS Lambda深度集成');
    assert.equal(strengthsFor(corpus, new Set(['azure']), STOP)(p), undefined);
    clouds.clear();
    clouds.add('azure');
    const q = product('与AWS Lambda深度集成，按调用计费');
    assert.equal(onAws(q), '与AWS Lambda深度集成');
    // The order the clouds were found in does not matter.
    assert.equal(strengthsFor(corpus, new Set(['azure', 'aws']), STOP)(p), strengthsFor(corpus, new Set(['aws', 'azure']), STOP)(p));
  });

  it('tells stop-word sets apart', () => {
    const p = product('HIS与EMR一体化');
    const corpus = '现有HIS需要升级';
    assert.equal(strengthsFor(corpus, new Set(), new Set())(p), 'HIS与EMR一体化');
    assert.equal(strengthsFor(corpus, new Set(), STOP)(p), undefined);
  });

  it('stays right past the number of texts it keeps', () => {
    const p = product('支持病案首页质控，覆盖门诊与住院');
    for (let i = 0; i < 40; i++) {
      const corpus = i % 2 === 0 ? `第${i}院区需要病案首页质控` : `第${i}院区需要移动护理`;
      assert.equal(strengthsFor(corpus, new Set(), STOP)(p), relevantStrength(p, corpus, new Set(), STOP), corpus);
    }
  });
});
