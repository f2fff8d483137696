/** Everything the section builders share: the facts, the profile, the rule hits, the chosen categories. */
import type { IntakeDiagnostic } from '../diagnostics';
import type { KnowledgeBase } from '../knowledge/knowledge';
import type { Category } from '../knowledge/schema';
import type { Fact, IntakeFacts } from '../facts/facts';
import type { Profile } from './profile';
import type { RuleHit } from './rules';

export interface CategoryChoice {
  category: Category;
  reason: string;
  facts: Fact[];
  /** Products that matched rules name for this category, preferred in the shortlist. */
  preferred: string[];
}

export interface EngineContext {
  kb: KnowledgeBase;
  facts: IntakeFacts;
  profile: Profile;
  hits: RuleHit[];
  /** Analysis findings for this intake (budget, SLA, latency, standards). */
  findings: IntakeDiagnostic[];
  categories: CategoryChoice[];
}

export function hitsFor(ctx: EngineContext, section: RuleHit['rule']['section']): RuleHit[] {
  return ctx.hits.filter((h) => h.rule.section === section);
}
