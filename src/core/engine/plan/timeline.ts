/**
 * Timelines per domain: phase templates keyed by the core system and the industry (core banking
 * needs migration rehearsals and a parallel run; a hospital the 电子病历分级评价 and 互联互通测评
 * calendar; regulated projects their 等保/密评 testing windows; pharmaceuticals computerised-system
 * validation), fitted to the deadline — or plainly not feasible within it.
 */
import type { Phase, Timeline } from '../reportModel';
import type { Understanding } from '../understand';

interface Template {
  id: string;
  phases: Array<{ name: string; min: number; typical: number; deliverables: string[] }>;
  note?: string;
}

const WEEKS_PER_MONTH = 52 / 12;

function templateFor(u: Understanding, regulated: { mlps: boolean; crypto: boolean }): Template {
  const core = u.model.coreSystem.inScope ? u.model.coreSystem.category : undefined;
  const industry = u.industry?.id;
  const testing = regulated.mlps || regulated.crypto;
  const windows = [regulated.mlps ? '等保测评' : '', regulated.crypto ? '密评' : ''].filter(Boolean);
  const test = testing ? [{ name: `${windows.join('、')}与整改`, min: 4, typical: 6, deliverables: [...windows.map((w) => `${w}报告`), '整改闭环记录'] }] : [];
  if (core === 'core-banking') {
    return {
      id: 'core-banking',
      phases: [
        { name: '需求与差距分析', min: 8, typical: 12, deliverables: ['业务蓝图与产品目录', '差距清单与改造范围'] },
        { name: '参数配置与开发', min: 26, typical: 36, deliverables: ['产品工厂参数', '外围接口改造'] },
        { name: 'SIT/UAT与性能测试', min: 12, typical: 16, deliverables: ['测试报告', '日终批量与联机压测报告'] },
        { name: '数据迁移演练（至少三轮）', min: 10, typical: 14, deliverables: ['迁移与回退脚本', '三轮演练对账报告'] },
        ...test,
        { name: '并行运行与投产切换', min: 6, typical: 8, deliverables: ['逐日对账记录', '投产与回退方案'] },
      ],
    };
  }
  if (industry === 'pharma') {
    return {
      id: 'gxp',
      phases: [
        { name: '供应商审计与URS', min: 4, typical: 8, deliverables: ['供应商审计报告', '用户需求说明（URS）', '验证总计划'] },
        { name: '配置、开发与仪器/系统接口', min: 14, typical: 24, deliverables: ['功能与设计说明', '接口联调记录'] },
        { name: '验证（IQ/OQ/PQ）', min: 8, typical: 14, deliverables: ['IQ/OQ/PQ报告', '追溯矩阵'] },
        { name: '上线、培训与验证报告', min: 4, typical: 6, deliverables: ['验证总结报告', '培训记录', 'SOP'] },
      ],
      note: '系统须经验证后才能用于GMP活动；欧盟QP审计前准备好验证文档。',
    };
  }
  if (core === 'his-emr' || core === 'his-integration' || industry === 'healthcare') {
    return {
      id: 'hospital-rating',
      phases: [
        { name: '评级差距评估与方案', min: 4, typical: 6, deliverables: ['分级评价与互联互通差距清单', '整改方案'] },
        { name: '集成平台与主数据', min: 12, typical: 16, deliverables: ['集成平台与EMPI上线', '接口迁移清单'] },
        { name: '临床系统改造与接口迁移', min: 12, typical: 18, deliverables: ['EMR功能改造', '接口统一纳管'] },
        { name: '数据质量治理与自评', min: 6, typical: 8, deliverables: ['数据质量核查报告', '自评报告'] },
        ...test,
        { name: '申报材料与迎评', min: 4, typical: 6, deliverables: ['申报材料', '现场查验准备'] },
      ],
      note: '电子病历分级评价与互联互通测评按国家卫生健康委当年通知的申报窗口安排（通常上半年申报、下半年评审），以当年通知为准。',
    };
  }
  if (core === 'oms' || industry === 'retail-ecommerce') {
    return {
      id: 'oms',
      phases: [
        { name: '蓝图与选型POC', min: 3, typical: 4, deliverables: ['订单与库存蓝图', 'POC结论'] },
        { name: '开发与渠道/仓库集成', min: 8, typical: 12, deliverables: ['渠道与WMS接口', '库存中心'] },
        { name: '全链路压测与大促演练', min: 3, typical: 4, deliverables: ['压测报告', '降级与应急预案'] },
        { name: '灰度切换', min: 2, typical: 3, deliverables: ['渠道分批切换', '对账报告'] },
        { name: '大促保障与稳定', min: 2, typical: 4, deliverables: ['大促保障报告'] },
      ],
      note: '大促前至少两周封网，切换须在封网前完成。',
    };
  }
  if (core === 'mes') {
    return {
      id: 'mes',
      phases: [
        { name: '蓝图、主数据与POC', min: 6, typical: 8, deliverables: ['MES蓝图', '主数据与编码规则', '设备接入清单'] },
        { name: '试点产线', min: 12, typical: 16, deliverables: ['试点产线上线', '追溯闭环验证'] },
        { name: '各工厂推广', min: 16, typical: 24, deliverables: ['分批上线计划', '各厂上线报告'] },
        ...test,
        { name: '稳定与OEE分析', min: 4, typical: 6, deliverables: ['KPI看板', '运维交接'] },
      ],
    };
  }
  if (core === 'sis' || core === 'lms') {
    return {
      id: 'campus',
      phases: [
        { name: '需求与方案', min: 3, typical: 4, deliverables: ['选课与教学平台方案', '数据同步方案'] },
        { name: '建设与集成', min: 8, typical: 12, deliverables: ['教务升级', '统一身份与课表同步'] },
        { name: '压测与选课演练', min: 3, typical: 4, deliverables: ['全链路压测报告', '选课应急预案'] },
        ...test,
        { name: '假期切换与开学保障', min: 2, typical: 3, deliverables: ['切换报告', '选课保障'] },
      ],
      note: '切换安排在寒暑假，开学选课前完成演练。',
    };
  }
  if (core === 'tms' || core === 'wms') {
    return {
      id: 'logistics',
      phases: [
        { name: '蓝图与线路数据准备', min: 3, typical: 4, deliverables: ['TMS蓝图', '线路、车型与时窗数据'] },
        { name: '配置与WMS/EDI集成', min: 8, typical: 12, deliverables: ['运单与调度配置', 'WMS与客户EDI接口'] },
        { name: '试点线路', min: 6, typical: 8, deliverables: ['试点线路运行报告', '排线效果对比'] },
        { name: '全网推广', min: 6, typical: 10, deliverables: ['分区域上线', '司机端培训'] },
      ],
    };
  }
  if (core === 'scada-ems') {
    return {
      id: 'centralised-monitoring',
      phases: [
        { name: '设计与安全防护方案', min: 6, typical: 8, deliverables: ['集控主站设计', '安全防护方案与评估'] },
        { name: '集控主站建设', min: 10, typical: 14, deliverables: ['主站上线', '测点模型'] },
        { name: '场站分批接入', min: 12, typical: 18, deliverables: ['各批接入报告', '告警规则'] },
        ...test,
        { name: '联调与验收', min: 4, typical: 6, deliverables: ['联调报告', '验收报告'] },
      ],
    };
  }
  if (core === 'mam') {
    return {
      id: 'media',
      phases: [
        { name: '设计与存储选型', min: 4, typical: 6, deliverables: ['媒资与存储方案', '元数据映射'] },
        { name: '平台建设与系统对接', min: 10, typical: 14, deliverables: ['新媒资上线', '制作与发布对接'] },
        { name: '历史素材迁移', min: 8, typical: 12, deliverables: ['分批迁移记录', '校验报告'] },
        ...test,
        { name: '切换与保障', min: 2, typical: 4, deliverables: ['切换报告', '直播保障预案'] },
      ],
    };
  }
  if (core === 'gov-service') {
    return {
      id: 'government',
      phases: [
        { name: '事项梳理与方案', min: 6, typical: 8, deliverables: ['事项与材料清单', '共享数据目录'] },
        { name: '平台建设与部门对接', min: 12, typical: 16, deliverables: ['统一受理上线', '部门系统与证照对接'] },
        { name: '试运行', min: 4, typical: 6, deliverables: ['试运行报告'] },
        ...test,
        { name: '验收', min: 2, typical: 3, deliverables: ['验收报告'] },
      ],
    };
  }
  return {
    id: 'platform',
    phases: [
      { name: '现状评估与POC', min: 3, typical: 4, deliverables: ['基线测量', 'POC结论'] },
      { name: '设计与基础环境', min: 4, typical: 6, deliverables: ['目标架构', '网络与安全基线'] },
      { name: '试点迁移', min: 4, typical: 8, deliverables: ['试点业务上线', '监控与告警接入'] },
      { name: '推广与优化', min: 4, typical: 6, deliverables: ['全面切换', '性能与成本优化'] },
      ...test,
      { name: '稳定与验收', min: 2, typical: 3, deliverables: ['SLA/KPI验收报告', '运维交接'] },
    ],
  };
}

export function planTimeline(u: Understanding, regulated: { mlps: boolean; crypto: boolean }): Timeline {
  const t = templateFor(u, regulated);
  const minimum = t.phases.reduce((a, p) => a + p.min, 0);
  const typical = t.phases.reduce((a, p) => a + p.typical, 0);
  const months = u.model.deadline.months;
  const deadlineWeeks = months !== undefined ? Math.round(months * WEEKS_PER_MONTH) : undefined;
  let weeks: number[];
  let feasible = true;
  let statement: string;
  if (deadlineWeeks === undefined) {
    weeks = t.phases.map((p) => p.typical);
    statement = `调研表未给出期限，按常规节奏约${Math.round(typical / WEEKS_PER_MONTH)}个月。`;
  } else if (deadlineWeeks >= typical) {
    weeks = t.phases.map((p) => p.typical);
    const spare = deadlineWeeks - typical;
    statement = `按常规节奏约需${Math.round(typical / WEEKS_PER_MONTH)}个月，${spare >= 4 ? `${months}个月的期限留有约${Math.round(spare / WEEKS_PER_MONTH)}个月余量` : `与${months}个月的期限基本吻合，没有余量`}。`;
  } else if (deadlineWeeks >= minimum) {
    const share = (deadlineWeeks - minimum) / Math.max(1, typical - minimum);
    weeks = fit(t.phases.map((p) => p.min + (p.typical - p.min) * share), deadlineWeeks);
    statement = `${months}个月期限偏紧：各阶段须按最短周期推进，并行开展测试与培训。`;
  } else {
    feasible = false;
    weeks = t.phases.map((p) => p.min);
    const firstFits = prefixWithin(t.phases.map((p) => p.min), deadlineWeeks);
    statement = `${months}个月内全部完成不可行：最短约${Math.ceil(minimum / WEEKS_PER_MONTH)}个月。${firstFits > 0 ? `建议期限内完成前${firstFits}个阶段（${t.phases.slice(0, firstFits).map((p) => p.name).join('、')}），其余分期。` : '建议与客户重新确认期限或缩小一期范围。'}`;
  }
  if (t.note) statement += t.note;
  let start = 0;
  const phases: Phase[] = t.phases.map((p, i) => {
    const phase: Phase = { number: i + 1, name: p.name, startWeek: start, weeks: Math.max(1, weeks[i]!), deliverables: p.deliverables };
    start += phase.weeks;
    return phase;
  });
  return { template: t.id, totalWeeks: start, minimumWeeks: minimum, ...(months !== undefined ? { deadlineMonths: months } : {}), feasible, statement, phases, refs: u.model.deadline.refs };
}

/** Rounds phase lengths so they add up to `total` exactly (largest remainder). */
function fit(raw: number[], total: number): number[] {
  const weeks = raw.map((w) => Math.max(1, Math.floor(w)));
  let left = total - weeks.reduce((a, b) => a + b, 0);
  const order = raw.map((w, i) => ({ i, frac: w - Math.floor(w) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) weeks[order[k]!.i]!++;
  return weeks;
}

function prefixWithin(weeks: number[], limit: number): number {
  let sum = 0;
  let n = 0;
  for (const w of weeks) {
    if (sum + w > limit) break;
    sum += w;
    n++;
  }
  return n;
}
