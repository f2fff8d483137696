/**
 * Timelines per domain: the phase template of the intake's core system or industry
 * (knowledge/timelines.yaml: core banking needs migration rehearsals and a parallel run; a hospital
 * the 电子病历分级评价 and 互联互通测评 calendar; regulated projects their 等保/密评 testing windows;
 * pharmaceuticals computerised-system validation), fitted to the deadline — or plainly not
 * feasible within it. The templates are data; this file selects one, puts the testing phase where
 * it marks, and fits the lengths.
 */
// Types only: the schema module is zod, which the report path never loads.
import type { TimelineTemplate, Timelines } from '../../knowledge/timelineSchema';
import type { Phase, Timeline } from '../reportModel';
import type { Understanding } from '../understand';
import { coreOfAnyIndustry } from './anyIndustry';

/** A phase of a template (the file's entries but the testing markers). */
type TemplatePhase = Exclude<TimelineTemplate['phases'][number], 'regulated-testing' | 'pre-operation-testing'>;

interface Template {
  id: string;
  phases: TemplatePhase[];
  note: string | undefined;
}

const WEEKS_PER_MONTH = 52 / 12;

/**
 * The first template, in the file's order, that the core system (when in scope) or the industry
 * selects; the last is the default. `lead`: the system the plan builds first when the core system
 * is out of scope (a data warehouse), whose own template comes before the industry's.
 */
function selectTemplate(u: Understanding, templates: readonly TimelineTemplate[], lead: string | undefined): TimelineTemplate {
  const core = u.model.coreSystem.inScope ? u.model.coreSystem.category : undefined;
  const industry = u.industry?.id;
  const selects = (t: TimelineTemplate) => (t.coreSystems === undefined && t.industries === undefined && t.traits === undefined) || (core !== undefined && (t.coreSystems?.includes(core) ?? false)) || (industry !== undefined && (t.industries?.includes(industry) ?? false));
  // A system every organisation runs (HR, OA) is no industry's: its own template comes before the
  // industry's (a drug maker's HR project is not validated like its MES).
  const ownCategory = coreOfAnyIndustry(u) ? core : lead;
  const own = ownCategory !== undefined ? templates.find((t) => t.coreSystems?.includes(ownCategory)) : undefined;
  // What the project is (a move to the cloud) before the system it leads with or the industry;
  // a core system in scope (an HR or OA one among them) keeps its own template.
  const byTraits = core === undefined ? templates.find((t) => t.traits?.every((x) => u.traits.has(x))) : undefined;
  // The schema makes the last template the default, so there is always one.
  return byTraits ?? own ?? templates.find(selects) ?? templates[templates.length - 1]!;
}

type Regulated = { mlps: boolean; crypto: boolean };
type Window = Timelines['regulatedTesting']['windows'][number];

/** A testing phase for `windows`, or none when no test falls there. */
function testingPhase(testing: Timelines['regulatedTesting'], windows: readonly Window[]): TemplatePhase | undefined {
  if (windows.length === 0) return undefined;
  return {
    name: testing.name.replace('{windows}', windows.map((w) => w.name).join('、')),
    min: testing.min,
    typical: testing.typical,
    deliverables: [...windows.map((w) => w.deliverable), ...testing.deliverables],
  };
}

/**
 * The template's phases with the tests that apply put where it marks them: a test that passes
 * before operation (密评) at the pre-operation marker when the template has one, the others (等保测评)
 * once the system is built and cut over; what a test asks for before the build (密码应用方案评审)
 * among the first phase's deliverables. A template without the testing marker gets none of it.
 */
function withTesting(phases: TimelineTemplate['phases'], testing: Timelines['regulatedTesting'], regulated: Regulated): TemplatePhase[] {
  if (!phases.includes('regulated-testing')) return phases.filter((p): p is TemplatePhase => typeof p !== 'string');
  const windows = testing.windows.filter((w) => regulated[w.when]);
  const early = phases.includes('pre-operation-testing') ? windows.filter((w) => w.beforeOperation === true) : [];
  const at = { 'pre-operation-testing': testingPhase(testing, early), 'regulated-testing': testingPhase(testing, windows.filter((w) => !early.includes(w))) };
  const plans = windows.flatMap((w) => (w.plan !== undefined ? [w.plan] : []));
  const first = phases.findIndex((p) => typeof p !== 'string');
  return phases.flatMap((p, i): TemplatePhase[] => {
    if (typeof p === 'string') return at[p] ? [at[p]] : [];
    return i === first && plans.length > 0 ? [{ ...p, deliverables: [...p.deliverables, ...plans] }] : [p];
  });
}

function templateFor(u: Understanding, regulated: Regulated, timelines: Timelines, lead: string | undefined): Template {
  const t = selectTemplate(u, timelines.templates, lead);
  return { id: t.id, phases: withTesting(t.phases, timelines.regulatedTesting, regulated), note: t.note };
}

export function planTimeline(u: Understanding, regulated: Regulated, lead?: string): Timeline {
  const t = templateFor(u, regulated, u.kb.timelines, lead);
  const minimum = t.phases.reduce((a, p) => a + p.min, 0);
  const typical = t.phases.reduce((a, p) => a + p.typical, 0);
  const months = u.model.deadline.months;
  const deadlineWeeks = months !== undefined ? Math.round(months * WEEKS_PER_MONTH) : undefined;
  let weeks: number[];
  let feasible = true;
  let statement: string;
  if (deadlineWeeks === undefined) {
    weeks = t.phases.map((p) => p.typical);
    statement = `调研表未给出期限，按常规节奏约${Math.round(typical / WEEKS_PER_MONTH)}个月。`;
  } else if (deadlineWeeks >= typical) {
    weeks = t.phases.map((p) => p.typical);
    const spare = deadlineWeeks - typical;
    statement = `按常规节奏约需${Math.round(typical / WEEKS_PER_MONTH)}个月，${spare >= 4 ? `${months}个月的期限留有约${Math.round(spare / WEEKS_PER_MONTH)}个月余量` : `与${months}个月的期限基本吻合，没有余量`}。`;
  } else if (deadlineWeeks >= minimum) {
    const share = (deadlineWeeks - minimum) / Math.max(1, typical - minimum);
    weeks = fit(t.phases.map((p) => p.min + (p.typical - p.min) * share), deadlineWeeks);
    statement = `${months}个月期限偏紧：各阶段须按最短周期推进，并行开展测试与培训。`;
  } else {
    feasible = false;
    weeks = t.phases.map((p) => p.min);
    const firstFits = prefixWithin(t.phases.map((p) => p.min), deadlineWeeks);
    statement = `${months}个月内全部完成不可行：最短约${Math.ceil(minimum / WEEKS_PER_MONTH)}个月。${firstFits > 0 ? `建议期限内完成前${firstFits}个阶段（${t.phases.slice(0, firstFits).map((p) => p.name).join('、')}），其余分期。` : '建议与客户重新确认期限或缩小一期范围。'}`;
  }
  if (t.note) statement += t.note;
  let start = 0;
  const phases: Phase[] = t.phases.map((p, i) => {
    const phase: Phase = { number: i + 1, name: p.name, startWeek: start, weeks: Math.max(1, weeks[i]!), deliverables: p.deliverables };
    start += phase.weeks;
    return phase;
  });
  return { template: t.id, totalWeeks: start, minimumWeeks: minimum, ...(months !== undefined ? { deadlineMonths: months } : {}), feasible, statement, phases, refs: u.model.deadline.refs };
}

/** Rounds phase lengths so they add up to `total` exactly (largest remainder). */
function fit(raw: number[], total: number): number[] {
  const weeks = raw.map((w) => Math.max(1, Math.floor(w)));
  let left = total - weeks.reduce((a, b) => a + b, 0);
  const order = raw.map((w, i) => ({ i, frac: w - Math.floor(w) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) weeks[order[k]!.i]!++;
  return weeks;
}

function prefixWithin(weeks: number[], limit: number): number {
  let sum = 0;
  let n = 0;
  for (const w of weeks) {
    if (sum + w > limit) break;
    sum += w;
    n++;
  }
  return n;
}
