/**
 * Cross-reference checks over the whole knowledge base: ids are unique, and every reference
 * (rule → product/category/framework, product → category/framework, industry →
 * category/framework) names something that exists. Returns human-readable problems.
 */
import type { Category, Framework, Industry, Location, Product, Rule } from './schema';

export interface KnowledgeData {
  industries: Industry[];
  categories: Category[];
  products: Product[];
  frameworks: Framework[];
  locations: Location[];
  rules: Rule[];
}

export function checkKnowledgeIntegrity(k: KnowledgeData): string[] {
  const problems: string[] = [];
  const ids = (kind: string, list: { id: string }[]): Set<string> => {
    const seen = new Set<string>();
    for (const { id } of list) {
      if (seen.has(id)) problems.push(`${kind}: duplicate id "${id}"`);
      seen.add(id);
    }
    return seen;
  };
  const categories = ids('category', k.categories);
  const products = ids('product', k.products);
  const frameworks = ids('framework', k.frameworks);
  ids('industry', k.industries);
  ids('location', k.locations);
  ids('rule', k.rules);
  const ref = (from: string, kind: string, set: Set<string>, values: readonly string[]) => {
    for (const v of values) if (!set.has(v)) problems.push(`${from}: unknown ${kind} "${v}"`);
  };
  for (const p of k.products) {
    ref(`product ${p.id}`, 'category', categories, p.categories);
    ref(`product ${p.id}`, 'framework', frameworks, p.compliance);
  }
  for (const i of k.industries) {
    ref(`industry ${i.id}`, 'category', categories, i.coreSystems.map((s) => s.category));
    ref(`industry ${i.id}`, 'framework', frameworks, i.frameworks);
  }
  for (const r of k.rules) {
    ref(`rule ${r.id}`, 'category', categories, r.categories);
    ref(`rule ${r.id}`, 'product', products, r.products);
    ref(`rule ${r.id}`, 'framework', frameworks, r.frameworks);
    for (const m of [...r.all, ...r.any, ...r.none]) {
      try {
        new RegExp(m.pattern, 'iu');
      } catch (e) {
        problems.push(`rule ${r.id}: invalid pattern /${m.pattern}/: ${(e as Error).message}`);
      }
    }
  }
  for (const f of k.frameworks) {
    if (f.levelPattern) {
      try {
        new RegExp(f.levelPattern, 'iu');
      } catch (e) {
        problems.push(`framework ${f.id}: invalid levelPattern: ${(e as Error).message}`);
      }
    }
  }
  return problems;
}
