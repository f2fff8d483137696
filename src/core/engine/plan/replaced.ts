import type { Understanding } from '../understand';

type EstateProduct = Understanding['model']['estate']['products'][number];

/**
 * Whether the project replaces this product of the customer's: it is of the core system's
 * category, and the project builds the core system anew (not kept and upgraded). SAP ECC 6.0,
 * when the project builds a new ERP.
 */
export function isReplaced(u: Understanding, product: EstateProduct): boolean {
  const core = u.model.coreSystem;
  return core.category !== undefined && core.inScope && !core.kept && product.categories.includes(core.category);
}
