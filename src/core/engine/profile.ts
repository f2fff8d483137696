/**
 * The customer profile the engine reasons with, derived from an intake's facts: industry,
 * scale, budget, deadline, hosting, compliance, legacy integration. Each derived value keeps
 * the facts it came from, for traceability; values that had to be assumed say so.
 */
import { parseMoney, type MoneyAmount } from '../facts/money';
import type { Framework, Industry, Location } from '../knowledge/schema';
import type { KnowledgeBase } from '../knowledge/knowledge';
import { factsIn, type Fact, type IntakeFacts } from '../facts/facts';
import type { Ref } from './reportModel';

export type Tier = 'low' | 'mid' | 'high' | 'premium';
export type Scale = 'sme' | 'mid' | 'large';

export interface Evidence<T> {
  value: T;
  facts: Fact[];
  assumed: boolean;
}

export interface Profile {
  industryText: string;
  segment: string;
  industry?: Industry;
  industryFacts: Fact[];
  painPoints: Fact[];
  goals: Fact[];
  compliance: Fact[];
  legacy: Fact[];
  frameworks: { framework: Framework; facts: Fact[] }[];
  locations: { location: Location; facts: Fact[] }[];
  chinaHosted: Evidence<boolean>;
  international: Evidence<boolean>;
  xinchuang: Evidence<boolean>;
  /** The intake rules out public-cloud SaaS (私有化, 本地部署, 不接受SaaS…). */
  noPublicSaas: Evidence<boolean>;
  protocols: Evidence<string[]>;
  budget: Evidence<MoneyAmount | undefined>;
  tier: Evidence<Tier>;
  scale: Evidence<Scale>;
  /** Months to the main goal's deadline. */
  deadlineMonths: Evidence<number>;
  /** Years the cost model spans (3年订阅, 5年TCO…). */
  years: Evidence<number>;
}

/** USD per CNY used to compare budgets across currencies; labelled as an assumption in the report. */
export const CNY_PER_USD = 7.2;

const PROTOCOLS = ['SOAP', 'REST', 'IDoc', 'XML', 'RFC', 'BAPI', 'OData', 'gRPC', 'MQ', 'JMS', 'FTP', 'SFTP', 'EDI', 'OPC UA', 'MQTT', 'Modbus', 'HL7', 'FHIR', 'ISO 8583', 'SWIFT'];

/** Protocol names as whole words: "MQ" must not match inside "RabbitMQ". */
const PROTOCOL_PATTERNS: [string, RegExp][] = PROTOCOLS.map((p) => [p, new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(p)}(?![A-Za-z0-9])`, 'i')]);

export function refsOf(facts: readonly Fact[]): Ref[] {
  const seen = new Set<number>();
  const refs: Ref[] = [];
  for (const f of facts) {
    if (seen.has(f.line)) continue;
    seen.add(f.line);
    refs.push({ line: f.line, range: f.range });
  }
  return refs.sort((a, b) => a.line - b.line);
}

function matching(facts: readonly Fact[], pattern: RegExp): Fact[] {
  return facts.filter((f) => pattern.test(f.text));
}

function evidence<T>(value: T, facts: Fact[], assumed = false): Evidence<T> {
  return { value, facts, assumed };
}

export function buildProfile(facts: IntakeFacts, kb: KnowledgeBase): Profile {
  const all = facts.facts;
  const industryFacts = factsIn(facts, '客户行业');
  const header = industryFacts.find((f) => f.fieldPath.length === 0);
  const segmentFact = factsIn(facts, '客户行业', '细分领域')[0];
  const industryText = header?.value ?? '';
  const segment = segmentFact?.value ?? '';
  const industry = detectIndustry(kb.industries, `${industryText} ${segment}`);

  const frameworks = kb.frameworks
    .map((framework) => ({ framework, facts: all.filter((f) => framework.aliases.some((a) => includesIgnoreCase(f.text, a))) }))
    .filter((x) => x.facts.length > 0);
  const locations = detectLocations(kb.locations, all);

  const chinaFacts = [...matching(all, /中国|国内|境内|北京|上海|深圳|广州|杭州|信创|等保|个人信息保护法|PIPL|阿里云|华为云|腾讯云/i), ...locations.filter((l) => isChina(l.location)).flatMap((l) => l.facts)];
  const intlFacts = [...matching(all, /欧盟|GDPR|海外|跨国|跨境|全球|国际|英文|双语/i), ...locations.filter((l) => !isChina(l.location)).flatMap((l) => l.facts)];
  const xinchuangFacts = matching(all, /信创|国产化|国产优先|自主可控|国产数据库|国密/i);
  const noSaasFacts = matching(all, /私有化部署|本地部署|不接受\s*SaaS|不上公有云|数据不出(?:境|域|园区)|物理隔离|专属云/i);
  const protocolFacts = all.filter((f) => PROTOCOL_PATTERNS.some(([, re]) => re.test(f.text)));
  const protocols = PROTOCOL_PATTERNS.filter(([, re]) => protocolFacts.some((f) => re.test(f.text))).map(([name]) => name);

  const budgetFacts = factsIn(facts, '预算限制', '总预算');
  const budgetFact = budgetFacts.find((f) => parseMoney(f.value) !== undefined) ?? factsIn(facts, '预算限制').find((f) => parseMoney(f.value) !== undefined);
  const budget = budgetFact ? parseMoney(budgetFact.value) : undefined;

  return {
    industryText,
    segment,
    ...(industry ? { industry } : {}),
    industryFacts,
    painPoints: factsIn(facts, '当前痛点').filter((f) => f.value.length > 0),
    goals: factsIn(facts, '核心目标').filter((f) => f.value.length > 0),
    compliance: [...factsIn(facts, '特殊要求', '合规性'), ...factsIn(facts, '核心目标', '安全')].filter((f) => f.value.length > 0),
    legacy: [...factsIn(facts, '特殊要求', '兼容性')].filter((f) => f.value.length > 0 && !f.fieldPath.includes('未来扩展')),
    frameworks,
    locations,
    chinaHosted: evidence(chinaFacts.length > 0, dedupe(chinaFacts)),
    international: evidence(intlFacts.length > 0, dedupe(intlFacts)),
    xinchuang: evidence(xinchuangFacts.length > 0, xinchuangFacts),
    noPublicSaas: evidence(noSaasFacts.length > 0, noSaasFacts),
    protocols: evidence(protocols, protocolFacts),
    budget: evidence(budget, budgetFact ? [budgetFact] : [], !budget),
    tier: budget ? evidence(tierOf(budget), [budgetFact!]) : evidence<Tier>('mid', [], true),
    scale: detectScale(facts),
    deadlineMonths: detectDeadline(facts),
    years: detectYears(facts),
  };
}

function detectIndustry(industries: Industry[], text: string): Industry | undefined {
  let best: { industry: Industry; length: number } | undefined;
  for (const industry of industries) {
    for (const alias of [industry.name, ...industry.aliases]) {
      if (alias.length > 0 && includesIgnoreCase(text, alias) && (!best || alias.length > best.length)) best = { industry, length: alias.length };
    }
  }
  return best?.industry;
}

function detectLocations(locations: Location[], facts: readonly Fact[]): { location: Location; facts: Fact[] }[] {
  const found = new Map<Location, Fact[]>();
  for (const f of facts) {
    const text = f.text.toLowerCase();
    // The longest alias found in a line wins, so "Azure East US" is not also read as plain "East US".
    const hits: { location: Location; start: number; end: number }[] = [];
    for (const location of locations) {
      for (const alias of location.aliases) {
        const at = text.indexOf(alias.toLowerCase());
        if (at >= 0) hits.push({ location, start: at, end: at + alias.length });
      }
    }
    hits.sort((a, b) => b.end - b.start - (a.end - a.start));
    const taken: { start: number; end: number }[] = [];
    for (const h of hits) {
      if (taken.some((t) => h.start < t.end && t.start < h.end)) continue;
      taken.push(h);
      const list = found.get(h.location) ?? [];
      if (!list.includes(f)) list.push(f);
      found.set(h.location, list);
    }
  }
  return [...found].map(([location, list]) => ({ location, facts: list }));
}

function isChina(location: Location): boolean {
  return /中国|china|^cn$/i.test(location.country) && !/香港|hong kong/i.test(location.city);
}

/** Budget tier by the amount per year in USD (CNY converted at {@link CNY_PER_USD}). */
export function tierOf(m: MoneyAmount): Tier {
  const usd = m.currency === 'CNY' ? m.amount / CNY_PER_USD : m.amount;
  const perYear = m.years && m.years > 1 ? usd / m.years : usd;
  if (perYear < 200_000) return 'low';
  if (perYear < 1_000_000) return 'mid';
  if (perYear < 5_000_000) return 'high';
  return 'premium';
}

function detectScale(facts: IntakeFacts): Evidence<Scale> {
  const scaleFacts = factsIn(facts, '客户行业', '业务规模');
  const numbers: number[] = [];
  for (const f of scaleFacts) {
    for (const m of f.value.matchAll(/(\d+(?:\.\d+)?)\s*(亿|万|千|k|m)?/gi)) {
      const n = Number(m[1]);
      const unit = (m[2] ?? '').toLowerCase();
      numbers.push(unit === '亿' ? n * 1e8 : unit === '万' ? n * 1e4 : unit === '千' || unit === 'k' ? n * 1e3 : unit === 'm' ? n * 1e6 : n);
    }
  }
  if (scaleFacts.length === 0 || numbers.length === 0) {
    const global = factsIn(facts, '客户行业').filter((f) => /全球|跨国|集团/.test(f.text));
    return global.length > 0 ? evidence<Scale>('large', global) : evidence<Scale>('mid', [], true);
  }
  const max = Math.max(...numbers);
  const scale: Scale = max >= 1_000_000 ? 'large' : max >= 10_000 ? 'mid' : /全球|跨国|集团/.test(scaleFacts.map((f) => f.text).join(' ')) ? 'mid' : 'sme';
  return evidence(scale, scaleFacts);
}

function detectDeadline(facts: IntakeFacts): Evidence<number> {
  const goals = factsIn(facts, '核心目标');
  for (const f of goals) {
    const months = /(\d{1,2})\s*(?:个)?月/.exec(f.value);
    if (months) return evidence(clampMonths(Number(months[1])), [f]);
    const years = /(\d{1,2}(?:\.5)?)\s*年(?!度)/.exec(f.value);
    if (years) return evidence(clampMonths(Math.round(Number(years[1]) * 12)), [f]);
  }
  return evidence(9, [], true);
}

function clampMonths(n: number): number {
  return Math.max(2, Math.min(n, 60));
}

function detectYears(facts: IntakeFacts): Evidence<number> {
  for (const f of factsIn(facts, '预算限制')) {
    const m = /(\d{1,2})\s*年/.exec(f.value);
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= 10) return evidence(Number(m[1]), [f]);
  }
  return evidence(3, [], true);
}

export function includesIgnoreCase(text: string, needle: string): boolean {
  return text.toLowerCase().includes(needle.toLowerCase());
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function dedupe(facts: Fact[]): Fact[] {
  return [...new Set(facts)].sort((a, b) => a.line - b.line);
}
