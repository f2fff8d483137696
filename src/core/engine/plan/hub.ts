import type { SystemType } from '../reportModel';
import type { Understanding } from '../understand';
import { knowledgeIndex } from '../text/knowledgeIndexes';

/**
 * The hub the customer already runs (自研ESB, an integration platform: categories.yaml `hub`), with
 * the lines that name it, and the hub the plan builds in its place when it builds one (then the
 * customer's is replaced: two buses side by side would each carry half the interfaces). Undefined
 * when the customer names none.
 */
export function customerHub(systems: readonly SystemType[], u: Understanding): { name: string; refs: number[]; replacedBy?: string } | undefined {
  const isHub = (category: string | undefined) => category !== undefined && u.kb.category(category)?.hub === true;
  const index = knowledgeIndex(u.kb, 'all-categories');
  const estate = u.model.estate;
  const own =
    estate.systems.find((s) => index.find(s.name).some((h) => isHub(h.value))) ??
    estate.products.find((p) => p.categories.some(isHub));
  if (!own) return undefined;
  const built = systems.find((s) => isHub(s.category) && !s.kept);
  return { name: own.name, refs: [...own.refs], ...(built ? { replacedBy: built.name } : {}) };
}
