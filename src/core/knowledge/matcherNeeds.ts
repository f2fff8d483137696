/**
 * The strings each rule matcher's pattern needs (text/requiredText.ts), worked out when the
 * knowledge base is built and shipped with its matchers as `needs`: the rule evaluation tests
 * them with `includes` on the folded text before it runs the pattern. Parsing 250 patterns costs more in a fresh
 * process than the first report may spend on all its rules, so it is not done at run time; a
 * team's own rules (team/merge.ts) come without `needs` and run their patterns as before.
 * Likewise `caseless` (text/caseFree.ts): the pattern has nothing with case, so the engine
 * compiles it without the `i` flag, for the same matches at a fraction of the compile time; and
 * `expanded`: the pattern as caseInsensitiveRegExp writes it without `i` (text/caseExpand.ts,
 * `SAP` -> `[sS\u017F][aA][pP]`), which the engine would otherwise work out in every process for
 * each pattern it runs.
 */
import { caseFree } from '../text/caseFree';
import { caseInsensitiveRegExp } from '../text/caseExpand';
import { requiredText } from '../text/requiredText';
import type { Matcher, Rule } from './schema';

/** A matcher as the embedded knowledge base ships it. */
export type ShippedMatcher = Matcher & { needs?: readonly string[]; caseless?: true; expanded?: string };

/** The build's annotations of a matcher, which the YAML does not write. */
const SHIPPED_ONLY = new Set(['needs', 'caseless', 'expanded']);

/**
 * Adds `needs` to every matcher of `rules` whose pattern needs some string, `caseless` where it has
 * no case, and `expanded` where it has case and caseInsensitiveRegExp(pattern, 'iu') would write it
 * without `i` (in place).
 */
export function addMatcherNeeds(rules: readonly Rule[]): void {
  for (const rule of rules) {
    for (const m of [...rule.all, ...rule.any, ...rule.none] as ShippedMatcher[]) {
      const needs = requiredText(m.pattern);
      if (needs) m.needs = needs;
      if (caseFree(m.pattern)) m.caseless = true;
      else {
        const expanded = expandedPattern(m.pattern);
        if (expanded !== undefined) m.expanded = expanded;
      }
    }
  }
}

/**
 * What caseInsensitiveRegExp(pattern, 'iu') compiles with the `u` flag alone, if it does (a valid
 * rewrite): asked of that function itself, so the shipped pattern is the one it makes. The
 * patterns were compiled by the integrity check before this runs.
 */
function expandedPattern(pattern: string): string | undefined {
  const re = caseInsensitiveRegExp(pattern, 'iu');
  return re.flags.includes('i') ? undefined : re.source;
}

/**
 * A rules file's data without the matchers' `needs`, `caseless` and `expanded`: what the schema
 * validates. The test bundles load the shipped data, all included, and validate it again; any of
 * them written in the YAML would be dropped here and worked out again from the pattern.
 */
export function withoutMatcherNeeds(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data, (key, value: unknown) => (SHIPPED_ONLY.has(key) ? undefined : value)));
}
