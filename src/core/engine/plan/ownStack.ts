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
