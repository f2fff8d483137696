import type { Product } from '../../knowledge/schema';
import type { Understanding } from '../understand';

/**
 * Whether what the customer runs itself of these system types moves to a cloud service: the
 * customer is moving to the cloud, and the cloud it names (any, when it names none) runs a
 * product of one of them as a service (a self-managed MySQL to RDS, Kubernetes to CCE or ACK).
 * Infrastructure only: a business system (SAP ECC) moves as an application, not to a service.
 */
export function movesToCloudService(u: Understanding, categories: readonly string[]): boolean {
  if (!u.traits.has('cloud-migration')) return false;
  const target = (q: Product) => q.cloud !== 'none' && (u.targetClouds.size === 0 || u.targetClouds.has(q.cloud));
  return categories.some((c) => u.kb.category(c)?.layer !== 'business' && u.kb.productsIn(c).some(target));
}
