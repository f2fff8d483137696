/**
 * Preconditions on the understanding (rules' `when`/`unless`, frameworks' `appliesWhen`): the
 * context a piece of knowledge applies to, so a rule written for one industry or cloud does not
 * fire in another because a keyword matched.
 */
import type { Condition } from '../../knowledge/schema';
import type { Understanding } from '../understand';

/**
 * Whether every key of the condition holds: industries (any), clouds in use (any), constraints
 * (all), frameworks (any applicable), estate (any), traits (all), data (any), jurisdictions (all).
 */
export function holds(c: Condition, u: Understanding, applicable?: ReadonlySet<string>): boolean {
  if (c.industries && !(u.industry && c.industries.includes(u.industry.id))) return false;
  if (c.clouds && !c.clouds.some((x) => u.cloudsInUse.has(x))) return false;
  if (c.constraints && !c.constraints.every((x) => u.constraintKinds.has(x))) return false;
  if (c.frameworks && !c.frameworks.some((x) => (applicable ? applicable.has(x) : u.statedFrameworks.has(x)))) return false;
  if (c.estate && !c.estate.some((x) => u.estateIds.has(x))) return false;
  if (c.traits && !c.traits.every((x) => u.traits.has(x))) return false;
  if (c.data && !c.data.some((x) => u.data.has(x))) return false;
  if (c.jurisdictions && !c.jurisdictions.every((x) => u.jurisdictions.has(x))) return false;
  return true;
}

/** A rule's context: its `when` holds and none of its `unless` conditions does. */
export function inContext(rule: { when: Condition; unless: readonly Condition[] }, u: Understanding, applicable: ReadonlySet<string>): boolean {
  return holds(rule.when, u, applicable) && !rule.unless.some((c) => holds(c, u, applicable));
}
