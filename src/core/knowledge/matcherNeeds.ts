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
import { requiredGroups, requiredText } from '../text/requiredText';
import type { Matcher, Rule } from './schema';

/**
 * A matcher as the embedded knowledge base ships it. `alsoNeeds`: the pattern's other groups of
 * needed strings (text/requiredText.ts, requiredGroups), a fact's folded text holding one string of
 * each: `(TPS|QPS|吞吐).{0,20}(网关|Kong|APISIX)` needs one of "tps", "qps", "吞吐" (`needs`, what
 * finds the facts to test) and one of "网关", "kong", "apisix". The evaluation tests them before
 * it runs the pattern: on the insurance seed's first report they kept 22 of the 106 patterns it
 * compiled from being compiled (none of the 22 matched), 77 of its 182 tests.
 */
export type ShippedMatcher = Matcher & { needs?: readonly string[]; alsoNeeds?: readonly (readonly string[])[]; caseless?: true; expanded?: string };

/**
 * Strings a rule cannot fire without, from its matchers' needs: a fact the matcher matches
 * contains one of its needed strings, and the evaluation tests only the facts that do. Every `all`
 * matcher must match a fact, so each one's needs must occur; when every `any` matcher has needs,
 * one of them all must occur. A rule whose gate is shut is passed over without a look at its
 * context or its matchers (engine/rules.ts).
 */
export interface RuleGate {
  /** Groups of needed strings: the gate opens when each group has one that occurs; none: it is always open. */
  gate: readonly (readonly string[])[];
  /** The needed strings of the rule's matchers that no group of its gate holds (the evaluation indexes them too). */
  needles: readonly string[];
}

/**
 * A rule as the embedded knowledge base ships it: with its gate, worked out by the build, so the
 * first load reads the gate of every rule and none of its matchers (knowledge/lazyDetails.ts);
 * a team's rule comes without, and the evaluation works its gate out from its matchers.
 */
export type ShippedRule = Rule & Partial<RuleGate>;

/** The build's annotations of a matcher or rule, which the YAML does not write. */
const SHIPPED_ONLY = new Set(['needs', 'alsoNeeds', 'caseless', 'expanded', 'gate', 'needles', 'gateTable']);

/** A rule's gate, from its matchers' needs (see RuleGate). */
export function gateOf(rule: Rule): RuleGate {
  const gate: string[][] = [];
  for (const m of rule.all as ShippedMatcher[]) if (m.needs) gate.push([...new Set(m.needs)]);
  const any = rule.any as ShippedMatcher[];
  if (any.length > 0 && any.every((m) => m.needs !== undefined)) gate.push([...new Set(any.flatMap((m) => m.needs!))]);
  const held = new Set(gate.flat());
  const needles = new Set<string>();
  for (const m of [...rule.all, ...rule.any, ...rule.none] as ShippedMatcher[]) for (const n of m.needs ?? []) if (!held.has(n)) needles.add(n);
  return { gate, needles: [...needles] };
}

/**
 * Drops the shipped gate of a rule (a copy) whose matchers a team's overlay changed: the gate was
 * worked out from the matchers it had, and the evaluation works it out again from the new ones.
 */
export function forgetGate(rule: Record<string, unknown>, changed: readonly string[]): void {
  if (!changed.some((f) => f === 'all' || f === 'any' || f === 'none')) return;
  delete rule.gate;
  delete rule.needles;
}

/**
 * Adds `needs` to every matcher of `rules` whose pattern needs some string, `alsoNeeds` where it
 * needs more than one group of strings (ShippedMatcher), `caseless` where it has
 * no case, and `expanded` where it has case and caseInsensitiveRegExp(pattern, 'iu') would write it
 * without `i`; then each rule's gate and needles (RuleGate) from those needs (in place).
 */
export function addMatcherNeeds(rules: readonly Rule[]): void {
  for (const rule of rules) {
    for (const m of [...rule.all, ...rule.any, ...rule.none] as ShippedMatcher[]) {
      const needs = requiredText(m.pattern);
      if (needs) m.needs = needs;
      const also = needs && otherGroups(needs, requiredGroups(m.pattern)!);
      if (also && also.length > 0) m.alsoNeeds = also;
      if (caseFree(m.pattern)) m.caseless = true;
      else {
        const expanded = expandedPattern(m.pattern);
        if (expanded !== undefined) m.expanded = expanded;
      }
    }
    Object.assign(rule, gateOf(rule));
  }
}

/**
 * The groups of `groups` that a text holding one string of `needs` may still lack, each once: not
 * one that holds every string of `needs` or of another group (a text that holds one string of that
 * group holds one of this one).
 */
function otherGroups(needs: readonly string[], groups: readonly (readonly string[])[]): string[][] {
  const distinct = [...new Map(groups.map((g) => [[...new Set(g)].sort().join('\n'), [...new Set(g)]])).values()];
  const implied = (g: readonly string[], by: readonly string[]) => by.every((s) => g.includes(s));
  return distinct.filter((g) => !implied(g, needs) && !distinct.some((k) => k !== g && implied(g, k)));
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
 * A rules file's data without the matchers' `needs`, `caseless` and `expanded` and the rules'
 * `gate` and `needles`: what the schema validates. The test bundles load the shipped data, all included, and validate it again; any of
 * them written in the YAML would be dropped here and worked out again from the pattern.
 */
export function withoutMatcherNeeds(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data, (key, value: unknown) => (SHIPPED_ONLY.has(key) ? undefined : value)));
}
