/**
 * Renders a ReportModel as Markdown (CommonMark + GFM tables, as markdown-it reads it).
 * All text from the intake or the knowledge base is escaped, so a hostile intake cannot
 * inject markup. Traceability references render as 〔L12〕 (1-based intake lines).
 */
import type { BudgetShare, Point, Ref, ReportModel, ScoredProduct, SolutionOption } from '../engine/reportModel';
import { MAX_SCORE } from '../engine/shortlist';

const ORIGIN = { cn: '国产', intl: '国际', oss: '开源' } as const;
const CRITERIA = ['deployment', 'compliance', 'xinchuang', 'budget', 'scale', 'region', 'protocols'] as const;
const CRITERIA_NAMES: Record<(typeof CRITERIA)[number], string> = { deployment: '部署', compliance: '合规', xinchuang: '信创', budget: '预算', scale: '规模', region: '区域', protocols: '协议' };
const SCORE_MARK = ['✗', '○', '✓'];

/**
 * Escapes Markdown-significant characters in plain text. `&` too, so that an intake value
 * that happens to look like an entity (`&lt;`) is shown as typed, not decoded.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export function formatRefs(refs: readonly Ref[]): string {
  if (refs.length === 0) return '';
  const lines = [...new Set(refs.map((r) => r.line + 1))].sort((a, b) => a - b);
  return ` 〔${lines.map((l) => `L${l}`).join(', ')}〕`;
}

function point(p: Point, depth = 0): string[] {
  const indent = '  '.repeat(depth);
  const mark = p.assumption ? '（假设）' : '';
  const out = [`${indent}- ${mark}${escapeMarkdown(p.text)}${formatRefs(p.refs)}`];
  for (const child of p.children ?? []) out.push(...point(child, depth + 1));
  return out;
}

function group(title: string, points: readonly Point[]): string[] {
  if (points.length === 0) return [];
  return [`- **${title}**`, ...points.flatMap((p) => point(p, 1))];
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function productRow(p: ScoredProduct): string[] {
  const byCriterion = new Map(p.criteria.map((c) => [c.criterion, c]));
  return [
    escapeMarkdown(p.name),
    escapeMarkdown(p.vendor),
    ORIGIN[p.origin],
    ...CRITERIA.map((c) => {
      const s = byCriterion.get(c);
      return s ? `${SCORE_MARK[s.score]} ${escapeMarkdown(s.note)}` : '';
    }),
    `${p.total}/${MAX_SCORE}`,
  ];
}

function option(o: SolutionOption): string[] {
  const out = [`### ${escapeMarkdown(o.title)}${o.recommended ? '（推荐）' : '（备选）'}`, '', escapeMarkdown(o.summary), ''];
  for (const s of o.shortlists) {
    out.push(`#### ${escapeMarkdown(s.categoryName)}${formatRefs(s.refs)}`, '');
    if (s.products.length === 0) {
      out.push('- 知识库中暂无该类别的候选产品。', '');
      continue;
    }
    out.push(...table(['产品', '厂商', '来源', ...CRITERIA.map((c) => CRITERIA_NAMES[c]), '得分'], s.products.map(productRow)), '');
    for (const p of s.products) out.push(`- **${escapeMarkdown(p.name)}**：${escapeMarkdown(p.strength)} 注意：${escapeMarkdown(p.caveat)}`);
    out.push('');
  }
  out.push(`- **优点**：${o.pros.map(escapeMarkdown).join('；')}`, `- **不足**：${o.cons.map(escapeMarkdown).join('；')}`, '');
  return out;
}

function shareRows(shares: readonly BudgetShare[]): string[][] {
  return shares.map((s) => [escapeMarkdown(s.label), `${s.percent}%`, s.amount ? escapeMarkdown(s.amount.text) : '—', s.assumption ? '假设' : `调研表${formatRefs(s.refs).trim()}`]);
}

export function renderMarkdown(model: ReportModel): string {
  const r = model.requirements;
  const out: string[] = [`# ${escapeMarkdown(model.title)}`, ''];
  out.push(`> 由 Intake Studio 离线引擎根据调研表第${model.intake.index + 1}份生成；〔L12〕表示依据的调研表行号。`, '');
  if (model.incomplete.length > 0) out.push(`> **信息不完整**：以下字段缺失或仍为占位符，相关结论按假设给出：${model.incomplete.map(escapeMarkdown).join('、')}。`, '');

  out.push('## 业务需求分析', '');
  out.push(...group('行业与模式', r.industryModel), ...group('管控重点', r.controlPoints), ...group('技术约束', r.constraints), ...group('规模与预算', r.scaleAndBudget), ...group('关键痛点', r.painPoints), '');

  out.push('## 推荐系统方案', '', '### 系统类型', '', ...model.solution.systemTypes.flatMap((p) => point(p)), '');
  for (const o of model.solution.options) out.push(...option(o));
  if (model.solution.notes.length > 0) out.push('### 方案要点', '', ...model.solution.notes.flatMap((p) => point(p)), '');

  out.push('## 适用性分析', '', ...model.fit.flatMap((p) => point(p)), '');
  out.push('## 关键特性', '', ...model.features.flatMap((p) => point(p)), '');

  const impl = model.implementation;
  out.push('## 实施建议', '', `### 项目里程碑（期限：${escapeMarkdown(impl.deadline)}，共${impl.totalWeeks}周）${formatRefs(impl.deadlineRefs)}`, '');
  out.push(...table(['阶段', '起止（周）', '周期', '交付物'], impl.milestones.map((m) => [`${m.id} ${escapeMarkdown(m.name)}`, `第${m.startWeek + 1}–${m.startWeek + m.weeks}周`, `${m.weeks}周`, m.deliverables.map(escapeMarkdown).join('；')])), '');
  out.push('### 架构、运维与培训', '', ...impl.advice.flatMap((p) => point(p)), '');

  const cb = model.costBenefit;
  out.push('## 成本效益分析', '');
  out.push(`### 预算拆分（总预算：${cb.total ? escapeMarkdown(cb.total.text) : '未给出'}）${formatRefs(cb.totalRefs)}`, '', ...table(['项目', '比例', '金额', '依据'], shareRows(cb.split)), '');
  out.push(`### ${cb.years}年TCO结构`, '', ...table(['项目', '占比', '金额', '依据'], shareRows(cb.tco)), '');
  out.push('### 预期收益（行业基准区间）', '', ...table(['指标', '区间'], cb.benefits.map((b) => [escapeMarkdown(b.metric), `${b.low}–${b.high}${escapeMarkdown(b.unit)}`])), '');
  out.push('### 回本周期', '', `- 预计${cb.paybackMonths.low}–${cb.paybackMonths.high}个月（假设：按行业同类项目经验区间）`, '');
  out.push('### 假设', '', ...cb.assumptions.map((a) => `- ${escapeMarkdown(a)}`), '');

  out.push('## 风险提示', '');
  for (const risk of model.risks) {
    out.push(`- **${escapeMarkdown(risk.title)}**${risk.code ? `（${risk.code}）` : ''}${formatRefs(risk.refs)}`, `  - 风险：${escapeMarkdown(risk.risk)}`, `  - 应对：${escapeMarkdown(risk.mitigation)}`);
  }
  out.push('');
  out.push('## 下一步建议', '', ...model.nextSteps.map((p, i) => `${i + 1}. ${escapeMarkdown(p.text)}${formatRefs(p.refs)}`), '');
  return out.join('\n');
}
