import type { Product } from '../../knowledge/schema';
import type { Understanding } from '../understand';

/**
 * A cloud's service that also ships for private deployment, to a customer who runs that vendor's
 * stack in its own data centre (DataArts on 华为云Stack): it runs there as the customer's own, not
 * on the public cloud, and is licensed and priced as a private deployment.
 */
export function onOwnStack(p: Product, u: Understanding): boolean {
  return p.cloud !== 'none' && p.deployment.includes('private') && u.privateStacks.has(p.cloud);
}

/**
 * Whether every system any option proposes is a SaaS its vendor runs (a recruitment or learning
 * platform): the vendor files and tests it under 等保 and 密评, not the customer, whose project
 * then has no testing of its own to schedule or price.
 */
export function allRunByVendors(u: Understanding, options: readonly { applicable: boolean; picks: readonly { product: { id: string } }[] }[]): boolean {
  let any = false;
  for (const o of options) {
    if (!o.applicable) continue;
    for (const pick of o.picks) {
      const p = u.kb.product(pick.product.id);
      if (!p || p.controlPlane !== 'vendor' || onOwnStack(p, u)) return false;
      any = true;
    }
  }
  return any;
}
