/**
 * The engine's alias indexes over the knowledge base (aliasIndex.ts), by name: what each one
 * holds is written once here, for the engine and for the build.
 *
 * Making them cost about 30 M instructions of a cached `intake generate` (a sixth of what the
 * report costs beyond Node's start): some 2,700 aliases listed from the entries, each lower-cased
 * and trimmed, then each first character's list sorted longest first. For the shipped knowledge
 * base the build works out each index's lists (knowledgeIndexPlans, AliasIndex.planOf) and
 * ships them, numbers only, in a data file of their own, read at the first look-up of any of
 * them: the index is then put together in the planned order, each alias and value read from its
 * entry, with no list of entries, no sorting, and lower-casing only for the aliases that have
 * case. A team's knowledge base (overlays merged, team/merge.ts) is another object, whose indexes
 * are made from their entries as before.
 */
import loadShippedPlans from './alias-indexes.shipped';
import type { KnowledgeData } from '../../knowledge/integrity';
import { indexKnowledge, isShippedKnowledgeBase, type KnowledgeBase } from '../../knowledge/knowledge';
import type { LifecycleFamily, Location, Product } from '../../knowledge/schema';
import { AliasIndex, cachedIndex, type AliasPlan } from './aliasIndex';

/** A name the estate index finds: a lifecycle family or a product. */
export type EstateName = { kind: 'family'; family: LifecycleFamily } | { kind: 'product'; product: Product };

/** A location the places index finds, and whether the alias found is only its nearest guess. */
interface LocationAlias {
  location: Location;
  approximate: boolean;
}

/** Knowledge-base entries of one kind and the value an index gives for each of their aliases. */
interface Part<I extends { aliases: readonly string[] }, T> {
  items(kb: KnowledgeBase): readonly I[];
  // Methods, not function-valued fields: a part of any entries is then one of AnyPart.
  /** The entry's name, indexed before its aliases; absent where only the aliases are. */
  name?(item: I): string;
  value(item: I, alias: string): T;
}

function part<I extends { aliases: readonly string[] }, T>(p: Part<I, T>): Part<I, T> {
  return p;
}

/** Each index's parts, whose entries' names and aliases it holds in this order. */
const SOURCES = {
  'framework-aliases': [part({ items: (k) => k.frameworks, value: (f) => f.id })],
  industries: [part({ items: (k) => k.industries, name: (i) => i.name, value: (i) => i })],
  'business-categories': [part({ items: (k) => k.categories.filter((c) => c.layer === 'business' || c.id === 'his-integration'), name: (c) => c.name, value: (c) => c })],
  'estate-names': [
    part({ items: (k) => k.lifecycle, value: (family): EstateName => ({ kind: 'family', family }) }),
    part({ items: (k) => k.products, name: (p) => p.name, value: (product): EstateName => ({ kind: 'product', product }) }),
  ],
  'all-categories': [part({ items: (k) => k.categories, name: (c) => c.name, value: (c) => c.id })],
  'product-names': [part({ items: (k) => k.products, name: (p) => p.name, value: (p) => p.id })],
  locations: [part({ items: (k) => k.locations, value: (location, alias): LocationAlias => ({ location, approximate: location.approximate.includes(alias) }) })],
};

export type KnowledgeIndexName = keyof typeof SOURCES;
type ValueOf<N extends KnowledgeIndexName> = ReturnType<(typeof SOURCES)[N][number]['value']>;
// The parts of one index, as the functions below take them.
type AnyPart = Part<{ aliases: readonly string[] }, unknown>;

/**
 * An entry's alias as a number: the entry's position among the index's entries (the parts'
 * items, one after another) times SLOTS, plus the alias's slot (its name 0, then its aliases).
 */
const SLOT_BITS = 8;
const SLOTS = 1 << SLOT_BITS;

/** The index `name` of `kb`, made once per knowledge base: from the shipped plan for the shipped base. */
export function knowledgeIndex<N extends KnowledgeIndexName>(kb: KnowledgeBase, name: N): AliasIndex<ValueOf<N>> {
  const parts = SOURCES[name] as readonly AnyPart[];
  const planned = () => {
    const plan = isShippedKnowledgeBase(kb) ? shippedPlans()?.[name] : undefined;
    return plan ? (fromPlan(kb, parts, plan) as AliasIndex<ValueOf<N>> | undefined) : undefined;
  };
  return cachedIndex(kb, name, (k) => entriesOf(k, parts).map(({ alias, value }) => ({ alias, value: value as ValueOf<N> })), planned);
}

/** Every alias of the parts' entries with its value, in order (the index made from its entries). */
function entriesOf(kb: KnowledgeBase, parts: readonly AnyPart[]): { alias: string; value: unknown; ref: number }[] {
  const out: { alias: string; value: unknown; ref: number }[] = [];
  let position = 0;
  for (const p of parts) {
    for (const item of p.items(kb)) {
      const aliases = p.name ? [p.name(item), ...item.aliases] : item.aliases;
      if (aliases.length > SLOTS) throw new Error(`an entry with more than ${SLOTS} aliases (${aliases.length})`);
      aliases.forEach((alias, slot) => out.push({ alias, value: p.value(item, alias), ref: position * SLOTS + slot }));
      position++;
    }
  }
  return out;
}

/** A plan as shipped: per index, how many entries each part had, and its lists (AliasIndex.planOf). */
interface ShippedPlan {
  items: number[];
  lists: AliasPlan;
}

let plans: Partial<Record<KnowledgeIndexName, ShippedPlan>> | null | undefined;

/** The shipped plans (the data file, read once), or undefined from a bundle built without them. */
function shippedPlans(): Partial<Record<KnowledgeIndexName, ShippedPlan>> | undefined {
  if (plans === undefined) plans = (loadShippedPlans() as Partial<Record<KnowledgeIndexName, ShippedPlan>> | undefined) ?? null;
  return plans ?? undefined;
}

/** The index of `parts` put together as `plan` says; undefined when the entries are not those it was made for. */
function fromPlan(kb: KnowledgeBase, parts: readonly AnyPart[], plan: ShippedPlan): AliasIndex<unknown> | undefined {
  const items = parts.map((p) => p.items(kb));
  if (items.length !== plan.items.length || items.some((list, i) => list.length !== plan.items[i])) return undefined;
  return AliasIndex.planned(
    plan.lists,
    (ref) => {
      let position = ref >> SLOT_BITS;
      const slot = ref & (SLOTS - 1);
      let i = 0;
      while (position >= items[i]!.length) position -= items[i++]!.length;
      const p = parts[i]!;
      const item = items[i]![position]!;
      const alias = p.name ? (slot === 0 ? p.name(item) : item.aliases[slot - 1]!) : item.aliases[slot]!;
      return { alias, value: p.value(item, alias) };
    },
    { keep: true },
  );
}

/**
 * The plan of every index of the knowledge base `data`: for the shipped one, the build ships them
 * (esbuild.js, `./alias-indexes.shipped`).
 */
export function knowledgeIndexPlans(data: KnowledgeData): Record<KnowledgeIndexName, ShippedPlan> {
  const kb = indexKnowledge(data);
  const out = {} as Record<KnowledgeIndexName, ShippedPlan>;
  for (const name of Object.keys(SOURCES) as KnowledgeIndexName[]) {
    const parts = SOURCES[name] as readonly AnyPart[];
    out[name] = { items: parts.map((p) => p.items(kb).length), lists: AliasIndex.planOf(entriesOf(kb, parts).map(({ alias, ref }) => ({ alias, value: ref }))) };
  }
  return out;
}
