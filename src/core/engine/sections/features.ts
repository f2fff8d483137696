/** 关键特性: the capabilities the chosen categories bring, and the rules that call for specific ones. */
import type { EngineContext } from '../context';
import { hitsFor } from '../context';
import { refsOf } from '../profile';
import type { Point } from '../reportModel';

export function buildFeatures(ctx: EngineContext): Point[] {
  const points: Point[] = ctx.categories.map((c) => ({ text: `${c.category.name}：${c.category.features.join('、')}`, refs: refsOf(c.facts) }));
  for (const h of hitsFor(ctx, '关键特性')) points.push({ text: `${h.rule.title}：${h.rule.recommendation}`, refs: refsOf(h.evidence) });
  const frameworks = ctx.profile.frameworks;
  if (frameworks.length > 0) {
    points.push({
      text: `安全与合规：${frameworks.map((f) => `${f.framework.name} ${f.framework.currentVersion}（${f.framework.outcomeNote}）`).join('；')}`,
      refs: refsOf(frameworks.flatMap((f) => f.facts)),
    });
  }
  return points;
}
