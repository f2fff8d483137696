/**
 * 实施建议: milestones that fit the intake's deadline (phases with durations and
 * deliverables), then the architecture, operations and training advice the rules produce.
 */
import type { EngineContext } from '../context';
import { hitsFor } from '../context';
import { refsOf } from '../profile';
import type { Milestone, Point, ReportModel } from '../reportModel';

/** Phase shares of the whole timeline; they sum to 1. */
const PHASES: { id: string; name: string; share: number }[] = [
  { id: 'M0', name: '准备与POC', share: 0.12 },
  { id: 'M1', name: '基础平台与集成', share: 0.26 },
  { id: 'M2', name: '试点上线', share: 0.27 },
  { id: 'M3', name: '推广与优化', share: 0.23 },
  { id: 'M4', name: '稳定运行与验收', share: 0.12 },
];

const WEEKS_PER_MONTH = 52 / 12;

export function buildImplementation(ctx: EngineContext): ReportModel['implementation'] {
  const months = ctx.profile.deadlineMonths.value;
  const totalWeeks = Math.max(PHASES.length, Math.round(months * WEEKS_PER_MONTH));
  const milestones = planMilestones(ctx, totalWeeks);
  const advice: Point[] = hitsFor(ctx, '实施建议').map((h) => ({ text: `${h.rule.title}：${h.rule.recommendation}`, refs: refsOf(h.evidence) }));
  advice.push(
    { text: '运维：指标、日志、链路统一接入可观测平台，定义SLO与告警；关键变更设维护窗口与回退方案，季度容灾演练。', refs: [] },
    { text: '培训与变更管理：按角色（运维、开发、业务）分批培训，SOP嵌入日常工具；以KPI验收（见成本效益分析）。', refs: [] },
  );
  const deadline = ctx.profile.deadlineMonths.assumed ? `约${months}个月（假设：调研表未给出期限）` : `${months}个月`;
  return { totalWeeks, deadline, deadlineRefs: refsOf(ctx.profile.deadlineMonths.facts), milestones, advice };
}

function planMilestones(ctx: EngineContext, totalWeeks: number): Milestone[] {
  // Largest-remainder rounding, so the phases add up to the whole timeline exactly.
  const raw = PHASES.map((p) => p.share * totalWeeks);
  const weeks = raw.map((w) => Math.max(1, Math.floor(w)));
  let left = totalWeeks - weeks.reduce((a, b) => a + b, 0);
  const order = raw.map((w, i) => ({ i, frac: w - Math.floor(w) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) weeks[order[k]!.i]!++;
  for (let i = weeks.length - 1; left < 0 && i >= 0; i--) {
    while (left < 0 && weeks[i]! > 1) {
      weeks[i]!--;
      left++;
    }
  }
  const names = ctx.categories.map((c) => c.category.name);
  const deliverables: string[][] = [
    ['需求蓝图与验收指标', `POC：${names.slice(0, 3).join('、') || '核心组件'}各选2–3家比对`, '合规差距评估'],
    [`${names.slice(0, 2).join('、') || '平台'}环境搭建`, '网络与安全基线', '遗留系统接口与数据迁移方案'],
    ['试点业务上线', '监控与告警接入', '性能与容灾演练'],
    ['全面推广与数据迁移', '性能调优与成本优化', '运维交接与培训'],
    ['SLA/KPI验收报告', '合规测评或审计材料', '下一阶段路线图'],
  ];
  let start = 0;
  return PHASES.map((p, i) => {
    const m: Milestone = { id: p.id, name: p.name, startWeek: start, weeks: weeks[i]!, deliverables: deliverables[i]! };
    start += weeks[i]!;
    return m;
  });
}
