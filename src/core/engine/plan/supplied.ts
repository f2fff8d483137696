/**
 * A platform layer the customer has without buying it (categories.yaml `suppliedBy`): a server OS
 * comes with the hosts and VM images of the 政务云 its systems run on, or is the 信创-adapted
 * domestic one it runs already (麒麟 on 鲲鹏). The plan then has no system of the kind (needs.ts),
 * and the report says what the customer has of it instead.
 */
import { CLAUSE_SEPARATOR_NO_LIST, clauseAround } from '../../facts/lines';
import type { Understanding } from '../understand';
import { uniqueAscending } from '../uniqueAscending';
import { keptPerCategory } from './perCategory';

export interface Supplied {
  /** The cloud that supplies it, as written up to its word ("市政务云"). */
  clouds: string[];
  /** The customer's 信创-adapted domestic products of the kind, as written ("麒麟"). */
  kept: string[];
  refs: number[];
}

/** A cloud written as not there, or not yet: "无政务云", "计划建设政务云". Bounded, linear. */
const NOT_THERE = /^(?:无|没有|暂无|尚无|未)|规划|计划|拟建|筹建|在建|尚未|将/;

/**
 * The cloud of `words` the customer's systems run on, as written on its 基础设施现状 line up to the
 * word ("市政务云"), not one it tried (历史应对), has not, or plans.
 */
function runsOnCloud(words: readonly string[], u: Understanding): { names: string[]; refs: number[] } {
  const names: string[] = [];
  const refs: number[] = [];
  for (const f of u.usable) {
    if (f.section !== '基础设施现状' || f.fieldPath.includes('历史应对')) continue;
    for (const word of words) {
      const at = f.value.indexOf(word);
      if (at < 0) continue;
      const { start, end } = clauseAround(f.value, at, CLAUSE_SEPARATOR_NO_LIST);
      const clause = f.value.slice(start, end);
      const before = clause.slice(0, clause.indexOf(word));
      if (NOT_THERE.test(clause.trim()) || NOT_THERE.test(before)) continue;
      // "市政务云（华为云Stack…）": the name up to the word, from the clause's start.
      const name = `${before}${word}`.replace(/^[\s(（]+/, '');
      if (!names.includes(name)) names.push(name);
      refs.push(f.line + 1);
    }
  }
  return { names, refs };
}

/** What the customer has of `category` without buying it, if the category is such a layer and it has. */
export const suppliedWithout = keptPerCategory(findSupplied);

function findSupplied(category: string, u: Understanding): Supplied | undefined {
  const supplied = u.kb.category(category)?.suppliedBy;
  if (!supplied) return undefined;
  const runs = u.model.estate.products.filter((p) => p.categories.includes(category));
  const adapted = runs.filter((p) => {
    const product = p.product === undefined ? undefined : u.kb.product(p.product);
    return product !== undefined && product.origin !== 'intl' && product.xinchuang.adapted;
  });
  // A product of the kind still to move (CentOS): the plan has its servers to equip.
  if (adapted.length < runs.length) return undefined;
  const cloud = runsOnCloud(supplied.clouds, u);
  if (cloud.names.length === 0 && adapted.length === 0) return undefined;
  return { clouds: cloud.names, kept: adapted.map((p) => p.written), refs: uniqueAscending([...cloud.refs, ...adapted.flatMap((p) => p.refs)]) };
}

/**
 * What the report says of the layers 信创 asks for that the customer has without buying them:
 * "服务器操作系统由市政务云随云主机提供（现有麒麟），本期不另购。" Empty when there is none. Only the
 * layers the plan was asked for: needs.ts asks `suppliedWithout` of each system type it would
 * build, and the answers are kept per understanding (reading every category's `suppliedBy` would
 * parse every category's details, lazyDetails.ts).
 */
export function suppliedSentence(u: Understanding): string {
  const out: string[] = [];
  for (const [category, s] of suppliedWithout.answered(u)) {
    if (!s) continue;
    const c = u.kb.category(category);
    // Only where 信创 asks for the layer: elsewhere the report need not say it has one.
    if (!c?.xinchuangLayer || !(u.constraintKinds.has('xinchuang-full') || u.domesticLayers.has(c.xinchuangLayer))) continue;
    const names = s.kept.join('、');
    out.push(
      s.clouds.length > 0
        ? `${c.name}由${s.clouds.join('、')}随云主机提供${names ? `（现有${names}）` : ''}，本期不另购。`
        : `${c.name}沿用现有的${names}，已是国产信创产品，本期不另购。`,
    );
  }
  return out.join('');
}
