/**
 * Rule texts that quote the customer's own figures. A rule's summary, recommendation or
 * mitigation may hold `{name|fallback}`: the value the understanding gives for `name`, or the
 * fallback when it gives none. Names: `sla-budget` (the stated availability as a downtime
 * budget: "99.99%即每月约4.4分钟、每年约53分钟"); `recovery-target` (the recovery targets as
 * stated, "以RTO<5分钟、RPO=0为核心系统的目标"), `recovery-accept` (the drill held to them,
 * "，以演练实测达到该目标验收"); `outage-target` (the outage limit with the availability,
 * "MES停机不得超过10分钟、99.9%可用性"). Unknown names keep their fallback. Scanned with indexOf,
 * no regular expression.
 */
import { allowedDowntime } from '../../analysis/sla';
import { copyEntry } from '../../knowledge/lazyDetails';
import type { Rule } from '../../knowledge/schema';
import type { RuleHit } from '../rules';
import type { Understanding } from '../understand';

function values(u: Understanding): Record<string, string | undefined> {
  const { availability: a, maxOutageMinutes } = u.model.sla;
  const recovery = u.model.sla.recovery?.text;
  const minutes = (n: number) => (n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10));
  return {
    'sla-budget': a !== undefined && a < 100 ? `${a}%即每月约${minutes(allowedDowntime(a, 'month'))}分钟、每年约${minutes(allowedDowntime(a, 'year'))}分钟` : undefined,
    'recovery-target': recovery !== undefined ? `以${recovery}为核心系统的目标` : undefined,
    'recovery-accept': recovery !== undefined ? '，以演练实测达到该目标验收' : undefined,
    // The outage limit is the recovery target that holds it (an RTO stated beside it is said too).
    'outage-target': maxOutageMinutes !== undefined && recovery !== undefined ? [recovery, ...(a !== undefined ? [`${a}%可用性`] : [])].join('、') : undefined,
  };
}

/** `text` with every `{name|fallback}` filled. */
function fillText(text: string, known: Record<string, string | undefined>): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf('{', at); open >= 0; open = text.indexOf('{', at)) {
    const close = text.indexOf('}', open);
    if (close < 0) break;
    const body = text.slice(open + 1, close);
    const bar = body.indexOf('|');
    const name = bar >= 0 ? body.slice(0, bar) : body;
    const fallback = bar >= 0 ? body.slice(bar + 1) : '';
    out += text.slice(at, open) + (known[name] ?? fallback);
    at = close + 1;
  }
  return out + text.slice(at);
}

/** The hits with their rules' texts filled from the understanding (rules without placeholders are kept as they are). */
export function withCustomerFigures(hits: readonly RuleHit[], u: Understanding): RuleHit[] {
  const known = values(u);
  const fill = (r: Rule): Rule => ({
    // Every field: an embedded rule's details are not its own properties (lazyDetails.ts).
    ...copyEntry(r),
    summary: fillText(r.summary, known),
    recommendation: fillText(r.recommendation, known),
    ...(r.mitigation !== undefined ? { mitigation: fillText(r.mitigation, known) } : {}),
  });
  return hits.map((h) => (h.rule.summary.includes('{') || h.rule.recommendation.includes('{') || (h.rule.mitigation ?? '').includes('{') ? { ...h, rule: fill(h.rule) } : h));
}
