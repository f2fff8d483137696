/**
 * The systems and components the customer runs, as it writes them: its 基础设施现状 lines
 * (关键组件, OA：…, ERP：…, 终端：…), trimmed to a name and its version. Whether the knowledge base
 * knows them or not: "设计软件：AutoCAD、Revit、天正、PKPM" is four systems, "OA：致远OA" is 致远OA
 * (not the knowledge base's 致远互联 协同运营平台). Not the clouds and places (said already), nor the
 * bottlenecks and debts (pains), nor what a line says is missing, manual or a figure.
 *
 * Each value is read once, left to right: every regular expression here is anchored on a short
 * slice or has no nested quantifier, so the reading is linear in the line's length.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge';
import type { Fact } from '../../facts/facts';
import type { UnderstandingModel } from '../reportModel';
import { knowledgeIndex, type EstateName } from '../text/knowledgeIndexes';
import type { AliasHit } from '../text/aliasIndex';
import { estateLabel, namedAsTarget, namesAnother } from './estate';

type EstateEntry = UnderstandingModel['estate']['products'][number];
export type CurrentSystem = UnderstandingModel['estate']['systems'][number];

/** Keys whose lines are no systems: the clouds and places (the 现状 line says them), bottlenecks and debts (pains). */
const NOT_SYSTEMS = new Set(['云环境', '公有云', '私有云', '网络架构', '现存瓶颈', '技术层面', '运维层面', '技术债务', '版本锁定', '配置漂移']);

/** A bracketed aside, not nested: "（主从）", "（Oracle 11g）", "（部分工厂用金蝶云·星空）". */
const ASIDE = /[（(][^（）()]*[）)]/g;
const ASIDE_MARK = '\u0000';
/** A vendor's aside in the knowledge base: "长亮科技（Sunline）". */
const TRAILING_ASIDE = /\s?[（(][^（）()]*[）)]$/;
/** Where a value splits into items: punctuation, and 与/和/及 right after a Latin name or version ("Oracle 11g与Oracle 19c"). */
const ITEM_SEPARATOR = /[，,；;、]|(?<=[A-Za-z0-9.]\s?)[与和及]/;
/** A line's own status, not a name: the system is the key ("12345热线：已建", "停车系统：多个厂商"). */
const STATUS = /^(?:已建|已建设|已上线|已有|老系统|旧系统|\d{4}年(?:建设|建成|上线)|多个厂商|多家厂商|外包(?:厂商)?开发)$/;
/** Built in house: the key is what was built ("POS：自研" is 自研POS). */
const OWN_BUILD = /^(?:自研|自建)$/;
/** "ESB为自研": 自研ESB. */
const OWN_BUILD_AFTER = /^([^，；。为]{1,10})为(自研|自建)$/;
/**
 * Words that make an item a clause (a pain, an absence, a way of working) and no name: "无统一集成平台",
 * "代码难以维护", "微信群和电话下单", "各工厂不同", "订单与价格主数据在ERP", "RAC集群".
 */
const CLAUSE = /[无没未不缺只仅靠各在由被将需加]|部分|依赖|难以|要求|使用|运行|部署|覆盖|手工|手动|人工|电话|微信群|混乱|问题|导致|经常|计划|正在|试点|试用|维护|开发|采集|隔离|互联|集群|架构|模式|并存|混合/;
/** A figure, where an item's name ends: "共享盘约60TB", "每店1台收银机", "2019年采购". */
const FIGURE = /约\d|(?<!\d)\d+(?:\.\d+)?\s?(?:TB|PB|GB|台|个|套|人|种|家|万|亿|%|年|小时|分钟|秒|ms|TPS|QPS|[MG]bps)/i;
/** The last words of a name of a system. */
const SYSTEM_WORD = /(?:系统|平台|软件|核心|盘|库)$/;
/** A key that names a kind of system: "OA", "HR系统", "视频监控", "设计软件"; "办公", "支付" and "渠道" do not. */
const SYSTEM_KEY = /^[A-Za-z0-9]{2,8}(?:系统)?$|(?:系统|平台|软件|监控)$/;
const LATIN = /[A-Za-z]/;
/** A key that names a team or a unit, not a system: "财务共享中心", "运维团队". */
const TEAM_KEY = /(?:中心|团队|部门|小组|科室)$/;
const CJK_ONLY = /^[\u4e00-\u9fff·]{2,6}$/;

/** A version right after a name: "11g", " 8.0", " V5.0", " 2012 R2". */
const VERSION = /^\s?(?:[vV]\s?)?\d[\d.]*(?:[gGcC](?![A-Za-z]))?(?:\s?R2)?/;
/** The words of a system after a vendor ("正方教务系统", "长亮核心"). */
const SYSTEM_TAIL = /^[\u4e00-\u9fff]{0,4}(?:系统|平台|核心)/;
/** A Latin word that goes on with a name ("H3C S10500", "致远OA", "Veeam Backup & Replication"): one at a time (nameEnd). */
const LATIN_WORD = /^\s?(?:&\s)?[A-Za-z][A-Za-z0-9+\-]*/;
/** What may stand before a known name as part of it: a Latin vendor ("AWS ", "Microsoft ") or a short Chinese one ("帆软", "西门子 ", "华为"). */
const NAME_HEAD = /^[A-Za-z][A-Za-z0-9\s]*\s$|^[\u4e00-\u9fff]{1,3}\s?$/;
/** Words that are no vendor before a name ("部分子公司用金蝶EAS", "自建Kubernetes"). */
const NOT_HEAD = /[用在为是的由和与及自老旧新]|存量|现有|原有|部分/;
/** What may stand between two known names that make one ("PolarDB MySQL", "Tair（兼容Redis"). */
const JOINED = /^[\s\-(（]{0,2}(?:for\s|兼容)?$/i;

interface Item {
  key: string;
  text: string;
  start: number;
  end: number;
}

/**
 * The systems the lines give, in the order written, each with the estate entries (family or
 * product ids) it names. Not the onPrem lines (`skipLines`, 1-based): the 现状 line says them.
 */
export function currentSystems(facts: readonly Fact[], products: readonly EstateEntry[], kb: KnowledgeBase, skipLines: ReadonlySet<number>): CurrentSystem[] {
  const index = knowledgeIndex(kb, 'estate-names');
  const systemKinds = knowledgeIndex(kb, 'all-categories');
  const byName = new Map<string, CurrentSystem>();
  const add = (name: string, covers: string[], line: number) => {
    const same = byName.get(name.toLowerCase());
    if (!same) {
      byName.set(name.toLowerCase(), { name, covers, refs: [line] });
      return;
    }
    for (const c of covers) if (!same.covers.includes(c)) same.covers.push(c);
    if (!same.refs.includes(line)) same.refs.push(line);
  };
  for (const f of facts) {
    if (f.section !== '基础设施现状' || f.fieldPath.length === 0 || f.value.length === 0) continue;
    if (f.fieldPath.some((k) => NOT_SYSTEMS.has(k)) || skipLines.has(f.line + 1)) continue;
    const line = f.line + 1;
    const entriesHere = products.filter((p) => p.refs.includes(line));
    const hits = index.find(f.value).filter((h) => !namesAnother(f.value, h) && !namedAsTarget(f.value, h.start) && entryOf(h.value, entriesHere, kb) !== undefined);
    const key = f.key ?? f.fieldPath[f.fieldPath.length - 1] ?? '';
    // What the line names, by the key it is named under ("学工系统：正方" inside a value has its own).
    const named = new Map<string, Array<{ name: string; covers: string[]; vendor: boolean; order: number }>>();
    let order = 0;
    // Asides blanked, so offsets stay the value's: what is in brackets is no item of its own
    // ("Oracle 11g（SAP ECC）"); a known product there is named after the lines' own.
    const masked = f.value.replace(ASIDE, (m) => ASIDE_MARK.repeat(m.length));
    // The hits are in the order of the text, as the items are: one walk hands each item its own.
    let h = 0;
    for (const item of items(masked, key)) {
      const kind = kindName(item.key, systemKinds);
      while (h < hits.length && hits[h]!.start < item.start) h++;
      const inItem: Array<AliasHit<EstateName>> = [];
      for (; h < hits.length && hits[h]!.start < item.end; h++) if (hits[h]!.end <= item.end && masked[hits[h]!.start] !== ASIDE_MARK) inItem.push(hits[h]!);
      const group = named.get(item.key) ?? [];
      named.set(item.key, group);
      if (inItem.length > 0) {
        for (const x of knownNames(masked, item, inItem, entriesHere, kb, kind)) group.push({ ...x, order: order++ });
        continue;
      }
      const name = unknownName(item.text, item.key, kind, group.length > 0);
      if (name) group.push({ name: name.text, covers: [], vendor: name.vendor, order: order++ });
    }
    // A vendor alone names its system with the key ("SCADA：中控", 中控SCADA), several once
    // ("DCS：霍尼韦尔、横河", DCS（霍尼韦尔、横河）); in a list with names of their own
    // (AutoCAD、Revit、天正) as written.
    const lineNames: Array<{ name: string; covers: string[]; order: number }> = [];
    for (const [k, group] of named) {
      if (group.length === 0) continue;
      if (!group.every((y) => y.vendor)) lineNames.push(...group);
      else if (group.length === 1) lineNames.push({ ...group[0]!, name: group[0]!.name.includes(k) ? group[0]!.name : `${group[0]!.name}${k}` });
      else lineNames.push({ name: `${k}（${group.map((y) => y.name).join('、')}）`, covers: group.flatMap((y) => y.covers), order: group[0]!.order });
    }
    for (const x of lineNames.sort((a, b) => a.order - b.order)) add(x.name, x.covers, line);
  }
  return [...byName.values()];
}

/** Whether the key names a kind of system, so a vendor's name before it names that system ("东华医为HIS"). */
function kindName(key: string, kinds: ReturnType<typeof knowledgeIndex<'all-categories'>>): boolean {
  return SYSTEM_KEY.test(key) || (key.length >= 2 && kinds.find(key).some((h) => h.start === 0 && h.end === key.length));
}

/** The items of a value with its asides blanked, each with its span and its key ("学工系统：正方" inside a value). */
function items(masked: string, key: string): Item[] {
  const out: Item[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    let text = masked.slice(start, end);
    let itemKey = key;
    const colon = text.search(/[:：]/);
    if (colon > 0 && colon <= 8) {
      itemKey = text.slice(0, colon).trim();
      start += colon + 1;
      text = text.slice(colon + 1);
    }
    const lead = text.length - text.trimStart().length;
    const clean = text.replaceAll(ASIDE_MARK, '').trim();
    if (clean.length > 0) out.push({ key: itemKey, text: clean, start: start + lead, end });
  };
  const separators = new RegExp(ITEM_SEPARATOR.source, 'g');
  for (let m = separators.exec(masked); m; m = separators.exec(masked)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, masked.length);
  return out;
}

/** The estate entry a hit names on this line, if the estate kept it there. */
function entryOf(named: EstateName, entries: readonly EstateEntry[], kb: KnowledgeBase): EstateEntry | undefined {
  if (named.kind === 'family') return entries.find((e) => e.family === named.family.id);
  const family = kb.lifecycle.find((l) => l.product === named.product.id)?.id;
  return entries.find((e) => e.product === named.product.id || (family !== undefined && e.family === family));
}

/**
 * Whether what is written names only a vendor ("卫宁", "东华医为", "神州信息"), not one of its
 * products ("钉钉", whose product is 钉钉（专属版）).
 */
function vendorOnly(written: string, entry: EstateEntry, kb: KnowledgeBase): boolean {
  if (!CJK_ONLY.test(written)) return false;
  const product = entry.product ? kb.product(entry.product) : undefined;
  if (product?.vendor.startsWith(written)) return true;
  const ownName = product !== undefined && (product.name === written || product.name.startsWith(`${written}（`) || product.name.startsWith(`${written}(`));
  return [...written].length <= 3 && !ownName;
}

/**
 * Where a known name ends, from the end of its alias: after the version written right after it
 * ("Oracle 11g", "SQL Server 2012 R2"), else after the words that go on with it (a system's
 * words after a vendor, or up to four Latin words, then a version: "H3C S10500", "Polycom RMX 2000").
 */
function nameEnd(value: string, from: number, limit: number): number {
  const rest = (at: number) => {
    const slice = value.slice(at, Math.min(limit, at + 16));
    const aside = slice.indexOf(ASIDE_MARK);
    return aside < 0 ? slice : slice.slice(0, aside);
  };
  const version = VERSION.exec(rest(from));
  if (version) return from + version[0].length;
  const system = SYSTEM_TAIL.exec(rest(from));
  if (system && !CLAUSE.test(system[0])) return from + system[0].length;
  let end = from;
  for (let words = 0; words < 4; words++) {
    const word = LATIN_WORD.exec(rest(end));
    if (!word) break;
    end += word[0].length;
    const v = VERSION.exec(rest(end));
    if (v) return end + v[0].length;
  }
  return end;
}

/**
 * The known names in an item, as written, to their version: "HIS运行在Oracle 11g RAC" is Oracle 11g,
 * "帆软FineReport" stays with its vendor, "PolarDB MySQL 8.0" is one name.
 */
function knownNames(value: string, item: Item, hits: ReadonlyArray<AliasHit<EstateName>>, entries: readonly EstateEntry[], kb: KnowledgeBase, kind: boolean): Array<{ name: string; covers: string[]; vendor: boolean }> {
  const out: Array<{ name: string; covers: string[]; vendor: boolean }> = [];
  for (let h = 0; h < hits.length; h++) {
    const first = hits[h]!;
    const covers: string[] = [];
    const cover = (hit: AliasHit<EstateName>) => {
      const e = entryOf(hit.value, entries, kb);
      const id = e ? (e.family ?? e.product) : undefined;
      if (id !== undefined && !covers.includes(id)) covers.push(id);
    };
    cover(first);
    let last = first;
    while (h + 1 < hits.length && JOINED.test(value.slice(last.end, hits[h + 1]!.start))) {
      last = hits[++h]!;
      cover(last);
    }
    const head = value.slice(item.start, first.start);
    const start = out.length === 0 && (head.length === 0 || (NAME_HEAD.test(head) && !NOT_HEAD.test(head))) ? item.start : first.start;
    const entry = entryOf(first.value, entries, kb);
    // "长亮科技" is found as 长亮: the vendor's whole name, as written.
    const vendorName = entry?.product ? kb.product(entry.product)?.vendor.replace(TRAILING_ASIDE, '') : undefined;
    const longer = last === first && vendorName !== undefined && vendorName.length > first.end - first.start && first.start + vendorName.length <= item.end && value.startsWith(vendorName, first.start);
    let end = longer ? first.start + vendorName.length : last.end;
    end = nameEnd(value, end, item.end);
    const name = value.slice(start, end).trim();
    const vendor = entry !== undefined && last === first && vendorOnly(value.slice(first.start, end), entry, kb);
    // A vendor alone names its system with the key's kind ("HIS：东华医为", 东华医为HIS), else by the knowledge's name.
    out.push({ name: vendor && !kind && entry ? estateLabel(entry) : name, covers, vendor: vendor && kind });
  }
  return out;
}

/**
 * An item no knowledge names, when it is a name: Latin ("AutoCAD", "Windows共享盘"), ending like a
 * system ("自研报销系统", "雪亮工程平台"), or a short Chinese one under a key that names a kind
 * ("SCADA：中控", "设计软件：…天正"), a `vendor` then. A status or 自研 names the key. A clause, an
 * absence or a figure is none.
 */
function unknownName(text: string, key: string, kind: boolean, keyNamed: boolean): { text: string; vendor: boolean } | undefined {
  // "营收系统：自研，2010年上线" is 自研营收系统 once; "财务共享中心：已建" is a team, no system.
  if (STATUS.test(text)) return !keyNamed && !TEAM_KEY.test(key) ? { text: key, vendor: false } : undefined;
  if (OWN_BUILD.test(text)) return kind ? { text: `${text}${key}`, vendor: false } : undefined;
  const own = OWN_BUILD_AFTER.exec(text);
  if (own) return { text: `${own[2]!}${own[1]!}`, vendor: false };
  // "十年前建的资金管理系统", "核心交换机为2014年采购的H3C S10500": the name is what the last 的 or 为 leads to.
  const lead = Math.max(text.lastIndexOf('的'), text.lastIndexOf('为'), usedAt(text));
  let name = (lead >= 0 ? text.slice(lead + 1) : text).replace(/^某/, '').trim();
  const figure = name.search(FIGURE);
  if (figure === 0) return undefined;
  if (figure > 0) {
    name = name.slice(0, figure).trim();
    if (!SYSTEM_WORD.test(name)) return undefined;
  }
  if (name.length < 2 || [...name].length > 24 || CLAUSE.test(name)) return undefined;
  if (LATIN.test(name) || SYSTEM_WORD.test(name)) return { text: name, vendor: false };
  return kind && CJK_ONLY.test(name) ? { text: name, vendor: true } : undefined;
}

/** Where 用 leads to what is used ("部分子公司用金蝶EAS"), not the 用 of 用友; -1 if nowhere. */
function usedAt(text: string): number {
  for (let at = text.lastIndexOf('用'); at >= 0; at = at > 0 ? text.lastIndexOf('用', at - 1) : -1) if (text[at + 1] !== '友') return at;
  return -1;
}
