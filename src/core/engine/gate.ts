/**
 * The quality gate: an intake that is blank, or so thin that a recommendation would be guesswork,
 * gets a clarification brief instead of a report.
 */
import type { Understanding } from './understand';

export interface GateResult {
  brief: boolean;
  /** What is missing, in the brief's introduction. */
  missing: string[];
  score: number;
}

/** Points per kind of information; a report needs the industry, a pain or a goal, and 6 points. */
export function qualityGate(u: Understanding): GateResult {
  const m = u.model;
  const missing: string[] = [];
  let score = 0;
  const has = (points: number, ok: boolean, name: string) => {
    if (ok) score += points;
    else missing.push(name);
  };
  has(2, m.industry.written.length > 0 || m.industry.id !== undefined, '行业');
  has(1, m.industry.segment.length > 0, '细分业务');
  has(1, !m.scale.assumed, '业务规模');
  has(2, m.pains.length > 0, '具体痛点');
  has(2, m.mainGoal !== undefined, '首要目标');
  has(2, m.estate.clouds.length > 0 || m.estate.onPrem.length > 0 || m.estate.products.length > 0, '现有环境');
  has(1, m.budget.total !== undefined, '预算');
  has(1, m.constraints.length > 0 || m.integrations.length > 0 || m.sla.availability !== undefined || u.statedFrameworks.size > 0 || u.statedRules.length > 0, '约束与合规');
  const brief = !(m.industry.written || m.industry.id) || (m.pains.length === 0 && !m.mainGoal) || score < 6;
  return { brief, missing, score };
}
