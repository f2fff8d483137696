/**
 * The grounding the model writes from: the offline report model as facts, not prose. What the
 * engine understood of the customer (industry, core system, estate, scale, goals, pains), the
 * hard constraints with what they rule out (clouds not in use, kept systems, failed attempts),
 * the engine's figures (costs by period, the budget verdict, milestones, SLA and latency),
 * the analysis findings and end-of-support findings, the needs with their mechanisms, the picks
 * with their reasons, the exclusions with their reasons, the clarification questions, the other
 * risks, and last the intake's own lines for 〔Lnn〕 citations (lines with personal data left out:
 * a report never needs a contact, so it is never sent).
 *
 * A tree of headed sections whose lines carry a priority: when the prompt is too long for the
 * context budget, prompt.ts drops the lowest-priority lines first (later ones before earlier ones).
 *
 * | priority | what                                                                               |
 * |----------|------------------------------------------------------------------------------------|
 * | 100      | core facts, hard constraints, figures, analysis findings, picks, clarifications     |
 * | 90–95    | exclusions, lifecycle findings, other facts (estate, goals, pains, budget)          |
 * | 60–75    | needs and their mechanisms, the reason for each system type, cost components        |
 * | 40–55    | option summaries, other risks, regulations' reasons                                 |
 * | 40       | the intake's numbered lines (the facts already cite them)                            |
 * | 30       | product caveats                                                                      |
 */
import type { IntakeFacts } from '../facts/facts';
import type { Clarification, Exclusion, Option, ReportModel } from '../engine/reportModel';
import type { KnowledgeBase } from '../knowledge/knowledge';
import type { Location, Product } from '../knowledge/schema';
import { formatRefs } from '../render/markdown';
import { budgetFigures, costComponents, milestoneFigures, slaAndLatencyFigures } from './figures';
import { estateLabel } from '../engine/understand/estate';
import { constraintName } from '../engine/understand/names';
import { lifecycleDate } from '../engine/plan/lifecycle';
import { caveatSentencesFor } from '../engine/plan/caveats';
import { caveatSentences } from '../engine/plan/productText';

export interface GroundingItem {
  text: string;
  priority: number;
  /** What the line is, for the "omitted" summary (产品说明, 调研表原文…). */
  group: string;
}

export interface GroundingNode {
  heading?: string;
  items: GroundingItem[];
  children: GroundingNode[];
}

export interface GroundingInput {
  model: ReportModel;
  facts: IntakeFacts;
  locations: readonly Location[];
  kb: KnowledgeBase;
}

type Understood = ReportModel['understanding'];

const ORIGIN = { cn: '国产', intl: '国际', oss: '开源' } as const;

const ROLE = { deployment: '部署地', users: '用户所在地', support: '支持团队所在地', market: '市场' } as const;
const BASIS = { stated: '调研表写明', segment: '由细分领域推断', industry: '按行业惯例推断', unknown: '未能判断' } as const;
const SIZE = { sme: '中小规模', mid: '中等规模', large: '大型规模' } as const;
const DATA: Record<string, string> = { personal: '个人信息', health: '健康医疗数据', cardholder: '持卡人数据', financial: '金融数据', student: '学生数据', 'production-control': '生产控制数据', gmp: 'GMP数据' };
const NEED_KIND: Record<string, string> = { 'main-goal': '首要目标', goal: '目标', pain: '痛点', debt: '技术债', compliance: '合规', integration: '集成', constraint: '约束' };

export function buildGrounding({ model, facts, locations, kb }: GroundingInput): GroundingNode[] {
  const u = model.understanding;
  return [
    node('## 客户事实（离线引擎对调研表的理解）', customerFacts(u)),
    node('## 硬约束（任何方案都不得违反）', hardConstraints(u)),
    node('## 引擎计算结果（必须原样使用，不得改算）', [], [
      node('### 成本与预算', [...budgetFigures(model).map((l) => item(l, 100, '成本与预算')), ...costComponents(model).map((l) => item(l, 70, '成本分项'))]),
      node('### 实施里程碑', milestoneFigures(model).map((l) => item(l, 100, '实施里程碑'))),
      node('### SLA与时延', slaAndLatencyFigures(facts, locations).map((l) => item(l, 100, 'SLA与时延'))),
    ]),
    node('## 分析发现（调研表中的矛盾与错误：须在“风险提示”中逐条指出并给出应对）', findings(model)),
    node('## 过了或临近支持期的版本（须在报告中指出并给出升级路径）', model.lifecycle.map((l) => item(`- ${l.name} ${l.version}：${l.byDate ? `${lifecycleDate(l)}已结束` : `${l.status === 'past' ? '已于' : '将于'}${l.date}结束`}${l.what}；升级：${l.upgrade}${formatRefs(l.refs)}`, 90, '生命周期'))),
    node('## 需求与做法（每个目标和痛点对应的机制）', needs(model)),
    node('## 选型（已按硬约束过滤：每类一个推荐、至多一个备选）', [], model.options.map((o) => option(o, model, kb))),
    node('## 已排除的产品（不得推荐；提及时只能说明它被排除及原因）', exclusions(model.exclusions)),
    node('## 待澄清问题（全部保留在“下一步建议”中，可润色措辞，不得删去或替客户作答）', model.clarifications.map(clarification)),
    node('## 其他风险', otherRisks(model)),
    node('## 调研表原文（每行前为行号，引用时写〔L行号〕；含个人信息的行已略去）', intakeLines(facts, new Set(u.personalDataLines))),
  ];
}

function node(heading: string, items: GroundingItem[], children: GroundingNode[] = []): GroundingNode {
  return { heading, items, children };
}

function item(text: string, priority: number, group: string): GroundingItem {
  return { text, priority, group };
}

function join(parts: ReadonlyArray<string | undefined | false>, sep = '；'): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(sep);
}

function customerFacts(u: Understood): GroundingItem[] {
  const out: GroundingItem[] = [];
  const add = (label: string, text: string, refs: readonly number[], priority: number) => {
    if (text) out.push(item(`- ${label}：${text}${formatRefs(refs)}`, priority, '客户事实'));
  };
  const ind = u.industry;
  add('行业', join([ind.written || ind.name, ind.segment && `细分领域：${ind.segment}`, ind.subIndustry && ind.subIndustry !== ind.segment && `知识库归类：${ind.subIndustry}`]), ind.refs, 100);
  const core = u.coreSystem;
  if (core.basis !== 'unknown') {
    const scope = core.kept ? '客户保留，只做集成与优化，不替换' : core.inScope ? '本期建设或替换' : '本期不替换，方案围绕它集成';
    add('核心业务系统', `${core.name}（${BASIS[core.basis]}；${scope}）`, core.refs, 100);
  } else add('核心业务系统', '未能从调研表判断（见待澄清问题）', [], 100);
  if (u.statedSystems.length > 0) add('其他业务系统', u.statedSystems.map((s) => s.name).join('、'), u.statedSystems.flatMap((s) => s.refs), 90);
  const figures = u.scale.figures.map((f) => f.text).join('；');
  add('规模', `${figures ? `${figures}；` : ''}${SIZE[u.scale.size]}${u.scale.assumed ? '（调研表未量化，引擎推断）' : ''}`, u.scale.figures.flatMap((f) => f.refs), 90);
  const clouds = u.estate.clouds.map((c) => `${c.name}${c.regions.length > 0 ? `（${c.regions.map((r) => (r.approximate ? `${r.written}，区域名称待确认` : r.written)).join('、')}）` : ''}`);
  add('在用的云', clouds.join('；'), u.estate.clouds.flatMap((c) => c.refs), 95);
  add('本地环境', u.estate.onPrem.map((o) => o.text).join('；'), u.estate.onPrem.flatMap((o) => o.refs), 90);
  const sizing = join([u.estate.nodes !== undefined && `约${u.estate.nodes}个节点`, u.estate.dataTb !== undefined && `数据量约${u.estate.dataTb} TB`], '，');
  add('现有产品与版本', join([u.estate.products.map((p) => estateLabel(p)).join('、'), sizing]), u.estate.products.flatMap((p) => p.refs), 95);
  add('地点', u.locations.map((l) => `${l.name}（${ROLE[l.role]}）`).join('、'), u.locations.flatMap((l) => l.refs), 80);
  if (u.mainGoal) add('首要目标', u.mainGoal.text, u.mainGoal.refs, 100);
  for (const g of u.secondaryGoals) add('次要目标', g.text, g.refs, 90);
  for (const p of u.pains) add('痛点', p.text, p.refs, 90);
  for (const l of u.lossFigures) add('损失或现有支出', l.text, l.refs, 90);
  const months = u.deadline.months !== undefined ? `${u.deadline.months}个月` : '';
  add('期限', !u.deadline.text || u.deadline.text.includes(months) ? u.deadline.text || months : `${months}（${u.deadline.text}）`, u.deadline.refs, 90);
  const sla = u.sla;
  add('服务等级', join([sla.availability !== undefined && `可用性${sla.availability}%`, sla.rtoMinutes !== undefined && `RTO ${sla.rtoMinutes}分钟`, sla.rpoMinutes !== undefined && `RPO ${sla.rpoMinutes}分钟`, sla.zeroDowntime && '要求零停机']), sla.refs, 90);
  add('集成对象', u.integrations.map((i) => `${i.system}${i.protocols.length > 0 ? `（${i.protocols.join('、')}）` : ''}`).join('；'), u.integrations.flatMap((i) => i.refs), 85);
  add('涉及的数据', u.data.map((d) => DATA[d] ?? d).join('、'), [], 60);
  return out;
}

/** The constraints and what follows from them: the filters every recommendation must pass. */
function hardConstraints(u: Understood): GroundingItem[] {
  const out: GroundingItem[] = [];
  for (const c of u.constraints) {
    if (c.kind === 'keep-system') continue;
    out.push(item(`- ${constraintName(c.kind)}：${c.text}${formatRefs(c.refs)}`, 100, '硬约束'));
  }
  const kept = u.constraints.filter((c) => c.kind === 'keep-system' && c.system);
  if (kept.length > 0) out.push(item(`- 保留并集成、不得替换：${kept.map((c) => c.system).join('、')}${formatRefs(kept.flatMap((c) => c.refs))}`, 100, '硬约束'));
  if (!u.estate.newCloudRequested && !(u.estate.clouds.length === 0 && u.constraints.some((c) => c.kind === 'no-public-cloud'))) {
    const clouds = u.estate.clouds.map((c) => c.name);
    const text = clouds.length > 0 ? `只用客户现有的${clouds.join('、')}，不引入其他云厂商的服务` : '客户未使用公有云：不引入公有云厂商的服务';
    out.push(item(`- 云：${text}${formatRefs(u.estate.clouds.flatMap((c) => c.refs).slice(0, 3))}`, 100, '硬约束'));
  }
  for (const t of u.triedAndFailed) {
    out.push(item(`- 已尝试并失败：${t.what}${t.why ? `（原因：${t.why}）` : ''}——不得原样再推荐；若再用同类做法，须说明这次有何不同${formatRefs(t.refs)}`, 100, '硬约束'));
  }
  return out;
}

function findings(model: ReportModel): GroundingItem[] {
  const list = model.risks.filter((r) => r.source === 'analysis');
  if (list.length === 0) return [item('- 未发现矛盾或错误。', 100, '分析发现')];
  return list.map((r) => item(`- ${r.title}（${r.code ?? ''}）${formatRefs(r.refs)}：${r.risk} 应对：${r.mitigation}`, 100, '分析发现'));
}

function needs(model: ReportModel): GroundingItem[] {
  return (model.plan?.needs ?? []).map((n) => {
    const how = n.mechanisms.length > 0 ? n.mechanisms.map((m) => m.title).join('；') : `需澄清：${n.clarify ?? '缺少对应机制'}`;
    return item(`- ${NEED_KIND[n.kind] ?? n.kind}｜${n.text}：${how}${formatRefs(n.refs)}`, n.kind === 'main-goal' ? 75 : 65, '需求与做法');
  });
}

function option(o: Option, model: ReportModel, kb: KnowledgeBase): GroundingNode {
  const items = [item(`- 概述：${o.summary}`, 55, '方案概述')];
  if (o.note) items.push(item(`- 说明：${o.note}`, 100, '方案概述'));
  if (!o.applicable) items.push(item('- 该方案无法满足硬约束，不适用：报告中如实说明，不要为它选产品。', 100, '方案概述'));
  if (o.shared && o.shared.length > 0) items.push(item(`- 所选产品共同的理由：${o.shared.join('；')}`, 80, '方案概述'));
  for (const g of o.gaps) items.push(item(`- 缺口：${model.plan?.systems.find((s) => s.category === g.category)?.name ?? g.category}——${g.reason}`, 90, '方案概述'));
  const categories = o.picks.map((p) => {
    const lines: GroundingItem[] = [];
    const system = model.plan?.systems.find((s) => s.category === p.category);
    if (system) lines.push(item(`- 为何需要：${system.reason}${system.kept ? `；客户保留${system.kept}，集成而不替换` : ''}`, system.kept ? 100 : 65, '系统类型'));
    const main = kb.product(p.product.id);
    lines.push(item(`- 推荐：${p.product.name}（${p.product.vendor}${main ? `，${ORIGIN[main.origin]}` : ''}）${p.existing ? '（客户现有，沿用并升级）' : ''}：${p.why}${formatRefs(p.refs)}`, 100, '选型'));
    // The caveat's sentences this customer is to be told (not 非东华HIS… to a hospital on 东华's HIS).
    const caveat = main && !p.existing ? caveatFor(main, kb, model) : '';
    if (caveat) lines.push(item(`  - 注意：${caveat}`, 30, '产品说明'));
    if (p.alternative) {
      const alt = kb.product(p.alternative.product.id);
      lines.push(item(`- 备选：${p.alternative.product.name}（${p.alternative.product.vendor}${alt ? `，${ORIGIN[alt.origin]}` : ''}）：${p.alternative.why}${formatRefs(p.alternative.refs)}`, 100, '选型'));
    }
    return node(`#### ${p.categoryName}`, lines);
  });
  return node(`### ${o.title}${o.recommended ? '（推荐）' : '（备选）'}`, items, categories);
}

/** The product's caveat as the customer is to be told it: as written, or without the sentences that do not concern it. */
function caveatFor(p: Product, kb: KnowledgeBase, model: ReportModel): string {
  const told = caveatSentencesFor(p, kb, { model: model.understanding });
  if (told === caveatSentences(p)) return p.caveat;
  return told.length > 0 ? `${told.join('；')}。` : '';
}

/** One line per reason: the same reason (属于阿里云，客户只用AWS) usually rules out several products. */
function exclusions(list: readonly Exclusion[]): GroundingItem[] {
  const byReason = new Map<string, { names: string[]; refs: number[] }>();
  for (const e of list) {
    const group = byReason.get(e.reason) ?? { names: [], refs: [] };
    if (!group.names.includes(e.product.name)) group.names.push(e.product.name);
    group.refs.push(...e.refs);
    byReason.set(e.reason, group);
  }
  return [...byReason].map(([reason, g]) => item(`- ${g.names.join('、')}：${reason}${formatRefs([...new Set(g.refs)].sort((a, b) => a - b))}`, 95, '排除项'));
}

function clarification(c: Clarification): GroundingItem {
  return item(`- ${c.question}（${c.why}）${formatRefs(c.refs)}`, c.priority === 3 ? 90 : 100, '待澄清问题');
}

/** Risks the analysis findings and the lifecycle section do not already carry. */
function otherRisks(model: ReportModel): GroundingItem[] {
  return model.risks.filter((r) => r.source !== 'analysis' && r.source !== 'lifecycle').map((r) => item(`- ${r.title}：${r.risk} 应对：${r.mitigation}${formatRefs(r.refs)}`, 50, '其他风险'));
}

/** The intake as numbered lines (placeholders removed), section headers included, personal lines left out. */
function intakeLines(facts: IntakeFacts, personal: ReadonlySet<number>): GroundingItem[] {
  const out: GroundingItem[] = [];
  for (const section of facts.intake.sections) {
    const line = section.headerRange.start.line;
    const header = facts.facts.find((f) => f.line === line && f.fieldPath.length === 0);
    out.push(item(`L${line + 1}: [${section.name}]${header && !personal.has(line + 1) ? `：${header.value}` : ''}`, 40, '调研表原文'));
    for (const f of facts.facts) {
      if (f.line <= line || f.line > section.range.end.line || personal.has(f.line + 1)) continue;
      out.push(item(`L${f.line + 1}: ${'  '.repeat(Math.max(0, f.fieldPath.length - 1))}${f.text}`, 40, '调研表原文'));
    }
  }
  return out;
}
