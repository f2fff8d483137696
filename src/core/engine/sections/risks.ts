/** 风险提示: each risk with its 应对. Analysis findings come first, then rule and industry risks. */
import type { AnalysisCheck, IntakeDiagnostic } from '../../diagnostics';
import type { EngineContext } from '../context';
import { hitsFor } from '../context';
import { refsOf } from '../profile';
import type { Risk } from '../reportModel';

const CHECK_TITLES: Record<AnalysisCheck, string> = {
  'budget-sum': '预算分配比例不闭合',
  'budget-exceeds': '分项预算超过总预算',
  'sla-conflict': 'SLA与业务连续性要求矛盾',
  'latency-physics': '延迟目标低于物理下限',
  'unknown-standard': '引用了不存在的标准或等级',
  'retired-standard': '引用了已废止的标准版本',
  wording: '合规结果表述不准确',
  'unreadable-amount': '预算金额无法读取',
};

const CHECK_MITIGATIONS: Record<AnalysisCheck, string> = {
  'budget-sum': '与客户确认各项比例，使其合计为100%，再据此拆分合同与付款里程碑。',
  'budget-exceeds': '核对分项与总预算的口径（年度/合同期、是否含税与服务费），必要时调整范围或分期。',
  'sla-conflict': '统一可用性、RTO与允许停机时间的口径；需要更严格的连续性时，采用多活架构并把SLA提高到与之匹配的等级。',
  'latency-physics': '调整目标为可实现的数值，或改变架构：数据就近处理（本地读写+异步复制）、边缘节点，而非跨洲同步。',
  'unknown-standard': '与客户确认实际要求的标准与等级（例如SOC 2 只有 Type I 与 Type II），再据此规划审计。',
  'retired-standard': '按现行版本规划差距评估与审计，避免按已废止版本准备材料。',
  wording: '在方案与合同中使用准确的结果表述（认证、鉴证报告或备案与测评），避免验收口径争议。',
  'unreadable-amount': '与客户确认实际预算金额并按正常写法填写（如“$120万”），再据此拆分预算。',
};

export function buildRisks(ctx: EngineContext): Risk[] {
  const risks: Risk[] = ctx.findings.map(fromFinding);
  for (const h of hitsFor(ctx, '风险提示')) {
    risks.push({ title: h.rule.title, risk: h.rule.rationale, mitigation: h.rule.mitigation ?? h.rule.recommendation, source: 'rule', severity: 'warning', refs: refsOf(h.evidence) });
  }
  risks.push(
    {
      title: '多系统集成复杂度',
      risk: `${ctx.categories.length}类系统与既有系统之间接口多、变更影响面大。`,
      mitigation: '以API网关/消息总线为主干，建立接口契约与版本管理，契约测试纳入CI。',
      source: 'industry',
      severity: 'information',
      refs: refsOf(ctx.profile.legacy),
    },
    {
      title: '组织与变更管理',
      risk: '新流程与工具的采用程度决定收益能否兑现。',
      mitigation: 'KPI与激励挂钩，按角色分批培训，上线后设稳定期专项支持。',
      source: 'industry',
      severity: 'information',
      refs: [],
    },
  );
  return risks;
}

function fromFinding(d: IntakeDiagnostic): Risk {
  const check = d.data.kind === 'analysis' ? d.data.check : undefined;
  return {
    title: check ? CHECK_TITLES[check] : d.code,
    risk: d.message,
    mitigation: check ? CHECK_MITIGATIONS[check] : '与客户确认后修正调研表。',
    source: 'analysis',
    severity: d.severity === 'hint' ? 'information' : d.severity,
    code: d.code,
    refs: [{ line: d.range.start.line, range: d.range }],
  };
}
