/**
 * The industry and sub-industry, and the customer's core business system: named in the intake
 * (HIS, 核心系统, OMS…), implied by the segment, or the industry's usual one. Whether the project
 * builds or replaces it (in scope) or only serves and integrates it decides whether it gets a pick.
 */
import { caseInsensitiveRegExp } from '../../text/caseExpand';
import type { KnowledgeBase } from '../../knowledge/knowledge';
import type { Category, Industry } from '../../knowledge/schema';
import type { Fact, IntakeFacts } from '../../facts/facts';
import { CLAUSE_SEPARATOR_NO_LIST, clauseAround } from '../../facts/lines';
import type { UnderstandingModel } from '../reportModel';
import { knowledgeIndex } from '../text/knowledgeIndexes';
import { refs, substantive } from './shared';
import type { KeptSystem } from './types';
import { holdsAny, holdsAnyCaseless, holdingAny } from '../../text/holdsAny';

export interface IndustryResult {
  industry?: Industry;
  model: UnderstandingModel['industry'];
}

export function detectIndustry(facts: IntakeFacts, personal: ReadonlySet<number>, kb: KnowledgeBase): IndustryResult {
  const section = (facts.bySection.get('客户行业') ?? []).filter((f) => !personal.has(f.line) && (f.value === '' || substantive(f.value)));
  const header = section.find((f) => f.fieldPath.length === 0);
  const segmentFact = section.find((f) => f.fieldPath[0] === '细分领域' && f.value);
  const written = header?.value ?? '';
  const segment = segmentFact?.value ?? '';
  const index = knowledgeIndex(kb, 'industries');
  const longest = (text: string): { industry: Industry; words: string } | undefined => {
    let best: { industry: Industry; words: string } | undefined;
    for (const hit of index.find(text)) if (!best || hit.end - hit.start > best.words.length) best = { industry: hit.value, words: text.slice(hit.start, hit.end).toLowerCase() };
    return best;
  };
  const named = longest(written);
  const refined = longest(segment);
  // The segment refines what the header says (医药 → 医药流通企业, 零售 → 零售药店): the header's
  // words begin the segment's longer ones, which name the more specific industry. Begin, not only
  // occur in: 新能源汽车充电站运营 is no carmaker under 能源.
  const industry = named && refined && refined.industry !== named.industry && refined.words.length > named.words.length && refined.words.startsWith(named.words) ? refined.industry : (named ?? refined)?.industry;
  const sub = industry?.segments.find((s) => holdsAny(segment, s.aliases));
  return {
    ...(industry ? { industry } : {}),
    model: {
      ...(industry ? { id: industry.id } : {}),
      name: industry?.name ?? (written || '未注明行业'),
      written,
      segment,
      ...(sub ? { subIndustry: sub.name } : {}),
      refs: refs([header, segmentFact]),
    },
  };
}

/** Verbs that put a system in the project's scope: building, replacing, upgrading it. */
const IN_SCOPE = holdingAny('建设', '上线', '升级', '替换', '替代', '更换', '新建', '选型', '引入', '建成', '实施', '统一', '改造', '重构', '下线', '提升', '切换到', '建', '实现');

/** A clause that says where data sits: the systems it names hold the data, they are not built. */
const DATA_SOURCES = /(数据|信息|资料|报表)[^，；。,;]{0,6}(分散|散落|分布|存|沉淀)[^，；。,;]{0,4}在/;

/** Verbs that replace the system the customer runs, where 升级 or 建设 may build on it. */
const REPLACES = holdingAny('替换', '替代', '更换', '重建', '切换到');

/** Words that, just before a system's name, make it another system than the one run today: 新媒资平台, 新一代BSS. */
const NEW_SYSTEM = ['新', '新一代', '新的'];

/**
 * Whether the system named at `start` is called new ("完成新媒资平台上线与历史素材迁移"): the
 * project puts a new one in place of the customer's, as "替换" says.
 */
function namedNew(text: string, start: number): boolean {
  return NEW_SYSTEM.some((w) => text.startsWith(w, start - w.length) && start >= w.length);
}

/** A budget line that buys something: a subscription, SaaS, a licence, a purchase. */
const PURCHASE = caseInsensitiveRegExp('SaaS|订阅|采购|购买|许可|授权|建设', 'i');

/** The industry's own core systems: its core, its segments' and those it lists (categories). */
export function industrySystems(industry: Industry | undefined): Set<string> {
  return new Set([...(industry?.coreSystems.map((s) => s.category) ?? []), ...(industry?.coreSystem ? [industry.coreSystem] : []), ...(industry?.segments.map((s) => s.coreSystem) ?? [])]);
}

export interface CoreSystemResult {
  core: UnderstandingModel['coreSystem'];
  stated: UnderstandingModel['statedSystems'];
}

/**
 * The core system. Stated names are read from the segment, the goals and the pains; among them
 * the industry's own core system wins, then the first named. The others the intake asks for
 * become further stated systems (LIMS and QMS besides the EBR).
 */
export function detectCoreSystem(industry: Industry | undefined, segment: Fact | undefined, goals: readonly Fact[], pains: readonly Fact[], kept: readonly KeptSystem[], kb: KnowledgeBase, purchases: readonly Fact[] = [], estate: readonly Fact[] = []): CoreSystemResult {
  const index = knowledgeIndex(kb, 'business-categories');
  const relevant = industrySystems(industry);
  const found: { category: Category; fact: Fact; scope: boolean; replaces?: boolean; alias: string }[] = [];
  for (const f of [segment, ...goals, ...pains]) {
    if (!f) continue;
    for (const hit of index.find(f.value)) {
      if (industry && !relevant.has(hit.value.id) && !hit.value.anyIndustry) continue;
      // "数据资产管理平台" names no fixed-asset platform (aliasNotAfter).
      if (hit.value.aliasNotAfter?.some((w) => f.value.slice(Math.max(0, hit.start - w.length), hit.start) === w)) continue;
      // Systems named as where the data sits ("数据分散在POS、ERP、WMS和会员系统里，没有统一的数据
      // 仓库") are sources, whatever the rest of the line asks for.
      const clause = clauseAround(f.value, hit.start, CLAUSE_SEPARATOR_NO_LIST);
      const scope = IN_SCOPE.test(f.value) && !DATA_SOURCES.test(f.value.slice(clause.start, clause.end));
      const named = { fact: f, scope, ...(scope && (REPLACES.test(f.value) || namedNew(f.value, hit.start)) ? { replaces: true } : {}) };
      const known = found.find((x) => x.category.id === hit.value.id);
      // Named first by the segment ("地级市城市运行管理中心"), then built by a goal ("建成城市运行管理
      // 中心"): the goal's line says it is in scope.
      if (known) {
        if (scope && !known.scope && f.section === '核心目标' && known.fact === segment) Object.assign(known, named);
        // Upgraded by the segment ("媒资管理与制作网升级"), called new by a goal ("完成新媒资平台上线与历史素材迁移"): replaced.
        else if (named.replaces && f.section === '核心目标' && known.fact === segment) known.replaces = true;
        continue;
      }
      found.push({ category: hit.value, alias: hit.alias, ...named });
    }
  }
  // A system the budget buys (接受SaaS模式（订单中台与库存中台）) is one the project builds.
  for (const f of purchases) {
    if (!PURCHASE.test(f.value)) continue;
    for (const hit of index.find(f.value)) {
      if (industry && !relevant.has(hit.value.id) && !hit.value.anyIndustry) continue;
      const known = found.find((x) => x.category.id === hit.value.id);
      if (known) known.scope = true;
      else found.push({ category: hit.value, fact: f, scope: true, alias: hit.alias });
    }
  }
  const segmentCore = industry?.segments.find((s) => segment && s.aliases.some((a) => segment.value.includes(a)));
  // The industry's core system listed under its own name in the estate ("核心系统：神州信息"), where
  // no goal or pain names it, and a goal builds another system (重构手机银行): the customer runs
  // the core, and the project builds around it, not a new core.
  const ownCore = segmentCore?.coreSystem ?? industry?.coreSystem;
  if (ownCore !== undefined && found.some((x) => x.scope) && !found.some((x) => x.category.id === ownCore)) {
    for (const f of estate) {
      const key = f.fieldPath[f.fieldPath.length - 1];
      const hit = key === undefined ? undefined : index.find(key).find((h) => h.value.id === ownCore && h.start === 0 && h.end === key.length);
      if (hit) {
        found.push({ category: hit.value, fact: f, scope: false, alias: hit.alias });
        break;
      }
    }
  }
  let preferred = found.find((x) => x.category.id === ownCore) ?? found[0];
  // The segment names it only in passing, as the customer's own name ("地级市政务服务和数据管理局":
  // the bureau, not its platform), and the main goal builds another of the industry's systems
  // (升级12345政务服务便民热线系统): the system the main goal builds is the project's core. So too
  // when a pain names it only as where the data sits ("批次信息分散在MES、WMS和纸质记录中") and
  // the main goal builds a system over it (建设全链条质量追溯系统).
  const passing = preferred && !preferred.scope && (preferred.fact === segment || (preferred.fact.section === '当前痛点' && DATA_SOURCES.test(preferred.fact.value)));
  if (passing) {
    const built = found.find((x) => x !== preferred && x.scope && x.fact.section === '核心目标' && x.fact.fieldPath[0] === '主要指标');
    if (built) preferred = built;
  }
  // A kept system is the core one only when it is named like it (保留承保系统 does not keep the claims system).
  // Where the industry's segments share the category (承保 vs 理赔 in insurance-core), only the
  // segment's own words count; otherwise any name of the category does (保留卫宁HIS keeps HIS/EMR).
  const coreWords = (category: string, alias?: string): string[] => [
    ...(alias ? [alias] : []),
    ...((industry?.segments.filter((s) => s.coreSystem === category).length ?? 0) <= 1 ? (kb.category(category)?.aliases ?? []) : []),
    ...(industry?.segments.filter((s) => s.coreSystem === category && segment && s.aliases.some((a) => segment.value.includes(a))).flatMap((s) => s.aliases) ?? []),
  ];
  const keptFor = (category: string, alias?: string) => kept.find((k) => k.category === category && holdsAnyCaseless(k.name, coreWords(category, alias)));
  let core: UnderstandingModel['coreSystem'];
  if (preferred) {
    const k = keptFor(preferred.category.id, preferred.alias);
    core = {
      category: preferred.category.id,
      name: segmentCore?.coreSystem === preferred.category.id ? segmentCore.coreName : (industry?.coreSystems.find((s) => s.category === preferred.category.id)?.name ?? preferred.category.name),
      basis: 'stated',
      inScope: preferred.scope,
      kept: k !== undefined,
      ...(preferred.replaces && !k ? { replaces: true } : {}),
      refs: [...new Set([preferred.fact.line + 1, ...(k?.refs ?? [])])].sort((a, b) => a - b),
    };
  } else if (segmentCore || industry?.coreSystem) {
    const category = segmentCore?.coreSystem ?? industry!.coreSystem!;
    const k = keptFor(category);
    core = {
      category,
      name: segmentCore?.coreName ?? industry!.coreSystems.find((s) => s.category === category)?.name ?? kb.category(category)?.name ?? category,
      basis: segmentCore ? 'segment' : 'industry',
      inScope: false,
      kept: k !== undefined,
      refs: refs([segment]),
    };
  } else {
    core = { name: '未能从调研表判断', basis: 'unknown', inScope: false, kept: false, refs: [] };
  }
  const stated = found
    .filter((x) => x.category.id !== core.category && x.scope)
    .map((x) => ({ category: x.category.id, name: x.category.name, refs: [x.fact.line + 1] }));
  return { core, stated };
}
