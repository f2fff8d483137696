/**
 * The writer: the eight sections of the sample reports, short and specific, from the plan; then
 * `## 附录` for the engineer (scored comparisons, exclusions, lifecycle check, regulations, cost
 * detail, every clarification, rule evidence). The body says each thing once (see `Once`) and
 * never names an excluded product.
 */
import type { Need, Option, Point, ReportModel, Section } from '../reportModel';
import { REPORT_SECTION_TITLES } from '../sectionTitles';
import type { RuleHit } from '../rules';
import { clip, firstClause, measurableClause, shortName, tidy, upgradeStep } from '../text/restate';
import type { Understanding } from '../understand';
import { cloudName } from '../understand/places';
import { enumerate, heading, labelled, list, note, Once, paragraph, point, sentence, table } from './blocks';
import { dropTrailingAside } from '../text/trim';

export interface WriteInput {
  model: ReportModel;
  u: Understanding;
  hits: readonly RuleHit[];
}

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

function requirements(model: ReportModel, u: Understanding): ReportModel['sections'][number]['blocks'] {
  const m = u.model;
  const items: Point[] = [];
  const core = m.coreSystem;
  const industry = [m.industry.name, m.industry.segment].filter(Boolean).join(' · ');
  // "核心业务系统（存贷汇与总账）是…", not "核心业务系统是核心业务系统（…）".
  const coreSubject = core.name.startsWith('核心') ? core.name : `核心业务系统是${core.name}`;
  const joiner = core.name.startsWith('核心') ? '' : '，';
  const coreText =
    core.basis === 'unknown'
      ? '核心业务系统未能从调研表判断（见下一步建议）'
      : `${coreSubject}${core.inScope ? (core.kept ? `${joiner}保留现有厂商并在其上升级` : `${joiner}是本期建设的重点`) : core.basis === 'industry' ? '（按行业推断，待确认）' : `${joiner}现有系统本期不替换，方案围绕它做优化与集成`}`;
  const scale = m.scale.figures.length > 0 ? `；规模：${enumerate(m.scale.figures.map((f) => f.text), 4)}` : '';
  items.push(labelled('客户与核心业务', `${industry}。${coreText}${scale}。`, [...m.industry.refs, ...core.refs, ...m.scale.figures.flatMap((f) => f.refs)]));
  if (m.mainGoal) items.push(labelled('首要目标', `${sentence(tidy(m.mainGoal.text))}`, m.mainGoal.refs));
  const estate: string[] = [];
  for (const c of m.estate.clouds) {
    const regions = c.regions.map((r) => `${r.written.replace(/^(?:AWS|Azure|GCP|阿里云|华为云|腾讯云)\s?/, '')}${r.approximate ? '，区域待确认' : ''}`);
    estate.push(regions.length > 0 ? `${c.name}（${regions.join('、')}）` : c.name);
  }
  for (const o of m.estate.onPrem.slice(0, 2)) estate.push(clip(o.text, 40));
  const versions = m.estate.products.filter((p) => !m.estate.onPrem.some((o) => o.text.includes(p.written))).map((p) => `${p.name}${p.version && !p.name.endsWith(p.version) ? ` ${p.version}` : ''}`);
  if (estate.length > 0 || versions.length > 0) {
    items.push(labelled('现状', `${[estate.join('；'), versions.length > 0 ? `主要组件${enumerate(versions, 6)}` : ''].filter(Boolean).join('；')}。`, [...m.estate.clouds.flatMap((c) => c.refs), ...m.estate.onPrem.flatMap((o) => o.refs), ...m.estate.products.flatMap((p) => p.refs)]));
  }
  const constraints = m.constraints.filter((c) => c.kind !== 'keep-system').map((c) => c.text);
  const kept = keptAndIntegrated(u).map((x) => x.name);
  const constraintText = [constraints.length > 0 ? enumerate(constraints, 4) : '', kept.length > 0 ? `保留并对接${enumerate(kept, 5)}` : ''].filter(Boolean).join('；');
  if (constraintText) items.push(labelled('硬约束', `${constraintText}。`, [...m.constraints.flatMap((c) => c.refs), ...m.integrations.flatMap((i) => i.refs)]));
  const regs = model.regulations.filter((r) => r.kind === 'framework');
  const regulators = model.regulations.filter((r) => r.kind === 'regulator').map((r) => r.name);
  if (regs.length > 0 || regulators.length > 0) {
    const names = regs.map((r) => shortFramework(r.name));
    items.push(labelled('合规与监管', `${[names.length > 0 ? enumerate(names, 6) : '', regulators.length > 0 ? `监管机构${enumerate(regulators, 3)}` : ''].filter(Boolean).join('；')}。`, regs.flatMap((r) => r.refs)));
  }
  // Business impacts with money in them go to the benefits; the rest of the pains, restated.
  const losses = new Set(u.model.lossFigures.flatMap((l) => l.refs));
  const pains = (model.plan?.needs ?? []).filter((n) => (n.kind === 'pain' || n.kind === 'debt') && !(n.mechanisms.length === 0 && n.refs.every((r) => losses.has(r)))).slice(0, 5);
  if (pains.length > 0) items.push(labelled('关键痛点', '', [], pains.map((n) => point(n.text, n.refs))));
  for (const t of m.triedAndFailed) items.push(labelled('已尝试', `${t.what}${t.why ? `，因${t.why}未成功` : '，未达到目标'}。`, t.refs));
  const b = m.budget;
  if (b.total) {
    const parts = [`${b.total.text}${b.perYear ? '/年' : ''}${b.horizonAssumed ? '' : `，覆盖${b.horizonYears}年`}`];
    if (b.oneTime && b.oneTime.amount !== b.total.amount) parts.push(`其中一次性建设${b.oneTime.text}`);
    if (b.recurringPerYear) parts.push(`年度运维${b.recurringPerYear.text}`);
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

function shortFramework(name: string): string {
  return dropTrailingAside(name).replace(/^中华人民共和国/, '');
}

/**
 * The systems that stay: kept ones, then the ones to integrate with, without naming one twice
 * ("卫宁HIS" and "HIS"); each with the protocols the intake gives.
 */
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

function solution(model: ReportModel, u: Understanding): ReportModel['sections'][number]['blocks'] {
  const blocks: ReportModel['sections'][number]['blocks'] = [];
  const systems = model.plan?.systems ?? [];
  const rec = model.options.find((o) => o.recommended);
  const core = u.model.coreSystem;
  const lead = [
    u.model.mainGoal ? `以“${clip(tidy(u.model.mainGoal.text), 36)}”为主线` : '',
    core.inScope ? `先建设${core.name}` : core.basis !== 'unknown' ? `不替换现有${core.name}，围绕它优化` : '',
    rec ? `推荐方案${rec.id}（${rec.title.replace(/^方案[AB]：/, '')}）` : '',
  ].filter(Boolean);
  if (lead.length > 0) blocks.push(paragraph(`${lead.join('，')}。`));
  blocks.push(heading('系统类型'));
  blocks.push(list(systems.map((s) => point(`${s.name}：${s.reason}${s.kept ? `（保留现有${s.kept}）` : ''}`, s.refs)), true));
  const kept = groupedByProtocol(keptAndIntegrated(u).filter((x) => !systems.some((s) => s.kept === x.name)));
  if (kept.length > 0) blocks.push(paragraph(`保留并通过集成层对接：${enumerate(kept, 6)}。`, [...u.kept.flatMap((k) => k.refs), ...u.model.integrations.flatMap((i) => i.refs)]));
  // A reason said for one pick (原生支持IDoc…) is not repeated for the next.
  const said = new Once();
  const strength = (id: string) => firstClause(u.kb.product(id)?.strength ?? '');
  for (const o of model.options) blocks.push(...option(o, model.options[0] !== o ? model.options[0] : undefined, (id) => u.kb.category(id)?.name ?? id, said, strength));
  const excluded = model.exclusions.length;
  if (excluded > 0) {
    const kinds = [...new Set(model.exclusions.map((e) => e.kind))].map((k) => ({ constraint: '违反硬约束', cloud: '属于客户未使用的云', failed: '曾试用失败', kept: '与保留的系统重复', xinchuang: '未做信创适配', policy: '团队厂商政策不采用' })[k]);
    blocks.push(note(`另有${excluded}个候选因${enumerate(kinds, 4)}被排除，明细见附录。`));
  }
  return blocks;
}

function option(o: Option, first: Option | undefined, categoryName: (id: string) => string, said: Once, strength: (id: string) => string): ReportModel['sections'][number]['blocks'] {
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
  if (same.length > 0) out.push(paragraph(`${same.length === o.picks.length ? '各系统类型的选择都' : `${enumerate(same.map((p) => p.categoryName), 6)}的选择`}与方案A相同${same.length === o.picks.length && o.strategy === 'international' ? '：国际产品在本项目中没有明显优势' : ''}。`));
  const items = o.picks.filter((p) => !same.includes(p)).map((p) => {
    // A reason already given is not repeated: for the same product it is left out ("理由见方案A"
    // when nothing else is left), for another product it is shortened to "同样…".
    const fresh = (why: string, id: string) => {
      const parts = why.split('；').filter(Boolean);
      const kept = parts.filter((x) => said.first(x, id));
      if (kept.length > 0) return kept.join('；');
      const own = strength(id);
      if (own && said.first(own, id)) return own;
      const other = parts.find((x) => said.by(x) !== id);
      return other ? `同样${firstClause(other)}` : '理由见方案A';
    };
    const main = `${p.existing ? '沿用' : ''}${shortName(p.product.name)}——${fresh(p.why, p.product.id)}`;
    const altWhy = p.alternative ? fresh(p.alternative.why, p.alternative.product.id) : '';
    const alt = p.alternative ? `；备选${shortName(p.alternative.product.name)}${altWhy ? `（${altWhy}）` : ''}` : '';
    return labelled(p.categoryName, `${main}${alt}。`, [...p.refs, ...(p.alternative?.refs ?? [])]);
  });
  for (const g of o.gaps) items.push(labelled(categoryName(g.category), `${g.reason}。`));
  if (items.length > 0) out.push(list(items));
  return out;
}

// ---------------------------------------------------------------- 适用性分析

function fit(model: ReportModel, once: Once): ReportModel['sections'][number]['blocks'] {
  const needs = (model.plan?.needs ?? []).slice(0, MAX_NEEDS);
  const items: Point[] = [];
  for (const n of needs) {
    const label = n.kind === 'main-goal' ? '首要目标' : n.kind === 'goal' ? '目标' : n.kind === 'integration' ? '集成' : n.kind === 'compliance' ? '合规' : '痛点';
    const fresh = n.mechanisms.filter((m) => once.first(m.summary));
    const earlier = n.mechanisms.filter((m) => !fresh.includes(m)).map((m) => m.title);
    const text = n.mechanisms.length === 0 ? `需澄清——${n.clarify}` : [earlier.length > 0 ? `见上（${earlier.join('、')}）` : '', ...fresh.map((m) => m.summary)].filter(Boolean).join('；');
    items.push(labelled(`${label}｜${clip(n.text, 40)}`, sentence(text), n.refs));
  }
  return items.length > 0 ? [list(items)] : [paragraph('调研表未给出痛点与目标，无法逐条分析；请先补充。')];
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
    if (category) items.push(labelled(s.name, `${enumerate(category.features, 4)}${pick ? `（以${shortName(pick.product.name)}为例）` : ''}。`, s.refs));
  }
  for (const r of model.regulations.filter((x) => x.kind === 'framework' && x.basis === 'stated').slice(0, 3)) {
    const f = u.kb.framework(r.id ?? '');
    if (f && once.first(f.summary)) items.push(point(sentence(f.summary), r.refs));
  }
  // A rule about a framework already described above (等保, IATF) would say it twice.
  const described = new Set(model.regulations.filter((x) => x.kind === 'framework' && x.basis === 'stated').slice(0, 3).map((r) => r.id));
  for (const h of hits.filter((x) => x.rule.section === '关键特性' && !x.rule.frameworks.some((f) => described.has(f))).slice(0, 3)) {
    if (once.first(h.rule.summary)) items.push(labelled(h.rule.title, sentence(h.rule.summary), evidenceRefs(h)));
  }
  return items.length > 0 ? [list(items)] : [paragraph('按所选系统类型的标准功能实施。')];
}

// ---------------------------------------------------------------- 实施建议

function implementation(model: ReportModel, hits: readonly RuleHit[], once: Once): ReportModel['sections'][number]['blocks'] {
  const t = model.timeline;
  const blocks: ReportModel['sections'][number]['blocks'] = [];
  if (t) {
    blocks.push(paragraph(t.statement, t.refs));
    blocks.push(table(['阶段', '周次', '交付物'], t.phases.map((p) => ({ cells: [`${p.number}. ${p.name}`, `第${p.startWeek + 1}–${p.startWeek + p.weeks}周`, p.deliverables.join('、')] }))));
  }
  const items: Point[] = [];
  for (const h of hits.filter((x) => x.rule.section === '实施建议').slice(0, 5)) if (once.first(h.rule.summary)) items.push(point(sentence(h.rule.summary), evidenceRefs(h)));
  if (model.lifecycle.length > 0) items.push(labelled('版本升级', '', model.lifecycle.flatMap((l) => l.refs), model.lifecycle.map((l) => point(`${l.name} ${l.version}：${upgradeStep(l.upgrade)}。`, l.refs))));
  if (items.length > 0) blocks.push(list(items));
  return blocks;
}


// ---------------------------------------------------------------- 成本效益分析

function costs(model: ReportModel): ReportModel['sections'][number]['blocks'] {
  const c = model.costs;
  if (!c) return [paragraph('调研表信息不足，暂不估算成本。')];
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
  const total = (p: string) => c.totals.find((t) => t.period === p)!.text;
  const items: Point[] = [labelled('合计', `一次性${total('one-time')}，每年${total('per-year')}，${c.years}年TCO约${total('total')}（规划参考区间，以厂商报价为准）。`)];
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
  // A POC compares the pick with its alternative where there is a real choice, and accepts on
  // the need that system serves (the main goal only when it serves the main goal).
  const rec = model.options.find((o) => o.recommended);
  const main = u.model.mainGoal;
  const needsOf = (category: string) => (model.plan?.needs ?? []).filter((n) => n.mechanisms.some((m) => m.categories.includes(category)));
  const poc = (rec?.picks ?? [])
    .filter((p) => !p.existing && p.alternative)
    .map((p) => {
      const served = needsOf(p.category);
      const system = model.plan?.systems.find((s) => s.category === p.category);
      const forMain = main !== undefined && (system?.role === 'core' || served.some((n) => n.kind === 'main-goal'));
      const accept = forMain ? clip(measurableClause(main.text), 30) : served[0] ? clip(served[0].text, 30) : '';
      return { p, accept, forMain, refs: forMain ? main.refs : (served[0]?.refs ?? []) };
    })
    .sort((a, b) => Number(b.forMain) - Number(a.forMain))
    .slice(0, 2);
  if (poc.length > 0) {
    // Comparisons with the same acceptance criterion share it.
    const groups = new Map<string, string[]>();
    for (const { p, accept } of poc) groups.set(accept, [...(groups.get(accept) ?? []), `${p.categoryName}比选${shortName(p.product.name)}与${shortName(p.alternative!.product.name)}`]);
    const items = [...groups].map(([accept, list]) => `${list.join('，')}${accept ? `（验收：${accept}）` : ''}`);
    steps.push(point(`用2–4周做POC：${items.join('；')}。`, poc.flatMap((x) => x.refs)));
  }
  const paths = model.regulations.filter((x) => x.kind === 'framework' && x.basis === 'stated').map((r) => ({ r, f: u.kb.framework(r.id ?? '') })).filter((x) => x.f && x.f.kind !== 'law');
  if (paths.length > 0) steps.push(point(`排定合规测评：${paths.map(({ f }) => `${shortFramework(f!.name)}${OUTCOME_STEP[f!.outcome]}`).join('；')}。`, paths.flatMap(({ r }) => r.refs)));
  // The generic gap assessment says what "排定合规测评" already says.
  const generic = paths.length > 0 ? new Set(['compliance-gap-assessment']) : new Set<string>();
  for (const h of hits.filter((x) => x.rule.section === '下一步建议' && !generic.has(x.rule.id)).slice(0, 2)) if (once.first(h.rule.summary)) steps.push(point(sentence(h.rule.summary), evidenceRefs(h)));
  if (model.lifecycle.length > 0 && steps.length < 6) steps.push(point(`把${enumerate(model.lifecycle.map((l) => `${l.name} ${l.version}`), 4)}的升级写进路线图，与方案一起评审。`, model.lifecycle.flatMap((l) => l.refs)));
  return steps.length > 0 ? [list(steps, true)] : [paragraph('按推荐方案组织POC与商务谈判。')];
}

/** A clarification as a question: ends with "？". */
function asQuestion(text: string): string {
  const t = text.replace(/[。.]$/, '');
  return t.startsWith('请') || /[？?）)]$/.test(t) ? t : `${t}？`;
}

// ---------------------------------------------------------------- 附录

function appendix(model: ReportModel, u: Understanding, hits: readonly RuleHit[]): Section[] {
  const blocks: ReportModel['sections'][number]['blocks'] = [];
  const name = (category: string) => u.kb.category(category)?.name ?? category;
  blocks.push(heading('A. 候选产品比较'));
  for (const o of model.options) {
    const rows = model.candidates.filter((c) => c.option === o.id).map((c) => ({ cells: [name(c.category), c.product.name, { cn: '国产', intl: '国际', oss: '开源' }[c.origin], String(c.score), c.notes.slice(0, 3).join('；')] }));
    if (rows.length === 0) continue;
    blocks.push(heading(o.title, [], 4));
    blocks.push(table(['系统类型', '产品', '来源', '得分', '依据'], rows));
  }
  if (model.exclusions.length > 0) {
    blocks.push(heading('B. 排除的候选及原因'));
    blocks.push(table(['产品', '系统类型', '原因'], model.exclusions.map((e) => ({ cells: [e.product.name, name(e.category), e.reason], refs: e.refs }))));
  }
  const checked = u.model.estate.products.filter((p) => p.family);
  if (checked.length > 0) {
    blocks.push(heading(`C. 版本生命周期核对（报告日期${model.asOf}）`));
    blocks.push(
      table(
        ['组件', '版本', '状态', '依据'],
        checked.map((p) => {
          const f = model.lifecycle.find((l) => l.family === p.family);
          return { cells: [p.name, p.version ?? '未注明', f ? `${f.status === 'past' ? '已过支持期' : '12个月内到期'}（${f.date}）` : p.version ? '支持中' : '无法判断（未注明版本）', f?.source ?? ''], refs: p.refs };
        }),
      ),
    );
  }
  if (model.regulations.length > 0) {
    blocks.push(heading('D. 适用的法规、标准与监管机构'));
    blocks.push(table(['名称', '依据', '理由'], model.regulations.map((r) => ({ cells: [r.name, r.basis === 'stated' ? '调研表提出' : '适用条件成立', r.why], refs: r.refs }))));
    const jurisdictions = u.model.jurisdictions.map((j) => `${j.code}：${j.basis}`).join('；');
    blocks.push(paragraph(`法域判断：${jurisdictions}。`));
  }
  if (model.costs) {
    blocks.push(heading('E. 成本明细与假设'));
    const kinds = { licence: '许可/订阅', infrastructure: '基础设施', implementation: '实施', operations: '运维', assessment: '测评与验证' } as const;
    blocks.push(table(['组成', '类别', '周期', '区间', '假设'], model.costs.items.map((i) => ({ cells: [i.component, kinds[i.kind], i.period === 'one-time' ? '一次性' : '每年', range(i.low, i.high, model.costs!.currency), i.assumption] }))));
    blocks.push(list(model.costs.assumptions.map((a) => point(a))));
  }
  if (model.clarifications.length > 0) {
    blocks.push(heading('F. 待澄清问题'));
    blocks.push(list(model.clarifications.map((c) => point(`${c.question}——${c.why}`, c.refs)), true));
  }
  if (hits.length > 0) {
    blocks.push(heading('G. 规则依据'));
    blocks.push(table(['规则', '内容', '依据行'], hits.map((h) => ({ cells: [h.rule.id, h.rule.title, evidenceRefs(h).map((l) => `L${l}`).join(' ')] }))));
  }
  if (model.incomplete.length > 0) {
    blocks.push(heading('H. 调研表未填写的必填项'));
    blocks.push(paragraph(`${enumerate(model.incomplete, 12)}。`));
  }
  const needs: Need[] = model.plan?.needs ?? [];
  const unanswered = needs.filter((n) => n.clarify);
  if (unanswered.length > 0) blocks.push(paragraph(`没有对应机制、需澄清的需求：${enumerate(unanswered.map((n) => n.text), 6)}。`));
  const clouds = [...u.cloudsInUse].map(cloudName);
  blocks.push(paragraph(`理解摘要：云${clouds.length > 0 ? enumerate(clouds) : '无'}；约束${u.model.constraints.map((c) => c.kind).join('、') || '无'}；特征${u.model.traits.join('、') || '无'}。`));
  return [{ id: 'appendix', title: '附录', blocks }];
}

function evidenceRefs(h: RuleHit): number[] {
  return [...new Set(h.evidence.map((f) => f.line + 1))].sort((a, b) => a - b);
}
