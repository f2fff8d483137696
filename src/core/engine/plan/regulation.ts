/**
 * Which frameworks and regulators apply: those the intake names, and those its jurisdictions,
 * industry and data flows bring in (each framework's `appliesWhen`). A regulator of another
 * jurisdiction is never listed; one that supervises only locally licensed entities (EIOPA, MAS…)
 * is listed when the intake says the customer has one there, and otherwise becomes a question.
 */
import type { Clarification, Regulation } from '../reportModel';
import { uniqueAscending } from '../uniqueAscending';
import { holdsAny, holdsAnyCaseless } from '../../text/holdsAny';
import type { Understanding } from '../understand';
import type { Framework } from '../../knowledge/schema';
import { holds } from './conditions';
import { traitName } from '../understand/names';

const JURISDICTION_NAMES: Record<string, string> = { cn: '中国境内', hk: '香港', eu: '欧盟', uk: '英国', us: '美国', sg: '新加坡', global: '境外' };

/** A jurisdiction as the report names it: "us" → 美国. */
export function jurisdictionName(code: string): string {
  return JURISDICTION_NAMES[code] ?? code;
}

export interface RegulationResult {
  regulations: Regulation[];
  /** Framework ids that apply (stated or brought in). */
  applicable: Set<string>;
  clarifications: Clarification[];
}

export function applicableRegulation(u: Understanding): RegulationResult {
  const regulations: Regulation[] = [];
  const applicable = new Set<string>();
  const clarifications: Clarification[] = [];
  const jurisdictionRefs = (codes: readonly string[]) => uniqueAscending(u.model.jurisdictions.filter((j) => codes.includes(j.code)).flatMap((j) => j.refs));
  // Who the customer is, in its own words: a framework or regulator may leave out a part of the industry.
  const who = `${u.model.industry.written} ${u.model.industry.segment}`;
  const leavesOut = (notSegments: readonly string[] | undefined) => notSegments?.some((w) => who.includes(w)) ?? false;
  for (const f of u.kb.frameworks) {
    const stated = u.statedFrameworks.get(f.id);
    // Not brought in for a part of the industry it does not reach (a design institute pays no site workers),
    // nor where its `unless` holds (等保 for systems that all run abroad).
    const brought = leavesOut(f.notSegments) || f.unless?.some((c) => holds(c, u)) ? undefined : f.appliesWhen.find((c) => holds(c, u));
    if (!stated && !brought) continue;
    applicable.add(f.id);
    const why = stated
      ? '调研表明确提出'
      : [brought!.jurisdictions ? `${brought!.jurisdictions.map((j) => JURISDICTION_NAMES[j] ?? j).join('、')}的业务` : '', brought!.industries && u.industry ? `${u.industry.name}行业` : '', ...(brought!.traits ?? []).map(traitName), brought!.data ? `处理${brought!.data.map(dataName).join('、')}` : '']
          .filter(Boolean)
          .join('，') || '适用条件成立';
    const standing = stated ? standingOf(u, f, stated) : undefined;
    regulations.push({ kind: 'framework', id: f.id, name: f.name, basis: stated ? 'stated' : 'brought-in', ...(standing ? { standing } : {}), why, refs: stated ?? jurisdictionRefs(brought!.jurisdictions ?? []) });
  }
  // What the intake names that the knowledge base does not know is listed all the same, as written.
  for (const r of u.statedRules) regulations.push({ kind: 'framework', name: r.name, basis: 'stated', why: '调研表明确提出', refs: r.refs });
  for (const r of u.industry?.regulators ?? []) {
    if (r.jurisdiction !== 'global' && !u.jurisdictions.has(r.jurisdiction)) continue;
    // One that supervises part of the industry is there for the word that names the part (省属), which it cites.
    const word = r.segments?.find((w) => who.includes(w));
    if (r.segments && word === undefined) continue;
    // One that does not supervise the part the intake names (an energy regulator for a water utility) is not there.
    if (leavesOut(r.notSegments)) continue;
    if (r.localEntity && !(r.jurisdiction === 'eu' && u.traits.has('eu-entity'))) {
      const refs = jurisdictionRefs([r.jurisdiction]);
      clarifications.push({
        section: '特殊要求',
        topic: `local-entity:${r.jurisdiction}`,
        question: `在${JURISDICTION_NAMES[r.jurisdiction] ?? r.jurisdiction}是否有持牌经营主体？`,
        why: `决定是否受${r.name}监管及相应的外包、韧性与报告要求`,
        refs,
        priority: 2,
      });
      continue;
    }
    const part = word !== undefined ? `（${word}）` : '';
    const refs = jurisdictionRefs([r.jurisdiction]);
    regulations.push({ kind: 'regulator', name: r.name, basis: 'brought-in', why: `${u.industry!.name}行业${part}，${JURISDICTION_NAMES[r.jurisdiction] ?? r.jurisdiction}`, refs: word !== undefined ? uniqueAscending([...u.model.industry.refs, ...refs]) : refs });
  }
  return { regulations, applicable, clarifications: dedupe(clarifications) };
}

/** What ends a clause of a line: the words of one framework's clause are not another's (IATF 16949年度审核，等保2.0二级). */
const CLAUSE_BREAK = /[，；。,;]/u;

/**
 * Whether the intake says the customer holds a framework it names, or seeks it (`held`, `sought`
 * in frameworks.yaml), and the lines that say so. The clauses naming it speak first, held before
 * sought ("已取得" holds 取得); then the industry's lines: a carmaker's 一级供应商 holds IATF
 * 16949, its entry ticket.
 */
function standingOf(u: Understanding, f: Framework, lines: readonly number[]): Regulation['standing'] {
  if (!f.held && !f.sought) return undefined;
  const naming = u.usable.filter((x) => lines.includes(x.line + 1));
  const says = (words: readonly string[] | undefined) => words !== undefined && naming.some((x) => x.value.split(CLAUSE_BREAK).some((c) => holdsAnyCaseless(c, f.aliases) && holdsAnyCaseless(c, words)));
  if (says(f.held?.words)) return { is: 'held', refs: [...lines] };
  if (says(f.sought?.words)) return { is: 'sought', refs: [...lines] };
  const industry = f.held ? u.usable.filter((x) => x.section === '客户行业' && holdsAnyCaseless(x.value, f.held!.words)) : [];
  return industry.length > 0 ? { is: 'held', refs: uniqueAscending([...lines, ...industry.map((x) => x.line + 1)]) } : undefined;
}

function dataName(d: string): string {
  return ({ personal: '个人信息', health: '健康信息', cardholder: '持卡人数据', financial: '金融数据', student: '学生信息', 'production-control': '生产控制数据', gmp: 'GMP数据' } as Record<string, string>)[d] ?? d;
}

function dedupe(list: Clarification[]): Clarification[] {
  const out: Clarification[] = [];
  for (const c of list) if (!out.some((o) => o.question === c.question)) out.push(c);
  return out;
}

/**
 * The industry's regulators with, first, those of what the plan builds (a tax platform's
 * 国家税务总局 for a manufacturer): the project's own authority leads the list the report's
 * summary shortens. One already listed for the industry is not repeated.
 */
export function withSystemRegulators(u: Understanding, regulations: readonly Regulation[], systems: readonly { category: string; refs: readonly number[] }[]): Regulation[] {
  const own: Regulation[] = [];
  for (const s of systems) {
    const category = u.kb.category(s.category);
    for (const r of category?.regulators ?? []) {
      if (!u.jurisdictions.has(r.jurisdiction)) continue;
      if (regulations.some((x) => x.kind === 'regulator' && x.name === r.name) || own.some((x) => x.name === r.name)) continue;
      own.push({ kind: 'regulator', name: r.name, basis: 'brought-in', why: `建设${category!.name}，${JURISDICTION_NAMES[r.jurisdiction] ?? r.jurisdiction}`, refs: uniqueAscending(s.refs) });
    }
  }
  if (own.length === 0) return [...regulations];
  const at = regulations.findIndex((r) => r.kind === 'regulator');
  return at < 0 ? [...regulations, ...own] : [...regulations.slice(0, at), ...own, ...regulations.slice(at)];
}

/** What a scope-bound framework or regulator governs (knowledge/schema.ts, GovernsSchema). */
interface Governs {
  categories: readonly string[];
  words?: readonly string[] | undefined;
}

/** The sections whose lines say what the project is to do and meet: its goals, the pains it answers, its special requirements. */
const PROJECT_SECTIONS = new Set(['核心目标', '当前痛点', '特殊要求']);

/**
 * The regulations the project answers to. A framework or regulator of the industry that governs
 * only some of what the customer runs (`governs`: 电子病历分级评价 the EMR, 国家医疗保障局 the
 * insurance settlement, GSP the drug handling) stays when the plan builds a system of its
 * categories or the goals, pains or special requirements say one of its words; a hospital's campus
 * network or backup answers to neither. One the intake names stays: a stated framework, a
 * regulator named in any line. The rest (等保, 个保法, 数安法, 密评, the industry's general
 * authority) have no `governs` and stay.
 */
export function withinProject(u: Understanding, regulations: readonly Regulation[], systems: readonly { category: string }[]): Regulation[] {
  const built = new Set(systems.map((s) => s.category));
  const lines = u.usable.filter((f) => !f.fieldPath.includes('历史应对'));
  const said = lines.filter((f) => PROJECT_SECTIONS.has(f.section)).map((f) => f.value);
  const touches = (g: Governs) => g.categories.some((c) => built.has(c)) || said.some((text) => holdsAnyCaseless(text, g.words ?? []));
  return regulations.filter((r) => {
    if (r.basis === 'stated') return true;
    if (r.kind === 'framework') {
      const governs = r.id === undefined ? undefined : u.kb.framework(r.id)?.governs;
      return governs === undefined || touches(governs);
    }
    const governs = u.industry?.regulators.find((x) => x.name === r.name)?.governs;
    if (governs === undefined || touches(governs)) return true;
    // The name's head once per regulator, not once per line it is looked for in.
    const head = [regulatorHead(r.name)];
    return lines.some((f) => holdsAny(f.value, head));
  });
}

/** A regulator's name without what it adds after it: "国家医疗保障局及地方医保部门（…）" → 国家医疗保障局. */
function regulatorHead(name: string): string {
  const at = name.search(/[及（(]/u);
  return at > 0 ? name.slice(0, at) : name;
}
