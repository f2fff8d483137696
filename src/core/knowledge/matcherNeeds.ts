/**
 * The strings each rule matcher's pattern needs (text/requiredText.ts), worked out when the
 * knowledge base is built and shipped with its matchers as `needs`: the rule evaluation tests
 * them with `includes` on the folded text before it runs the pattern. Parsing 250 patterns costs more in a fresh
 * process than the first report may spend on all its rules, so it is not done at run time; a
 * team's own rules (team/merge.ts) come without `needs` and run their patterns as before.
 * Likewise `caseless` (text/caseFree.ts): the pattern has nothing with case, so the engine
 * compiles it without the `i` flag, for the same matches at a fraction of the compile time.
 */
import { caseFree } from '../text/caseFree';
import { requiredText } from '../text/requiredText';
import type { Matcher, Rule } from './schema';

/** A matcher as the embedded knowledge base ships it. */
export type ShippedMatcher = Matcher & { needs?: readonly string[]; caseless?: true };

/** Adds `needs` to every matcher of `rules` whose pattern needs some string, and `caseless` where it has no case (in place). */
export function addMatcherNeeds(rules: readonly Rule[]): void {
  for (const rule of rules) {
    for (const m of [...rule.all, ...rule.any, ...rule.none] as ShippedMatcher[]) {
      const needs = requiredText(m.pattern);
      if (needs) m.needs = needs;
      if (caseFree(m.pattern)) m.caseless = true;
    }
  }
}

/**
 * A rules file's data without the matchers' `needs` and `caseless`: what the schema validates. The
 * test bundles load the shipped data, both included, and validate it again; either written in the
 * YAML would be dropped here and worked out again from the pattern.
 */
export function withoutMatcherNeeds(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data, (key, value: unknown) => (key === 'needs' || key === 'caseless' ? undefined : value)));
}
