/**
 * A foreign component past its support that 信创 moves to a domestic product the customer does not
 * run yet (lifecycle.yaml `xinchuangTo`: an Oracle 11g under 全面信创, no 达梦 in use): the
 * domestic product is part of the project. The plan gets the system type the move goes to, with
 * candidates and a price, unless it builds one of those types already (a distributed database for
 * the trading system); and the upgrade line names the plan's pick instead of a list to choose from.
 * A component the customer moves to a domestic product it runs already (lifecycle.ts: "迁移到已在用
 * 的达梦数据库 DM8"), one that goes with what the project replaces, or one of a system the plan does
 * not build ("Oracle 11g（财务系统）" beside a kept finance system) brings nothing.
 */
import type { LifecycleFinding, Option, SystemType } from '../reportModel';
import type { Understanding } from '../understand';
import { knowledgeIndex } from '../text/knowledgeIndexes';
import { uniqueAscending } from '../uniqueAscending';
import { domesticRequirement } from './domestic';

export interface DomesticMove {
  finding: LifecycleFinding;
  /** The system types the move goes to (`xinchuangTo`); the first is the one the plan adds. */
  to: readonly string[];
  /** The finding's lines and the lines of the requirement that makes the move. */
  refs: number[];
}

/**
 * The moves the plan must carry: findings whose path is still the family's domestic move, of a
 * component no other system's, or of one the plan builds (`building`: the plan's categories so far).
 */
export function domesticMoves(u: Understanding, lifecycle: readonly LifecycleFinding[], building: readonly string[]): DomesticMove[] {
  const out: DomesticMove[] = [];
  for (const l of lifecycle) {
    const family = u.kb.family(l.family);
    // Anything else (the domestic product in use, going with a replaced system, "若只承载…") is no purchase.
    if (!family?.xinchuangTo || l.upgrade !== family.xinchuangUpgrade) continue;
    if (servesOther(u, l, building)) continue;
    out.push({ finding: l, to: family.xinchuangTo, refs: uniqueAscending([...l.refs, ...requirementRefs(u, family.xinchuangTo)]) });
  }
  return out;
}

/** Whether the intake writes the component as another system's ("Oracle 11g（财务系统）"), one the plan does not build. */
function servesOther(u: Understanding, l: LifecycleFinding, building: readonly string[]): boolean {
  const p = u.model.estate.products.find((e) => e.family === l.family && e.version === l.version && e.refs.some((r) => l.refs.includes(r)));
  if (!p) return false;
  const served = p.serves !== undefined ? u.model.estate.products.find((e) => e.name === p.serves)?.categories ?? [] : p.servesWritten !== undefined ? knowledgeIndex(u.kb, 'business-categories').find(p.servesWritten).map((h) => h.value.id) : undefined;
  if (served === undefined) return false;
  const kept = new Set(u.kept.map((k) => k.category));
  return !served.some((c) => building.includes(c) && !kept.has(c));
}

/** The lines of the requirement that makes the move: 全面信创, or the one that a layer be domestic (数据库国产化). */
function requirementRefs(u: Understanding, to: readonly string[]): number[] {
  const full = u.model.constraints.filter((c) => c.kind === 'xinchuang-full').flatMap((c) => c.refs);
  if (full.length > 0) return full;
  return to.flatMap((c) => domesticRequirement(c, u)?.refs ?? []);
}

/**
 * The findings with each move's upgrade line naming the recommended option's pick for the system
 * it goes to: "迁移到国产数据库（达梦、人大金仓…），先评估语法兼容度" → "迁移到本方案推荐的达梦数据库
 * DM8，先评估语法兼容度". The list in brackets gives way to the pick (the 实施建议 line drops asides).
 */
export function movesNamingPicks(u: Understanding, lifecycle: readonly LifecycleFinding[], systems: readonly SystemType[], option: Option | undefined): LifecycleFinding[] {
  if (!option) return [...lifecycle];
  const building = systems.map((s) => s.category);
  const moves = new Map(domesticMoves(u, lifecycle, building).map((m) => [m.finding, m]));
  return lifecycle.map((l) => {
    const move = moves.get(l);
    const pick = move ? option.picks.find((p) => move.to.includes(p.category) && !p.existing) : undefined;
    const named = pick ? namedPath(l.upgrade, pick.product.name) : undefined;
    return named ? { ...l, upgrade: named } : l;
  });
}

/** "…迁移到国产数据库（list）tail" with `name` in place of the kind and its list; undefined for another shape. */
function namedPath(path: string, name: string): string | undefined {
  const to = path.indexOf('迁移到');
  const open = path.indexOf('（', to);
  const close = path.indexOf('）', open);
  if (to < 0 || open < 0 || close < 0) return undefined;
  return `${path.slice(0, to)}迁移到本方案推荐的${name}${path.slice(close + 1)}`;
}
