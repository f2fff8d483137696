/**
 * A SaaS its vendor runs has its servers and storage in the subscription: the estimate prices no
 * yearly infrastructure of the customer's for it, unless the category's cost profile says the
 * customer's own infrastructure grows whoever hosts the platform (`infraBesideSaas`). A product
 * with a private edition keeps it (plan/costs.ts).
 */
import * as assert from 'node:assert/strict';
import type { CostItem } from '../../../src/core/engine/reportModel';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { evalReport } from './helpers';

const infraOf = (name: string, component: string): CostItem[] =>
  evalReport(name).model.costs!.items.filter((i) => i.component.includes(component) && i.kind === 'infrastructure');

describe('costs: the infrastructure of a SaaS', () => {
  it('prices none for a SaaS its vendor runs (马帮, an online seller’s OMS)', () => {
    const mabang = getKnowledgeBase().product('mabang-erp')!;
    assert.deepEqual(mabang.deployment, ['saas'], 'the fixture’s pick is a SaaS only');
    assert.ok(evalReport('ecommerce').model.costs!.items.some((i) => i.component.includes('马帮') && i.kind === 'licence'), 'its subscription is priced');
    assert.deepEqual(infraOf('ecommerce', '马帮'), []);
  });

  it("keeps the charging operator's own back end, which grows with its piles (infraBesideSaas)", () => {
    const items = infraOf('ev-charging', '云快充');
    assert.equal(items.length, 1);
    assert.match(items[0]!.assumption, /充电桩/);
  });

  it('keeps it for a product the customer runs on its own servers (英克, a pharmacy chain’s stores)', () => {
    assert.ok(getKnowledgeBase().product('inca-pharma-erp')!.deployment.includes('private'));
    assert.equal(infraOf('pharmacy', '英克').length, 1);
  });
});
