/**
 * The knowledge base's data file, with the details of its entries parsed on first read.
 *
 * A first report reads every product's and rule's ids, names, aliases, categories and matchers,
 * but the rest (long texts, regions, certifications…) of only the few it picks or fires (39 of
 * 400 products, 39 of 142 rules); likewise the categories' costs and proofs (5 of 56), an
 * industry's regulators and systems (1 of 15), a lifecycle family's versions (4 of 19). Parsing
 * all of it, and the young-generation scavenges that then copy it, was most of the first load.
 * So the build (esbuild.js, {@link packKnowledgeGroup}) writes two files: the index (every
 * member file's data, each entry of those lists reduced to the fields every report reads, with
 * where its details are), and the details, a JSON array of each entry's details as an object of
 * its own. The loader ({@link unpackKnowledgeGroup}) reads and parses the index alone; each entry
 * is an instance whose detail fields are getters on its prototype that parse its details
 * (`JSON.parse` of a slice of the details file's text, read at the first of these reads) on the
 * first read. Engine code reads `p.regions` as before. The details are two thirds of the text:
 * the first load reads a third of it.
 *
 * A spread (`{ ...entry }`), `Object.keys` or `structuredClone` sees only the index fields: code
 * that copies an entry uses {@link copyEntry}; `JSON.stringify` gives every field (`toJSON`), in
 * the order the schema gave them.
 */

/**
 * The fields kept in the index: what the first load, a first report and a team overlay's merge
 * read on every entry, in the order of an entry's array in the index (packEntry): the entry
 * classes of unpackKnowledgeGroup copy them by position.
 */
const INDEX_FIELDS: Readonly<Record<LazyList, readonly string[]>> = {
  products: ['id', 'name', 'vendor', 'aliases', 'categories'],
  // `priority`: the rules index of the evaluation (engine/rules.ts) reads it on every rule, which
  // parsed the details of all 142 rules in a first report, where it fires about 40 of them.
  rules: ['id', 'all', 'any', 'none', 'when', 'unless', 'title', 'priority'],
  categories: ['id', 'name', 'nameEn', 'layer', 'aliases'],
  industries: ['id', 'name', 'nameEn', 'aliases'],
  families: ['id', 'name', 'aliases', 'product'],
};

/** The lists of the group's member files whose entries have lazy details. */
type LazyList = 'products' | 'rules' | 'categories' | 'industries' | 'families';
const LAZY_LISTS: readonly LazyList[] = ['products', 'rules', 'categories', 'industries', 'families'];

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
  const fields: Record<LazyList, string[]> = { products: [], rules: [], categories: [], industries: [], families: [] };
  const packed: Record<string, Record<string, unknown>> = {};
  for (const [key, member] of Object.entries(members)) {
    const out = { ...member };
    for (const list of LAZY_LISTS) {
      const entries = member[list];
      if (!Array.isArray(entries)) continue;
      out[list] = (entries as Record<string, unknown>[]).map((entry) => {
        mergeOrder(fields[list], Object.keys(entry));
        const rest: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(entry)) if (!INDEX_FIELDS[list].includes(field)) rest[field] = value;
        const text = JSON.stringify(rest);
        details.push(text);
        at += text.length + 2;
        return packEntry(list, entry, at - text.length - 2);
      });
    }
    packed[key] = out;
  }
  for (const list of LAZY_LISTS) checkOrders(list, fields[list], Object.values(members));
  const index: PackedIndex = { fields, members: packed };
  return { index: JSON.stringify(index), details: `[${details.join('\n,')}\n]` };
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

/** Adds the fields of `keys` that `order` lacks, each after the one before it in `keys`. */
function mergeOrder(order: string[], keys: readonly string[]): void {
  let after = -1;
  for (const key of keys) {
    const i = order.indexOf(key);
    if (i >= 0) after = i;
    else order.splice(++after, 0, key);
  }
}

/** Fails the build when an entry's fields are not in the merged order (toJSON would reorder them). */
function checkOrders(list: LazyList, order: readonly string[], members: readonly Record<string, unknown>[]): void {
  for (const member of members) {
    for (const entry of (member[list] ?? []) as Record<string, unknown>[]) {
      const positions = Object.keys(entry).map((k) => order.indexOf(k));
      if (positions.some((p, i) => i > 0 && p <= positions[i - 1]!)) throw new Error(`${list}: the fields of ${String(entry.id)} are in an order no other entry agrees with`);
    }
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
  class ProductEntry extends Details {
    declare readonly id: unknown;
    declare readonly name: unknown;
    declare readonly vendor: unknown;
    declare readonly aliases: unknown;
    declare readonly categories: unknown;
    constructor(p: Packed) {
      super(p[5] as number);
      this.id = p[0] ?? undefined;
      this.name = p[1] ?? undefined;
      this.vendor = p[2] ?? undefined;
      this.aliases = p[3] ?? undefined;
      this.categories = p[4] ?? undefined;
    }
  }
  class RuleEntry extends Details {
    declare readonly id: unknown;
    declare readonly all: unknown;
    declare readonly any: unknown;
    declare readonly none: unknown;
    declare readonly when: unknown;
    declare readonly unless: unknown;
    declare readonly title: unknown;
    declare readonly priority: unknown;
    constructor(r: Packed) {
      super(r[8] as number);
      this.id = r[0] ?? undefined;
      this.all = r[1] ?? undefined;
      this.any = r[2] ?? undefined;
      this.none = r[3] ?? undefined;
      this.when = r[4] ?? undefined;
      this.unless = r[5] ?? undefined;
      this.title = r[6] ?? undefined;
      this.priority = r[7] ?? undefined;
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
  const classes: Record<LazyList, new (packed: Packed) => Details> = { products: ProductEntry, rules: RuleEntry, categories: CategoryEntry, industries: IndustryEntry, families: FamilyEntry };
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

/**
 * A plain copy of a knowledge entry with all its fields: what a spread gives for a plain
 * entry, which for an embedded one with lazy details would miss them.
 */
export function copyEntry<T extends object>(entry: T): T {
  return entry instanceof LazyEntry ? (entry.toJSON() as T) : { ...entry };
}
