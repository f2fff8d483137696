/**
 * The model's text against the offline plan: does it recommend a product the engine excluded, or
 * propose what a hard constraint rules out — public cloud or SaaS where the intake bans them, a
 * cloud the customer does not use, replacing a system the customer keeps, a product without 信创
 * adaptation where full 信创 is required? Judged statement by statement (statements.ts): naming an
 * excluded product to say it was excluded, or a kept system to say it stays, is what the model
 * should do, and finds nothing.
 *
 * Names are found with one-pass alias indexes (engine/text/aliasIndex.ts) and the words with
 * alternations of literals: linear in the text.
 */
import type { ReportModel } from '../engine/reportModel';
import { AliasIndex, cachedIndex } from '../engine/text/aliasIndex';
import { cloudName, cloudsNamed } from '../engine/understand/places';
import type { KnowledgeBase } from '../knowledge/knowledge';
import type { Product } from '../knowledge/schema';
import { t } from '../l10n';
import { setsAside, statementsOf, type Statement } from './statements';
import type { VerifyFinding } from './verifyFinding';

export const PlanCodes = {
  excludedProduct: 'llm.excluded-product',
  publicCloud: 'llm.public-cloud',
  unusedCloud: 'llm.unused-cloud',
  replacesKept: 'llm.replaces-kept',
  notXinchuang: 'llm.not-xinchuang',
} as const;

/** Public cloud or a vendor-hosted service proposed in words. */
const PUBLIC_CLOUD = /公有云|上云|云上部署|部署在云上|部署到云上|云端部署|云托管|public cloud/i;
const SAAS = /SaaS|软件即服务/i;
/** What says the deployment stays the customer's own. */
const OWN_DEPLOYMENT = /私有化|本地部署|本地化部署|自建|不上|不出|不使用|不用|不采用|不引入/;
/** Words that take a system out of service. */
// Not 转换为/转换成: converting messages (IDoc转换为REST) replaces nothing.
const REPLACE = /替换|更换|替代|取代|下线|淘汰|弃用|退役|推倒重来|重建|重新建设|(?<!转)换成|(?<!转)换为|改用|迁出|迁离|replace|retire|decommission/i;
/** Words that keep it. */
const KEEP = /不替换|不更换|无需替换|不做替换|不取代|不下线|不淘汰|保留|沿用|继续使用|不重建|不改变|不动|keep|retain/i;
/** For a product the customer runs today: words that describe it, or moving away from it, not choosing it. */
const CURRENT = /现有|现用|在用|当前|目前|原有|既有|现状|主要组件|规模|支持期|迁移|迁出|替换|下线|退役|升级/;
/** Words that name a product as what another is measured against ("Oracle兼容度较高", "生态小于MySQL"), just before or after it. */
const YARDSTICK_BEFORE = /(?:小于|大于|不如|优于|相比|对比|兼容)[^，；。]{0,12}$/;
// A list of them may stand before it: "提供Oracle、MySQL、SQL Server与PostgreSQL等多种兼容模式".
const YARDSTICK_AFTER = /^[^，；。]{0,32}兼容/;

/** Whether a product named at [start, end) of `text` is named as a yardstick, not proposed. */
function asYardstick(text: string, start: number, end: number): boolean {
  return YARDSTICK_BEFORE.test(text.slice(Math.max(0, start - 16), start)) || YARDSTICK_AFTER.test(text.slice(end, end + 36));
}

/**
 * `groundingText`, when given, is what the engine told the model: a product it names (an upgrade
 * path, a fact of the estate) is the engine's own proposal and not judged by the constraint
 * checks; excluded products are judged regardless.
 */
export function verifyPlan(markdown: string, model: ReportModel, kb: KnowledgeBase, groundingText?: string): VerifyFinding[] {
  if (model.kind !== 'report') return [];
  const u = model.understanding;
  const picked = new Set(model.options.flatMap((o) => o.picks.flatMap((p) => [p.product.id, ...(p.alternative ? [p.alternative.product.id] : [])])));
  const estate = new Set(u.estate.products.map((p) => p.product).filter((id): id is string => id !== undefined));
  const excluded = new Map(model.exclusions.filter((e) => !picked.has(e.product.id)).map((e) => [e.product.id, e]));
  const constraint = (kind: string) => u.constraints.find((c) => c.kind === kind);
  const noCloud = constraint('no-public-cloud');
  const noSaas = constraint('no-saas');
  const xinchuang = constraint('xinchuang-full');
  const inUse = new Set<string>(u.estate.clouds.map((c) => c.provider));
  const keptIndex = keptSystems(model, kb);
  const products = productIndex(kb);
  const grounded = new Set(groundingText ? products.find(groundingText).map((h) => h.value) : []);

  const out: VerifyFinding[] = [];
  const seen = new Set<string>();
  const add = (code: string, severity: VerifyFinding['severity'], s: Statement, subject: string, message: string) => {
    const key = `${code}|${s.line}|${subject}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ code, severity, message, line: s.line });
  };

  for (const s of statementsOf(markdown)) {
    if (setsAside(s)) continue;
    const hits = products.find(s.text);
    // A product named only as what a pick is compatible with or compared to is not proposed.
    const proposed = hits.filter((h) => !asYardstick(s.text, h.start, h.end));
    const named = [...new Set(proposed.map((h) => h.value))].map((id) => kb.product(id)).filter((p): p is Product => p !== undefined);
    // The customer's own products are named to describe the estate, or to move away from them.
    const chosen = named.filter((p) => !(estate.has(p.id) && CURRENT.test(s.text)));
    let flagged = false;
    for (const p of chosen) {
      const e = excluded.get(p.id);
      // What the project itself replaces (the VMware it leaves) is named in its pains and plan as
      // what goes: only a line that keeps it recommends it.
      if (e && e.kind === 'replaced' && !KEEP.test(s.text)) continue;
      if (e) {
        flagged = true;
        add(PlanCodes.excludedProduct, 'error', s, p.id, t('Report line {0} recommends {1}, which the offline report excluded: {2}.', s.line, p.name, e.reason));
        continue;
      }
      if (picked.has(p.id) || estate.has(p.id) || grounded.has(p.id)) continue;
      const ban = noCloud && (p.controlPlane === 'vendor' || (p.cloud !== 'none' && !inUse.has(p.cloud))) ? noCloud : noSaas && p.controlPlane === 'vendor' ? noSaas : undefined;
      if (ban) {
        flagged = true;
        add(PlanCodes.publicCloud, 'error', s, p.id, t('Report line {0} proposes {1}, which runs in a public cloud or as SaaS; the intake rules that out ({2}).', s.line, p.name, ban.text));
      } else if (xinchuang && !p.xinchuang.adapted && p.origin !== 'cn') {
        flagged = true;
        add(PlanCodes.notXinchuang, 'warning', s, p.id, t('Report line {0} proposes {1}, which has no 信创 adaptation; the intake requires full 信创 ({2}).', s.line, p.name, xinchuang.text));
      }
    }
    const ban = noCloud && PUBLIC_CLOUD.test(s.text) ? noCloud : noSaas && SAAS.test(s.text) ? noSaas : undefined;
    if (!flagged && ban && !OWN_DEPLOYMENT.test(s.text)) {
      flagged = true;
      add(PlanCodes.publicCloud, 'error', s, 'words', t('Report line {0} proposes public cloud or SaaS; the intake rules that out ({1}).', s.line, ban.text));
    }
    if (!flagged && !u.estate.newCloudRequested) {
      // A cloud named inside a product's name (腾讯云 TDSQL) is the product's, judged above.
      for (const cloud of cloudsNamed(withoutCaveats(blankOut(s.text, hits)))) {
        if (inUse.has(cloud)) continue;
        const used = [...inUse].map(cloudName).join(', ');
        add(PlanCodes.unusedCloud, 'warning', s, cloud, used ? t('Report line {0} proposes {1}, a cloud the customer does not use (it uses {2}).', s.line, cloudName(cloud), used) : t('Report line {0} proposes {1}, but the customer uses no public cloud.', s.line, cloudName(cloud)));
      }
    }
    if (REPLACE.test(s.text) && !KEEP.test(s.text)) {
      for (const hit of keptIndex.find(s.text)) add(PlanCodes.replacesKept, 'warning', s, hit.value, t('Report line {0} replaces {1}, which the customer keeps: it is to be integrated, not replaced.', s.line, hit.value));
    }
  }
  return out;
}

/**
 * `text` without the caveats the report writes on a product ("注意世纪互联运营的中国版与全球版…"
 * up to the clause's end): a cloud a caveat names is a warning about the product, not a proposal.
 */
function withoutCaveats(text: string): string {
  return text.replace(/注意[^；。]*/g, '');
}

/** `text` with the hits (sorted, not overlapping) blanked out, offsets kept: one pass. */
function blankOut(text: string, hits: ReadonlyArray<{ start: number; end: number }>): string {
  if (hits.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const h of hits) {
    parts.push(text.slice(at, h.start), ' '.repeat(h.end - h.start));
    at = h.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Cloud names alone (AWS, 阿里云) are clouds, not products. */
const CLOUD_WORDS = new Set(['aws', 'azure', 'gcp', 'google cloud', '阿里云', '华为云', '腾讯云', '百度智能云', 'alibaba cloud', 'aliyun', 'alicloud', 'huawei cloud', 'tencent cloud']);

/**
 * Every knowledge-base product by its names: the name, without its parenthesis, without blanks,
 * and its aliases. Left out: names shorter than three characters, category names (API网关 is not
 * a product), cloud names, and names two products share.
 */
function productIndex(kb: KnowledgeBase): AliasIndex<string> {
  return cachedIndex(kb, 'llm-product-mentions', (k) => {
    const generic = new Set(k.categories.flatMap((c) => [c.name, c.nameEn, ...c.aliases]).map((a) => a.toLowerCase()));
    const owners = new Map<string, Set<string>>();
    for (const p of k.products) {
      const bare = p.name.replace(/[（(][^（）()]*[）)]/g, '').trim();
      for (const alias of [p.name, bare, bare.replace(/\s+/g, ''), ...p.aliases]) {
        const key = alias.trim().toLowerCase();
        if (key.length < 3 || generic.has(key) || CLOUD_WORDS.has(key)) continue;
        owners.set(key, (owners.get(key) ?? new Set()).add(p.id));
      }
    }
    return [...owners].filter(([, ids]) => ids.size === 1).map(([alias, ids]) => ({ alias, value: [...ids][0]! }));
  });
}

/**
 * The systems the customer keeps, by the names the text may use: as the intake names them (SAP
 * S/4HANA系统), without 系统/平台, and the names of a knowledge-base product found in them.
 */
function keptSystems(model: ReportModel, kb: KnowledgeBase): AliasIndex<string> {
  const names = new Set<string>();
  for (const c of model.understanding.constraints) if (c.kind === 'keep-system' && c.system) names.add(c.system);
  for (const s of model.plan?.systems ?? []) if (s.kept) names.add(s.kept);
  const entries: Array<{ alias: string; value: string }> = [];
  const products = productIndex(kb);
  for (const name of names) {
    const short = name.replace(/^(?:现有的?|原有的?|既有的?)/, '').replace(/(?:系统|平台)$/, '').trim();
    for (const alias of [name, short]) if (alias.length >= 2) entries.push({ alias, value: name });
    for (const hit of products.find(name)) {
      const p = kb.product(hit.value);
      if (p) for (const alias of [p.name, ...p.aliases]) if (alias.length >= 3) entries.push({ alias, value: name });
    }
  }
  return new AliasIndex(entries);
}
