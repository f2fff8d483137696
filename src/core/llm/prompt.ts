/**
 * The chat messages for LLM mode: a system message with the writing rules (same 8 sections as
 * the offline report, 〔Lnn〕 citations, only grounded products and figures unless labelled
 * （自行建议）) and a user message with the grounding (grounding.ts). When the estimate
 * (tokens.ts) exceeds `maxContextTokens`, grounding lines are dropped lowest priority first; the
 * prompt itself states its estimate and what was left out, and so does the returned `meta`.
 *
 * `maxContextTokens` budgets the prompt only: set it to the model's context window minus the
 * output tokens (`maxTokens`).
 */
import type { Intake } from '../model';
import { extractFacts } from '../facts/facts';
import type { ReportModel } from '../engine/reportModel';
import { REPORT_SECTION_TITLES } from '../engine/sectionTitles';
import { getKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge';
import { buildGrounding, type GroundingItem, type GroundingNode } from './grounding';
import { seedInputs, type SeedInput } from './inputs';
import type { ChatMessage } from './messages';
import { estimateTokens, TOKEN_ESTIMATOR } from './tokens';

const DEFAULT_MAX_CONTEXT_TOKENS = 12_000;

export interface PromptOptions {
  /** Token budget for the whole prompt (system + user); default 12,000. */
  maxContextTokens?: number;
  kb?: KnowledgeBase;
}

export interface PromptMeta {
  /** Estimated tokens of all messages (see tokens.ts for the estimator). */
  estimatedTokens: number;
  maxContextTokens: number;
  estimator: string;
  /** Grounding left out to fit, by kind: `dropped` of `of` lines. */
  omitted: Array<{ group: string; dropped: number; of: number }>;
  /** Even the must-keep grounding does not fit the budget (it is sent anyway). */
  overBudget: boolean;
}

export interface BuiltPrompt {
  messages: ChatMessage[];
  meta: PromptMeta;
  /** The four inputs as sent. */
  inputs: SeedInput[];
  /** The grounding text sent (before redaction): what "grounded" means for the verifier. */
  groundingText: string;
}

export function buildPrompt(intake: Intake, model: ReportModel, options: PromptOptions = {}): BuiltPrompt {
  const kb = options.kb ?? getKnowledgeBase();
  const budget = Math.max(1000, Math.floor(options.maxContextTokens ?? DEFAULT_MAX_CONTEXT_TOKENS));
  const facts = extractFacts(intake);
  const inputs = seedInputs(facts, model, kb);
  const tree = buildGrounding({ model, facts, inputs, locations: kb.locations, kb });
  const system = systemPrompt(model);

  const items: Array<{ item: GroundingItem; index: number; tokens: number; dropped: boolean }> = [];
  walk(tree, (it) => items.push({ item: it, index: items.length, tokens: estimateTokens(it.text) + 1, dropped: false }));
  // Drop lowest priority first, later lines before earlier ones. The metadata lines (written
  // afterwards, and longer the more is dropped) need room too: retry with a larger reserve.
  const order = items.filter((x) => x.item.priority < 100).sort((a, b) => a.item.priority - b.item.priority || b.index - a.index);
  const systemTokens = estimateTokens(system);
  let reserve = 80;
  let estimate = 0;
  let user = '';
  let grounding = '';
  let omittedList: PromptMeta['omitted'] = [];
  for (let round = 0; round < 5; round++) {
    const keptNow = new Set(items.filter((x) => !x.dropped).map((x) => x.item));
    let total = systemTokens + reserve + estimateTokens(render(tree, (it) => keptNow.has(it)));
    for (const x of order) {
      if (total <= budget) break;
      if (x.dropped) continue;
      x.dropped = true;
      total -= x.tokens;
    }
    const kept = new Set(items.filter((x) => !x.dropped).map((x) => x.item));
    grounding = render(tree, (it) => kept.has(it));
    omittedList = omittedGroups(items);
    // The estimate is part of the prompt: settle it (its own digits barely move it).
    for (let pass = 0; pass < 3; pass++) {
      user = userPrompt(metaLines(estimate, budget, omittedList), grounding);
      const next = systemTokens + estimateTokens(user);
      if (next === estimate) break;
      estimate = next;
    }
    if (estimate <= budget || order.every((x) => x.dropped)) break;
    reserve += estimate - budget;
  }
  return {
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ],
    meta: { estimatedTokens: estimate, maxContextTokens: budget, estimator: TOKEN_ESTIMATOR, omitted: omittedList, overBudget: estimate > budget },
    inputs,
    groundingText: grounding,
  };
}

function omittedGroups(items: ReadonlyArray<{ item: GroundingItem; dropped: boolean }>): PromptMeta['omitted'] {
  const groups = new Map<string, { dropped: number; of: number }>();
  for (const x of items) {
    const o = groups.get(x.item.group) ?? { dropped: 0, of: 0 };
    o.of++;
    if (x.dropped) o.dropped++;
    groups.set(x.item.group, o);
  }
  return [...groups].filter(([, o]) => o.dropped > 0).map(([group, o]) => ({ group, ...o }));
}

function walk(nodes: readonly GroundingNode[], fn: (it: GroundingItem) => void): void {
  for (const n of nodes) {
    n.items.forEach(fn);
    walk(n.children, fn);
  }
}

/** A node renders only when it, or a descendant, still has lines: no dangling headings. */
function render(nodes: readonly GroundingNode[], keep: (it: GroundingItem) => boolean): string {
  const out: string[] = [];
  const visit = (n: GroundingNode): string[] => {
    const own = n.items.filter(keep).map((i) => i.text);
    const kids = n.children.flatMap(visit);
    if (own.length === 0 && kids.length === 0) return [];
    return [...(n.heading ? [n.heading] : []), ...own, ...kids];
  };
  for (const n of nodes) {
    const lines = visit(n);
    if (lines.length > 0) out.push(lines.join('\n'));
  }
  return out.join('\n\n');
}

function metaLines(estimate: number, budget: number, omitted: PromptMeta['omitted']): string {
  const lines = [`- 本提示估算约${estimate} tokens（上限${budget}；${TOKEN_ESTIMATOR}）。`];
  lines.push(omitted.length > 0 ? `- 因长度限制，已按优先级省略部分依据：${omitted.map((o) => `${o.group}${o.dropped}/${o.of}条`).join('、')}。被省略的内容不要自行补写。` : '- 依据完整，未省略。');
  return lines.join('\n');
}

function userPrompt(meta: string, grounding: string): string {
  return ['请根据以下依据撰写报告。', '', '## 提示元数据', meta, '', grounding, '', '请现在输出完整报告，从“# ”标题行开始。'].join('\n');
}

function systemPrompt(model: ReportModel): string {
  return [
    '你是资深的企业IT解决方案顾问（售前架构师），为客户管理层撰写《企业IT系统推荐报告》。用户消息中的“依据”由离线引擎根据客户调研表与内置知识库计算得出，是你唯一的事实来源。',
    '',
    '写作要求：',
    `1. 用简体中文输出Markdown。第一行写“# ${model.title}”，随后依次是以下8个二级标题，文字与顺序保持不变，每个标题下都要有内容：`,
    ...REPORT_SECTION_TITLES.map((s) => `## ${s}`),
    '2. 引用调研表时在句末用〔L行号〕标注，行号取自“调研表原文”每行前的L编号，多行写作〔L3, L7〕。不要编造行号，也不要引用依据中没有的行。',
    '3. 只使用依据中出现的产品、厂商与数字。确需补充依据之外的产品、数字或做法时，必须在同一句末标注“（自行建议）”。',
    '4. “引擎计算结果”中的总预算、拆分比例、金额、TCO、回本周期、里程碑周数、SLA停机时间与时延下限必须原样使用，不要重新计算、换算或改写成其他数值。',
    '5. “分析发现”中的每个问题都要在“风险提示”中指出并给出应对。调研表引用了不存在或已废止的标准时，写明它不存在或已废止并给出正确名称，不要把错误名称当作有效要求复述。',
    '6. 推荐系统方案写出方案A与方案B，按系统类型从“候选方案与产品”中选择产品并说明理由，保留推荐与备选的结论；“已排除的候选”不得推荐。',
    '7. 形如〔客户A〕、〔人名1〕、〔电话1〕的占位符是脱敏后的内容，原样保留，不要猜测或替换。',
    '8. 直接输出报告正文，不要复述依据或本说明，不要使用代码块围栏。',
  ].join('\n');
}
