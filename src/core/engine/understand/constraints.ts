/**
 * Hard constraints (no public cloud, no SaaS, data stays in the country, full 信创, no second
 * cloud, keep system X), the systems to keep and integrate, and what was tried before and why it
 * failed. Patterns are short and bounded: they run on user text.
 */
import { caseInsensitiveRegExp } from '../../text/caseExpand';
import type { KnowledgeBase } from '../../knowledge/knowledge';
import type { ConstraintKind, XinchuangLayer } from '../../knowledge/schema';
import type { Fact } from '../../facts/facts';
import type { UnderstandingModel } from '../reportModel';
import { knowledgeIndex } from '../text/knowledgeIndexes';
import { holdsAny, holdsAnyCaseless } from '../../text/holdsAny';
import { clean, clip } from './shared';
import type { DomesticRequirement, KeptSystem } from './types';

type ConstraintEntry = UnderstandingModel['constraints'][number];

/**
 * A constraint's pattern with words one of which every match of it holds: a text without any is
 * not tested, and a pattern no text of the intake can match is never compiled (V8 compiles each
 * on its first run, about 0.1 ms). For XINCHUANG and KEEP the words are the pattern's alternatives
 * alone: holding one is matching.
 */
interface Pretested {
  readonly pattern: RegExp;
  readonly words: readonly string[];
}

const NO_PUBLIC_CLOUD: Pretested = {
  pattern: /不(?:得|能|允许|可)?(?:使用|上|部署[在到]?)公有云|不使用公有云|公有云.{0,4}(?:禁止|不允许|不可)|不出(?:院区|机房|园区|内网|政务云|厂区)|(?:不得|不能|不允许)[^，；。]{0,8}上云/,
  words: ['公有云', '不出', '上云'],
};
const NO_SAAS = caseInsensitiveRegExp('不(?:得|能|可)?(?:使用|采用|接受)\\s{0,1}SaaS|拒绝\\s{0,1}SaaS|不接受公有云SaaS', 'i');
const DATA_IN_COUNTRY: Pretested = { pattern: /不(?:得)?出境|(?:留|存储|存放|保存)在(?:中国)?境内|境内存储|数据本地化|不得传输至境外/, words: ['出境', '境内', '数据本地化', '境外'] };
const DATA_IN_EU: Pretested = { pattern: /(?:留在|存放在|不出)欧盟/, words: ['欧盟'] };
const XINCHUANG: Pretested = { pattern: /信创|国产化|自主可控|国产优先|优先国产/, words: ['信创', '国产化', '自主可控', '国产优先', '优先国产'] };
/**
 * Full 信创 in so many words; "党政机关同等要求" holds a company to the government's own, which is
 * full; "必须信创" admits no product without 信创 adaptation, which is what full means here.
 */
const XINCHUANG_FULL = /全栈信创|全面信创|全栈国产|关键软硬件信创|党政机关同等|参照党政|必须(?:满足|采用|是|为)?信创/;
const NO_SECOND_CLOUD: Pretested = { pattern: /不引入第二(?:朵)?云|只用[^，；。]{0,6}云|不新增云厂商|单一云厂商/, words: ['第二', '只用', '云厂商'] };
const KEEP: Pretested = { pattern: /保留|不替换|不更换|沿用/, words: ['保留', '不替换', '不更换', '沿用'] };

/** Whether `text` holds one of `c`'s words and its pattern matches. */
function matches(text: string, c: Pretested): boolean {
  return holdsAny(text, c.words) && c.pattern.test(text);
}

/** Every pre-tested pattern, for the test that each match holds one of its words. */
export const PRETESTED: readonly Pretested[] = [NO_PUBLIC_CLOUD, DATA_IN_COUNTRY, DATA_IN_EU, NO_SECOND_CLOUD, XINCHUANG, KEEP];

export interface ConstraintsResult {
  constraints: ConstraintEntry[];
  kinds: Set<ConstraintKind>;
  /** The layers a partial 信创 requirement says must be domestic (核心交易系统数据库国产化), with its clause. */
  domesticLayers: Map<XinchuangLayer, DomesticRequirement>;
  kept: KeptSystem[];
  integrations: UnderstandingModel['integrations'];
}

const PROTOCOLS = ['SOAP', 'REST', 'IDoc', 'RFC', 'BAPI', 'OData', 'gRPC', 'JMS', 'SFTP', 'FTP', 'EDI', 'OPC UA', 'OPC DA', 'MQTT', 'Modbus', 'HL7 v2', 'HL7', 'FHIR', 'Web Service', 'ISO 8583', 'SWIFT', 'IEC 104', 'IEC 61850', 'CAS', 'XML', 'FIX', 'T2'];
/**
 * Protocols whose name is also a word or a code inside others ("fix", "HT2"): they count only as
 * a whole word, with no ASCII letter or digit beside them ("接口协议FIX/T2": FIX is the FIX
 * protocol of trading, T2 恒生's own).
 */
const WHOLE_WORD_PROTOCOLS = new Set(['FIX', 'T2']);

/** Whether `text` names protocol `p` (case aside; a short one as a whole word). */
function namesProtocol(text: string, p: string): boolean {
  if (!WHOLE_WORD_PROTOCOLS.has(p)) return holdsAnyCaseless(text, [p]);
  const lower = text.toLowerCase();
  const word = p.toLowerCase();
  for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
    if (!isAsciiAlnum(lower[at - 1]) && !isAsciiAlnum(lower[at + word.length])) return true;
  }
  return false;
}

function isAsciiAlnum(c: string | undefined): boolean {
  return c !== undefined && /[a-z0-9]/.test(c);
}

export function detectConstraints(facts: readonly Fact[], kb: KnowledgeBase): ConstraintsResult {
  const constraints: ConstraintEntry[] = [];
  const kinds = new Set<ConstraintKind>();
  const add = (kind: ConstraintKind, f: Fact, text: string, system?: string) => {
    kinds.add(kind);
    const existing = constraints.find((c) => c.kind === kind && (c.system ?? '') === (system ?? ''));
    if (existing) {
      if (!existing.refs.includes(f.line + 1)) existing.refs.push(f.line + 1);
      return;
    }
    constraints.push({ kind, text, ...(system ? { system } : {}), refs: [f.line + 1] });
  };
  const domesticLayers = new Map<XinchuangLayer, DomesticRequirement>();
  const addDomestic = (layer: XinchuangLayer, f: Fact, text: string) => {
    const existing = domesticLayers.get(layer);
    if (!existing) domesticLayers.set(layer, { text, refs: [f.line + 1] });
    else if (!existing.refs.includes(f.line + 1)) existing.refs.push(f.line + 1);
  };
  const kept: KeptSystem[] = [];
  const integrations: UnderstandingModel['integrations'] = [];
  const categoryIndex = knowledgeIndex(kb, 'all-categories');
  const productIndex = knowledgeIndex(kb, 'product-names');

  for (const f of facts) {
    if (f.fieldPath.includes('历史应对')) continue;
    const v = f.value;
    const constraintSection = f.section === '特殊要求' || f.section === '基础设施现状' || f.section === '核心目标' || f.section === '预算限制';
    if (constraintSection) {
      if (matches(v, NO_PUBLIC_CLOUD)) add('no-public-cloud', f, phrase(v, NO_PUBLIC_CLOUD.pattern));
      // SaaS in any ASCII case (NO_SAAS is case-insensitive; no other character lower-cases to s or a).
      if (v.toLowerCase().includes('saas') && NO_SAAS.test(v)) add('no-saas', f, phrase(v, NO_SAAS));
      if (matches(v, DATA_IN_COUNTRY)) add('data-in-country', f, phrase(v, DATA_IN_COUNTRY.pattern));
      if (matches(v, DATA_IN_EU)) add('data-in-eu', f, phrase(v, DATA_IN_EU.pattern));
      if (matches(v, NO_SECOND_CLOUD)) add('no-second-cloud', f, phrase(v, NO_SECOND_CLOUD.pattern));
      // "- 信创要求：国产操作系统、数据库与中间件": the field's name says what its value requires.
      const key = f.fieldPath[f.fieldPath.length - 1] ?? '';
      const said = holdsAny(key, XINCHUANG.words) && !holdsAny(v, XINCHUANG.words) ? `${key}：${v}` : v;
      const xinchuang = holdsAny(said, XINCHUANG.words) ? affirmedClause(said, XINCHUANG.words) : undefined;
      if (xinchuang !== undefined) {
        const full = XINCHUANG_FULL.test(said) || (!/优先/.test(said) && countDomestic(said) >= 2);
        // Under a 信创 key the whole value is the requirement ("国有企业，优先选择国产软件"), not its first clause.
        const text = said !== v ? `${key}：${clip(clean(upToDomestic(v)), 30)}` : phrase(xinchuang, full && XINCHUANG_FULL.test(xinchuang) ? XINCHUANG_FULL : XINCHUANG.pattern);
        add(full ? 'xinchuang-full' : 'xinchuang-preferred', f, text);
        // Full 信创 already rules out every product without 信创 adaptation.
        if (!full) for (const layer of domesticLayersOf(said)) addDomestic(layer, f, phrase(xinchuang, XINCHUANG.pattern));
      }
    }
    const keptHere: string[] = [];
    if ((f.section === '特殊要求' || f.section === '基础设施现状') && holdsAny(v, KEEP.words)) {
      for (const name of keptNames(v, f.section === '基础设施现状')) {
        keptHere.push(name);
        const category = categoryIndex.find(name)[0]?.value;
        const product = productIndex.find(name)[0]?.value;
        kept.push({ name, ...(category ? { category } : {}), ...(product ? { product } : {}), refs: [f.line + 1] });
        add('keep-system', f, `保留${name}`, name);
      }
    }
    if (f.section === '特殊要求' && (f.fieldPath.includes('兼容性') || f.fieldPath.includes('遗留系统'))) {
      const found = PROTOCOLS.filter((p) => namesProtocol(v, p));
      // "HL7 v2" already says HL7.
      const protocols = found.filter((p) => !found.some((q) => q !== p && q.startsWith(p)));
      // A protocol that names a system (客户EDI) is that system's, not every system's on the line.
      const named = integrationTargets(v, f.fieldPath.includes('遗留系统'));
      // "保留现有信贷系统与支付系统，通过ESB对接（ISO 8583与SOAP）": no system follows 对接, so the
      // protocols are those of the systems the line keeps. (Without 对接, "保留统一身份认证平台（CAS）
      // 与一卡通系统" does not say that every system kept speaks them.)
      const targets = named.length === 0 && protocols.length > 0 && v.includes('对接') ? keptHere : named;
      const owned = protocols.filter((p) => targets.some((t) => holdsAnyCaseless(t, [p])));
      for (const system of targets) integrations.push({ system, protocols: protocols.filter((p) => !owned.includes(p)), refs: [f.line + 1] });
    }
  }
  // Full 信创 implies the preferred flavour too, and says it: a preference stated elsewhere (a goal
  // to finish a 信创替代) is not a second constraint beside it.
  if (kinds.has('xinchuang-full')) kinds.add('xinchuang-preferred');
  const stated = kinds.has('xinchuang-full') ? constraints.filter((c) => c.kind !== 'xinchuang-preferred') : constraints;
  return { constraints: stated, kinds, domesticLayers, kept: dedupeKept(kept), integrations };
}

/**
 * What a layer is called in a requirement that it be domestic: "数据库国产化", "国产数据库",
 * "数据库须采用国产". No quantifier but one optional word: linear on any text.
 */
const DOMESTIC_LAYER: ReadonlyArray<readonly [XinchuangLayer, RegExp]> = (
  [
    ['database', '数据库'],
    ['os', '操作系统'],
    ['middleware', '中间件'],
  ] as const
).map(([layer, word]) => [layer, new RegExp(`${word}(?:须|需|必须|应|要|全部|采用|使用|须采用|需采用)?国产|国产化?${word}`)] as const);

/** The layers `v` requires to be domestic; none when it only prefers domestic products (国产数据库优先). */
function domesticLayersOf(v: string): XinchuangLayer[] {
  if (v.includes('优先')) return [];
  return DOMESTIC_LAYER.filter(([, re]) => re.test(v)).map(([layer]) => layer);
}

/**
 * A requirement said not to apply: "无信创要求", "不涉及信创", "信创：否". Checked on one clause;
 * bounded alternatives only, linear on any text.
 */
const NEGATED = /^(?:无|没有|暂无|不要求|不需要|不涉及|不强制|非)|(?:信创|国产化)(?:要求)?[：:]?\s?(?:无|否|不涉及|不要求|不需要|暂无|暂不)/;

/** The first clause of `v` that holds one of `words` and does not say the requirement is absent. */
function affirmedClause(v: string, words: readonly string[]): string | undefined {
  for (const clause of v.split(/[，；。,;]/)) {
    if (holdsAny(clause, words) && !NEGATED.test(clause.trim())) return clause.trim();
  }
  return undefined;
}

/** The clauses of `v` up to the first that says 国产 ("国有企业，优先选择国产软件"), or its first clause. */
function upToDomestic(v: string): string {
  const clauses = v.split(/(?<=[，；。,;])/);
  const at = clauses.findIndex((c) => c.includes('国产'));
  return clauses.slice(0, at >= 0 ? at + 1 : 1).join('').replace(/[，；。,;]$/, '');
}

function countDomestic(v: string): number {
  // "国产操作系统、数据库与中间件": one 国产 before a list of layers names each of them.
  const named = [...v.matchAll(DOMESTIC_LIST), ...v.matchAll(LAYERS_DOMESTIC)].map((m) => m[0]).join('、');
  return [/芯片|CPU|处理器/, /操作系统/, /数据库/, /中间件/].filter((re) => re.test(named)).length;
}

/** 国产 and the layers it names, one or a list (国产操作系统、数据库与中间件). */
const DOMESTIC_LIST = /国产(?:芯片|CPU|处理器|操作系统|数据库|中间件)(?:[、和与及](?:芯片|CPU|处理器|操作系统|数据库|中间件))*/g;

/**
 * The layers, then that they be domestic (数据库、操作系统与中间件全部国产化; CPU、操作系统、办公软件、
 * 邮件全部国产). The office layers may stand in the list; only the stack's layers are counted.
 */
const LAYERS_DOMESTIC =
  /(?:芯片|CPU|处理器|操作系统|数据库|中间件|办公软件|邮件系统|邮件|终端|浏览器)(?:[、和与及](?:芯片|CPU|处理器|操作系统|数据库|中间件|办公软件|邮件系统|邮件|终端|浏览器))*(?:(?:全部|全面|均|都)?(?:国产化|国产替代|采用国产|使用国产)|(?:全部|全面|均为|都是)国产)/g;

/** The clause of `text` around the first match of `re`. */
function phrase(text: string, re: RegExp): string {
  const m = re.exec(text);
  if (!m) return clip(clean(text), 40);
  const stops = '，；。,;';
  let start = m.index;
  while (start > 0 && !stops.includes(text[start - 1]!)) start--;
  let end = m.index + m[0].length;
  while (end < text.length && !stops.includes(text[end]!)) end++;
  // A constraint in brackets is the bracket's words: "无（政务数据不上公有云）" → "政务数据不上公有云".
  const open = Math.max(text.lastIndexOf('（', m.index), text.lastIndexOf('(', m.index));
  const closeFull = text.indexOf('）', m.index + m[0].length);
  const closeAscii = text.indexOf(')', m.index + m[0].length);
  const close = closeFull < 0 ? closeAscii : closeAscii < 0 ? closeFull : Math.min(closeFull, closeAscii);
  if (open >= start && close >= 0 && close <= end) [start, end] = [open + 1, close];
  // "预留信创替代（鲲鹏…）与城市大脑数据接入点": the constraint ends with its bracket, before 与 the next item.
  else {
    const aside = text.slice(m.index + m[0].length, end);
    const shut = aside.search(/[）)][与和及、]/);
    if (shut > 0 && /[（(]/.test(aside.slice(0, shut))) end = m.index + m[0].length + shut + 1;
  }
  return clip(clean(text.slice(start, end)), 40);
}

/** Where a kept system's clause ends, looking forward or back: clause punctuation, or a label's colon. */
const KEPT_CLAUSE_BREAKS = '，；。,;：:';

/**
 * The system names of `clause`: brackets dropped, split at 与/和/、/及, each tidied by `tidy` and
 * 2 to `max` characters long, added to `out` once.
 */
function addNames(clause: string, out: string[], max: number, tidy: (part: string) => string = clean): void {
  for (const part of clause.replace(/（[^）]{0,40}）|\([^)]{0,40}\)/g, '').split(/与|和|、|及/)) {
    const name = tidy(part);
    if (name.length >= 2 && name.length <= max && !out.includes(name)) out.push(name);
  }
}

/**
 * The systems `text` says to keep: after 保留 (保留现有卫宁HIS, 保留并对接现有统一身份认证平台与电子证照库),
 * or before it when nothing follows (恒生O32投资交易系统保留). `present`: the text describes the
 * current estate, where "机房仅保留财务与ERP服务器" says what is left there, not what to keep:
 * "仅/只保留" is skipped.
 */
function keptNames(text: string, present = false): string[] {
  const names: string[] = [];
  // The next match of KEEP at or after `from`.
  const next = (from: number) => {
    const m = KEEP.pattern.exec(text.slice(from));
    return m ? { at: from + m.index, after: from + m.index + m[0].length } : undefined;
  };
  let hit = next(0);
  while (hit) {
    const { at } = hit;
    if (present && at > 0 && '仅只'.includes(text[at - 1]!)) {
      hit = next(hit.after);
      continue;
    }
    let i = hit.after;
    for (const lead of ['并对接', '并', '现有的', '现有', '原有', '各场站原有', '既有']) if (text.startsWith(lead, i)) i += lead.length;
    let end = i;
    let depth = 0;
    while (end < text.length) {
      const c = text[end]!;
      if (c === '（' || c === '(') depth++;
      else if (c === '）' || c === ')') depth--;
      else if (depth <= 0 && KEPT_CLAUSE_BREAKS.includes(c)) break;
      end++;
    }
    let clause = text.slice(i, end);
    // "恒生O32投资交易系统保留，接口协议FIX/T2": the name comes before the verb.
    if (clean(clause) === '') clause = text.slice(clauseStart(text, at), at);
    // Stop at the verb that starts what happens to it: 新建…需对接, 集控只做…
    const verb = clause.search(/，|需|新建|集控只|通过|作为/);
    if (verb > 0) clause = clause.slice(0, verb);
    addNames(clause, names, 20, (part) => clean(part).replace(/^(?:的|各)/, ''));
    hit = next(end);
  }
  return names;
}

function dedupeKept(list: KeptSystem[]): KeptSystem[] {
  const out: KeptSystem[] = [];
  for (const k of list) if (!out.some((o) => o.name === k.name)) out.push(k);
  return out;
}

/** Where the clause holding `at` begins: after the last clause break before it. */
function clauseStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && !KEPT_CLAUSE_BREAKS.includes(text[start - 1]!)) start--;
  return start;
}

/** Words before "与X对接" that make it a later extension, not an integration of this project. */
const FUTURE = /预留|未来|后续|将来|远期/;

/** Where a legacy system's name ends: the protocol or the way it is reached ("，接口协议REST", "需通过REST接口交互"). */
const LEGACY_NAME_END = /[，；。,;]|接口协议|需?通过/;

/**
 * What an integration requirement names: "需对接既有SAP S/4HANA系统（IDoc接口）" → SAP S/4HANA系统.
 * `legacy`: the text is the template's legacy-system field, "金蝶云星空ERP，接口协议REST": with no
 * "对接", the systems it names first are the ones to integrate.
 */
function integrationTargets(text: string, legacy = false): string[] {
  const out: string[] = [];
  if (legacy && !text.includes('对接')) {
    const end = text.search(LEGACY_NAME_END);
    const head = (end >= 0 ? text.slice(0, end) : text).replace(/^(?:保留|现有|原有|既有)/, '').replace(/(?:保留|不替换|不更换|沿用)$/, '');
    addNames(head, out, 24);
    return out;
  }
  let at = text.indexOf('对接');
  while (at >= 0) {
    let i = at + 2;
    for (const lead of ['既有', '现有', '原有', '波音']) if (text.startsWith(lead, i)) i += lead.length;
    let end = i;
    while (end < text.length && !'，；。,;'.includes(text[end]!)) end++;
    const after = out.length;
    addNames(text.slice(i, end), out, 24);
    // "与现有用友NC对接": nothing follows 对接, and the customer's own system stands between 与
    // and it (an outside system, 与公安旅馆业系统对接, is a requirement a rule answers, not one the
    // customer keeps).
    if (out.length === after) {
      const clause = text.slice(clauseStart(text, at), at);
      // In the legacy-system field every system named is one the customer runs: "MES通过RFC/IDoc与SAP对接" → SAP.
      const own = /与(?:既有|现有|原有)/.exec(clause) ?? (legacy ? /与/.exec(clause) : null);
      // "预留与现有门户对接" reserves an interface for later: nothing to integrate now.
      if (own && !FUTURE.test(clause.slice(0, own.index))) addNames(clause.slice(own.index + own[0].length), out, 24);
    }
    at = text.indexOf('对接', end);
  }
  return out;
}

/** What was tried and why it failed: "尝试自建CDN加速，因跨国网络抖动问题失效". */
export function detectTried(facts: readonly Fact[], kb: KnowledgeBase): UnderstandingModel['triedAndFailed'] {
  const productIndex = knowledgeIndex(kb, 'product-names');
  const tried = facts.filter((f) => f.section === '当前痛点' && f.fieldPath.includes('历史应对'));
  if (tried.length === 0) return [];
  // Structured intakes split the attempt (工具) and its outcome (效果) over two lines.
  const tool = tried.find((f) => f.fieldPath.at(-1) === '工具');
  const effect = tried.find((f) => f.fieldPath.at(-1) === '效果');
  const items: { what: string; why: string; facts: Fact[] }[] = [];
  if (tool || effect) {
    items.push({ what: clean((tool?.value ?? '').replace(/^\d{4}年/, '')), why: reasonOf(effect?.value ?? ''), facts: [tool, effect].filter((f): f is Fact => f !== undefined) });
  } else {
    for (const f of tried) {
      const { what, why } = splitAttempt(f.value);
      items.push({ what, why, facts: [f] });
    }
  }
  return items
    .filter((i) => i.what || i.why)
    .map((i) => {
      const text = i.facts.map((f) => f.value).join(' ');
      const products = [...new Set(productIndex.find(text).map((h) => h.value))];
      return { what: i.what || '既有方案', why: i.why, products, refs: [...new Set(i.facts.map((f) => f.line + 1))].sort((a, b) => a - b) };
    });
}

const REASON = /因|由于|原因[是为：:]?/;
/** Words that say why an attempt failed, when the intake does not write 因. */
const FAILURE = /无法|不能|不支持|散落|不足|失败|过高|过慢|太慢|太贵|缺少|没有|只能|不满足|未打通/;

function splitAttempt(value: string): { what: string; why: string } {
  const m = REASON.exec(value);
  if (!m) {
    // "自研规则脚本做自动核赔，规则散落在代码中，业务人员无法维护": the clauses after the first say why.
    const comma = value.search(/[，,]/);
    const rest = comma > 0 ? value.slice(comma + 1) : '';
    const what = clean((comma > 0 ? value.slice(0, comma) : value).replace(/^\d{4}年/, '').replace(/^(?:已)?(?:尝试|试用|使用|采用|曾)/, ''));
    if (rest && FAILURE.test(rest)) return { what: clip(what, 80), why: reasonOf(rest) };
    return { what: clip(clean(value.replace(/^(?:已)?(?:尝试|试用|使用|采用|曾)/, '')), 80), why: '' };
  }
  // "…做点对点对接，失败原因接口超过300个": the attempt ends before "失败".
  const what = clean(value.slice(0, m.index).replace(/^\d{4}年/, '').replace(/^(?:已)?(?:尝试|试用|使用|采用|曾|上线了)/, '')).replace(/[，,]?(?:但|最终|结果)?失败$/, '');
  return { what: clip(what, 80), why: reasonOf(value.slice(m.index)) };
}

function reasonOf(text: string): string {
  const m = REASON.exec(text);
  let t = m ? text.slice(m.index + m[0].length) : text;
  // "成本可接受，但未打通内部媒资流程": the reason is what follows 但.
  const but = t.lastIndexOf('但');
  if (!m && but >= 0) t = t.slice(but + 1);
  t = t.replace(/[，,]?\s?(?:项目|方案|试点)?(?:而|后)?(?:被[^，；。]{0,10})?(?:已)?(?:失效|终止|停用|放弃|弃用|停止|中止|否决|未通过)(?:了)?[。]?$/, '');
  t = t.replace(/问题$/, '');
  return clip(clean(t), 50);
}
