/**
 * The plan: start from the main goal and the core system, then give every pain and secondary
 * goal a mechanism (a rule that answers it, or the system of the plan whose acceptance target a
 * measurable goal is) or an explicit 需澄清. System types follow from the
 * mechanisms, the core system first; as few as the needs allow.
 */
import { caseInsensitiveRegExp } from '../../text/caseExpand';
import type { Fact } from '../../facts/facts';
import type { LifecycleFinding, Need, SystemType } from '../reportModel';
import { uniqueAscending } from '../uniqueAscending';
import { TriggerIndex } from './triggered';
import { isReplaced } from './replaced';
import { goesAway } from './lifecycle';
import type { RuleHit } from '../rules';
import { clip, goalClauses, tidy, upgradeStep, withFigures } from '../text/restate';
import type { Understanding } from '../understand';
import { holdsAny, holdsAnyCaseless } from '../../text/holdsAny';
import { startsWithAny, swapPrefix } from '../../text/affix';
import { asideDroppedBeyond } from '../text/trim';
import { scopeFor } from './scopes';
import { baselineLines, baselineOf, type BaselineLine } from './baseline';
import { suppliedWithout } from './supplied';
import { domesticMoves } from './domesticMove';
import { creditTargets } from './targets';
import { knowledgeIndex } from '../text/knowledgeIndexes';
import { hanCount, sharedPairCount, sharesWords as sharesRun } from '../text/overlap';

/** Words in a rule's title that name a kind of integration, not a system (API, ESB, …). */
const GENERIC_INTEGRATION_WORD = caseInsensitiveRegExp('^(?:API|ESB|iPaaS|REST|SOAP|HTTP|JSON|XML|MQ|ETL|CDC)$', 'i');

/** Sections whose rules answer a need (a next step or a risk does not). */
const ANSWERS = new Set(['推荐系统方案', '适用性分析', '实施建议', '关键特性']);
const MAX_SYSTEMS = 7;

export interface PlanResult {
  needs: Need[];
  systems: SystemType[];
  /** Preferred products per category (from the mechanisms that asked for the category). */
  preferred: Map<string, string[]>;
  /** The needs each category serves, for the picks' reasons. */
  servedNeeds: Map<string, Need[]>;
}

interface Source {
  kind: Need['kind'];
  text: string;
  facts: Fact[];
  refs: number[];
  weight: number;
  /** A root cause the customer names (根因推测): it explains a symptom rather than adding a need. */
  cause?: boolean;
  /** A problem or its impact as 当前痛点 states it (not a cause, nor a bottleneck of the estate): listed in its own words unless a rule's words say it. */
  stated?: boolean;
  /** For a system to integrate: its name and its protocols as the need's text lists them. */
  system?: { name: string; protocols: string };
}

/** What the main goal retires (下线AS/400), and the words that point to it in a pain. */
const RETIRES = /(?:下线|替换|淘汰|退役)([^，；。、]{2,16})/;
const MAINFRAME = /AS\/?400|主机|MIPS|RPG|COBOL|IBM i|小型机/;

export function buildPlan(u: Understanding, hits: readonly RuleHit[], lifecycle: readonly LifecycleFinding[] = []): PlanResult {
  const byLine = new Map<number, Fact[]>();
  for (const f of u.usable) byLine.set(f.line + 1, [...(byLine.get(f.line + 1) ?? []), f]);
  const factsAt = (refs: readonly number[]) => refs.flatMap((r) => byLine.get(r) ?? []);
  const m = u.model;
  const sources: Source[] = [];
  if (m.mainGoal) sources.push({ kind: 'main-goal', text: m.mainGoal.text, facts: factsAt(m.mainGoal.refs), refs: m.mainGoal.refs, weight: 3 });
  // A business impact stated as money (损失发电量约¥1400万) is worked into the benefits, not a need of its own.
  const losses = new Set(m.lossFigures.flatMap((l) => l.refs));
  for (const p of m.pains) {
    if (p.kind === 'impact' && p.refs.every((r) => losses.has(r))) continue;
    sources.push({ kind: p.kind === 'debt' ? 'debt' : 'pain', text: p.text, facts: factsAt(p.refs), refs: p.refs, weight: p.kind === 'impact' ? 1 : 2, ...(p.kind === 'cause' ? { cause: true } : {}), ...(p.kind === 'problem' || p.kind === 'impact' ? { stated: true } : {}) });
  }
  for (const g of m.secondaryGoals) sources.push({ kind: 'goal', text: g.text, facts: factsAt(g.refs), refs: g.refs, weight: 1 });
  for (const i of m.integrations) {
    const protocols = i.protocols.join('、');
    sources.push({ kind: 'integration', text: `对接${i.system}${protocols ? `（${protocols}）` : ''}`, facts: factsAt(i.refs), refs: i.refs, weight: 1, system: { name: i.system, protocols } });
  }

  // Where a goal's current level may be given (the scale, pains and goals), for its question.
  const current = baselineLines(u.usable, new Set(m.pains.flatMap((p) => p.refs)));
  const needs: Need[] = [];
  /** The systems each integration need names, and their protocols (for joining the next one in). */
  const integrated = new Map<Need, { names: string[]; protocols: string }>();
  const categoryScore = new Map<string, { score: number; priority: number; needs: Need[]; order: number }>();
  const preferred = new Map<string, string[]>();
  let order = 0;
  /** A system-type rule answering `need`: its categories gain `weight` and its products are preferred. */
  const credit = (h: RuleHit, need: Need, weight: number): void => {
    for (const c of h.rule.categories) {
      const entry = categoryScore.get(c) ?? { score: 0, priority: 0, needs: [], order: order++ };
      entry.score += weight;
      entry.priority = Math.max(entry.priority, h.rule.priority);
      if (!entry.needs.includes(need)) entry.needs.push(need);
      categoryScore.set(c, entry);
      const list = preferred.get(c) ?? [];
      for (const p of h.rule.products) if (!list.includes(p)) list.push(p);
      preferred.set(c, list);
    }
  };
  // The rules that answer a need, once per report rather than once per source and rule.
  const answers = new TriggerIndex(hits.filter((h) => ANSWERS.has(h.rule.section)));
  for (const s of sources) {
    // For a system to integrate, only rules about that system (an SAP IDoc rule does not answer
    // "对接Empower" written on the same line) or about integration in general.
    const aboutSystem = (h: RuleHit) => {
      if (s.kind !== 'integration') return true;
      const names = h.rule.title.match(/[A-Za-z][A-Za-z0-9/]{2,}/g) ?? [];
      // "SOAP/XML" is as generic as its parts; "S/4HANA" names a system.
      const specific = names.filter((n) => !n.split('/').every((part) => GENERIC_INTEGRATION_WORD.test(part)));
      if (specific.length > 0) return holdsAnyCaseless(s.text, specific);
      // A rule about one kind of system (统一身份认证) answers that system only: it shares three characters with its name.
      const generic = h.rule.categories.some((c) => c === 'ipaas-esb' || c === 'api-gateway');
      return generic || sharesWords(swapPrefix(s.text, '对接').replace(/（.*$/, ''), `${h.rule.title}${h.rule.summary}`);
    };
    const answering = answers.triggeredBy(s.facts).filter(aboutSystem);
    // The mechanism rules first, then answers, practices and capabilities; each summary once.
    answering.sort((a, b) => rank(a) - rank(b) || b.rule.priority - a.rule.priority);
    const mechanisms: Need['mechanisms'] = answering.slice(0, 3).map((h) => ({ rule: h.rule.id, title: h.rule.title, summary: h.rule.summary, categories: h.rule.section === '推荐系统方案' ? h.rule.categories : [] }));
    const needWord = answering.find((h) => h.rule.need)?.rule.need;
    // A pain about a version out of support is answered by its upgrade; one about what the main goal retires, by retiring it.
    if (s.kind !== 'main-goal' && s.kind !== 'goal') {
      // (Unless a rule already answers with that product's own upgrade path.) A component that
      // goes with the system the project replaces is no answer to a pain a rule restates in its
      // own words (算薪分散 on the line that also says the OA runs on Windows Server 2012).
      for (const l of lifecycle) if (!(needWord && goesAway(l)) && (l.refs.some((r) => s.refs.includes(r)) || namesFamily(u, s.text, l)) && !mechanisms.some((x) => namesFamily(u, x.summary, l))) mechanisms.push({ rule: `lifecycle:${l.family}`, title: `${l.name} ${l.version}${l.replaced ? '迁移下线' : '升级'}`, summary: `${l.name} ${l.version}${l.status === 'past' ? '已过支持期' : '即将结束支持'}：${upgradeStep(l.upgrade)}`, categories: [] });
    }
    // What the main goal retires (下线AS/400) answers the pains about it, and a cost goal when
    // the mainframe's cost is one of the pains.
    const retired = m.mainGoal && s.kind !== 'main-goal' ? RETIRES.exec(m.mainGoal.text) : null;
    if (retired && MAINFRAME.test(retired[1]!)) {
      const aboutIt = s.kind === 'goal' ? /成本|费用|支出/.test(s.text) && m.pains.some((p) => MAINFRAME.test(p.text) && /成本|费用/.test(p.text)) : MAINFRAME.test(s.text);
      if (aboutIt) mechanisms.unshift({ rule: 'plan:retire', title: `下线${retired[1]}`, summary: s.kind === 'goal' ? `${retired[1]}下线后，主机扩容与维保费用随之消除` : `新系统上线后${retired[1]}下线，这一问题随之消除`, categories: [] });
    }
    // A pain or debt about the product the project replaces (SAP ECC 6.0's end of maintenance,
    // when the project builds a new ERP) ends with it.
    const replaced = (s.kind === 'pain' || s.kind === 'debt') && mechanisms.length === 0 ? replacedProduct(u, s.refs) : undefined;
    if (replaced) mechanisms.push({ rule: 'plan:replace', title: `以新${replaced.category}替换${replaced.name}`, summary: `新${replaced.category}上线后${replaced.name}下线，这一问题随之消除`, categories: [] });
    // A pain about a system the customer keeps (富勒WMS旧版本) is handled by keeping it and integrating.
    const keptNamed = s.kind !== 'main-goal' && s.kind !== 'goal' && s.kind !== 'integration' ? u.kept.find((k) => s.text.includes(k.name) || sharesWords(k.name, s.text)) : undefined;
    if (keptNamed && mechanisms.length === 0) mechanisms.push({ rule: 'plan:kept', title: `保留${keptNamed.name}`, summary: `本期保留${keptNamed.name}，只做接口改造并经集成层对接；其升级或替换另行评估，不纳入本期范围`, categories: [] });
    // A system to integrate with and no rule about it: the integration layer is its mechanism.
    if (s.kind === 'integration' && mechanisms.length === 0) mechanisms.push({ rule: 'plan:integration', title: '集成层统一对接', summary: `经统一集成层对接${swapPrefix(s.text, '对接')}，接口契约化、纳入监控，不做点对点直连`, categories: ['ipaas-esb'] });
    // Systems that a rule answers alike, over the same protocols, make one need ("对接CA认证系统、
    // 营业厅自助终端（SOAP）"), as those without a rule do (mergeIntegrations). Only alike:
    // systems with different answers stay apart. The rules still credit their system types as
    // they would for a need of its own.
    const alike = s.system && !mechanisms.some((x) => x.rule === 'plan:integration') ? [...integrated].find(([n, i]) => i.protocols === s.system!.protocols && sameRules(n.mechanisms, mechanisms)) : undefined;
    if (alike && s.system) {
      const [need, i] = alike;
      if (!i.names.includes(s.system.name)) i.names.push(s.system.name);
      need.text = tidy(`对接${i.names.join('、')}${i.protocols ? `（${i.protocols}）` : ''}`);
      need.refs = uniqueAscending([...need.refs, ...s.refs]);
      for (const h of answering) if (h.rule.section === '推荐系统方案') credit(h, need, s.weight);
      continue;
    }
    // A rule's words restate the first pain it answers; another pain the intake states joins that
    // need only where the words say it too (病案编码不准 beside 病组亏损看不到), else it keeps its own
    // words (患者随访靠电话 beside 复诊开药要到院排队): folded in unsaid, the customer would read it
    // nowhere. A root cause or a bottleneck of the estate still joins the need it explains.
    const taken = needWord !== undefined && s.stated === true && needs.some((n) => n.kind === s.kind && n.text.startsWith(needWord));
    const restated = taken && !saysPain(needWord, s.text) ? undefined : needWord;
    const text = s.kind === 'main-goal' || s.kind === 'goal' || s.kind === 'integration' ? tidy(s.text) : restated ? withFigures(restated, s.text) : clip(tidy(s.text), 40);
    // Two lines with the same need (the symptom and its root cause) make one need.
    const same = restated ? needs.find((n) => n.kind === s.kind && n.text.startsWith(restated)) : needs.find((n) => n.text === text && n.kind === s.kind);
    if (same) {
      same.refs = uniqueAscending([...same.refs, ...s.refs]);
      if (!same.text.includes('（') && text.includes('（')) same.text = text;
      continue;
    }
    // A root cause that the symptom's mechanisms already answer (缺乏SD-WAN流量调度策略 behind
    // 延迟波动) is that symptom's cause: its lines and mechanisms join the symptom.
    const symptom = s.cause ? needs.find((n) => n.kind === 'pain' && n.mechanisms.some((x) => mechanisms.some((y) => y.rule === x.rule))) : undefined;
    if (symptom) {
      symptom.refs = uniqueAscending([...symptom.refs, ...s.refs]);
      for (const x of mechanisms) if (!symptom.mechanisms.some((y) => y.rule === x.rule)) symptom.mechanisms.push(x);
    }
    const need: Need = symptom ?? { kind: s.kind, text, refs: s.refs, mechanisms, ...(mechanisms.length === 0 ? clarifyFor(s, current) : {}) };
    if (!symptom) needs.push(need);
    if (!symptom && s.system) integrated.set(need, { names: [s.system.name], protocols: s.system.protocols });
    for (const h of answering) if (h.rule.section === '推荐系统方案') credit(h, need, s.weight);
  }

  // Compliance mechanisms (密评 → 密码机) come from rules that need no pain line.
  const sourceFacts = new Set(sources.flatMap((s) => s.facts));
  for (const h of hits) {
    if (h.rule.section !== '推荐系统方案' || h.rule.categories.length === 0) continue;
    if (h.triggers.some((f) => sourceFacts.has(f))) continue;
    const need: Need = { kind: untriggeredKind(h), text: h.rule.need ?? h.rule.title, refs: uniqueAscending(h.evidence.map((f) => f.line + 1)), mechanisms: [{ rule: h.rule.id, title: h.rule.title, summary: h.rule.summary, categories: h.rule.categories }] };
    if (!needs.some((n) => n.text === need.text)) needs.push(need);
    credit(h, need, 1);
  }

  mergeIntegrations(needs, kbLayer(u));

  const systems: SystemType[] = [];
  const servedNeeds = new Map<string, Need[]>();
  const core = m.coreSystem;
  const kb = u.kb;
  const addSystem = (category: string, role: SystemType['role'], reason: string, refs: number[]) => {
    if (systems.some((s) => s.category === category)) return;
    const kept = u.kept.find((k) => k.category === category && k.product)?.name;
    // The narrower system the lines that bring it in ask for (一物一码防窜货: a channel one-code).
    const scope = scopeFor(kb.category(category), refs, u);
    systems.push({ category, name: scope?.name ?? kb.category(category)?.name ?? category, role, reason, refs, ...(kept ? { kept } : {}), ...(scope ? { scope: scope.id } : {}) });
  };
  const keptCore = u.kept.find((k) => k.category === core.category)?.name;
  if (core.category && core.inScope) addSystem(core.category, 'core', core.kept ? `核心业务系统，保留${keptCore ?? '现有系统'}并在其上升级` : '核心业务系统，本期建设', core.refs);
  for (const s of m.statedSystems) addSystem(s.category, 'core', '本期新建（调研表列为建设内容）', s.refs);
  const ranked = [...categoryScore].sort(([, a], [, b]) => b.score - a.score || b.priority - a.priority || a.order - b.order);
  for (const [category, entry] of ranked) {
    if (systems.length >= MAX_SYSTEMS) break;
    if (!kb.category(category)) continue;
    // A server OS the 政务云 supplies, or the domestic one the customer runs: nothing to buy.
    if (suppliedWithout(category, u)) continue;
    // Why in a few words: the need it serves that the fewest other system types serve, the main goal first among equals.
    const servedBy = (n: Need) => [...categoryScore.values()].filter((e) => e.needs.includes(n)).length;
    const lead = [...entry.needs].sort((a, b) => servedBy(a) - servedBy(b) || Number(b.kind === 'main-goal') - Number(a.kind === 'main-goal'))[0]!;
    addSystem(category, systems.some((s) => s.category === category) ? 'core' : 'supporting', reasonFor(lead), [...new Set(entry.needs.flatMap((n) => n.refs))].sort((a, b) => a - b));
  }
  addDomesticMoves(u, hits, lifecycle, needs, systems, categoryScore, preferred, addSystem);
  for (const s of systems) servedNeeds.set(s.category, categoryScore.get(s.category)?.needs ?? []);
  if (systems.length === 0) {
    for (const { category, need, products } of practiceSystems(needs, hits)) {
      if (!kb.category(category) || suppliedWithout(category, u)) continue;
      addSystem(category, 'supporting', reasonFor(need), need.refs);
      servedNeeds.set(category, [...(servedNeeds.get(category) ?? []), need]);
      const list = preferred.get(category) ?? [];
      preferred.set(category, [...list, ...products.filter((p) => !list.includes(p))]);
    }
  }
  if (!buildsIntegrationLayer(systems, u)) answerWithoutLayer(needs, systems);
  // A measurable goal no rule answers is the acceptance target of the system that delivers it.
  creditTargets(u, needs, systems);
  // The core systems serve the main goal even when no rule names them.
  const main = needs.find((n) => n.kind === 'main-goal');
  if (main) for (const s of systems) if (s.role === 'core' && (servedNeeds.get(s.category) ?? []).length === 0) servedNeeds.set(s.category, [main]);
  return { needs, systems, preferred, servedNeeds };
}

/**
 * A foreign database 信创 moves to a domestic one the customer does not run yet (domesticMove.ts):
 * the domestic database is part of the project, a supporting system serving the needs on the
 * move's lines (the 信创 requirement), its candidates those the rules about it prefer. Not where
 * the plan builds a system the move can go to already, nor beyond the plan's size.
 */
function addDomesticMoves(
  u: Understanding,
  hits: readonly RuleHit[],
  lifecycle: readonly LifecycleFinding[],
  needs: readonly Need[],
  systems: readonly SystemType[],
  categoryScore: Map<string, { score: number; priority: number; needs: Need[]; order: number }>,
  preferred: Map<string, string[]>,
  addSystem: (category: string, role: SystemType['role'], reason: string, refs: number[]) => void,
): void {
  for (const move of domesticMoves(u, lifecycle, systems.map((s) => s.category))) {
    const category = move.to[0]!;
    if (systems.length >= MAX_SYSTEMS || systems.some((s) => move.to.includes(s.category)) || !u.kb.category(category)) continue;
    const l = move.finding;
    addSystem(category, 'supporting', `满足信创要求，承接${l.name} ${l.version}的国产化迁移`, move.refs);
    const entry = categoryScore.get(category) ?? { score: 0, priority: 0, needs: [], order: categoryScore.size };
    for (const n of needs) if (n.refs.some((r) => move.refs.includes(r)) && !entry.needs.includes(n)) entry.needs.push(n);
    categoryScore.set(category, entry);
    // The products of the rules about the move (Oracle向国产数据库迁移: those with Oracle compatibility).
    const list = preferred.get(category) ?? [];
    for (const h of hits) {
      if (!h.rule.categories.includes(category) || !h.evidence.some((f) => l.refs.includes(f.line + 1))) continue;
      for (const p of h.rule.products) if (!list.includes(p)) list.push(p);
    }
    preferred.set(category, list);
  }
}

/**
 * The customer's product that the project replaces, named on one of `refs`: one of the core
 * system's category, when the project builds the core system anew (not kept and upgraded).
 */
function replacedProduct(u: Understanding, refs: readonly number[]): { name: string; category: string } | undefined {
  const product = u.model.estate.products.find((p) => isReplaced(u, p) && p.refs.some((r) => refs.includes(r)));
  const core = u.model.coreSystem;
  return product ? { name: product.name, category: u.kb.category(core.category!)?.name ?? core.name } : undefined;
}

/** Whether two needs are answered by the same rules, in the same order. */
function sameRules(a: Need['mechanisms'], b: Need['mechanisms']): boolean {
  return a.length === b.length && a.every((x, i) => x.rule === b[i]!.rule);
}

/**
 * When no rule asks for a system type, but the practices that answer the needs run on one
 * ("写请求经消息队列削峰" on a message queue), those types are the plan: the customer would
 * otherwise read a practice with nothing to run it on. Each type once, with the first need it
 * answers, in the needs' order, up to MAX_SYSTEMS.
 */
function practiceSystems(needs: readonly Need[], hits: readonly RuleHit[]): Array<{ category: string; need: Need; products: readonly string[] }> {
  const rules = new Map(hits.map((h) => [h.rule.id, h.rule]));
  const out: Array<{ category: string; need: Need; products: readonly string[] }> = [];
  for (const need of needs) {
    for (const m of need.mechanisms) {
      const rule = rules.get(m.rule);
      for (const category of rule?.categories ?? []) {
        if (out.length < MAX_SYSTEMS && !out.some((x) => x.category === category)) out.push({ category, need, products: rule!.products });
      }
    }
  }
  return out;
}

function kbLayer(u: Understanding): (category: string) => string | undefined {
  return (category) => u.kb.category(category)?.layer;
}

/**
 * The systems to integrate with make one need ("对接HIS、LIS、PACS（HL7 v2、Web Service）"), not one
 * per system: they share their answer. When the plan already builds an integration layer (a
 * hospital integration platform, an ESB) for another need, that layer is their answer too.
 */
function mergeIntegrations(needs: Need[], layer: (category: string) => string | undefined): void {
  const generic = needs.filter((n) => n.kind === 'integration' && n.mechanisms.length === 1 && n.mechanisms[0]!.rule === 'plan:integration');
  if (generic.length === 0) return;
  const systems = generic.map((n) => /^对接(.*?)(?:（(.*)）)?$/.exec(n.text)).map((m, i) => ({ name: m?.[1] ?? generic[i]!.text, protocols: m?.[2] ?? '' }));
  const byProtocols = new Map<string, string[]>();
  for (const s of systems) byProtocols.set(s.protocols, [...(byProtocols.get(s.protocols) ?? []), s.name]);
  const listed = [...byProtocols].map(([protocols, names]) => `${names.join('、')}${protocols ? `（${protocols}）` : ''}`).join('；');
  const layerRule = needs.flatMap((n) => (n.kind === 'integration' ? [] : n.mechanisms)).find((m) => m.categories.some((c) => layer(c) === 'integration'));
  const merged: Need = {
    kind: 'integration',
    text: `对接${listed}`,
    refs: [...new Set(generic.flatMap((n) => n.refs))].sort((a, b) => a - b),
    mechanisms: layerRule ? [layerRule] : [{ ...generic[0]!.mechanisms[0]!, summary: `经统一集成层对接${listed}，接口契约化、纳入监控，不做点对点直连` }],
  };
  const at = needs.indexOf(generic[0]!);
  for (const n of generic) needs.splice(needs.indexOf(n), 1);
  needs.splice(at, 0, merged);
}

/** Whether the plan builds a system of the integration layer (an ESB, a hospital integration platform). */
export function buildsIntegrationLayer(systems: readonly SystemType[], u: Understanding): boolean {
  return systems.some((s) => u.kb.category(s.category)?.layer === 'integration');
}

/**
 * A plan with no integration layer cannot answer "经统一集成层对接": the system it builds reaches
 * the systems to integrate through its own interfaces (the OMS's, for the ERP), under contract
 * and monitored.
 */
function answerWithoutLayer(needs: readonly Need[], systems: readonly SystemType[]): void {
  const built = systems.find((s) => s.role === 'core' && !s.kept);
  for (const n of needs) {
    for (const m of n.mechanisms) {
      if (m.rule !== 'plan:integration') continue;
      const listed = swapPrefix(n.text, '对接');
      m.title = '按接口契约对接';
      m.summary = built ? `由${built.name}的开放接口对接${listed}，接口契约化，调用纳入监控与告警` : `按接口契约对接${listed}，调用纳入监控与告警`;
    }
  }
}

/**
 * The kind of a need that a rule finds by itself (no pain, goal or requirement line states it): a
 * compliance need when its lines are requirements (特殊要求, 安全/合规 goals); otherwise what its
 * lines are (链路抖动 under 历史应对 is a pain, not 合规).
 */
function untriggeredKind(h: RuleHit): Need['kind'] {
  const lines = h.triggers.length > 0 ? h.triggers : h.evidence;
  const isRequirement = (f: (typeof lines)[number]) => f.section === '特殊要求' || f.fieldPath.some((p) => p === '安全' || p === '合规');
  if (lines.length === 0 || lines.some(isRequirement)) return 'compliance';
  const bySection: Record<string, Need['kind']> = { 当前痛点: 'pain', 基础设施现状: 'constraint', 核心目标: 'goal' };
  return bySection[lines[0]!.section] ?? 'compliance';
}

/** The verbs a need may start with (通过等保…, 满足…). */
const OWN_VERBS = ['满足', '通过', '实现', '达到', '完成', '建设', '支撑', '支持'];

/**
 * As many of a goal's clauses, from the first, as fit in `max` characters, and of the next one the
 * longest head before a 、 that fits and measures something ("核心系统RTO不超过4小时" of
 * "核心系统RTO不超过4小时、RPO不超过15分钟"): a head without a figure is a list cut short
 * ("业务部门的表单" of "业务部门的表单、流程和报表类需求…"). Undefined when the first clause does not fit.
 */
function leadingClauses(clauses: readonly string[], max: number): string | undefined {
  let out = '';
  for (const c of clauses) {
    const next = out ? `${out}、${c}` : c;
    if (next.length <= max) {
      out = next;
      continue;
    }
    const room = max - (out ? out.length + 1 : 0);
    const cut = c.lastIndexOf('、', room);
    const head = cut > 0 ? c.slice(0, cut) : '';
    if (/\d/.test(head)) out = out ? `${out}、${head}` : head;
    break;
  }
  return out || undefined;
}

/** The longest need a reason quotes whole. */
const REASON_MAX = 28;

/** "解决监控分散、故障定位慢", "支撑首要目标", "满足等保2.0三级测评": why a system type is in the plan. */
function reasonFor(n: Need): string {
  const isGoal = n.kind === 'goal' || n.kind === 'main-goal';
  const clauses = isGoal ? goalClauses(n.text) : [];
  const text = isGoal ? clauses.join('、') || tidy(n.text) : n.text;
  // A goal too long to quote keeps its first whole clauses ("企业级低代码平台"), not a cut inside a
  // clause's own list ("企业级低代码平台、业务部门的表单"); a need said with its figures or what it
  // cost (邮件系统老旧、停止支持（去年被勒索软件攻击…）) is said without them where they would not fit.
  const short = (text.length > REASON_MAX ? leadingClauses(clauses, REASON_MAX) : undefined) ?? clip(asideDroppedBeyond(text, REASON_MAX).replace(/[，,]/g, '、'), REASON_MAX, '；。;、');
  // A need that starts with its own verb (通过等保…, 满足…) keeps it.
  const verb = (v: string) => (startsWithAny(short, OWN_VERBS) ? short : `${v}${short}`);
  if (holdsAny(text, ['对接', '集成']) && (n.kind === 'integration' || n.kind === 'compliance')) return `承担${swapPrefix(short, '对接', '与')}${short.endsWith('对接') ? '' : '的对接'}`;
  switch (n.kind) {
    case 'main-goal':
      return `支撑首要目标（${short}）`;
    case 'goal':
      return verb(/等保|测评|认证|合规|密评|审计|GMP|安全/.test(text) ? '满足' : '支撑');
    case 'compliance':
      return verb(/等保|测评|认证|合规|密评|审计|GMP|安全|信创|法/.test(text) ? '满足' : '解决');
    default:
      return verb('解决');
  }
}

const SECTION_RANK: ReadonlyMap<string, number> = new Map([
  ['推荐系统方案', 0],
  ['适用性分析', 1],
  ['实施建议', 2],
  ['关键特性', 3],
]);

function rank(h: RuleHit): number {
  return SECTION_RANK.get(h.rule.section) ?? 4;
}

/**
 * Whether a rule's words for a need (病组亏损看不到、病案编码不准导致医保拒付) say the pain `text`:
 * they share a word or a run of three characters, or two uncommon pairs of characters (医保, 拒付),
 * or one where the pain is a short phrase that pair is much of (安全团队只有3人 and 安全告警分散、
 * 值守人手不足). One pair of a longer pain is not enough: 医保结算清单上传靠人工核对 shares only 医保.
 */
function saysPain(need: string, text: string): boolean {
  if (sharesRun(text, need)) return true;
  const pairs = sharedPairCount(text, need);
  return pairs >= 2 || (pairs === 1 && hanCount(text) <= SHORT_PAIN);
}

/** The most Chinese characters of a pain that one shared pair speaks for. */
const SHORT_PAIN = 8;

/** Whether `a` and `b` share a run of three characters (平台, 系统 and the like aside). */
function sharesWords(a: string, b: string): boolean {
  const core = a.replace(/系统|平台|中心/g, '');
  for (let i = 0; i + 3 <= core.length; i++) if (b.includes(core.slice(i, i + 3))) return true;
  return false;
}

/**
 * The question to ask when no mechanism answers a need: a real question, ending with "？". A goal
 * whose current level the intake gives (开盘峰值委托1.5万笔/秒) is not asked for it: it is stated.
 */
function clarifyFor(s: Source, current: readonly BaselineLine[]): Pick<Need, 'clarify' | 'baseline'> {
  if (s.kind === 'goal' || s.kind === 'main-goal') {
    const baseline = baselineOf(s.text, s.refs, current);
    // A goal that says its own baseline (从82%提升到90%) is not told it again.
    const own = baseline?.refs.every((r) => s.refs.includes(r));
    if (baseline) return { clarify: `“${clip(tidy(s.text), 24)}”按什么口径验收${own ? '' : `（现为${baseline.text}，据调研表）`}？`, baseline };
    return { clarify: `“${clip(tidy(s.text), 24)}”按什么口径验收，当前基线是多少？` };
  }
  return { clarify: `“${clip(tidy(s.text), 24)}”具体出现在哪些系统和场景，影响多大？` };
}

/**
 * Whether `text` names the product of lifecycle finding `l` (IBM MQ, AS/400), by its family's
 * names as the estate reads them: not by a first word its vendor's other products share (the
 * "IBM" of IBM AS/400 names no IBM MQ).
 */
function namesFamily(u: Understanding, text: string, l: LifecycleFinding): boolean {
  const product = u.kb.lifecycle.find((f) => f.id === l.family)?.product;
  return knowledgeIndex(u.kb, 'estate-names').find(text).some((h) => (h.value.kind === 'family' ? h.value.family.id === l.family : h.value.product.id === product));
}
