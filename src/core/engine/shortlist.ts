/**
 * Scores products of a category against the customer's constraints and picks a shortlist
 * for each option: A (国产优先, domestic-first) and B (international). Scores are simple and
 * explainable — each criterion is 0 (conflicts), 1 (neutral/unknown) or 2 (fits), with a note.
 */
import type { KnowledgeBase } from '../knowledge/knowledge';
import type { Product } from '../knowledge/schema';
import type { Profile, Tier } from './profile';
import type { CriterionScore, ScoredProduct } from './reportModel';

const TIER_ORDER: Tier[] = ['low', 'mid', 'high', 'premium'];
const TIER_NAMES: Record<Tier, string> = { low: '低', mid: '中', high: '高', premium: '旗舰' };
const SCALE_NAMES = { sme: '中小', mid: '中型', large: '大型' } as const;

/** Weights: hard constraints (deployment, 信创) weigh more than preferences. */
const WEIGHTS: Record<CriterionScore['criterion'], number> = { deployment: 3, compliance: 2, xinchuang: 2, budget: 2, scale: 1, region: 2, protocols: 1 };

export type OptionId = 'A' | 'B';

export function scoreProduct(p: Product, profile: Profile, kb: KnowledgeBase): ScoredProduct {
  const criteria: CriterionScore[] = [
    deployment(p, profile),
    compliance(p, profile, kb),
    xinchuang(p, profile),
    budget(p, profile),
    scale(p, profile),
    region(p, profile),
    protocols(p, profile),
  ];
  const total = criteria.reduce((sum, c) => sum + c.score * WEIGHTS[c.criterion], 0);
  return { id: p.id, name: p.name, vendor: p.vendor, origin: p.origin, total, criteria, strength: p.strength, caveat: p.caveat };
}

/** Highest score attainable, for showing totals as "n / max". */
export const MAX_SCORE = Object.values(WEIGHTS).reduce((a, b) => a + 2 * b, 0);

function deployment(p: Product, profile: Profile): CriterionScore {
  if (profile.noPublicSaas.value) {
    const ok = p.deployment.includes('private') || p.deployment.includes('hybrid');
    return { criterion: 'deployment', score: ok ? 2 : 0, note: ok ? '支持私有化/混合部署' : '仅SaaS，与私有化要求冲突' };
  }
  return { criterion: 'deployment', score: p.deployment.length > 1 ? 2 : 1, note: p.deployment.map((d) => ({ saas: 'SaaS', private: '私有化', hybrid: '混合' })[d]).join('/') };
}

function compliance(p: Product, profile: Profile, kb: KnowledgeBase): CriterionScore {
  const wanted = profile.frameworks.map((f) => f.framework.id);
  if (wanted.length === 0) return { criterion: 'compliance', score: 1, note: '无特定合规要求' };
  const covered = wanted.filter((id) => p.compliance.includes(id));
  const names = covered.map((id) => kb.framework(id)?.name ?? id);
  if (covered.length === 0) return { criterion: 'compliance', score: 1, note: '需厂商提供合规证明' };
  return { criterion: 'compliance', score: 2, note: names.join('、') };
}

function xinchuang(p: Product, profile: Profile): CriterionScore {
  if (!profile.xinchuang.value && !profile.chinaHosted.value) return { criterion: 'xinchuang', score: 1, note: '无信创要求' };
  if (p.xinchuang.adapted) return { criterion: 'xinchuang', score: 2, note: p.xinchuang.note ?? '已信创适配' };
  return { criterion: 'xinchuang', score: profile.xinchuang.value ? 0 : 1, note: '未见信创适配' };
}

function budget(p: Product, profile: Profile): CriterionScore {
  const gap = TIER_ORDER.indexOf(p.priceTier) - TIER_ORDER.indexOf(profile.tier.value);
  const note = `价格档位${TIER_NAMES[p.priceTier]}`;
  if (gap <= 0) return { criterion: 'budget', score: 2, note };
  if (gap === 1) return { criterion: 'budget', score: 1, note: `${note}，略高于预算档位` };
  return { criterion: 'budget', score: 0, note: `${note}，明显高于预算档位` };
}

function scale(p: Product, profile: Profile): CriterionScore {
  const ok = p.scale.includes(profile.scale.value);
  return { criterion: 'scale', score: ok ? 2 : 1, note: p.scale.map((s) => SCALE_NAMES[s]).join('/') };
}

function region(p: Product, profile: Profile): CriterionScore {
  const needCn = profile.chinaHosted.value;
  const needGlobal = profile.international.value;
  const hasCn = p.regions.includes('cn');
  const hasGlobal = p.regions.includes('global');
  const misses = [needCn && !hasCn ? '中国区' : '', needGlobal && !hasGlobal ? '海外' : ''].filter(Boolean);
  if (misses.length === 0) return { criterion: 'region', score: needCn || needGlobal ? 2 : 1, note: [hasCn ? '中国区' : '', hasGlobal ? '海外' : ''].filter(Boolean).join('+') };
  return { criterion: 'region', score: misses.length === 2 ? 0 : 1, note: `缺少${misses.join('与')}服务能力` };
}

function protocols(p: Product, profile: Profile): CriterionScore {
  const wanted = profile.protocols.value;
  if (wanted.length === 0 || !p.protocols) return { criterion: 'protocols', score: 1, note: wanted.length === 0 ? '无遗留协议' : '需评估适配' };
  const covered = wanted.filter((w) => p.protocols!.some((x) => x.toLowerCase().includes(w.toLowerCase())));
  return { criterion: 'protocols', score: covered.length > 0 ? 2 : 1, note: covered.length > 0 ? covered.join('/') : '需评估适配' };
}

/** Products of a category that belong to an option: A prefers domestic (and open source), B international (and open source). */
function eligible(p: Product, option: OptionId, profile: Profile): boolean {
  if (option === 'A') return p.origin === 'cn' || (p.origin === 'oss' && !profile.xinchuang.value) || (p.origin === 'oss' && p.xinchuang.adapted);
  return p.origin === 'intl' || p.origin === 'oss';
}

/**
 * The 2–3 best products of a category for an option. Ties break on id, so the report is
 * deterministic. Falls back to any origin when an option has fewer than two candidates.
 */
export function shortlist(category: string, option: OptionId, profile: Profile, kb: KnowledgeBase, prefer: readonly string[] = []): ScoredProduct[] {
  const inCategory = kb.products.filter((p) => p.categories.includes(category));
  let pool = inCategory.filter((p) => eligible(p, option, profile));
  if (pool.length < 2) pool = inCategory;
  const scored = pool.map((p) => {
    const s = scoreProduct(p, profile, kb);
    // A product a matched rule names is preferred: it answers a specific intake fact.
    return { s, bonus: prefer.includes(p.id) ? 1 : 0 };
  });
  scored.sort((a, b) => b.s.total + b.bonus - (a.s.total + a.bonus) || a.s.id.localeCompare(b.s.id));
  return scored.slice(0, 3).map((x) => x.s);
}
