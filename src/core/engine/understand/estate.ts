/**
 * What the customer runs: products (knowledge-base products and lifecycle families) with the
 * version written after them, server counts and data volume. Read from 基础设施现状, the pains
 * and the compatibility requirements; a mention in 历史应对 is what was tried, not the estate.
 */
import { caseInsensitiveRegExp } from '../../text/caseExpand';
import type { KnowledgeBase } from '../../knowledge/knowledge';
import type { Fact } from '../../facts/facts';
import type { UnderstandingModel } from '../reportModel';
import { knowledgeIndex } from '../text/knowledgeIndexes';
import { findFigures } from '../text/figures';
import { swapSuffix } from '../../text/affix';

type EstateEntry = UnderstandingModel['estate']['products'][number];

function namesIndex(kb: KnowledgeBase) {
  return knowledgeIndex(kb, 'estate-names');
}

/** g or c after a version number (11g, 12c): an edition letter, `[gcGC]`. */
function isEditionLetter(c: string | undefined): boolean {
  return c === 'g' || c === 'c' || c === 'G' || c === 'C';
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

export interface EstateResult {
  products: EstateEntry[];
  ids: Set<string>;
  nodes?: number;
  dataTb?: number;
}

/** A count followed by "broker" counts a message broker's nodes, not the estate's servers. */
const BROKER = caseInsensitiveRegExp('broker', 'i');
const ESTATE_SECTIONS = new Set(['基础设施现状', '当前痛点', '特殊要求']);

export function detectEstate(facts: readonly Fact[], kb: KnowledgeBase): EstateResult {
  const index = namesIndex(kb);
  const entries = new Map<string, EstateEntry>();
  const ids = new Set<string>();
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
    for (const hit of index.find(f.value)) {
      const named = hit.value;
      const version = versionAfter(f.value, hit.end);
      const family = named.kind === 'family' ? named.family : kb.lifecycle.find((l) => l.product === named.product.id);
      const product = named.kind === 'product' ? named.product : named.family.product ? kb.product(named.family.product) : undefined;
      const key = family?.id ?? product!.id;
      const name = family?.name ?? product!.name;
      const existing = entries.get(key);
      if (existing) {
        if (!existing.refs.includes(f.line + 1)) existing.refs.push(f.line + 1);
        if (!existing.version && version) existing.version = version;
        continue;
      }
      const entry: EstateEntry = {
        name,
        ...(family ? { family: family.id } : {}),
        ...(product ? { product: product.id } : {}),
        categories: product?.categories ?? [],
        ...(version ? { version } : {}),
        written: f.value.slice(hit.start, hit.end),
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
        if ((fig.unit === '节点' || fig.unit === '台') && !BROKER.test(f.value.slice(fig.end, fig.end + 8))) nodes += fig.value;
        if (fig.unit === 'TB' || fig.unit === 'PB') tb.push(fig.unit === 'PB' ? fig.value * 1000 : fig.value);
      }
    }
  }
  const dataTb = tb.length > 0 ? Math.max(...tb) : scaleTb.length > 0 ? Math.max(...scaleTb) : undefined;
  return { products: [...entries.values()], ids, ...(nodes > 0 ? { nodes } : {}), ...(dataTb !== undefined ? { dataTb } : {}) };
}
