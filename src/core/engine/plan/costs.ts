/**
 * The cost model: per-component estimates (licence or subscription, infrastructure,
 * implementation, operations) for the recommended picks, sized from the intake (servers, users,
 * TB, sites, links) with every assumption stated; one-time and recurring spend kept apart; a
 * TCO over the budget's horizon; an open comparison with the budget, saying what to cut or phase
 * when it does not fit; the benefits, only from the customer's own figures (benefits.ts).
 *
 * Unit prices are the categories' cost profiles (categories.yaml, 万元, mid price tier): planning
 * figures, labelled as estimates to confirm with quotes. A team's price list (team/merge.ts)
 * replaces the licence estimate of each product it prices on the report date, labelled as the
 * team's (the item's `source` and `priceList`, and its assumption).
 */
import type { Category, Product } from '../../knowledge/schema';
import { scopeOf } from './scopes';
import type { TeamContext, TeamPrice } from '../../team/types';
import { CNY_PER, formatAmount, formatRange, inCny, inCurrency, round, shownInRange } from '../format';
import type { CostItem, Costs, Option, ReportModel, SystemType } from '../reportModel';
import { findMoney } from '../../facts/money';
import { knowledgeIndex } from '../text/knowledgeIndexes';
import { findFigures } from '../text/figures';
import { clip, shortName } from '../text/restate';
import { currentName } from './picks';
import type { Understanding } from '../understand';
import { domesticRequirement } from './domestic';
import { benefitsOf, licenceEnded, spendCut } from './benefits';
import { onOwnStack } from './ownStack';
import { deferralUnits, type DeferralUnit } from './deferral';


/** A category's cost profile, or its scope's (categories.yaml `cost`). */
type CostProfile = Category['cost'];

const TIER_FACTOR = { low: 0.4, mid: 1, high: 1.8, premium: 3 } as const;
const SIZE_FACTOR = { sme: 0.5, mid: 1, large: 1.5 } as const;
const SIZE_NAMES = { sme: '中小型', mid: '中型', large: '大型' } as const;
/** The place of a size in a profile's [sme, mid, large] lists (defaultUnits, a price unit's fallback). */
const SIZE_INDEX = { sme: 0, mid: 1, large: 2 } as const;
const DRIVER_NAMES = { hosts: '台服务器', nodes: '个节点', users: '名内部用户', endpoints: '台终端', tb: 'TB数据', sites: '个站点', links: '条互联链路', project: '个项目' } as const;
/** The yearly operations of a perpetual licence: the vendor's maintenance fee with the running work. */
const MAINTENANCE = '年度维保与运维';
/** A cloud's managed service: the fee is a fraction of a licence; the servers it runs on are billed already. */
const MANAGED_FACTOR = 0.3;
/**
 * A subscription bought outright instead, for a customer who buys so (付费偏好：软件买断): the
 * perpetual licence as this many years of the subscription, and its yearly maintenance as a share
 * of it (a vendor's list rate is commonly 15–20%). Planning assumptions, said so in the report,
 * not any vendor's price: the same for every product, to be replaced by the vendor's quote.
 */
const PERPETUAL_YEARS = 3;
/** Percent of the perpetual licence a year. */
const MAINTENANCE_PERCENT: readonly [number, number] = [15, 20];
const MAINTENANCE_RATE_TEXT = `买断价的${MAINTENANCE_PERCENT[0]}%–${MAINTENANCE_PERCENT[1]}%/年`;
/** The maintenance of a licence bought outright in place of a subscription, as its item says it. */
const BOUGHT_MAINTENANCE = `年度维保（${MAINTENANCE_RATE_TEXT}，常见费率区间，规划假设）`;
/** A vendor's yearly maintenance fee among the operations items. */
const isMaintenance = (i: CostItem) => i.kind === 'operations' && (i.assumption === MAINTENANCE || i.assumption === BOUGHT_MAINTENANCE);

/**
 * Whether the report prices nothing: the plan builds no system (testing fees alone are no
 * estimate), or nothing was priced. Every total would then read ¥0: the report and the LLM
 * grounding say that nothing is estimated yet instead.
 */
export function pricesNothing(model: Pick<ReportModel, 'costs' | 'plan'>): boolean {
  return !model.costs || model.costs.items.length === 0 || (model.plan?.systems.length ?? 0) === 0;
}

export function estimateCosts(u: Understanding, systems: readonly SystemType[], option: Option | undefined, regulated: { mlps: boolean; crypto: boolean; csv: boolean }, team?: TeamContext): Costs {
  const currency = u.model.budget.total?.currency ?? 'CNY';
  const rate = CNY_PER[currency] ?? 1;
  const years = u.model.budget.horizonYears;
  const toCurrency = (wan: number) => (wan * 1e4) / rate;
  const items: CostItem[] = [];
  const assumptions: string[] = [];
  const size = u.model.scale.size;
  /** Products whose licence comes from the team's price list. */
  const teamPriced: string[] = [];
  /** What the estimate leaves out that is a principal investment, not a minor extra: the budget comparison judges only the rest. */
  const unpriced: string[] = [];
  /** For a customer who buys outright: the products priced so, and those kept on subscription, by why. */
  const outright: Outright = { bought: [], cannot: [], unknown: [] };
  if (currency !== 'CNY') assumptions.push(`估算以人民币单价计，按1 ${currency}≈${rate}元人民币折算。`);
  if (u.model.scale.assumed) assumptions.push('调研表未量化业务规模，按中型企业估算。');
  if (u.model.budget.horizonAssumed) assumptions.push(`调研表未注明周期，按${years}年测算TCO。`);
  // Moving to a cloud, the bill for what moves (compute, storage, bandwidth) is the largest running
  // cost, and it depends on an application inventory the intake does not give.
  if (u.traits.has('cloud-migration')) assumptions.push('迁移后的云资源费用（计算、存储与带宽）须按应用清单与规格另行测算，未计入上表。');
  // A new DR site: its room, links, compute and storage depend on what it takes over, which the
  // backup and replication licences above do not cover. They are most of what a DR site costs.
  if (systems.some((s) => s.category === 'backup-dr') && [u.model.mainGoal, ...u.model.secondaryGoals].some((g) => g && DR_SITE.test(g.text))) {
    assumptions.push(`${DR_SITE_BUILD}按接管系统的规模另行测算，未计入上表。`);
    unpriced.push(DR_SITE_BUILD);
  }
  // Connecting the equipment it sold, each device needs a gateway and a data plan: priced by the
  // device models and networks, which the intake does not give.
  const devices = u.model.scale.figures.find((f) => DEVICE_COUNT.test(f.text));
  if (u.traits.has('equipment-service') && devices) assumptions.push(`${clip(devices.text, 16)}的联网网关与通信流量费用按机型与网络条件另行测算，未计入上表。`);
  // A new virtualisation platform is priced node for node against today's servers; sized on measured use, it is usually fewer.
  if (systems.some((s) => s.category === 'hyperconverged-virtualization') && u.model.estate.nodes !== undefined) assumptions.push('虚拟化平台的节点按现有服务器台数估算；按虚拟机近30天的实际用量与增长余量规划后，节点数与费用可相应调整。');

  for (const s of systems) {
    const pick = option?.picks.find((p) => p.category === s.category);
    const category = u.kb.category(s.category);
    if (!pick || !category) continue;
    const product = u.kb.product(pick.product.id)!;
    // The narrower system the intake asks for has a price of its own (categories.yaml `scopes`).
    const profile = scopeOf(u, s)?.cost ?? category.cost;
    // A supporting platform component is sized by its workload, not by the whole enterprise.
    const sizeHere = s.role === 'core' || size !== 'large' ? size : 'mid';
    const { units, basis } = unitsFor(category, profile, u, sizeHere);
    // A programme extends the customer's own product to all of its scope (categories.yaml
    // extendedBy: backup software to every system, a delivery platform to every team): licences
    // and infrastructure for all of it are new spend, its current licences to credit (said so).
    // Any other product kept is only upgraded and tuned.
    const extendedTo = pick.existing && category.extendedBy && u.traits.has(category.extendedBy.trait) ? category.extendedBy.to : undefined;
    const extended = extendedTo !== undefined;
    const existing = pick.existing && !extended;
    // Open source pays no licence; hardware it still buys, at no vendor's premium.
    // A pick no candidate fits is chosen against its alternative by POC: priced as the dearer of the
    // two, so that the budget is not judged on the cheaper product the POC may well turn down.
    const rival = pick.misfit && pick.alternative ? u.kb.product(pick.alternative.product.id) : undefined;
    const dearer = rival && tierOf(rival, profile, u) > tierOf(product, profile, u) ? rival : undefined;
    const tier = tierOf(dearer ?? product, profile, u);
    const scale = profile.driver === 'project' ? SIZE_FACTOR[sizeHere] : 1;
    const name = `${s.name}（${pick.existing ? `现有${currentName(u, pick.product.id)}` : rival ? `${shortName(pick.product.name)}或${shortName(rival.name)}，待POC选定` : shortName(pick.product.name)}）`;
    if (dearer) assumptions.push(`${s.name}的候选待POC选定，按其中价格档位较高的${shortName(dearer.name)}估算。`);
    const price = team && !pick.existing ? team.priceOf(pick.product.id, u.asOf) : undefined;
    const priced = price ? teamLicence(price, category, profile, u, sizeHere, currency) : undefined;
    const licence = priced ? ([priced.wan, priced.wan] as [number, number]) : band(profile.licencePerUnit.map((x) => x * units * tier * scale) as [number, number]);
    const licenceModel = priced ? (price!.period === 'one-time' ? 'perpetual' : 'subscription') : profile.licenceModel;
    // A customer who buys outright: a subscription its vendor also sells outright is priced so.
    const fit = !priced && !existing && licence[1] > 0 && licenceModel === 'subscription' ? outrightFit(product, u) : undefined;
    if (fit) (fit === 'perpetual' ? outright.bought : fit === 'unknown' ? outright.unknown : outright.cannot).push({ name: shortName(pick.product.name), why: fit });
    const from = team ? { source: price ? price.source : ('embedded' as const), ...(price?.list ? { priceList: price.list } : {}) } : {};
    if (price) teamPriced.push(pick.product.name);
    const implFactor = existing ? 0.4 : 1;
    const implSize = profile.driver === 'project' ? SIZE_FACTOR[sizeHere] : Math.min(4, Math.max(0.5, (units / Math.max(1, profile.defaultUnits[1])) ** 0.6));
    // Work done again for each legal entity or store the intake counts (a group's books): the
    // work done once plus each entity's, in place of a range sized by the profile's own units.
    const perEntity = implementationPerEntity(profile, u);
    const impl = perEntity ? (perEntity.wan.map((x) => x * implFactor) as [number, number]) : band(profile.implementation.map((x) => x * implSize * implFactor) as [number, number]);
    const infraPerUnit = infraWith(profile, systems, option) ?? profile.infraPerUnit;
    const infra = band(infraPerUnit.map((x) => x * units * (profile.driver === 'project' ? SIZE_FACTOR[sizeHere] : 1)) as [number, number]);
    const basisText = `${basis}${existing ? '；沿用现有产品，只计升级与调优' : extended ? `；现有产品扩展到${extendedTo}，已有许可可抵扣` : ''}`;
    if (!existing && licence[1] > 0 && licenceModel === 'hardware') {
      items.push({ component: name, category: s.category, kind: 'infrastructure', period: 'one-time', low: toCurrency(licence[0]), high: toCurrency(licence[1]), assumption: `硬件采购，${basisText}`, ...from });
    } else if (!existing && licence[1] > 0 && fit === 'perpetual') {
      const bought = licence.map((x) => x * PERPETUAL_YEARS) as [number, number];
      items.push({ component: name, category: s.category, kind: 'licence', period: 'one-time', low: toCurrency(bought[0]), high: toCurrency(bought[1]), assumption: `买断许可（按调研表的付费偏好；买断价按${PERPETUAL_YEARS}年订阅费估算，规划假设），${basisText}`, ...from });
      items.push({ component: name, category: s.category, kind: 'operations', period: 'per-year', low: toCurrency((bought[0] * MAINTENANCE_PERCENT[0]) / 100), high: toCurrency((bought[1] * MAINTENANCE_PERCENT[1]) / 100), assumption: BOUGHT_MAINTENANCE, ...from });
    } else if (!existing && licence[1] > 0) {
      items.push({ component: name, category: s.category, kind: 'licence', period: licenceModel === 'subscription' ? 'per-year' : 'one-time', low: toCurrency(licence[0]), high: toCurrency(licence[1]), assumption: priced ? priced.text : `${profile.licenceModel === 'subscription' ? `订阅${fit && fit !== 'perpetual' ? `（${OUTRIGHT_WHY[fit]}）` : ''}` : '买断许可'}，${basisText}`, ...from });
    }
    const implBasis = perEntity ? `：${perEntity.once}一次约${formatRange(toCurrency(perEntity.base[0] * implFactor), toCurrency(perEntity.base[1] * implFactor), currency)}，另按调研表的${perEntity.figure}${perEntity.what}，每${perEntity.measure}约${formatRange(toCurrency(perEntity.each[0] * implFactor), toCurrency(perEntity.each[1] * implFactor), currency)}` : '';
    if (impl[1] > 0) items.push({ component: name, category: s.category, kind: 'implementation', period: 'one-time', low: toCurrency(impl[0]), high: toCurrency(impl[1]), assumption: `${existing ? '升级、调优与集成' : '实施、集成与数据迁移'}${implBasis}` });
    // What the customer runs already (its licence, servers and support) is today's spend, not new spend.
    if (existing) continue;
    if (infra[1] > 0 && (profile.infraBesideSaas || !vendorHosted(product, category))) items.push({ component: name, category: s.category, kind: 'infrastructure', period: 'per-year', low: toCurrency(infra[0]), high: toCurrency(infra[1]), assumption: `服务器、存储或线路，${basis}` });
    const opsBase: [number, number] = licenceModel === 'perpetual' || licenceModel === 'hardware' ? licence : [licence[0] * 0.5, licence[1] * 0.5];
    const [share0, share1] = profile.operationsShare;
    const ops: [number, number] = opsBase[1] > 0 ? [opsBase[0] * share0, opsBase[1] * share1] : [impl[0] * 0.1, impl[1] * 0.1];
    if (ops[1] > 0) items.push({ component: name, category: s.category, kind: 'operations', period: 'per-year', low: toCurrency(ops[0]), high: toCurrency(ops[1]), assumption: licenceModel === 'hardware' ? '硬件维保与运维' : licenceModel === 'perpetual' && licence[1] > 0 ? MAINTENANCE : '运维与技术支持' });
    const usage = usageFor(profile, u);
    if (usage) items.push({ component: `${s.name}（${profile.usage!.what}）`, category: s.category, kind: 'licence', period: 'per-year', low: toCurrency(usage.wan[0]), high: toCurrency(usage.wan[1]), assumption: usage.basis, usage: true });
  }
  // Replacing the databases, the applications' stored procedures and SQL are most of the work:
  // priced per system the intake counts, else said to follow the migration assessment.
  if (u.traits.has('database-replacement') && systems.some((s) => s.category === 'transactional-db')) {
    const count = u.model.scale.figures.find((f) => f.text.includes('系统') && /套|个/.test(f.text) && f.value > 0)?.value;
    if (count !== undefined) {
      const [low, high] = MIGRATION_PER_SYSTEM_WAN.map((x) => toCurrency(x * count)) as [number, number];
      items.push({ component: '应用适配与数据迁移', category: 'transactional-db', kind: 'implementation', period: 'one-time', low, high, assumption: `按调研表的${round(count, 0)}套系统，每套${MIGRATION_PER_SYSTEM_WAN[0]}–${MIGRATION_PER_SYSTEM_WAN[1]}万元（存储过程与SQL改造、数据迁移与割接演练），以迁移评估结果为准` });
    } else assumptions.push('应用侧的存储过程与SQL改造、数据迁移与割接演练按迁移评估的结果另行测算，未计入上表。');
  }
  if (regulated.mlps) {
    // 第二级 is tested about every two years and costs less per test than 第三级, tested every
    // year; 第四级 is tested every half year.
    const second = u.mlpsLevel === '第二级';
    const fourth = u.mlpsLevel === '第四级';
    const [low, high, assumption] = second ? [2, 5, '按一个二级系统测评估算（二级约每两年测评一次，按年折算）'] : fourth ? [16, 30, '按一个四级系统测评估算（四级每半年测评一次）'] : [8, 15, '按一个三级系统测评估算'];
    items.push({ component: '等保测评', kind: 'assessment', period: 'per-year', low: toCurrency(low), high: toCurrency(high), assumption });
  }
  if (regulated.crypto) items.push({ component: '密评', kind: 'assessment', period: 'one-time', low: toCurrency(15), high: toCurrency(30), assumption: '密码应用方案评审与上线前评估' });
  if (regulated.csv) {
    const impl = items.filter((i) => i.kind === 'implementation');
    const low = impl.reduce((a, i) => a + i.low, 0) * 0.2;
    const high = impl.reduce((a, i) => a + i.high, 0) * 0.3;
    items.push({ component: '计算机化系统验证（CSV）', kind: 'assessment', period: 'one-time', low, high, assumption: '按实施工作量的20%–30%估算' });
  }
  const oneTime = sum(items, 'one-time');
  const perYear = sum(items, 'per-year');
  // Project management and contingency: 10% of the one-time spend.
  const pm = { low: oneTime.low * 0.1, high: oneTime.high * 0.1 };
  if (pm.high > 0) items.push({ component: '项目管理与应急储备', kind: 'implementation', period: 'one-time', low: pm.low, high: pm.high, assumption: '一次性投入的10%' });
  const once = { low: oneTime.low + pm.low, high: oneTime.high + pm.high };
  const total = { low: once.low + perYear.low * years, high: once.high + perYear.high * years };
  const totals: Costs['totals'] = [
    { period: 'one-time', low: once.low, high: once.high, text: formatRange(once.low, once.high, currency) },
    { period: 'per-year', low: perYear.low, high: perYear.high, text: `${formatRange(perYear.low, perYear.high, currency)}/年` },
    { period: 'total', low: total.low, high: total.high, text: formatRange(total.low, total.high, currency) },
  ];
  // What the estimate of a kind assumes or leaves out (categories.yaml cost.note), once per kind priced.
  for (const c of new Set(items.map((i) => i.category))) {
    const system = systems.find((x) => x.category === c);
    const profile = c !== undefined ? (scopeOf(u, system)?.cost ?? u.kb.category(c)?.cost) : undefined;
    // What the note leaves out may be priced too (a 信创 plan's domestic database): then its other words.
    const instead = profile?.noteWith && items.some((i) => i.category !== undefined && profile.noteWith!.categories.includes(i.category)) ? profile.noteWith.note : undefined;
    const note = instead ?? profile?.note;
    if (note && !assumptions.includes(note)) assumptions.push(note);
    // What the note leaves out, when it is a principal investment (categories.yaml cost
    // `majorExclusion`); not once the other note says the estimate prices more.
    if (!instead && profile?.majorExclusion && !unpriced.includes(profile.majorExclusion)) unpriced.push(profile.majorExclusion);
  }
  assumptions.push(...outrightSaid(outright, u.model.budget.perpetual));
  if (teamPriced.length > 0) assumptions.push(`${teamPriced.join('、')}的许可按团队价目表计价（见附录成本明细），其余为规划估算。`);
  assumptions.push('单价为规划参考区间（中档价格、国内市场），以厂商报价为准；开源产品不计许可费，计入运维人力。');
  // Who to negotiate a licence with: the vendor of the option's pick for the item's system type.
  const vendorOf = (category: string | undefined) => {
    const pick = option?.picks.find((p) => p.category === category);
    return pick ? u.kb.product(pick.product.id)?.vendor : undefined;
  };
  const currentSpend = u.traits.has('cloud-migration') ? spendToBeat(u, currency) : undefined;
  // What the advice may defer: neither what the main goal builds nor what a 信创 requirement
  // names, nor a system brought in only to connect the systems the intake says to integrate
  // (SAP S/4HANA保留，接口RFC/OData): deferring it cuts them off from what is built. Each with
  // the systems that take their data from it, which cannot stay without it.
  const integrationLines = new Set(u.model.integrations.flatMap((i) => i.refs));
  const onlyConnects = (x: SystemType) => x.refs.length > 0 && x.refs.every((r) => integrationLines.has(r));
  const candidates = systems.filter((x) => !(u.model.mainGoal?.refs ?? []).some((r) => x.refs.includes(r)) && domesticRequirement(x.category, u) === undefined && !onlyConnects(x));
  const units = deferralUnits(systems, candidates, (c) => needsDataFrom(u, c));
  const budget = compareBudget(u, once, perYear, total, years, currency, units, items, vendorOf, unpriced);
  const ended = licenceEnded(u, currency);
  const benefits = benefitsOf(u, currency, [...ended, ...spendCut(u, currency)]);
  const runMid = (perYear.low + perYear.high) / 2;
  const onceMid = (once.low + once.high) / 2;
  const annual = benefits.find((b) => b.perYear)?.perYear;
  let payback: string | undefined;
  if (annual) {
    // Every quantified benefit counts once; they are about different things.
    const gain = benefits.filter((b) => b.perYear).reduce((a, b) => ({ low: a.low + b.perYear!.low, high: a.high + b.perYear!.high }), { low: 0, high: 0 });
    const gainMid = (gain.low + gain.high) / 2;
    const net = gainMid - runMid;
    const exact = net > 0 ? (onceMid / net) * 12 : Infinity;
    const months = Math.round(exact);
    const gainText = formatRange(gain.low, gain.high, currency);
    const runText = formatRange(perYear.low, perYear.high, currency);
    payback =
      months <= 60
        ? `可量化收益每年约${gainText}，扣除每年约${runText}的运行费用后，一次性投入${exact < 1 ? '不到1个月' : `约${months}个月`}收回（按中值）。${ended.length > 0 ? endedOverYears(ended, years, total, currency) : breakEven(onceMid + runMid, gainMid)}`
        : net > 0
          ? `可量化收益每年约${gainText}，扣除运行费用后5年内难以收回一次性投入；投资的理由主要在首要目标本身与调研表未量化的收益。`
          : `可量化收益每年约${gainText}，尚不足以覆盖每年约${runText}的运行费用；投资的理由在首要目标本身，回本需要调研表未量化的收益。`;
  }
  return {
    currency,
    years,
    // With a team's price list every figure says where it comes from: the list, or the planning estimate.
    items: items.map((i) => ({ ...i, low: Math.round(i.low), high: Math.round(i.high), ...(team && !i.source ? { source: 'embedded' as const } : {}) })),
    totals,
    ...(budget ? { budget } : {}),
    ...(currentSpend ? { currentSpend } : {}),
    benefits,
    ...(payback ? { payback } : {}),
    assumptions,
    chart: chartOf(u, items, years),
  };
}

/**
 * A SaaS its vendor runs (no private or hybrid edition, no public cloud's service): its servers and
 * storage are in the subscription, so the customer buys none for it (unless its cost profile says
 * `infraBesideSaas`). A network's SaaS (SD-WAN) still needs the customer's own lines and edge devices.
 */
function vendorHosted(product: Product, category: Category): boolean {
  return product.cloud === 'none' && !product.deployment.includes('private') && !product.deployment.includes('hybrid') && category.layer !== 'network';
}

/** How a subscription fits a customer who buys outright: bought so, or kept, and why. */
type OutrightFit = 'perpetual' | 'cloud' | 'saas' | 'subscription' | 'unknown';
type Outright = Record<'bought' | 'cannot' | 'unknown', Array<{ name: string; why: OutrightFit }>>;
/** Why a subscription is kept, in its item's assumption. */
const OUTRIGHT_WHY: Record<Exclude<OutrightFit, 'perpetual'>, string> = { cloud: '公有云服务，无买断方式', saas: 'SaaS，无买断方式', subscription: '厂商只提供订阅许可', unknown: '是否提供买断许可待厂商确认' };

/**
 * How the customer who buys outright (budget.perpetual) can buy a product its category prices
 * by subscription: a public cloud's service or a SaaS is paid by subscription only; otherwise as
 * its vendor sells a private deployment (products.yaml `licensing`), unknown where not recorded.
 * Undefined for every other customer.
 */
function outrightFit(product: Product, u: Understanding): OutrightFit | undefined {
  if (!u.model.budget.perpetual) return undefined;
  if (product.cloud !== 'none' && !onOwnStack(product, u)) return 'cloud';
  if (!product.deployment.includes('private') && !product.deployment.includes('hybrid')) return 'saas';
  return product.licensing ?? 'unknown';
}

/**
 * What the estimate says of the customer's preference to buy outright: the products priced as
 * perpetual licences, with the planning assumptions of the conversion; those only sold by
 * subscription or as a cloud service, which do not fit it (unless a subscription is acceptable
 * too); those whose perpetual licence is to be asked for.
 */
function outrightSaid(o: Outright, pref: Understanding['model']['budget']['perpetual']): string[] {
  if (!pref) return [];
  const out: string[] = [];
  const names = (list: ReadonlyArray<{ name: string }>) => joined([...new Set(list.map((x) => x.name))]);
  if (o.bought.length > 0) out.push(`按调研表的付费偏好（“${pref.said}”），${names(o.bought)}按买断许可计入一次性投入：买断价按${PERPETUAL_YEARS}年订阅费估算，另计年度维保（${MAINTENANCE_RATE_TEXT}，软件维保的常见费率区间），均为规划假设。`);
  if (o.cannot.length > 0) {
    const why = joined([...new Set(o.cannot.map((x) => (x.why === 'cloud' ? '公有云服务' : x.why === 'saas' ? 'SaaS' : '厂商只提供订阅')))]);
    out.push(`${names(o.cannot)}只能按订阅付费（${why}），${pref.orSubscription ? '在调研表可接受的订阅之列' : `与调研表“${pref.said}”的付费偏好不符`}，按年订阅计入。`);
  }
  if (o.unknown.length > 0) out.push(`${names(o.unknown)}是否提供买断许可待厂商确认（请同时报买断价与年度维保费率），暂按年订阅计入。`);
  return out;
}

/**
 * What the customer stops paying (a licence it no longer renews) over the TCO's years, against the
 * TCO: the comparison "三年总成本低于VMware续约" asks for, on one basis.
 */
function endedOverYears(ended: Costs['benefits'], years: number, total: { low: number; high: number }, currency: string): string {
  const perYear = ended.reduce((a, b) => a + (b.perYear ? (b.perYear.low + b.perYear.high) / 2 : 0), 0);
  if (!(perYear > 0)) return '';
  const over = perYear * years;
  const tco = `本方案${years}年TCO估算${formatRange(total.low, total.high, currency)}`;
  const against = over > total.high ? `高于${tco}` : over < total.low ? `低于${tco}` : `与${tco}相当`;
  return `${years}年不再支付的费用合计约${formatAmount(over, currency)}，${against}。`;
}

/**
 * A benefit far above the spend rests on the customer's target being met in full ("采购降本3%" of
 * 180亿 is 5.4亿 a year, against a few million spent): a reader doubts a payback of weeks, and
 * rightly. What does not depend on the target is how little of it has to come true for the first
 * year's spend (`firstYear`: one-time and a year's running cost) to be covered; said when that
 * share is at most a quarter of the benefit (`gain`, per year, the middle of its range), and only
 * of a benefit that is a target (a licence no longer paid is no target: it is not said then).
 */
function breakEven(firstYear: number, gain: number): string {
  const share = (firstYear / gain) * 100;
  if (!(share <= 25)) return '';
  const text = share < 1 ? '不到1%' : `约${share < 10 ? Math.ceil(share * 10) / 10 : Math.ceil(share)}%`;
  return `收益按目标全部达成计；只要兑现其中${text}，就能收回第一年的投入（一次性投入加当年运行费用）。`;
}

/**
 * A planning range around the middle of the knowledge base's price range (its geometric mean,
 * −20%/+25%): the knowledge base spans small to large deals; one customer's estimate should not
 * span a factor of three.
 */
/** What a product's licence costs against the profile's unit price: nothing for open source (its hardware aside), its price tier, more as a managed cloud service off the customer's own stack. */
function tierOf(product: Product, profile: CostProfile, u: Understanding): number {
  if (product.origin === 'oss') return profile.licenceModel === 'hardware' ? 1 : 0;
  return TIER_FACTOR[product.priceTier] * (product.cloud !== 'none' && !onOwnStack(product, u) ? MANAGED_FACTOR : 1);
}

function band([low, high]: [number, number]): [number, number] {
  if (high <= 0) return [0, 0];
  const mid = low > 0 ? Math.sqrt(low * high) : high / 2;
  return [mid * 0.8, mid * 1.25];
}

function sum(items: readonly CostItem[], period: CostItem['period']): { low: number; high: number } {
  return items.filter((i) => i.period === period).reduce((a, i) => ({ low: a.low + i.low, high: a.high + i.high }), { low: 0, high: 0 });
}

const PRICE_UNITS = { user: { driver: 'users', word: '用户', fallback: [50, 300, 2000] }, node: { driver: 'nodes', word: '节点', fallback: [3, 6, 12] }, core: { driver: undefined, word: '核', fallback: [48, 96, 192] }, tb: { driver: 'tb', word: 'TB', fallback: [5, 20, 100] }, site: { driver: 'sites', word: '站点', fallback: [1, 3, 10] } } as const;
const PRICE_PERIODS = { 'per-month': '/月', 'per-year': '/年', 'one-time': '（一次性）' } as const;
/** Cores per server, when a price is per core and the intake counts servers. */
const CORES_PER_SERVER = 16;

/**
 * The licence from the team's price: the price per unit times the units the intake gives (or the
 * category's sizing when the unit is its driver, or an assumption said plainly), per year for a
 * subscription. In 万元 CNY, as the profiles are, and the sentence the cost table shows.
 */
function teamLicence(price: TeamPrice, category: Category, profile: CostProfile, u: Understanding, size: 'sme' | 'mid' | 'large', reportCurrency: string): { wan: number; text: string } {
  const spec = PRICE_UNITS[price.unit];
  const m = u.model;
  const sizeIndex = SIZE_INDEX[size];
  let units: number;
  let basis: string;
  const driver = profile.driver;
  if (spec.driver !== undefined && (driver === spec.driver || (price.unit === 'node' && driver === 'hosts'))) ({ units, basis } = unitsFor(category, profile, u, size));
  else {
    const given = price.unit === 'user' ? m.scale.internalUsers : price.unit === 'node' ? m.estate.nodes : price.unit === 'tb' ? m.estate.dataTb : price.unit === 'site' ? m.scale.sites : m.estate.nodes !== undefined ? m.estate.nodes * CORES_PER_SERVER : undefined;
    if (given !== undefined && given > 0) {
      units = given;
      basis = price.unit === 'core' ? `按调研表的${m.estate.nodes}台服务器×${CORES_PER_SERVER}核` : `按调研表的${round(given, 0)}${spec.word}`;
    } else if (price.unit === 'user') {
      // Seats for the customer's staff: a landlord large by its parks alone has a mid-size staff.
      const staff = assumedStaff(u, size, spec.fallback);
      units = staff.units;
      basis = staff.size === size ? `调研表未给出，按${SIZE_NAMES[size]}规模假设` : staff.why;
    } else {
      units = spec.fallback[sizeIndex]!;
      basis = `调研表未给出，按${SIZE_NAMES[size]}规模假设`;
    }
  }
  const perYear = price.period === 'per-month' ? 12 : 1;
  const cny = inCny(price.price * units * perYear, price.currency);
  const unitPrice = formatAmount(price.price, price.currency);
  const exchange = price.currency !== reportCurrency ? `，按1 ${price.currency}≈${CNY_PER[price.currency]}元人民币折算` : '';
  const text = [
    `团队价目表${price.list ? `《${price.list}》` : ''}：${unitPrice}/${spec.word}${PRICE_PERIODS[price.period]} × ${round(units, 0)}${spec.word}（${basis}）${exchange}`,
    price.discount ? price.discount : '',
    price.validUntil ? `有效期至${price.validUntil}` : '',
  ]
    .filter(Boolean)
    .join('；');
  return { wan: cny / 1e4, text };
}

/**
 * The count of a system's own users where the intake names them by the system ("OA活跃用户约6000人"
 * among "员工约1.4万人"): an OA is licensed for its users, not for every employee.
 */
function ownUsers(category: Category, u: Understanding): number | undefined {
  const names = knowledgeIndex(u.kb, 'all-categories');
  return u.model.scale.figures.find((f) => !f.occupants && /用户|人/.test(f.text) && names.find(f.text).some((h) => h.value === category.id))?.value;
}

/** A scale figure that counts devices ("其中办公终端约5000台"), not people. */
const ENDPOINT_WORDS = /终端|电脑|PC|笔记本|台式机|桌面|端点/;

/**
 * The endpoints an agent-based system (EDR) is licensed for: the devices the intake counts, and
 * its servers where it counts them too; a manufacturer's staff on the line have no computer.
 */
function endpointsFor(u: Understanding): { units: number; basis: string } | undefined {
  // Devices counted as devices (终端约3400台), or their users one each (办公电脑用户约6500人).
  const figure = u.model.scale.figures.find((f) => ENDPOINT_WORDS.test(f.text) && (f.text.includes('台') || ENDPOINT_USERS.test(f.text)));
  if (!figure || figure.value <= 0) return undefined;
  const devices = figure.value;
  const servers = u.model.estate.nodes ?? 0;
  const counted = figure.text.includes('台') ? `${round(devices, 0)}台终端` : `${round(devices, 0)}名电脑用户各一台终端`;
  return { units: devices + servers, basis: `按调研表的${counted}${servers > 0 ? `与${round(servers, 0)}台服务器` : ''}` };
}

/** Users counted by the computer they use (办公电脑用户约6500人): one endpoint each. */
const ENDPOINT_USERS = /(?:电脑|终端|PC)用户/;

/** The adaptation and migration of one application onto a domestic database (万元): its SQL and stored procedures, data, cutover rehearsals. */
const MIGRATION_PER_SYSTEM_WAN: [number, number] = [30, 80];

/** A scale figure that counts connected devices ("在网设备约3.5万台"). */
const DEVICE_COUNT = /设备[^，；。]{0,8}台/;

/** A goal to build a disaster-recovery site. */
const DR_SITE = /灾备中心|容灾中心|同城灾备|异地灾备|两地三中心/;
/** What a new DR site costs besides the backup and replication software, left out of the estimate. */
const DR_SITE_BUILD = '灾备中心的机房、链路、计算与存储';

/** What the customer spends now, in a goal or pain ("成本不高于现在的¥1200万"), within a few characters of the amount. */
const NOW = /(?:现在|现有|目前|当前|每年)[^，；。]{0,4}$/;

/**
 * A cloud migration's yardstick: the yearly spend the customer names as what the cloud must not
 * exceed, which the cloud bill (estimated apart) is to be compared with.
 */
function spendToBeat(u: Understanding, currency: string): Costs['currentSpend'] {
  for (const f of u.usable) {
    if (f.section !== '核心目标' && f.section !== '当前痛点') continue;
    const m = findMoney(f.value).find((x) => NOW.test(f.value.slice(Math.max(0, x.start - 12), x.start)));
    if (!m) continue;
    const amount = formatAmount(inCurrency(m.amount, m.currency, currency), currency);
    return { text: `调研表给出现有年度支出约${amount}，迁移后的云资源费用按应用清单测算后与之对比，再定包年包月、预留实例与按量付费的比例。`, refs: [f.line + 1] };
  }
  return undefined;
}

/**
 * What a year's transactions cost (categories.yaml's cost `usage`), when the intake counts them in
 * a year (年放款合同约600万份); none when it does not (the category's note says it is apart).
 */
function usageFor(profile: CostProfile, u: Understanding): { wan: [number, number]; basis: string } | undefined {
  const usage = profile.usage;
  if (!usage) return undefined;
  const figure = u.model.scale.figures.find((f) => f.value > 0 && f.text.includes('年') && usage.words.some((w) => f.text.includes(w)));
  if (!figure) return undefined;
  // The planning range of one (band, as for licences), said as the amount is worked out from it.
  const [low, high] = band([...usage.yuanPerUnit]).map((x) => round(x, 2)) as [number, number];
  return { wan: [(figure.value * low) / 10_000, (figure.value * high) / 10_000], basis: `按调研表的“${figure.text}”，每${usage.unit}约¥${low}–${high}` };
}

/** A figure that counts people (子公司员工约3000人), not the entities they work for: the 人 of 法人 follows no figure. */
const COUNTS_PEOPLE = /员工|人员|职工|店员|人数|[\d万千]\s?人/;

/**
 * The implementation where part of it is done again for each legal entity or store the intake
 * counts (categories.yaml cost `implementationPer`): the work done once (`base`) and each entity's
 * (`each`), in 万元, planning ranges as for licences (band) rounded as the basis shows them (in
 * yuan), so that the item adds up from its basis; none when the intake counts none.
 */
function implementationPerEntity(profile: CostProfile, u: Understanding): { wan: [number, number]; base: [number, number]; each: [number, number]; figure: string; what: string; once: string; measure: string } | undefined {
  const per = profile.implementationPer;
  if (!per) return undefined;
  const figure = u.model.scale.figures.find((f) => f.value > 0 && !f.occupants && per.words.some((w) => f.text.includes(w)) && !COUNTS_PEOPLE.test(f.text)) ?? segmentCount(per.words, u);
  if (!figure) return undefined;
  const shown = ([low, high]: [number, number]) => [low, high].map((x) => shownInRange(x * 1e4, low * 1e4, high * 1e4) / 1e4) as [number, number];
  const base = shown(band([...per.base]));
  const each = shown(band([...per.perUnit]));
  const count = figure.value;
  return { wan: [base[0] + count * each[0], base[1] + count * each[1]], base, each, figure: figure.text, what: per.what, once: per.once ?? '集团层面', measure: figure.text.includes('家') ? '家' : '个' };
}

/**
 * The count of entities the segment gives (细分领域：省属能源集团，…，下属企业120家): a group
 * says there how many companies it is made of, and the scale figures read there only the sites
 * (understand/goals.ts `detectScale`), so the first clause naming one of `words` with a count of
 * 家 or 个 is read here; none when no clause does.
 */
function segmentCount(words: readonly string[], u: Understanding): { text: string; value: number } | undefined {
  for (const f of u.usable) {
    if (f.section !== '客户行业' || f.fieldPath[0] !== '细分领域') continue;
    for (const written of f.value.split(/[，,；;]/)) {
      const clause = written.trim();
      if (!words.some((w) => clause.includes(w)) || COUNTS_PEOPLE.test(clause)) continue;
      const fig = findFigures(clause).find((x) => x.value > 0 && (x.unit === '家' || x.unit === '个'));
      if (fig) return { text: clause, value: fig.value };
    }
  }
  return undefined;
}

/**
 * A kind's infrastructure per unit when the option also picks a system that holds part of it
 * (categories.yaml cost `noteWith.infraPerUnit`: the backup storage bought once as a backup
 * storage of its own leaves a backup platform its servers and proxies), else undefined.
 */
function infraWith(profile: CostProfile, systems: readonly SystemType[], option: Option | undefined): readonly [number, number] | undefined {
  const w = profile.noteWith;
  if (!w?.infraPerUnit) return undefined;
  const held = systems.some((x) => w.categories.includes(x.category) && option?.picks.some((p) => p.category === x.category));
  return held ? w.infraPerUnit : undefined;
}

/** The units a system is priced by, from its cost profile (the category's, or its scope's) and the intake. */
function unitsFor(category: Category, profile: CostProfile, u: Understanding, size: 'sme' | 'mid' | 'large'): { units: number; basis: string } {
  const d = profile.driver;
  const sizeIndex = SIZE_INDEX[size];
  const fallback = profile.defaultUnits[sizeIndex]!;
  const m = u.model;
  let given: number | undefined;
  const counted = profile.countedBy;
  if (counted) {
    // Users are the customer's own people: the tenants' staff in its parks (园区员工) are none of them.
    const naming = (f: (typeof m.scale.figures)[number]) => f.value > 0 && counted.words.some((w) => f.text.includes(w)) && (d !== 'users' || (f.text.includes('人') && !f.occupants));
    // Several kinds of unit, each counted (冷藏车约120辆, 保温箱约3000个: a terminal each), add up.
    const all = counted.adds ? m.scale.figures.filter(naming) : [];
    if (all.length > 1) {
      const units = all.reduce((a, f) => a + f.value, 0);
      return { units, basis: `按调研表的${all.map((f) => f.text).join('、')}，共${round(units, 0)}${counted.unit}` };
    }
    const figure = m.scale.figures.find(naming);
    if (figure) return { units: figure.value, basis: `按调研表的${round(figure.value, 0)}${counted.unit}` };
    // Users are never every employee; servers bought as hardware are counted, not "a cluster";
    // and the sites a category names (工厂, 泊位, 机柜) are not whatever sites the intake counts
    // (a drinks brand's 25万家终端门店 are no plants of its one-code platform).
    if (d === 'users') {
      const staff = assumedStaff(u, size, profile.defaultUnits);
      return { units: staff.units, basis: `假设${staff.units}${counted.unit}（${staff.why}）` };
    }
    if (d === 'sites' || profile.licenceModel === 'hardware') return { units: fallback, basis: `假设${fallback}${counted.unit}（调研表未给出）` };
  }
  if (d === 'hosts') given = m.estate.nodes;
  else if (d === 'users') given = ownUsers(category, u) ?? m.scale.internalUsers;
  else if (d === 'tb') given = m.estate.dataTb;
  else if (d === 'sites') given = m.scale.sites ?? (m.estate.onPrem.length > 1 ? m.estate.onPrem.length : undefined);
  else if (d === 'links') {
    const places = m.estate.clouds.reduce((a, c) => a + Math.max(1, c.regions.length), 0) + (m.estate.onPrem.length > 0 ? 1 : 0);
    given = places >= 2 ? places - 1 : undefined;
  }
  if (d === 'endpoints') {
    const counted = endpointsFor(u);
    if (counted) return counted;
    given = m.scale.internalUsers;
    if (given !== undefined && given > 0) return { units: given, basis: `调研表未给出终端数，按${round(given, 0)}名员工各一台估算` };
  }
  if (d === 'project') return { units: 1, basis: `按${SIZE_NAMES[size]}项目估算` };
  if (given !== undefined && given > 0) return { units: given, basis: `按调研表的${round(given, 0)}${DRIVER_NAMES[d]}` };
  if (d === 'users' || d === 'endpoints') {
    const staff = assumedStaff(u, size, profile.defaultUnits);
    return { units: staff.units, basis: `假设${staff.units}${DRIVER_NAMES[d]}（${staff.why}）` };
  }
  return { units: fallback, basis: d === 'nodes' ? `按${fallback}${DRIVER_NAMES[d]}的集群估算` : `假设${fallback}${DRIVER_NAMES[d]}（调研表未给出）` };
}

/**
 * The staff a per-user system is sized for where the intake gives no head count: the default units
 * of the customer's size, and why (said in brackets after the assumption). A landlord large only by
 * what it runs (its parks' floor area, tenants and the people working in them: `largeBy` premises)
 * has no large staff to assume: an industrial-park operator of 160万㎡ has a few hundred people,
 * not ten thousand. It is sized as a mid-size company, and the report says so.
 */
function assumedStaff(u: Understanding, size: 'sme' | 'mid' | 'large', defaults: readonly number[]): { units: number; size: 'sme' | 'mid' | 'large'; why: string } {
  const premisesOnly = size === 'large' && u.model.scale.largeBy?.length === 1 && u.model.scale.largeBy[0] === 'premises';
  const staffSize = premisesOnly ? 'mid' : size;
  const units = defaults[SIZE_INDEX[staffSize]]!;
  return { units, size: staffSize, why: premisesOnly ? '调研表未给出员工人数；按所运营的物业判为大型客户，自有员工按中型企业估算' : '调研表未给出' };
}

/**
 * The estimate against the budget. `unpriced`: what the estimate leaves out that is a principal
 * investment (a DR site's rooms and links, a DMA programme's meters and valves): the comparison
 * then says the estimated part fits or not, names what is left out, and what the budget leaves
 * for it, instead of calling the budget safe.
 */
function compareBudget(
  u: Understanding,
  once: { low: number; high: number },
  perYear: { low: number; high: number },
  total: { low: number; high: number },
  years: number,
  currency: string,
  units: readonly DeferralUnit[],
  items: readonly CostItem[],
  vendorOf: (category: string | undefined) => string | undefined,
  unpriced: readonly string[],
): Costs['budget'] {
  const b = u.model.budget;
  if (!b.total) return undefined;
  // What the budget covers: a per-year budget over the horizon; a one-time budget against one-time spend (plus its recurring line if given).
  let budgetTotal: number;
  let low: number;
  let high: number;
  let scope: string;
  // How many years of the yearly items the comparison counts (none against a one-time budget).
  let yearsCounted = years;
  if (b.firstYear) {
    budgetTotal = b.total.amount;
    [low, high] = [once.low + perYear.low, once.high + perYear.high];
    scope = '首年投入（一次性投入加第一年运行费用）';
    yearsCounted = 1;
  } else if (b.perYear) {
    budgetTotal = b.total.amount * years;
    [low, high] = [total.low, total.high];
    scope = `${years}年TCO`;
  } else if (b.oneTime && b.oneTime.amount === b.total.amount && b.recurringPerYear === undefined) {
    budgetTotal = b.total.amount;
    [low, high] = [once.low, once.high];
    scope = '一次性投入';
    yearsCounted = 0;
  } else {
    budgetTotal = b.total.amount + (b.recurringPerYear && b.oneTime && b.oneTime.amount === b.total.amount ? b.recurringPerYear.amount * years : 0);
    [low, high] = [total.low, total.high];
    scope = `${years}年TCO`;
  }
  // A budget made of a build amount and a yearly one says how it adds up.
  const composed = budgetTotal !== b.total.amount && b.recurringPerYear ? `（建设${b.total.text}＋运维${b.recurringPerYear.text}/年×${years}年）` : b.perYear ? `（${b.total.text}/年×${years}年）` : '';
  const text = formatAmount(budgetTotal, currency);
  // The intake does not say whether the budget covers operations: compare the build alone too.
  const buildOnly =
    b.horizonAssumed && !b.perYear && !b.firstYear && !b.oneTime && !b.recurringPerYear && scope !== '一次性投入'
      ? `若${text}只含建设，${unpriced.length > 0 ? '已估算部分的一次性投入' : '一次性投入估算'}${formatRange(once.low, once.high, currency)}${once.high <= budgetTotal ? '在预算以内' : once.low <= budgetTotal ? '与预算大致相当' : '仍超出预算'}。`
      : '';
  // A one-time line the intake states beside a different total (初期建设$70万 within $120万/年), or its share of the total.
  const build = b.oneTime ? `建设预算${b.oneTime.text}${shareSaid(b, 'oneTime')}` : '';
  const oneTimeNote =
    b.oneTime && b.oneTime.amount !== budgetTotal
      ? `其中一次性投入估算${formatRange(once.low, once.high, currency)}，${once.high <= b.oneTime.amount ? `在${build}以内` : once.low <= b.oneTime.amount ? `下限在${build}以内、上限${exceeds(shownInRange(once.high, once.low, once.high), b.oneTime.amount, currency, false)}` : `${exceeds(shownInRange(once.low, once.low, once.high), b.oneTime.amount, currency, false, build)}`}。`
      : '';
  const verdict: NonNullable<Costs['budget']>['verdict'] = high <= budgetTotal ? 'within' : low <= budgetTotal ? 'tight' : 'over';
  const estimate = formatRange(low, high, currency);
  // Differences are worked from the figures as shown, so that they add up for the reader.
  const shown = (n: number) => shownInRange(n, low, high);
  // What the budget leaves for a principal investment the estimate leaves out: past the estimate's
  // high end where it fits, past its low end where only that fits, nothing where even that is over.
  const left = verdict === 'within' ? Math.max(0, budgetTotal - shown(high)) : verdict === 'tight' ? budgetTotal - shown(low) : 0;
  const missing = unpriced.length > 0 ? { what: [...unpriced], left: Math.round(left), text: formatAmount(left, currency) } : undefined;
  let statement: string;
  if (verdict === 'within') {
    const margin = budgetTotal - shown(high);
    statement = missing
      ? `已估算部分的${scope}为${estimate}，在预算${text}${composed}以内；但${unpricedSaid(missing, verdict)}`
      : `${scope}估算${estimate}，在预算${text}${composed}以内，${margin > 0 ? `上限仍留有约${formatAmount(margin, currency)}` : '上限与预算基本持平'}。`;
  } else {
    const overrun = (verdict === 'over' ? low : high) - budgetTotal;
    const cut = cutSuggestion(units, items, overrun, budgetTotal, yearsCounted, currency, verdict, vendorOf);
    const also = missing ? unpricedSaid(missing, verdict) : '';
    statement =
      verdict === 'over'
        ? `${scope}估算${estimate}，按下限也${exceeds(shown(low), budgetTotal, currency, true, `预算${text}${composed}`)}。${also}${cut}`
        : `${scope}估算${estimate}：下限在预算${text}${composed}以内，上限${exceeds(shown(high), budgetTotal, currency, true)}。${also}${cut}`;
  }
  // Under half the budget: the estimate covers this plan's systems only, which a reader may not
  // assume; what else the budget is for is the customer's to say. (Not where a principal part is
  // left out: the headroom is then what is left for it.)
  const headroom = verdict === 'within' && !missing && shown(high) * 2 < budgetTotal ? '估算只含本方案推荐的系统，余量较大，宜与客户确认预算还覆盖哪些工作。' : '';
  const running = compareRunning(u, perYear, items, currency, vendorOf, { verdict, overrun: low > budgetTotal ? (low - budgetTotal) / budgetTotal : 0 });
  // A yearly cap that fails where the total fits (or fails less) is what the verdict says.
  const overall = running?.model.decides ? running.model.verdict : verdict;
  return { total: budgetTotal, text, verdict: overall, low, statement: `${statement}${oneTimeNote}${running?.statement ?? ''}${buildOnly}${headroom}`, refs: b.refs, ...(running ? { running: running.model } : {}), ...(missing ? { unpriced: missing } : {}) };
}

type Unpriced = NonNullable<NonNullable<Costs['budget']>['unpriced']>;

/** Where a build or running budget the intake gives as a share comes from: "（总预算的30%，按3年分摊）". */
function shareSaid(b: Understanding['model']['budget'], part: 'oneTime' | 'recurring'): string {
  if (!b.shares) return '';
  const whole = b.firstYear ? '首年预算' : '总预算';
  return `（${whole}的${b.shares[part]}%${part === 'recurring' && b.shares.years > 1 ? `，按${b.shares.years}年分摊` : ''}）`;
}

/**
 * A principal investment the estimate leaves out, in the budget comparison: named, what the budget
 * leaves for it, and that the whole is judged only once it is estimated (never "上限仍留有" alone,
 * which reads as a safe budget).
 */
function unpricedSaid(missing: Unpriced, verdict: 'within' | 'tight' | 'over'): string {
  const what = `${joined(missing.what)}未计入估算，这部分往往是主要投入`;
  if (verdict === 'over') return `此外，${what}，计入后缺口更大。`;
  const room = verdict === 'within' ? (missing.left > 0 ? `预算扣除估算上限后约剩${missing.text}留给它` : '预算扣除估算上限后已没有余量留给它') : `按估算下限，预算只剩约${missing.text}留给它，按上限则已没有余量`;
  return `${what}：${room}，整体能否在预算内要待这部分测算后才能判断。`;
}

type Running = NonNullable<NonNullable<Costs['budget']>['running']>;

/** How badly a comparison fails: over within the estimate's precision is a negotiation, between tight and over. */
function severity(verdict: Running['verdict'], overrun: number): number {
  return verdict === 'within' ? 0 : verdict === 'tight' ? 1 : overrun <= ESTIMATE_PRECISION ? 1.5 : 2;
}

/**
 * The yearly running estimate against the yearly running budget or ceiling the intake states
 * ("后续年运维不超过¥1500万/年", "每年运维¥150万"): a build budget that fits says nothing of what
 * the customer can pay each year after it. Within, tight or over, by how much, and the yearly
 * items that drive it (the largest, until they make most of the yearly estimate), with what to
 * negotiate. `total`: the verdict of the comparison before it and its low end's overrun (a share).
 */
function compareRunning(
  u: Understanding,
  perYear: { low: number; high: number },
  items: readonly CostItem[],
  currency: string,
  vendorOf: (category: string | undefined) => string | undefined,
  total: { verdict: Running['verdict']; overrun: number },
): { statement: string; model: Running } | undefined {
  const b = u.model.budget;
  if (!b.recurringPerYear || !(perYear.high > 0)) return undefined;
  const cap = inCurrency(b.recurringPerYear.amount, b.recurringPerYear.currency, currency);
  const capText = formatAmount(cap, currency);
  const capWord = b.recurringCap ? '年运维上限' : '年运维预算';
  const verdict: Running['verdict'] = perYear.high <= cap ? 'within' : perYear.low <= cap ? 'tight' : 'over';
  const estimate = formatRange(perYear.low, perYear.high, currency);
  const shown = (n: number) => shownInRange(n, perYear.low, perYear.high);
  const overrun = perYear.low > cap ? (perYear.low - cap) / cap : 0;
  const yearly = items.filter((i) => i.period === 'per-year').sort((a, c) => c.high - a.high);
  const drivers: CostItem[] = [];
  for (const i of yearly) {
    if (drivers.length >= 3 || drivers.reduce((a, d) => a + d.high, 0) >= perYear.high * 0.6) break;
    drivers.push(i);
  }
  const names = driverNames(drivers, currency);
  const model: Running = { cap, text: capText, verdict, low: perYear.low, high: perYear.high, capWord, drivers: names, decides: severity(verdict, overrun) > severity(total.verdict, total.overrun), totalVerdict: total.verdict };
  let statement: string;
  if (verdict === 'within') {
    const margin = cap - shown(perYear.high);
    statement = `每年运行费用估算${estimate}，在${capWord}${capText}${shareSaid(b, 'recurring')}以内${margin > 0 ? `，上限仍留有约${formatAmount(margin, currency)}` : ''}。`;
  } else {
    const from = `主要来自${joined(names)}`;
    // As for the total (cutSuggestion): a gap within the estimate's own precision is a negotiation.
    const gap = (verdict === 'over' ? perYear.low : perYear.high) - cap;
    const advice = gap <= cap * ESTIMATE_PRECISION ? WITHIN_PRECISION : runningAdvice(drivers, vendorOf, verdict, capWord);
    statement =
      verdict === 'over'
        ? `每年运行费用估算${estimate}，按下限也${exceeds(shown(perYear.low), cap, currency, true, `${capWord}${capText}${shareSaid(b, 'recurring')}`)}，${from}。${advice}`
        : `每年运行费用估算${estimate}：下限在${capWord}${capText}${shareSaid(b, 'recurring')}以内，上限${exceeds(shown(perYear.high), cap, currency, true)}，${from}。${advice}`;
  }
  return { statement, model };
}

/** What a yearly item is, after its system's name (operations say it in their assumption: 年度维保与运维). */
const YEARLY_KIND: Partial<Record<CostItem['kind'], string>> = { licence: '订阅', infrastructure: '基础设施' };

/**
 * "核心银行系统的年度维保与运维（¥794–1653万/年）", "基础设施（¥588–919万/年）": the system once
 * for its items in a row; a fee paid by use and a test by their own names.
 */
function driverNames(drivers: readonly CostItem[], currency: string): string[] {
  let previous = '';
  return drivers.map((i) => {
    const range = `（${formatRange(i.low, i.high, currency)}/年）`;
    if (i.usage || i.kind === 'assessment') {
      previous = '';
      return `${i.component}${range}`;
    }
    const system = i.component.split('（')[0] ?? i.component;
    // An operations item says what it is before its rate: 年度维保（买断价的15%–20%/年…）.
    const what = i.kind === 'operations' ? (i.assumption.split('（')[0] ?? i.assumption) : (YEARLY_KIND[i.kind] ?? '');
    const named = system === previous ? `${what}${range}` : `${system}的${what}${range}`;
    previous = system;
    return named;
  });
}

/** "A、B和C". */
function joined(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join('、')}和${parts[parts.length - 1]!}`;
}

/**
 * What to negotiate where the yearly items exceed the cap: a vendor's fee among them (a
 * subscription, or the maintenance of a perpetual licence; the operations of a subscription or of
 * open source are the customer's own work and support, no vendor's rate), the infrastructure's pace.
 */
function runningAdvice(drivers: readonly CostItem[], vendorOf: (category: string | undefined) => string | undefined, verdict: 'tight' | 'over', capWord: string): string {
  const fee = drivers.find((i) => isMaintenance(i) || (i.kind === 'licence' && !i.usage));
  const parts: string[] = [];
  if (fee) {
    const vendor = vendorOf(fee.category);
    const what = fee.kind === 'licence' ? '订阅单价' : '年度维保费率';
    parts.push(`与${vendor ?? '厂商'}谈${what}与续约涨幅上限并写入合同`);
  }
  if (drivers.some((i) => i.kind === 'infrastructure')) parts.push('服务器与存储按实际负载分期扩容');
  if (drivers.some((i) => i.usage)) parts.push('用量费用谈阶梯单价或包量价格');
  const how = parts.length > 0 ? parts.join('，') : '签约前请厂商分项报出各项年度费用';
  return verdict === 'tight' ? `报价若接近上限，${how}。` : `要回到${capWord}以内，${how}；仍有差额时，需与客户确认${capWord}。`;
}

/**
 * "超出[what]约¥X（N%）", worked from the figure as shown (`shown`) so that it adds up for the
 * reader; "略超出[what]" when the shown figure does not exceed `limit`. `percent`: with the share
 * of `limit`.
 */
function exceeds(shown: number, limit: number, currency: string, percent: boolean, what = ''): string {
  const by = shown - limit;
  if (by <= 0) return `略超出${what}`;
  return `超出${what}约${formatAmount(by, currency)}${percent ? `（${Math.round((by / limit) * 100)}%）` : ''}`;
}

/** The estimate's own precision: a gap to the budget within this share is a negotiation, not a change of scope. */
export const ESTIMATE_PRECISION = 0.05;

/**
 * How far the estimate's low end is over the budget, as a share of it (0 when it fits or no budget
 * is given): of what the budget was compared with (a build budget with the one-time spend, not the TCO).
 */
export function lowEndOverrun(costs: Pick<Costs, 'budget' | 'totals'>): number {
  const low = costs.budget?.low ?? costs.totals.find((t) => t.period === 'total')?.low;
  return costs.budget && low !== undefined && costs.budget.total > 0 ? Math.max(0, low - costs.budget.total) / costs.budget.total : 0;
}

/** What the budget comparison says of a gap within the estimate's own precision. */
const WITHIN_PRECISION = '差距在估算误差以内，可在报价谈判中消化。';

/**
 * What to cut or phase to close the gap: supporting systems the main goal does not depend on,
 * costliest first, until their cost covers the overrun; what they do not cover is said plainly.
 * A system goes with the systems that take their data from it (`units`, deferral.ts), said so.
 * `yearsCounted`: the years of yearly items the comparison covers (0 against a one-time budget,
 * 1 against a first-year one): a system saves only what the comparison counts of it.
 */
function cutSuggestion(units: readonly DeferralUnit[], items: readonly CostItem[], overrun: number, budget: number, yearsCounted: number, currency: string, verdict: 'tight' | 'over', vendorOf: (category: string | undefined) => string | undefined): string {
  // A gap within the estimate's own precision is a negotiation, not a change of scope.
  if (overrun <= budget * ESTIMATE_PRECISION) return WITHIN_PRECISION;
  const counted = items.filter((i) => i.period !== 'per-year' || yearsCounted > 0);
  const weighed = (i: CostItem) => i.high * (i.period === 'per-year' ? yearsCounted : 1);
  const cost = (category: string) => counted.filter((i) => i.category === category).reduce((a, i) => a + weighed(i), 0);
  const costOf = (systems: readonly SystemType[]) => systems.reduce((a, s) => a + cost(s.category), 0);
  const members = (unit: DeferralUnit) => [unit.system, ...unit.dependents];
  // `units` holds only what the main goal does not depend on; what a regulation or a hard
  // constraint requires (工控隔离, 等保审计, 信创 OS) cannot wait for a second phase either.
  const required = /等保|合规|安全防护|隔离|认证|测评|GMP|密评|信创|监管|审计/;
  const deferrable = (s: SystemType) => s.role === 'supporting' && cost(s.category) > 0 && !required.test(s.reason);
  // Nor can the bulk of the project (the storage a media migration needs): that is not a phase, it is the project.
  const total = counted.reduce((a, i) => a + weighed(i), 0);
  const supporting = units.filter((unit) => members(unit).every(deferrable) && costOf(members(unit)) <= total * 0.4);
  // The smallest unit whose deferral closes the gap; otherwise the costliest ones until it closes.
  const single = [...supporting].sort((a, b) => costOf(members(a)) - costOf(members(b))).find((unit) => costOf(members(unit)) >= overrun);
  const deferred: DeferralUnit[] = [];
  let saved = 0;
  if (single) {
    deferred.push(single);
    saved = costOf(members(single));
  } else {
    for (const unit of [...supporting].sort((a, b) => costOf(members(b)) - costOf(members(a)))) {
      if (saved >= overrun) break;
      // What an earlier unit defers already (a dependent of its own) is not deferred twice.
      const fresh = members(unit).filter((s) => !deferred.some((d) => members(d).includes(s)));
      // Deferring something that barely dents the gap is not advice.
      if (fresh[0] !== unit.system || costOf(fresh) < overrun * 0.1) continue;
      deferred.push({ system: unit.system, dependents: fresh.slice(1) });
      saved += costOf(fresh);
    }
  }
  const parts: string[] = [];
  if (deferred.length > 0) parts.push(`把${deferred.map(deferredNames).join('、')}${deferred.some((d) => d.dependents.length > 0) ? '一并' : ''}放到二期（约${formatAmount(saved, currency)}）`);
  if (saved < overrun) {
    // The largest purchase: a licence, or the hardware a kind buys (the video rooms' terminals),
    // shown as infrastructure: the only one-time infrastructure estimateCosts writes.
    const hardware = (i: CostItem) => i.kind === 'infrastructure' && i.period === 'one-time';
    const purchase = counted.filter((i) => i.kind === 'licence' || hardware(i)).sort((a, b) => b.high - a.high)[0];
    // The vendor by its name (与国电南瑞谈…), not "the vendor of" a product line.
    // Hardware is bought from whoever supplies it (an OEM, a reseller), not from the maker of the
    // product line it runs (NVIDIA for GPU desktops).
    const vendor = purchase && !hardware(purchase) ? vendorOf(purchase.category) : undefined;
    // What is paid per use is negotiated by volume (a CA certificate per signing), not in instalments.
    const terms = purchase?.usage ? '谈按用量的阶梯单价或包量价格' : '谈许可分期与报价';
    const talk = !purchase ? '报价谈判' : hardware(purchase) ? '与设备供应商谈报价与分批供货' : vendor ? `与${vendor}${terms}` : `与${purchase.component.replace(/^.*（|）$/g, '')}厂商${terms}`;
    // With nothing deferrable beside what the main goal needs (what a requirement needs, the bulk
    // of the project, the systems the main goal reads), there is no lesser part to leave out.
    const phase = supporting.length === 0 ? '' : '一期只交付首要目标所需的部分，';
    parts.push(deferred.length > 0 ? `其余靠${talk}，或分期建设、按里程碑付款` : `${phase}${talk}，或分期建设、按里程碑付款`);
  }
  return `${verdict === 'tight' ? '报价若接近上限，' : '要回到预算内，'}${parts.join('；')}。`;
}

/** The kinds a system of `category` takes its data from and cannot start without (categories.yaml). */
function needsDataFrom(u: Understanding, category: string): readonly string[] {
  const c = u.kb.category(category);
  return (c?.takesDataFrom ?? []).filter((k) => !c?.startsWithout?.includes(k));
}

/** “OLAP/数据仓库”及从它取数的“BI”: a deferred system, with what goes with it. */
function deferredNames(unit: DeferralUnit): string {
  const name = (s: SystemType) => `“${s.name}”`;
  return unit.dependents.length > 0 ? `${name(unit.system)}及从它取数的${unit.dependents.map(name).join('、')}` : name(unit.system);
}

function chartOf(u: Understanding, items: readonly CostItem[], years: number): Costs['chart'] {
  const split = u.model.budget.split.filter((s) => s.percent !== undefined);
  if (split.length >= 2) return split.map((s) => ({ label: s.label, percent: s.percent!, ...(s.amount ? { amount: s.amount.text } : {}), assumption: false }));
  const kinds: Array<[CostItem['kind'], string]> = [
    ['licence', '许可/订阅'],
    ['implementation', '实施与集成'],
    ['infrastructure', '基础设施'],
    ['operations', '运维'],
    ['assessment', '测评与验证'],
  ];
  const mid = (i: CostItem) => ((i.low + i.high) / 2) * (i.period === 'per-year' ? years : 1);
  const total = items.reduce((a, i) => a + mid(i), 0);
  if (total <= 0) return [];
  return kinds
    .map(([k, label]) => ({ label, percent: round((items.filter((i) => i.kind === k).reduce((a, i) => a + mid(i), 0) / total) * 100, 1), assumption: true }))
    .filter((x) => x.percent > 0);
}
