/**
 * What the customer runs: products (knowledge-base products and lifecycle families) with the
 * version written after them, server counts and data volume. Read from 基础设施现状, the pains
 * and the compatibility requirements; a mention in 历史应对 is what was tried, not the estate.
 */
import { caseInsensitiveRegExp } from '../../text/caseExpand';
import type { KnowledgeBase } from '../../knowledge/knowledge';
import type { Fact } from '../../facts/facts';
import { CLAUSE_SEPARATOR_NO_LIST, clauseAround } from '../../facts/lines';
import type { UnderstandingModel } from '../reportModel';
import { knowledgeIndex, type EstateName } from '../text/knowledgeIndexes';
import { findFigures } from '../text/figures';
import { swapSuffix } from '../../text/affix';
import type { AliasHit } from '../text/aliasIndex';

type EstateEntry = UnderstandingModel['estate']['products'][number];

function namesIndex(kb: KnowledgeBase) {
  return knowledgeIndex(kb, 'estate-names');
}

/** g or c after a version number (11g, 12c): an edition letter, `[gcGC]`. */
function isEditionLetter(c: string | undefined): boolean {
  return c === 'g' || c === 'c' || c === 'G' || c === 'C';
}

/**
 * What an upgrade or a move leads to ("逐步升级到用友BIP", "计划2027年升级S/4HANA"), written just
 * before a name: not what the customer runs.
 */
const TARGET_BEFORE = /(?:升级|迁移|切换|过渡|替换|更换)(?:到|至|为)$|(?:计划|拟|准备|将)[^，；。]{0,8}(?:升级|迁移|切换)$/;

export function namedAsTarget(text: string, start: number): boolean {
  return TARGET_BEFORE.test(text.slice(Math.max(0, start - 14), start).trimEnd());
}

/** A pilot or trial, and its end: "一次MySQL替换试点因性能回退被叫停". */
const TRIED = /试点|尝试|试用|曾用|曾经/;
const DROPPED = /叫停|失败|放弃|终止|中止|未成功|搁置/;

/** Whether the clause around `at` says what is named there was tried and dropped: what was tried, not what runs. */
function triedAndDropped(text: string, at: number): boolean {
  const { start, end } = clauseAround(text, at, CLAUSE_SEPARATOR_NO_LIST);
  const clause = text.slice(start, end);
  return TRIED.test(clause) && DROPPED.test(clause);
}

/** Whether the words right after a family's alias make it another product ("Windows AD"). */
export function namesAnother(text: string, hit: { end: number; value: EstateName }): boolean {
  if (hit.value.kind !== 'family') return false;
  const words = hit.value.family.notBefore;
  if (!words) return false;
  const after = text.slice(hit.end, hit.end + 24).trimStart().toLowerCase();
  return words.some((w) => after.startsWith(w.toLowerCase()));
}

/**
 * The system a component is written to serve, in brackets right after it and its version:
 * "Oracle 11g（SAP ECC）" serves SAP ECC 6.0. Only version characters and spaces may stand between.
 */
function servedBy(text: string, from: number, next: { start: number; value: EstateName } | undefined): EstateName | undefined {
  if (!next) return undefined;
  const between = text.slice(from, next.start);
  if (between.length > 12 || !/^[\s\w.]*[（(]$/.test(between)) return undefined;
  return next.value;
}

/**
 * The words in brackets right after a component and its version ("Oracle 11g（门店系统）"), when
 * short: what it serves, as written. Only version characters and spaces may stand between.
 */
function bracketAfter(text: string, from: number): string | undefined {
  const open = /^[\s\w.]{0,12}[（(]/.exec(text.slice(from, from + 14));
  if (!open) return undefined;
  const start = from + open[0].length;
  const end = text.slice(start, start + 21).search(/[）)]/);
  const words = end > 0 ? text.slice(start, start + end).trim() : '';
  return words.length >= 2 ? words : undefined;
}

/**
 * The system a component is written to run under, before it: "泛微e-cology 8.0，运行在Windows
 * Server 2012与SQL Server 2012上" (the second through the first: `sibling`). Only version
 * characters, spaces and a comma may stand before 运行在/部署在.
 */
function runsUnder(text: string, previous: { end: number; value: EstateName } | undefined, start: number, sibling: EstateName | undefined): EstateName | undefined {
  if (!previous) return undefined;
  const between = text.slice(previous.end, start);
  if (between.length > 20) return undefined;
  if (sibling && /^[\s\w.]*[与和、及]$/.test(between)) return sibling;
  if (!/^[\s\w.]*[，,]?\s?(?:运行|部署)[在于]$/.test(between)) return undefined;
  return previous.value;
}

/**
 * The name an estate entry goes by, which `serves` refers to: its lifecycle family's, else its
 * product's. A product with a family is listed under the family (detectEstate).
 */
function entryName(kb: KnowledgeBase, named: EstateName): string {
  if (named.kind === 'family') return named.family.name;
  return kb.lifecycle.find((l) => l.product === named.product.id)?.name ?? named.product.name;
}

/**
 * The version written right after an alias: "MySQL 8.0集群", "Oracle 11g", "IBM i 7.3",
 * "vSphere 6.7", "SQL Server 2016", "Kafka 3.2（10 broker）", "Windows Server 2012 R2".
 */
function versionAfter(text: string, from: number): string | undefined {
  let i = from;
  let skipped = 0;
  while (i < text.length && skipped < 4 && /[\s vV:：（(]/.test(text[i]!)) {
    i++;
    skipped++;
  }
  if (text.startsWith('版本', i)) i += 2;
  const start = i;
  while (i < text.length && i - start < 12 && /[0-9.]/.test(text[i]!)) i++;
  if (i === start || !/[0-9]/.test(text[start]!)) return undefined;
  let version = swapSuffix(text.slice(start, i), '.');
  if (isEditionLetter(text[i]) && !/[A-Za-z]/.test(text[i + 1] ?? '')) version += text[i]!.toLowerCase();
  return version;
}

/**
 * What may stand between a product and the engine it is compatible with: "PolarDB MySQL",
 * "TDSQL-C MySQL", "Amazon ElastiCache for Redis", "GaussDB(for MySQL)", "Tair（兼容Redis 5.0）".
 * Whether the words say so ("for", "兼容"), or only stand apart: undefined when the gap is
 * anything else (a list's "、", "和", other words), so two products named in a row stay two.
 */
function compatibilityGap(gap: string): { says: boolean } | undefined {
  if (gap.length > 8) return undefined;
  let rest = gap.replace(/\s/g, '').toLowerCase();
  if (rest.startsWith('(') || rest.startsWith('（') || rest.startsWith('-')) rest = rest.slice(1);
  if (rest === '') return { says: false };
  if (rest === 'for' || rest === '兼容') return { says: true };
  return undefined;
}

/**
 * Whether the lifecycle family after a product is only the engine the product is compatible
 * with: a managed service or a database of its own (PolarDB, Aurora, TDSQL-C, OceanBase, Tair,
 * ElastiCache, MSK) whose versions follow its vendor's lifecycle, not the community's. So when the
 * words say "for" or "兼容", or the product speaks the family's protocol (its `protocols` share
 * one with the family's own product: MySQL, PostgreSQL, RESP, Kafka).
 */
function compatibleEngine(kb: KnowledgeBase, text: string, product: AliasHit<EstateName>, next: AliasHit<EstateName> | undefined): boolean {
  if (product.value.kind !== 'product' || next?.value.kind !== 'family') return false;
  const own = next.value.family.product;
  const p = product.value.product;
  if (own === undefined || own === p.id) return false;
  const gap = compatibilityGap(text.slice(product.end, next.start));
  if (!gap) return false;
  if (gap.says) return true;
  const spoken = kb.product(own)?.protocols ?? [];
  return (p.protocols ?? []).some((x) => spoken.includes(x));
}

/**
 * A product of the estate as the report names it, with the version written: by its name
 * ("MySQL 8.0"), or by `written`, the customer's own words for it ("东软HIS 5.0"). A product named
 * with the engine it is compatible with keeps that engine beside its version, which is the
 * product's edition and not the engine's release: "阿里云 PolarDB（兼容MySQL 8.0）" by its name,
 * "PolarDB MySQL 8.0" in the customer's words.
 */
export function estateLabel(p: EstateEntry, written?: string): string {
  const name = written ?? p.name;
  const version = p.version && !name.endsWith(p.version) ? ` ${p.version}` : '';
  if (!p.compatible) return `${name}${version}`;
  return written === undefined ? `${name}（兼容${p.compatible}${version}）` : `${name} ${p.compatible}${version}`;
}

/** How the customer names it: as written ("海典H2"), unless that names only the vendor ("正方", "泛微"), then by the product's name. */
export function writtenLabel(p: EstateEntry): string {
  return [...p.written].length <= 3 && /[\u4e00-\u9fff]/.test(p.written) ? estateLabel(p) : estateLabel(p, p.written);
}

/**
 * The kinds of system the customer runs a product as: a suite named under a key that names one of
 * its kinds ("ERP：浪潮GS Cloud（财务）") is run as that one, not as every module it sells (its
 * treasury is then a module to buy, not a system the customer has); otherwise every kind it is.
 */
function usedAs(categories: readonly string[], f: Fact, kinds: ReturnType<typeof knowledgeIndex<'all-categories'>>): string[] {
  const key = f.fieldPath[f.fieldPath.length - 1];
  if (categories.length < 2 || key === undefined) return [...categories];
  const named = kinds.find(key)[0]?.value;
  return named !== undefined && categories.includes(named) ? [named] : [...categories];
}

export interface EstateResult {
  products: EstateEntry[];
  ids: Set<string>;
  /** Products the customer plans to move to ("逐步升级到用友BIP"), with the lines that say so. */
  upgradeTargets: Map<string, number[]>;
  nodes?: number;
  dataTb?: number;
}

/** A count followed by "broker" counts a message broker's nodes, not the estate's servers. */
const BROKER = caseInsensitiveRegExp('broker', 'i');
/** A count of people's devices (约6500台台式机和笔记本, 终端约3400台), not of the estate's servers. */
const DEVICES_AFTER = /^[^，；。]{0,4}(?:台式机|笔记本|终端|电脑|一体机|工作站|瘦客户机|打印机|手机|平板)/;

/** Whether the count ending at `end` in `text` is one of servers: not a broker's nodes, not people's devices, not the 台 of 台式机 ("Windows 10台式机"). */
function countsServers(text: string, end: number, fieldPath: readonly string[]): boolean {
  const after = text.slice(end, end + 12);
  return !BROKER.test(after.slice(0, 8)) && !after.startsWith('式') && !DEVICES_AFTER.test(after) && !fieldPath.some((k) => k.includes('终端'));
}
const ESTATE_SECTIONS = new Set(['基础设施现状', '当前痛点', '特殊要求']);

/** A key about people's devices: 终端, 办公电脑, 桌面, 笔记本, PC. */
const DEVICE_KEY = /终端|电脑|桌面|笔记本|台式机|\b[Pp][Cc]\b/;
function namesDevices(key: string): boolean {
  return DEVICE_KEY.test(key);
}

export function detectEstate(facts: readonly Fact[], kb: KnowledgeBase): EstateResult {
  const index = namesIndex(kb);
  const systems = knowledgeIndex(kb, 'business-categories');
  const kinds = knowledgeIndex(kb, 'all-categories');
  const entries = new Map<string, EstateEntry>();
  const ids = new Set<string>();
  const upgradeTargets = new Map<string, number[]>();
  let nodes = 0;
  const tb: number[] = [];
  const scaleTb: number[] = [];
  for (const f of facts) {
    if (f.fieldPath.includes('历史应对')) continue;
    if (f.section === '客户行业') {
      for (const fig of findFigures(f.value)) if (fig.unit === 'TB' || fig.unit === 'PB') scaleTb.push(fig.unit === 'PB' ? fig.value * 1000 : fig.value);
      continue;
    }
    if (!ESTATE_SECTIONS.has(f.section)) continue;
    // In 特殊要求 only the systems to integrate with count (保留/对接…), not the wishes.
    if (f.section === '特殊要求' && !f.fieldPath.some((p) => p === '兼容性' || p === '遗留系统')) continue;
    const hits = index.find(f.value);
    // What the previous component on the line runs under, for a list of them (runsUnder).
    let under: EstateName | undefined;
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      const named = hit.value;
      if (namesAnother(f.value, hit)) continue;
      if (f.section === '当前痛点' && triedAndDropped(f.value, hit.start)) continue;
      if (namedAsTarget(f.value, hit.start)) {
        if (named.kind === 'product') upgradeTargets.set(named.product.id, [...(upgradeTargets.get(named.product.id) ?? []), f.line + 1]);
        continue;
      }
      // "PolarDB MySQL 8.0" is PolarDB, and its 8.0 is not MySQL 8.0's end of support.
      const engine = compatibleEngine(kb, f.value, hit, hits[h + 1]) ? hits[++h]! : undefined;
      const version = versionAfter(f.value, (engine ?? hit).end);
      const family = named.kind === 'family' ? named.family : kb.lifecycle.find((l) => l.product === named.product.id);
      const found = named.kind === 'product' ? named.product : named.family.product ? kb.product(named.family.product) : undefined;
      // "终端：Windows 10 与 统信UOS 并存": the desktop edition the same words name there.
      const product = found?.onDevices !== undefined && f.fieldPath.some(namesDevices) ? (kb.product(found.onDevices) ?? found) : found;
      const key = family?.id ?? product!.id;
      // The family found above already: what entryName works out for a named component.
      const name = family?.name ?? product!.name;
      under = runsUnder(f.value, hits[h - 1], hit.start, under);
      const existing = entries.get(key);
      if (existing) {
        if (!existing.refs.includes(f.line + 1)) existing.refs.push(f.line + 1);
        if (!existing.version && version) existing.version = version;
        continue;
      }
      const servedName = servedBy(f.value, (engine ?? hit).end, hits[h + 1]) ?? under;
      const serves = servedName ? entryName(kb, servedName) : undefined;
      // Only words that name a kind of business system ("门店系统", "HIS"), not "10 broker节点" or "EHP6".
      const aside = serves ? undefined : bracketAfter(f.value, (engine ?? hit).end);
      const servesWritten = aside && systems.find(aside).length > 0 ? aside : undefined;
      const entry: EstateEntry = {
        name,
        ...(family ? { family: family.id } : {}),
        ...(product ? { product: product.id } : {}),
        categories: product ? usedAs(product.categories, f, kinds) : family?.category ? [family.category] : [],
        ...(version ? { version } : {}),
        written: f.value.slice(hit.start, hit.end),
        ...(engine?.value.kind === 'family' ? { compatible: engine.value.family.name } : {}),
        ...(serves ? { serves } : {}),
        ...(servesWritten ? { servesWritten } : {}),
        refs: [f.line + 1],
      };
      entries.set(key, entry);
      if (family) ids.add(family.id);
      if (product) {
        ids.add(product.id);
        for (const c of product.categories) ids.add(c);
      }
    }
    if (f.section === '基础设施现状') {
      for (const fig of findFigures(f.value)) {
        if ((fig.unit === '节点' || fig.unit === '台') && countsServers(f.value, fig.end, f.fieldPath)) nodes += fig.value;
        if (fig.unit === 'TB' || fig.unit === 'PB') tb.push(fig.unit === 'PB' ? fig.value * 1000 : fig.value);
      }
    }
  }
  // The customer's data: the largest figure it gives, in its scale or its estate (one system's storage,
  // "PACS约200TB影像", is part of a total "业务数据约300TB").
  const all = [...tb, ...scaleTb];
  const dataTb = all.length > 0 ? Math.max(...all) : undefined;
  return { products: [...entries.values()], ids, upgradeTargets, ...(nodes > 0 ? { nodes } : {}), ...(dataTb !== undefined ? { dataTb } : {}) };
}
