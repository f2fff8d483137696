/**
 * A partial 信创 requirement that one layer be domestic (核心交易系统数据库国产化): which system
 * types it holds for. Such a type gets only domestic candidates in either option (picks.ts), the
 * domestic upgrade path for what the customer runs of it (lifecycle.ts), and is never the part of
 * the plan the budget advice defers (costs.ts).
 */
import type { Understanding } from '../understand';
import { keptPerCategory } from './perCategory';
import type { DomesticRequirement } from '../understand/types';
import { uniqueAscending } from '../uniqueAscending';

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

/** Why only domestic products of a category qualify by law, and the lines that say so. */
export interface DomesticByLaw {
  reason: string;
  refs: number[];
}

/**
 * Whether what `category` produces must have legal effect in China (categories.yaml
 * `domesticWhen`: a seal on drawings for 施工图审查, a signature with a third-party CA certificate):
 * then only domestic products qualify, in either option (picks.ts). The goals and pains that name
 * one of its words say so; else a framework of it the customer states, unless the customer deals
 * across borders: contracts with foreign parties may be signed on an international platform.
 */
export const domesticByLaw = keptPerCategory(findByLaw);

function findByLaw(category: string, u: Understanding): DomesticByLaw | undefined {
  const when = u.kb.category(category)?.domesticWhen;
  if (!when) return undefined;
  const m = u.model;
  const words = when.words.map((w) => w.toLowerCase());
  const naming = [...(m.mainGoal ? [m.mainGoal] : []), ...m.secondaryGoals, ...m.pains].filter((x) => {
    const lower = x.text.toLowerCase();
    return words.some((w) => lower.includes(w));
  });
  if (naming.length > 0) return { reason: when.reason, refs: uniqueAscending(naming.flatMap((x) => x.refs)).slice(0, 3) };
  if (u.traits.has('cross-border')) return undefined;
  const stated = (when.frameworks ?? []).flatMap((f) => u.statedFrameworks.get(f) ?? []);
  return stated.length > 0 ? { reason: when.reason, refs: uniqueAscending(stated).slice(0, 3) } : undefined;
}
