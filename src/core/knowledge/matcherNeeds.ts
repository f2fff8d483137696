/**
 * The strings each rule matcher's pattern needs (text/requiredText.ts), worked out when the
 * knowledge base is built and shipped with its matchers as `needs`: the rule evaluation tests
 * them with `includes` on the folded text before it runs the pattern. Parsing 250 patterns costs more in a fresh
 * process than the first report may spend on all its rules, so it is not done at run time; a
 * team's own rules (team/merge.ts) come without `needs` and run their patterns as before.
 */
import { requiredText } from '../text/requiredText';
import type { Matcher, Rule } from './schema';

/** A matcher as the embedded knowledge base ships it. */
export type ShippedMatcher = Matcher & { needs?: readonly string[] };

/** Adds `needs` to every matcher of `rules` whose pattern needs some string (in place). */
export function addMatcherNeeds(rules: readonly Rule[]): void {
  for (const rule of rules) {
    for (const m of [...rule.all, ...rule.any, ...rule.none] as ShippedMatcher[]) {
      const needs = requiredText(m.pattern);
      if (needs) m.needs = needs;
    }
  }
}

/**
 * A rules file's data without the matchers' `needs`: what the schema validates. The test bundles
 * load the shipped data, `needs` included, and validate it again; `needs` written in the YAML
 * would be dropped here and worked out again from the pattern.
 */
export function withoutMatcherNeeds(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data, (key, value: unknown) => (key === 'needs' ? undefined : value)));
}
