/**
 * The rules' gates (matcherNeeds.ts, RuleGate) as one table over a whole rules list: the form the
 * rule evaluation looks them up in (engine/rules.ts). The build works out the embedded rules' table
 * and ships it packed in the knowledge base's index (lazyDetails.ts), in place of each rule's gate:
 * the first load then parses a few strings, not 3,600 strings in 1,250 arrays, and the first
 * report unpacks the table instead of building it. A list a team's overlay changed gets a table of
 * its own (gatesFor).
 *
 * No imports: the loader's bundle holds this file, and it is all that bundle needs of the gates.
 */

/** A rule's gate, as matcherNeeds.ts's RuleGate gives it (that file's imports stay out of the loader). */
interface Gate {
  readonly gate: readonly (readonly string[])[];
  readonly needles: readonly string[];
}

/** The gates of a rules list. */
export interface Gates {
  /** Every needed string of the rules' gates and matchers, each once, in the order the rules first give them. */
  needles: readonly string[];
  /** Per needed string i, its groups are `groups[starts[i]]` to `groups[starts[i + 1] - 1]`. */
  starts: Int32Array;
  /** The groups each needed string is in, each once, string by string. */
  groups: Int32Array;
  /** Per group, the rule (by order) whose gate it is part of; a rule's groups are numbered one after another. */
  groupRule: Int32Array;
  /** The rules (by order) without a gate: they always open. */
  ungated: Int32Array;
  /** Per rule (by order) r, the numbers of its needed strings of no group of its gate (RuleGate's `needles`): `others[otherStarts[r]]`… */
  otherStarts: Int32Array;
  others: Int32Array;
}

/**
 * Gates as the index ships them: the needed strings joined by line breaks (none holds one: a fact
 * is one line, and the build checks), each list of numbers packed as a string (packNumbers).
 */
export type PackedGates = { [K in keyof Gates]: string } & { count: number };

/** The gates of a rules list, from each rule's, in its order. */
export function gatesOf(list: readonly Gate[]): Gates {
  const builder = new GatesBuilder();
  for (const gate of list) builder.add(gate);
  return builder.build();
}

/**
 * Builds the gates of a rules list rule by rule: from a rule's gate, or from an embedded rule's
 * in the build's gates (`copy`, with no string or array per group). Flat lists of numbers, sorted
 * by counting at the end: a team's list is built in the first report, where allocations cost.
 */
class GatesBuilder {
  private readonly ids = new Map<string, number>();
  private readonly needles: string[] = [];
  /** The pairs (needed string, group), one per string of each group, in group order. */
  private readonly pairNeedle: number[] = [];
  private readonly pairGroup: number[] = [];
  private readonly groupRule: number[] = [];
  private readonly ungated: number[] = [];
  private readonly otherStarts = [0];
  private readonly others: number[] = [];
  private rules = 0;
  /** Per needed string of the gates rules are copied from, its number here (-1: none yet). */
  private readonly copied: Int32Array;

  /** `from`: the gates `copy` copies rules' gates from. */
  constructor(private readonly from?: Gates & { byGroup: ByGroup }) {
    this.copied = new Int32Array(from?.needles.length ?? 0).fill(-1);
  }

  /** The number here of needed string `k` of `from`. */
  private idOfCopied(k: number): number {
    let id = this.copied[k]!;
    if (id < 0) id = this.copied[k] = this.idOf(this.from!.needles[k]!);
    return id;
  }

  private idOf(needle: string): number {
    let id = this.ids.get(needle);
    if (id === undefined) {
      id = this.needles.length;
      this.ids.set(needle, id);
      this.needles.push(needle);
    }
    return id;
  }

  /** Adds the next rule, with its gate. */
  add({ gate, needles }: Gate): void {
    const order = this.rules++;
    for (const needle of needles) this.others.push(this.idOf(needle));
    this.otherStarts.push(this.others.length);
    if (gate.length === 0) this.ungated.push(order);
    for (const group of gate) {
      const id = this.groupRule.length;
      this.groupRule.push(order);
      for (const needle of group) {
        this.pairNeedle.push(this.idOf(needle));
        this.pairGroup.push(id);
      }
    }
  }

  /** Adds the next rule, with the gate of rule `order` of `from` (the gates this builder was made with). */
  copy(order: number): void {
    const from = this.from!;
    const rule = this.rules++;
    for (let k = from.otherStarts[order]!; k < from.otherStarts[order + 1]!; k++) this.others.push(this.idOfCopied(from.others[k]!));
    this.otherStarts.push(this.others.length);
    const { first, count, needleStarts, needles } = from.byGroup;
    if (count[order] === 0) this.ungated.push(rule);
    for (let g = first[order]!; g < first[order]! + count[order]!; g++) {
      const id = this.groupRule.length;
      this.groupRule.push(rule);
      for (let k = needleStarts[g]!; k < needleStarts[g + 1]!; k++) {
        this.pairNeedle.push(this.idOfCopied(needles[k]!));
        this.pairGroup.push(id);
      }
    }
  }

  build(): Gates {
    const starts = new Int32Array(this.needles.length + 1);
    return {
      needles: this.needles,
      starts,
      groups: countingSort(this.pairNeedle, this.pairGroup, starts),
      groupRule: Int32Array.from(this.groupRule),
      ungated: Int32Array.from(this.ungated),
      otherStarts: Int32Array.from(this.otherStarts),
      others: Int32Array.from(this.others),
    };
  }
}

/**
 * The values of pairs (key, value) ordered by key, keeping their order within a key; fills
 * `starts` (one longer than the keys) with where each key's values begin.
 */
function countingSort(keys: ArrayLike<number>, values: ArrayLike<number>, starts: Int32Array): Int32Array {
  for (let k = 0; k < keys.length; k++) starts[keys[k]! + 1]!++;
  for (let i = 1; i < starts.length; i++) starts[i]! += starts[i - 1]!;
  const next = starts.slice(0, -1);
  const sorted = new Int32Array(keys.length);
  for (let k = 0; k < keys.length; k++) sorted[next[keys[k]!]!++] = values[k]!;
  return sorted;
}

/** Gates read the other way: per rule, its groups (consecutive: `first`, `count`); per group, its needed strings. */
interface ByGroup {
  first: Int32Array;
  count: Int32Array;
  /** Group g's strings are `needles[needleStarts[g]]`… (by number). */
  needleStarts: Int32Array;
  needles: Int32Array;
}

/** `gates` read by group (for copying rules' gates from them). */
function byGroupOf(gates: Gates, ruleCount: number): ByGroup {
  const first = new Int32Array(ruleCount);
  const count = new Int32Array(ruleCount);
  for (let g = gates.groupRule.length - 1; g >= 0; g--) {
    first[gates.groupRule[g]!] = g;
    count[gates.groupRule[g]!]!++;
  }
  const groupOf = new Int32Array(gates.groups.length);
  const needleOf = new Int32Array(gates.groups.length);
  for (let i = 0; i < gates.needles.length; i++) {
    for (let k = gates.starts[i]!; k < gates.starts[i + 1]!; k++) {
      groupOf[k] = gates.groups[k]!;
      needleOf[k] = i;
    }
  }
  const needleStarts = new Int32Array(gates.groupRule.length + 1);
  return { first, count, needleStarts, needles: countingSort(groupOf, needleOf, needleStarts) };
}

/** `gates` as the index ships them (the build). */
export function packGates(gates: Gates): PackedGates {
  for (const needle of gates.needles) if (needle.includes('\n')) throw new Error(`a needed string holds a line break: ${JSON.stringify(needle)}`);
  return {
    needles: gates.needles.join('\n'),
    count: gates.needles.length,
    starts: packNumbers(gates.starts),
    groups: packNumbers(gates.groups),
    groupRule: packNumbers(gates.groupRule),
    ungated: packNumbers(gates.ungated),
    otherStarts: packNumbers(gates.otherStarts),
    others: packNumbers(gates.others),
  };
}

/** The gates packGates packed. */
export function unpackGates(packed: PackedGates): Gates {
  return {
    // One empty needed string joins to the empty string, as none does: `count` tells them apart.
    needles: packed.count === 0 ? [] : packed.needles.split('\n'),
    starts: unpackNumbers(packed.starts),
    groups: unpackNumbers(packed.groups),
    groupRule: unpackNumbers(packed.groupRule),
    ungated: unpackNumbers(packed.ungated),
    otherStarts: unpackNumbers(packed.otherStarts),
    others: unpackNumbers(packed.others),
  };
}

/**
 * The code of a packed number's character is the number plus this: past the characters JSON
 * escapes (a quote, a backslash, control characters), so the file holds each as one character.
 */
export const PACK_OFFSET = 0x100;
/** Below the surrogates, which JSON.stringify would escape when alone. */
const PACK_LIMIT = 0xd800 - PACK_OFFSET;

/**
 * A list of numbers (0 to 55,039) as a string, a character each: the index holds one string
 * where it would hold 6,000 numbers, which costs less to read and parse.
 */
export function packNumbers(list: ArrayLike<number>): string {
  const codes: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const n = list[i]!;
    if (!Number.isInteger(n) || n < 0 || n >= PACK_LIMIT) throw new Error(`cannot pack ${n}: the gate table packs whole numbers from 0 to ${PACK_LIMIT - 1}`);
    codes.push(n + PACK_OFFSET);
  }
  let out = '';
  // In slices: String.fromCharCode takes its codes as arguments, and a call has a limit.
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}

/** The numbers packNumbers packed. */
export function unpackNumbers(packed: string): Int32Array {
  const out = new Int32Array(packed.length);
  for (let i = 0; i < packed.length; i++) out[i] = packed.charCodeAt(i) - PACK_OFFSET;
  return out;
}

/** The embedded rules list and the gates the build worked out for it (knowledge.ts sets them), unpacked on first use. */
let embedded: { rules: readonly object[]; packed: PackedGates; gates?: Gates; copying?: { orderOf: Map<object, number>; from: Gates & { byGroup: ByGroup } } } | undefined;

/** Records the build's gates for `rules`, the embedded rules list. */
export function setShippedGates(rules: readonly object[], packed: PackedGates): void {
  embedded = { rules, packed };
}

/** The build's gates for `rules`, if it worked them out (the list is the embedded one, unchanged). */
export function shippedGates(rules: readonly object[]): Gates | undefined {
  if (embedded?.rules !== rules) return undefined;
  return (embedded.gates ??= unpackGates(embedded.packed));
}

/**
 * The gates of a rules list: the build's for the embedded list; for another, worked out from its
 * rules' gates (`gateOf`). A list a team's overlay made keeps the embedded rules it does not
 * change (the same entries): their gates are copied from the build's, so that their details
 * (where each rule's own gate is) stay unparsed.
 */
export function gatesFor<R extends object>(rules: readonly R[], gateOf: (rule: R) => Gate): Gates {
  const shipped = shippedGates(rules);
  if (shipped !== undefined) return shipped;
  if (embedded === undefined) return gatesOf(rules.map(gateOf));
  const { orderOf, from } = (embedded.copying ??= copyingFrom(embedded.rules, shippedGates(embedded.rules)!));
  const builder = new GatesBuilder(from);
  for (const rule of rules) {
    const order = orderOf.get(rule);
    if (order === undefined) builder.add(gateOf(rule));
    else builder.copy(order);
  }
  return builder.build();
}

/** What copying the embedded rules' gates needs: each rule's order, and the gates read by group. */
function copyingFrom(rules: readonly object[], gates: Gates): { orderOf: Map<object, number>; from: Gates & { byGroup: ByGroup } } {
  const orderOf = new Map<object, number>();
  rules.forEach((rule, order) => orderOf.set(rule, order));
  return { orderOf, from: { ...gates, byGroup: byGroupOf(gates, rules.length) } };
}
