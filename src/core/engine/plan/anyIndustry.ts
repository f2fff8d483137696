import type { Understanding } from '../understand';
import { industrySystems } from '../understand/industry';

/**
 * Whether the project builds a core system every kind of organisation runs (HR, OA:
 * categories.yaml's anyIndustry), which the industry's own practices (a drug maker's validation,
 * its timeline) do not govern.
 */
export function coreOfAnyIndustry(u: Understanding): boolean {
  const core = u.model.coreSystem;
  return core.inScope && core.category !== undefined && u.kb.category(core.category)?.anyIndustry === true;
}

/**
 * Whether the project builds a system every kind of organisation runs that is none of the
 * industry's own (an insurer's DCIM, a chain's recruitment system): the project's system, not the
 * customer's core business system, which the report then does not claim it is.
 */
export function buildsOtherThanIndustryCore(u: Understanding): boolean {
  const core = u.model.coreSystem;
  return coreOfAnyIndustry(u) && u.industry !== undefined && !industrySystems(u.industry).has(core.category!);
}

/** A business system of the customer's industry (MES, GSP's WMS), not one every organisation runs (HR, OA). */
export function industryOwnSystem(u: Understanding, category: string): boolean {
  const c = u.kb.category(category);
  return c?.layer === 'business' && !c.anyIndustry;
}

/**
 * The rule hits the report writes up. A feature of the industry's own systems (IATF 16949's
 * traceability in the MES and PLM) is no feature of a project that builds systems and none of
 * those (a security programme, an HR or OA project): it is left out. The applicable regulations
 * still list the industry's frameworks.
 */
export function hitsForProject<H extends { rule: { section: string; categories: readonly string[] } }>(u: Understanding, hits: readonly H[], systems: readonly { category: string }[]): readonly H[] {
  if (systems.length === 0 || systems.some((s) => industryOwnSystem(u, s.category))) return hits;
  return hits.filter((h) => !(h.rule.section === '关键特性' && h.rule.categories.length > 0 && h.rule.categories.every((c) => industryOwnSystem(u, c))));
}
