/**
 * The writer: the eight sections of the sample reports, short and specific, from the plan; then
 * `## 附录` for the engineer (scored comparisons, exclusions, lifecycle check, regulations, cost
 * detail, every clarification, rule evidence). The body says each thing once (see `Once`) and
 * never names an excluded product.
 */
import { caseInsensitiveRegExp } from '../../text/caseExpand';
import type { Need, Option, Point, Regulation, ReportModel, Section, SystemType } from '../reportModel';
import type { Framework } from '../../knowledge/schema';
import { uniqueAscending } from '../uniqueAscending';
import { REPORT_SECTION_TITLES } from '../sectionTitles';
import type { RuleHit } from '../rules';
import { clip, firstClause, goalClauses, shortName, tidy, upgradeStep, withoutDeadline } from '../text/restate';
import type { Understanding } from '../understand';
import { cloudName, stackName } from '../understand/places';
import { buildsOtherThanIndustryCore } from '../plan/anyIndustry';
import { currentName, FALLBACK_NOTE, onlyOpenSource, replacesCore, SHOWN_NOTES } from '../plan/picks';
import { sameVendor } from '../plan/sameVendor';
import { lifecycleDate, ownUpgrade, supportedUntil } from '../plan/lifecycle';
import { jurisdictionName } from '../plan/regulation';
import { buildsIntegrationLayer } from '../plan/needs';
import { customerHub } from '../plan/hub';
import { pricesNothing } from '../plan/costs';
import { scopeOf } from '../plan/scopes';
import { coreBesideThePoint, planLeavesCoreAlone } from '../plan/coreUntouched';
import { enumerate, heading, joinItems, labelled, list, note, Once, paragraph, point, sentence, table } from './blocks';
import { dropTrailingAside } from '../text/trim';
import { pocTestable, throughput } from '../text/pocTarget';
import { touches } from '../text/overlap';
import { leadingDeadlineVerb } from '../text/deadlines';
import { holdsAny, holdsAnyCaseless } from '../../text/holdsAny';
import { endsWithOneOf, startsWithAny, swapPrefix, swapSuffix } from '../../text/affix';
import { estateLabel, writtenLabel } from '../understand/estate';
import { constraintName, traitName } from '../understand/names';
import { MLPS_FRAMEWORK } from '../understand/mlpsLevel';

export interface WriteInput {
  model: ReportModel;
  u: Understanding;
  hits: readonly RuleHit[];
}

/** A rule that proposes a POC, and the lead-in (…POC：) before what the POC proves. */
const POC = caseInsensitiveRegExp('POC', 'i');
const POC_LEAD = caseInsensitiveRegExp('^[^：]*POC：', 'i');
const MAX_RISKS = 6;
const MAX_NEEDS = 8;

export function writeReport({ model, u, hits }: WriteInput): { sections: Section[]; appendix: Section[] } {
  const once = new Once();
  const s = REPORT_SECTION_TITLES;
  const sections: Section[] = [
    { id: 'requirements', title: s[0], blocks: requirements(model, u) },
    { id: 'solution', title: s[1], blocks: solution(model, u) },
    { id: 'fit', title: s[2], blocks: fit(model, once) },
    { id: 'features', title: s[3], blocks: features(model, u, hits, once) },
    { id: 'implementation', title: s[4], blocks: implementation(model, hits, once) },
    { id: 'costs', title: s[5], blocks: costs(model) },
    { id: 'risks', title: s[6], blocks: risks(model, once) },
    { id: 'next-steps', title: s[7], blocks: nextSteps(model, u, hits, once) },
  ];
  return { sections, appendix: appendix(model, u, hits) };
}

// ---------------------------------------------------------------- 业务需求分析


/** How many current systems the 现状 line names before 等. */
const MAX_CURRENT_SYSTEMS = 8;

function requirements(model: ReportModel, u: Understanding): ReportModel['sections'][number]['blocks'] {
  const m = u.model;
  const items: Point[] = [];
  const core = m.coreSystem;
  const industry = [m.industry.name, m.industry.segment].filter(Boolean).join(' · ');
  // "核心业务系统（存贷汇与总账）是…", not "核心业务系统是核心业务系统（…）". A system every
  // organisation runs, built for an industry whose core business runs on others (an insurer's
  // DCIM), is the project's system, not its core business system.
  const projectSystem = core.inScope && !core.kept && buildsOtherThanIndustryCore(u);
  const coreSubject = projectSystem ? `本期建设的系统是${core.name}` : core.name.startsWith('核心') ? core.name : `核心业务系统是${core.name}`;
  const joiner = core.name.startsWith('核心') ? '' : '，';
  // A security programme leaves the core system alone (plan/coreUntouched.ts): asked once.
  const leftAlone = planLeavesCoreAlone(model, u);
  const coreText =
    // Replacing the virtualisation platform moves every system on it and replaces none: which
    // core system the industry suggests is beside the point (one the intake names stays).
    u.traits.has('virtualization-replacement') && core.basis !== 'stated'
      ? '现有业务系统随虚拟化平台迁移，本期不替换'
      : // Not asked about where it does not matter (clarify.ts): nothing to refer the reader to, and
      // no guess from the industry left "待确认" with no question to confirm it.
      core.basis === 'unknown' || (core.basis === 'industry' && coreBesideThePoint(u))
      ? coreBesideThePoint(u)
        ? ''
        : '核心业务系统未能从调研表判断（见下一步建议）'
      : `${core.basis === 'segment' && !core.inScope && (leftAlone || u.traits.has('database-replacement')) ? '按细分领域推断，' : ''}${coreSubject}${core.inScope ? (core.kept ? `${joiner}保留现有厂商并在其上升级` : projectSystem ? '' : `${joiner}是本期建设的重点`) : core.basis === 'industry' ? '（按行业推断，待确认）' : replacesCore(model, u) ? `${joiner || '，'}现有系统是否替换待与客户确认，方案给出替换选型` : leftAlone ? `${joiner || '，'}本期方案不涉及它` : u.traits.has('database-replacement') ? `${joiner || '，'}应用本期不替换，替换其下的数据库` : u.traits.has('cloud-migration') ? `${joiner || '，'}现有系统随迁上云，本期不替换` : newBesideCore(model, core.category).length > 0 ? `${joiner || '，'}现有系统保留，本期新建${enumerate(newBesideCore(model, core.category), 3)}并与它对接` : `${joiner || '，'}现有系统本期不替换，方案围绕它做优化与集成`}`;
  const scale = m.scale.figures.length > 0 ? `规模：${enumerate(m.scale.figures.map((f) => f.text), 4)}` : '';
  const about = [coreText, scale].filter(Boolean).join('；');
  items.push(labelled('客户与核心业务', `${industry}。${about}${about ? '。' : ''}`, [...m.industry.refs, ...core.refs, ...m.scale.figures.flatMap((f) => f.refs)]));
  if (m.mainGoal) items.push(labelled('首要目标', `${sentence(tidy(m.mainGoal.text))}`, m.mainGoal.refs));
  const estate: string[] = [];
  for (const c of m.estate.clouds) {
    const regions = c.regions.map((r) => `${r.written.replace(/^(?:AWS|Azure|GCP|阿里云|华为云|腾讯云)\s?/, '')}${r.approximate ? '，区域待确认' : ''}`);
    estate.push(regions.length > 0 ? `${c.name}（${regions.join('、')}）` : c.name);
  }
  for (const o of m.estate.onPrem.slice(0, 2)) estate.push(clip(o.text, 40));
  // A system the customer keeps is named as the customer names it (卫宁HIS, not the vendor's newest product line).
  // So is one the plan builds on (东软HIS 5.0, not 东软 医院信息系统（HIS/EMR） 5.0), and a line
  // its vendor no longer sells, whose one entry stands for its editions (用友NC 6.5, 用友NC Cloud).
  const builtOn = new Set(model.options.flatMap((o) => o.picks.filter((x) => x.existing).map((x) => x.product.id)));
  const ownName = (id: string | undefined) => id !== undefined && (u.kept.some((k) => k.product === id) || builtOn.has(id) || u.kb.product(id)?.successor !== undefined);
  // A version written after the customer's own name for a product is that name's ("卫宁HIS 5.0" is
  // no "卫宁健康 WiNEX 5.0"): said with it.
  const ownVersion = (p: (typeof m.estate.products)[number]) => p.version !== undefined && p.product !== undefined && !holdsAnyCaseless(p.name, [p.written]);
  // The systems as the customer writes them (致远OA, AutoCAD, 自研POS), known or not; then the
  // known products its other lines name (an aside, a pain, a debt), as before.
  const covered = new Set(m.estate.systems.flatMap((s) => s.covers));
  const said = estate.join('；');
  const written = m.estate.systems.map((s) => s.name).filter((name) => !said.includes(name));
  const others = m.estate.products.filter((p) => !covered.has(p.family ?? p.product ?? '') && !m.estate.onPrem.some((o) => o.text.includes(p.written)));
  // One in brackets on a line the customer's systems are named on ("卫宁HIS 5.0（Oracle 11g）") is in its words too.
  const systemLines = new Set(m.estate.systems.flatMap((s) => s.refs));
  const versions = [...written, ...others.map((p) => (p.product && ownName(p.product) ? currentName(u, p.product) : ownVersion(p) || p.refs.some((r) => systemLines.has(r)) ? writtenLabel(p) : estateLabel(p)))];
  if (estate.length > 0 || versions.length > 0) {
    items.push(labelled('现状', `${[said, versions.length > 0 ? `主要组件${enumerate(versions, MAX_CURRENT_SYSTEMS)}` : ''].filter(Boolean).join('；')}。`, [...m.estate.clouds.flatMap((c) => c.refs), ...m.estate.onPrem.flatMap((o) => o.refs), ...m.estate.systems.flatMap((s) => s.refs), ...m.estate.products.flatMap((p) => p.refs)]));
  }
  const constraints = m.constraints.filter((c) => c.kind !== 'keep-system').map((c) => c.text);
  const kept = keptAndIntegrated(u).map((x) => x.name);
  const constraintText = [constraints.length > 0 ? enumerate(constraints, 4) : '', kept.length > 0 ? `保留并对接${enumerate(kept, 5)}` : ''].filter(Boolean).join('；');
  if (constraintText) items.push(labelled('硬约束', `${constraintText}。`, [...m.constraints.flatMap((c) => c.refs), ...m.integrations.flatMap((i) => i.refs)]));
  const regs = model.regulations.filter((r) => r.kind === 'framework' && r.basis === 'stated').concat(model.regulations.filter((r) => r.kind === 'framework' && r.basis !== 'stated'));
  const regulators = model.regulations.filter((r) => r.kind === 'regulator').map((r) => r.name);
  if (regs.length > 0 || regulators.length > 0) {
    const shown = shownFrameworks(regs, u, MAX_FRAMEWORKS_SHOWN);
    // One the knowledge base does not know is named as the customer wrote it, edition and all.
    const names = shown.map((r) => (r.id === undefined ? r.name : shortFramework(r.name)));
    const more = regs.length > shown.length ? '等' : '';
    items.push(labelled('合规与监管', `${[names.length > 0 ? `${names.join('、')}${more}` : '', regulators.length > 0 ? `监管机构${enumerate(regulators, 3)}` : ''].filter(Boolean).join('；')}。`, regs.flatMap((r) => r.refs)));
  }
  // Business impacts with money in them go to the benefits; the rest of the pains, restated.
  const losses = new Set(u.model.lossFigures.flatMap((l) => l.refs));
  const pains = (model.plan?.needs ?? []).filter((n) => (n.kind === 'pain' || n.kind === 'debt') && !(n.mechanisms.length === 0 && n.refs.every((r) => losses.has(r)))).slice(0, 5);
  if (pains.length > 0) items.push(labelled('关键痛点', '', [], pains.map((n) => point(n.text, n.refs))));
  for (const t of m.triedAndFailed) items.push(labelled('已尝试', `${t.what}${t.why ? `，因${t.why}未成功` : '，未达到目标'}。`, t.refs));
  const b = m.budget;
  if (b.total) {
    const parts = [`${b.total.text}${b.perYear ? '/年' : ''}${b.firstYear ? '（首年）' : b.horizonAssumed ? '' : `，覆盖${b.horizonYears}年`}`];
    // Parts the intake gives as shares say so (初期建设70% vs 持续运维30%).
    const share = b.shares;
    if (b.oneTime && b.oneTime.amount !== b.total.amount) parts.push(`其中一次性建设${b.oneTime.text}${share ? `（${share.oneTime}%）` : ''}`);
    if (b.recurringPerYear) parts.push(`年度运维${b.recurringPerYear.text}${share ? `（${share.recurring}%${share.years > 1 ? `，按${share.years}年分摊` : ''}）` : ''}`);
    if (b.preference) parts.push(b.preference);
    items.push(labelled('预算', `${parts.join('；')}。`, b.refs));
  }
  return [list(items)];
}

const OUTCOME_STEP: Record<string, string> = {
  certificate: '选定认证机构，安排两阶段审核',
  attestation: '选定评估或审计机构，先界定范围',
  'filing-and-assessment': '完成定级备案，预约测评机构',
  assessment: '编制方案并预约评估机构',
  compliance: '梳理合规义务与证明材料',
};

/**
 * The customer's next step towards a framework: keeping a certificate it holds (the surveillance
 * audit), a first certification it seeks, or, the intake saying neither, the framework's own step
 * or its outcome's.
 */
function stepTowards(f: Framework, r: Regulation): string {
  const own = r.standing?.is === 'held' ? f.held?.nextStep : r.standing?.is === 'sought' ? f.sought?.nextStep : undefined;
  return own ?? f.nextStep ?? OUTCOME_STEP[f.outcome]!;
}

function shortFramework(name: string): string {
  return swapPrefix(dropTrailingAside(name), '中华人民共和国');
}

/**
 * The systems that stay: kept ones, then the ones to integrate with, without naming one twice
 * ("卫宁HIS" and "HIS"); each with the protocols the intake gives.
 */
/** How many frameworks the understanding's compliance line names before it says 等. */
const MAX_FRAMEWORKS_SHOWN = 6;

/**
 * The frameworks the compliance line names, in their order (those the intake names first): where
 * it must shorten, what the customer named and the sector's own rules (反洗钱法, the CSRC's 218号
 * measures, a sector's backup standard) are kept, and a law every customer has is the one cut.
 */
function shownFrameworks<R extends { basis: string; id?: string | undefined; name: string }>(regs: readonly R[], u: Understanding, max: number): R[] {
  const unique = regs.filter((r, i) => regs.findIndex((x) => shortFramework(x.name) === shortFramework(r.name)) === i);
  if (unique.length <= max) return unique;
  // Kept first: what the intake names and the sector's own; then what the project must pass
  // (等保, 密评); a law that binds every customer alike is the first cut.
  const tier = (r: R) => {
    if (r.basis === 'stated') return 0;
    const f = u.kb.framework(r.id ?? '');
    const ways = f?.appliesWhen ?? [];
    if (ways.length > 0 && ways.every((c) => c.industries !== undefined)) return 0;
    return f?.kind === 'law' ? 2 : 1;
  };
  const kept = new Set([...unique].sort((a, b) => tier(a) - tier(b)).slice(0, max));
  return unique.filter((r) => kept.has(r));
}

function keptAndIntegrated(u: Understanding): Array<{ name: string; protocols: string[] }> {
  const out: Array<{ name: string; protocols: string[] }> = u.kept.map((k) => ({ name: k.name, protocols: [] }));
  for (const i of u.model.integrations) {
    const same = out.find((x) => x.name.includes(i.system) || i.system.includes(x.name));
    if (same) same.protocols = [...new Set([...same.protocols, ...i.protocols])];
    else out.push({ name: i.system, protocols: [...i.protocols] });
  }
  return out;
}

/** "HIS、LIS、PACS（HL7 v2/Web Service）": systems sharing their protocols are named together. */
function groupedByProtocol(list: ReadonlyArray<{ name: string; protocols: string[] }>): string[] {
  const groups = new Map<string, string[]>();
  for (const x of list) {
    const key = x.protocols.join('/');
    groups.set(key, [...(groups.get(key) ?? []), x.name]);
  }
  return [...groups].map(([protocols, names]) => `${enumerate(names, 6)}${protocols ? `（${protocols}）` : ''}`);
}

// ---------------------------------------------------------------- 推荐系统方案

/** The longest goal the lead quotes, in characters (the deadline included). */
const LEAD_GOAL_MAX = 40;

/**
 * The main goal as the lead quotes it: its deadline (`by`), then as many whole clauses as fit.
 * Cut inside a clause, "覆盖来料、过程、出货检验与客诉8D" would read "覆盖来料、过程", a list the
 * customer did not write; a first clause too long for the lead is cut at a boundary, and a list
 * cut short says so (…等).
 */
function leadGoal(by: string, clauses: readonly string[], whole: string, verb = ''): string {
  // The verb written back after the deadline (leadingDeadlineVerb) does not count against the
  // length: it restores the customer's words, and should not push out a clause that fitted.
  const max = LEAD_GOAL_MAX + verb.length;
  const at = `${by}${verb}`;
  const first = clauses[0];
  if (first === undefined) return clip(`${by}${whole}`, LEAD_GOAL_MAX, '，；。,;、');
  const opened = `${at}${first}`;
  if (opened.length > max) {
    const cut = clip(opened, max, '，；。,;、');
    return opened[cut.length] === '、' ? `${cut}等` : cut;
  }
  const taken = [first];
  for (const c of clauses.slice(1)) {
    if (`${at}${joinItems([...taken, c], '，')}`.length > max) break;
    taken.push(c);
  }
  return `${at}${joinItems(taken, '，')}`;
}


/**
 * The business systems the plan builds beside the customer's core system (an APS or a QMS beside
 * the MES it keeps): what the report says the project is, rather than optimising the core.
 */
function newBesideCore(model: Pick<ReportModel, 'plan'>, coreCategory: string | undefined): string[] {
  return (model.plan?.systems ?? []).filter((x) => x.role === 'core' && x.category !== coreCategory).map((x) => x.name);
}

function solution(model: ReportModel, u: Understanding): ReportModel['sections'][number]['blocks'] {
  const blocks: ReportModel['sections'][number]['blocks'] = [];
  const systems = model.plan?.systems ?? [];
  const rec = model.options.find((o) => o.recommended);
  const core = u.model.coreSystem;
  const main = u.model.mainGoal;
  // "18个月内…", "2027年底前…".
  const by = u.model.deadline.months ? (u.model.deadline.text.endsWith('前') ? u.model.deadline.text : `${u.model.deadline.text}内`) : '';
  // The verb the deadline took with it goes back with the deadline ("18个月内建成PLM平台").
  const goal = main ? leadGoal(by, goalClauses(main.text), tidy(main.text), by ? leadingDeadlineVerb(tidy(main.text)) : '') : '';
  const keptCore = u.kept.find((k) => k.category === core.category)?.name;
  const builds = newBesideCore(model, core.category);
  // A system built beside the kept core (an APS or a QMS beside the MES) is connected to it; the
  // core itself is not what the plan optimises, so the new system is named first.
  const beside = !core.inScope && !replacesCore(model, u) && builds.length > 0 && core.basis !== 'unknown' && core.basis !== 'industry' && !planLeavesCoreAlone(model, u) && !u.traits.has('database-replacement') && !u.traits.has('cloud-migration');
  const how = [
    beside ? `新建${enumerate(builds, 3)}` : '',
    // A core system only inferred from the industry may not exist: nothing is said of keeping it.
    core.inScope ? (core.kept ? `保留现有${keptCore ?? core.name}并在其上升级` : `先建设${core.name}`) : replacesCore(model, u) ? '' : core.basis !== 'unknown' && core.basis !== 'industry' && !planLeavesCoreAlone(model, u) ? (u.traits.has('database-replacement') ? '应用不变、替换其下的数据库' : u.traits.has('cloud-migration') ? `现有${core.name}随迁上云、不替换` : beside ? `与现有${core.name}对接、不替换它` : `不替换现有${core.name}，围绕它优化`) : '',
    builds.length > 0 && !beside ? `新建${enumerate(builds, 3)}` : '',
    // Said after what the goal needs: the replacement is the customer's call (see the clarifications).
    replacesCore(model, u) ? `现有${core.name}是否替换待与客户确认，方案中给出替换选型` : '',
  ].filter(Boolean);
  const other = model.options.find((o) => !o.recommended);
  const because = rec && other ? whyRecommended(rec, other, u, model.candidates, systems) : '';
  const lead = [goal ? `以${goal}为主线${how.length > 0 ? `：${how.join('，')}` : ''}。` : how.length > 0 ? `${how.join('，')}。` : '', rec && systems.length > 0 ? `推荐方案${rec.id}（${swapPrefix(rec.title, ['方案A：', '方案B：'])}）${because ? `，${because}` : ''}。` : ''].join('');
  if (lead) blocks.push(paragraph(lead, main?.refs ?? []));
  // No rule asks for a system (a sparse intake, or one answered by practices alone): there is
  // nothing to choose between, so no options; the measures are in 适用性分析.
  if (systems.length === 0) {
    // Practices answer the needs only when they answer the main goal ("680家门店POS替换" asks for a
    // system the knowledge base may not know, whatever else is answered).
    const needs = model.plan?.needs ?? [];
    const mainNeed = needs.find((n) => n.kind === 'main-goal');
    const answered = mainNeed ? mainNeed.mechanisms.length > 0 : needs.some((n) => n.mechanisms.length > 0);
    blocks.push(
      paragraph(
        answered
          ? '本期不需要新增系统，按“适用性分析”中的措施达成目标。若客户另有要建设的系统，请补充到调研表后再做选型。'
          : '调研表中的目标与痛点还不足以确定要建设哪些系统，本期暂不给出选型：先澄清“适用性分析”中列出的问题，补充调研表后重新生成。',
      ),
    );
    blocks.push(...keptLine(systems, u));
    return blocks;
  }
  blocks.push(heading('系统类型'));
  blocks.push(list(systems.map((s) => point(`${s.name}：${s.reason}${s.kept && !s.reason.includes(s.kept) ? `（保留现有${s.kept}）` : ''}`, s.refs)), true));
  blocks.push(...keptLine(systems, u));
  // A reason said for one pick (原生支持IDoc…) is not repeated for the next.
  const said = new Once();
  // Categories where a requirement left only some products (密评, 数据库国产化): why option B cannot differ there.
  const forced = new Map(model.exclusions.filter((e) => e.kind === 'compliance' || e.kind === 'domestic').map((e) => [e.category, e.reason]));
  for (const o of model.options) blocks.push(...option(o, model.options[0] !== o ? model.options[0] : undefined, (id) => systemName(model, u, id), said, forced, (id) => u.kb.product(id)?.origin));
  const excluded = model.exclusions.length;
  if (excluded > 0) {
    const kinds = [...new Set(model.exclusions.map((e) => e.kind))].map((k) => ({ constraint: '违反硬约束', cloud: '属于客户未使用的云', failed: '曾试用失败', kept: '与保留的系统重复', xinchuang: '未做信创适配', domestic: '不满足国产化要求', unsuited: '只覆盖客户业务的一部分', policy: '团队厂商政策不采用', compliance: '不满足适用的合规要求', replaced: '正是本期要替换的现有产品' })[k]);
    blocks.push(note(`另有${excluded}个候选因${enumerate(kinds, 4)}被排除，明细见附录。`));
  }
  return blocks;
}

/**
 * The systems kept and integrated beside those the plan builds: "保留并通过集成层对接：…"; and what
 * becomes of the hub the customer runs (自研ESB): the one the plan builds replaces it, or the kept
 * systems are reached through it.
 */
function keptLine(systems: readonly SystemType[], u: Understanding): ReportModel['sections'][number]['blocks'] {
  const kept = groupedByProtocol(keptAndIntegrated(u).filter((x) => !systems.some((s) => s.kept === x.name)));
  const hub = customerHub(systems, u);
  const keptHub = hub && !hub.replacedBy ? hub.name : undefined;
  // "通过集成层" only where the plan builds one (an ESB, an integration platform).
  const via = keptHub ? `经现有${keptHub}` : buildsIntegrationLayer(systems, u) ? '通过集成层' : '';
  const keptText = kept.length > 0 ? `保留并${via}对接：${enumerate(kept, 6)}。` : '';
  const hubText = !hub ? '' : hub.replacedBy ? `现有${hub.name}由本期新建的${hub.replacedBy}取代：其上的接口按清单逐个迁入，迁移期间新旧总线并行，迁完后下线${hub.name}。` : kept.length > 0 || systems.length === 0 ? '' : `保留现有${hub.name}，新建系统经其对接。`;
  if (!keptText && !hubText) return [];
  return [paragraph(`${keptText}${hubText}`, uniqueAscending([...u.kept.flatMap((k) => k.refs), ...u.model.integrations.flatMap((i) => i.refs), ...(hubText || keptHub ? (hub?.refs ?? []) : [])]))];
}

/**
 * Why the recommended option wins, from the picks: a customer-specific reason its picks have and
 * the other option's lack (内置…所需的功能, 与现有…原生集成); the 信创 requirement; else what the
 * strategies differ in. Where the option builds a core system, only the core picks' reasons speak
 * for the whole option: a monitoring service's native integration is no reason to choose an OMS.
 */
function whyRecommended(rec: Option, other: Option, u: Understanding, candidates: ReportModel['candidates'], systems: readonly SystemType[]): string {
  if (u.constraintKinds.has('xinchuang-full')) return '全栈信创要求下只能在国产产品中选择';
  if (rec.withinBudget) return `因为方案${other.id}的估算按下限也超出预算，方案${rec.id}的估算下限在预算之内；方案${other.id}的产品评分更高，预算可调整时可作比选`;
  // No international option (a brokerage counter, a database that must be domestic): B is for comparison.
  if (other.strategy === 'domestic-alt') return '因为它在各系统类型中选的是最贴合需求的国产产品，方案B供比选与议价';
  if (other.strategy === 'international-alt') return '因为它在各系统类型中选的是最贴合需求的产品，方案B供比选与议价';
  const parts = (p: Option['picks'][number] | undefined) => (p && p.basis === 'customer' && !p.existing ? p.why.split('；').filter((x) => !startsWithAny(x, ['沿用', '注意', '需在POC', '同一厂商'])) : []);
  // Compared system type by system type: what the recommended pick has and the other option's pick lacks.
  // Where the option builds a core system: its picks, and those of the same vendor (用友BIP for the
  // expenses too, beside the finance shared-services platform), speak for the option.
  const core = new Set(systems.filter((s) => s.role === 'core').map((s) => s.category));
  const coreVendors = rec.picks.filter((p) => core.has(p.category) && !p.existing).map((p) => p.product.vendor);
  const speaking = coreVendors.length > 0 ? rec.picks.filter((p) => coreVendors.some((v) => sameVendor(v, p.product.vendor))) : rec.picks;
  const edge = speaking.flatMap((p) => {
    const theirs = new Set(parts(other.picks.find((q) => q.category === p.category)));
    return parts(p).filter((x) => holdsAny(x, ['内置', '原生集成', '同厂商']) && !theirs.has(x) && (!x.includes('原生集成') || cloudHostsThePlan(p, rec, u)));
  })[0];
  if (edge) return `因为它的产品${swapSuffix(swapPrefix(edge, '与', '与客户'), '所需的功能', '所需的功能更完整')}`;
  if (!other.applicable || other.gaps.length > rec.gaps.length) return `方案${other.id}有系统类型找不到满足约束的产品`;
  if (rec.strategy === 'domestic' && other.strategy === 'international') return domesticOverInternational(rec, other, u);
  // Two clouds the customer is choosing between: the scores lean, the quotes and a POC decide.
  if (rec.strategy === 'cloud-native' && other.strategy === 'cloud-native') return '两者都满足约束，目标云宜由两家按同一资源清单报价并做POC后确定';
  if (rec.strategy === 'cloud-native') return u.cloudsInUse.size > 0 ? '两者都满足约束，现有云的原生服务运维最省力' : '两者都满足约束，目标云的托管服务运维最省力';
  // Recommended on the scores (an international option over a domestic one): the pick that scored
  // higher than the other option's, and the reason it has that the other's lacks.
  const ahead = betterPick(rec, other, candidates);
  if (ahead) return `因为${ahead.categoryName}选用的${dropTrailingAside(ahead.product)}${ahead.reason}，与需求更贴合`;
  return '';
}

/**
 * Why a domestic option wins over an international one that holds as much: licences and local
 * service cost less, unless the other's new picks are all open source (免许可费): then the domestic
 * vendors' own service, where option A has a domestic product; else the two choose alike.
 */
function domesticOverInternational(rec: Option, other: Option, u: Understanding): string {
  if (!onlyOpenSource(other.picks, u)) return '两者都满足约束，国产产品的许可与本地服务成本通常更低';
  const domestic = rec.picks.some((p) => !p.existing && u.kb.product(p.product.id)?.origin === 'cn');
  return domestic ? `两者都满足约束，方案${rec.id}的国产产品有厂商本地服务，方案${other.id}的开源产品需自有团队或第三方支持` : '两者都满足约束，所选产品相同';
}

/**
 * Whether the cloud of a pick's native integration (与现有华为云原生集成) is where the plan lives, so
 * that the integration is a reason for the whole option: the customer runs no machine room of its
 * own, or runs a product on that cloud (its database there: AWS RDS MySQL), or half the option's
 * new picks are of it. A cloud that hosts only the head office's OA, beside the plants' own machine rooms where
 * the MES runs, is none: one integration service of it is no reason to prefer the option.
 */
function cloudHostsThePlan(pick: Option['picks'][number], rec: Option, u: Understanding): boolean {
  const cloud = u.kb.product(pick.product.id)?.cloud;
  if (cloud === undefined || cloud === 'none') return false;
  if (u.model.estate.onPrem.length === 0) return true;
  // A product the customer runs of that cloud, or on a line that names it (数据库：AWS RDS MySQL).
  const lines = new Set(u.model.estate.clouds.find((c) => c.provider === cloud)?.refs ?? []);
  if (u.model.estate.products.some((e) => (e.product !== undefined && u.kb.product(e.product)?.cloud === cloud) || e.refs.some((r) => lines.has(r)))) return true;
  const fresh = rec.picks.filter((p) => !p.existing);
  return fresh.filter((p) => u.kb.product(p.product.id)?.cloud === cloud).length * 2 >= fresh.length;
}

/** The first of `rec`'s new picks that scored above `other`'s pick of the same kind, with a positive reason of its own. */
function betterPick(rec: Option, other: Option, candidates: ReportModel['candidates']): { categoryName: string; product: string; reason: string } | undefined {
  const scored = (o: Option, category: string, id: string) => candidates.find((c) => c.option === o.id && c.category === category && c.product.id === id);
  for (const p of rec.picks) {
    const q = other.picks.find((x) => x.category === p.category);
    if (p.existing || !q || q.product.id === p.product.id) continue;
    const mine = scored(rec, p.category, p.product.id);
    const theirs = scored(other, q.category, q.product.id);
    if (!mine || !theirs || mine.score <= theirs.score) continue;
    // A reason the other pick does not have, and not a drawback or a policy note.
    const reason = mine.notes.find((n) => !theirs.notes.includes(n) && !startsWithAny(n, ['针对', '容量适合', '注意', '价格档位', '规模定位', '中国区', '海外', '开源']) && !n.includes('不满足'));
    if (reason) return { categoryName: p.categoryName, product: p.product.name, reason };
  }
  return undefined;
}

function option(o: Option, first: Option | undefined, categoryName: (id: string) => string, said: Once, forced: ReadonlyMap<string, string>, origin: (id: string) => string | undefined): ReportModel['sections'][number]['blocks'] {
  const out: ReportModel['sections'][number]['blocks'] = [heading(`${o.title}${o.recommended ? '（推荐）' : '（备选）'}`)];
  if (o.note) out.push(paragraph(o.note));
  const newShared = (o.shared ?? []).filter((x) => !(first?.shared ?? []).includes(x));
  const shared = newShared.length > 0 ? `所选产品均${newShared.join('；')}。` : '';
  // The note (why option B is a second domestic set) already says what the summary would.
  out.push(paragraph(o.note ? (shared || '所选产品与方案A同样满足约束。') : `${o.summary}${shared}`));
  if (!o.applicable) {
    out.push(paragraph('不适用：所有系统类型都没有满足约束的候选。'));
    return out;
  }
  // What option B shares with option A is said in one line, not pick by pick.
  const same = first ? o.picks.filter((p) => first.picks.some((q) => q.category === p.category && q.product.id === p.product.id)) : [];
  if (same.length > 0) {
    // A new pick the same because a requirement left no other (密评: certified cryptography only) says so.
    // So does one the same because the option's kind has none (no international brokerage counter).
    const fallback = FALLBACK_NOTE[o.strategy];
    const why = same
      .filter((p) => !p.existing && (forced.has(p.category) || (p.fallback === true && fallback !== '')))
      .map((p) => (forced.has(p.category) ? `${same.length > 1 ? `${p.categoryName}的` : ''}其他候选${forced.get(p.category)!}` : swapSuffix(same.length > 1 ? swapPrefix(fallback, '该类', p.categoryName) : fallback, '；', '')));
    // An open-source pick the international option shares (Redis, Apache Camel) is of either kind:
    // said so, rather than left to read as option A again under another name.
    const open = o.strategy === 'international' ? same.filter((p) => !p.existing && p.fallback !== true && !forced.has(p.category) && origin(p.product.id) === 'oss') : [];
    if (open.length > 0) why.push(`${enumerate(open.map((p) => shortName(p.product.name)), 6)}为开源产品，国产与国际方案都适用`);
    // Only what the customer keeps: nothing is being chosen.
    const keptOnly = same.length === o.picks.length && same.every((p) => p.existing);
    const tail = why.length > 0 ? `：${why.join('；')}` : keptOnly ? '：都沿用现有系统，本期不另行选型' : '';
    out.push(paragraph(`${same.length === o.picks.length ? '各系统类型的选择都' : `${enumerate(same.map((p) => p.categoryName), 6)}的选择`}与方案A相同${tail}。`));
  }
  const items = o.picks.filter((p) => !same.includes(p)).map((p) => {
    // A reason already given is not repeated: a product already named in option A is marked as
    // such; for another product a repeated reason is shortened to "同样…".
    const fresh = (why: string, id: string) => {
      const parts = why.split('；').filter(Boolean);
      // An origin label (国产产品) is not a reason to shorten: it says what kind of product this is.
      const kept = parts.filter((x) => /^[^，]*，?(?:国产|国际|开源)产品$/.test(x) || said.first(x, id));
      if (kept.length > 0) return kept.join('；');
      const other = parts.find((x) => said.by(x) !== id);
      return other ? `同样${swapPrefix(firstClause(other), '需在POC中验证：', '需在POC中验证')}` : '';
    };
    const name = shortName(p.product.name);
    const inA = first?.picks.some((q) => q.category === p.category && q.alternative?.product.id === p.product.id) ?? false;
    const main = fresh(p.why, p.product.id);
    const alt = p.alternative;
    const altName = alt ? shortName(alt.product.name) : '';
    const altWhy = alt ? fresh(alt.why, alt.product.id) : '';
    const altText = alt ? `；备选${altName}${altWhy ? `（${altWhy}）` : ''}` : '';
    let text: string;
    // A kept system: its reason starts with "沿用现有…" in the customer's own words.
    if (p.existing) text = `${main || `沿用现有${name}`}${alt ? `；${alt.scope ? `若${alt.scope}另行选型，可比选` : '可比选'}${altName}${altWhy ? `（${altWhy}）` : ''}` : ''}`;
    // Option A's alternative, promoted here: its reasons were given there.
    else if (inA) text = `${name}（方案A中的备选）${altText}`;
    else if (p.basis === 'poc' && alt && !altWhy) {
      // Nothing in the intake tells the two apart: say so, and what the POC decides on.
      const parts = main ? main.split('；') : [];
      const proofPart = parts.find((x) => x.startsWith('需在POC中验证') || x.startsWith('同样需在POC中验证'));
      // What is left is said of the first product alone (its caveats), so it is said with its name.
      const rest = parts.filter((x) => x !== proofPart);
      // Why the option has no product of its kind here leads ("该云没有对应的原生服务，可选A或B…"), not trails the POC.
      const lead = p.fallback === true && rest[0] === p.why.split('；')[0] ? rest.shift() : undefined;
      text = `${lead ? `${lead}，可选` : ''}${name}或${altName}，二者按POC结果选定${proofPart ? `，${proofPart.startsWith('同样') ? '验证项同方案A' : swapPrefix(proofPart, '需在POC中验证：', '验证项：')}` : ''}${rest.length > 0 ? `；其中${name}：${rest.join('；')}` : ''}`;
    } else text = `${name}${main ? `——${main}` : ''}${altText}`;
    return labelled(p.categoryName, `${text}。`, [...p.refs, ...(alt?.refs ?? [])]);
  });
  for (const g of o.gaps) items.push(labelled(categoryName(g.category), `${g.reason}。`));
  if (items.length > 0) out.push(list(items));
  return out;
}

// ---------------------------------------------------------------- 适用性分析

/**
 * One point per mechanism, not per need: needs answered by what an earlier point already says
 * join that point ("同时解决…，并支撑…"), so each mechanism is stated once and no point refers
 * back to another. Needs without a mechanism are asked about together at the end.
 */
function fit(model: ReportModel, once: Once): ReportModel['sections'][number]['blocks'] {
  const needs = model.plan?.needs ?? [];
  interface Group {
    lead: Need;
    said: string[];
    also: Need[];
  }
  const groups: Group[] = [];
  const owner = new Map<string, Group>();
  const unanswered: Need[] = [];
  for (const n of needs) {
    if (n.mechanisms.length === 0) {
      unanswered.push(n);
      continue;
    }
    const fresh = n.mechanisms.filter((m) => !owner.has(m.rule));
    if (fresh.length === 0) {
      owner.get(n.mechanisms[0]!.rule)!.also.push(n);
      continue;
    }
    if (groups.length >= MAX_NEEDS) continue;
    const g: Group = { lead: n, said: fresh.map((m) => m.summary).filter((x) => once.first(x)), also: [] };
    for (const m of fresh) owner.set(m.rule, g);
    groups.push(g);
  }
  const items: Point[] = groups.map((g) => {
    const goals = g.also.filter((n) => n.kind === 'goal' || n.kind === 'main-goal').map((n) => needPhrase(n));
    const links = g.also.filter((n) => n.kind === 'integration').map((n) => needPhrase(n));
    const problems = g.also.filter((n) => n.kind !== 'goal' && n.kind !== 'main-goal' && n.kind !== 'integration').map((n) => needPhrase(n));
    const clauses = [
      problems.length > 0 ? `解决${problems.join('；')}` : '',
      links.length > 0 ? `承担${links.join('；')}` : '',
      // Each goal quoted, as one alone is: the list's goals are the customer's words, which 收益 may restate.
      goals.length > 1 ? `支撑${COUNT[goals.length] ?? goals.length}个目标：${goals.map((x) => `“${x}”`).join('；')}` : goals.length === 1 ? `支撑“${goals[0]}”的目标` : '',
    ].filter(Boolean);
    const also = clauses.length > 0 ? `同时${clauses.join('，')}` : '';
    const text = [g.said.join('；'), also].filter(Boolean).map((x) => sentence(x)).join('');
    // A goal held to a baseline the intake gives elsewhere (现为…) cites that line too, and an answer
    // that quotes the customer's recovery target (以RTO<5分钟、RPO=0为…) the target's.
    return labelled(needLabel(g.lead), text || '见首要目标的措施。', [...g.lead.refs, ...(g.lead.baseline?.refs ?? []), ...g.also.flatMap((n) => n.refs), ...slaQuoted(model, text)]);
  });
  if (unanswered.length > 0) {
    // A goal whose current level the intake gives says it (现为…) and is not asked for it again.
    const asked = unanswered.some((n) => !n.baseline) ? '验收口径、当前基线与涉及系统' : '验收口径与涉及系统';
    const stated = (n: Need) => (n.baseline && !n.baseline.refs.every((r) => n.refs.includes(r)) ? `（现为${n.baseline.text}）` : '');
    items.push(labelled('需进一步澄清', sentence(`${enumerate(unanswered.map((n) => `“${clip(needPhrase(n), 30)}”${stated(n)}`), 4)}没有对应的明确措施，先确认其${asked}`), uniqueAscending(unanswered.flatMap((n) => [...n.refs, ...(n.baseline?.refs ?? [])]))));
  }
  return items.length > 0 ? [list(items)] : [paragraph('调研表未给出痛点与目标，无法逐条分析；请先补充。')];
}

/**
 * The lines of the customer's recovery target when `text` quotes it (rules' `{recovery-target}`,
 * `{outage-target}`), and of the service levels when it quotes the availability beside it.
 */
function slaQuoted(model: ReportModel, text: string): number[] {
  const { recovery, availability, refs } = model.understanding.sla;
  if (recovery === undefined || !text.includes(recovery.text)) return [];
  return availability !== undefined && text.includes(`${availability}%`) ? [...recovery.refs, ...refs] : recovery.refs;
}

const COUNT: Record<number, string> = { 2: '两', 3: '三', 4: '四', 5: '五', 6: '六' };

/** A need as a bold lead: a goal without its deadline, anything else as restated. */
function needLabel(n: Need): string {
  return clip(n.kind === 'main-goal' || n.kind === 'goal' ? withoutDeadline(n.text) : n.text, 40);
}

/** A need inside a sentence: its clauses joined with "、" so that it reads as one item of a list. */
function needPhrase(n: Need): string {
  if (n.kind === 'integration') return `与${swapPrefix(n.text, '对接')}的对接`;
  const text = n.kind === 'main-goal' || n.kind === 'goal' ? withoutDeadline(n.text) : n.text;
  return text.replace(/[，,]/g, '、');
}

// ---------------------------------------------------------------- 关键特性

function features(model: ReportModel, u: Understanding, hits: readonly RuleHit[], once: Once): ReportModel['sections'][number]['blocks'] {
  const items: Point[] = [];
  const recommended = model.options.find((o) => o.recommended);
  const systems = model.plan?.systems ?? [];
  const core = systems.filter((x) => x.role === 'core');
  for (const s of (core.length > 0 ? core : systems).slice(0, 2)) {
    const category = u.kb.category(s.category);
    const pick = recommended?.picks.find((p) => p.category === s.category);
    // A product that covers a part of its category only (a rules engine) is the example of its own features.
    const features = (pick && !pick.existing ? u.kb.product(pick.product.id)?.features : undefined) ?? scopeOf(u, s)?.features ?? category?.features;
    if (category && features) items.push(labelled(s.name, `${enumerate(features, 4)}${pick ? `（以${pick.existing ? currentName(u, pick.product.id) : shortName(pick.product.name)}为例）` : ''}。`, s.refs));
  }
  for (const r of model.regulations.filter((x) => x.kind === 'framework' && x.basis === 'stated').slice(0, 3)) {
    const f = u.kb.framework(r.id ?? '');
    const summary = f && frameworkSummary(f, u);
    if (!summary || !once.first(summary)) continue;
    // "PCI DSS v4.0.1：先界定…" reads like the systems above it: the framework as the label.
    const colon = summary.indexOf('：');
    items.push(colon > 0 && colon <= 24 ? labelled(summary.slice(0, colon), sentence(summary.slice(colon + 1)), r.refs) : point(sentence(summary), r.refs));
  }
  // A rule about a framework already described above (等保, IATF) would say it twice.
  const described = new Set(model.regulations.filter((x) => x.kind === 'framework' && x.basis === 'stated').slice(0, 3).map((r) => r.id));
  for (const h of hits.filter((x) => x.rule.section === '关键特性' && !x.rule.frameworks.some((f) => described.has(f))).slice(0, 3)) {
    if (once.first(h.rule.summary)) items.push(labelled(h.rule.title, sentence(h.rule.summary), evidenceRefs(h)));
  }
  if (items.length > 0) return [list(items)];
  return [paragraph(systems.length > 0 ? '按所选系统类型的标准功能实施。' : '选定要建设的系统后再列出其关键特性。')];
}

/**
 * A framework's line for 关键特性: the one of the level the intake states (等保2.0二级 is tested
 * about every two years, 第四级 every half year: frameworks.yaml `levelSummaries`), else its summary.
 */
function frameworkSummary(f: Framework, u: Understanding): string {
  const level = f.id === MLPS_FRAMEWORK ? u.mlpsLevel : undefined;
  return f.levelSummaries?.find((l) => l.level === level)?.summary ?? f.summary;
}

// ---------------------------------------------------------------- 实施建议

function implementation(model: ReportModel, hits: readonly RuleHit[], once: Once): ReportModel['sections'][number]['blocks'] {
  const t = model.timeline;
  const blocks: ReportModel['sections'][number]['blocks'] = [];
  if (t) {
    blocks.push(paragraph(t.statement, t.refs));
    blocks.push(table(['阶段', '周次', '交付物'], t.phases.map((p) => ({ cells: [`${p.number}. ${p.name}`, `第${p.startWeek + 1}–${p.startWeek + p.weeks}周`, joinItems(p.deliverables, '；')] }))));
  }
  const items: Point[] = [];
  // A contract term (rules.yaml `terms`) is agreed before signing, in 下一步建议 (contractTerms).
  for (const h of hits.filter((x) => x.rule.section === '实施建议' && !x.rule.terms).slice(0, 5)) if (once.first(h.rule.summary)) items.push(point(sentence(h.rule.summary), [...evidenceRefs(h), ...slaQuoted(model, h.rule.summary)]));
  if (model.lifecycle.length > 0) items.push(labelled('版本升级', '', model.lifecycle.flatMap((l) => l.refs), model.lifecycle.map((l) => point(`${l.name} ${l.version}：${upgradeStep(l.upgrade)}。`, l.refs))));
  if (items.length > 0) blocks.push(list(items));
  return blocks;
}


// ---------------------------------------------------------------- 成本效益分析

function costs(model: ReportModel): ReportModel['sections'][number]['blocks'] {
  const c = model.costs;
  if (!c) return [paragraph('调研表信息不足，暂不估算成本。')];
  if (pricesNothing(model)) return [paragraph(`本期未选定要建设的系统，暂不估算成本${c.budget ? `；选型后再与预算${c.budget.text}对比` : ''}。`, c.budget?.refs ?? [])];
  const blocks: ReportModel['sections'][number]['blocks'] = [];
  const rows = new Map<string, { once: [number, number]; year: [number, number] }>();
  for (const i of c.items) {
    const key = i.component;
    const row = rows.get(key) ?? { once: [0, 0], year: [0, 0] };
    const target = i.period === 'one-time' ? row.once : row.year;
    target[0] += i.low;
    target[1] += i.high;
    rows.set(key, row);
  }
  const fmt = (r: [number, number]) => (r[1] > 0 ? range(r[0], r[1], c.currency) : '—');
  blocks.push(table(['组成', '一次性', '每年'], [...rows].map(([component, r]) => ({ cells: [component, fmt(r.once), fmt(r.year)] }))));
  const total = (p: string) => swapSuffix(c.totals.find((t) => t.period === p)!.text, '/年');
  const items: Point[] = [labelled('合计', `一次性投入${total('one-time')}；每年运行费用${total('per-year')}（订阅或维保、基础设施、运维与测评）；${c.years}年总拥有成本（TCO）约${total('total')}。`)];
  // What the figures rest on, said where they are read; the itemised assumptions are in the appendix.
  const basis = c.assumptions.filter((a) => !a.startsWith('单价为')).map((a) => swapSuffix(a, '。'));
  items.push(labelled('估算口径', `${[...basis, '单价为规划参考区间（中档价格），以厂商正式报价为准，明细与假设见附录'].join('；')}。`));
  if (c.budget) items.push(labelled('与预算对比', `${c.budget.statement}`, c.budget.refs));
  if (c.currentSpend) items.push(labelled('现有支出', `${c.currentSpend.text}`, c.currentSpend.refs));
  if (c.benefits.length === 1) items.push(labelled('收益', c.benefits[0]!.text, c.benefits[0]!.refs));
  else if (c.benefits.length > 1) items.push(labelled('收益（按客户自己的数字）', '', [], c.benefits.map((b) => point(b.text, b.refs))));
  else items.push(labelled('收益', '调研表没有给出损失或现有支出的金额，收益暂不量化；需要的数据已列入下一步建议。'));
  if (c.payback) items.push(labelled('回本', `${c.payback}`));
  blocks.push(list(items));
  return blocks;
}

function range(low: number, high: number, currency: string): string {
  const symbol = ({ USD: '$', CNY: '¥', EUR: '€', GBP: '£' } as Record<string, string>)[currency] ?? '';
  const wan = (n: number) => (n >= 1e6 ? Math.round(n / 1e4) : Math.round(n / 1e3) / 10);
  return `${symbol}${wan(low)}–${wan(high)}万`;
}

// ---------------------------------------------------------------- 风险提示

function risks(model: ReportModel, once: Once): ReportModel['sections'][number]['blocks'] {
  const items: Point[] = [];
  for (const r of model.risks) {
    if (items.length >= MAX_RISKS) break;
    if (!once.first(r.risk)) continue;
    items.push(labelled(r.title, '', r.refs, [labelled('风险', sentence(r.risk)), labelled('应对', sentence(r.mitigation))]));
  }
  return items.length > 0 ? [list(items)] : [paragraph('未发现需要单独提示的风险。')];
}

// ---------------------------------------------------------------- 下一步建议

function nextSteps(model: ReportModel, u: Understanding, hits: readonly RuleHit[], once: Once): ReportModel['sections'][number]['blocks'] {
  const steps: Point[] = [];
  const top = model.clarifications.slice(0, 3);
  if (top.length > 0) steps.push(point(`先与客户澄清${model.clarifications.length > top.length ? `${model.clarifications.length}个问题（见附录），首先是` : '以下问题'}：`, [], top.map((c) => point(asQuestion(c.question), c.refs))));
  // A POC compares the pick with its alternative where there is a real choice. It accepts on the
  // customer's own measurable targets for what that system serves (接口统一纳管率100%、医嘱回传延迟<5秒);
  // without one, on what a POC of that kind of system proves (categories.yaml `proof`), unless the
  // pick's line already said it. A rating or a go-live is no POC criterion.
  const rec = model.options.find((o) => o.recommended);
  const needs = model.plan?.needs ?? [];
  // The core system is proven in a POC even when nothing else competes with it, and so is a kind
  // whose promise only an attack proves (categories.yaml `proofAlways`: an immutable backup copy).
  const compared = (rec?.picks ?? []).filter((p) => !p.existing && (p.alternative || u.kb.category(p.category)?.proofAlways || model.plan?.systems.some((s) => s.category === p.category && s.role === 'core')));
  // A 下一步建议 rule that is itself a POC of a compared system (网络POC for 专线/SD-WAN) says how
  // that POC runs: it becomes the system's POC item, not a second POC step further down.
  const pocRules = hits.filter((h) => h.rule.section === '下一步建议' && POC.test(h.rule.summary));
  const usedRules = new Set<string>();
  const trials = compared
    .map((p) => {
      const system = model.plan?.systems.find((s) => s.category === p.category);
      // The core system serves every goal of the business that the plan answers; another system the
      // needs its mechanisms answer. A goal the plan leaves to clarify (适用性分析 says so) is no POC
      // target of anyone's.
      const served = needs.filter((n) => n.mechanisms.some((m) => m.categories.includes(p.category)) || (system?.role === 'core' && (n.kind === 'main-goal' || n.kind === 'goal') && n.mechanisms.length > 0));
      const target = measurableTargets(served, p.category);
      const rule = pocRules.find((h) => (h.rule.categories ?? []).includes(p.category));
      if (rule) usedRules.add(rule.rule.id);
      // The pick's line already said what a POC of it proves.
      const stated = rule ? rule.rule.summary.replace(POC_LEAD, '') : p.basis === 'poc' ? undefined : (scopeOf(u, system)?.proof ?? u.kb.category(p.category)?.proof);
      const core = system?.role === 'core';
      const proof = heldToRecovery(stated, core, unsaid(model.understanding.sla.recovery?.text, target.text));
      const slaRefs = proof !== stated ? (model.understanding.sla.recovery?.refs ?? []) : [];
      return { p, core, target, proof, refs: [...p.refs, ...target.refs, ...(rule ? evidenceRefs(rule) : []), ...slaRefs] };
    })
    .sort((a, b) => Number(b.core) - Number(a.core) || Number(b.target.text !== '') - Number(a.target.text !== ''))
    .slice(0, 3);
  if (trials.length > 0) {
    // Systems accepted on the same target are compared together, the target said once.
    const byTarget = new Map<string, typeof trials>();
    for (const x of trials.filter((t) => t.target.text || t.proof)) {
      const key = x.target.text || `proof:${x.p.category}`;
      byTarget.set(key, [...(byTarget.get(key) ?? []), x]);
    }
    const named = [...byTarget].map(([, group]) => {
      const target = group[0]!.target.text;
      const proofs = group.map((x) => x.proof).filter((x): x is string => x !== undefined);
      // With no test of its own here (the plan listed it), the target is what the listed test is held to.
      const text = [...proofs, target ? (proofs.length > 0 ? `以${target}为验收目标` : `按方案中所列的验证项比选，以${target}为验收目标`) : ''].filter(Boolean).join('；');
      return labelled(enumerate(group.map((x) => x.p.categoryName), 3), sentence(text), group.flatMap((x) => x.refs));
    });
    const rest = trials.filter((x) => !x.target.text && !x.proof);
    if (rest.length > 0) named.push(labelled(enumerate(rest.map((x) => x.p.categoryName), 3), '按方案中所列的验证项比选。', rest.flatMap((x) => x.refs)));
    steps.push(point(trials.some((x) => x.p.alternative) ? '用2–4周做POC，推荐产品与备选同场比选：' : '用2–4周做POC，在客户数据上验证推荐产品：', [], named));
  }
  // What the customer asked for, and the testing the plan schedules and costs (密评 brought in by 等保三级).
  const paths = model.regulations.filter((x) => x.kind === 'framework' && (x.basis === 'stated' || x.planned)).map((r) => ({ r, f: u.kb.framework(r.id ?? '') })).filter((x) => x.f && x.f.kind !== 'law');
  if (paths.length > 0) steps.push(point('排定合规测评：', paths.flatMap(({ r }) => r.refs), paths.map(({ f, r }) => labelled(shortFramework(f!.name), sentence(stepTowards(f!, r)), r.standing?.refs ?? r.refs))));
  // The generic gap assessment says what "排定合规测评" already says.
  const generic = paths.length > 0 ? new Set(['compliance-gap-assessment']) : new Set<string>();
  for (const h of hits.filter((x) => x.rule.section === '下一步建议' && !x.rule.terms && !generic.has(x.rule.id) && !usedRules.has(x.rule.id)).slice(0, 2)) if (once.first(h.rule.summary)) steps.push(point(sentence(h.rule.summary), evidenceRefs(h)));
  // What goes with the replaced system (Oracle 11g under SAP ECC), or is upgraded as it moves to a
  // cloud service, has no upgrade window to agree.
  const upgrades = model.lifecycle.filter(ownUpgrade);
  // A database that may go with the system replaced (mayRetireWith): first whether it does.
  const unsure = upgrades.filter((l) => l.mayRetireWith !== undefined);
  const sure = upgrades.filter((l) => l.mayRetireWith === undefined);
  // One application at most is that system (plan/lifecycle.ts, soleReplacedApplication).
  if (unsure.length > 0 && steps.length < 6) steps.push(point(`与客户确认${enumerate(unsure.map((l) => `${l.name} ${l.version}`), 4)}是否只承载现有${unsure[0]!.mayRetireWith}：是则随其下线，不单独升级；否则排定升级窗口与责任方（原厂、集成商或客户自己），排入一期计划。`, unsure.flatMap((l) => l.refs)));
  // A part that moves to another product (MySQL to the 达梦 the customer runs, under 信创) has a migration window.
  const moves = sure.filter((l) => l.upgrade.startsWith('迁移')).length;
  const window = moves === 0 ? '升级' : moves === sure.length ? '迁移' : '升级或迁移';
  if (sure.length > 0 && steps.length < 6) steps.push(point(`与客户确认${enumerate(sure.map((l) => `${l.name} ${l.version}`), 4)}的${window}窗口与责任方（原厂、集成商或客户自己），排入一期计划。`, sure.flatMap((l) => l.refs)));
  const terms = contractTerms(hits, once);
  if (terms) steps.push(terms);
  return steps.length > 0 ? [list(steps, true)] : [paragraph('按推荐方案组织POC与商务谈判。')];
}

/** Words of a POC's proof that drill a failover (not a Wi-Fi roaming handover, 漫游切换). */
const FAILOVER_DRILL = ['故障切换', '主备切换', '主从切换', '跨机房切换'];

/**
 * A POC's proof held to the recovery target the customer states (RTO<5分钟、RPO=0, MES停机不得超过
 * 10分钟): a proof that drills a failover accepts it on the target; the core system's proof that
 * drills none gains the drill, as the target is the core system's first. Without a target, the
 * proof as it is. A proof left to the pick's line (undefined) is that line's test and the drill.
 */
function heldToRecovery(proof: string | undefined, core: boolean, recovery: string | undefined): string | undefined {
  if (recovery === undefined) return proof;
  if (proof !== undefined && holdsAny(proof, FAILOVER_DRILL)) return `${proof}，须满足${recovery}`;
  if (!core) return proof;
  const drill = `演练主节点故障切换，须满足${recovery}`;
  return proof !== undefined ? `${proof}；${drill}` : `按方案中所列的验证项比选，并${drill}`;
}

/** The recovery targets (RTO<5分钟、RPO=0) the POC's acceptance target does not already state. */
function unsaid(recovery: string | undefined, target: string): string | undefined {
  const left = (recovery ?? '').split('、').filter((x) => x !== '' && !target.includes(x));
  return left.length > 0 ? left.join('、') : undefined;
}

/**
 * What the customer asked of the contract (KPI对赌, 按季度支付, 驻场与7×24支持; rules.yaml
 * `terms`), as one step, last, as the sample reports end on the SLA to sign: each term a rule's
 * summary, the ones said elsewhere in the report left out.
 */
function contractTerms(hits: readonly RuleHit[], once: Once): Point | undefined {
  const terms = hits.filter((h) => h.rule.terms && once.first(h.rule.summary));
  if (terms.length === 0) return undefined;
  if (terms.length === 1) return point(`签约前约定合同条款：${sentence(terms[0]!.rule.summary)}`, evidenceRefs(terms[0]!));
  return point('签约前约定合同条款：', [], terms.map((h) => point(sentence(h.rule.summary), evidenceRefs(h))));
}

/**
 * The customer's measurable targets among the needs a system serves, goals first: clauses with a
 * figure that is not a deadline ("接口统一纳管率100%", "医嘱回传延迟<5秒"), at most two.
 */
function measurableTargets(served: readonly Need[], category: string): { text: string; refs: number[] } {
  const goals = served.filter((n) => n.kind === 'goal' || n.kind === 'main-goal').sort((a, b) => Number(a.kind === 'main-goal') - Number(b.kind === 'main-goal'));
  const out: string[] = [];
  const refs: number[] = [];
  // A throughput (支撑每秒5000单) only after every time and error rate: the load is the POC's
  // condition, they are its verdict.
  for (const load of [false, true]) {
    for (const g of goals) {
      // A goal of several targets (挂号接口P99<500ms，影像调阅<3秒) accepts a system on those its
      // mechanisms speak to: the storage on 影像调阅, not on the registration API.
      const clauses = goalClauses(g.text).filter(pocTestable);
      const about = g.mechanisms.filter((m) => m.categories.includes(category)).map((m) => `${m.title} ${m.summary}`).join(' ');
      const relevant = clauses.length > 1 && about ? clauses.filter((c) => touches(c, about)) : [];
      for (const c of relevant.length > 0 ? relevant : clauses) {
        if (throughput(c) !== load || out.length >= 2 || out.includes(clip(c, 24))) continue;
        out.push(clip(c, 24));
        refs.push(...g.refs);
      }
    }
  }
  return { text: out.join('、'), refs };
}

/** A clarification as a question: ends with "？". */
function asQuestion(text: string): string {
  const t = endsWithOneOf(text, '。.') ? text.slice(0, -1) : text;
  return t.startsWith('请') || endsWithOneOf(t, '？?）)') ? t : `${t}？`;
}

// ---------------------------------------------------------------- 附录

/** A system type's name: its scope's where the plan chose one (一物一码（渠道防窜货）), else the category's. */
function systemName(model: ReportModel, u: Understanding, category: string): string {
  const system = model.plan?.systems.find((s) => s.category === category);
  return (system?.scope !== undefined ? system.name : undefined) ?? u.kb.category(category)?.name ?? category;
}

function appendix(model: ReportModel, u: Understanding, hits: readonly RuleHit[]): Section[] {
  const blocks: ReportModel['sections'][number]['blocks'] = [];
  const name = (category: string) => systemName(model, u, category);
  // Lettered in order, without gaps when a part has nothing to show.
  let letter = 0;
  const part = (title: string) => blocks.push(heading(`${String.fromCharCode(65 + letter++)}. ${title}`));
  const needs: Need[] = model.plan?.needs ?? [];
  if (needs.length > 0) {
    // Every need as the intake states it, with what answers it: the trace behind 适用性分析.
    part('需求与对应措施');
    const kinds: Record<Need['kind'], string> = { 'main-goal': '首要目标', goal: '目标', pain: '痛点', debt: '技术债', compliance: '合规', integration: '集成', constraint: '约束' };
    blocks.push(table(['类型', '需求', '措施'], needs.map((n) => ({ cells: [kinds[n.kind], n.text, n.mechanisms.length > 0 ? n.mechanisms.map((m) => m.title).join('；') : `需澄清：${n.clarify ?? ''}`], refs: n.refs }))));
  }
  if (model.candidates.length > 0) {
    part('候选产品比较');
    // A score is a sum of pluses and minuses, negative at times: what it is for, said once.
    blocks.push(paragraph('得分是依据中各项加分（针对需求、满足约束、规模与服务能力匹配等）与减分（规模不匹配、服务能力有限、价格档位偏高等）之和，只用于同一系统类型内的排序，不是对产品的总体评价。'));
  }
  for (const o of model.options) {
    const rows = model.candidates.filter((c) => c.option === o.id).map((c) => ({ cells: [name(c.category), c.product.name, { cn: '国产', intl: '国际', oss: '开源' }[c.origin], String(c.score), c.notes.slice(0, SHOWN_NOTES).join('；')] }));
    if (rows.length === 0) continue;
    blocks.push(heading(o.title, [], 4));
    blocks.push(table(['系统类型', '产品', '来源', '得分', '依据'], rows));
  }
  if (model.exclusions.length > 0) {
    part('排除的候选及原因');
    blocks.push(table(['产品', '系统类型', '原因'], model.exclusions.map((e) => ({ cells: [e.product.name, name(e.category), e.reason], refs: e.refs }))));
  }
  const checked = u.model.estate.products.filter((p) => p.family);
  if (checked.length > 0) {
    part(`版本生命周期核对（报告日期${model.asOf}）`);
    blocks.push(
      table(
        ['组件', '版本', '状态', '依据'],
        checked.map((p) => {
          const f = model.lifecycle.find((l) => l.family === p.family);
          // Still supported: until when, where the knowledge says (SAP ECC 6.0 to 2027-12-31).
          const until = f ? undefined : supportedUntil(u, p, model.asOf);
          const status = f ? `${f.status === 'past' ? '已过支持期' : '12个月内到期'}（${lifecycleDate(f)}）` : until ? `支持中（至${until.date}）` : p.version ? '支持中' : '无法判断（未注明版本）';
          return { cells: [p.name, p.version ?? '未注明', status, f?.source ?? until?.source ?? ''], refs: p.refs };
        }),
      ),
    );
  }
  if (model.regulations.length > 0) {
    part('适用的法规、标准与监管机构');
    blocks.push(table(['名称', '依据', '理由'], model.regulations.map((r) => ({ cells: [r.name, r.basis === 'stated' ? '调研表提出' : '适用条件成立', r.why], refs: r.refs }))));
    // By name, those with the same basis together: "美国、新加坡（部署站点或用户所在地）".
    const byBasis = new Map<string, string[]>();
    // "境外" says little: the places there, where the intake names them (印尼、巴西).
    const abroad = [...new Set(u.model.locations.filter((l) => l.jurisdiction === 'global' && (l.role === 'deployment' || l.role === 'users')).map((l) => l.name))];
    const named = (code: string) => (code === 'global' && abroad.length > 0 ? abroad.join('、') : jurisdictionName(code));
    for (const j of u.model.jurisdictions) byBasis.set(j.basis, [...(byBasis.get(j.basis) ?? []), named(j.code)]);
    blocks.push(paragraph(`法域判断：${[...byBasis].map(([basis, names]) => `${names.join('、')}（${basis}）`).join('；')}。`));
  }
  if (model.costs && !pricesNothing(model)) {
    part('成本明细与假设');
    const kinds = { licence: '许可/订阅', infrastructure: '基础设施', implementation: '实施', operations: '运维', assessment: '测评与验证' } as const;
    blocks.push(table(['组成', '类别', '周期', '区间', '假设'], model.costs.items.map((i) => ({ cells: [i.component, kinds[i.kind], i.period === 'one-time' ? '一次性' : '每年', range(i.low, i.high, model.costs!.currency), i.assumption] }))));
    blocks.push(list(model.costs.assumptions.map((a) => point(a))));
  }
  if (model.clarifications.length > 0) {
    part('待澄清问题');
    blocks.push(list(model.clarifications.map((c) => point(`${c.question}——${c.why}`, c.refs)), true));
  }
  if (hits.length > 0) {
    part('规则依据');
    blocks.push(table(['规则', '内容', '依据行'], hits.map((h) => ({ cells: [h.rule.id, h.rule.title, evidenceRefs(h).map((l) => `L${l}`).join(' ')] }))));
  }
  if (model.incomplete.length > 0) {
    part('调研表未填写的必填项');
    blocks.push(paragraph(`${enumerate(model.incomplete, 12)}。`));
  }
  // A private cloud (a 华为云Stack, a 政务云) is a cloud the customer has, though no public one.
  const clouds = [...[...u.cloudsInUse].map(cloudName), ...privateCloud(u)];
  // Named as the customer reads them; the kept systems as one entry, each named once.
  const kept = [...new Set(u.model.constraints.flatMap((c) => (c.kind === 'keep-system' && c.system ? [c.system] : [])))];
  const constraints = [...new Set(u.model.constraints.filter((c) => c.kind !== 'keep-system').map((c) => constraintName(c.kind)))];
  if (kept.length > 0) constraints.push(`保留系统（${kept.join('、')}）`);
  const targets = [...u.targetClouds].map(cloudName);
  blocks.push(paragraph(`理解摘要：云${clouds.length > 0 ? enumerate(clouds) : '无'}${targets.length > 0 ? `（拟迁往${targets.join('或')}）` : ''}；约束${constraints.join('、') || '无'}；特征${u.model.traits.map(traitName).join('、') || '无'}。`));
  return [{ id: 'appendix', title: '附录', blocks }];
}

/** A 基础设施现状 line under a 私有云 key that says there is none ("私有云：无"). */
const NO_PRIVATE_CLOUD = /^(?:无|没有|暂无|尚无|未|否)/;

/**
 * The customer's private cloud, for the summary: a cloud vendor's stack ("私有云（华为云Stack）"),
 * else a cloud the 私有云 line names by its first words ("市政务云（华为）" → "私有云（市政务云）").
 * Virtualisation in its own machine room (VMware vSphere, 自建机房) is on premises, not a cloud.
 */
function privateCloud(u: Understanding): string[] {
  const stacks = [...u.privateStacks.keys()].map(stackName);
  if (stacks.length > 0) return [`私有云（${stacks.join('、')}）`];
  for (const f of u.usable) {
    if (f.section !== '基础设施现状' || !f.fieldPath.some((k) => k.includes('私有云')) || NO_PRIVATE_CLOUD.test(f.value.trim())) continue;
    const first = f.value.trim().split(/[，,；;（(]/)[0]!;
    if (first.endsWith('云')) return [`私有云（${first}）`];
  }
  return [];
}

function evidenceRefs(h: RuleHit): number[] {
  return uniqueAscending(h.evidence.map((f) => f.line + 1));
}
