/**
 * The offline recommendation engine:
 *
 *   intake → line facts (facts.ts) → understanding (understand/) → quality gate (gate.ts)
 *     → brief (write/brief.ts)                                       when the intake is too thin
 *     → regulation (plan/regulation.ts) → rules in context (rules.ts, plan/conditions.ts)
 *     → plan: needs and system types (plan/needs.ts) → filters and picks (plan/picks.ts)
 *     → lifecycle (plan/lifecycle.ts) → costs (plan/costs.ts) → timeline (plan/timeline.ts)
 *     → risks (plan/risks.ts) → clarifications (clarify.ts) → writer (write/report.ts)
 *
 * Deterministic: no clock but the report date (`asOf`, default today at the caller's boundary),
 * no randomness, stable orders; the same intake on the same date gives the same report.
 */
import type { AnalysisFinding } from '../analysis/analyze';
import { getFieldCatalog, type FieldCatalog } from '../catalog/catalog';
import type { IntakeFile } from '../model';
import type { TeamContext } from '../team/types';
import { getKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge';
import { requiredGaps } from '../facts/coverage';
import { forEachField } from '../walk';
import { clarifications } from './clarify';
import { extractFacts, type IntakeFacts } from '../facts/facts';
import { engineFindings } from './findings';
import { qualityGate } from './gate';
import { holds, inContext } from './plan/conditions';
import { ESTIMATE_PRECISION, estimateCosts, lowEndOverrun } from './plan/costs';
import { lifecycleFindings } from './plan/lifecycle';
import { buildPlan } from './plan/needs';
import { movesNamingPicks } from './plan/domesticMove';
import { applicableRegulation, withinProject, withSystemRegulators } from './plan/regulation';
import { allRunByVendors } from './plan/ownStack';
import { assessRisks } from './plan/risks';
import { planTimeline } from './plan/timeline';
import { coreOfAnyIndustry, hitsForProject, industryOwnSystem } from './plan/anyIndustry';
import { withCustomerFigures } from './plan/ruleText';
import type { Clarification, ReportModel } from './reportModel';
import { choosePicks, currentName, replacesCore, SECOND_SET_STRATEGIES } from './plan/picks';
import { evaluateRules } from './rules';
import { mapJsonStrings } from './text/mapJsonStrings';
import { understand } from './understand';
import { scrub } from './understand/personal';
import { MLPS_FRAMEWORK } from './understand/mlpsLevel';
import { writeBrief } from './write/brief';
import { writeReport } from './write/report';

export interface GenerateOptions {
  kb?: KnowledgeBase;
  /** The report date, YYYY-MM-DD: lifecycles are compared with it. Default: today. */
  asOf?: string;
  /** The intake's facts and analysis findings, when the caller has them (the editor's DocumentAnalysis). */
  facts?: IntakeFacts;
  findings?: readonly AnalysisFinding[];
  /** The field catalog with a team's extra fields (team/merge.ts); default: the embedded one. */
  catalog?: FieldCatalog;
  /** A team's vendor policy, prices and sources (team/merge.ts), with `kb` the merged knowledge. */
  team?: TeamContext;
}

export class IntakeIndexError extends Error {}

/** Today as YYYY-MM-DD (UTC): the default report date. */
function today(): string {
  // Formatting a Date costs more than the rest of a report's set-up: the day is kept until the clock leaves it.
  const now = Date.now();
  if (!day || now < day.from || now >= day.from + DAY_MS) {
    const text = new Date(now).toISOString().slice(0, 10);
    day = { text, from: Date.parse(text) };
  }
  return day.text;
}

const DAY_MS = 86_400_000;

/** The frameworks whose testing window and fee the plan carries, by the flag costs and timeline read. */
const TESTED_FRAMEWORKS = { mlps: MLPS_FRAMEWORK, crypto: 'commercial-crypto-assessment' } as const;

/** The trait of a 等保 level of 第三级 or higher stated in the intake (understand/index.ts). */
const MLPS_LEVEL_TRAIT = 'mlps-3plus';

/** The last day `today()` gave, and when it starts (UTC midnight, ms). */
let day: { text: string; from: number } | undefined;

/** Builds the report (or the clarification brief) for intake `index` (0-based) of a parsed file. */
export function generateReport(file: IntakeFile, index = 0, options: GenerateOptions = {}): ReportModel {
  const intake = file.intakes[index];
  if (!intake) throw new IntakeIndexError(`intake ${index + 1} does not exist (the file has ${file.intakes.length})`);
  const kb = options.kb ?? getKnowledgeBase();
  const asOf = options.asOf ?? today();
  const catalog = options.catalog ?? getFieldCatalog();
  const facts = options.facts ?? extractFacts(intake, catalog);
  const u = understand(facts, kb, asOf, engineFindings(intake, options.findings));
  const m = u.model;
  // The title names the segment up to its first aside: "三级甲等综合医院（两个院区），电子病历…" → "三级甲等综合医院".
  const segment = titleSegment(m.industry.segment);
  const subject = [m.industry.name === '未注明行业' ? '' : m.industry.name, segment].filter(Boolean).join(' · ');
  const base = {
    schemaVersion: 2 as const,
    asOf,
    intake: { number: index + 1, firstLine: intake.range.start.line + 1, lastLine: intake.range.end.line + 1, industry: m.industry.written || m.industry.name, segment: m.industry.segment },
    understanding: m,
    incomplete: missingInformation(file, index, catalog),
    options: [],
    exclusions: [],
    candidates: [],
    lifecycle: [],
    risks: [],
  };
  const gate = qualityGate(u);
  const regulation = applicableRegulation(u);
  if (gate.brief) {
    const brief = writeBrief(u, gate, clarifications(u, [], regulation.clarifications));
    const model: ReportModel = { ...base, kind: 'brief', title: `需求澄清清单：${subject || `调研表第${index + 1}份`}`, clarifications: brief.clarifications, regulations: [], sections: brief.sections, appendix: [] };
    return scrubModel(model, u);
  }
  const hits = withCustomerFigures(evaluateRules(facts, kb.rules, catalog, (rule) => inContext(rule, u, regulation.applicable), u.ignored), u);
  const lifecycle = lifecycleFindings(u);
  const plan = buildPlan(u, hits, lifecycle);
  let picks = choosePicks(u, plan.systems, plan.preferred, plan.servedNeeds, regulation.applicable, options.team);
  // A system type no option can fill (every candidate breaks a constraint) leaves the plan; its
  // exclusions stay in the appendix.
  const unfilled = plan.systems.filter((s) => picks.options.every((o) => !o.picks.some((p) => p.category === s.category)));
  if (unfilled.length > 0) {
    plan.systems = plan.systems.filter((s) => !unfilled.includes(s));
    const exclusions = picks.exclusions;
    picks = choosePicks(u, plan.systems, plan.preferred, plan.servedNeeds, regulation.applicable, options.team);
    picks.exclusions = exclusions;
  }
  // Testing windows and their fees belong to projects that build a system, or that the intake ties to them.
  // A system its vendor runs as SaaS is the vendor's to test, unless the intake asks for the test.
  const vendorRun = allRunByVendors(u, picks.options);
  const builds = (m.coreSystem.inScope || m.statedSystems.length > 0) && !vendorRun;
  const tested = (test: keyof typeof TESTED_FRAMEWORKS) => regulation.applicable.has(TESTED_FRAMEWORKS[test]) && (builds || u.statedFrameworks.has(TESTED_FRAMEWORKS[test]));
  // Computerised-system validation is for a drug maker's GxP systems, not for an HR or OA project of its.
  const gxp = u.industry?.id === 'pharma' && !(coreOfAnyIndustry(u) && !plan.systems.some((s) => industryOwnSystem(u, s.category)));
  // A framework the 等保 level itself brings in (密评 for a 第三级 or higher system: its appliesWhen's
  // trait mlps-3plus, after 商用密码应用安全性评估管理办法) is tested wherever the project carries
  // that 等保 test: the system tested at that level is the project's own, even where it builds
  // no core system (an insurer's claims rules and OCR beside its claims system).
  const mlps = tested('mlps');
  const byLevel = (id: string) => mlps && regulation.applicable.has(id) && (u.kb.framework(id)?.appliesWhen.some((c) => c.traits?.includes(MLPS_LEVEL_TRAIT) === true && holds(c, u)) ?? false);
  const regulated = { mlps, crypto: tested('crypto') || byLevel(TESTED_FRAMEWORKS.crypto), csv: gxp };
  const planned = new Set<string>(Object.entries(TESTED_FRAMEWORKS).filter(([test]) => regulated[test as keyof typeof TESTED_FRAMEWORKS]).map(([, id]) => id));
  let costs = estimateCosts(u, plan.systems, picks.options.find((o) => o.recommended), regulated, options.team);
  // The option the scores prefer may cost more than the budget even at its low end, beyond the
  // estimate's precision (a suite's field-service module for 600 engineers): the other option,
  // if it is a real alternative and its low end fits, is the one to recommend, and the report
  // says so. A gap within the precision is a negotiation (costs.ts) and changes nothing.
  const other = picks.options.find((o) => !o.recommended && o.applicable && !SECOND_SET_STRATEGIES.has(o.strategy));
  if (costs.budget?.verdict === 'over' && lowEndOverrun(costs) > ESTIMATE_PRECISION && other) {
    const instead = estimateCosts(u, plan.systems, other, regulated, options.team);
    if (instead.budget && instead.budget.verdict !== 'over') {
      for (const o of picks.options) o.recommended = o === other;
      other.withinBudget = true;
      costs = instead;
    }
  }
  if (vendorRun && regulation.applicable.has(TESTED_FRAMEWORKS.mlps) && !regulated.mlps) {
    costs.assumptions.push('所选系统均由厂商以SaaS运营，其等保备案与测评由厂商负责，未计入上表；签约前索取厂商平台的等保备案证明与最近一次测评报告。');
  }
  // A move to a domestic product the plan buys names the recommended option's pick (domesticMove.ts).
  const lifecycleNamed = movesNamingPicks(u, lifecycle, plan.systems, picks.options.find((o) => o.recommended));
  // With the core system out of scope, the plan's first system leads (a data platform's warehouse).
  const timeline = planTimeline(u, regulated, m.coreSystem.inScope ? undefined : plan.systems[0]?.category);
  const model: ReportModel = {
    ...base,
    kind: 'report',
    title: `企业IT系统推荐报告：${subject || `调研表第${index + 1}份`}`,
    clarifications: clarifications(u, plan.needs, [...regulation.clarifications, ...scopeQuestions(u, picks.options)]),
    plan: { needs: plan.needs, systems: plan.systems },
    options: picks.options,
    exclusions: picks.exclusions,
    candidates: picks.candidates,
    lifecycle: lifecycleNamed,
    // What the timeline and costs plan for is scheduled in the next steps too, brought in or stated.
    // Those of the industry that govern only what the project does not touch are left out (withinProject).
    regulations: withSystemRegulators(u, withinProject(u, regulation.regulations, plan.systems), plan.systems).map((r) => (r.id !== undefined && planned.has(r.id) ? { ...r, planned: true } : r)),
    costs,
    timeline,
    risks: assessRisks(u, hits, lifecycleNamed, timeline, costs, picks.options.find((o) => o.recommended)),
    sections: [],
    appendix: [],
  };
  const written = writeReport({ model, u, hits: hitsForProject(u, hits, plan.systems) });
  model.sections = written.sections;
  model.appendix = written.appendix;
  return scrubModel(model, u);
}

/**
 * A kept system that covers only part of its type (卫宁HIS of HIS/EMR) leaves the other part's
 * vendor open: ask before comparing products for it.
 */
function scopeQuestions(u: ReturnType<typeof understand>, options: ReportModel['options']): Clarification[] {
  const out: Clarification[] = [];
  for (const p of options.find((o) => o.recommended)?.picks ?? []) {
    const scope = p.alternative?.scope;
    if (!p.existing || !scope) continue;
    const kept = currentName(u, p.product.id);
    out.push({ section: '特殊要求', topic: 'scope', question: `现有${scope}是哪家厂商的产品，是否随${kept}一起升级？`, why: `决定${scope}是在现有厂商的系统上补齐，还是单独选型。`, refs: p.refs, priority: 2 });
  }
  const core = u.model.coreSystem;
  if (replacesCore({ options }, u)) {
    out.push({ section: '特殊要求', topic: 'scope', question: `现有${core.name}是保留并在其上扩展，还是替换为成熟产品？`, why: `决定${core.name}是替换选型，还是在现有系统上补齐功能；范围、成本与期限随之不同。`, refs: core.refs, priority: 1 });
  }
  return out;
}

/** Required sections and fields that are missing, empty or still placeholders, by name. */
function missingInformation(file: IntakeFile, index: number, catalog: FieldCatalog): string[] {
  const intake = file.intakes[index];
  if (!intake) return [];
  const names: string[] = [];
  for (const gap of requiredGaps(intake, catalog)) {
    if (gap.kind === 'missing-section') names.push(`[${gap.section}]`);
    else if (gap.kind === 'missing-field') names.push(`${gap.section}/${gap.field}`);
    else names.push(gap.key);
  }
  for (const section of intake.sections) {
    if (section.value && section.value.placeholders.length > 0) names.push(`[${section.name}]`);
    // forEachField, not the walkFields generator: a generator per level of every section, each report.
    forEachField(section.items, (field) => {
      if (field.value && field.value.placeholders.length > 0) names.push(`${section.name}/${field.key}`);
    });
  }
  return [...new Set(names)];
}

function titleSegment(segment: string): string {
  const cut = segment.search(/[，,；;（(]/);
  return cut >= 2 ? segment.slice(0, cut) : segment;
}

/** Removes any personal string (a contact's name, phone, e-mail) from every text of the model, in a copy of it. */
function scrubModel(model: ReportModel, u: ReturnType<typeof understand>): ReportModel {
  if (u.personal.strings.length === 0) return model;
  return mapJsonStrings(model, (text) => scrub(text, u.personal)) as ReportModel;
}
