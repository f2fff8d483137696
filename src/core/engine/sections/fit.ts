/** 适用性分析: how the solution answers each stated pain point and goal, one by one. */
import type { EngineContext } from '../context';
import type { Fact } from '../../facts/facts';
import { refsOf } from '../profile';
import type { Point } from '../reportModel';

export function buildFit(ctx: EngineContext): Point[] {
  const points: Point[] = [];
  for (const f of ctx.profile.painPoints) points.push(answer(ctx, f, '痛点'));
  for (const f of ctx.profile.goals) points.push(answer(ctx, f, '目标'));
  for (const f of ctx.profile.compliance) points.push(answer(ctx, f, '合规'));
  for (const f of ctx.profile.legacy) points.push(answer(ctx, f, '集成'));
  if (points.length === 0) points.push({ text: '调研表未给出痛点与目标，无法逐条做适用性分析；请补充[当前痛点]与[核心目标]。', refs: [], assumption: true });
  return points;
}

function answer(ctx: EngineContext, f: Fact, kind: string): Point {
  const hits = ctx.hits.filter((h) => h.evidence.includes(f));
  const label = `${kind}「${f.value}」`;
  if (hits.length > 0) {
    return {
      text: `${label}：${hits
        .slice(0, 3)
        .map((h) => h.rule.title)
        .join('；')}。`,
      refs: refsOf([f]),
      children: hits.slice(0, 3).map((h) => ({ text: h.rule.recommendation, refs: refsOf(h.evidence) })),
    };
  }
  const frameworks = ctx.profile.frameworks.filter((x) => x.facts.includes(f));
  if (frameworks.length > 0) {
    return {
      text: `${label}：${frameworks.map((x) => `${x.framework.name}（现行${x.framework.currentVersion}）— ${x.framework.requires}`).join('；')}`,
      refs: refsOf([f]),
    };
  }
  const systems = ctx.categories.slice(0, 3).map((c) => c.category.name);
  return { text: `${label}：由${systems.join('、') || '推荐方案'}共同支撑，需在POC中以量化指标验证。`, refs: refsOf([f]) };
}
