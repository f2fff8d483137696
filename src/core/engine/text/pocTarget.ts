/**
 * Which of the customer's measurable targets a two-to-four-week POC can measure: the POC step
 * (write/report.ts) accepts a system on these, and a system's acceptance target (plan/targets.ts)
 * says whether the POC or the rollout proves it.
 */
import { holdsAny } from '../../text/holdsAny';
import { startsWithAny } from '../../text/affix';
import { findFigures } from './figures';
import { measures } from './restate';
import { memoByText } from '../../text/memo';

/** Units a POC can measure in weeks: time and throughput. */
const POC_UNITS = new Set(['ms', '毫秒', '秒', 's', '分钟', '小时', '天', '工作日', 'TPS', 'QPS', 'RPS']);

/** What is measured after the rollout, not in a POC. */
const AFTER_ROLLOUT = ['上线', '建成', '接入全部', '评级', '评价', '测评', '认证', '成本', '费用', '支出', '人力', '索赔', '损失', '覆盖', '纳管率', '联网率'];

/**
 * Whether a target can be measured in a two-to-four-week POC: a time or a throughput (医嘱回传延迟<5秒,
 * 联机交易平均响应<200ms, 开盘峰值支撑5万笔/秒), or an error rate measured on replayed data (超卖率,
 * 识别准确率). A cost saving, a coverage over the whole estate (联网率95%), a rating or a go-live is
 * measured after the rollout.
 */
export const pocTestable: (clause: string) => boolean = memoByText(measurableInPoc);

/**
 * {@link pocTestable}, worked out: a report asks it of the same goal clauses for every POC step
 * (measurableTargets, twice per pick) and the targets (plan/targets.ts), so it is kept per clause.
 */
function measurableInPoc(clause: string): boolean {
  const rate = throughput(clause);
  if (!(measures(clause) || rate) || holdsAny(clause, AFTER_ROLLOUT)) return false;
  const units = findFigures(clause).map((f) => f.unit);
  return rate || units.some((x) => POC_UNITS.has(x)) || (units.includes('%') && /超卖|准确|误报|识别|直通|命中|丢包|成功率/.test(clause));
}

/** Whether a clause gives a rate per second (开盘峰值支撑5万笔/秒, 每秒3000单): a throughput a POC loads. */
export function throughput(clause: string): boolean {
  return clause.includes('每秒') || findFigures(clause).some((f) => startsWithAny(clause.slice(f.end), ['/秒', '／秒', '/s']));
}
