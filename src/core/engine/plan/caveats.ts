import type { KnowledgeBase } from '../../knowledge/knowledge';
import type { Product } from '../../knowledge/schema';
import type { UnderstandingModel } from '../reportModel';
import type { KeptSystem } from '../understand/types';
import { caveatSentences } from './productText';
import { sameVendor } from './sameVendor';

/**
 * What the caveat's conditions read of the customer: the systems it runs, the one the project
 * builds, and the systems the intake says stay (卫宁HIS保留, not always in the estate's lines).
 */
interface Customer {
  model: Pick<UnderstandingModel, 'estate' | 'coreSystem'>;
  kept?: readonly KeptSystem[];
}

/**
 * The sentences of `p`'s caveat this customer is to be told: without those said only to customers
 * who do not run a vendor's system (knowledge `caveatUnlessRuns`) when it runs one. "非东华HIS的医院
 * 需核对接口工作量" is no warning to a hospital on 东华医为's HIS; it stays for every other.
 */
export function caveatSentencesFor(p: Product, kb: KnowledgeBase, customer: Customer): readonly string[] {
  const all = caveatSentences(p);
  const conditions = p.caveatUnlessRuns;
  if (!conditions) return all;
  const moot = conditions.filter((c) => runsVendor(kb, customer, c.vendor, c.categories)).map((c) => c.sentence);
  return moot.length === 0 ? all : all.filter((x) => !moot.some((m) => x.includes(m)));
}

/**
 * Whether the customer runs a system of `vendor` of one of `categories` that stays: one the
 * project builds anew in its place (the core system, not kept) is going, and then the warning holds.
 */
function runsVendor(kb: KnowledgeBase, customer: Customer, vendor: string, categories: readonly string[]): boolean {
  const keeps = (customer.kept ?? []).some((k) => {
    const q = k.product !== undefined ? kb.product(k.product) : undefined;
    return q !== undefined && sameVendor(q.vendor, vendor) && (k.category !== undefined ? [k.category] : q.categories).some((c) => categories.includes(c));
  });
  if (keeps) return true;
  const core = customer.model.coreSystem;
  return customer.model.estate.products.some((e) => {
    const kinds = e.categories.filter((c) => categories.includes(c));
    if (kinds.length === 0) return false;
    if (core.category !== undefined && core.inScope && !core.kept && kinds.includes(core.category)) return false;
    const owner = e.product !== undefined ? kb.product(e.product)?.vendor : e.family !== undefined ? kb.family(e.family)?.vendor : undefined;
    return owner !== undefined && sameVendor(owner, vendor);
  });
}
