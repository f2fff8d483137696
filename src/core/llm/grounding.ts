/**
 * The grounding the model writes from, as a tree of headed sections whose lines carry a priority:
 * when the prompt is too long for the context budget, prompt.ts drops the lowest-priority lines
 * first (later ones before earlier ones). Priorities:
 *
 * | priority | what                                                                           |
 * |----------|--------------------------------------------------------------------------------|
 * | 100      | the four inputs, computed figures, analysis findings, shortlisted product names |
 * | 80       | the numbered intake lines (dropped from the end)                                |
 * | 60–70    | the top product's facts per category, scale/budget and pain-point points       |
 * | 40–55    | requirements, option summaries, pros/cons, rule risks, fit, next steps, scores |
 * | 15–35    | other products' facts, features, implementation advice, details                 |
 */
import type { IntakeFacts } from '../facts/facts';
import type { Point, ReportModel, ScoredProduct, SolutionOption } from '../engine/reportModel';
import { MAX_SCORE } from '../engine/shortlist';
import type { Location } from '../knowledge/schema';
import { formatRefs } from '../render/markdown';
import { budgetFigures, milestoneFigures, slaAndLatencyFigures } from './figures';
import type { SeedInput } from './inputs';

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

const ORIGIN = { cn: '国产', intl: '国际', oss: '开源' } as const;
const CRITERIA_NAMES = { deployment: '部署', compliance: '合规', xinchuang: '信创', budget: '预算', scale: '规模', region: '区域', protocols: '协议' } as const;
const SCORE_MARK = ['✗', '○', '✓'];
const SEVERITY = { error: '错误', warning: '警告', information: '提示' } as const;

export interface GroundingInput {
  model: ReportModel;
  facts: IntakeFacts;
  inputs: SeedInput[];
  locations: readonly Location[];
}

export function buildGrounding({ model, facts, inputs, locations }: GroundingInput): GroundingNode[] {
  return [
    node('## 四项输入', inputs.map((i) => item(`- ${i.label}：${i.text}${lineRefs(i.lines)}`, 100, '四项输入'))),
    node('## 调研表原文（每行前为行号，引用时写〔L行号〕）', intakeLines(facts)),
    node('## 引擎计算结果（必须原样使用，不得改算）', [], [
      node('### 预算与成本', budgetFigures(model).map((l) => item(l, 100, '预算与成本'))),
      node('### 实施里程碑', milestoneFigures(model).map((l) => item(l, 100, '实施里程碑'))),
      node('### SLA与时延', slaAndLatencyFigures(facts, locations).map((l) => item(l, 100, 'SLA与时延'))),
    ]),
    node('## 分析发现（调研表中的矛盾与错误：须在“风险提示”中逐条指出并给出应对）', findings(model)),
    node('## 候选方案与产品（知识库事实；得分越高越匹配）', [], model.solution.options.map(option)),
    node('## 引擎要点（离线引擎的结论，可改写润色，不得改变事实）', [], enginePoints(model)),
  ];
}

function node(heading: string, items: GroundingItem[], children: GroundingNode[] = []): GroundingNode {
  return { heading, items, children };
}

function item(text: string, priority: number, group: string): GroundingItem {
  return { text, priority, group };
}

function lineRefs(lines: readonly number[]): string {
  return lines.length > 0 ? ` 〔${lines.map((l) => `L${l}`).join(', ')}〕` : '';
}

/** The intake as numbered lines (placeholders removed), section headers included. */
function intakeLines(facts: IntakeFacts): GroundingItem[] {
  const out: GroundingItem[] = [];
  for (const section of facts.intake.sections) {
    const line = section.headerRange.start.line;
    const header = facts.facts.find((f) => f.line === line && f.fieldPath.length === 0);
    out.push(item(`L${line + 1}: [${section.name}]${header ? `：${header.value}` : ''}`, 80, '调研表原文'));
    for (const f of facts.facts) {
      if (f.line <= line || f.line > section.range.end.line) continue;
      out.push(item(`L${f.line + 1}: ${'  '.repeat(Math.max(0, f.fieldPath.length - 1))}${f.text}`, 80, '调研表原文'));
    }
  }
  return out;
}

function findings(model: ReportModel): GroundingItem[] {
  const list = model.risks.filter((r) => r.source === 'analysis');
  if (list.length === 0) return [item('- 未发现矛盾或错误。', 100, '分析发现')];
  return list.map((r) => item(`- 【${SEVERITY[r.severity]}】${r.title}（${r.code ?? ''}）${formatRefs(r.refs)}：${r.risk} 应对：${r.mitigation}`, 100, '分析发现'));
}

function option(o: SolutionOption): GroundingNode {
  const items = [item(`- 概述：${o.summary}`, 55, '方案概述'), item(`- 优点：${o.pros.join('；')}`, 50, '方案优缺点'), item(`- 不足：${o.cons.join('；')}`, 50, '方案优缺点')];
  const categories = o.shortlists.map((s) => {
    const lines = [item(`- 依据：${s.reason}`, 55, '类别依据')];
    if (s.products.length === 0) lines.push(item('- 知识库中暂无该类别的候选产品（如需举例须标注“（自行建议）”）。', 100, '候选产品'));
    s.products.forEach((p, i) => lines.push(...product(p, i === 0)));
    return node(`#### ${s.categoryName}${formatRefs(s.refs)}`, lines);
  });
  return node(`### ${o.title}${o.recommended ? '（推荐）' : '（备选）'}`, items, categories);
}

function product(p: ScoredProduct, top: boolean): GroundingItem[] {
  const scores = p.criteria.map((c) => `${CRITERIA_NAMES[c.criterion]}${SCORE_MARK[c.score]}${c.note}`).join('；');
  return [
    item(`- ${p.name}（${p.vendor}，${ORIGIN[p.origin]}）得分${p.total}/${MAX_SCORE}`, 100, '候选产品'),
    item(`  - 优势：${p.strength} 注意：${p.caveat}`, top ? 65 : 35, '产品说明'),
    item(`  - 评分：${scores}`, 40, '产品评分明细'),
  ];
}

function points(list: readonly Point[], priority: number, group: string, childPriority = priority - 20): GroundingItem[] {
  const out: GroundingItem[] = [];
  for (const p of list) {
    out.push(item(`- ${p.assumption ? '（假设）' : ''}${p.text}${formatRefs(p.refs)}`, priority, group));
    for (const c of p.children ?? []) out.push(item(`  - ${c.text}${formatRefs(c.refs)}`, childPriority, `${group}细节`));
  }
  return out;
}

function enginePoints(model: ReportModel): GroundingNode[] {
  const r = model.requirements;
  // The industry line listing every regulator and standard is long and generic: lowest priority.
  const industry = r.industryModel.map((p) => ({ p, regulators: p.text.startsWith('主要监管与标准') }));
  return [
    node('### 业务需求分析', [
      ...industry.flatMap(({ p, regulators }) => points([p], regulators ? 15 : 55, '行业与模式')),
      ...points(r.controlPoints, 50, '管控重点'),
      ...points(r.constraints, 55, '技术约束'),
      ...points(r.scaleAndBudget, 70, '规模与预算'),
      ...points(r.painPoints, 60, '关键痛点'),
    ]),
    node('### 系统类型与方案要点', [...points(model.solution.systemTypes, 60, '系统类型'), ...points(model.solution.notes, 55, '方案要点')]),
    node('### 适用性分析', points(model.fit, 40, '适用性分析')),
    node('### 关键特性', points(model.features, 30, '关键特性')),
    node('### 实施建议', points(model.implementation.advice, 25, '实施建议')),
    node(
      '### 其他风险',
      model.risks.filter((x) => x.source !== 'analysis').map((x) => item(`- ${x.title}${formatRefs(x.refs)}：${x.risk} 应对：${x.mitigation}`, 45, '其他风险')),
    ),
    node('### 下一步建议', points(model.nextSteps, 40, '下一步建议')),
  ];
}
