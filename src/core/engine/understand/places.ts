/**
 * Where the customer is: the clouds it uses (with their real regions), its own data centres,
 * and each place's role — a deployment site, where its users are, a market it sells into, or
 * where a support team sits. A region alias that is only a nearest guess (Azure东欧: Azure has no
 * such region) is kept as approximate, for the clarifications. One alias-index pass per line.
 */
import { caseInsensitiveRegExp } from '../../text/caseExpand';
import type { KnowledgeBase } from '../../knowledge/knowledge';
import type { Cloud, Jurisdiction, Location } from '../../knowledge/schema';
import type { Fact } from '../../facts/facts';
import type { UnderstandingModel } from '../reportModel';
import { AliasIndex } from '../text/aliasIndex';
import { knowledgeIndex } from '../text/knowledgeIndexes';
import { clean, clip } from './shared';
import { holdsAny, holdingAny } from '../../text/holdsAny';

type Provider = Exclude<Cloud, 'none'>;

/** How intakes name the clouds themselves (regions are in locations.yaml). */
/**
 * Each cloud vendor: its public cloud's name and aliases, and its stack run in the customer's own
 * data centre (华为云Stack, Azure Stack, 阿里云专有云), a private cloud, not the public cloud: the
 * longest alias wins, so "华为云Stack" is not "华为云". `stack.name` is how the report names it.
 */
const CLOUD_NAMES: Record<Provider, { name: string; aliases: string[]; stack?: { name: string; aliases: string[] } }> = {
  aws: { name: 'AWS', aliases: ['AWS', '亚马逊云', '亚马逊云科技', 'Amazon Web Services', 'EC2'] },
  azure: { name: 'Azure', aliases: ['Azure', '微软云', '世纪互联'], stack: { name: 'Azure Stack', aliases: ['Azure Stack', 'Azure Stack HCI'] } },
  gcp: { name: 'Google Cloud', aliases: ['GCP', 'Google Cloud', '谷歌云'] },
  alibaba: { name: '阿里云', aliases: ['阿里云', 'AliCloud', 'Alibaba Cloud', 'Aliyun'], stack: { name: '阿里云专有云', aliases: ['阿里云专有云', 'Apsara Stack'] } },
  huawei: { name: '华为云', aliases: ['华为云', 'Huawei Cloud'], stack: { name: '华为云Stack', aliases: ['华为云Stack', 'HCS'] } },
  tencent: { name: '腾讯云', aliases: ['腾讯云', 'Tencent Cloud'], stack: { name: '腾讯专有云（TCE）', aliases: ['腾讯云TCE', '腾讯专有云', 'TCE'] } },
  baidu: { name: '百度智能云', aliases: ['百度智能云', '百度云'] },
};
/** How the report names a vendor's private stack. */
export function stackName(provider: Provider): string {
  return CLOUD_NAMES[provider].stack?.name ?? `${CLOUD_NAMES[provider].name}私有化版本`;
}
const cloudIndex = new AliasIndex<Provider | { stack: Provider }>(
  (Object.entries(CLOUD_NAMES) as [Provider, (typeof CLOUD_NAMES)[Provider]][]).flatMap(([provider, c]) => [
    ...c.aliases.map((alias) => ({ alias, value: provider })),
    ...(c.stack?.aliases ?? []).map((alias) => ({ alias, value: { stack: provider } })),
  ]),
  { keep: true },
);

const ON_PREM = caseInsensitiveRegExp('本地(?:数据中心|机房|IDC|服务器|集群)|自建(?:机房|数据中心)|私有云|数据中心|机房|IDC|vSphere|VMware|OpenStack|FusionCompute|Hyper-V|HPE|超融合|政务云|云Stack|Azure Stack|专有云', 'i');
/** The catalog's field for a private cloud or own data centre (私有云: 私有云/本地数据中心的平台与版本). */
const PRIVATE_FIELD = '私有云';
/** A line that says there is none ("私有云：无", "暂无"). */
const NONE_SAID = /^(?:无|没有|暂无|尚无|未|否|不适用)/;
const SUPPORT = holdingAny('支持', '驻场', '工程师', '团队', '值守', '运维中心');
const USERS = holdingAny('用户', '客户', '会员', '访问', '乘客', '消费者');
/** A place the customer operates in, as its profile names it ("海外在印尼和巴西各有1个组装厂"): systems run and people work there. */
const SITES = holdingAny('工厂', '组装厂', '基地', '分公司', '子公司', '门店', '仓库', '办事处');
const TRIED_FIELD = '历史应对';
const NEW_CLOUD = caseInsensitiveRegExp('(?:迁移|迁到|迁至|上云到|引入|新增|扩展到|切换到)[^，；。]{0,6}(?:AWS|Azure|GCP|阿里云|华为云|腾讯云|Google)', 'i');
/**
 * A goal that moves the estate off its own data centre onto a public cloud: "整体迁移到公有云",
 * "全部业务上云", "IDC退租". Not one system's move ("ERP上云" may be a SaaS): the estate's. The
 * clouds it names ("（倾向华为云或阿里云）") are where the plan builds.
 */
const MOVE_TO_CLOUD = caseInsensitiveRegExp('(?:迁移|迁到|迁至|搬迁|搬到|切换到|整体迁)[^，；。]{0,8}(?:公有云|云上|云端)|(?:整体|全部|全面|所有)[^，；。]{0,6}上云|迁移上云|上云迁移|(?:IDC|机房|数据中心)[^，；。]{0,6}(?:退租|下线|关闭|撤出|迁出)|退租|退出(?:IDC|机房)|(?:系统|应用|业务|IDC|机房|数据中心|服务器|整体)[^，；。]{0,6}(?:迁移|迁到|迁至|搬迁|搬到|切换)[到至]?(?:阿里云|华为云|腾讯云|百度智能云|天翼云|移动云|AWS|Azure|Google Cloud)(?![^，；。]{0,3}(?:OSS|RDS|对象存储|数据库|[A-Za-z]))', 'i');

export interface PlacesResult {
  clouds: UnderstandingModel['estate']['clouds'];
  onPrem: UnderstandingModel['estate']['onPrem'];
  locations: UnderstandingModel['locations'];
  cloudsInUse: Set<Provider>;
  newCloudRequested: boolean;
  /** A goal moves the estate to a public cloud (MOVE_TO_CLOUD), with the lines that say so. */
  cloudMigration: number[];
  /** The clouds such a goal names, not in use yet, in the order written. */
  targetClouds: Provider[];
  /** The cloud vendors whose stack the customer runs in its own data centre (华为云Stack), with the lines that say so. */
  privateStacks: Map<Provider, number[]>;
  /** Jurisdictions of deployment sites, users and markets. */
  siteJurisdictions: Map<Jurisdiction, number[]>;
  globalUsers: number[];
  /** The customer's systems run outside mainland China only (hostedAbroad). */
  hostedAbroad: boolean;
}

type LocationHit = { start: number; end: number; alias: string; value: { location: Location; approximate: boolean } };

/**
 * Regions named after a cloud's region without the cloud again ("阿里云新加坡与法兰克福地域"): a city
 * right after a region, joined by 与/和/、/及, is that cloud's region in the city.
 */
function continuedRegions(text: string, hits: readonly LocationHit[], kb: KnowledgeBase): LocationHit[] {
  const out: LocationHit[] = [];
  for (const hit of hits) {
    const provider = hit.value.location.provider;
    if (provider === 'city') continue;
    let pos = hit.end;
    for (;;) {
      const joiner = /^[ \t]*(?:以及|与|和|、|及)[ \t]*/.exec(text.slice(pos, pos + 8));
      if (!joiner) break;
      pos += joiner[0].length;
      const at = pos;
      const next = kb.locations
        .filter((l) => l.provider === provider && text.startsWith(l.city, at) && !hits.some((h) => h.value.location.id === l.id))
        .sort((a, b) => b.city.length - a.city.length)[0];
      if (!next) break;
      out.push({ start: pos, end: pos + next.city.length, alias: next.city, value: { location: next, approximate: false } });
      pos += next.city.length;
    }
  }
  return out;
}

/**
 * Whether a 基础设施现状 line is about the customer's own data centres or private cloud: it names
 * them (机房, vSphere, 政务云), or it is the 私有云 field and says there is one, in whatever words
 * ("同城两中心（上海张江、上海外高桥），异地灾备在深圳", "两地三中心，华为FusionSphere虚拟化").
 */
function ownEstate(f: Fact): boolean {
  if ((f.key ?? '').includes('公有云')) return false;
  return ON_PREM.test(f.value) || (f.fieldPath.at(-1) === PRIVATE_FIELD && f.value.trim().length > 0 && !NONE_SAID.test(f.value.trim()));
}

export function detectPlaces(facts: readonly Fact[], kb: KnowledgeBase): PlacesResult {
  const locIndex = knowledgeIndex(kb, 'locations');
  const clouds = new Map<Provider, { regions: Map<string, UnderstandingModel['estate']['clouds'][number]['regions'][number]>; refs: Set<number> }>();
  const onPrem: UnderstandingModel['estate']['onPrem'] = [];
  const locations = new Map<string, UnderstandingModel['locations'][number]>();
  const siteJurisdictions = new Map<Jurisdiction, number[]>();
  const globalUsers: number[] = [];
  let newCloudRequested = false;
  const cloudMigration: number[] = [];
  const targetClouds: Provider[] = [];
  const privateStacks = new Map<Provider, number[]>();
  const addJurisdiction = (j: Jurisdiction, line: number) => siteJurisdictions.set(j, [...(siteJurisdictions.get(j) ?? []), line]);

  for (const f of facts) {
    const line = f.line + 1;
    const tried = f.fieldPath.includes(TRIED_FIELD);
    const inEstate = (f.section === '基础设施现状' || f.section === '当前痛点') && !tried;
    if (f.section === '核心目标' && NEW_CLOUD.test(f.value)) newCloudRequested = true;
    if (f.section === '核心目标' && MOVE_TO_CLOUD.test(f.value)) {
      cloudMigration.push(line);
      for (const c of cloudsNamed(f.value)) if (!targetClouds.includes(c)) targetClouds.push(c);
    }
    const cloudHits = cloudIndex.find(f.value);
    const locHits = [...locIndex.find(f.value)];
    locHits.push(...continuedRegions(f.value, locHits, kb));
    if (inEstate) {
      for (const hit of cloudHits) {
        if (typeof hit.value === 'object') {
          const lines = privateStacks.get(hit.value.stack) ?? [];
          if (!lines.includes(line)) privateStacks.set(hit.value.stack, [...lines, line]);
          continue;
        }
        const c = clouds.get(hit.value) ?? { regions: new Map(), refs: new Set<number>() };
        c.refs.add(line);
        clouds.set(hit.value, c);
      }
      for (const hit of locHits) {
        const loc: Location = hit.value.location;
        if (loc.provider === 'city') continue;
        const c = clouds.get(loc.provider) ?? { regions: new Map(), refs: new Set<number>() };
        c.refs.add(line);
        const existing = c.regions.get(loc.id);
        if (existing) existing.refs = [...new Set([...existing.refs, line])];
        else c.regions.set(loc.id, { id: loc.id, name: loc.name, written: f.value.slice(hit.start, hit.end), approximate: hit.value.approximate, jurisdiction: loc.jurisdiction, refs: [line] });
        clouds.set(loc.provider, c);
      }
      if (f.section === '基础设施现状' && ownEstate(f)) onPrem.push({ text: clip(clean(f.value).replace(/^无\s*[，,；;]\s*/, ''), 60), refs: [line] });
    }
    // Roles of places (cities and regions).
    for (const hit of locHits) {
      const loc: Location = hit.value.location;
      const role: UnderstandingModel['locations'][number]['role'] =
        f.section === '特殊要求' && SUPPORT.test(f.value) ? 'support' : inEstate || (f.section === '客户行业' && SITES.test(f.value)) ? 'deployment' : f.section === '客户行业' && USERS.test(f.value) ? 'users' : SUPPORT.test(f.value) ? 'support' : 'market';
      const key = `${loc.id}:${role}`;
      const existing = locations.get(key);
      if (existing) existing.refs = [...new Set([...existing.refs, line])];
      // A country named for its capital ("印尼" placed at 雅加达) keeps the name the customer wrote.
      else locations.set(key, { name: loc.provider === 'city' ? (hit.value.approximate ? f.value.slice(hit.start, hit.end) : loc.city) : loc.name, role, jurisdiction: loc.jurisdiction, refs: [line] });
      if (role === 'deployment' || role === 'users') addJurisdiction(loc.jurisdiction, line);
    }
    // "国内4个生产基地，海外在印尼…": the sites at home are in mainland China, though no city is named.
    if (f.section === '客户行业' && SITES.test(f.value) && holdsAny(f.value, ['国内', '境内']) && !locations.has('domestic-sites:deployment')) {
      locations.set('domestic-sites:deployment', { name: '中国境内', role: 'deployment', jurisdiction: 'cn', refs: [line] });
      addJurisdiction('cn', line);
    }
    if (holdsAny(f.value, ['全球', '跨国', '海外用户', '国际用户']) && (USERS.test(f.value) || f.section === '客户行业')) globalUsers.push(line);
    if (holdsAny(f.value, ['出口欧盟', '欧盟市场', '销往欧盟', '出口到欧洲'])) addJurisdiction('eu', line);
    if (holdsAny(f.value, ['出口美国', '美国市场', 'FDA'])) addJurisdiction('us', line);
  }
  const cloudsOut: UnderstandingModel['estate']['clouds'] = [...clouds].map(([provider, c]) => ({
    provider,
    name: CLOUD_NAMES[provider].name,
    regions: [...c.regions.values()],
    refs: [...c.refs].sort((a, b) => a - b),
  }));
  // A cloud's China partition (AWS北京, Azure中国/世纪互联) is in mainland China even without a known region.
  for (const c of cloudsOut) if (c.regions.length === 0 && c.refs.length > 0) {
    const text = facts.filter((f) => c.refs.includes(f.line + 1)).map((f) => f.value).join(' ');
    if (/中国|世纪互联|北京|宁夏|上海|杭州|华东|华北|华南/.test(text)) addJurisdiction('cn', c.refs[0]!);
  }
  if (onPrem.length > 0 && cloudsOut.length === 0 && siteJurisdictions.size === 0) {
    // Own data centres with no place named: located where the customer is (decided by the caller).
  }
  const hosted = hostedAbroad(cloudsOut, [...locations.values()], facts.filter((f) => onPrem.some((p) => p.refs.includes(f.line + 1))), privateStacks.size > 0 || targetClouds.length > 0);
  return {
    clouds: cloudsOut,
    onPrem,
    hostedAbroad: hosted,
    locations: [...locations.values()],
    cloudsInUse: new Set(clouds.keys()),
    newCloudRequested: newCloudRequested || targetClouds.some((c) => !clouds.has(c)),
    cloudMigration,
    targetClouds: targetClouds.filter((c) => !clouds.has(c)),
    privateStacks,
    siteJurisdictions,
    globalUsers,
  };
}

/** The public clouds named in `text` (a cloud vendor's private stack is not one), in order, each once. */
/** An own site that only keeps what is left there: "深圳总部机房仅保留财务与ERP服务器". */
const RESIDUAL_SITE = /[仅只](?:保留|剩)/;

/**
 * Whether the customer's systems all run outside mainland China: its public cloud is named with
 * its regions, none of them in mainland China (阿里云新加坡与法兰克福), and none of its deployment
 * sites is there but an own data centre that only keeps what is left in it (深圳总部机房仅保留财务
 * 与ERP服务器): what the project builds runs in the cloud abroad. A cloud without a known region
 * (Azure中国), a private cloud stack, a cloud a goal moves to or a site at home (国内4个生产基地) may
 * run it in China: not abroad.
 */
function hostedAbroad(clouds: PlacesResult['clouds'], locations: PlacesResult['locations'], onPremLines: readonly Fact[], elsewhere: boolean): boolean {
  if (elsewhere || clouds.length === 0 || clouds.some((c) => c.regions.length === 0 || c.regions.some((r) => r.jurisdiction === 'cn'))) return false;
  const residual = new Set(onPremLines.filter((f) => RESIDUAL_SITE.test(f.value)).map((f) => f.line + 1));
  // An own data centre with no place named is where the customer is: in China unless it only keeps what is left.
  if (onPremLines.some((f) => !residual.has(f.line + 1))) return false;
  return locations.every((l) => l.role !== 'deployment' || l.jurisdiction !== 'cn' || l.refs.every((r) => residual.has(r)));
}

export function cloudsNamed(text: string): Provider[] {
  const out: Provider[] = [];
  for (const hit of cloudIndex.find(text)) if (typeof hit.value !== 'object' && !out.includes(hit.value)) out.push(hit.value);
  return out;
}

export function cloudName(provider: string): string {
  return CLOUD_NAMES[provider as Provider]?.name ?? provider;
}
