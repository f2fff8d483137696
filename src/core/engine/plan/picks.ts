/**
 * Constraints as filters, then picks. Every candidate of a system type is first checked against
 * the hard constraints (public cloud, SaaS, data residency, full 信创), the clouds the customer
 * uses, and what already failed: a product that breaks one is excluded with the reason. The rest
 * are scored only on the customer's own facts — the product it already runs, its cloud, its
 * protocols, its 信创 preference, its region and size — and every point of score carries the
 * sentence that explains it, so the pick's "为什么适合" cites the customer, not the brochure.
 *
 * Two options: domestic-first and international for customers in China; a domestic alternative
 * when full 信创 rules the international one out; cloud-native and cloud-neutral for customers
 * outside China on a single cloud. One recommended product and at most one alternative per
 * system type per option.
 *
 * A team's vendor policy (team/merge.ts) acts here and nowhere else: a blocked vendor's products
 * are excluded with the reason (unless the customer already runs one), and between candidates of
 * equal score a preferred vendor's wins, then a partner's; the appendix says so.
 */
import type { CategoryScope, Product } from '../../knowledge/schema';
import { spellingsOf } from '../../knowledge/spellings';
import { sortSmall } from '../../facts/lines';
import type { TeamContext } from '../../team/types';
import type { Candidate, Exclusion, Need, Option, Pick, SystemType } from '../reportModel';
import { cloudName, stackName } from '../understand/places';
import type { Understanding } from '../understand';
import { inCny } from '../format';
import { uniqueAscending } from '../uniqueAscending';
import { clip } from '../text/restate';
import { touches } from '../text/overlap';
import { asideDroppedBeyond, dropTrailingAside } from '../text/trim';
import { isIndustryRule, lowerProtocols, ownKindNames, stopWithOwnName } from './productText';
import { caveatSentencesFor } from './caveats';
import { namesOtherCloud, strengthsFor } from './strengths';
import { holdsAny } from '../../text/holdsAny';
import { swapPrefix } from '../../text/affix';
import { writtenLabel } from '../understand/estate';
import { domesticByLaw, domesticRequirement } from './domestic';
import { isReplaced } from './replaced';
import { replacementOf } from './replacements';
import { movesToCloudService } from './cloudMove';
import { sameVendor } from './sameVendor';
import { sourceSystemFit } from './sourceSystems';
import { onOwnStack } from './ownStack';
import { scopeOf } from './scopes';
import { suppliedSentence } from './supplied';

type Strategy = Option['strategy'];
type Provider = Exclude<Product['cloud'], 'none'>;
/** An option's kind, and for one of a cloud's native services the clouds it builds on. */
interface OptionPlan {
  strategy: Strategy;
  clouds: ReadonlySet<Provider>;
}

interface Reason {
  weight: number;
  text: string;
  refs: number[];
  /** Customer-specific: cites the customer's own facts. */
  specific: boolean;
  /** It says the product speaks the protocol of a system to integrate (原生支持HL7 v2，便于对接…). */
  protocol?: true;
  /**
   * It says the product misses what the customer needs most: what its goals or pains ask for (a
   * product's `lacks`), or a core system made for smaller customers. A pick with one is no
   * recommendation on its own: the report says it is to be decided in a POC.
   */
  misfit?: true;
}

interface Scored {
  product: Product;
  score: number;
  reasons: Reason[];
  existing: boolean;
  /**
   * The product's origin and cloud, read once when it is scored: they are getters of the knowledge
   * base's lazy entries, and the options' eligibility filter asks them for every candidate of every option.
   */
  origin: Product['origin'];
  cloud: Product['cloud'];
  /** An open-source product a Chinese company leads (PaddleOCR): of no option of international products. */
  domesticLed: boolean;
}

export interface PicksResult {
  options: Option[];
  exclusions: Exclusion[];
  candidates: Candidate[];
}

const TIERS = ['low', 'mid', 'high', 'premium'] as const;
const ORIGIN_NAMES = { cn: '国产', intl: '国际', oss: '开源' } as const;

export function choosePicks(u: Understanding, systems: readonly SystemType[], preferred: ReadonlyMap<string, readonly string[]>, served: ReadonlyMap<string, readonly Need[]>, applicable: ReadonlySet<string> = new Set(), team?: TeamContext): PicksResult {
  const exclusions: Exclusion[] = [];
  const ref = (p: Product) => refOf(p, team);
  const rank = (c: Scored) => POLICY_RANK[team?.policyOf(c.product.vendor)?.policy ?? 'none'];
  const corpus = customerText(u);
  // The clause of a candidate's strength that speaks to the customer's text, kept per that text (strengths.ts).
  const strength = strengthsFor(corpus, u.cloudsInUse, systemTypeWords(u));
  const failed = failedVendors(u);
  // The industry regulations (GMP, 密评, 电力安防…) that apply and that the customer states, in
  // `applicable`'s order: the same for every candidate, so worked out once here.
  // Only industry regulations: a cloud's GDPR paperwork is not a product feature.
  const stated = [...applicable].filter((f) => u.statedFrameworks.has(f) && isIndustryRule(u.kb, f));
  // What only some products of a category can meet (密评: certified commercial cryptography), for
  // the frameworks that apply, stated or not: the others are no candidates in either option.
  const onlyWith = [...applicable].flatMap((f): OnlyWithSupport[] => {
    const only = u.kb.framework(f)?.onlyWithSupport;
    return only ? [{ framework: f, ...only, refs: u.statedFrameworks.get(f) ?? u.model.industry.refs }] : [];
  });
  const pools = new Map<string, Scored[]>();
  for (const s of systems) {
    const pool: Scored[] = [];
    // The products the system's scope is made for, when it names them (categories.yaml `scopes`).
    const scope = scopeOf(u, s);
    const across = acrossCloudsNeed(u, served.get(s.category) ?? []);
    for (const p of u.kb.productsIn(s.category)) {
      if (!madeFor(p, u, s.category, scope, team)) continue;
      // A line its vendor no longer sells to new customers (用友NC Cloud): only to those who run it
      // and keep it; one the project replaces is replaced by its successor or another.
      if (p.successor !== undefined && !runsAndKeeps(u, p, s.category)) continue;
      const excluded = policyExclusion(p, s.category, u, team) ?? exclusionOf(p, s.category, u, onlyWith, team);
      if (excluded) {
        if (!exclusions.some((e) => e.product.id === p.id && e.category === s.category)) exclusions.push(excluded);
        continue;
      }
      pool.push(score(p, u, s.category, preferred.get(s.category) ?? [], served.get(s.category) ?? [], stated, failed, corpus ? strength : undefined, across));
    }
    dropSharedProtocol(pool);
    // Equal scores: the team's preferred vendor first, then its partner (a stable sort keeps file order after that).
    pool.sort((a, b) => b.score - a.score || rank(b) - rank(a));
    pools.set(s.category, pool);
  }

  const plans = optionStrategies(u, systems, pools);
  const candidates: Candidate[] = [];
  const options: Option[] = [];
  const ids: Array<'A' | 'B'> = ['A', 'B'];
  const xinchuangFull = u.constraintKinds.has('xinchuang-full');
  plans.forEach(({ strategy, clouds }, i) => {
    const id = ids[i]!;
    const chosen: Array<{ system: SystemType; first: Scored; second?: Scored; uncovered?: string }> = [];
    const gaps: Option['gaps'] = [];
    const fallbacks = new Set<string>();
    for (const s of systems) {
      const pool = pools.get(s.category) ?? [];
      const eligible = pool.filter((c) => c.existing || eligibleFor(c, strategy, xinchuangFull, clouds));
      let list = eligible;
      if (SECOND_SET_STRATEGIES.has(strategy)) {
        const aPick = options[0]?.picks.find((p) => p.category === s.category);
        const aVendor = aPick ? u.kb.product(aPick.product.id)?.vendor : undefined;
        list = eligible.filter((c) => c.existing || aVendor === undefined || !sameVendor(c.product.vendor, aVendor));
      }
      for (const c of list.slice(0, 4)) candidates.push({ option: id, category: s.category, product: ref(c.product), origin: c.product.origin, score: c.score, notes: candidateNotes(c, policyNotes(c, list, rank, team)) });
      // No candidate of the option's kind (no cloud-native service, no domestic product): the best
      // acceptable one, said plainly; a gap only when nothing passes the constraints.
      let fallback = false;
      if (list.length === 0 && pool.length > 0 && !SECOND_SET_STRATEGIES.has(strategy) && !(strategy === 'domestic' && u.constraintKinds.has('xinchuang-full'))) {
        list = pool.filter((c) => strategy !== 'cloud-native' || c.product.cloud === 'none');
        fallback = list.length > 0;
      }
      const first = list[0];
      if (!first) {
        // A second domestic set with no other vendor for a type (a developer's sales offices): the
        // first set's pick stands for it; no constraint rules the others out, the knowledge names
        // none (which the report says as such: the market may well have others).
        gaps.push({ category: s.category, reason: pool.length === 0 ? '所有候选均不满足约束' : SECOND_SET_STRATEGIES.has(strategy) ? `未见另一家可具名推荐的${strategy === 'domestic-alt' ? '国产' : '国际'}厂商产品，沿用方案A的选择` : `没有符合“${optionTitle(strategy, clouds, u)}”的候选` });
        continue;
      }
      if (fallback) fallbacks.add(s.category);
      // What the customer keeps gets no alternative: it is not being chosen. Unless it covers only
      // part of the system type (卫宁HIS kept, the EMR on its own): then the other part may be compared.
      const uncovered = first.existing ? uncoveredPart(s.category, u) : undefined;
      // An alternative made for another size of customer (OpenEMR for a 三甲 hospital) is no alternative.
      const fits = (c: Scored) => c !== first && !sameVendor(c.product.vendor, first.product.vendor) && !c.existing && c.product.scale.includes(u.model.scale.size);
      // Option A's alternative again is no new alternative: another that fits comes first.
      const aAlternative = id === 'B' ? options[0]?.picks.find((p) => p.category === s.category)?.alternative?.product.id : undefined;
      const second = first.existing && !uncovered ? undefined : (list.find((c) => fits(c) && c.product.id !== aAlternative) ?? list.find(fits));
      chosen.push({ system: s, first, ...(second ? { second } : {}), ...(uncovered ? { uncovered } : {}) });
    }
    // Reasons every pick shares (private deployment, 信创) are said once, for the option.
    const counts = new Map<string, number>();
    for (const c of chosen) for (const r of new Set(c.first.reasons.filter((x) => x.weight > 0 && x.specific && !x.text.startsWith('针对') && !x.text.startsWith('客户已计划') && !c.first.existing).map((x) => x.text))) counts.set(r, (counts.get(r) ?? 0) + 1);
    // Said once for the option ("所选产品均…") only when every new pick shares it.
    const fresh = chosen.filter((c) => !c.first.existing).length;
    // Under full 信创 every candidate left is adapted: that is said for the option even of one pick.
    const optionWide = (text: string) => fresh >= 2 || (text === XINCHUANG_ADAPTED && u.constraintKinds.has('xinchuang-full'));
    const common = [...counts].filter(([text, n]) => optionWide(text) && n === fresh).map(([text]) => text);
    const picks: Pick[] = chosen.map(({ system, first, second, uncovered }) => {
      // The same product as option A: no second alternative (A already names one).
      const same = id === 'B' ? options[0]?.picks.find((p) => p.category === system.category && p.product.id === first.product.id) : undefined;
      const reason = why(first, caveatSentencesFor(first.product, u.kb, u), common, corpus, proofOf(system, u), u.cloudsInUse, systemTypeWords(u), strength, sameForEveryProduct(u).xinchuang !== undefined);
      const alternative = second && !same ? altWhy(second, first, common, strength) : undefined;
      // The core system's best candidate misses what the customer needs most: named, not recommended as fitting.
      const misfit = system.role === 'core' && !first.existing && first.reasons.some((r) => r.misfit);
      return {
        category: system.category,
        categoryName: system.name,
        product: ref(first.product),
        why: `${fallbacks.has(system.category) ? fallbackNote(system.category, strategy, u) : ''}${misfit ? misfitWhy(reason) : reason.text}`,
        basis: reason.basis,
        ...(misfit ? { misfit: true as const } : {}),
        refs: refsOr(refsOf(first, common), system.refs),
        existing: first.existing,
        ...(fallbacks.has(system.category) ? { fallback: true } : {}),
        ...(second && alternative !== undefined ? { alternative: { product: ref(second.product), why: alternative, refs: refsOr(refsOf(second, common), system.refs), ...(uncovered ? { scope: uncovered } : {}) } } : {}),
        score: first.score,
      };
    });
    options.push({
      id,
      strategy,
      title: `方案${id}：${strategy === 'international' && onlyOpenSource(picks, u) ? OPEN_SOURCE_TITLE : optionTitle(strategy, clouds, u)}`,
      summary: `${optionSummary(strategy, clouds, u, picks)}${otherKinds(strategy, picks.filter((p) => !sameAs(options[0], p)), u)}`,
      ...(common.length > 0 ? { shared: common } : {}),
      recommended: false,
      applicable: picks.length > 0,
      ...(strategy === 'domestic-alt' ? { note: `${noInternationalOption(u, systems)}，国际方案不适用；方案B改为另一组国产厂商，供比选与议价。` } : {}),
      ...(strategy === 'international-alt' ? { note: `${openSystems(systems, pools).map((s) => s.name).join('、')}未见可具名推荐的国产产品，方案A选国际主流产品；方案B改为另一组国际厂商，供比选与议价。` } : {}),
      picks,
      gaps,
    });
  });
  const total = (o: Option) => o.picks.reduce((a, p) => a + p.score, 0) - o.gaps.length * 3;
  // A second domestic set is for comparison and bargaining, never the recommendation. A stated
  // preference for domestic products (国产优先) keeps option A recommended while it leaves no more
  // system types without a candidate than option B does: the scores weigh products, not the
  // customer's policy.
  const [a, b] = [options[0]!, options[1]!];
  const prefersDomestic = u.constraintKinds.has('xinchuang-preferred') && a.applicable && a.gaps.length <= b.gaps.length;
  const recommendA = SECOND_SET_STRATEGIES.has(plans[1].strategy) || prefersDomestic || total(a) >= total(b);
  a.recommended = recommendA;
  b.recommended = !recommendA;
  return { options, exclusions, candidates };
}

/** What a fallback pick's reason starts with: the requirement that left only domestic products, else FALLBACK_NOTE. */
function fallbackNote(category: string, strategy: Strategy, u: Understanding): string {
  const domestic = strategy === 'international' ? domesticRequirement(category, u) : undefined;
  if (domestic) return `按“${domestic.text}”只选国产产品；`;
  const byLaw = strategy === 'international' ? domesticByLaw(category, u) : undefined;
  return byLaw ? `国际产品${byLaw.reason}，只选国产产品；` : FALLBACK_NOTE[strategy];
}

/**
 * What a fallback pick's reason starts with when no product of the option's kind exists (the
 * report's "same as A" line says it too). Said of what the knowledge can name, not of a market:
 * that no domestic product is mature is no fact the report can stand behind.
 */
export const FALLBACK_NOTE: Record<Strategy, string> = {
  domestic: '该类未见可具名推荐的国产产品；',
  'domestic-alt': '',
  international: '该类暂无合适的国际产品；',
  'international-alt': '',
  'cloud-native': '该云没有对应的原生服务；',
  'cloud-neutral': '',
};

/** What a core system's pick that misses what the customer needs most starts with (see Reason's `misfit`). */
const MISFIT_LEAD = '未见完全符合的产品，须与备选经POC比选后确定';

/** A misfit pick's reason: it leads with MISFIT_LEAD, which then introduces what the POC proves when that is the reason. */
function misfitWhy(reason: { text: string; basis: Pick['basis'] }): string {
  return reason.basis === 'poc' ? swapPrefix(reason.text, POC_PREFIX, `${MISFIT_LEAD}，首先验证：`) : `${MISFIT_LEAD}；${reason.text}`;
}

const OPTION_TITLES: Record<Strategy, string> = {
  domestic: '国产优先',
  'domestic-alt': '国产备选组合',
  international: '国际主流产品',
  'international-alt': '国际备选组合',
  'cloud-native': '云原生服务为主',
  'cloud-neutral': '云中立的第三方产品',
};

/**
 * A protocol every candidate of a system type speaks (HL7 v2 among HIS products) tells them
 * apart no more than REST does: the reason goes from each, and its point with it.
 */
function dropSharedProtocol(pool: Scored[]): void {
  if (pool.length < 2) return;
  const text = pool[0]!.reasons.find((r) => r.protocol)?.text;
  if (text === undefined || !pool.every((c) => c.reasons.some((r) => r.protocol && r.text === text))) return;
  for (const c of pool) {
    const at = c.reasons.findIndex((r) => r.protocol);
    c.score -= c.reasons[at]!.weight;
    c.reasons.splice(at, 1);
  }
}

/**
 * The two options. An international option with no international candidate in any system type
 * (a brokerage counter, and a database that must be domestic) would repeat option A: a second
 * domestic set is then of use, as under full 信创.
 */
function optionStrategies(u: Understanding, systems: readonly SystemType[], pools: ReadonlyMap<string, readonly Scored[]>): [OptionPlan, OptionPlan] {
  const plan = (strategy: Strategy, clouds: ReadonlySet<Provider> = u.cloudsAhead): OptionPlan => ({ strategy, clouds });
  if (u.constraintKinds.has('xinchuang-full')) return [plan('domestic'), plan('domestic-alt')];
  // Moving to a cloud still to be chosen between two (倾向华为云或阿里云): an option on each, so
  // that neither mixes the two clouds' services; moving to one: its services, or portable ones.
  // Moving without naming a cloud: the two that serve the plan best, when two do.
  const named = [...u.targetClouds];
  const targets = named.length > 0 || !u.traits.has('cloud-migration') ? named : widestClouds(systems, pools);
  if (u.cloudsInUse.size === 0 && targets.length >= 2) return [plan('cloud-native', new Set([targets[0]!])), plan('cloud-native', new Set([targets[1]!]))];
  if (u.cloudsInUse.size === 0 && named.length === 1) return [plan('cloud-native'), plan('cloud-neutral')];
  const inChina = u.jurisdictions.has('cn');
  if (!inChina && u.cloudsInUse.size === 1) return [plan('cloud-native'), plan('cloud-neutral')];
  // Whether a system type has a candidate an option of `strategy` may pick.
  const offered = (strategy: Strategy) => (s: SystemType) => (pools.get(s.category) ?? []).some((c) => eligibleFor(c, strategy, false, u.cloudsAhead));
  if (systems.length > 0 && !systems.some(offered('international'))) return [plan('domestic'), plan('domestic-alt')];
  // The mirror: no domestic product to name for any system type the project chooses (a customs
  // system's bonded ledgers, where the kept ERP is no choice): a "domestic first" option would
  // only repeat the international one, so option B is a second international set.
  const open = openSystems(systems, pools);
  if (open.length > 0 && !open.some(offered('domestic'))) return [plan('international'), plan('international-alt')];
  return [plan('domestic'), plan('international')];
}

/** Options that are a second set of the first option's kind, for comparison and bargaining: never recommended. */
export const SECOND_SET_STRATEGIES: ReadonlySet<Strategy> = new Set<Strategy>(['domestic-alt', 'international-alt']);

/** The system types the options choose a product for: not those the customer keeps (a kept product is the pick of both). */
function openSystems(systems: readonly SystemType[], pools: ReadonlyMap<string, readonly Scored[]>): SystemType[] {
  return systems.filter((s) => !(pools.get(s.category) ?? []).some((c) => c.existing));
}

/**
 * Moving to the public cloud without naming one: the two clouds with services for the most of the
 * plan's system types (ties in the order the knowledge base lists their products), so that each
 * option stays on one cloud.
 */
function widestClouds(systems: readonly SystemType[], pools: ReadonlyMap<string, readonly Scored[]>): Provider[] {
  const covered = new Map<Provider, number>();
  for (const s of systems) {
    const clouds = new Set<Provider>();
    for (const c of pools.get(s.category) ?? []) if (c.product.cloud !== 'none') clouds.add(c.product.cloud);
    for (const cloud of clouds) covered.set(cloud, (covered.get(cloud) ?? 0) + 1);
  }
  // A stable sort keeps the order of first appearance among equals.
  return [...covered].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([cloud]) => cloud);
}

/** An option's title: a cloud's native services name the cloud when the customer is moving to it. */
function optionTitle(strategy: Strategy, clouds: ReadonlySet<Provider>, u: Understanding): string {
  if (strategy !== 'cloud-native' || u.cloudsInUse.size > 0) return OPTION_TITLES[strategy];
  return `${[...clouds].map(cloudName).join('、')}托管服务为主`;
}

/** Why option B is a second domestic set: full 信创, or what each system type lacks. */
function noInternationalOption(u: Understanding, systems: readonly SystemType[]): string {
  if (u.constraintKinds.has('xinchuang-full')) return '全栈信创要求下，国际产品无法满足国产芯片、操作系统与数据库的要求';
  const required = new Map<string, string[]>();
  // Where the law leaves only domestic products (a seal with legal effect in China), by its reason.
  const lawful = new Map<string, string[]>();
  const none: string[] = [];
  for (const s of systems) {
    const domestic = domesticRequirement(s.category, u);
    const byLaw = domestic ? undefined : domesticByLaw(s.category, u);
    if (domestic) required.set(domestic.text, [...(required.get(domestic.text) ?? []), s.name]);
    else if (byLaw) lawful.set(byLaw.reason, [...(lawful.get(byLaw.reason) ?? []), s.name]);
    else none.push(s.name);
  }
  const parts = [
    ...(none.length > 0 ? [`${none.join('、')}没有满足约束的国际产品`] : []),
    ...[...required].map(([text, names]) => `${names.join('、')}须满足“${text}”`),
    ...[...lawful].map(([reason, names]) => `${names.join('、')}的国际产品${reason}`),
  ];
  // A reason of the law's has commas of its own: the parts are then set apart by semicolons.
  return parts.join(lawful.size > 0 && parts.length > 1 ? '；' : '，');
}

/** The reason a product meets a 信创 requirement. */
const XINCHUANG_ADAPTED = '已做信创适配';

/** Whose 信创 projects a vendor should have done: the customer's peers (an energy group's are not a bank's). */
function xinchuangPeers(u: Understanding): string {
  const industry = u.industry?.id;
  if (industry === 'banking' || industry === 'insurance' || industry === 'securities') return '金融';
  if (industry === 'government') return '政务';
  return u.industry ? `${u.industry.name}行业或国企` : '同行业或国企';
}

/** The origins of an option's new picks of its own kind (not those kept, nor a fallback). */
function newOrigins(picks: readonly Pick[], u: Understanding): Set<Product['origin'] | undefined> {
  return new Set(picks.filter((p) => !p.existing && !p.fallback).map((p) => u.kb.product(p.product.id)?.origin));
}

/** Whether `p` is the product option `first` (option A, when the option is B) picks for its system. */
function sameAs(first: Option | undefined, p: Pick): boolean {
  return first?.picks.some((q) => q.category === p.category && q.product.id === p.product.id) ?? false;
}

/** An option of international products whose new picks are all open source (ThingsBoard, Apache IoTDB): titled so, not "国际主流产品". */
export function onlyOpenSource(picks: readonly Pick[], u: Understanding): boolean {
  const origins = newOrigins(picks, u);
  return origins.has('oss') && !origins.has('intl');
}

const OPEN_SOURCE_TITLE = '开源产品为主';

/**
 * What an option of international products holds, said of its new picks: commercial products,
 * open-source ones (Apache Camel, Grafana), or both. The summary says what the picks are, not
 * what the option was meant to be.
 */
function internationalSummary(picks: readonly Pick[], u: Understanding): string {
  const origins = newOrigins(picks, u);
  const commercial = '功能成熟、国际合规材料齐全，成本通常较高';
  const open = '免许可费，需自有团队或第三方支持';
  if (!origins.has('oss')) return `以国际主流产品为主，${commercial}。`;
  if (!origins.has('intl')) return `以开源产品为主，${open}。`;
  // Said short: it stands where the one clause of international products stood.
  return '以国际主流与开源产品为主：前者成本较高，后者免许可费、需自有或第三方运维。';
}

/**
 * The new picks not of the option's kind (no international product may serve a seal with legal
 * effect; no domestic one is named for a licence server), named in the summary: "国际主流产品为主"
 * is then not all the option holds. Worded as the picks' own reasons (FALLBACK_NOTE): of what the
 * knowledge can name, not of a market. Option B's picks that repeat option A's are left out: the
 * report's "…的选择与方案A相同：…" line says why, and a second sentence would say it again.
 */
function otherKinds(strategy: Strategy, picks: readonly Pick[], u: Understanding): string {
  if (strategy !== 'domestic' && strategy !== 'international') return '';
  const names = picks.filter((p) => p.fallback && !p.existing).map((p) => p.categoryName);
  if (names.length === 0) return '';
  const origins = new Set(picks.filter((p) => p.fallback && !p.existing).map((p) => u.kb.product(p.product.id)?.origin ?? 'intl'));
  const chosen = [...origins].map((o) => ORIGIN_NAMES[o]).join('或');
  return strategy === 'domestic' ? `其中${names.join('、')}未见可具名推荐的国产产品，选用${chosen}产品。` : `其中${names.join('、')}没有可选的国际产品，选用${chosen}产品。`;
}

function optionSummary(strategy: Strategy, on: ReadonlySet<Provider>, u: Understanding, picks: readonly Pick[]): string {
  const clouds = [...on].map(cloudName).join('、');
  const inUse = [...on].every((c) => u.cloudsInUse.has(c));
  switch (strategy) {
    case 'domestic':
      return u.constraintKinds.has('xinchuang-full') ? `国产芯片、操作系统、数据库与中间件全栈信创，优先选择有${xinchuangPeers(u)}信创案例的厂商。${suppliedSentence(u)}` : `以国产与开源产品为主，本地交付与服务响应快，许可成本通常较低。${suppliedSentence(u)}`;
    case 'domestic-alt':
      return '另一组满足信创的国产厂商，用于比选与议价。';
    case 'international':
      return internationalSummary(picks, u);
    case 'international-alt':
      return '另一组国际厂商，用于比选与议价。';
    case 'cloud-native':
      return inUse ? `尽量使用现有${clouds}的原生服务，运维省力、与现有账号和网络一体，但与该云绑定更深。` : `迁移到${clouds}，尽量使用它的托管服务，运维省力、与云上账号、网络和监控一体，但与该云绑定更深。`;
    case 'cloud-neutral':
      return '选用不绑定单一云的第三方或开源产品，便于将来多云或回迁，运维投入较高。';
  }
}

/** Whether a scored product is of the option's kind; `xc`: the customer requires full 信创. */
function eligibleFor(c: Scored, strategy: Strategy, xc: boolean, clouds: ReadonlySet<Provider>): boolean {
  switch (strategy) {
    case 'domestic':
    case 'domestic-alt':
      return c.origin === 'cn' || (c.origin === 'oss' && (!xc || c.product.xinchuang.adapted));
    case 'international':
    case 'international-alt':
      return c.origin === 'intl' || (c.origin === 'oss' && !c.domesticLed);
    case 'cloud-native':
      return c.cloud !== 'none' ? clouds.has(c.cloud as never) : false;
    case 'cloud-neutral':
      return c.cloud === 'none';
  }
}

/** The first hard reason a product cannot be proposed, or undefined. */
const businessTexts = new WeakMap<Understanding, string>();

/** What the customer's business is and wants (industry, segment, goals, pains): what a product's `notFor` words are looked for in. Made once per understanding. */
function businessText(u: Understanding): string {
  let text = businessTexts.get(u);
  if (text === undefined) {
    const m = u.model;
    text = [m.industry.written, m.industry.segment, m.mainGoal?.text ?? '', ...m.secondaryGoals.map((g) => g.text), ...m.pains.map((x) => x.text)].join('\n');
    businessTexts.set(u, text);
  }
  return text;
}

/**
 * What the customer wants (goals and pains, and the reasons past attempts failed), each with its
 * lines and its text in lower case: what a product's `lacks` and `provides` words are looked for in.
 * Made once per understanding.
 */
const wantsKept = new WeakMap<Understanding, ReadonlyArray<{ lower: string; refs: readonly number[] }>>();

function wantsOf(u: Understanding): ReadonlyArray<{ lower: string; refs: readonly number[] }> {
  let wants = wantsKept.get(u);
  if (!wants) {
    const m = u.model;
    const stated = [...(m.mainGoal ? [m.mainGoal] : []), ...m.secondaryGoals, ...m.pains].map((x) => ({ lower: x.text.toLowerCase(), refs: x.refs }));
    // What made an attempt fail is what the next one must have ("自研规则脚本…，业务人员无法维护"
    // asks for 业务人员维护): a product that would fail the same way is told so.
    const failures = m.triedAndFailed.filter((t) => t.why !== '').map((t) => ({ lower: t.why.toLowerCase().replace(NEGATION, ''), refs: t.refs }));
    wants = [...stated, ...failures];
    wantsKept.set(u, wants);
  }
  return wants;
}

/** Words that say a failed attempt could not do something (业务人员无法维护): dropped, the rest names what is wanted. */
const NEGATION = /无法|不能|难以|没法|不便于|不便/g;

/**
 * The things of a product's `lacks` or `provides` that the customer's goals, pains or failed
 * attempts name (case aside), each said by the first of its spellings found ("薪资|薪酬|算薪" is
 * one thing), with those lines; undefined when none.
 */
function namedBy(words: readonly string[], u: Understanding): { words: string[]; refs: number[] } | undefined {
  const wants = wantsOf(u);
  const found: string[] = [];
  const refs: number[] = [];
  for (const thing of words) {
    for (const w of spellingsOf(thing)) {
      const lower = w.toLowerCase();
      const naming = wants.filter((x) => x.lower.includes(lower));
      if (naming.length === 0) continue;
      found.push(w);
      for (const x of naming) refs.push(...x.refs);
      break;
    }
  }
  return found.length > 0 ? { words: found, refs: uniqueAscending(refs).slice(0, 3) } : undefined;
}

/**
 * The first of the customer's integrations that names a protocol of `p`'s `addOn`, with those
 * protocols in the intake's spelling and its lines; undefined when none does. An integration that
 * also names a protocol `p` speaks natively ("RFC/OData" to S/4HANA, Camel speaks OData) can go
 * that way without the part.
 */
function addOnFor(p: Product, addOn: NonNullable<Product['addOn']>, u: Understanding): { system: string; protocols: string[]; refs: number[] } | undefined {
  const wanted = new Set(addOn.protocols.map((x) => x.toLowerCase()));
  const native = lowerProtocols(p) ?? [];
  for (const i of u.model.integrations) {
    if (i.protocols.some((x) => native.includes(x.toLowerCase()))) continue;
    const protocols = i.protocols.filter((x) => wanted.has(x.toLowerCase()));
    if (protocols.length > 0) return { system: i.system, protocols, refs: [...i.refs] };
  }
  return undefined;
}

/** A framework's `onlyWithSupport` (frameworks.yaml) where it applies, with the lines that state it (else the industry's). */
interface OnlyWithSupport {
  framework: string;
  categories: readonly string[];
  reason: string;
  refs: number[];
}

function exclusionOf(p: Product, category: string, u: Understanding, onlyWith: readonly OnlyWithSupport[], team?: TeamContext): Exclusion | undefined {
  const make = (kind: Exclusion['kind'], reason: string, refs: number[]): Exclusion => ({ product: refOf(p, team), category, kind, reason, refs });
  const same = sameForEveryProduct(u);
  const constraints = same.constraints;
  const tried = u.tried.get(p.id);
  if (tried) return make('failed', `曾试用并放弃${tried.why ? `：${tried.why}` : ''}`, tried.refs);
  if (p.notFor) {
    const m = u.model;
    const about = businessText(u);
    const word = p.notFor.words.find((w) => about.includes(w));
    if (word) return make('unsuited', p.notFor.reason, [...m.industry.refs, ...m.pains.filter((x) => x.text.includes(word)).flatMap((x) => x.refs)].slice(0, 3));
  }
  if (u.constraintKinds.has('xinchuang-full') && !p.xinchuang.adapted) {
    const c = constraints.get('xinchuang-full')!;
    return make('xinchuang', `未见信创适配，不满足“${c.text}”`, c.refs);
  }
  const domestic = domesticRequirement(category, u);
  if (domestic && p.origin !== 'cn') return make('domestic', `非国产产品，不满足“${domestic.text}”`, domestic.refs);
  const noCloud = constraints.get('no-public-cloud');
  const ownStack = onOwnStack(p, u);
  if (noCloud && !ownStack && (p.controlPlane === 'vendor' || (p.cloud !== 'none' && !u.cloudsInUse.has(p.cloud as never)))) {
    return make('constraint', `${p.controlPlane === 'vendor' ? '控制面或数据在厂商/公有云上' : `依赖${cloudName(p.cloud)}公有云`}，违反“${noCloud.text}”`, noCloud.refs);
  }
  const noSaas = constraints.get('no-saas');
  if (noSaas && p.controlPlane === 'vendor' && !ownStack) return make('constraint', `仅以SaaS交付，违反“${noSaas.text}”`, noSaas.refs);
  const residency = constraints.get('data-in-country');
  if (residency && p.controlPlane === 'vendor' && !p.regions.includes('cn')) return make('constraint', `SaaS数据存放在境外，违反“${residency.text}”`, residency.refs);
  // A cloud neither in use nor moved to is ruled out, unless the intake asks for a new cloud, or
  // to move to the public cloud, without naming one.
  const anyCloud = u.targetClouds.size === 0 && (u.newCloudRequested || u.traits.has('cloud-migration'));
  if (p.cloud !== 'none' && !u.cloudsAhead.has(p.cloud) && !anyCloud && !ownStack) {
    const second = constraints.get('no-second-cloud');
    const used = [...u.cloudsInUse].map(cloudName).join('、');
    const targets = [...u.targetClouds].map(cloudName).join('、');
    const customer = targets ? `客户拟迁往${targets}` : used ? `客户只用${used}` : '客户未使用公有云';
    return make('cloud', `属于${cloudName(p.cloud)}，${customer}${second ? `且要求“${second.text}”` : ''}`, second?.refs ?? (targets ? u.cloudMigration.slice(0, 3) : u.model.estate.clouds.flatMap((c) => c.refs).slice(0, 3)));
  }
  // What the project replaces (the VMware a virtualisation platform replacement leaves) is no candidate to replace it.
  const leaving = replacementOf(u, p);
  const inEstate = same.estate.get(p.id);
  if (leaving && !leaving.incumbentCompetes && inEstate) return make('replaced', `本期要替换的现有${currentName(u, p.id)}`, inEstate.refs);
  const unmet = onlyWith.find((r) => r.categories.includes(category) && !p.supports.includes(r.framework));
  if (unmet) return make('compliance', unmet.reason, unmet.refs);
  // A seal or signature that must have legal effect in China: a product of a CA licensed there.
  // After the customer's own constraints, which come first where both hold.
  const byLaw = p.origin !== 'cn' ? domesticByLaw(category, u) : undefined;
  if (byLaw) return make('compliance', byLaw.reason, byLaw.refs);
  return undefined;
}

/**
 * The need a candidate of `category` is quoted as answering (针对“…”): the first that is not the
 * main goal (what a stable sort putting main goals last gives first), of those whose leading
 * system type is this one. A need is said in the words of the rule that answers it first
 * (plan/needs.ts); one whose first system-type rule asks for another type is about that type's
 * work: the legacy core's slow launches, answered by the new core's product factory, are no
 * reason for the ESB that the same line also brings in. Else the first need as before.
 */
function needQuotedFor(category: string, needs: readonly Need[]): Need | undefined {
  const leads = (n: Need) => n.mechanisms.find((m) => m.categories.length > 0)?.categories.includes(category) ?? true;
  return needs.find((n) => n.kind !== 'main-goal' && leads(n)) ?? needs.find((n) => n.kind !== 'main-goal') ?? needs[0];
}

/** Words of a pain that the customer's own setup fails under its load. */
const OUTGROWN = /掉线|断连|扛不住|撑不住|频繁(?:宕机|故障|崩溃|重启)/;

/**
 * The lines of the pains that say the customer's own setup of `p`'s system type fails under its
 * load, answered by a rule for that system type; undefined when none does.
 */
function outgrownBy(p: Product, u: Understanding, needs: readonly Need[]): number[] | undefined {
  const lines = needs
    .filter((n) => n.kind === 'pain' && n.mechanisms.some((m) => m.categories.some((c) => p.categories.includes(c))))
    .flatMap((n) => n.refs)
    .filter((line) => u.usable.some((f) => f.line + 1 === line && OUTGROWN.test(f.value)));
  return lines.length > 0 ? lines : undefined;
}

/**
 * Words of a pain that the customer waits on its system's vendor (等厂商改版, 依赖原厂, 厂商响应慢):
 * a complaint about the vendor's service, not the product's age. Fixed strings under one
 * alternation, no quantifier: linear.
 */
const VENDOR_SERVICE = /等(?:原厂|厂商)|依赖(?:原厂|厂商)|(?:原厂|厂商)(?:响应|服务|支持|改版|排期|不配合|配合慢)/u;

/**
 * The pain that says the customer's system `estate` is being replaced because of its vendor's
 * service: a pain of the entry's own line, or that names it, with the words of such a complaint.
 * `text`: the pain from the clause that complains ("每次医保接口调整都要等厂商改版，最长拖了6周").
 */
function vendorServiceComplaint(u: Understanding, estate: { written: string; refs: readonly number[] }): { text: string; refs: number[] } | undefined {
  for (const pain of u.model.pains) {
    const about = pain.refs.some((r) => estate.refs.includes(r)) || pain.text.includes(estate.written);
    const at = about ? pain.text.search(VENDOR_SERVICE) : -1;
    if (at < 0) continue;
    const start = Math.max(pain.text.lastIndexOf('，', at), pain.text.lastIndexOf('；', at)) + 1;
    return { text: clip(pain.text.slice(start), 24), refs: [...pain.refs] };
  }
  return undefined;
}

/**
 * `stated`: the industry regulations that apply and that the customer states (see choosePicks);
 * `strength`: a product's relevant strength (strengths.ts), none when the customer wrote nothing.
 */
function score(p: Product, u: Understanding, category: string, preferred: readonly string[], needs: readonly Need[], stated: readonly string[], failed: readonly FailedVendor[] = [], strength?: (p: Product) => string | undefined, across?: AcrossClouds): Scored {
  const reasons: Reason[] = [];
  const add = (weight: number, text: string, refs: number[], specific = true) => reasons.push({ weight, text, refs, specific });
  const same = sameForEveryProduct(u);
  // The customer runs it as this kind of system: a suite it runs as its ERP is no incumbent for
  // its treasury (understand/estate.ts, usedAs).
  const estate = runAs(same.estate.get(p.id), category);
  const kept = same.kept.get(p.id);
  // What the project replaces (OA信创替代 with 泛微 e-cology 8.0 in the estate) is no incumbent
  // to build on: its vendor competes like any other, with its migration path to weigh.
  // Nor is what the kind of project replaces (the old switches of a campus network rebuild).
  const replacing = estate !== undefined && kept === undefined && ((u.model.coreSystem.replaces === true && isReplaced(u, estate)) || replacementOf(u, p) !== undefined);
  // Moving to a cloud: a self-managed MySQL, Redis or Kubernetes of the data centre moves too, to
  // the service the target cloud runs it as; it is no incumbent to build on.
  const moving = estate !== undefined && kept === undefined && !replacing && p.cloud === 'none' && movesToCloudService(u, p.categories);
  // What a pain says the customer's own setup of it cannot carry ("自建MQTT服务，接入5000台后频繁
  // 掉线") is no incumbent to build on either: it is chosen again, against the others.
  const outgrown = estate !== undefined && kept === undefined && !replacing && !moving ? outgrownBy(p, u, needs) : undefined;
  const existing = !replacing && !moving && !outgrown && (estate !== undefined || kept !== undefined);
  if (existing) add(6, `沿用现有${currentName(u, p.id)}，在其上升级、不做替换`, (estate ?? kept)!.refs);
  else if (outgrown) add(1, `现有${currentName(u, p.id)}已不堪当前规模，换用其商用集群版本也是选项`, [...estate!.refs, ...outgrown]);
  else if (replacing) {
    // Replaced because its vendor's service failed the customer (每次医保接口调整都要等厂商改版):
    // the incumbent vendor is no easier path, it is what the customer is leaving; said, and weighed.
    const complaint = vendorServiceComplaint(u, estate);
    if (complaint) add(-2, `现有${currentName(u, p.id)}的厂商，客户反映“${complaint.text}”，再选原厂须说明服务响应有何不同`, complaint.refs);
    else add(1, `现有${currentName(u, p.id)}的厂商，可评估原厂的迁移路径`, estate.refs);
  }
  else if (moving) add(1, `现有${currentName(u, p.id)}，上云后也可自建在云主机上，运维仍由客户承担`, estate.refs);
  else {
    const keptVendor = u.kept.find((k) => k.product && sameVendor(u.kb.product(k.product)?.vendor ?? '', p.vendor));
    if (keptVendor) add(3, `与保留的${keptVendor.name}同厂商，集成改造量小`, keptVendor.refs);
    else {
      // The customer's system it takes its data from (the ERP an accounting archive reads).
      const source = sourceSystemFit(u, p, category);
      if (source) add(source.weight, source.text, source.refs);
    }
    // The same vendor already failed at a similar job (由HIS厂商加装接口引擎): proposing it again needs a reason.
    const again = failed.find((f) => sameVendor(f.vendor, p.vendor));
    if (again) add(-4, `同一厂商此前“${clip(again.what, 16)}”${again.why ? `因${clip(again.why, 20)}` : ''}中止，再选须说明这次有何不同`, again.refs);
    // The licence that made the last attempt too dear: the same model again needs a reason too.
    const dear = same.perCoreFailure;
    if (dear && p.licensedBy === 'core') add(-4, `按核心（CPU）计费，客户此前“${clip(dear.what, 16)}”正因${clip(dear.why, 20)}而放弃`, dear.refs);
  }
  // The product the customer already plans to move to ("逐步升级到用友BIP").
  const planned = u.upgradeTargets.get(p.id);
  if (planned) add(4, `客户已计划升级到${dropTrailingAside(p.name)}`, [...planned]);
  const need = needQuotedFor(category, needs);
  // A need said with its figures or what it cost is quoted without them where they would not fit.
  if (preferred.includes(p.id) && need) add(2, `针对“${clip(asideDroppedBeyond(need.text, 24), 24)}”`, need.refs);
  if (p.cloud !== 'none' && u.cloudsInUse.has(p.cloud as never)) {
    const cloud = u.model.estate.clouds.find((c) => c.provider === p.cloud)!;
    const region = cloud.regions.find((r) => !r.approximate)?.written;
    add(2, `与现有${region ?? cloud.name}原生集成`, cloud.refs);
  } else if (p.cloud !== 'none' && (u.targetClouds.has(p.cloud) || (u.targetClouds.size === 0 && u.traits.has('cloud-migration')))) {
    add(2, `${cloudName(p.cloud)}的托管服务，迁移后由云厂商运维`, u.cloudMigration.slice(0, 3));
    // The service that speaks what the customer runs now takes its data and code with the least change.
    const same = u.model.estate.products.find((e) => e.product !== undefined && e.product !== p.id && sharesProtocol(u.kb.product(e.product), p));
    if (same) add(3, `兼容现有${writtenLabel(same)}，迁移改造量小`, same.refs);
  } else if (onOwnStack(p, u)) {
    add(2, `可部署在客户现有的${stackName(p.cloud as Provider)}上`, [...u.privateStacks.get(p.cloud as Provider)!]);
  }
  // Joining the customer's clouds (跨AWS与Azure的专线): what joins them does what is asked; one of
  // those clouds' own links (Direct Connect) reaches only its cloud, and would be the pick on its
  // native integration alone.
  if (across && p.joinsClouds) add(4, `可在${across.clouds}之间经云间路由建立私有互联`, across.refs);
  else if (across && p.cloud !== 'none' && u.cloudsInUse.has(p.cloud)) add(-4, `只接入${cloudName(p.cloud)}一端，单独不能打通${across.clouds}`, across.refs);
  const ban = same.ban;
  if (ban && p.controlPlane !== 'vendor') add(1, `可在本地私有化部署，满足“${ban.text}”`, ban.refs);
  const xc = same.xinchuang;
  if (xc && p.xinchuang.adapted) add(2, XINCHUANG_ADAPTED, xc.refs);
  // A requirement the customer has (stated or brought in) that the product has features for.
  const supported = stated.length > 0 ? p.supports.filter((f) => stated.includes(f)) : [];
  if (supported.length > 0) {
    const names = supported.map((f) => dropTrailingAside(u.kb.framework(f)?.name ?? f).replace(/^中华人民共和国/, ''));
    add(1, `内置${names.join('、')}所需的功能`, supported.flatMap((f) => u.statedFrameworks.get(f) ?? []));
  }
  // Others in the category support a requirement this one does not claim: say it needs proving.
  const missing = stated.filter((f) => !p.supports.includes(f) && u.kb.productsIn(p.categories[0]!).some((q) => q !== p && q.supports.includes(f)));
  if (missing.length > 0 && supported.length === 0) {
    const names = missing.map((f) => dropTrailingAside(u.kb.framework(f)?.name ?? f).replace(/^药品生产质量管理规范/, 'GMP'));
    add(-1, `${names.slice(0, 2).join('、')}的符合性需在POC中验证`, missing.flatMap((f) => u.statedFrameworks.get(f) ?? []));
  }
  // Protocols of the systems it must talk to (not the product's own kind: an HIS does not "connect to HIS").
  const own = ownKindNames(u.kb, p);
  const protocols = lowerProtocols(p);
  // REST or HTTP is spoken by nearly every product: saying so tells the customer nothing (IDoc, HL7 v2, SOAP do).
  const speaks = (x: string) => {
    const lower = x.toLowerCase();
    return !GENERIC_PROTOCOLS.has(lower) && (protocols?.some((q) => q.includes(lower)) ?? false);
  };
  const targets = protocols ? u.model.integrations.filter((i) => i.protocols.some(speaks) && !holdsAny(i.system.toLowerCase(), own)) : [];
  if (targets.length > 0) {
    const common = [...new Set(targets.flatMap((i) => i.protocols.filter(speaks)))];
    const names = [...new Set(targets.map((i) => i.system))];
    reasons.push({ weight: 1, text: `原生支持${common.join('、')}，便于对接${names.slice(0, 3).join('、')}${names.length > 3 ? '等' : ''}`, refs: targets.flatMap((i) => i.refs), specific: true, protocol: true });
  }
  const needCn = u.traits.has('china-site');
  const needGlobal = u.traits.has('overseas-site');
  if (needCn && !p.regions.includes('cn')) add(-2, '中国区服务能力有限', [], false);
  if (needGlobal && !p.regions.includes('global')) add(-2, '海外服务能力有限', [], false);
  if (needCn && needGlobal && p.regions.includes('cn') && p.regions.includes('global')) add(1, '境内外均可交付与支持', same.jurisdictionRefs.slice(), false);
  if (p.scale.includes(u.model.scale.size)) add(1, same.scaleText, same.scaleRefs.slice(), false);
  else if (category === u.model.coreSystem.category && madeForSmaller(p, u)) {
    // The core system made for smaller customers (a SaaS for small and mid sellers, for 3,000 orders
    // a second): what the whole project rests on would not carry the customer. Weighed like a thing
    // the customer asks for that the product lacks, and said with the pick.
    reasons.push({ weight: -3, text: `产品面向规模较小的客户，与客户${same.scaleFigure ?? ''}的规模不匹配`, refs: same.scaleRefs.slice(), specific: true, misfit: true });
  } else add(-1, '规模定位与客户不匹配', [], false);
  const tier = budgetTier(u);
  const above = tier !== undefined ? TIERS.indexOf(p.priceTier) - tier : 0;
  if (above >= 2) add(-2, '价格档位明显高于预算', u.model.budget.refs, false);
  else if (above === 1) add(-1, '价格档位略高于预算', u.model.budget.refs, false);
  if (p.industries && u.industry && p.industries.includes(u.industry.id)) add(1, `专为${industryWords(u.industry.name)}设计`, [], false);
  // What the product is known for speaks to what the customer wrote (汽车零部件, Teamcenter, 互联互通测评):
  // a discrete manufacturer's MES for a Tier 1 supplier, not a process plant's.
  const relevant = strength?.(p);
  // "…适合中小制造企业" speaks to a manufacturer's words, but not for a large one.
  if (relevant && !(u.model.scale.size === 'large' && relevant.includes('中小'))) add(1, relevant, u.model.industry.refs, false);
  if (p.origin === 'oss' && !estate) add(0, '开源、免许可费，需自有团队或第三方支持', [], false);
  // What the customer asks for (SPC, 8D) that this product does only with an add-on.
  // Less well than the leaders (`weaker`) weighs a point a thing: said with the pick, it decides only between near equals.
  const lacking = p.lacks ? namedBy(p.lacks.words, u) : undefined;
  if (lacking) reasons.push({ weight: p.lacks!.weaker ? -lacking.words.length : lacking.words.length > 1 ? -4 : -3, text: `客户要求的${lacking.words.join('、')}${p.lacks!.reason}`, refs: lacking.refs, specific: true, ...(p.lacks!.weaker ? {} : { misfit: true as const }) });
  // An interface the customer names that this product speaks only with a component bought apart
  // (Camel's SAP IDoc/RFC): a part to buy, weighed like a price above the budget, so that a
  // candidate that needs none (a cloud's own service) leads where the scores were equal.
  const apart = p.addOn ? addOnFor(p, p.addOn, u) : undefined;
  if (apart) add(-1, `对接${apart.system}的${apart.protocols.join('、')}${p.addOn!.reason}`, apart.refs);
  // What the customer asks for (业务人员维护 of its rules) that this product does and others lack.
  const providing = p.provides ? namedBy(p.provides.words, u) : undefined;
  if (providing) add(3, p.provides!.reason, providing.refs);
  const total = reasons.reduce((a, r) => a + r.weight, 0);
  // A stable sort, as Array.prototype.sort is, without its scratch copy (one per candidate).
  return { product: p, score: total, reasons: sortSmall(reasons, (a, b) => b.weight - a.weight), existing, origin: p.origin, cloud: p.cloud, domesticLed: p.domesticLed === true };
}

const SIZES = ['sme', 'mid', 'large'] as const;

/** The largest size of customer a product is made for. */
function largestScale(p: Product): (typeof SIZES)[number] {
  return SIZES.filter((x) => p.scale.includes(x)).at(-1) ?? 'sme';
}

/** Whether `p` is made only for customers smaller than this one (not one made only for larger ones). */
function madeForSmaller(p: Product, u: Understanding): boolean {
  return SIZES.indexOf(largestScale(p)) < SIZES.indexOf(u.model.scale.size);
}

/** A need of a system type that a rule answers by joining the customer's clouds, with the clouds as said and the need's lines. */
interface AcrossClouds {
  clouds: string;
  refs: number[];
}

/**
 * The need of a system type a rule answers by joining the customer's public clouds to one
 * another (rules.yaml `acrossClouds`), for a customer on two clouds or more; undefined otherwise.
 */
function acrossCloudsNeed(u: Understanding, needs: readonly Need[]): AcrossClouds | undefined {
  if (u.cloudsInUse.size < 2) return undefined;
  const need = needs.find((n) => n.mechanisms.some((m) => u.kb.rules.find((r) => r.id === m.rule)?.acrossClouds === true));
  if (!need) return undefined;
  const names = [...u.cloudsInUse].map(cloudName);
  return { clouds: names.length === 2 ? names.join('与') : names.join('、'), refs: [...need.refs] };
}

/** What every product's reasons say and cite alike: made once per understanding (each reason gets its own copy of the lines). */
interface SameForEveryProduct {
  /** The first three lines of the jurisdictions. */
  jurisdictionRefs: readonly number[];
  /** The first two lines of the scale figures. */
  scaleRefs: readonly number[];
  /** The reason a product's scale fits the customer's. */
  scaleText: string;
  /** The scale figure that reason names (日均订单8万单), if any. */
  scaleFigure: string | undefined;
  /**
   * The first constraint of each kind, and the first that bans public clouds or SaaS, and the
   * first of 信创: the filters and the scores ask about them for every candidate.
   */
  constraints: ReadonlyMap<string, Constraint>;
  ban: Constraint | undefined;
  xinchuang: Constraint | undefined;
  /** Per product id, the first product of the estate and the first kept system that are it: looked up for every candidate. */
  estate: ReadonlyMap<string, Understanding['model']['estate']['products'][number]>;
  kept: ReadonlyMap<string, Understanding['kept'][number]>;
  /** An attempt that failed because per-core licensing made it too dear (商业ESB按CPU授权，扩容成本过高). */
  perCoreFailure: Understanding['model']['triedAndFailed'][number] | undefined;
}

type Constraint = Understanding['model']['constraints'][number];

const sameKept = new WeakMap<Understanding, SameForEveryProduct>();

function sameForEveryProduct(u: Understanding): SameForEveryProduct {
  let same = sameKept.get(u);
  if (!same) {
    const figures = u.model.scale.figures;
    // The people who work in a landlord's parks (园区员工) are not what its systems are sized by:
    // its parks and floor area are.
    const f = figures.find((x) => holdsAny(x.label, ['日均', '峰值', '用户', '会员', '测点'])) ?? figures.find((x) => !x.occupants) ?? figures[0];
    const all = u.model.constraints;
    same = {
      estate: firstOfEach(u.model.estate.products, (e) => e.product),
      kept: firstOfEach(u.kept, (k) => k.product),
      constraints: firstOfEach(all, (c) => c.kind),
      ban: all.find((c) => c.kind === 'no-public-cloud' || c.kind === 'no-saas'),
      xinchuang: all.find((c) => c.kind === 'xinchuang-full' || c.kind === 'xinchuang-preferred'),
      jurisdictionRefs: u.model.jurisdictions.flatMap((j) => j.refs).slice(0, 3),
      scaleRefs: figures.flatMap((x) => x.refs).slice(0, 2),
      // "其中OA活跃用户约6000人" is a part of the staff in the scale list, a size here.
      scaleText: f ? `容量适合${f.text.replace(/^其中/, '')}的规模` : '规模定位匹配',
      scaleFigure: f?.text.replace(/^其中/, ''),
      perCoreFailure: u.model.triedAndFailed.find((t) => blamesPerCoreLicensing(t.why)),
    };
    sameKept.set(u, same);
  }
  return same;
}

/**
 * Whether `p` is made for the customer's industry (its `industries`) and for the scope the system
 * takes (the scope's `products`; and the product's own `scopes`, the only ones it is made for), or
 * is what the customer runs as the system and keeps: a drug traceability platform is no drinks
 * brand's channel code, a maker's ERP no dealer group's books, a truck fleet's platform no plant's
 * equipment connectivity.
 */
function madeFor(p: Product, u: Understanding, category: string, scope: CategoryScope | undefined, team?: TeamContext): boolean {
  const industry = p.industries === undefined || (u.industry !== undefined && p.industries.includes(u.industry.id));
  // A team's own product is none the embedded list can name: only its own `scopes` restrict it (a team's OMS for online sellers).
  const listed = scope?.products === undefined || scope.products.includes(p.id) || (team !== undefined && team.productSource(p.id) !== 'embedded');
  return (industry && listed && ownScopes(p, u, category, scope)) || runsAndKeeps(u, p, category);
}

/** Whether the system's scope is one the product is made for only (its `scopes` among the category's), if it names any. */
function ownScopes(p: Product, u: Understanding, category: string, scope: CategoryScope | undefined): boolean {
  // Scopes of another of its categories (EMQX is also a message queue) say nothing of this one.
  const own = p.scopes?.filter((id) => u.kb.category(category)?.scopes?.some((x) => x.id === id));
  return own === undefined || own.length === 0 || (scope !== undefined && own.includes(scope.id));
}

/** Whether the customer runs `p` as a system of `category` and the project does not replace it. */
function runsAndKeeps(u: Understanding, p: Product, category: string): boolean {
  const estate = runAs(sameForEveryProduct(u).estate.get(p.id), category);
  // One that lacks what the customer asks for (用友U8+, each store's own books, and a group
  // ledger) is replaced by its successor, not kept.
  return estate !== undefined && !isReplaced(u, estate) && !(p.lacks && namedBy(p.lacks.words, u));
}

/** The estate entry, if the customer runs the product as a system of `category`. */
function runAs<E extends { categories: readonly string[] }>(entry: E | undefined, category: string): E | undefined {
  return entry !== undefined && entry.categories.includes(category) ? entry : undefined;
}

/** Whether two products speak a protocol in common (MySQL, RESP, Kafka), the generic web ones aside. */
function sharesProtocol(a: Product | undefined, b: Product): boolean {
  const theirs = a ? lowerProtocols(a) : undefined;
  return theirs !== undefined && (lowerProtocols(b) ?? []).some((x) => !GENERIC_PROTOCOLS.has(x) && theirs.includes(x));
}

/** Protocols too common to set a product apart (lower-cased, as an integration's protocols are compared). */
const GENERIC_PROTOCOLS = new Set(['rest', 'http', 'https', 'json', 'restful', 'xml']);

/** Words of a per-core licence (按CPU, 按核心, IBM's VPC) and of licensing, lower-cased. */
const PER_CORE = ['按cpu', '按核', '按内核', '按处理器', '按物理核', '按vpc', 'per core', 'per-core', 'per cpu', 'per-cpu', 'per vcore', 'per processor'];
const LICENSING = ['授权', '许可', '计费', '收费', '计价', 'licen'];

/** Whether a reason for giving up blames per-core licensing ("商业ESB按CPU授权，扩容成本过高"). */
export function blamesPerCoreLicensing(why: string): boolean {
  const lower = why.toLowerCase();
  return PER_CORE.some((w) => lower.includes(w)) && LICENSING.some((w) => lower.includes(w));
}

/** The first item of `items` for each key (`key` undefined: the item has none), as `find` by that key would give it. */
function firstOfEach<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T> {
  const first = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined && !first.has(k)) first.set(k, item);
  }
  return first;
}

/** Budget tier per year in CNY: low < 144万, mid < 720万, high < 3600万, premium above. */
function budgetTier(u: Understanding): number | undefined {
  const b = u.model.budget;
  if (!b.total) return undefined;
  const cny = inCny(b.total.amount, b.total.currency);
  const perYear = b.perYear ? cny : cny / b.horizonYears;
  return perYear < 1_440_000 ? 0 : perYear < 7_200_000 ? 1 : perYear < 36_000_000 ? 2 : 3;
}

function refOf(p: Product, team: TeamContext | undefined): Pick['product'] {
  if (!team) return { id: p.id, name: p.name, vendor: p.vendor };
  const policy = team.policyOf(p.vendor)?.policy;
  return { id: p.id, name: p.name, vendor: p.vendor, source: team.productSource(p.id), ...(policy === 'preferred' || policy === 'partner' ? { policy } : {}) };
}

const POLICY_RANK = { preferred: 2, partner: 1, none: 0, blocked: 0 } as const;
const POLICY_NAMES = { preferred: '首选', partner: '合作' } as const;

/** A blocked vendor's product, unless the customer already runs it (keeping it sells nothing). */
function policyExclusion(p: Product, category: string, u: Understanding, team: TeamContext | undefined): Exclusion | undefined {
  const policy = team?.policyOf(p.vendor);
  if (policy?.policy !== 'blocked') return undefined;
  if (u.model.estate.products.some((e) => e.product === p.id) || u.kept.some((k) => k.product === p.id)) return undefined;
  return { product: refOf(p, team), category, kind: 'policy', reason: `团队厂商政策不采用${p.vendor}${policy.reason ? `：${policy.reason}` : ''}`, refs: [] };
}

/** What the appendix says of a candidate the team's policy favours: the policy, and the tie it won. */
/** An industry as a reason names it: 制造业, 建筑业 as they are; 保险 as 保险行业. */
function industryWords(name: string): string {
  return name.endsWith('业') ? name : `${name}行业`;
}

/** How many notes of a candidate the appendix's comparison shows (write/report.ts). */
export const SHOWN_NOTES = 3;

/**
 * A candidate's notes in the order the appendix shows them: the team's policy, a strong objection
 * (the vendor or licence that failed before), then the reasons as scored; where the notes shown
 * would name no weakness although the candidate has one (海外服务能力有限 after three pluses), the
 * first weakness takes the last place shown: a score must not read as praise alone.
 */
function candidateNotes(c: Scored, policy: readonly string[]): string[] {
  const reasons = [...c.reasons.filter((r) => r.weight <= -3), ...c.reasons.filter((r) => r.weight > -3)];
  const room = SHOWN_NOTES - policy.length;
  const weakness = reasons.findIndex((r) => r.weight < 0);
  if (room > 0 && weakness >= room) reasons.splice(room - 1, 0, ...reasons.splice(weakness, 1));
  return [...policy, ...reasons.map((r) => r.text)];
}

function policyNotes(c: Scored, list: readonly Scored[], rank: (c: Scored) => number, team: TeamContext | undefined): string[] {
  const policy = team?.policyOf(c.product.vendor)?.policy;
  if (policy !== 'preferred' && policy !== 'partner') return [];
  const beaten = list.filter((o) => o !== c && o.score === c.score && rank(o) < rank(c) && list.indexOf(o) > list.indexOf(c));
  const tie = beaten.length > 0 ? `，与${beaten.map((o) => o.product.name).slice(0, 2).join('、')}同分时按团队厂商政策优先` : '';
  return [`团队${POLICY_NAMES[policy]}厂商${tie}`];
}

function refsOr(refs: number[], fallback: readonly number[]): number[] {
  return refs.length > 0 ? refs : [...fallback];
}

function refsOf(c: Scored, common: readonly string[]): number[] {
  return uniqueAscending(c.reasons.filter((r) => r.weight > 0 && r.specific && !common.includes(r.text)).slice(0, 2).flatMap((r) => r.refs));
}

/**
 * Why the pick fits, and what that rests on: its strongest customer-specific reasons that not
 * every pick shares (`customer`); else the clause of the product's strength that speaks to what
 * the customer wrote (`product`: "互联互通测评案例多" for a hospital aiming at 四级甲等); else
 * nothing in the intake tells the candidates apart, and the reason is what the POC must prove
 * (`poc`). A brochure line that would fit any customer is never a reason. The need a system type
 * answers is said once, for the system type, so "针对…" is not repeated per pick.
 */
function why(c: Scored, sentences: readonly string[], common: readonly string[], corpus: string, proof: string, clouds: ReadonlySet<string>, stop: ReadonlySet<string>, strength: (p: Product) => string | undefined, xinchuang: boolean): { text: string; basis: Pick['basis'] } {
  const own = c.reasons.filter((r) => r.weight > 0 && r.specific && !common.includes(r.text) && !r.text.startsWith('针对')).slice(0, 2).map((r) => r.text);
  // What speaks against it for this customer; besides, what the customer asked for that it does
  // less well (a product's `lacks`, "客户要求的三厂统一上线，而其…"), the trade-off of picking it.
  const against = c.reasons.filter((r) => r.weight < 0 && r.specific);
  const asked = against.find((r) => r.text.startsWith('客户要求的'));
  const warning = [...new Set([against[0]?.text, asked?.text].filter((x): x is string => x !== undefined))].join('；') || undefined;
  // A system the customer keeps comes with what upgrading it involves (新老产品线迁移, 7.4起许可变更).
  // A caveat that touches what the customer wrote (海外渠道能力有限, for a cross-border seller) is said with the pick;
  // `sentences` are the caveat's this customer is to be told (not 非东华HIS… to a hospital on 东华's HIS).
  const ownWords = stopWithOwnName(stop, c.product);
  // A caveat about 信创 speaks only to a customer who requires it ("不满足信创要求" shares 满足…要求 with any requirement).
  // The caveat the warning already says (an add-on's "需SAP JCo库…", picks.ts score) is not said twice.
  const said = warning !== undefined && c.product.addOn !== undefined && warning.endsWith(c.product.addOn.reason) ? c.product.addOn.reason : undefined;
  const relevantCaveat = sentences.find((x) => touches(x, corpus, ownWords) && !namesOtherCloud(x, clouds) && (xinchuang || !aboutXinchuang(x)) && (said === undefined || !x.includes(said)));
  const caveat = c.existing ? (relevantCaveat ?? sentences[0]) : relevantCaveat;
  const tail = [...(warning ? [warning] : []), ...(caveat ? [`注意${swapPrefix(caveat, '注意')}`] : [])];
  if (own.length > 0) return { text: [...own, ...tail].join('；'), basis: 'customer' };
  const relevant = strength(c.product);
  if (relevant) return { text: [relevant, ...tail].join('；'), basis: 'product' };
  return { text: [`${POC_PREFIX}${proof}`, ...tail].join('；'), basis: 'poc' };
}

/** What a reason of basis `poc` starts with. */
const POC_PREFIX = '需在POC中验证：';

/** Whether a caveat is about 信创 (domestic chips, operating systems, databases). */
function aboutXinchuang(sentence: string): boolean {
  return holdsAny(sentence, ['信创', '国产数据库', '国产化', '国产芯片', '国产操作系统']);
}

/**
 * What sets the alternative apart for this customer: its own specific reason the pick lacks, else
 * the relevant clause of its strength; its origin when that differs. Empty when nothing does.
 * For a kept system that covers only part of the type, the part it would replace.
 */
function altWhy(c: Scored, versus: Scored, common: readonly string[], strength: (p: Product) => string | undefined): string {
  const taken = new Set(versus.reasons.map((r) => r.text));
  const own = c.reasons.find((r) => r.weight > 0 && r.specific && !taken.has(r.text) && !common.includes(r.text) && !r.text.startsWith('针对'))?.text ?? strength(c.product);
  const parts = own ? [own] : [];
  if (c.product.origin !== versus.product.origin) parts.push(`${ORIGIN_NAMES[c.product.origin]}产品`);
  // What speaks against it (the same vendor failed before) is said with it, not left to the appendix.
  const warning = c.reasons.find((r) => r.weight < 0 && r.specific && !taken.has(r.text))?.text;
  return [parts.join('，'), warning ?? ''].filter(Boolean).join('；但');
}

/**
 * The intake names a current core system that is no product the plan can build on (自研TMS), yet
 * a goal needs what a product of its type brings (智能排线): the plan picks one. The report must
 * not then say the current system stays; it says the replacement is to be confirmed (and the
 * clarifications ask).
 */
export function replacesCore(model: { options: readonly Option[] }, u: Understanding): boolean {
  const core = u.model.coreSystem;
  if (core.inScope || core.basis === 'unknown' || core.basis === 'industry' || !core.category) return false;
  const pick = model.options.find((o) => o.recommended)?.picks.find((p) => p.category === core.category);
  return pick !== undefined && !pick.existing;
}

/**
 * A product the customer runs, as the customer names it: the kept system (卫宁HIS), else what the
 * intake wrote with its version (Redis 5.0), else the product's name.
 */
export function currentName(u: Understanding, id: string): string {
  const same = sameForEveryProduct(u);
  const kept = same.kept.get(id);
  if (kept) return kept.name;
  const estate = same.estate.get(id);
  if (estate) return writtenLabel(estate);
  return dropTrailingAside(u.kb.product(id)?.name ?? id);
}

const kindWords = new WeakMap<object, Set<string>>();

/** The Latin names of system types (HIS, EMR, MES, API…): every product of a kind says them, so they prove nothing. */
function systemTypeWords(u: Understanding): Set<string> {
  let words = kindWords.get(u.kb);
  if (!words) {
    words = new Set<string>();
    for (const c of u.kb.categories) for (const name of [c.name, ...c.aliases]) for (const w of name.split(/[^A-Za-z0-9]+/)) if (/[A-Za-z]/.test(w) && w.length >= 3) words.add(w.toLowerCase());
    kindWords.set(u.kb, words);
  }
  return words;
}

/** What the customer wrote about itself: industry, segment, goals, pains, integrations, scale and the products it runs. */
function customerText(u: Understanding): string {
  const m = u.model;
  // The products the customer runs count: a strength about them ("与Teamcenter形成设计到制造闭环") is about this customer.
  return [m.industry.written, m.industry.segment, m.mainGoal?.text ?? '', ...m.secondaryGoals.map((g) => g.text), ...m.pains.map((p) => p.text), ...m.integrations.map((i) => i.system), ...m.scale.figures.map((f) => f.text), ...m.estate.products.map((e) => e.written)].join('\n');
}

/** What a POC of the system proves (categories.yaml `proof`, or its scope's), or a general line. */
function proofOf(system: SystemType, u: Understanding): string {
  return scopeOf(u, system)?.proof ?? u.kb.category(system.category)?.proof ?? '在客户的真实数据与峰值负载上演示关键场景';
}

export interface FailedVendor {
  vendor: string;
  what: string;
  why: string;
  refs: number[];
}

/**
 * Vendors behind what failed before: the vendor of a product named in the attempt, or of the
 * customer's own system a "HIS厂商" / "ERP厂商" refers to (由HIS厂商加装接口引擎 → 卫宁健康).
 */
export function failedVendors(u: Understanding): FailedVendor[] {
  const out: FailedVendor[] = [];
  for (const t of u.model.triedAndFailed) {
    const vendors = new Set<string>();
    for (const id of t.products) {
      const v = u.kb.product(id)?.vendor;
      if (v) vendors.add(v);
    }
    const at = t.what.indexOf('厂商');
    if (at > 0) {
      const word = lastWord(t.what.slice(0, at));
      const categories = u.kb.categories.filter((c) => [c.name, ...c.aliases].some((a) => a.toLowerCase() === word.toLowerCase())).map((c) => c.id);
      const own = [...u.model.estate.products.map((e) => e.product), ...u.kept.map((k) => k.product)].filter((id): id is string => id !== undefined);
      for (const id of own) {
        const p = u.kb.product(id);
        if (p && p.categories.some((c) => categories.includes(c))) vendors.add(p.vendor);
      }
    }
    for (const vendor of vendors) out.push({ vendor, what: t.what, why: t.why, refs: t.refs });
  }
  return out;
}

/** The word right before a position: a run of ASCII letters (HIS), else the last two Chinese characters. */
function lastWord(text: string): string {
  let i = text.length;
  while (i > 0 && /[A-Za-z]/.test(text[i - 1]!)) i--;
  return i < text.length ? text.slice(i) : text.slice(-2);
}

/**
 * The part of a composite system type (HIS/EMR) that the kept system does not cover and that the
 * intake names as a system of its own: the EMR when only the HIS is kept.
 */
function uncoveredPart(category: string, u: Understanding): string | undefined {
  const name = u.kb.category(category)?.name ?? '';
  const parts = name.split('/').map((x) => x.trim()).filter((x) => x.length >= 2);
  if (parts.length < 2) return undefined;
  const keptNames = [...u.kept.filter((k) => k.category === category).map((k) => k.name), ...u.model.estate.products.filter((e) => e.categories.includes(category)).map((e) => e.written)].join(' ').toUpperCase();
  const covered = parts.filter((x) => keptNames.includes(x.toUpperCase()));
  if (covered.length === 0) return undefined;
  const named = new Set(u.model.integrations.map((i) => i.system.toUpperCase()));
  return parts.find((x) => !covered.includes(x) && named.has(x.toUpperCase()));
}
