/**
 * Preconditions on the understanding (rules' `when`/`unless`, frameworks' `appliesWhen`): the
 * context a piece of knowledge applies to, so a rule written for one industry or cloud does not
 * fire in another because a keyword matched.
 */
import type { Condition } from '../../knowledge/schema';
import type { Understanding } from '../understand';

/**
 * Whether every key of the condition holds: industries (any), clouds in use or moved to (any), constraints
 * (all), frameworks (any applicable), estate (any), traits (all), data (any), jurisdictions (all),
 * abroad (a jurisdiction besides mainland China's).
 */
export function holds(c: Condition, u: Understanding, applicable?: ReadonlySet<string>): boolean {
  if (c.industries && !(u.industry && c.industries.includes(u.industry.id))) return false;
  if (c.clouds && !someIn(c.clouds, u.cloudsAhead)) return false;
  if (c.constraints && !everyIn(c.constraints, u.constraintKinds)) return false;
  if (c.frameworks && !someIn(c.frameworks, applicable ?? u.statedFrameworks)) return false;
  if (c.estate && !someIn(c.estate, u.estateIds)) return false;
  if (c.traits && !everyIn(c.traits, u.traits)) return false;
  if (c.data && !someIn(c.data, u.data)) return false;
  if (c.jurisdictions && !everyIn(c.jurisdictions, u.jurisdictions)) return false;
  if (c.abroad && !beyondCn(u.jurisdictions)) return false;
  return true;
}

/** A rule's context: its `when` holds and none of its `unless` conditions does. */
export function inContext(rule: { when: Condition; unless: readonly Condition[] }, u: Understanding, applicable: ReadonlySet<string>): boolean {
  if (!holds(rule.when, u, applicable)) return false;
  for (const c of rule.unless) if (holds(c, u, applicable)) return false;
  return true;
}

/*
 * Plain loops rather than `some`/`every` with a callback: every rule and framework of every report
 * is checked here, and a callback per key is a closure to make in each call and, once the code is
 * hot, a larger function for the optimizing compiler to build.
 */

function someIn<T>(list: readonly T[], set: { has(x: T): boolean }): boolean {
  for (const x of list) if (set.has(x)) return true;
  return false;
}

function beyondCn(jurisdictions: ReadonlySet<string>): boolean {
  for (const j of jurisdictions) if (j !== 'cn') return true;
  return false;
}

function everyIn<T>(list: readonly T[], set: { has(x: T): boolean }): boolean {
  for (const x of list) if (!set.has(x)) return false;
  return true;
}
