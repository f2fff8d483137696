/**
 * The clarification brief: what the intake already says, then the questions to ask the customer,
 * grouped by the intake's sections, each with one line on why it matters. No product picks.
 */
import type { Clarification, Point, Section } from '../reportModel';
import type { GateResult } from '../gate';
import { clip, tidy } from '../text/restate';
import type { Understanding } from '../understand';
import { enumerate, list, paragraph, point, sentence } from './blocks';
import { swapSuffix } from '../../text/affix';


const GROUPS: Array<[string, string]> = [
  ['客户行业', '行业与规模'],
  ['当前痛点', '当前痛点'],
  ['基础设施现状', '现有环境'],
  ['核心目标', '目标与期限'],
  ['预算限制', '预算'],
  ['特殊要求', '约束与合规'],
];

/**
 * The brief's sections and its questions (the model's clarifications): the brief's own questions
 * about what is missing, then the engine's other clarifications on topics not asked yet.
 */
export function writeBrief(u: Understanding, gate: GateResult, extra: readonly Clarification[]): { sections: Section[]; clarifications: Clarification[] } {
  const m = u.model;
  const questions: Clarification[] = [];
  const ask = (section: string, topic: string, question: string, why: string, refs: number[] = [], priority = 1) => {
    if (!questions.some((q) => q.topic === topic && q.question === question)) questions.push({ section, topic, question, why, refs, priority });
  };
  if (!m.industry.written) ask('客户行业', 'industry', '客户所在的行业与细分业务是什么（例如车险理赔、三甲医院、城商行核心）？', '决定适用的监管要求与核心业务系统。');
  else if (!m.industry.segment) ask('客户行业', 'segment', `在${m.industry.name}行业里具体是哪类业务（细分场景）？`, '同一行业的核心系统差别很大，例如寿险承保与车险理赔。', m.industry.refs);
  if (m.scale.assumed) ask('客户行业', 'scale', '业务规模：用户量、日均交易或业务量、数据量与峰值？', '决定容量、产品规模与成本估算。', m.industry.refs);
  if (m.pains.length === 0) ask('当前痛点', 'pain', '最主要的问题是什么，出现在哪个系统，量化表现如何（时延、失败率、人工工时）？', '方案要逐条回应痛点，没有痛点只能按行业通用情况猜测。');
  else {
    for (const p of m.pains.slice(0, 3)) {
      if (p.text.length <= 12) ask('当前痛点', 'pain', `“${p.text}”具体指哪个系统、什么场景、严重到什么程度？`, '描述太笼统，无法对应到具体的改进机制。', p.refs);
    }
  }
  if (!m.pains.some((p) => p.kind === 'impact') && m.lossFigures.length === 0) ask('当前痛点', 'impact', '问题造成的业务影响有多大（每月损失金额、投诉率、人工工时）？', '收益只能按客户自己的数字测算。');
  if (m.triedAndFailed.length === 0) ask('当前痛点', 'tried', '以前尝试过哪些方案，为什么没有成功？', '避免推荐同样会失败的做法。');
  if (m.estate.clouds.length === 0 && m.estate.onPrem.length === 0) ask('基础设施现状', 'estate', '在用哪些云（厂商与区域）、自有机房与虚拟化平台？', '决定能选哪些产品，避免引入客户不用的云。');
  if (m.estate.products.length === 0) ask('基础设施现状', 'components', '关键组件与版本（数据库、中间件、安全设备）？', '判断兼容性，以及哪些版本已过支持期。');
  if (!m.mainGoal) ask('核心目标', 'main-goal', '本项目的首要目标、验收指标与期限？', '方案、里程碑与可行性都从首要目标出发。');
  else if (m.deadline.months === undefined) ask('核心目标', 'deadline', '期望的上线期限？', '决定实施节奏与是否需要分期。', m.mainGoal.refs);
  if (!m.budget.total) ask('预算限制', 'budget', '总预算是多少？一次性建设与年度运维各多少，覆盖几年，付费方式？', '判断方案是否可行、哪些需要分期。');
  if (m.constraints.length === 0 && u.statedFrameworks.size === 0 && u.statedRules.length === 0) ask('特殊要求', 'constraints', '有哪些合规要求（等保级别、数据出境、行业监管）与禁止项（不上公有云、不用SaaS、信创）？', '硬约束会直接排除一部分产品。');
  if (m.integrations.length === 0 && u.kept.length === 0) ask('特殊要求', 'integration', '必须保留或对接哪些系统，接口协议是什么？', '保留的系统要集成而不是替换。');
  if (m.sla.availability === undefined && m.sla.rtoMinutes === undefined) ask('特殊要求', 'sla', '服务等级：可用性、恢复时间（RTO/RPO）与支持方式？', '决定架构冗余与服务合同条款。');
  // The engine's other questions, on topics the brief has not asked about (a blank template
  // already gets "总预算是多少"; do not ask it twice in other words).
  const asked = new Set(questions.map((q) => q.topic));
  if (asked.has('main-goal')) asked.add('deadline');
  if (asked.has('industry')) asked.add('core-system');
  for (const c of extra) if (!asked.has(c.topic) && !questions.some((q) => q.question === c.question)) questions.push(c);

  const sections: Section[] = [];
  const known = knownFacts(u);
  const intro = gate.missing.length > 0 ? `这份调研表还缺少${enumerate(gate.missing, 6)}，据此给出产品选型只能靠猜测。请先与客户确认下面的问题；补齐后重新生成，即可得到完整的推荐报告。` : '这份调研表的信息还不足以给出可靠的选型建议。请先与客户确认下面的问题。';
  sections.push({ id: 'brief-intro', title: '说明', blocks: [paragraph(intro)] });
  // Always present, so that filling in the first facts changes one block, not the page's layout.
  sections.push({ id: 'brief-known', title: '已知信息', blocks: [known.length > 0 ? list(known) : paragraph('调研表尚未填写有效信息（只有模板的占位内容）。')] });
  for (const [section, title] of GROUPS) {
    const qs = questions.filter((q) => q.section === section);
    if (qs.length === 0) continue;
    sections.push({ id: `brief-${section}`, title, blocks: [list(qs.map((q) => point(`${swapSuffix(sentence(q.question), '。')}——${swapSuffix(q.why, '。')}`, q.refs)))] });
  }
  const order = new Map(GROUPS.map(([section], i) => [section, i]));
  const clarifications = [...questions].sort((a, b) => (order.get(a.section) ?? 9) - (order.get(b.section) ?? 9));
  return { sections, clarifications };
}

function knownFacts(u: Understanding): Point[] {
  const m = u.model;
  const out: Point[] = [];
  if (m.industry.written) out.push(point(`行业：${[m.industry.written, m.industry.segment].filter(Boolean).join('，')}`, m.industry.refs));
  if (!m.scale.assumed) out.push(point(`规模：${enumerate(m.scale.figures.map((f) => f.text), 4)}`, m.scale.figures.flatMap((f) => f.refs)));
  for (const p of m.pains.slice(0, 3)) out.push(point(`痛点：${clip(tidy(p.text), 40)}`, p.refs));
  if (m.mainGoal) out.push(point(`目标：${clip(tidy(m.mainGoal.text), 50)}`, m.mainGoal.refs));
  if (m.budget.total) out.push(point(`预算：${m.budget.total.text}`, m.budget.refs));
  for (const c of m.constraints.slice(0, 3)) out.push(point(`约束：${c.text}`, c.refs));
  return out;
}
