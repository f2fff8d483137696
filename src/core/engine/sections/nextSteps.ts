/** 下一步建议: concrete, ordered next actions — POC, compliance path, open questions. */
import type { EngineContext } from '../context';
import { hitsFor } from '../context';
import { refsOf } from '../profile';
import type { Point } from '../reportModel';

export function buildNextSteps(ctx: EngineContext, incomplete: readonly string[]): Point[] {
  const steps: Point[] = [];
  const top = ctx.categories.slice(0, 3);
  if (top.length > 0) {
    steps.push({ text: `组织2–4周POC：${top.map((c) => c.category.name).join('、')}各选2–3家短名单产品，以调研表中的量化指标为验收标准。`, refs: refsOf(top.flatMap((c) => c.facts)) });
  }
  for (const f of ctx.profile.frameworks) {
    steps.push({ text: `确认${f.framework.name}的合规路径：${f.framework.outcomeNote}`, refs: refsOf(f.facts) });
  }
  for (const h of hitsFor(ctx, '下一步建议')) steps.push({ text: `${h.rule.title}：${h.rule.recommendation}`, refs: refsOf(h.evidence) });
  if (ctx.findings.length > 0) steps.push({ text: `与客户澄清调研表中的${ctx.findings.length}处矛盾或不准确之处（见风险提示）。`, refs: refsOf([]) });
  if (incomplete.length > 0) steps.push({ text: `补充调研信息：${incomplete.join('、')}。`, refs: [] });
  steps.push({ text: '制定分阶段上线计划与SLA，并与厂商签订可量化的服务指标与退出条款。', refs: [] });
  return steps;
}
