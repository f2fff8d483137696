import type { KnowledgeBase } from '../../knowledge/knowledge';
import type { Product } from '../../knowledge/schema';
import type { UnderstandingModel } from '../reportModel';
import type { KeptSystem } from '../understand/types';
import { caveatSentences } from './productText';
import { sameVendor } from './sameVendor';
import { knowledgeIndex } from '../text/knowledgeIndexes';

/**
 * What the caveat's conditions read of the customer: the systems it runs, the one the project
 * builds, and the systems the intake says stay (卫宁HIS保留, not always in the estate's lines).
 */
interface Customer {
  model: Situation;
  kept?: readonly KeptSystem[];
}

/** What of the understanding a caveat's conditions read: the systems, and the words of `caveatOnlyIf`. */
type Situation = Pick<UnderstandingModel, 'estate' | 'coreSystem' | 'industry' | 'statedSystems' | 'integrations' | 'constraints' | 'triedAndFailed' | 'mainGoal' | 'secondaryGoals' | 'pains'>;

/**
 * The sentences of `p`'s caveat this customer is to be told: without those said only to customers
 * who do not run a vendor's system (knowledge `caveatUnlessRuns`) when it runs one, nor those said
 * only to customers whose intake names some words (`caveatOnlyIf`) when it names none. "非东华HIS的
 * 医院需核对接口工作量" is no warning to a hospital on 东华医为's HIS; "离散装配行业的工单…需POC验证"
 * none to a biologics plant; "IDoc/RFC需SAP JCo库…" none to a customer without SAP. The list is
 * `caveatSentences(p)` itself when nothing is dropped.
 */
export function caveatSentencesFor(p: Product, kb: KnowledgeBase, customer: Customer): readonly string[] {
  const all = caveatSentences(p);
  const unless = p.caveatUnlessRuns;
  const onlyIf = p.caveatOnlyIf;
  if (!unless && !onlyIf) return all;
  const moot = [
    ...(unless ?? []).filter((c) => runsVendor(kb, customer, c.vendor, c.categories)).map((c) => c.sentence),
    ...(onlyIf ?? []).filter((c) => !names(customer.model, c.in, c.words)).map((c) => c.sentence),
  ];
  return moot.length === 0 ? all : all.filter((x) => !moot.some((m) => x.includes(m)));
}

/** Whether the customer's industry (or its whole understanding, `intake`) names one of `words`, case aside. */
function names(model: Situation, where: 'industry' | 'intake', words: readonly string[]): boolean {
  const text = situationText(model, where);
  return words.some((w) => text.includes(w.toLowerCase()));
}

const industryTexts = new WeakMap<Situation, string>();
const intakeTexts = new WeakMap<Situation, string>();

/**
 * What `caveatOnlyIf` words are looked for in, lower-cased, made once per understanding. The
 * industry: as written, its segment and the industry's name (汽车及零部件), not the knowledge
 * base's sub-industry ("离散/流程制造" is every manufacturer's). The intake: that and what the
 * customer runs, integrates, wants, suffers, must respect and tried.
 */
function situationText(model: Situation, where: 'industry' | 'intake'): string {
  const cache = where === 'industry' ? industryTexts : intakeTexts;
  let text = cache.get(model);
  if (text === undefined) {
    const ind = model.industry;
    const industry = [ind.written, ind.segment, ind.name];
    const rest =
      where === 'industry'
        ? []
        : [
            ...model.estate.products.flatMap((e) => [e.name, e.written]),
            ...model.estate.systems.map((e) => e.name),
            ...model.estate.onPrem.map((e) => e.text),
            ...model.statedSystems.map((e) => e.name),
            ...model.integrations.flatMap((e) => [e.system, ...e.protocols]),
            ...model.constraints.map((e) => e.text),
            ...model.triedAndFailed.flatMap((e) => [e.what, e.why]),
            model.mainGoal?.text ?? '',
            ...model.secondaryGoals.map((g) => g.text),
            ...model.pains.map((x) => x.text),
          ];
    text = [...industry, ...rest].join('\n').toLowerCase();
    cache.set(model, text);
  }
  return text;
}

/**
 * Whether the customer runs a system of `vendor` of one of `categories` that stays (kept, or one
 * the project connects to): one the project builds anew in its place (the core system, not kept)
 * is going, and then the warning holds.
 */
function runsVendor(kb: KnowledgeBase, customer: Customer, vendor: string, categories: readonly string[]): boolean {
  const keeps = (customer.kept ?? []).some((k) => {
    const q = k.product !== undefined ? kb.product(k.product) : undefined;
    return q !== undefined && sameVendor(q.vendor, vendor) && (k.category !== undefined ? [k.category] : q.categories).some((c) => categories.includes(c));
  });
  if (keeps) return true;
  // A system the project connects to stays too ("新媒资需对接索贝制作系统", with its MAM replaced).
  const connects = customer.model.integrations.some((i) =>
    knowledgeIndex(kb, 'product-names')
      .find(i.system)
      .some((h) => {
        const q = kb.product(h.value);
        return q !== undefined && sameVendor(q.vendor, vendor) && q.categories.some((c) => categories.includes(c));
      }),
  );
  if (connects) return true;
  const core = customer.model.coreSystem;
  return customer.model.estate.products.some((e) => {
    const kinds = e.categories.filter((c) => categories.includes(c));
    if (kinds.length === 0) return false;
    if (core.category !== undefined && core.inScope && !core.kept && kinds.includes(core.category)) return false;
    const owner = e.product !== undefined ? kb.product(e.product)?.vendor : e.family !== undefined ? kb.family(e.family)?.vendor : undefined;
    return owner !== undefined && sameVendor(owner, vendor);
  });
}
