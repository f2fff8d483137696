/**
 * The chat messages for LLM mode: a system message with the writing rules (the offline report's
 * 8 sections, 〔Lnn〕 citations, only grounded products and figures unless labelled （自行建议）, no
 * excluded product, every hard constraint kept, the clarification questions kept, no personal
 * data) and a user message with the grounding: the offline report model's facts (grounding.ts).
 * When the estimate (tokens.ts) exceeds `maxContextTokens`, grounding lines are dropped lowest
 * priority first until the whole prompt, metadata included, is within the budget; the prompt
 * itself states its estimate and what was left out, and so does the returned `meta`.
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
  /** 1-based intake lines with personal data (contacts), never sent: a report needs none of them. */
  leftOutLines: number[];
}

export interface BuiltPrompt {
  messages: ChatMessage[];
  meta: PromptMeta;
  /** The grounding text sent (before redaction): what "grounded" means for the verifier. */
  groundingText: string;
}

export function buildPrompt(intake: Intake, model: ReportModel, options: PromptOptions = {}): BuiltPrompt {
  const kb = options.kb ?? getKnowledgeBase();
  const budget = Math.max(1000, Math.floor(options.maxContextTokens ?? DEFAULT_MAX_CONTEXT_TOKENS));
  const facts = extractFacts(intake);
  const tree = buildGrounding({ model, facts, locations: kb.locations, kb });
  const system = systemPrompt(model);
  const systemTokens = estimateTokens(system);

  const items: Array<{ item: GroundingItem; index: number; tokens: number; dropped: boolean }> = [];
  walk(tree, (it) => items.push({ item: it, index: items.length, tokens: estimateTokens(it.text) + 1, dropped: false }));
  // Dropped first: lowest priority, later lines before earlier ones. Must-keep lines (100) never.
  const order = items.filter((x) => x.item.priority < 100).sort((a, b) => a.item.priority - b.item.priority || b.index - a.index);

  /** The prompt with the first `k` lines of `order` dropped, its estimate settled. */
  const compose = (k: number) => {
    order.forEach((x, i) => (x.dropped = i < k));
    const kept = new Set(items.filter((x) => !x.dropped).map((x) => x.item));
    const grounding = render(tree, (it) => kept.has(it));
    const omitted = omittedGroups(items);
    const { user, estimate } = settle(systemTokens, budget, omitted, grounding);
    return { k, grounding, omitted, user, estimate };
  };

  // The sum of the lines' own estimates is only a guess of what dropping them saves (the
  // estimate rounds per text, headings go with their last line, the metadata line grows with
  // what it lists): guess, then measure the real prompt, and drop more until it fits.
  let best = compose(0);
  while (best.estimate > budget && best.k < order.length) {
    let k = best.k;
    for (let over = best.estimate - budget; over > 0 && k < order.length; k++) over -= order[k]!.tokens;
    best = compose(Math.max(k, best.k + 1));
  }
  // The guess may have dropped a line or two more than needed: put back what still fits.
  while (best.k > 0 && best.estimate <= budget) {
    const fewer = compose(best.k - 1);
    if (fewer.estimate > budget) break;
    best = fewer;
  }
  order.forEach((x, i) => (x.dropped = i < best.k));

  return {
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: best.user },
    ],
    meta: { estimatedTokens: best.estimate, maxContextTokens: budget, estimator: TOKEN_ESTIMATOR, omitted: best.omitted, overBudget: best.estimate > budget, leftOutLines: [...model.understanding.personalDataLines] },
    groundingText: best.grounding,
  };
}

/**
 * The user message, which states its own estimate: the number is part of the text it counts, so
 * iterate to the fixed point. The count grows with the number's digits and the digits with the
 * count, so the iteration only climbs and settles within a pass or two.
 */
function settle(systemTokens: number, budget: number, omitted: PromptMeta['omitted'], grounding: string): { user: string; estimate: number } {
  let stated = 0;
  let user = '';
  for (let pass = 0; pass < 8; pass++) {
    user = userPrompt(metaLines(stated, budget, omitted), grounding);
    const estimate = systemTokens + estimateTokens(user);
    if (estimate === stated) break;
    stated = estimate;
  }
  return { user, estimate: stated };
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
    '6. “推荐系统方案”写出方案A与方案B，每个系统类型写“选型”中的推荐产品与至多一个备选，理由引用客户自己的事实；保留哪个方案推荐、哪个备选的结论。标明不适用的方案如实说明，不要为它选产品。',
    '7. “已排除的产品”不得推荐，也不得写成备选；提及时只能说明它已被排除及原因。',
    '8. 遵守“硬约束”：客户禁止公有云或SaaS时不得提出公有云或SaaS方案；不得引入客户未使用的云厂商；客户保留的系统只做集成与升级，不得替换；已失败的做法不得原样再推荐。',
    '9. “待澄清问题”全部写进“下一步建议”（可润色措辞，不得删去，也不要替客户作答）；在得到答复之前，不要把这些问题当作已知事实。',
    '10. 不写任何人名、电话、邮箱或证件号码。形如〔客户A〕的占位符是脱敏后的客户名称，原样保留，不要猜测或替换。',
    '11. 正文简洁专业，与离线报告同样的结构；直接输出报告正文，不要复述依据或本说明，不要使用代码块围栏。',
  ].join('\n');
}
