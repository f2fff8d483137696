/**
 * Merges a team's overlays into the embedded knowledge, deterministically:
 *
 *   embedded  <  user (the folders of `intake.knowledge.paths` / `--knowledge DIR`, in the order given)
 *             <  workspace (the `.intake/knowledge/` governing the intake)
 *
 * Each layer is applied whole before the next, its files in the order of their names, and
 * within a layer in this order: extra intake fields, added entries, overrides, vendor policies,
 * prices. The conflict rule:
 *
 * - **Across layers the higher one wins**: an added entry whose id exists replaces it whole
 *   (`intake.knowledge-replaces`, information); an override changes the fields it names, each
 *   replacing the field's value whole; a vendor's policy or a product's price replaces the lower
 *   layer's.
 * - **Within a layer the first one wins** (by file name, then position): an id added twice is
 *   `intake.knowledge-duplicate-id`, a field, a vendor or a price set twice is
 *   `intake.knowledge-conflict`; the later one is skipped.
 * - **A broken entry is skipped, never the knowledge**: an entry that names an id that does not
 *   exist, an unknown industry, or a pattern that is not linear-time is reported and put back as
 *   it was before its layer (entries that relied on it are then checked again); a file that does
 *   not fit the schema was already skipped whole (overlayFiles.ts).
 *
 * Each entry remembers where it comes from (`source`: the highest layer that added or changed
 * it), which Show Knowledge and the report's JSON model show.
 */
import { FieldCatalog, normalizeName } from '../catalog/catalog';
import type { FieldCatalogData, FieldSpecInput } from '../catalog/schema';
import { indexKnowledge, type KnowledgeBase } from '../knowledge/knowledge';
import { copyEntry } from '../knowledge/lazyDetails';
import { forgetGate } from '../knowledge/matcherNeeds';
import type { KnowledgeData } from '../knowledge/integrity';
import type { Framework } from '../knowledge/schema';
import { t } from '../l10n';
import { entryIssues, kindWord, type World } from './entryChecks';
import type { LoadedOverlay } from './overlayFiles';
import { problemAt } from './problems';
import { ENTRY_KINDS, TEAM_CODES, type EntryKind, type KnowledgeSource, type TeamCode, type TeamContext, type TeamPrice, type TeamProblem, type VendorPolicy } from './types';

export interface Layer {
  source: Exclude<KnowledgeSource, 'embedded'>;
  overlays: readonly LoadedOverlay[];
}

/** Where an entry comes from, and who changed it. */
interface EntryOrigin {
  source: KnowledgeSource;
  file?: string;
  line?: number;
  overrides?: { source: KnowledgeSource; file: string; line: number; fields: string[] }[];
}

/** One entry of the merged knowledge, for Show Knowledge. */
export interface KnowledgeEntryInfo {
  kind: EntryKind;
  id: string;
  name: string;
  vendor?: string;
  categories?: string[];
  /** The highest layer that added or changed it. */
  source: KnowledgeSource;
  origin: EntryOrigin;
}

/** An intake field a team added. */
interface TeamField {
  section: string;
  path: string[];
  name: string;
  source: KnowledgeSource;
  file: string;
  line: number;
}

export interface MergedKnowledge {
  kb: KnowledgeBase;
  catalog: FieldCatalog;
  context: TeamContext;
  problems: TeamProblem[];
  entries: KnowledgeEntryInfo[];
  policies: VendorPolicy[];
  prices: TeamPrice[];
  fields: TeamField[];
}

export interface MergeInput {
  embedded: KnowledgeData;
  catalogData: FieldCatalogData;
  /** The catalog to keep when no field is added (so that analyses made with it stay valid). */
  embeddedCatalog: FieldCatalog;
  /** Today (YYYY-MM-DD), for the price lists' validity in diagnostics. */
  today: string;
}

type Entry = { id: string } & Record<string, unknown>;

interface Slot {
  entry: Entry;
  origin: EntryOrigin;
}

/** Where in an overlay a thing is: the file and the path of keys to it. */
interface Where {
  overlay: LoadedOverlay;
  path: (string | number)[];
}

export function mergeKnowledge(layers: readonly Layer[], input: MergeInput): MergedKnowledge {
  return new Merger(input).run(layers);
}

const normVendor = (v: string) => v.trim().toLowerCase();

class Merger {
  private readonly tables = new Map<EntryKind, Map<string, Slot>>();
  private readonly problems: TeamProblem[] = [];
  private readonly policies = new Map<string, VendorPolicy>();
  /** Prices by layer, lowest first. */
  private readonly priceLayers: Map<string, TeamPrice>[] = [];
  private readonly fields: TeamField[] = [];
  private catalogData: FieldCatalogData | undefined;
  private catalog: FieldCatalog;

  constructor(private readonly input: MergeInput) {
    this.catalog = input.embeddedCatalog;
    const lists: Record<EntryKind, readonly { id: string }[]> = {
      products: input.embedded.products,
      categories: input.embedded.categories,
      industries: input.embedded.industries,
      frameworks: input.embedded.frameworks,
      lifecycle: input.embedded.lifecycle,
      rules: input.embedded.rules,
    };
    for (const kind of ENTRY_KINDS) this.tables.set(kind, new Map(lists[kind].map((e) => [e.id, { entry: e as Entry, origin: { source: 'embedded' } }])));
  }

  run(layers: readonly Layer[]): MergedKnowledge {
    for (const layer of layers) this.layer(layer);
    const data = (kind: EntryKind) => [...this.table(kind).values()].map((s) => s.entry) as never[];
    const kb = indexKnowledge({
      products: data('products'),
      categories: data('categories'),
      industries: data('industries'),
      frameworks: data('frameworks'),
      lifecycle: data('lifecycle'),
      rules: data('rules'),
      locations: this.input.embedded.locations,
      timelines: this.input.embedded.timelines,
    });
    const policies = this.policies;
    const priceLayers = this.priceLayers;
    const products = this.table('products');
    const context: TeamContext = {
      policyOf: (vendor) => policies.get(normVendor(vendor)),
      priceOf: (product, asOf) => {
        for (let i = priceLayers.length - 1; i >= 0; i--) {
          const p = priceLayers[i]!.get(product);
          if (p && (p.validFrom === undefined || p.validFrom <= asOf) && (p.validUntil === undefined || asOf <= p.validUntil)) return p;
        }
        return undefined;
      },
      productSource: (id) => sourceOf(products.get(id)?.origin),
    };
    const entries: KnowledgeEntryInfo[] = [];
    for (const kind of ENTRY_KINDS) {
      for (const { entry, origin } of this.table(kind).values()) {
        const e = entry as Entry & { name?: string; vendor?: string; title?: string; categories?: string[] };
        entries.push({ kind, id: e.id, name: e.name ?? e.title ?? e.id, ...(e.vendor ? { vendor: e.vendor } : {}), ...(kind === 'products' && e.categories ? { categories: e.categories } : {}), source: sourceOf(origin), origin });
      }
    }
    return {
      kb,
      catalog: this.catalog,
      context,
      problems: this.problems,
      entries,
      policies: [...policies.values()],
      prices: priceLayers.flatMap((l) => [...l.values()]),
      fields: this.fields,
    };
  }

  private table(kind: EntryKind): Map<string, Slot> {
    return this.tables.get(kind)!;
  }

  private report(where: Where, code: TeamCode, message: string, key?: string): void {
    this.problems.push(problemAt(where.overlay.file, where.overlay.doc.locate(where.path, key) ?? {}, code, message));
  }

  private line(where: Where): number {
    return where.overlay.doc.locate(where.path)?.line ?? 1;
  }

  private layer(layer: Layer): void {
    for (const overlay of layer.overlays) this.addFields(overlay, layer.source);
    /** Each entry this layer touched: its slot before the layer (undefined: it is new), and where. */
    const before = new Map<string, { kind: EntryKind; id: string; slot: Slot | undefined; where: Where }>();
    const remember = (kind: EntryKind, id: string, where: Where) => {
      const key = `${kind}:${id}`;
      if (!before.has(key)) before.set(key, { kind, id, slot: this.table(kind).get(id), where });
    };
    const added = new Map<string, Where>();
    for (const overlay of layer.overlays) {
      for (const kind of ENTRY_KINDS) {
        (overlay.data[kind] ?? []).forEach((raw, i) => {
          const entry = raw as unknown as Entry;
          const where: Where = { overlay, path: [kind, i] };
          const key = `${kind}:${entry.id}`;
          const first = added.get(key);
          if (first) {
            this.report({ overlay, path: [kind, i, 'id'] }, TEAM_CODES.duplicateId, t('the {0} "{1}" is already added in {2}: this one is skipped', kindWord(kind), entry.id, baseName(first.overlay.file)));
            return;
          }
          added.set(key, where);
          remember(kind, entry.id, where);
          const existing = this.table(kind).get(entry.id);
          if (existing) this.report({ overlay, path: [kind, i, 'id'] }, TEAM_CODES.replaces, t('replaces the {0} {1} "{2}" whole (to change some of its fields, use overrides)', sourceWord(sourceOf(existing.origin)), kindWord(kind), entry.id));
          this.table(kind).set(entry.id, { entry, origin: { source: layer.source, file: overlay.file, line: this.line(where) } });
        });
      }
    }
    const overridden = new Map<string, Where>();
    for (const overlay of layer.overlays) {
      for (const kind of ENTRY_KINDS) {
        (overlay.data.overrides?.[kind] ?? []).forEach((raw, i) => {
          const change = raw as unknown as Entry;
          const where: Where = { overlay, path: ['overrides', kind, i] };
          const slot = this.table(kind).get(change.id);
          if (!slot) {
            this.report({ overlay, path: [...where.path, 'id'] }, TEAM_CODES.unknownId, t('no {0} has the id "{1}": nothing to override', kindWord(kind), change.id));
            return;
          }
          const fields: string[] = [];
          for (const field of Object.keys(change)) {
            if (field === 'id') continue;
            const key = `${kind}:${change.id}:${field}`;
            const first = overridden.get(key);
            if (first) {
              this.report({ overlay, path: [...where.path, field] }, TEAM_CODES.conflict, t('{0} of the {1} "{2}" is already changed in {3}: the first one wins', field, kindWord(kind), change.id, baseName(first.overlay.file)), field);
              continue;
            }
            overridden.set(key, where);
            fields.push(field);
          }
          if (fields.length === 0) return;
          remember(kind, change.id, where);
          // A copy with every field: an embedded product's or rule's details are not its own properties (lazyDetails.ts).
          const entry: Entry = copyEntry(slot.entry);
          for (const f of fields) entry[f] = change[f];
          if (kind === 'rules') forgetGate(entry, fields);
          const override = { source: layer.source, file: overlay.file, line: this.line(where), fields };
          this.table(kind).set(change.id, { entry, origin: { ...slot.origin, overrides: [...(slot.origin.overrides ?? []), override] } });
        });
      }
    }
    this.settle(before);
    this.addPolicies(layer);
    this.addPrices(layer);
  }

  /**
   * Checks every entry the layer touched against the knowledge as it now is; a broken one goes
   * back to what it was before the layer, and the others are checked again (they may have relied
   * on it), until nothing changes.
   */
  private settle(before: Map<string, { kind: EntryKind; id: string; slot: Slot | undefined; where: Where }>): void {
    const world: World = {
      has: (kind, id) => this.table(kind).has(id),
      framework: (id) => this.table('frameworks').get(id)?.entry as Framework | undefined,
      catalog: this.catalog,
    };
    const pending = new Map(before);
    for (let changed = true; changed; ) {
      changed = false;
      for (const [key, b] of pending) {
        const slot = this.table(b.kind).get(b.id);
        if (!slot || slot === b.slot) {
          pending.delete(key);
          continue;
        }
        const issues = entryIssues(b.kind, slot.entry, world);
        if (issues.length === 0) continue;
        for (const issue of issues) this.report({ overlay: b.where.overlay, path: [...b.where.path, ...issue.path] }, issue.code, t('{0} (the {1} "{2}" is skipped)', issue.message, kindWord(b.kind), b.id));
        if (b.slot) this.table(b.kind).set(b.id, b.slot);
        else this.table(b.kind).delete(b.id);
        pending.delete(key);
        changed = true;
      }
    }
  }

  private addPolicies(layer: Layer): void {
    const seen = new Map<string, Where>();
    const vendors = new Set([...this.table('products').values()].map((s) => normVendor(String(s.entry.vendor ?? ''))));
    for (const overlay of layer.overlays) {
      (overlay.data.vendors ?? []).forEach((v, i) => {
        const where: Where = { overlay, path: ['vendors', i] };
        const key = normVendor(v.vendor);
        const first = seen.get(key);
        if (first) {
          this.report({ overlay, path: [...where.path, 'vendor'] }, TEAM_CODES.conflict, t('the policy for {0} is already set in {1}: the first one wins', v.vendor, baseName(first.overlay.file)));
          return;
        }
        seen.set(key, where);
        if (!vendors.has(key)) this.report({ overlay, path: [...where.path, 'vendor'] }, TEAM_CODES.unknownVendor, t('no product has the vendor "{0}" (a typo?)', v.vendor));
        this.policies.set(key, { vendor: v.vendor, policy: v.policy, ...(v.reason ? { reason: v.reason } : {}), source: layer.source, file: overlay.file });
      });
    }
  }

  private addPrices(layer: Layer): void {
    const prices = new Map<string, TeamPrice>();
    const seen = new Map<string, Where>();
    for (const overlay of layer.overlays) {
      const list = overlay.data.prices;
      if (!list) continue;
      if (list.validUntil !== undefined && list.validUntil < this.input.today) {
        this.report({ overlay, path: ['prices', 'validUntil'] }, TEAM_CODES.priceExpired, t('the price list expired on {0}: its prices are not used for reports dated after it', list.validUntil));
      }
      list.items.forEach((item, i) => {
        const where: Where = { overlay, path: ['prices', 'items', i] };
        const currency = item.currency ?? list.currency;
        if (!currency) {
          this.report(where, TEAM_CODES.priceCurrency, t('the price of "{0}" has no currency: give the item or the list a currency (CNY, USD…); it is skipped', item.product));
          return;
        }
        if (!this.table('products').has(item.product)) {
          this.report({ overlay, path: [...where.path, 'product'] }, TEAM_CODES.unknownId, t('no product has the id "{0}": the price is skipped', item.product));
          return;
        }
        const first = seen.get(item.product);
        if (first) {
          this.report({ overlay, path: [...where.path, 'product'] }, TEAM_CODES.conflict, t('the price of "{0}" is already given in {1}: the first one wins', item.product, baseName(first.overlay.file)));
          return;
        }
        seen.set(item.product, where);
        const discount = item.discount ?? list.discount;
        prices.set(item.product, {
          product: item.product,
          price: item.price,
          unit: item.unit,
          period: item.period,
          currency,
          ...(list.name ? { list: list.name } : {}),
          ...(list.validFrom ? { validFrom: list.validFrom } : {}),
          ...(list.validUntil ? { validUntil: list.validUntil } : {}),
          ...(discount ? { discount } : {}),
          source: layer.source,
          file: overlay.file,
        });
      });
    }
    this.priceLayers.push(prices);
  }

  /** Adds the overlay's extra intake fields to (a copy of) the catalog. */
  private addFields(overlay: LoadedOverlay, source: Layer['source']): void {
    const list = overlay.data.fields ?? [];
    if (list.length === 0) return;
    this.catalogData ??= structuredClone(this.input.catalogData);
    const data = this.catalogData;
    let added = false;
    list.forEach((f, i) => {
      const where: Where = { overlay, path: ['fields', i] };
      const section = data.sections.find((s) => [s.name, ...(s.synonyms ?? [])].some((n) => normalizeName(n) === normalizeName(f.section)));
      if (!section) {
        this.report({ overlay, path: [...where.path, 'section'] }, TEAM_CODES.unknownId, t('the catalog has no section "{0}": the field is skipped', f.section));
        return;
      }
      let siblings: FieldSpecInput[] = section.fields;
      const path: string[] = [section.name];
      for (const name of f.under ?? []) {
        const parent = siblings.find((x) => [x.name, ...(x.synonyms ?? [])].some((n) => normalizeName(n) === normalizeName(name)));
        if (!parent) {
          this.report({ overlay, path: [...where.path, 'under'] }, TEAM_CODES.unknownId, t('section "{0}" has no field "{1}" under {2}: the field is skipped', section.name, name, path.join(' › ')));
          return;
        }
        path.push(parent.name);
        siblings = parent.fields ??= [];
      }
      const names = [f.name, ...(f.synonyms ?? [])].map(normalizeName);
      if (allNames(section.fields).some((n) => names.includes(n))) {
        this.report({ overlay, path: [...where.path, 'name'] }, TEAM_CODES.duplicateId, t('section "{0}" already has a field "{1}" (or a synonym of it): the field is skipped', section.name, f.name));
        return;
      }
      if (typeof f.values === 'string' && !(f.values in data.enums)) {
        this.report({ overlay, path: [...where.path, 'values'] }, TEAM_CODES.unknownId, t('the catalog has no list of values "{0}" ({1}): the field is skipped', f.values, Object.keys(data.enums).join(', ')));
        return;
      }
      const spec: FieldSpecInput = { name: f.name, description: f.description, feeds: f.feeds };
      if (f.synonyms) spec.synonyms = f.synonyms;
      if (f.required !== undefined) spec.required = f.required;
      if (f.values !== undefined) spec.values = f.values;
      if (f.placeholder !== undefined) spec.placeholder = f.placeholder;
      siblings.push(spec);
      this.fields.push({ section: section.name, path: path.slice(1), name: f.name, source, file: overlay.file, line: this.line(where) });
      added = true;
    });
    if (added) this.catalog = new FieldCatalog(data);
  }
}

function allNames(fields: readonly FieldSpecInput[]): string[] {
  return fields.flatMap((f) => [f.name, ...(f.synonyms ?? []), ...allNames(f.fields ?? [])].map(normalizeName));
}

function sourceOf(origin: EntryOrigin | undefined): KnowledgeSource {
  if (!origin) return 'embedded';
  const last = origin.overrides?.[origin.overrides.length - 1];
  return last ? last.source : origin.source;
}

function sourceWord(source: KnowledgeSource): string {
  return source === 'embedded' ? t('embedded') : source === 'user' ? t("user's") : t("workspace's");
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

