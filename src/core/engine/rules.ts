/**
 * Rule evaluation: matches the knowledge base's rules (rules.yaml) against an intake's facts.
 * A rule fires when its context holds (its `when` preconditions on the engine's understanding,
 * none of its `unless` — checked by the caller through `inContext`, see plan/conditions.ts), every
 * `all` matcher matches some fact, at least one `any` matcher matches (when there are any), and
 * no `none` matcher matches. The facts that matched become the rule's evidence, the intake lines
 * a recommendation cites. Pure: no I/O, no `vscode`.
 */
import { getFieldCatalog, type FieldCatalog } from '../catalog/catalog';
import type { ShippedMatcher } from '../knowledge/matcherNeeds';
import { caseInsensitiveRegExp } from '../text/caseExpand';
import { memoByText } from '../text/memo';
import { foldForNeeds } from '../text/requiredText';
import { NeedleIndex } from './text/needleIndex';
import { uniqueAscending } from './uniqueAscending';
import type { Matcher, Rule } from '../knowledge/schema';
import type { Fact, IntakeFacts } from '../facts/facts';

export interface RuleHit {
  rule: Rule;
  /** The facts whose lines matched the rule's `all` and `any` matchers, deduplicated, in document order. */
  evidence: Fact[];
  /**
   * The facts that triggered it: those its `any` matchers matched (its `all` matchers' when it has
   * no `any`). An `all` matcher is often context (the customer uses 阿里云); only a trigger line is
   * a need the rule answers.
   */
  triggers: Fact[];
}

interface CompiledMatcher {
  section?: string;
  field?: string;
  regex: RegExp;
  /**
   * The pattern has no anchor (^ $) and no lookaround outside a character class: whatever it
   * matches in one fact's text it also matches in all the texts joined by line feeds (a line
   * feed, like the end of the text, is no word character for \b). So one test on the joined
   * texts tells that no fact matches, without a test per fact.
   */
  joinable: boolean;
  /** Strings one of which any text the pattern matches contains, folded (knowledge/matcherNeeds.ts): the pattern runs only on facts that contain one. */
  needs?: readonly string[];
  /** `regex.test(text)`, kept per text (text/memo.ts): every report of an intake tests the same lines again. */
  matches(text: string): boolean;
}

export interface CompiledRule {
  all: CompiledMatcher[];
  any: CompiledMatcher[];
  none: CompiledMatcher[];
}

/**
 * Compiled matchers per field catalog and rule object; rules are immutable data, so compile once
 * per catalog: a team's catalog may rename or add fields, and the matchers' section and field
 * names are resolved in the catalog the rule is evaluated with.
 */
const compiled = new WeakMap<FieldCatalog, WeakMap<Rule, CompiledRule>>();

/** Resolves a matcher's section and field to canonical catalog names (synonyms apply). */
function canonical(m: Matcher, catalog: FieldCatalog): { section?: string; field?: string } {
  const out: { section?: string; field?: string } = {};
  const spec = m.section !== undefined ? catalog.section(m.section) : undefined;
  if (m.section !== undefined) out.section = spec?.name ?? m.section;
  if (m.field !== undefined) {
    let name: string | undefined;
    if (spec) name = catalog.field(spec, m.field)?.name;
    else {
      for (const s of catalog.sections) {
        name = catalog.field(s, m.field)?.name;
        if (name) break;
      }
    }
    out.field = name ?? m.field;
  }
  return out;
}

/**
 * The matcher, its regular expression and `joinable` worked out on first use: most matchers are
 * ruled out by their `needs` before their pattern would run, and making all 254 RegExps of the
 * shipped rules up front (each one parsed) was about 2 ms of a cold `intake generate`. An invalid
 * pattern throws then; the shipped rules are checked when built, a team's when loaded.
 */
function compileMatcher(rule: Rule, m: ShippedMatcher, catalog: FieldCatalog): CompiledMatcher {
  let regex: RegExp | undefined;
  let joins: boolean | undefined;
  let tested: ((text: string) => boolean) | undefined;
  const compiled: CompiledMatcher = {
    ...canonical(m, catalog),
    get regex(): RegExp {
      return (regex ??= patternOf(rule, m));
    },
    get joinable(): boolean {
      return (joins ??= joinable(m.pattern));
    },
    ...(m.needs ? { needs: m.needs } : {}),
    // Neither `g` nor `y`: a test leaves no state in the expression, so its answer is the text's alone.
    matches: (text) => (tested ??= memoByText((t) => compiled.regex.test(t), MATCHES_KEPT))(text),
  };
  return compiled;
}

/**
 * Texts whose answers each matcher keeps. A matcher is tested only on the facts that hold one of
 * its needed strings, a handful per intake; each of the ~250 matchers keeps its own copy of the
 * texts (memo.ts), so the bound also bounds the memory: at most 250 × 256 lines.
 */
const MATCHES_KEPT = 256;

function patternOf(rule: Rule, m: ShippedMatcher): RegExp {
  try {
    // A pattern with nothing that has case matches the same without `i`, and compiles faster
    // (text/caseFree.ts); one whose only letters are ASCII is written without `i` (text/caseExpand.ts).
    return m.caseless ? new RegExp(m.pattern, 'u') : caseInsensitiveRegExp(m.pattern, 'iu');
  } catch (e) {
    throw new Error(`rule ${rule.id}: invalid pattern /${m.pattern}/: ${(e as Error).message}`);
  }
}

/** No `^`, `$`, `(?=`, `(?!`, `(?<=` or `(?<!` outside a character class (see CompiledMatcher.joinable). */
function joinable(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '^' || c === '$') return false;
    else if (c === '(' && pattern[i + 1] === '?' && (pattern[i + 2] === '=' || pattern[i + 2] === '!' || (pattern[i + 2] === '<' && (pattern[i + 3] === '=' || pattern[i + 3] === '!')))) return false;
  }
  return true;
}

/** The rule's matchers as regular expressions (cached per catalog and rule), each made on first use (compileMatcher). */
export function compileRule(rule: Rule, catalog: FieldCatalog = getFieldCatalog()): CompiledRule {
  let byRule = compiled.get(catalog);
  if (!byRule) compiled.set(catalog, (byRule = new WeakMap()));
  let c = byRule.get(rule);
  if (!c) {
    c = {
      all: rule.all.map((m) => compileMatcher(rule, m, catalog)),
      any: rule.any.map((m) => compileMatcher(rule, m, catalog)),
      none: rule.none.map((m) => compileMatcher(rule, m, catalog)),
    };
    byRule.set(rule, c);
  }
  return c;
}

/** What the matchers test the facts with. */
interface Texts {
  /** For each needed string (ShippedMatcher.needs) that some fact's folded text contains, those facts' indexes, ascending. */
  needs: ReadonlyMap<string, readonly number[]>;
  /** The facts' texts joined by line feeds, for matchers without `needs` (a team's rules); made when first asked. */
  joined: () => string;
}

/** Indexes (into facts.facts) of the facts a matcher matches. */
function matchFacts(m: CompiledMatcher, facts: readonly Fact[], texts: Texts): number[] {
  const hits: number[] = [];
  // A fact the pattern matches contains one of the needed strings: only those facts are tested.
  const candidates = m.needs ? factsWithAny(m.needs, texts.needs) : undefined;
  if (candidates) {
    for (let k = 0; k < candidates.length; k++) {
      const i = candidates[k]!;
      if (matchesFact(m, facts[i]!)) hits.push(i);
    }
    return hits;
  }
  if (m.joinable && !m.regex.test(texts.joined())) return hits;
  for (let i = 0; i < facts.length; i++) if (matchesFact(m, facts[i]!)) hits.push(i);
  return hits;
}

function matchesFact(m: CompiledMatcher, f: Fact): boolean {
  if (m.section !== undefined && f.section !== m.section) return false;
  if (m.field !== undefined && !f.fieldPath.includes(m.field)) return false;
  return m.matches(f.text);
}

/** The indexes, ascending, of the facts that contain at least one of `needs`. */
function factsWithAny(needs: readonly string[], found: ReadonlyMap<string, readonly number[]>): readonly number[] {
  let only: readonly number[] | undefined;
  let several: number[] | undefined;
  for (const n of needs) {
    const at = found.get(n);
    if (at === undefined) continue;
    if (only === undefined) only = at;
    else {
      several ??= only.slice();
      for (let k = 0; k < at.length; k++) several.push(at[k]!);
    }
  }
  if (several) return uniqueAscending(several);
  return only ?? [];
}

/** The needed strings of every matcher of a rules list, indexed once per list (the knowledge base's is immutable). */
const needleIndexes = new WeakMap<readonly Rule[], NeedleIndex>();

function needleIndexOf(rules: readonly Rule[]): NeedleIndex {
  let index = needleIndexes.get(rules);
  if (!index) {
    index = new NeedleIndex(rules.flatMap((r) => [...r.all, ...r.any, ...r.none].flatMap((m) => (m as ShippedMatcher).needs ?? [])));
    needleIndexes.set(rules, index);
  }
  return index;
}

/** Evaluates one rule; the evidence and trigger indexes (ascending, without duplicates) when it fires, undefined otherwise. */
function evaluate(rule: CompiledRule, facts: readonly Fact[], texts: Texts): { evidence: number[]; triggers: number[] } | undefined {
  // Hits are gathered in plain lists and ordered only once the rule fires: most rules stop at their first matcher.
  const fromAll: number[] = [];
  for (const m of rule.all) {
    const hits = matchFacts(m, facts, texts);
    if (hits.length === 0) return undefined;
    for (let k = 0; k < hits.length; k++) fromAll.push(hits[k]!);
  }
  const fromAny: number[] = [];
  if (rule.any.length > 0) {
    for (const m of rule.any) for (const i of matchFacts(m, facts, texts)) fromAny.push(i);
    if (fromAny.length === 0) return undefined;
  }
  for (const m of rule.none) if (matchFacts(m, facts, texts).length > 0) return undefined;
  return { evidence: uniqueAscending(fromAll.concat(fromAny)), triggers: uniqueAscending(rule.any.length > 0 ? fromAny : fromAll) };
}

/**
 * The rules that fire on an intake, highest priority first (rule order within a priority),
 * each with the facts that made it fire.
 */
export function evaluateRules(facts: IntakeFacts, rules: readonly Rule[], catalog: FieldCatalog = getFieldCatalog(), inContext: (rule: Rule) => boolean = () => true, exclude?: ReadonlySet<number>): RuleHit[] {
  const list = exclude && exclude.size > 0 ? facts.facts.filter((f) => !exclude.has(f.line)) : facts.facts;
  let joined: string | undefined;
  const texts: Texts = { needs: needleIndexOf(rules).occurrences(list.map((f) => foldForNeeds(f.text))), joined: () => (joined ??= list.map((f) => f.text).join('\n')) };
  const hits: { hit: RuleHit; order: number }[] = [];
  rules.forEach((rule, order) => {
    if (!inContext(rule)) return;
    const result = evaluate(compileRule(rule, catalog), list, texts);
    if (!result) return;
    hits.push({ hit: { rule, evidence: result.evidence.map((i) => list[i]!), triggers: result.triggers.map((i) => list[i]!) }, order });
  });
  hits.sort((a, b) => b.hit.rule.priority - a.hit.rule.priority || a.order - b.order);
  return hits.map((h) => h.hit);
}
