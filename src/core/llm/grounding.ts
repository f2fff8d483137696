/**
 * The grounding the model writes from, as a tree of headed sections whose lines carry a priority:
 * when the prompt is too long for the context budget, prompt.ts drops the lowest-priority lines
 * first (later ones before earlier ones). Priorities:
 *
 * | priority | what                                                                           |
 * |----------|--------------------------------------------------------------------------------|
 * | 100      | the four inputs, computed figures, analysis findings, picked product names       |
 * | 80       | the numbered intake lines (dropped from the end)                                |
 * | 60–70    | the picked product's facts, the requirements section                            |
 * | 40–55    | option summaries, exclusions, fit, risks, next steps                            |
 * | 15–35    | alternatives' facts, features, implementation advice                            |
 *
 * (Grounded on the offline report model: its picks, exclusions, clarifications and written
 * sections. A later change reworks LLM mode around the model's facts; this keeps it working.)
 */
import type { IntakeFacts } from '../facts/facts';
import type { Block, Option, Point, ReportModel } from '../engine/reportModel';
import type { KnowledgeBase } from '../knowledge/knowledge';
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

export interface GroundingInput {
  model: ReportModel;
  facts: IntakeFacts;
  inputs: SeedInput[];
  locations: readonly Location[];
  kb: KnowledgeBase;
}

export function buildGrounding({ model, facts, inputs, locations, kb }: GroundingInput): GroundingNode[] {
  return [
    node('## 四项输入', inputs.map((i) => item(`- ${i.label}：${i.text}${lineRefs(i.lines)}`, 100, '四项输入'))),
    node('## 调研表原文（每行前为行号，引用时写〔L行号〕）', intakeLines(facts)),
    node('## 引擎计算结果（必须原样使用，不得改算）', [], [
      node('### 预算与成本', budgetFigures(model).map((l) => item(l, 100, '预算与成本'))),
      node('### 实施里程碑', milestoneFigures(model).map((l) => item(l, 100, '实施里程碑'))),
      node('### SLA与时延', slaAndLatencyFigures(facts, locations).map((l) => item(l, 100, 'SLA与时延'))),
    ]),
    node('## 分析发现（调研表中的矛盾与错误：须在“风险提示”中逐条指出并给出应对）', findings(model)),
    node('## 候选方案与产品（知识库事实，已按约束过滤；被排除的产品不得推荐）', [], [...model.options.map((o) => option(o, kb)), node('### 已排除的候选（不得推荐）', model.exclusions.map((e) => item(`- ${e.product.name}：${e.reason}`, 45, '排除项')))]),
    node('## 待澄清问题', model.clarifications.map((c) => item(`- ${c.question}（${c.why}）${formatRefs(c.refs)}`, 55, '待澄清问题'))),
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
  return list.map((r) => item(`- ${r.title}（${r.code ?? ''}）${formatRefs(r.refs)}：${r.risk} 应对：${r.mitigation}`, 100, '分析发现'));
}

function option(o: Option, kb: KnowledgeBase): GroundingNode {
  const items = [item(`- 概述：${o.summary}${o.note ? ` ${o.note}` : ''}`, 55, '方案概述')];
  const categories = o.picks.map((p) => {
    const lines: GroundingItem[] = [];
    const main = kb.product(p.product.id);
    lines.push(item(`- ${p.product.name}（${p.product.vendor}，${main ? ORIGIN[main.origin] : ''}）${p.existing ? '（客户现有，沿用）' : ''}：${p.why}`, 100, '候选产品'));
    if (main) lines.push(item(`  - 优势：${main.strength} 注意：${main.caveat}`, 65, '产品说明'));
    if (p.alternative) {
      const alt = kb.product(p.alternative.product.id);
      lines.push(item(`- 备选 ${p.alternative.product.name}（${p.alternative.product.vendor}，${alt ? ORIGIN[alt.origin] : ''}）：${p.alternative.why}`, 100, '候选产品'));
      if (alt) lines.push(item(`  - 优势：${alt.strength} 注意：${alt.caveat}`, 35, '产品说明'));
    }
    return node(`#### ${p.categoryName}${formatRefs(p.refs)}`, lines);
  });
  return node(`### ${o.title}${o.recommended ? '（推荐）' : '（备选）'}`, items, categories);
}

const SECTION_PRIORITY: Record<string, number> = { 业务需求分析: 60, 推荐系统方案: 50, 适用性分析: 40, 关键特性: 30, 实施建议: 25, 成本效益分析: 45, 风险提示: 45, 下一步建议: 40 };

function pointLines(p: Point, depth: number, priority: number, group: string): GroundingItem[] {
  const text = `${'  '.repeat(depth)}- ${p.label ? `${p.label}：` : ''}${p.text}${formatRefs(p.refs)}`;
  return [item(text, depth === 0 ? priority : priority - 10, group), ...(p.children ?? []).flatMap((c) => pointLines(c, depth + 1, priority, group))];
}

function blockLines(b: Block, priority: number, group: string): GroundingItem[] {
  switch (b.kind) {
    case 'list':
      return b.items.flatMap((p) => pointLines(p, 0, priority, group));
    case 'table':
      return b.rows.map((r) => item(`- ${r.cells.join('｜')}${formatRefs(r.refs)}`, priority - 5, group));
    default:
      return [item(`${b.kind === 'heading' ? '#### ' : '- '}${b.text}${formatRefs(b.refs)}`, priority, group)];
  }
}

function enginePoints(model: ReportModel): GroundingNode[] {
  // 推荐系统方案 is already grounded above, product by product.
  return model.sections.filter((s) => s.id !== 'solution').map((s) => node(`### ${s.title}`, s.blocks.flatMap((b) => blockLines(b, SECTION_PRIORITY[s.title] ?? 30, s.title))));
}
