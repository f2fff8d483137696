/**
 * The 等保 level the intake states for the project's system ("等保2.0二级", "等保三级测评"): one
 * reading for all that depends on it — the trait mlps-3plus (密评 brought in), the testing fee and
 * its interval (plan/costs.ts), and the 关键特性 line of the framework (frameworks.yaml
 * `levelSummaries`).
 */
import type { Fact } from '../../facts/facts';

/** The levels read, as frameworks.yaml's `levels` of mlps-2 name them. */
export type MlpsLevel = '第二级' | '第三级' | '第四级';

/** The framework whose level this is (frameworks.yaml). */
export const MLPS_FRAMEWORK = 'mlps-2';

/**
 * A level written within a clause after 等保 ("等保2.0二级", "等保第三级"): 二级, 2级, 第二级
 * and the same for 三级 and 四级. Linear: one bounded class, then fixed characters.
 */
const STATED_LEVEL = /等保[^，；。]{0,8}([二三四234])级/g;

const LEVEL: Record<string, MlpsLevel> = { 二: '第二级', 2: '第二级', 三: '第三级', 3: '第三级', 四: '第四级', 4: '第四级' };

const RANK: Record<MlpsLevel, number> = { 第二级: 2, 第三级: 3, 第四级: 4 };

/**
 * The highest 等保 level any line states, or undefined where none states one: a customer that
 * names 第三级 for one system and 第二级 for another is tested at least yearly.
 */
export function statedMlpsLevel(facts: readonly Pick<Fact, 'value'>[]): MlpsLevel | undefined {
  let level: MlpsLevel | undefined;
  for (const f of facts) {
    for (const m of f.value.matchAll(STATED_LEVEL)) {
      const read = LEVEL[m[1]!];
      if (read && (!level || RANK[read] > RANK[level])) level = read;
    }
  }
  return level;
}
