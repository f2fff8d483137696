/**
 * Which solution categories (system types) the report recommends: those the matched rules ask
 * for, in priority order, then the industry's core systems. At most eight, so the report stays
 * focused; up to two industry core systems are always kept, the rest go to rule categories.
 */
import type { KnowledgeBase } from '../knowledge/knowledge';
import type { CategoryChoice } from './context';
import type { Profile } from './profile';
import type { RuleHit } from './rules';

const MAX_CATEGORIES = 8;
const MIN_INDUSTRY = 2;

export function chooseCategories(hits: readonly RuleHit[], profile: Profile, kb: KnowledgeBase): CategoryChoice[] {
  const chosen = new Map<string, CategoryChoice>();
  for (const hit of hits) {
    for (const id of hit.rule.categories) {
      const category = kb.category(id);
      if (!category) continue;
      const existing = chosen.get(id);
      const preferred = hit.rule.products.filter((p) => kb.product(p)?.categories.includes(id));
      if (existing) {
        existing.facts.push(...hit.evidence.filter((f) => !existing.facts.includes(f)));
        existing.preferred.push(...preferred.filter((p) => !existing.preferred.includes(p)));
      } else {
        chosen.set(id, { category, reason: hit.rule.title, facts: [...hit.evidence], preferred });
      }
    }
  }
  const industry: CategoryChoice[] = [];
  for (const system of profile.industry?.coreSystems ?? []) {
    if (chosen.has(system.category) || industry.some((c) => c.category.id === system.category)) continue;
    const category = kb.category(system.category);
    if (category) industry.push({ category, reason: `${profile.industry!.name}行业核心系统：${system.name}`, facts: profile.industryFacts.slice(0, 1), preferred: [] });
  }
  const fromRules = [...chosen.values()];
  const keepIndustry = industry.slice(0, Math.max(MIN_INDUSTRY, MAX_CATEGORIES - fromRules.length));
  return [...fromRules.slice(0, MAX_CATEGORIES - keepIndustry.length), ...keepIndustry];
}
