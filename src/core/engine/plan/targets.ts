/**
 * A measurable goal no rule answers (开盘峰值支撑5万笔/秒, 误报率降到80%以下) is, when a system of the
 * plan is what delivers it, that system's acceptance target: the report holds the system to it
 * (适用性分析, the POC) rather than asking what measure answers it. A goal that nothing in the plan
 * speaks to (IT运维人效提升30% beside a BSS) keeps its question.
 */
import type { Need, SystemType } from '../reportModel';
import type { Understanding } from '../understand';
import { goalClauses, statesFigure, tidy } from '../text/restate';
import { sharesWords } from '../text/overlap';
import { scopeOf } from './scopes';
import { holdsAny } from '../../text/holdsAny';
import { pocTestable } from '../text/pocTarget';
import { knowledgeIndex } from '../text/knowledgeIndexes';

/** The rule id of the mechanism a system's acceptance target is answered by. */
export const TARGET_RULE = 'plan:target';

/** How many systems one target is credited to, at most. */
const MAX_HOLDERS = 2;

/**
 * The words of a goal that say which way it moves, not what it is about: two goals that both
 * "提升" something share nothing. Cut out before the goal is compared with a system's texts.
 */
const DIRECTION_WORDS = ['提升', '提高', '降低', '降到', '减少', '缩短', '增加', '达到', '不超过', '以上', '以下', '全部', '支撑', '实现', '完成', '保持'];

/**
 * Gives every measurable goal without a mechanism the systems of the plan that deliver it: those
 * the goal names (集团HR, OA), else those whose kind is accepted on what it measures (the
 * category's `targetWords`: 满意度 for a contact centre) or whose own texts (the category's purpose,
 * features and POC proof, the rules that bring it in) share a word of three characters with it
 * (误报率 of a risk system's POC). Not a pair of characters: 记录 or 工作 ties anything to anything.
 * Each such goal gets a `plan:target` mechanism over those systems and loses its question; its
 * baseline (现为…) stays to be said.
 */
export function creditTargets(u: Understanding, needs: Need[], systems: readonly SystemType[]): void {
  for (const n of needs) {
    if ((n.kind !== 'goal' && n.kind !== 'main-goal') || n.mechanisms.length > 0) continue;
    if (!goalClauses(n.text).some(statesFigure)) continue;
    const holders = holdersOf(u, n, needs, systems);
    if (holders.length === 0) continue;
    const names = holders.map((s) => s.name).join('与');
    n.mechanisms.push({ rule: TARGET_RULE, title: `${names}的验收指标`, summary: acceptance(n, names), categories: holders.map((s) => s.category) });
    delete n.clarify;
  }
}

/** Words of a goal that moves a figure from where it is now (降低30%): its baseline is part of its acceptance. */
const CHANGE_WORDS = ['提升', '提高', '降低', '减少', '缩短', '增加', '下降'];

/**
 * "列为风控/反欺诈的验收指标，在POC中用客户数据实测（现为误报率超过95%）": which of the goal's
 * clauses the system is held to (the measured ones: not 下次检查无处罚), and when it is measured,
 * in the POC or after the rollout, against the baseline the intake gives, or one to agree on.
 */
function acceptance(n: Need, names: string): string {
  const clauses = goalClauses(n.text);
  const measured = clauses.filter(statesFigure);
  const which = measured.length < clauses.length ? `其中“${measured.join('、')}”` : '';
  const stated = n.baseline && !n.baseline.refs.every((r) => n.refs.includes(r)) ? `（现为${n.baseline.text}）` : '';
  let how: string;
  if (measured.some(pocTestable)) how = `在POC中用客户数据实测${stated}`;
  else if (n.baseline) how = `上线后按同一统计口径考核${stated}`;
  else if (holdsAny(measured.join(''), CHANGE_WORDS)) how = '上线后考核，当前基线与统计口径在验收方案中约定';
  else how = '上线后按验收方案约定的口径考核';
  return `${which}列为${names}的验收指标，${how}`;
}

/** The systems that deliver goal `n`: named by it first, then those whose texts speak of it; core systems first. */
function holdersOf(u: Understanding, n: Need, needs: readonly Need[], systems: readonly SystemType[]): SystemType[] {
  const goal = tidy(n.text);
  const named = systems.filter((s) => namesSystem(u, goal, s));
  if (named.length > 0) return coreFirst(named);
  const subject = subjectOf(goal);
  return coreFirst(systems.filter((s) => holdsAny(goal, u.kb.category(s.category)?.targetWords ?? []) || sharesWords(subject, textsOf(u, s, needs))));
}

/**
 * The core systems among `found` when there are some (开盘峰值 is the trading system's target,
 * not also its database's, though a database's POC speaks of peaks too), else the others; at most two.
 */
function coreFirst(found: readonly SystemType[]): SystemType[] {
  const core = found.filter((s) => s.role === 'core');
  return (core.length > 0 ? core : found).slice(0, MAX_HOLDERS);
}

/** A goal without its figures and the words of its direction: what it measures (误报率, 开盘峰值). */
function subjectOf(goal: string): string {
  let out = goal.replace(/[0-9.%％<>≤≥＜＞]+/g, '|');
  for (const w of DIRECTION_WORDS) if (out.includes(w)) out = out.split(w).join('|');
  return out;
}

/**
 * Whether the goal names the system by its kind (集团HR, OA), read as the estate reads names: by
 * the categories' names and aliases, a Latin one as a word of its own (OA, not the OA of OAuth).
 */
function namesSystem(u: Understanding, goal: string, s: SystemType): boolean {
  return knowledgeIndex(u.kb, 'all-categories').find(goal).some((h) => h.value === s.category);
}

/** What a system of the plan is about: its category's texts, its scope's, and the rules that bring it in. */
function textsOf(u: Understanding, s: SystemType, needs: readonly Need[]): string {
  const c = u.kb.category(s.category);
  const scope = scopeOf(u, s);
  const rules = needs.flatMap((n) => n.mechanisms.filter((m) => m.rule !== TARGET_RULE && m.categories.includes(s.category)).map((m) => `${m.title}|${m.summary}`));
  return [s.name, c?.purpose ?? '', ...(c?.features ?? []), c?.proof ?? '', ...(scope?.features ?? []), scope?.proof ?? '', ...rules].join('|');
}
