/**
 * Clarifications: facts that are ambiguous or missing become questions for the customer, each
 * with one line on why it matters. "Azure东欧" is not an Azure region: ask, don't guess.
 */
import type { Clarification, Need } from './reportModel';
import { uniqueAscending } from './uniqueAscending';
import type { Understanding } from './understand';
import { CLAUSE_SEPARATOR_NO_LIST, clauseAround } from '../facts/lines';
import { holdsAny } from '../text/holdsAny';
import { swapSuffix } from '../text/affix';
import { coreBesideThePoint } from './plan/coreUntouched';
import { spendStated } from './plan/benefits';

/** Words of a budget line that says how the running costs are paid. */
const RUNNING_COST_WORDS = ['运维', '运营费', '维保', '年费', '订阅'];

export function clarifications(u: Understanding, needs: readonly Need[], extra: readonly Clarification[]): Clarification[] {
  const m = u.model;
  const out: Clarification[] = [];
  const add = (c: Clarification) => {
    if (!out.some((o) => o.question === c.question)) out.push(c);
  };
  for (const cloud of m.estate.clouds) {
    for (const r of cloud.regions) {
      if (!r.approximate) continue;
      add({ section: '基础设施现状', topic: 'region', question: `“${r.written}”不是${cloud.name}的区域名称，实际使用的是哪个区域（例如波兰中部、德国中西部或北欧）？`, why: '区域决定跨云时延的物理下限、专线接入点以及数据所在的法域。', refs: r.refs, priority: 1 });
    }
  }
  if (!m.mainGoal) add({ section: '核心目标', topic: 'main-goal', question: '本项目的首要目标和验收指标是什么？', why: '方案与里程碑都从首要目标出发。', refs: [], priority: 1 });
  if (m.deadline.months === undefined) add({ section: '核心目标', topic: 'deadline', question: '期望的上线期限？', why: '决定实施节奏、分期与是否可行。', refs: m.mainGoal?.refs ?? [], priority: 2 });
  const b = m.budget;
  if (!b.total) add({ section: '预算限制', topic: 'budget', question: '总预算是多少，其中一次性建设与年度运维各多少？', why: '没有预算就无法判断方案是否可行、哪些需要分期。', refs: [], priority: 1 });
  else {
    if (b.perYear && (b.oneTime || b.recurringPerYear)) {
      const part = b.oneTime ?? b.recurringPerYear!;
      add({ section: '预算限制', topic: 'budget-split', question: `每年${b.total.text}的预算与其中的${part.text}是什么关系：${part.text}是否包含在首年预算内？`, why: '决定一次性与持续投入的拆分，以及与估算的对比。', refs: b.refs, priority: 2 });
    }
    if (b.horizonAssumed) {
      if (b.oneTime && b.recurringPerYear) add({ section: '预算限制', topic: 'budget-horizon', question: `总体成本按几年评估（目前按${b.horizonYears}年计）？`, why: '一次性与年度运维的合计随年限变化。', refs: b.refs, priority: 3 });
      // A yearly budget (¥500万/年) says it covers a year: what is open is for how many years.
      else if (b.perYear) add({ section: '预算限制', topic: 'budget-horizon', question: `每年${b.total.text}的预算按几年评估（目前按${b.horizonYears}年计）、是否含运维？`, why: `年度预算的总额随年限变化，成本对比按${b.horizonYears}年TCO假设。`, refs: b.refs, priority: 2 });
      // A build budget (¥800万（一次性建设）) is compared with the one-time estimate, whatever the
      // years: what may be open is who pays the running costs, unless the intake says it
      // (运维费另行申请).
      else if (b.oneTime) {
        if (!u.usable.some((f) => f.section === '预算限制' && holdsAny(f.value, RUNNING_COST_WORDS))) add({ section: '预算限制', topic: 'budget-horizon', question: `预算${b.total.text}为一次性建设：每年的运维费用由哪项预算承担、额度多少？`, why: '年度运行费用不在建设预算内，需要另行落实。', refs: b.refs, priority: 2 });
      } else add({ section: '预算限制', topic: 'budget-horizon', question: `预算${b.total.text}覆盖几年、是否含运维？`, why: `成本对比按${b.horizonYears}年TCO假设，周期不同结论会变。`, refs: b.refs, priority: 2 });
    }
  }
  // A project about the workplace (office PCs, desktops) does not turn on the core system.
  if (m.coreSystem.basis === 'unknown' && !coreBesideThePoint(u)) add({ section: '客户行业', topic: 'core-system', question: '客户的核心业务系统是什么（名称、厂商与版本）？', why: '方案要先明确是建设、替换还是只对接核心系统。', refs: m.industry.refs, priority: 1 });
  for (const f of u.findings) {
    if (f.check === 'unknown-standard') add({ section: '特殊要求', topic: 'standard', question: `${swapSuffix(f.message, '。')}：客户实际要求的是哪一种？`, why: '审计对象与准备周期完全不同。', refs: [f.line], priority: 2 });
    else if (f.check === 'retired-standard') add({ section: '特殊要求', topic: 'standard-version', question: '是否按现行版本评估？（调研表写的是已废止的版本）', why: '避免按旧版本准备审计材料。', refs: [f.line], priority: 3 });
    else if (f.check === 'sla-conflict') {
      // Ask with the customer's own words and figures, not in the abstract.
      const statement = typeof f.facts.statement === 'string' ? f.facts.statement : undefined;
      const month = f.facts.monthMinutes;
      // A maintenance window written beside it ("夜间维护窗口不超过30分钟") says planned downtime is accepted.
      const lineText = u.usable.filter((x) => x.line + 1 === f.line || (statement !== undefined && x.value.includes(statement))).map((x) => x.value).join('，');
      const at = lineText.search(/维护窗口|变更窗口|停机窗口/);
      const window = at >= 0 ? clauseOf(lineText, at) : '';
      const question =
        statement && typeof f.facts.availability === 'number'
          ? window
            ? `“${statement}”是否只指计划外停机（调研表另写有“${window}”）？若是，SLA ${f.facts.availability}%（每月约${month}分钟停机预算）是否可接受？`
            : `“${statement}”指不允许任何计划外停机，还是也不允许计划内维护？SLA ${f.facts.availability}%每月仍有约${month}分钟的停机预算，两者以哪个为准？`
          : '可用性、恢复时间与允许的停机时间以哪个为准？';
      add({ section: '特殊要求', topic: 'sla', question, why: '零停机需要多活架构与在线变更，成本与99.9x%的冗余设计差别很大。', refs: [f.line], priority: 2 });
    }
    else if (f.check === 'latency-physics') add({ section: '核心目标', topic: 'latency', question: '时延目标指的是用户就近访问时延，还是跨区域复制滞后？', why: f.message, refs: [f.line], priority: 1 });
    else if (f.check === 'budget-sum' || f.check === 'budget-exceeds') add({ section: '预算限制', topic: 'budget-split', question: '预算分项的口径（年度还是合同期、是否含税与服务费）？', why: f.message, refs: [f.line], priority: 2 });
  }
  for (const t of m.triedAndFailed) if (!t.why) add({ section: '当前痛点', topic: 'tried', question: `“${t.what}”为什么没有达到目标？`, why: '避免推荐同样会失败的做法。', refs: t.refs, priority: 2 });
  // A cost goal without today's figure cannot be turned into a benefit.
  for (const g of m.secondaryGoals) {
    if (!/(?:降低|减少|节省|下降)[^，；]{0,4}\d{1,2}\s{0,1}%/.test(g.text) || !holdsAny(g.text, ['成本', '费用', '支出', '人力', '流量'])) continue;
    if (m.lossFigures.length > 0 || spendStated(u, g.text)) continue;
    add({ section: '预算限制', topic: 'baseline', question: `“${g.text}”的当前基数是多少（${baselineUnit(g.text)}）？`, why: '有了基数才能算出收益与回本期。', refs: g.refs, priority: 2 });
  }
  for (const n of needs) if (n.clarify) add({ section: n.kind === 'goal' || n.kind === 'main-goal' ? '核心目标' : '当前痛点', topic: 'need', question: n.clarify, why: '目前没有对应的机制，需要澄清后才能给出方案。', refs: uniqueAscending([...n.refs, ...(n.baseline?.refs ?? [])]), priority: 3 });
  for (const c of extra) add(c);
  return out.sort((a, b) => a.priority - b.priority);
}

/** The clause of `text` around position `at` (between ，；。 marks). */
function clauseOf(text: string, at: number): string {
  const { start, end } = clauseAround(text, at, CLAUSE_SEPARATOR_NO_LIST);
  return text.slice(start, end).trim();
}

/**
 * What a cost goal's base is counted in: money, or people too where the cost is labour (人工成本,
 * 运维成本, 人力). A licence fee, a traffic bill or a unit cost is money only: asking a CIO for
 * the 人力 behind 数据库许可费用 reads as a form letter.
 */
function baselineUnit(goal: string): string {
  return holdsAny(goal, ['人力', '人工', '运维', '人员', '人效']) ? '金额或人力' : '金额';
}
