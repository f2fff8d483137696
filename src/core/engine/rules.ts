/**
 * Rule evaluation: matches the knowledge base's rules (rules.yaml) against an intake's facts.
 * A rule fires when its context holds (its `when` preconditions on the engine's understanding,
 * none of its `unless` — checked by the caller through `inContext`, see plan/conditions.ts), every
 * `all` matcher matches some fact, at least one `any` matcher matches (when there are any), and
 * no `none` matcher matches. The facts that matched become the rule's evidence, the intake lines
 * a recommendation cites. Pure: no I/O, no `vscode`.
 */
import { getFieldCatalog, type FieldCatalog } from '../catalog/catalog';
import { gatesFor } from '../knowledge/gateTable';
import { gateOf, type RuleGate, type ShippedMatcher, type ShippedRule } from '../knowledge/matcherNeeds';
import { caseInsensitiveRegExp } from '../text/caseExpand';
import { memoByText } from '../text/memo';
import { foldForNeeds } from '../text/requiredText';
import { NeedleIndex } from './text/needleIndex';
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

/**
 * One matcher of a rule, its regular expression and `joinable` worked out on first use: most
 * matchers are ruled out by their `needs` before their pattern would run, and making all 254
 * RegExps of the shipped rules up front (each one parsed) was about 2 ms of a cold `intake
 * generate`. An invalid pattern throws then; the shipped rules are checked when built, a team's
 * when loaded.
 *
 * A class, so that every matcher has the same fields in the same order (absent ones undefined):
 * the evaluation reads them for every matcher of every rule, and objects of one shape keep that
 * code small for the optimizing compiler and free of the deoptimizations that matchers of several
 * shapes (with or without a section, a field, needs) caused.
 */
class CompiledMatcher {
  readonly section: string | undefined;
  readonly field: string | undefined;
  /** Strings one of which any text the pattern matches contains, folded (knowledge/matcherNeeds.ts): the pattern runs only on facts that contain one. */
  readonly needs: readonly string[] | undefined;
  /** Further groups of needed strings, folded: the pattern runs only on a text that holds one string of each (ShippedMatcher.alsoNeeds). */
  private readonly alsoNeeds: readonly (readonly string[])[] | undefined;
  private compiled: RegExp | undefined = undefined;
  private joins: boolean | undefined = undefined;
  private tested: ((text: string) => boolean) | undefined = undefined;

  constructor(
    private readonly rule: Rule,
    private readonly m: ShippedMatcher,
    catalog: FieldCatalog,
  ) {
    const names = canonical(m, catalog);
    this.section = names.section;
    this.field = names.field;
    this.needs = m.needs;
    this.alsoNeeds = m.alsoNeeds;
  }

  get regex(): RegExp {
    return (this.compiled ??= patternOf(this.rule, this.m));
  }

  /**
   * The pattern has no anchor (^ $) and no lookaround outside a character class: whatever it
   * matches in one fact's text it also matches in all the texts joined by line feeds (a line
   * feed, like the end of the text, is no word character for \b). So one test on the joined
   * texts tells that no fact matches, without a test per fact.
   */
  get joinable(): boolean {
    return (this.joins ??= joinable(this.m.pattern));
  }

  /** `regex.test(text)`, kept per text (text/memo.ts): every report of an intake tests the same lines again. */
  matches(text: string): boolean {
    // Neither `g` nor `y`: a test leaves no state in the expression, so its answer is the text's alone.
    // The further needed strings first: a pattern ruled out on every text it meets is never compiled.
    return (this.tested ??= memoByText((t) => (this.alsoNeeds === undefined || holdsEach(this.alsoNeeds, t)) && this.regex.test(t), MATCHES_KEPT))(text);
  }
}

/** Whether `text`, folded, holds one string of each group. */
function holdsEach(groups: readonly (readonly string[])[], text: string): boolean {
  const folded = foldForNeeds(text);
  return groups.every((g) => g.some((s) => folded.includes(s)));
}

export interface CompiledRule {
  all: CompiledMatcher[];
  any: CompiledMatcher[];
  none: CompiledMatcher[];
  /** `all`, `any` and `none` in one list, in that order: what `evaluate` runs through. */
  ordered: CompiledMatcher[];
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
 * Texts whose answers each matcher keeps. A matcher is tested only on the facts that hold one of
 * its needed strings, a handful per intake; each of the ~250 matchers keeps its own copy of the
 * texts (memo.ts), so the bound also bounds the memory: at most 250 × 256 lines.
 */
const MATCHES_KEPT = 256;

function patternOf(rule: Rule, m: ShippedMatcher): RegExp {
  try {
    // A pattern with nothing that has case matches the same without `i`, and compiles faster
    // (text/caseFree.ts); one whose only letters are ASCII is written without `i` (text/caseExpand.ts),
    // by the build for the shipped rules (`expanded`, knowledge/matcherNeeds.ts), here for a team's.
    if (m.caseless) return new RegExp(m.pattern, 'u');
    return m.expanded !== undefined ? new RegExp(m.expanded, 'u') : caseInsensitiveRegExp(m.pattern, 'iu');
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
    const all = rule.all.map((m) => new CompiledMatcher(rule, m, catalog));
    const any = rule.any.map((m) => new CompiledMatcher(rule, m, catalog));
    const none = rule.none.map((m) => new CompiledMatcher(rule, m, catalog));
    c = { all, any, none, ordered: [...all, ...any, ...none] };
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

/**
 * A report's scratch marks, one slot per fact. A matcher marks the facts it matches with the
 * current rule's stamp, so a rule's evidence and triggers are read off in document order, without
 * duplicates, by one pass over the marked span: no list per matcher, no merging and sorting of
 * lists. Stamps only grow, so nothing is ever cleared.
 */
class Marks {
  /** Per fact, the last matcher (by `tick`) that tested it: a fact under two of a matcher's needed strings is tested once. */
  readonly tested: Int32Array;
  /** Per fact, the last rule (by `stamp`) whose `all`, `any` or `none` matchers matched it. */
  readonly all: Int32Array;
  readonly any: Int32Array;
  readonly none: Int32Array;
  tick = 0;
  stamp = 0;
  /** The lowest and highest fact marked for the current rule. */
  low = 0;
  high = -1;

  constructor(count: number) {
    this.tested = new Int32Array(count);
    this.all = new Int32Array(count);
    this.any = new Int32Array(count);
    this.none = new Int32Array(count);
  }
}

/**
 * Marks in `into` (with the current rule's stamp) the facts a matcher without `needs` (a team's
 * rule) matches; whether it matched any. Matchers with needs are run by {@link evaluate} itself.
 */
function markAll(m: CompiledMatcher, facts: readonly Fact[], texts: Texts, marks: Marks, into: Int32Array): boolean {
  const stamp = marks.stamp;
  let hit = false;
  if (m.joinable && !m.regex.test(texts.joined())) return false;
  for (let i = 0; i < facts.length; i++) if (matchesFact(m, facts[i]!)) hit = mark(marks, into, i, stamp);
  return hit;
}

function mark(marks: Marks, into: Int32Array, i: number, stamp: number): true {
  into[i] = stamp;
  if (i < marks.low) marks.low = i;
  if (i > marks.high) marks.high = i;
  return true;
}

function matchesFact(m: CompiledMatcher, f: Fact): boolean {
  if (m.section !== undefined && f.section !== m.section) return false;
  if (m.field !== undefined && !f.fieldPath.includes(m.field)) return false;
  return m.matches(f.text);
}

/**
 * What is worked out once per rules list (the knowledge base's is immutable): the needed strings
 * of all its matchers, indexed, and the rules' gates, from the list's gate table (the build's for
 * the embedded list, knowledge/gateTable.ts).
 */
interface RulesIndex {
  needles: NeedleIndex;
  /**
   * The rules' gates (knowledge/matcherNeeds.ts, RuleGate) as groups of needed strings, numbered across all rules: a group
   * holds when one of its strings occurs, and a gate opens when all its groups hold. Per needed
   * string, its number (knowledge/gateTable.ts, Gates: its groups are `groups[starts[i]]`…).
   */
  needleIds: ReadonlyMap<string, number>;
  starts: Int32Array;
  groups: Int32Array;
  /** Per group, the rule (by order) whose gate it is part of. */
  groupRule: Int32Array;
  /** Per rule, by order, how many groups its gate has. */
  groupCount: Int32Array;
  /** The rules (by order) without a gate (a team's rules come without needs): they always open. */
  ungated: Int32Array;
  /** Each rule's priority, by order: read once (a shipped rule's priority is a getter of its lazy entry). */
  priorities: readonly number[];
}

const rulesIndexes = new WeakMap<readonly Rule[], RulesIndex>();

function rulesIndexOf(rules: readonly Rule[]): RulesIndex {
  let index = rulesIndexes.get(rules);
  if (!index) {
    const gates = gatesFor(rules, gateOfRule);
    const needleIds = new Map<string, number>();
    for (let i = 0; i < gates.needles.length; i++) needleIds.set(gates.needles[i]!, i);
    const groupCount = new Int32Array(rules.length);
    for (const order of gates.groupRule) groupCount[order]!++;
    index = {
      needles: new NeedleIndex(gates.needles),
      needleIds,
      starts: gates.starts,
      groups: gates.groups,
      groupRule: gates.groupRule,
      groupCount,
      ungated: gates.ungated,
      priorities: rules.map((r) => r.priority),
    };
    rulesIndexes.set(rules, index);
  }
  return index;
}

/**
 * A rule's gate: the one the build worked out (a shipped rule's, in its details), or one from its
 * matchers (a team's rule, or one whose matchers a team's overlay changed).
 */
function gateOfRule(rule: Rule): RuleGate {
  const shipped = rule as ShippedRule;
  return shipped.gate !== undefined && shipped.needles !== undefined ? (shipped as RuleGate) : gateOf(rule);
}


/**
 * Evaluates one rule (`source`, compiled as `rule`): its hit when it fires. Its matchers mark the
 * facts they match (Marks) with a new stamp; when it fires, `firedHit` reads its evidence and
 * triggers off the marks. The matchers run in order (`all`, `any`, `none`), and stop as soon as
 * the rule cannot fire. firedHit is called from here, not from evaluateRules, so that it is
 * inlined into this function's optimised code rather than compiled again on its own.
 */
function evaluate(source: Rule, rule: CompiledRule, facts: readonly Fact[], texts: Texts, marks: Marks): RuleHit | undefined {
  const stamp = ++marks.stamp;
  marks.low = facts.length;
  marks.high = -1;
  // One loop for the three kinds of matcher, and the marking of a matcher's facts in it rather than
  // in a function of its own: the optimising compiler compiles this loop once, where a separate
  // function, hot before this one, was compiled alone and then again inlined here.
  const matchers = rule.ordered;
  const allEnd = rule.all.length;
  const anyEnd = allEnd + rule.any.length;
  // Whether an `any` matcher matched; true when there is none to wait for.
  let some = anyEnd === allEnd;
  for (let j = 0; j < matchers.length; j++) {
    if (j === anyEnd && !some) return undefined;
    const into = j < allEnd ? marks.all : j < anyEnd ? marks.any : marks.none;
    const m = matchers[j]!;
    const needs = m.needs;
    let hit = false;
    if (needs === undefined) hit = markAll(m, facts, texts, marks, into);
    else {
      // A fact the pattern matches contains one of the needed strings: only those facts are tested,
      // each once (a fact may hold two of them).
      const tick = ++marks.tick;
      for (let n = 0; n < needs.length; n++) {
        const at = texts.needs.get(needs[n]!);
        if (at === undefined) continue;
        for (let k = 0; k < at.length; k++) {
          const i = at[k]!;
          if (marks.tested[i] === tick) continue;
          marks.tested[i] = tick;
          if (matchesFact(m, facts[i]!)) hit = mark(marks, into, i, stamp);
        }
      }
    }
    if (j < allEnd) {
      if (!hit) return undefined;
    } else if (j < anyEnd) {
      if (hit) some = true;
    } else if (hit) return undefined;
  }
  return some ? firedHit(source, anyEnd > allEnd, facts, marks) : undefined;
}

/** The hit of a rule `evaluate` just fired: the facts its `all` and `any` matchers marked, and its triggers (its `any` matchers' facts, else its `all` matchers'), in document order. */
function firedHit(rule: Rule, anyMatchers: boolean, facts: readonly Fact[], marks: Marks): RuleHit {
  const evidence: Fact[] = [];
  const triggers: Fact[] = [];
  const stamp = marks.stamp;
  for (let i = marks.low; i <= marks.high; i++) {
    const all = marks.all[i] === stamp;
    const any = marks.any[i] === stamp;
    if (all || any) evidence.push(facts[i]!);
    if (anyMatchers ? any : all) triggers.push(facts[i]!);
  }
  return { rule, evidence, triggers };
}

/**
 * The rules that fire on an intake, highest priority first (rule order within a priority),
 * each with the facts that made it fire.
 */
export function evaluateRules(facts: IntakeFacts, rules: readonly Rule[], catalog: FieldCatalog = getFieldCatalog(), inContext: (rule: Rule) => boolean = () => true, exclude?: ReadonlySet<number>): RuleHit[] {
  const list = exclude && exclude.size > 0 ? facts.facts.filter((f) => !exclude.has(f.line)) : facts.facts;
  let joined: string | undefined;
  const index = rulesIndexOf(rules);
  const texts: Texts = { needs: index.needles.occurrences(list.map((f) => foldForNeeds(f.text))), joined: () => (joined ??= list.map((f) => f.text).join('\n')) };
  // Highest priority first, rule order within a priority (as a stable sort by priority of the hits in rule order).
  const hits: RuleHit[] = [];
  /** The hits' priorities, in the same order. */
  const ranks: number[] = [];
  const open = openRules(index, texts.needs, rules.length);
  const marks = new Marks(list.length);
  for (let k = 0; k < open.length; k++) {
    const order = open[k]!;
    const rule = rules[order]!;
    if (!inContext(rule)) continue;
    const hit = evaluate(rule, compileRule(rule, catalog), list, texts, marks);
    if (hit !== undefined) insertByPriority(hits, ranks, hit, index.priorities[order]!);
  }
  return hits;
}

/**
 * Inserts a hit after every hit of the same or a higher priority: the rules are evaluated in rule
 * order, so the list stays as a stable sort by priority, highest first, would order it. A report
 * has a few dozen hits; inserting them costs less than a sort with a comparator to call (and for
 * the optimizing compiler to compile) each time. `ranks` holds the hits' priorities, in the same
 * order, from the rules index: a shipped rule's `priority` is a getter of its lazy entry.
 */
function insertByPriority(hits: RuleHit[], ranks: number[], hit: RuleHit, priority: number): void {
  let at = hits.length;
  while (at > 0 && ranks[at - 1]! < priority) at--;
  if (at === hits.length) {
    hits.push(hit);
    ranks.push(priority);
  } else {
    hits.splice(at, 0, hit);
    ranks.splice(at, 0, priority);
  }
}

/**
 * The rules (by order, ascending) whose gate opens on the needed strings `found`: those without a
 * gate, and those each of whose groups has a string that occurs. A report's intake holds a few
 * dozen of the rules' strings, so this visits the groups they are in, counting per rule the groups
 * that hold, rather than asking every rule's gate (most are shut) string by string: less work per
 * report, and one loop for the optimising compiler to find hot where the gate's test per rule
 * made two more functions to compile in a report's first few dozen.
 */
function openRules(index: RulesIndex, found: ReadonlyMap<string, readonly number[]>, count: number): Int32Array {
  const held = new Uint8Array(index.groupRule.length);
  const holding = new Int32Array(count);
  const open = [...index.ungated];
  // forEach, not for…of: an iterator is more for the optimizing compiler to build.
  found.forEach((_, needle) => {
    const id = index.needleIds.get(needle);
    if (id === undefined) return;
    for (let k = index.starts[id]!, end = index.starts[id + 1]!; k < end; k++) {
      const group = index.groups[k]!;
      if (held[group] === 1) continue;
      held[group] = 1;
      const order = index.groupRule[group]!;
      if (++holding[order]! === index.groupCount[order]) open.push(order);
    }
  });
  // In rule order. A typed array's sort is numeric without a comparator (none to call or compile),
  // and a few dozen rules open where a pass over all of them was as long as the rules list.
  return Int32Array.from(open).sort();
}
