/**
 * Risks, each with its 应对: the intake's own contradictions (analysis findings) first, then
 * versions past end of support, a deadline or budget that does not fit, what failed before and
 * what is different this time, and the rules' risks for this context.
 */
import type { EngineFinding } from '../findings';
import type { Costs, LifecycleFinding, Option, Risk, Timeline } from '../reportModel';
import { ESTIMATE_PRECISION, lowEndOverrun } from './costs';
import { formatAmount, shownInRange } from '../format';
import { failedVendors } from './picks';
import { sameVendor } from './sameVendor';
import { goesAway, lifecycleDate } from './lifecycle';
import { shortName } from '../text/restate';
import { dropTrailingAside } from '../text/trim';
import type { RuleHit } from '../rules';
import type { Understanding } from '../understand';
import { holdsAny } from '../../text/holdsAny';
import { swapSuffix } from '../../text/affix';

/** Systems to connect from which integration is a risk of its own: three, each counted once. */
const MANY_SYSTEMS = 3;

const CHECK_TITLES: Record<EngineFinding['check'], string> = {
  'budget-sum': '预算分配比例不闭合',
  'budget-exceeds': '分项预算超过总预算',
  'sla-conflict': 'SLA与业务连续性要求矛盾',
  'latency-physics': '时延目标低于物理下限',
  'unknown-standard': '引用了不存在的标准或等级',
  'retired-standard': '引用了已废止的标准版本',
  wording: '合规结果表述不准确',
};

const CHECK_MITIGATIONS: Record<EngineFinding['check'], string> = {
  'budget-sum': '与客户确认各项比例，合计为100%后再拆分合同与付款节点。',
  'budget-exceeds': '核对分项与总预算的口径（年度或合同期、是否含税与服务费），必要时缩小范围或分期。',
  'sla-conflict': '统一可用性、RTO与允许停机时间的口径；要求更严时采用多活架构并相应提高SLA等级。',
  'latency-physics': '把目标改为可实现的数值，或改变架构：数据就近读写、跨区域异步复制，而不是跨洲同步。',
  'unknown-standard': '与客户确认实际要求的标准与等级（例如SOC 2只有Type I与Type II），再据此规划审计。',
  'retired-standard': '按现行版本规划差距评估与审计，不按已废止版本准备材料。',
  wording: '在方案与合同中使用准确的结果表述（认证、鉴证报告或备案与测评），避免验收争议。',
};

/** Order of importance: the intake's own errors, versions out of support, high-priority rules, history, plan, the rest. */
function rankOf(r: Risk, priority?: number): number {
  switch (r.source) {
    case 'analysis':
      return 10;
    case 'lifecycle':
      return 20;
    case 'history':
      return 30;
    case 'plan':
      return r.title.startsWith('期限') || r.title.startsWith('预算') || r.title.startsWith('年运维') ? 35 : 50;
    case 'constraint':
      return 40;
    case 'rule':
      return priority !== undefined && priority >= 5 ? 25 : priority === 4 ? 45 : 60;
  }
}

/**
 * What to do about the versions past or near their end of support. One the project takes away (a
 * database in a 数据库国产化替代, Windows 10 in an office 信创替代) has no upgrade to test; the
 * others are scheduled, tested and fenced off.
 */
function lifecycleMitigation(lifecycle: readonly LifecycleFinding[], withAsides: boolean): string {
  const going = lifecycle.filter(goesAway);
  if (lifecycle.length === 1) {
    const l = lifecycle[0]!;
    // The path itself is said once, under 实施建议 (版本升级), without its asides: here what goes
    // with it, and the asides (注意7.4起的许可变化) unless a rule's risk merged in says more. A move
    // to another product ("迁移到国产数据库…") is tested before the move, not before an upgrade.
    const verb = l.upgrade.startsWith('迁移') ? '迁移' : '升级';
    const asides = withAsides ? asidesOf(l.upgrade) : [];
    const path = `${verb}路径见实施建议${asides.length > 0 ? `（${asides.join('；')}）` : ''}`;
    return going.length > 0 ? '随本期替换下线（见实施建议）；下线前先做加固、网络隔离与备份。' : `${path}；${verb}前在测试环境验证兼容性并准备回退方案，${verb}完成前先做网络隔离。`;
  }
  const scheduled = '逐项排入一期（升级路径见实施建议），每项先在测试环境验证兼容性并准备回退方案；暂时无法升级的先做网络隔离，并向原厂或第三方评估扩展支持。';
  if (going.length === 0) return scheduled;
  const gone = `${going.map((l) => `${l.name} ${l.version}`).join('、')}在本期替换中下线，不单独升级，下线前先做加固、网络隔离与备份`;
  return going.length === lifecycle.length ? `${gone}。` : `${gone}；其余${scheduled}`;
}

export function assessRisks(u: Understanding, hits: readonly RuleHit[], lifecycle: readonly LifecycleFinding[], timeline: Timeline | undefined, costs: Costs | undefined, recommended?: Option): Risk[] {
  const failed = failedVendors(u);
  const ranked: Array<{ risk: Risk; rank: number; order: number }> = [];
  const risks = {
    push(r: Risk, priority?: number) {
      ranked.push({ risk: r, rank: rankOf(r, priority), order: ranked.length });
    },
  };
  for (const f of u.findings) {
    risks.push({ title: CHECK_TITLES[f.check], risk: withoutAdvice(f.message), mitigation: CHECK_MITIGATIONS[f.check], source: 'analysis', code: f.code, refs: [f.line] });
  }
  const ruleRisks = hits.filter((h) => h.rule.section === '风险提示');
  const merged = new Set<RuleHit>();
  // One risk for all versions past (or near) end of support; the details go to the appendix. Where
  // it is about one product, a rule's risk about that product (VMware's subscription licensing,
  // Kafka's move to KRaft) is part of the same upgrade: said in that one risk, not beside it as
  // another. A risk about several keeps such a rule's risk apart, ranked as its own (a long list
  // of versions is no place for one product's licensing).
  if (lifecycle.length > 0) {
    const bound = lifecycle.length === 1 ? ruleRisks.filter((h) => h.rule.when?.estate?.includes(lifecycle[0]!.family)) : [];
    for (const h of bound) merged.add(h);
    const past = lifecycle.filter((l) => l.status === 'past');
    const soon = lifecycle.filter((l) => l.status === 'soon');
    const name = (l: LifecycleFinding) => `${l.name} ${l.version}（${lifecycleDate(l)}）`;
    const risk = [past.length > 0 ? `${past.map(name).join('、')}已过支持期，不再有安全修复` : '', soon.length > 0 ? `${soon.map(name).join('、')}在12个月内结束支持` : ''].filter(Boolean).join('；');
    const title = lifecycle.length === 1 ? `${lifecycle[0]!.name} ${lifecycle[0]!.version}${past.length > 0 ? '已过支持期' : '即将结束支持'}` : `${lifecycle.length}个组件过了或临近支持期`;
    const mitigation = lifecycleMitigation(lifecycle, bound.length === 0);
    risks.push({
      title: [title, ...bound.map((h) => withoutLead(h.rule.title, lifecycle[0]!.name))].join('，'),
      risk: `${[risk, ...bound.map((h) => swapSuffix(h.rule.summary, '。'))].join('；')}。`,
      // The upgrade paths are listed once, under 实施建议; here what to do about them as a whole.
      mitigation: bound.length > 0 ? `${[swapSuffix(mitigation, '。'), ...bound.map((h) => swapSuffix(firstSentence(h.rule.mitigation ?? h.rule.recommendation), '。'))].join('；')}。` : mitigation,
      source: 'lifecycle',
      refs: [...new Set([...lifecycle.flatMap((l) => l.refs), ...bound.flatMap((h) => h.evidence.map((f) => f.line + 1))])].sort((a, b) => a - b),
    });
  }
  if (timeline && !timeline.feasible) {
    // The statement (with its phasing advice) is in 实施建议; here the risk itself, in figures.
    const minimum = Math.ceil(timeline.minimumWeeks / (52 / 12));
    const over = timeline.deadlineMonths !== undefined ? minimum - timeline.deadlineMonths : undefined;
    const risk = `即使各阶段都按最短周期，也需约${minimum}个月${over !== undefined && over > 0 ? `，比${timeline.deadlineMonths}个月的期限多约${over}个月` : ''}；按原期限推进会压缩测试与整改时间。`;
    risks.push({ title: '期限不可行', risk, mitigation: '与客户确认分期范围：一期交付首要目标，其余纳入二期，并按阶段验收付款。', source: 'plan', refs: timeline.refs });
  }
  // The verdict of the total (or build) comparison: the yearly cap, when it decides, has its own risk below.
  const running = costs?.budget?.running?.decides ? costs.budget.running : undefined;
  const totalVerdict = running?.totalVerdict ?? costs?.budget?.verdict;
  // A principal investment the estimate leaves out (a DR site's rooms and links): the budget is
  // judged only once it is estimated, first thing to do.
  const unpriced = costs?.budget?.unpriced;
  const unpricedWhat = unpriced ? unpriced.what.join('、') : '';
  const estimateIt = unpriced ? `先按实际规模测算${unpricedWhat}（或向厂商询价），与已估算部分合计后再核对预算；` : '';
  if (costs?.budget && totalVerdict !== 'within') {
    // Over at the low end by no more than the estimate's own precision: the cost section calls it
    // a negotiation (costs.ts, cutSuggestion), and so does the risk; beyond it, the full scope does not fit.
    const miss = shortfall(totalVerdict, lowEndOverrun(costs));
    const slightly = miss === 'slightly';
    const short = miss === 'short';
    const also = unpriced ? `另有${unpricedWhat}未计入估算，这部分往往是主要投入，计入后超出预算的可能更大。` : '';
    risks.push({
      title: short ? '预算不足' : '预算偏紧',
      risk: `${short ? '按估算下限也超出预算，全部范围无法在预算内完成。' : slightly ? '按估算下限也略超预算（在估算误差以内），报价谈不到预算以内时需要削减范围。' : '估算区间的上限超出预算，厂商报价偏高时需要削减范围。'}${also}`,
      mitigation: `${estimateIt}${unpriced ? '再' : '先'}做两到三家厂商的正式报价，按优先级确定一期范围，合同按里程碑付款。`,
      source: 'plan',
      refs: costs.budget.refs,
    });
  } else if (costs?.budget && unpriced) {
    // Within the budget only as far as it is estimated: what the budget leaves may not cover the rest.
    const room = unpriced.left > 0 ? `预算扣除已估算部分的上限后约剩${unpriced.text}留给它，可能不够` : '预算扣除已估算部分的上限后已没有余量留给它';
    risks.push({
      title: '预算未含主要投入',
      risk: `${unpricedWhat}未计入成本估算，而这部分往往是主要投入；${room}。`,
      mitigation: `${estimateIt}不足时分期建设，或与客户调整预算。`,
      source: 'plan',
      refs: costs.budget.refs,
    });
  }
  if (costs && running) risks.push(runningRisk(running, costs.currency, costs.budget?.refs ?? []));
  // A rule risk about what already failed (自建CDN, Cloudflare Argo) is that failure's risk: one
  // entry, the failure's lines, the rule's explanation and 应对.
  for (const t of u.model.triedAndFailed) {
    const rule = ruleRisks.find((h) => !merged.has(h) && h.evidence.some((f) => t.refs.includes(f.line + 1)));
    if (rule) merged.add(rule);
    const why = t.why ? `此前因${t.why}失败` : '此前的尝试未达到目标，原因未注明';
    // The vendor that failed is not the one this plan relies on for the same job: say so.
    const vendor = failed.find((f) => f.what === t.what);
    const other = vendor ? recommended?.picks.find((p) => !p.existing && !sameVendor(p.product.vendor, vendor.vendor) && u.kb.productsIn(p.category).some((q) => sameVendor(q.vendor, vendor.vendor))) : undefined;
    const changed = vendor && other ? `本方案的${other.categoryName}选用${shortName(other.product.name)}，不再由${dropTrailingAside(vendor.vendor)}承担；` : '';
    risks.push({
      title: `重蹈“${t.what}”的覆辙`,
      risk: rule ? `${why}：${rule.rule.summary}。` : `${why}。`,
      mitigation: `${changed}${rule ? `${swapSuffix(differs(t.why), '。')}；${firstSentence(rule.rule.mitigation ?? rule.rule.recommendation)}` : differs(t.why)}`,
      source: 'history',
      refs: t.refs,
    });
  }
  for (const h of ruleRisks) {
    if (merged.has(h)) continue;
    risks.push({ title: h.rule.title, risk: h.rule.summary, mitigation: firstSentence(h.rule.mitigation ?? h.rule.recommendation), source: 'rule', refs: [...new Set(h.evidence.map((f) => f.line + 1))].sort((a, b) => a - b) }, h.rule.priority);
  }
  // An office 信创 replacement says its own (office-xinchuang-adoption-risk): software and
  // peripherals on the new PCs, not a server stack's peak performance.
  if (u.constraintKinds.has('xinchuang-full') && !u.traits.has('office-xinchuang')) {
    const c = u.model.constraints.find((x) => x.kind === 'xinchuang-full')!;
    risks.push({ title: '信创适配与性能', risk: '国产芯片、操作系统与数据库组合下，应用可能出现兼容性问题，峰值性能也可能低于原平台。', mitigation: '只选厂商已出具兼容性认证的组合，POC按生产峰值压测并比对功能清单。', source: 'constraint', refs: c.refs });
  }
  // "卫宁HIS" and "HIS" are one system: a name inside a longer one is not listed again; and a kept
  // system the intake also integrates is one system, not two.
  const all = [...new Set([...u.kept.map((k) => k.name), ...u.model.integrations.map((i) => i.system)])];
  const systems = all.filter((n) => !all.some((o) => o !== n && o.includes(n)));
  if (systems.length >= MANY_SYSTEMS) {
    // "集成层" only where the plan builds one (an ESB, an integration platform).
    const layer = recommended?.picks.some((p) => u.kb.category(p.category)?.layer === 'integration') ?? false;
    risks.push({ title: '多系统集成', risk: `需对接${systems.slice(0, 5).join('、')}${systems.length > 5 ? '等系统' : /(?:系统|平台)$/.test(systems.at(-1) ?? '') ? '' : '系统'}，接口多、联调周期长。`, mitigation: `先编制接口清单与报文样例，${layer ? '集成层统一封装' : '接口统一版本管理与监控'}，契约测试纳入持续集成。`, source: 'plan', refs: [...new Set([...u.kept.flatMap((k) => k.refs), ...u.model.integrations.flatMap((i) => i.refs)])].sort((a, b) => a - b) });
  }
  return ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).map((x) => x.risk);
}

/**
 * A finding's message as a risk: without the editor's advice ("请改写为“鉴证报告”"), which the
 * risk's 应对 gives in the report's own words.
 */
function withoutAdvice(message: string): string {
  const kept = message.split('。').filter((x) => x.trim() && !/^\s*(?:请|建议)/.test(x));
  return kept.length > 0 ? `${kept.join('。')}。` : message;
}

/** What is different this time, given why the previous attempt failed. */
function differs(why: string): string {
  if (holdsAny(why, ['公有云', 'SaaS', '出境', '校外', '出区', '存放'])) return '本方案全部选用可私有化部署的产品，数据留在客户自己的环境中；厂商仅以SaaS交付的产品已排除。';
  if (holdsAny(why, ['抖动', '网络', 'BGP', '路由策略', '加速'])) return '本方案不依赖公网加速，改走自己可控的专线或SD-WAN，并先做一周的网络基线测量再定方案。';
  if (/适配|国产/.test(why)) return '只选厂商已出具国产芯片、操作系统与数据库兼容认证的版本，POC在目标信创环境上进行。';
  if (/定制|不支持|无法/.test(why)) return `选型时把“${why}”写成POC验收项，由候选厂商在客户数据上演示，通过后再签约。`;
  if (/需求变更|测试不足|无人维护|离职/.test(why)) return '改为成熟产品配置为主、少量定制；需求冻结与变更评审写入合同，测试覆盖纳入里程碑验收。';
  if (/打通|对接|集成|孤岛|割裂/.test(why)) return '本方案以核心系统为中心，先打通与现有系统的接口再扩大使用，接口联通列为POC验收项。';
  if (/成本|收费/.test(why)) return '选型时要求按接口或模块拆分报价，第三方接入费用写入合同。';
  if (/排期|改造|接口(?:超过|过多|太多)/.test(why)) return '接口改由集成平台按标准协议统一接入，减少对原系统厂商逐个改造的依赖；接口迁移清单与排期写入合同。';
  return '在POC阶段复现上次失败的场景，把它作为验收项。';
}

/** The bracketed asides of an upgrade path's first step, which 实施建议 leaves out (upgradeStep). */
function asidesOf(upgrade: string): string[] {
  const first = upgrade.split('；')[0]!;
  return [...first.matchAll(/（([^（）]+)）/g)].map((m) => m[1]!);
}

/** A rule's title after the finding's: without the product's first word the finding's title just said ("VMware许可…" after "VMware vSphere 7…"). */
function withoutLead(title: string, name: string): string {
  const lead = name.split(' ')[0]!;
  return title.length > lead.length + 1 && title.startsWith(lead) ? title.slice(lead.length).trimStart() : title;
}

function firstSentence(text: string): string {
  const cut = text.search(/[。；]/);
  return cut > 0 ? `${text.slice(0, cut)}。` : text;
}

type Running = NonNullable<NonNullable<Costs['budget']>['running']>;

/**
 * How an estimate misses a budget or cap, from the comparison's verdict and the share by which
 * its low end overruns: short (over beyond the estimate's own precision), slightly (over within
 * it: a negotiation), or tight (only the high end is over).
 */
function shortfall(verdict: string | undefined, lowEndOverrun: number): 'short' | 'slightly' | 'tight' {
  if (verdict !== 'over') return 'tight';
  return lowEndOverrun <= ESTIMATE_PRECISION ? 'slightly' : 'short';
}

/**
 * The yearly running cost where the yearly cap the intake states is what fails (the total fits,
 * or fails less): an overrun every year after go-live, not once.
 */
function runningRisk(r: Running, currency: string, refs: number[]): Risk {
  const shown = (n: number) => shownInRange(n, r.low, r.high);
  const by = (n: number) => {
    const gap = shown(n) - r.cap;
    return gap > 0 ? `约${formatAmount(gap, currency)}（${Math.round((gap / r.cap) * 100)}%）` : '';
  };
  const short = shortfall(r.verdict, (r.low - r.cap) / r.cap) === 'short';
  const noun = r.capWord.replace('年运维', '');
  const main = r.drivers[0]?.replace(/（[^（）]{0,30}）$/, '') ?? '';
  const gap = r.verdict === 'over' ? `按估算下限也超出${r.capWord}${r.text}${by(r.low)}` : `估算上限超出${r.capWord}${r.text}${by(r.high)}`;
  return {
    title: short ? `年运维超出${noun}` : `年运维${noun}偏紧`,
    risk: `每年运行费用${gap}${main ? `，最大的一项是${main}` : ''}；这部分费用在建成后每年发生。`,
    mitigation: `签约前请厂商分项报出年度维保、订阅与基础设施费用，把维保费率与续约涨幅写入合同；${short ? `与客户确认${r.capWord}能否按估算调整，或在方案中换用年费更低的组合。` : '报价超出时先压降最大的一项年度费用。'}`,
    source: 'plan',
    refs,
  };
}
