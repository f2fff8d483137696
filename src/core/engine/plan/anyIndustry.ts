import type { Understanding } from '../understand';

/**
 * Whether the project builds a core system every kind of organisation runs (HR, OA:
 * categories.yaml's anyIndustry), which the industry's own practices (a drug maker's validation,
 * its timeline) do not govern.
 */
export function coreOfAnyIndustry(u: Understanding): boolean {
  const core = u.model.coreSystem;
  return core.inScope && core.category !== undefined && u.kb.category(core.category)?.anyIndustry === true;
}
