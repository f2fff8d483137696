/**
 * Cross-reference checks over the whole knowledge base: ids are unique, and every reference
 * (rule → product/category/framework, product → category/framework/industry, industry →
 * category/framework, category scope → product of the category, product scope → scope of its categories, lifecycle → product, condition → industry/framework/estate, timeline
 * template → category/industry) names something that exists. Also the rules zod cannot express: a product's `certifications` name
 * frameworks of kind `certification` (never a law), every pattern compiles, and a rule's
 * `mitigation` is one sentence (the report cuts it at its first ；or 。). Returns
 * human-readable problems.
 */
import type { Category, Condition, Framework, Industry, LifecycleFamily, Location, Product, Rule } from './schema';
import type { Timelines } from './timelineSchema';
import { hasEmptySpelling } from './spellings';

export interface KnowledgeData {
  industries: Industry[];
  categories: Category[];
  products: Product[];
  frameworks: Framework[];
  locations: Location[];
  lifecycle: LifecycleFamily[];
  rules: Rule[];
  /** The implementation timeline's templates (timelines.yaml): embedded only, a team's overlays do not change them. */
  timelines: Timelines;
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
  const industries = ids('industry', k.industries);
  const families = ids('lifecycle family', k.lifecycle);
  ids('location', k.locations);
  ids('rule', k.rules);
  ids('timeline template', k.timelines.templates);
  const frameworkById = new Map(k.frameworks.map((f) => [f.id, f]));
  const ref = (from: string, kind: string, set: Set<string>, values: readonly string[] | undefined) => {
    for (const v of values ?? []) if (!set.has(v)) problems.push(`${from}: unknown ${kind} "${v}"`);
  };
  const condition = (from: string, c: Condition) => {
    ref(from, 'industry', industries, c.industries);
    ref(from, 'framework', frameworks, c.frameworks);
    for (const e of c.estate ?? []) {
      if (!families.has(e) && !products.has(e) && !categories.has(e)) problems.push(`${from}: estate "${e}" is neither a lifecycle family, a product nor a category`);
    }
  };
  for (const p of k.products) {
    ref(`product ${p.id}`, 'category', categories, p.categories);
    ref(`product ${p.id}`, 'framework', frameworks, p.certifications);
    ref(`product ${p.id}`, 'framework', frameworks, p.supports);
    ref(`product ${p.id}`, 'industry', industries, p.industries);
    productScopes(p, k.categories, problems);
    // Who leads an open-source product's development: a vendor's own product has its origin.
    if (p.domesticLed && p.origin !== 'oss') problems.push(`product ${p.id}: domesticLed on a product of origin ${p.origin} (only open-source products)`);
    // What joins clouds is weighed only where a rule joins them: elsewhere the field says nothing.
    if (p.joinsClouds && !k.rules.some((r) => r.acrossClouds && r.categories.some((c) => p.categories.includes(c)))) problems.push(`product ${p.id}: joinsClouds, but no acrossClouds rule asks for any of its categories`);
    for (const c of p.certifications) {
      const f = frameworkById.get(c);
      if (f && f.kind !== 'certification') problems.push(`product ${p.id}: "${c}" is a ${f.kind}, not a certification a product can hold (list it under supports)`);
    }
    // A spelling of nothing would be found in every goal: each product would be told it lacks it.
    for (const w of p.lacks?.words ?? []) if (hasEmptySpelling(w)) problems.push(`product ${p.id}: lacks word "${w}" has an empty spelling`);
    // What it speaks only with an add-on it does not speak natively: listed in both, the report would say both.
    for (const x of p.addOn?.protocols ?? []) if (p.protocols?.some((q) => q.toLowerCase() === x.toLowerCase())) problems.push(`product ${p.id}: addOn protocol "${x}" is also in its protocols`);
    for (const w of p.provides?.words ?? []) if (hasEmptySpelling(w)) problems.push(`product ${p.id}: provides word "${w}" has an empty spelling`);
    caveatConditions(p, k.products, categories, problems);
    // How a private deployment is sold speaks only where a subscription is priced, and of what can be deployed privately.
    if (p.licensing !== undefined) {
      const subscribed = k.categories.some((c) => p.categories.includes(c.id) && [c.cost, ...(c.scopes ?? []).map((x) => x.cost)].some((cost) => cost?.licenceModel === 'subscription'));
      if (!subscribed) problems.push(`product ${p.id}: licensing is recorded, but none of its categories prices a subscription`);
      if (!p.deployment.includes('private') && !p.deployment.includes('hybrid')) problems.push(`product ${p.id}: licensing is recorded for a product that is not deployed privately`);
    }
    if (p.cloud !== 'none' && p.controlPlane === 'customer') problems.push(`product ${p.id}: a ${p.cloud} managed service cannot have a customer-hosted control plane`);
    if (p.onDevices !== undefined) {
      const desktop = k.products.find((q) => q.id === p.onDevices);
      if (!desktop) problems.push(`product ${p.id}: unknown onDevices "${p.onDevices}"`);
      else if (desktop.vendor !== p.vendor || desktop.id === p.id) problems.push(`product ${p.id}: onDevices "${desktop.id}" must be another product of the same vendor`);
    }
    if (p.successor !== undefined) {
      // The line sold in its place: another product of the same vendor, of one of its kinds.
      const next = k.products.find((q) => q.id === p.successor);
      if (!next) problems.push(`product ${p.id}: unknown successor "${p.successor}"`);
      else if (next.id === p.id || next.successor !== undefined || next.vendor !== p.vendor || !next.categories.some((c) => p.categories.includes(c))) problems.push(`product ${p.id}: successor "${next.id}" must be another current product of the same vendor and of one of its categories`);
    }
  }
  for (const c of k.categories) {
    ref(`category ${c.id} takesDataFrom`, 'category', categories, c.takesDataFrom);
    if (c.takesDataFrom?.includes(c.id)) problems.push(`category ${c.id}: takesDataFrom names itself`);
    for (const s of c.startsWithout ?? []) if (!c.takesDataFrom?.includes(s)) problems.push(`category ${c.id}: startsWithout "${s}" is not one of its takesDataFrom`);
    // A system's scope is recorded by its id (plan/scopes.ts): two of one id would price one as the other.
    const scopeIds = (c.scopes ?? []).map((x) => x.id);
    for (const id of new Set(scopeIds.filter((x, i) => scopeIds.indexOf(x) !== i))) problems.push(`category ${c.id}: scope "${id}" is given twice`);
    // A scope's products are candidates of the category's systems: each must be one of its products.
    for (const x of c.scopes ?? []) {
      for (const id of x.products ?? []) {
        const p = k.products.find((q) => q.id === id);
        if (!p) problems.push(`category ${c.id} scope ${x.id}: unknown product "${id}"`);
        else if (!p.categories.includes(c.id)) problems.push(`category ${c.id} scope ${x.id}: product "${id}" is not of the category`);
      }
    }
    // (`?.`: a copy of a lazily read entry, `{ ...c }`, has no details.)
    for (const cost of [c.cost, ...(c.scopes ?? []).map((x) => x.cost)]) {
      if (cost?.noteWith) ref(`category ${c.id} cost noteWith`, 'category', categories, cost.noteWith.categories);
      // What is left out is said by the note: a major exclusion without one would be named nowhere else.
      if (cost?.majorExclusion && !cost.note) problems.push(`category ${c.id}: cost majorExclusion without a note`);
    }
    if (c.domesticWhen) {
      ref(`category ${c.id} domesticWhen`, 'framework', frameworks, c.domesticWhen.frameworks);
      // Only domestic products qualify where it holds: the category must have one.
      if (!k.products.some((p) => p.origin === 'cn' && p.categories.includes(c.id))) problems.push(`category ${c.id} domesticWhen: no domestic product of the category`);
    }
  }
  for (const i of k.industries) {
    ref(`industry ${i.id}`, 'category', categories, [...i.coreSystems.map((s) => s.category), ...(i.coreSystem ? [i.coreSystem] : []), ...i.segments.map((s) => s.coreSystem)]);
    ref(`industry ${i.id}`, 'framework', frameworks, i.frameworks);
    for (const r of i.regulators) if (r.governs) ref(`industry ${i.id} regulator ${r.name} governs`, 'category', categories, r.governs.categories);
  }
  for (const f of k.frameworks) {
    f.appliesWhen.forEach((c, n) => condition(`framework ${f.id} appliesWhen[${n + 1}]`, c));
    f.unless?.forEach((c, n) => condition(`framework ${f.id} unless[${n + 1}]`, c));
    if (f.levelPattern) compiles(`framework ${f.id}: levelPattern`, f.levelPattern, problems);
    for (const l of f.levelSummaries ?? []) if (!f.levels.includes(l.level)) problems.push(`framework ${f.id} levelSummaries: "${l.level}" is none of its levels`);
    if (f.governs) ref(`framework ${f.id} governs`, 'category', categories, f.governs.categories);
    if (f.onlyWithSupport) {
      ref(`framework ${f.id} onlyWithSupport`, 'category', categories, f.onlyWithSupport.categories);
      // A category none of whose products supports it would leave the system type without a pick.
      for (const c of f.onlyWithSupport.categories) {
        if (categories.has(c) && !k.products.some((p) => p.categories.includes(c) && p.supports.includes(f.id))) problems.push(`framework ${f.id} onlyWithSupport: no product of category "${c}" supports it`);
      }
    }
  }
  for (const l of k.lifecycle) {
    if (l.product) ref(`lifecycle ${l.id}`, 'product', products, [l.product]);
    if (l.category) ref(`lifecycle ${l.id}`, 'category', categories, [l.category]);
    if (l.xinchuangTo) {
      ref(`lifecycle ${l.id} xinchuangTo`, 'category', categories, l.xinchuangTo);
      if (!l.xinchuangUpgrade) problems.push(`lifecycle ${l.id}: xinchuangTo without a xinchuangUpgrade`);
    }
    const seen = new Set<string>();
    for (const v of l.versions) {
      if (seen.has(v.version)) problems.push(`lifecycle ${l.id}: version "${v.version}" listed twice`);
      seen.add(v.version);
    }
  }
  for (const r of k.rules) {
    ref(`rule ${r.id}`, 'category', categories, r.categories);
    ref(`rule ${r.id}`, 'product', products, r.products);
    ref(`rule ${r.id}`, 'framework', frameworks, r.frameworks);
    condition(`rule ${r.id} when`, r.when);
    r.unless.forEach((c, n) => condition(`rule ${r.id} unless[${n + 1}]`, c));
    for (const m of [...r.all, ...r.any, ...r.none]) compiles(`rule ${r.id}: pattern /${m.pattern}/`, m.pattern, problems);
    // The report says a risk's 应对 up to its first ；or 。 (plan/risks.ts): whatever follows is lost.
    if (r.mitigation !== undefined && !isOneSentence(r.mitigation)) problems.push(`rule ${r.id}: mitigation is not one sentence (no ；, one 。 at the end): the report says it only up to its first ；or 。`);
  }
  for (const t of k.timelines.templates) {
    ref(`timeline template ${t.id}`, 'category', categories, t.coreSystems);
    ref(`timeline template ${t.id}`, 'industry', industries, t.industries);
  }
  return problems;
}

/** One sentence: no ；, and a 。 only as the last character (how a mitigation is said whole). */
function isOneSentence(text: string): boolean {
  return text.search(/[。；]/) === text.length - 1 && text.endsWith('。');
}

/**
 * A product's `scopes` name scopes of its categories, and a scope that lists its products lists it:
 * otherwise it would be a candidate nowhere (plan/picks.ts).
 */
function productScopes(p: Product, categories: readonly Category[], problems: string[]): void {
  for (const id of p.scopes ?? []) {
    const scope = categories.filter((c) => p.categories.includes(c.id)).flatMap((c) => c.scopes ?? []).find((x) => x.id === id);
    if (!scope) problems.push(`product ${p.id}: scope "${id}" is no scope of its categories`);
    else if (scope.products && !scope.products.includes(p.id)) problems.push(`product ${p.id}: scope "${id}" does not list it among its products`);
  }
}

/**
 * A caveat's sentence said only to customers who do not run a vendor's system (schema
 * `caveatUnlessRuns`): it names one sentence of the caveat, and a vendor the knowledge base sells
 * a product of in one of the categories (else no estate could ever name it). One said only to
 * customers whose intake names some words (`caveatOnlyIf`) names one sentence of the caveat.
 */
function caveatConditions(p: Product, products: readonly Product[], categories: ReadonlySet<string>, problems: string[]): void {
  const sentences = p.caveat.split(/[；。]/);
  // A sentence said only when the intake names words (`caveatOnlyIf`): one sentence of the caveat too.
  for (const c of p.caveatOnlyIf ?? []) {
    const holding = sentences.filter((x) => x.includes(c.sentence)).length;
    if (holding !== 1) problems.push(`product ${p.id}: caveatOnlyIf sentence "${c.sentence}" is in ${holding} sentences of its caveat, not one`);
  }
  // (`?.`: a copy of a lazily read entry has no details.)
  const list = p.caveatUnlessRuns;
  if (!list) return;
  const root = (vendor: string): string => vendor.replace(/（[^（）]*）$/u, '').trim();
  for (const c of list) {
    const holding = sentences.filter((x) => x.includes(c.sentence)).length;
    if (holding !== 1) problems.push(`product ${p.id}: caveatUnlessRuns sentence "${c.sentence}" is in ${holding} sentences of its caveat, not one`);
    for (const id of c.categories) if (!categories.has(id)) problems.push(`product ${p.id}: caveatUnlessRuns unknown category "${id}"`);
    const vendor = root(c.vendor);
    const sells = products.some((q) => q.categories.some((x) => c.categories.includes(x)) && (root(q.vendor).startsWith(vendor) || vendor.startsWith(root(q.vendor))));
    if (!sells) problems.push(`product ${p.id}: caveatUnlessRuns vendor "${c.vendor}" has no product in ${c.categories.join(', ')}`);
  }
}

function compiles(what: string, source: string, problems: string[]): void {
  try {
    new RegExp(source, 'iu');
  } catch (e) {
    problems.push(`${what}: invalid: ${(e as Error).message}`);
  }
}
