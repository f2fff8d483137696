/** 业务需求分析: restates and interprets the intake — industry and model, control points, constraints, scale and budget, pain points. */
import type { EngineContext } from '../context';
import type { Fact } from '../../facts/facts';
import { formatAmount } from '../format';
import { refsOf } from '../profile';
import type { Point, ReportModel } from '../reportModel';

const SCALE_TEXT = { sme: '中小规模', mid: '中等规模', large: '大型规模' } as const;
const TIER_TEXT = { low: '较低', mid: '中等', high: '较高', premium: '充足（旗舰级）' } as const;

export function buildRequirements(ctx: EngineContext): ReportModel['requirements'] {
  const { profile } = ctx;
  const industry = profile.industry;
  const industryModel: Point[] = [];
  const industryLabel = [profile.industryText || industry?.name || '未注明行业', profile.segment].filter(Boolean).join(' · ');
  industryModel.push({
    text: industry ? `行业与模式：${industryLabel}。${industry.businessModel}` : `行业与模式：${industryLabel}（知识库未收录该行业，以下按通用企业场景分析）。`,
    refs: refsOf(profile.industryFacts.filter((f) => f.fieldPath.length === 0 || f.fieldPath.includes('细分领域'))),
  });
  for (const f of profile.industryFacts.filter((f) => f.fieldPath.length > 0 && !f.fieldPath.includes('细分领域') && f.value)) {
    industryModel.push({ text: `${f.key ?? f.fieldPath.at(-1)}：${f.value}`, refs: refsOf([f]) });
  }
  if (industry) industryModel.push({ text: `主要监管与标准：${[...industry.regulators, ...industry.standards].join('、')}。`, refs: [] });

  const controlPoints: Point[] = (industry?.controlPoints ?? ['业务流程的一致性与可追溯', '数据安全与访问控制']).map((c) => ({ text: c, refs: [] }));
  for (const goal of profile.goals.filter((g) => g.fieldPath.includes('主要指标'))) {
    controlPoints.push({ text: `本项目的首要目标：${goal.value}`, refs: refsOf([goal]) });
  }

  const constraints: Point[] = [];
  constraints.push(deploymentConstraint(ctx));
  if (profile.compliance.length > 0 || profile.frameworks.length > 0) {
    const names = profile.frameworks.map((f) => `${f.framework.name}（现行${f.framework.currentVersion}）`);
    constraints.push({
      text: `合规：${profile.compliance.map((f) => f.value).join('；') || '见下'}${names.length > 0 ? `。涉及框架：${names.join('、')}` : ''}。`,
      refs: refsOf([...profile.compliance, ...profile.frameworks.flatMap((f) => f.facts)]),
    });
  }
  if (profile.legacy.length > 0) {
    constraints.push({
      text: `集成：需对接${profile.legacy.map((f) => f.value.replace(/^(?:需要?|须)?对接/, '')).join('；')}${profile.protocols.value.length > 0 ? `（协议：${profile.protocols.value.join('/')}）` : ''}。`,
      refs: refsOf([...profile.legacy, ...profile.protocols.facts]),
    });
  }
  const service = ctx.facts.bySection.get('特殊要求')?.filter((f) => f.fieldPath.includes('服务等级') && f.value) ?? [];
  if (service.length > 0) constraints.push({ text: `服务等级：${service.map((f) => f.value).join('；')}。`, refs: refsOf(service) });
  const infra = infrastructureSummary(ctx);
  if (infra) constraints.push(infra);

  const scaleAndBudget: Point[] = [];
  scaleAndBudget.push({
    text: `规模：按业务规模判断为${SCALE_TEXT[profile.scale.value]}${profile.scale.assumed ? '（假设：业务规模未量化）' : ''}。`,
    refs: refsOf(profile.scale.facts),
    ...(profile.scale.assumed ? { assumption: true } : {}),
  });
  const budget = profile.budget.value;
  scaleAndBudget.push(
    budget
      ? { text: `预算：${formatAmount(budget.amount, budget.currency)}${budget.perYear ? '/年' : budget.years ? `（${budget.years}年合计）` : ''}，预算档位${TIER_TEXT[profile.tier.value]}；付费与采购偏好：${paymentPreference(ctx) || '未注明'}。`, refs: refsOf([...profile.budget.facts, ...paymentFacts(ctx)]) }
      : { text: '预算：未给出可解析的总预算，以下成本分析按中等预算档位假设。', refs: [], assumption: true },
  );

  const painPoints: Point[] = profile.painPoints.map((f) => ({ text: interpretPain(ctx, f), refs: refsOf([f]) }));
  if (painPoints.length === 0) painPoints.push({ text: '调研表未填写具体痛点，适用性分析只能按行业通用痛点展开。', refs: [], assumption: true });
  return { industryModel, controlPoints, constraints, scaleAndBudget, painPoints };
}

function deploymentConstraint(ctx: EngineContext): Point {
  const { profile } = ctx;
  const places = profile.locations.map((l) => l.location.name);
  const parts: string[] = [];
  if (profile.noPublicSaas.value) parts.push('要求私有化/本地部署，排除公有云SaaS');
  if (profile.chinaHosted.value && profile.international.value) parts.push('中国区与海外并存，需分区部署并满足数据本地化与跨境传输要求');
  else if (profile.chinaHosted.value) parts.push('以中国区部署为主');
  else if (profile.international.value) parts.push('以海外部署为主');
  if (profile.xinchuang.value) parts.push('有信创/国产化要求');
  if (places.length > 0) parts.push(`涉及站点：${places.join('、')}`);
  return {
    text: `部署：${parts.join('；') || '未注明部署约束，默认混合云'}。`,
    refs: refsOf([...profile.noPublicSaas.facts, ...profile.xinchuang.facts, ...profile.locations.flatMap((l) => l.facts)]),
  };
}

function infrastructureSummary(ctx: EngineContext): Point | undefined {
  const infra = (ctx.facts.bySection.get('基础设施现状') ?? []).filter((f) => f.value);
  if (infra.length === 0) return undefined;
  return { text: `现状：${infra.map((f) => (f.key ? `${f.key}为${f.value}` : f.value)).join('；')}。`, refs: refsOf(infra) };
}

function paymentFacts(ctx: EngineContext): Fact[] {
  return (ctx.facts.bySection.get('预算限制') ?? []).filter((f) => f.fieldPath.includes('付费偏好') && f.value);
}

function paymentPreference(ctx: EngineContext): string {
  return paymentFacts(ctx)
    .map((f) => f.value)
    .join('；');
}

/** A pain point restated with what it means for the solution (the rules that answer it). */
function interpretPain(ctx: EngineContext, f: Fact): string {
  const answers = ctx.hits.filter((h) => h.evidence.includes(f)).map((h) => h.rule.title);
  const label = f.key ?? '痛点';
  return answers.length > 0 ? `${label}：${f.value} —— 指向${answers.slice(0, 3).join('、')}。` : `${label}：${f.value}。`;
}
