/**
 * The scope of a system type (categories.yaml `scopes`): the narrower system of the kind that the
 * intake asks for, with its own name, POC and price. A drinks brand's "一物一码防窜货" is a
 * channel one-code (codes bound to dealers and regions at shipping, scanned by dealers, salesmen
 * and consumers), not a dairy's traceability from the raw milk priced by plant; a dealer group's
 * "财务统一到集团账套" is the ERP's finance modules for its stores, not a manufacturing ERP.
 */
import type { Category, CategoryScope } from '../../knowledge/schema';
import type { SystemType } from '../reportModel';
import type { Understanding } from '../understand';
import { holdsAnyCaseless } from '../../text/holdsAny';

/** The sections whose lines say what the customer asks for as a whole: a narrower scope yields to them. */
const ASKS = new Set(['核心目标', '当前痛点']);


/**
 * The scope a system of the category takes, from the lines that bring it into the plan (`refs`,
 * 1-based), and those of the sections its `wordsAlsoIn` names: the first whose words one of them
 * names, unless a goal or pain of the intake names one of its notWords, or any line one of its
 * `notAnywhere` (then the whole system is asked for).
 */
export function scopeFor(category: Category | undefined, refs: readonly number[], u: Understanding): CategoryScope | undefined {
  const scopes = category?.scopes;
  if (!scopes) return undefined;
  const asks = u.usable.filter((f) => ASKS.has(f.section)).map((f) => f.value);
  return scopes.find((s) => {
    const own = u.usable.filter((f) => refs.includes(f.line + 1) || (s.wordsAlsoIn?.includes(f.section) ?? false)).map((f) => f.value);
    return own.some((t) => holdsAnyCaseless(t, s.words)) && !asks.some((t) => holdsAnyCaseless(t, s.notWords ?? [])) && !u.usable.some((f) => holdsAnyCaseless(f.value, s.notAnywhere ?? []));
  });
}

/** The scope the plan chose for a system (its `scope`), as the category gives it. */
export function scopeOf(u: Understanding, system: Pick<SystemType, 'category' | 'scope'> | undefined): CategoryScope | undefined {
  if (system?.scope === undefined) return undefined;
  return u.kb.category(system.category)?.scopes?.find((s) => s.id === system.scope);
}
