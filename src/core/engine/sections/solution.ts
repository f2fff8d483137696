/** 推荐系统方案: the system types, option A (国产优先) and option B (international), each with scored shortlists. */
import type { CategoryChoice, EngineContext } from '../context';
import { hitsFor } from '../context';
import { refsOf } from '../profile';
import type { Point, ReportModel, Shortlist, SolutionOption } from '../reportModel';
import { shortlist, type OptionId } from '../shortlist';

export function buildSolution(ctx: EngineContext): ReportModel['solution'] {
  const systemTypes: Point[] = ctx.categories.map((c) => ({
    text: `${c.category.name}（${c.category.nameEn}）：${c.category.purpose}依据：${c.reason}。`,
    refs: refsOf(c.facts),
  }));
  const recommendA = preferDomestic(ctx);
  const options: [SolutionOption, SolutionOption] = [
    {
      id: 'A',
      title: '方案A：国产优先',
      summary: summaryA(ctx),
      recommended: recommendA,
      shortlists: ctx.categories.map((c) => shortlistFor(ctx, c, 'A')),
      pros: ['中国区交付与本地化服务能力强，满足信创与数据本地化要求', '许可与实施成本通常较低，议价空间大'],
      cons: ['海外区域覆盖与国际合规认证相对有限', '部分产品生态与国际标准对接需额外适配'],
    },
    {
      id: 'B',
      title: '方案B：国际方案',
      summary: summaryB(ctx),
      recommended: !recommendA,
      shortlists: ctx.categories.map((c) => shortlistFor(ctx, c, 'B')),
      pros: ['全球区域覆盖与国际合规认证（SOC 2、ISO 27001、PCI DSS等）成熟', '产品功能深、国际最佳实践丰富'],
      cons: ['总体成本较高', '中国区可用性、信创与国产数据库要求难以满足'],
    },
  ];
  const notes: Point[] = hitsFor(ctx, '推荐系统方案').map((h) => ({ text: `${h.rule.title}：${h.rule.recommendation}`, refs: refsOf(h.evidence) }));
  if (ctx.profile.noPublicSaas.value) notes.push({ text: '调研表排除公有云SaaS：两个方案中仅SaaS交付的产品已降分，优先私有化或混合部署版本。', refs: refsOf(ctx.profile.noPublicSaas.facts) });
  if (ctx.profile.xinchuang.value) notes.push({ text: '调研表有信创/国产化要求：方案A为主方案，方案B仅作对照。', refs: refsOf(ctx.profile.xinchuang.facts) });
  return { systemTypes, options, notes };
}

/** Domestic-first is recommended when the work is China-hosted or 信创 is required, unless the footprint is mainly overseas. */
function preferDomestic(ctx: EngineContext): boolean {
  const p = ctx.profile;
  if (p.xinchuang.value) return true;
  if (p.chinaHosted.value && !p.international.value) return true;
  if (!p.chinaHosted.value && p.international.value) return false;
  const cn = p.locations.filter((l) => /中国|china/i.test(l.location.country)).length;
  const abroad = p.locations.length - cn;
  return cn >= abroad && p.chinaHosted.value;
}

function summaryA(ctx: EngineContext): string {
  const p = ctx.profile;
  const reasons = [p.xinchuang.value ? '满足信创要求' : '', p.chinaHosted.value ? '覆盖中国区部署与等保/个保法合规' : '', p.international.value ? '海外部分可与方案B组件混合' : ''].filter(Boolean);
  return `以国产与开源产品为主，${reasons.join('，') || '控制成本并保留替换空间'}。`;
}

function summaryB(ctx: EngineContext): string {
  const p = ctx.profile;
  const reasons = [p.international.value ? '覆盖海外区域与国际合规' : '', p.chinaHosted.value ? '中国区部分需选择在华运营的版本或由本地合作伙伴交付' : ''].filter(Boolean);
  return `以国际主流产品为主，${reasons.join('，') || '功能成熟、全球最佳实践丰富'}。`;
}

function shortlistFor(ctx: EngineContext, c: CategoryChoice, option: OptionId): Shortlist {
  return {
    category: c.category.id,
    categoryName: c.category.name,
    reason: c.reason,
    refs: refsOf(c.facts),
    products: shortlist(c.category.id, option, ctx.profile, ctx.kb, c.preferred),
  };
}
