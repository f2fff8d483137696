import type { Fact } from '../../facts/facts';
import type { RuleHit } from '../rules';
import { uniqueAscending } from '../uniqueAscending';

/**
 * Rule hits by the facts that triggered them, for the plan (needs.ts): which hits a need's lines
 * triggered, and whether any did. Asked by scanning every hit's triggers against every need's
 * lines, that was a few thousand calls of small closures a report, run by the interpreter (and
 * then compiled by the optimising compiler) in the first reports of an editor session.
 */
export class TriggerIndex {
  /** Per fact, the positions in `hits` of the hits it triggered, ascending. */
  private readonly byFact = new Map<Fact, number[]>();

  constructor(private readonly hits: readonly RuleHit[]) {
    for (let i = 0; i < hits.length; i++) {
      const triggers = hits[i]!.triggers;
      for (let k = 0; k < triggers.length; k++) {
        const at = this.byFact.get(triggers[k]!);
        if (at === undefined) this.byFact.set(triggers[k]!, [i]);
        else if (at[at.length - 1] !== i) at.push(i);
      }
    }
  }

  /** The hits one of `facts` triggered, in the order of `hits`: `hits.filter((h) => h.triggers.some((f) => facts.includes(f)))`. */
  triggeredBy(facts: readonly Fact[]): RuleHit[] {
    const orders: number[] = [];
    for (let k = 0; k < facts.length; k++) {
      const at = this.byFact.get(facts[k]!);
      if (at !== undefined) for (let j = 0; j < at.length; j++) orders.push(at[j]!);
    }
    // One fact's positions are ascending already; several facts' may repeat and interleave.
    const ordered = facts.length > 1 ? uniqueAscending(orders) : orders;
    const out: RuleHit[] = [];
    for (let j = 0; j < ordered.length; j++) out.push(this.hits[ordered[j]!]!);
    return out;
  }
}
