/**
 * What the picks read of a product and its knowledge base for every report, made once: the
 * products and the knowledge base are immutable data, so the lower-cased names, clauses and word
 * sets that scoring a candidate used to rebuild on each call are kept per product (and per
 * knowledge base where they depend on it; a team's merged knowledge base may share product
 * objects with the embedded one but not its categories or frameworks). Callers must not modify
 * what these return.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge';
import type { Product } from '../../knowledge/schema';

/** A cache of `make(product)` per product, per key object (a knowledge base, a stop-word set). */
class PerProduct<K extends object, V> {
  private readonly byKey = new WeakMap<K, WeakMap<Product, V>>();
  constructor(private readonly make: (key: K, p: Product) => V) {}

  get(key: K, p: Product): V {
    let byProduct = this.byKey.get(key);
    if (!byProduct) {
      byProduct = new WeakMap();
      this.byKey.set(key, byProduct);
    }
    let value = byProduct.get(p);
    if (value === undefined) {
      value = this.make(key, p);
      byProduct.set(p, value);
    }
    return value;
  }
}

const kindNames = new PerProduct<KnowledgeBase, readonly string[]>((kb, p) =>
  p.categories
    .flatMap((c) => [kb.category(c)?.name ?? '', ...(kb.category(c)?.aliases ?? [])])
    .filter(Boolean)
    .map((a) => a.toLowerCase()),
);

/** The names and aliases of the product's own system types, lower-cased. */
export function ownKindNames(kb: KnowledgeBase, p: Product): readonly string[] {
  return kindNames.get(kb, p);
}

const protocolsLower = new WeakMap<Product, readonly string[] | null>();

/** The product's protocols, lower-cased; undefined when it lists none. */
export function lowerProtocols(p: Product): readonly string[] | undefined {
  let lower = protocolsLower.get(p);
  if (lower === undefined) {
    lower = p.protocols?.map((q) => q.toLowerCase()) ?? null;
    protocolsLower.set(p, lower);
  }
  return lower ?? undefined;
}

const withOwnName = new PerProduct<ReadonlySet<string>, ReadonlySet<string>>(
  (stop, p) =>
    new Set([
      ...stop,
      ...`${p.name} ${p.vendor}`
        .split(/[^A-Za-z0-9]+/)
        .filter((w) => w.length >= 3)
        .map((w) => w.toLowerCase()),
    ]),
);

/** `stop` and the Latin words of the product's own name and vendor (Oracle Health and the customer's Oracle database tie nothing). */
export function stopWithOwnName(stop: ReadonlySet<string>, p: Product): ReadonlySet<string> {
  return withOwnName.get(stop, p);
}

const caveats = new WeakMap<Product, readonly string[]>();

/** The sentences of the product's caveat (at "；" and "。"), trimmed, without empty ones. */
export function caveatSentences(p: Product): readonly string[] {
  let list = caveats.get(p);
  if (list === undefined) {
    list = p.caveat
      .split(/[；。]/)
      .map((x) => x.trim())
      .filter(Boolean);
    caveats.set(p, list);
  }
  return list;
}

const clauses = new WeakMap<Product, readonly string[]>();

/** The clauses of the product's strength (splitClauses). */
export function strengthClauses(p: Product): readonly string[] {
  let list = clauses.get(p);
  if (list === undefined) {
    list = splitClauses(p.strength);
    clauses.set(p, list);
  }
  return list;
}

/** Clauses at "，；。" outside brackets. */
function splitClauses(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    else if (i === text.length || (depth === 0 && (ch === '，' || ch === '；' || ch === '。'))) {
      const clause = text.slice(start, i).trim();
      if (clause) out.push(clause);
      start = i + 1;
    }
  }
  return out;
}

const industryRules = new WeakMap<KnowledgeBase, Map<string, boolean>>();

/** Whether framework `id` applies by industry (GMP, 密评, 电力安防…), not to everyone (a cloud's GDPR paperwork). */
export function isIndustryRule(kb: KnowledgeBase, id: string): boolean {
  let byId = industryRules.get(kb);
  if (!byId) {
    byId = new Map();
    industryRules.set(kb, byId);
  }
  let rule = byId.get(id);
  if (rule === undefined) {
    rule = (kb.framework(id)?.appliesWhen ?? []).some((c) => c.industries !== undefined);
    byId.set(id, rule);
  }
  return rule;
}
