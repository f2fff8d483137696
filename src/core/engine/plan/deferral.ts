import type { SystemType } from '../reportModel';

/**
 * A system the budget advice may put off to a second phase, with the planned systems that take
 * their data from it and cannot start without it (categories.yaml `takesDataFrom` less
 * `startsWithout`, directly or through one another): those go with it, or they would be left
 * without their source (a BI without the warehouse it reads).
 */
export interface DeferralUnit {
  system: SystemType;
  /** The plan's systems that take their data from `system`, in the plan's order. */
  dependents: SystemType[];
}

/**
 * The units the budget advice may defer: each of `candidates` (the plan's systems that neither
 * the main goal builds nor a requirement needs) with the systems of `plan` that take their data
 * from it. A candidate one of whose dependents is no candidate (the BI the main goal builds
 * reads the warehouse) stays in the first phase: deferring it alone would strand that system.
 * `needsDataFrom`: the kinds a system of a category takes its data from and cannot start without.
 */
export function deferralUnits(plan: readonly SystemType[], candidates: readonly SystemType[], needsDataFrom: (category: string) => readonly string[]): DeferralUnit[] {
  const units: DeferralUnit[] = [];
  for (const system of candidates) {
    const dependents = dependentsOf(system, plan, needsDataFrom);
    if (dependents.every((d) => candidates.some((c) => c.category === d.category))) units.push({ system, dependents });
  }
  return units;
}

/** The systems of `plan` that take their data from `system`, directly or through one another. */
function dependentsOf(system: SystemType, plan: readonly SystemType[], needsDataFrom: (category: string) => readonly string[]): SystemType[] {
  const sources = new Set([system.category]);
  // A fixed point over the plan: a handful of systems, so a few passes at most.
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of plan) {
      if (sources.has(s.category) || !needsDataFrom(s.category).some((c) => sources.has(c))) continue;
      sources.add(s.category);
      grew = true;
    }
  }
  return plan.filter((s) => s.category !== system.category && sources.has(s.category));
}
