/**
 * The knowledge base's data file, with the details of its entries parsed on first read.
 *
 * A first report reads every product's ids, names, aliases and categories and every rule's gate
 * (the strings it cannot fire without: all of them in one table, gateTable.ts), but the rest (matchers, long texts, regions,
 * certifications…) of only the few it picks or whose gate opens; likewise the categories' costs and
 * proofs, an industry's regulators and systems (1 of 15), a lifecycle family's versions, a timeline
 * template's phases (1 of 35). Parsing all of it, and the young-generation scavenges that then
 * copy it, was most of the first load.
 * So the build (esbuild.js, {@link packKnowledgeGroup}) writes two files: the index (every
 * member file's data, each entry of those lists reduced to the fields every report reads, with
 * where its details are), and the details, a JSON array of each entry's details as an object of
 * its own. The loader ({@link unpackKnowledgeGroup}) reads and parses the index alone; each entry
 * is an instance whose detail fields are getters on its prototype that parse its details
 * (`JSON.parse` of a slice of the details file's text, read at the first of these reads) on the
 * first read. Engine code reads `p.regions` as before. The details are six sevenths of the text:
 * the first load reads a seventh of it.
 *
 * A spread (`{ ...entry }`), `Object.keys` or `structuredClone` sees only the index fields: code
 * that copies an entry uses {@link copyEntry}; `JSON.stringify` gives every field (`toJSON`), in
 * the order the schema gave them.
 */

import { gatesOf, PACK_OFFSET, packGates, packNumbers, unpackNumbers } from './gateTable';
import type { RuleGate } from './matcherNeeds';

/**
 * The fields kept in the index: what the first load, a first report and a team overlay's merge
 * read on every entry, in the order of an entry's array in the index (packEntry): the entry
 * classes of unpackKnowledgeGroup copy them by position.
 */
const INDEX_FIELDS: Readonly<Record<LazyList, readonly string[]>> = {
  // `categories` as one string, a character per category (its place in the group's categories
  // list, packNumbers): the list of each category's products is made from these characters, and
  // a product's own list only when read (a few picked products). 695 arrays of ids were a tenth
  // of the index.
  products: ['id', 'name', 'vendor', 'aliases', 'categories'],
  // The rules index of the evaluation (engine/rules.ts) reads every rule's `priority`, and the gates
  // of all (knowledge/matcherNeeds.ts, worked out by the build) from the rules file's gate table
  // (gateTable.ts), which packKnowledgeGroup adds; a rule's own `gate` and `needles`, its matchers
  // and its context (`when`, `unless`) only once its gate opens, about a third of the rules in a
  // report. Its matchers were more than half of the index, its gate a third of the rest.
  // `title`: a team overlay's merge lists every entry by it.
  rules: ['id', 'title', 'priority'],
  categories: ['id', 'name', 'nameEn', 'layer', 'aliases'],
  industries: ['id', 'name', 'nameEn', 'aliases'],
  families: ['id', 'name', 'aliases', 'product'],
  // The timeline templates (timelines.yaml): a report picks one by these, and reads its phases.
  templates: ['id', 'coreSystems', 'industries', 'traits'],
};

/** The lists of the group's member files whose entries have lazy details. */
type LazyList = 'products' | 'rules' | 'categories' | 'industries' | 'families' | 'templates';
const LAZY_LISTS: readonly LazyList[] = ['products', 'rules', 'categories', 'industries', 'families', 'templates'];

interface PackedIndex {
  /** Every field of the list's entries, in the order the entries give them (each entry's order is a subsequence). */
  fields: Record<LazyList, string[]>;
  members: Record<string, Record<string, unknown>>;
}

/**
 * The data files' texts for a group's members (build time): the index, and the details,
 * `[DETAILS\n,DETAILS\n]`. JSON.stringify writes no raw line break (it escapes them in strings),
 * so a line break ends each entry's details; the file is still JSON, a line break being white space.
 */
export function packKnowledgeGroup(members: Record<string, Record<string, unknown>>): { index: string; details: string } {
  const details: string[] = [];
  let at = 0;
  const entriesOf = (list: LazyList) => Object.values(members).flatMap((m) => (Array.isArray(m[list]) ? (m[list] as Record<string, unknown>[]) : []));
  const fields = Object.fromEntries(LAZY_LISTS.map((list) => [list, fieldOrder(entriesOf(list))])) as Record<LazyList, string[]>;
  const categoryIds = entriesOf('categories').map((c) => c.id);
  const packed: Record<string, Record<string, unknown>> = {};
  for (const [key, member] of Object.entries(members)) {
    const out = { ...member };
    // The gates of the rules, as one table (every rule's is in its details too).
    if (Array.isArray(member.rules)) out.gateTable = packGates(gatesOf(member.rules as RuleGate[]));
    for (const list of LAZY_LISTS) {
      const entries = member[list];
      if (!Array.isArray(entries)) continue;
      out[list] = (entries as Record<string, unknown>[]).map((entry) => {
        const rest: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(entry)) if (!INDEX_FIELDS[list].includes(field)) rest[field] = value;
        const text = JSON.stringify(rest);
        details.push(text);
        at += text.length + 2;
        const indexed = list === 'products' ? { ...entry, categories: packCategories(entry, categoryIds) } : entry;
        return packEntry(list, indexed, at - text.length - 2);
      });
    }
    packed[key] = out;
  }
  for (const list of LAZY_LISTS) checkOrders(list, fields[list], entriesOf(list));
  const index: PackedIndex = { fields, members: packed };
  return { index: JSON.stringify(index), details: `[${details.join('\n,')}\n]` };
}

/** A product's categories as packNumbers' string of their places in the group's categories list. */
function packCategories(product: Record<string, unknown>, categoryIds: readonly unknown[]): string {
  const ids = product.categories as readonly string[];
  return packNumbers(
    ids.map((id) => {
      const at = categoryIds.indexOf(id);
      if (at < 0) throw new Error(`products: ${String(product.id)} names category "${id}", which the group's categories.yaml does not list`);
      return at;
    }),
  );
}

/**
 * An entry in the index: an array of its index fields' values in INDEX_FIELDS order (null for a
 * field it lacks), then where its details begin (an offset in the details file after its first
 * character; a line break ends them). An array, not an object: JSON.parse then reads no field
 * names, and the index is smaller.
 */
function packEntry(list: LazyList, entry: Record<string, unknown>, at: number): unknown[] {
  return [
    ...INDEX_FIELDS[list].map((field) => {
      // null stands for a field the entry lacks (the loader reads it back as undefined).
      if (entry[field] === null) throw new Error(`${list}: ${String(entry.id)} has ${field}: null, which the index cannot tell from no ${field}`);
      return entry[field] ?? null;
    }),
    at,
  ];
}

/**
 * The order of the fields of a list's entries, one that every entry's order agrees with: each field
 * after every field some entry gives before it (a topological order; among fields free to go next,
 * the one an entry gave first). A field one entry lacks (gxp's `coreSystems`) still finds its
 * place from the others.
 */
function fieldOrder(entries: readonly Record<string, unknown>[]): string[] {
  const seen: string[] = [];
  const before = new Map<string, Set<string>>();
  for (const entry of entries) {
    const keys = Object.keys(entry);
    keys.forEach((key, i) => {
      if (!before.has(key)) {
        seen.push(key);
        before.set(key, new Set());
      }
      if (i > 0) before.get(key)!.add(keys[i - 1]!);
    });
  }
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < seen.length) {
    const next = seen.find((key) => !placed.has(key) && [...before.get(key)!].every((b) => placed.has(b)));
    // Entries that disagree (a before b in one, b before a in another): checkOrders names one.
    if (next === undefined) return [...order, ...seen.filter((key) => !placed.has(key))];
    order.push(next);
    placed.add(next);
  }
  return order;
}

/** Fails the build when an entry's fields are not in the merged order (toJSON would reorder them). */
function checkOrders(list: LazyList, order: readonly string[], entries: readonly Record<string, unknown>[]): void {
  for (const entry of entries) {
    const positions = Object.keys(entry).map((k) => order.indexOf(k));
    if (positions.some((p, i) => i > 0 && p <= positions[i - 1]!)) throw new Error(`${list}: the fields of ${String(entry.id)} are in an order no other entry agrees with`);
  }
}

/** An embedded entry with lazy details: JSON.stringify and copyEntry give all its fields. */
abstract class LazyEntry {
  /** Every field, in the order the schema gave them. */
  toJSON(): Record<string, unknown> {
    const self = this as unknown as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of (Object.getPrototypeOf(this) as { fields: readonly string[] }).fields) {
      const value = self[field];
      if (value !== undefined) out[field] = value;
    }
    return out;
  }
}

/** An entry as packEntry wrote it: its index fields, null for one it lacks, then its details' offset. */
type Packed = readonly unknown[];

/**
 * A group's members from the index file's text (run time): the entries of LAZY_LISTS with lazy
 * details, read by `readDetails` (the details file's text) at the first read of any. The entry
 * classes are made here, over that text; their constructors copy the index fields one by one (a
 * loop over the field names cost 3 M instructions more per load).
 */
export function unpackKnowledgeGroup(index: string, readDetails: () => string): Record<string, Record<string, unknown>> {
  const { fields, members } = JSON.parse(index) as PackedIndex;
  /** The details file's text, once read; each entry's details begin after its offset's `[` or `,`. */
  let text: string | undefined;

  class Details extends LazyEntry {
    /** Where the details are in `text`, then the details once parsed (one private field: each costs at load). */
    #details: number | Record<string, unknown>;
    constructor(at: number) {
      super();
      this.#details = at;
    }
    /** Makes the detail fields of `fields` getters of the class's instances. */
    static define(entries: { prototype: object }, list: LazyList): void {
      for (const field of fields[list]) {
        if (INDEX_FIELDS[list].includes(field)) continue;
        Object.defineProperty(entries.prototype, field, {
          get(this: Details) {
            let details = this.#details;
            if (typeof details === 'number') {
              text ??= readDetails();
              this.#details = details = JSON.parse(text.slice(1 + details, text.indexOf('\n', 1 + details))) as Record<string, unknown>;
            }
            return details[field];
          },
          configurable: true,
        });
      }
      Object.defineProperty(entries.prototype, 'fields', { value: fields[list] });
    }
  }
  /** The group's category ids, in the order the products' packed categories number them. */
  let categoryIds: readonly string[] | undefined;
  const categoryIdsOf = () => (categoryIds ??= Object.values(members).flatMap((m) => (m.categories as Packed[] | undefined) ?? []).map((c) => (c instanceof Details ? (c as unknown as { id: string }).id : (c[0] as string))));
  class ProductEntry extends Details implements EachCategory {
    declare readonly id: unknown;
    declare readonly name: unknown;
    declare readonly vendor: unknown;
    declare readonly aliases: unknown;
    /** The categories as the index packed them (packCategories), then the list once read. */
    #categories: string | string[];
    constructor(p: Packed) {
      super(p[5] as number);
      this.id = p[0] ?? undefined;
      this.name = p[1] ?? undefined;
      this.vendor = p[2] ?? undefined;
      this.aliases = p[3] ?? undefined;
      this.#categories = p[4] as string;
    }
    get categories(): string[] {
      const packed = this.#categories;
      if (typeof packed !== 'string') return packed;
      const ids = categoryIdsOf();
      return (this.#categories = Array.from(unpackNumbers(packed), (n) => ids[n]!));
    }
    eachCategory(f: (id: string) => void): void {
      const packed = this.#categories;
      if (typeof packed !== 'string') return packed.forEach((id) => f(id));
      const ids = categoryIdsOf();
      for (let i = 0; i < packed.length; i++) f(ids[packed.charCodeAt(i) - PACK_OFFSET]!);
    }
  }
  class RuleEntry extends Details {
    declare readonly id: unknown;
    declare readonly title: unknown;
    declare readonly priority: unknown;
    constructor(r: Packed) {
      super(r[3] as number);
      this.id = r[0] ?? undefined;
      this.title = r[1] ?? undefined;
      this.priority = r[2] ?? undefined;
    }
  }
  class CategoryEntry extends Details {
    declare readonly id: unknown;
    declare readonly name: unknown;
    declare readonly nameEn: unknown;
    declare readonly layer: unknown;
    declare readonly aliases: unknown;
    constructor(c: Packed) {
      super(c[5] as number);
      this.id = c[0] ?? undefined;
      this.name = c[1] ?? undefined;
      this.nameEn = c[2] ?? undefined;
      this.layer = c[3] ?? undefined;
      this.aliases = c[4] ?? undefined;
    }
  }
  class IndustryEntry extends Details {
    declare readonly id: unknown;
    declare readonly name: unknown;
    declare readonly nameEn: unknown;
    declare readonly aliases: unknown;
    constructor(i: Packed) {
      super(i[4] as number);
      this.id = i[0] ?? undefined;
      this.name = i[1] ?? undefined;
      this.nameEn = i[2] ?? undefined;
      this.aliases = i[3] ?? undefined;
    }
  }
  class FamilyEntry extends Details {
    declare readonly id: unknown;
    declare readonly name: unknown;
    declare readonly aliases: unknown;
    declare readonly product: unknown;
    constructor(f: Packed) {
      super(f[4] as number);
      this.id = f[0] ?? undefined;
      this.name = f[1] ?? undefined;
      this.aliases = f[2] ?? undefined;
      this.product = f[3] ?? undefined;
    }
  }
  class TemplateEntry extends Details {
    declare readonly id: unknown;
    declare readonly coreSystems: unknown;
    declare readonly industries: unknown;
    declare readonly traits: unknown;
    constructor(t: Packed) {
      super(t[4] as number);
      this.id = t[0] ?? undefined;
      this.coreSystems = t[1] ?? undefined;
      this.industries = t[2] ?? undefined;
      this.traits = t[3] ?? undefined;
    }
  }
  const classes: Record<LazyList, new (packed: Packed) => Details> = {
    products: ProductEntry,
    rules: RuleEntry,
    categories: CategoryEntry,
    industries: IndustryEntry,
    families: FamilyEntry,
    templates: TemplateEntry,
  };
  for (const list of LAZY_LISTS) {
    const Entries = classes[list];
    Details.define(Entries, list);
    for (const member of Object.values(members)) {
      const entries = member[list] as Packed[] | undefined;
      if (entries) member[list] = entries.map((e) => new Entries(e));
    }
  }
  return members;
}

/** An embedded product, whose categories the index packed: it names them without making their list. */
interface EachCategory {
  eachCategory(f: (id: string) => void): void;
}

/**
 * Each category's products, in the products' order. An embedded product names its categories
 * from the index's packed string, so that listing them makes no list per product (the first
 * report lists the products of every category it considers: most are never read further).
 */
export function productsByCategory<P extends { readonly categories: readonly string[] }>(products: readonly P[]): Map<string, P[]> {
  const map = new Map<string, P[]>();
  let product: P;
  const add = (category: string) => {
    const list = map.get(category);
    if (list) list.push(product);
    else map.set(category, [product]);
  };
  for (const p of products) {
    product = p;
    if (p instanceof LazyEntry) (p as unknown as EachCategory).eachCategory(add);
    else p.categories.forEach(add);
  }
  return map;
}

/**
 * A plain copy of a knowledge entry with all its fields: what a spread gives for a plain
 * entry, which for an embedded one with lazy details would miss them.
 */
export function copyEntry<T extends object>(entry: T): T {
  return entry instanceof LazyEntry ? (entry.toJSON() as T) : { ...entry };
}
