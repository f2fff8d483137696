import type { Product } from '../../knowledge/schema';
import type { Understanding } from '../understand';
import { dropTrailingAside } from '../text/trim';
import { writtenLabel } from '../understand/estate';
import { isReplaced } from './replaced';
import { sameVendor } from './sameVendor';

/** A reason of a candidate's score, as picks.ts adds it. */
export interface SourceFit {
  weight: number;
  text: string;
  refs: number[];
}

/** One of the customer's systems a system of some kind takes its data from. */
interface Source {
  /** As the intake names it (用友NC Cloud, SAP S/4HANA 2021). */
  label: string;
  /** The knowledge base's product, when it is one (not a lifecycle family alone: SAP ECC 6.0). */
  product?: string;
  vendor: string;
  /** Its kinds that the system takes its data from (erp), in the customer's system's order. */
  kinds: readonly string[];
  refs: number[];
}

const sourcesByCategory = new WeakMap<Understanding, Map<string, readonly Source[]>>();

/**
 * How the customer's own systems that a system of `category` takes its data from (categories.yaml
 * `takesDataFrom`: an accounting archive its vouchers from the ERP) bear on candidate `p`:
 * - by the same vendor, it connects with the least work: 用友电子会计档案 beside 用友NC Cloud;
 * - from another vendor that sells a system of that kind too, it is a module of a suite, whose
 *   selling point is the integration with the rest of that suite, which the customer does not run:
 *   用友BIP合同管理 beside SAP S/4HANA. A specialist's product (易法通) was never sold on it.
 * A system the project replaces counts for nothing: it is going.
 */
export function sourceSystemFit(u: Understanding, p: Product, category: string): SourceFit | undefined {
  const sources = sourcesOf(u, category);
  if (sources.length === 0) return undefined;
  const same = sources.find((s) => sameVendor(s.vendor, p.vendor));
  // The suite itself, run as another kind of system (its ERP): this kind is a module to add to it.
  if (same?.product === p.id) return { weight: 3, text: `在现有${same.label}上增加${u.kb.category(category)?.name ?? category}模块，数据对接改造量小`, refs: same.refs };
  if (same) return { weight: 3, text: `与现有${same.label}同厂商，数据对接改造量小`, refs: same.refs };
  for (const s of sources) {
    const kind = s.kinds.find((k) => u.kb.productsIn(k).some((q) => sameVendor(q.vendor, p.vendor)));
    if (kind === undefined) continue;
    const name = u.kb.category(kind)?.name ?? kind;
    return { weight: -3, text: `客户的${name}是${s.label}，与${dropTrailingAside(p.vendor)}自家${name}一体化的优势用不上`, refs: s.refs };
  }
  return undefined;
}

function sourcesOf(u: Understanding, category: string): readonly Source[] {
  let byCategory = sourcesByCategory.get(u);
  if (!byCategory) sourcesByCategory.set(u, (byCategory = new Map()));
  let sources = byCategory.get(category);
  if (!sources) {
    const from = u.kb.category(category)?.takesDataFrom ?? [];
    const found: Source[] = [];
    if (from.length > 0) {
      for (const e of u.model.estate.products) {
        const kinds = e.categories.filter((c) => from.includes(c));
        // A family the knowledge base sells no product of (SAP ECC 6.0) says its vendor itself.
        const vendor = e.product !== undefined ? u.kb.product(e.product)?.vendor : e.family !== undefined ? u.kb.family(e.family)?.vendor : undefined;
        if (kinds.length === 0 || vendor === undefined || isReplaced(u, e)) continue;
        found.push({ label: writtenLabel(e), ...(e.product !== undefined ? { product: e.product } : {}), vendor, kinds, refs: e.refs });
      }
    }
    byCategory.set(category, (sources = found));
  }
  return sources;
}
