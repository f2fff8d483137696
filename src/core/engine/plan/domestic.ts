/**
 * A partial 信创 requirement that one layer be domestic (核心交易系统数据库国产化): which system
 * types it holds for. Such a type gets only domestic candidates in either option (picks.ts), the
 * domestic upgrade path for what the customer runs of it (lifecycle.ts), and is never the part of
 * the plan the budget advice defers (costs.ts).
 */
import type { Understanding } from '../understand';
import type { DomesticRequirement } from '../understand/types';

/** The requirement that only domestic products of `category` meet, if the customer has one. */
export function domesticRequirement(category: string, u: Understanding): DomesticRequirement | undefined {
  if (u.domesticLayers.size === 0) return undefined;
  const layer = u.kb.category(category)?.xinchuangLayer;
  return layer ? u.domesticLayers.get(layer) : undefined;
}

/** Whether a product of the knowledge base is of a layer the customer requires to be domestic. */
export function productMustBeDomestic(productId: string | undefined, u: Understanding): boolean {
  if (u.domesticLayers.size === 0 || !productId) return false;
  return (u.kb.product(productId)?.categories ?? []).some((c) => domesticRequirement(c, u) !== undefined);
}
