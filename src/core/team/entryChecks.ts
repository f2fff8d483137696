/**
 * What a JSON Schema cannot say about an entry a team adds or changes: that the ids it names
 * exist (in the embedded knowledge or an overlay), that a rule's preconditions name real
 * industries, that its patterns compile and run in linear time, and the few rules the zod
 * schemas state as refinements (a range's low is not above its high…). The same checks as the
 * build runs on the embedded knowledge (knowledge/integrity.ts, regexSafety.ts), per entry, with
 * the path of the offending value so that the diagnostic lands on it.
 */
import type { FieldCatalog } from '../catalog/catalog';
import { t } from '../l10n';
import { checkPatternSafety } from '../knowledge/regexSafety';
import { hasEmptySpelling } from '../knowledge/spellings';
import type { Category, Condition, Framework, Industry, LifecycleFamily, Product, Rule } from '../knowledge/schema';
import { TEAM_CODES, type EntryKind, type TeamCode } from './types';

export interface EntryIssue {
  code: TeamCode;
  message: string;
  /** Within the entry. */
  path: (string | number)[];
}

/** What the entries may refer to: the merged knowledge as it stands. */
export interface World {
  has(kind: EntryKind, id: string): boolean;
  framework(id: string): Framework | undefined;
  catalog: FieldCatalog;
}

/** Summaries the report body shows are short (knowledge/schema.ts). */
const MAX_RULE_SUMMARY = 90;

export function entryIssues(kind: EntryKind, entry: unknown, world: World): EntryIssue[] {
  switch (kind) {
    case 'products':
      return productIssues(entry as Product, world);
    case 'categories':
      return categoryIssues(entry as Category, world);
    case 'industries':
      return industryIssues(entry as Industry, world);
    case 'frameworks':
      return frameworkIssues(entry as Framework, world);
    case 'lifecycle':
      return lifecycleIssues(entry as LifecycleFamily, world);
    case 'rules':
      return ruleIssues(entry as Rule, world);
  }
}

const KIND_WORDS: Record<EntryKind, () => string> = {
  products: () => t('product'),
  categories: () => t('category'),
  industries: () => t('industry'),
  frameworks: () => t('framework'),
  lifecycle: () => t('lifecycle family'),
  rules: () => t('rule'),
};

export function kindWord(kind: EntryKind): string {
  return KIND_WORDS[kind]();
}

function refs(out: EntryIssue[], world: World, kind: EntryKind, ids: readonly string[] | undefined, path: (string | number)[]): void {
  (ids ?? []).forEach((id, i) => {
    if (world.has(kind, id)) return;
    const code = kind === 'industries' ? TEAM_CODES.unknownIndustry : TEAM_CODES.unknownId;
    out.push({ code, message: t('no {0} has the id "{1}"', kindWord(kind), id), path: [...path, i] });
  });
}

function condition(out: EntryIssue[], world: World, c: Condition | undefined, path: (string | number)[]): void {
  if (!c) return;
  refs(out, world, 'industries', c.industries, [...path, 'industries']);
  refs(out, world, 'frameworks', c.frameworks, [...path, 'frameworks']);
  (c.estate ?? []).forEach((e, i) => {
    if (!world.has('lifecycle', e) && !world.has('products', e) && !world.has('categories', e)) out.push({ code: TEAM_CODES.unknownId, message: t('"{0}" is neither a lifecycle family, a product nor a category', e), path: [...path, 'estate', i] });
  });
}

function range(out: EntryIssue[], value: readonly number[] | undefined, path: (string | number)[]): void {
  if (value && value.length === 2 && value[0]! > value[1]!) out.push({ code: TEAM_CODES.schema, message: t('the low end ({0}) is above the high end ({1})', value[0]!, value[1]!), path });
}

function productIssues(p: Product, world: World): EntryIssue[] {
  const out: EntryIssue[] = [];
  refs(out, world, 'categories', p.categories, ['categories']);
  refs(out, world, 'frameworks', p.certifications, ['certifications']);
  refs(out, world, 'frameworks', p.supports, ['supports']);
  refs(out, world, 'industries', p.industries, ['industries']);
  (p.certifications ?? []).forEach((c, i) => {
    const f = world.framework(c);
    if (f && f.kind !== 'certification') out.push({ code: TEAM_CODES.schema, message: t('"{0}" is a {1}, not a certification a product can hold (list it under supports)', c, f.kind), path: ['certifications', i] });
  });
  if (p.cloud && p.cloud !== 'none' && p.controlPlane === 'customer') out.push({ code: TEAM_CODES.schema, message: t('a {0} managed service cannot have a customer-hosted control plane', p.cloud), path: ['controlPlane'] });
  // A spelling of nothing would be found in every goal (knowledge/integrity.ts says the same).
  for (const field of ['lacks', 'provides'] as const) {
    (p[field]?.words ?? []).forEach((w, i) => {
      if (hasEmptySpelling(w)) out.push({ code: TEAM_CODES.schema, message: t('"{0}" has an empty spelling between its | marks', w), path: [field, 'words', i] });
    });
  }
  return out;
}

function categoryIssues(c: Category, world: World): EntryIssue[] {
  const out: EntryIssue[] = [];
  if (c.cost) costRanges(out, c.cost, ['cost']);
  (c.scopes ?? []).forEach((x, n) => {
    refs(out, world, 'products', x.products, ['scopes', n, 'products']);
    if (x.cost) costRanges(out, x.cost, ['scopes', n, 'cost']);
  });
  return out;
}

/** A cost profile's ranges (Range's refinement, which the JSON Schema does not keep), at `path`. */
function costRanges(out: EntryIssue[], cost: Category['cost'], path: (string | number)[]): void {
  for (const key of ['licencePerUnit', 'implementation', 'infraPerUnit', 'operationsShare'] as const) range(out, cost[key], [...path, key]);
  const per = cost.implementationPer;
  if (per) for (const key of ['base', 'perUnit'] as const) range(out, per[key], [...path, 'implementationPer', key]);
  if (cost.noteWith?.infraPerUnit) range(out, cost.noteWith.infraPerUnit, [...path, 'noteWith', 'infraPerUnit']);
}

function industryIssues(i: Industry, world: World): EntryIssue[] {
  const out: EntryIssue[] = [];
  (i.coreSystems ?? []).forEach((s, n) => refs(out, world, 'categories', [s.category], ['coreSystems', n, 'category']));
  if (i.coreSystem) refs(out, world, 'categories', [i.coreSystem], ['coreSystem']);
  (i.segments ?? []).forEach((s, n) => refs(out, world, 'categories', [s.coreSystem], ['segments', n, 'coreSystem']));
  refs(out, world, 'frameworks', i.frameworks, ['frameworks']);
  (i.regulators ?? []).forEach((r, n) => {
    if (r.governs) refs(out, world, 'categories', r.governs.categories, ['regulators', n, 'governs', 'categories']);
  });
  return out;
}

function frameworkIssues(f: Framework, world: World): EntryIssue[] {
  const out: EntryIssue[] = [];
  (f.appliesWhen ?? []).forEach((c, n) => condition(out, world, c, ['appliesWhen', n]));
  (f.unless ?? []).forEach((c, n) => condition(out, world, c, ['unless', n]));
  if (f.governs) refs(out, world, 'categories', f.governs.categories, ['governs', 'categories']);
  if (f.levelPattern !== undefined && !compiles(f.levelPattern)) out.push({ code: TEAM_CODES.unsafePattern, message: t('the pattern does not compile: {0}', f.levelPattern), path: ['levelPattern'] });
  else if (f.levels && f.aliases) for (const p of checkPatternSafety({ rules: [], frameworks: [f] })) out.push({ code: TEAM_CODES.unsafePattern, message: p, path: ['levelPattern'] });
  (f.levelSummaries ?? []).forEach((l, n) => {
    if (!(f.levels ?? []).includes(l.level)) out.push({ code: TEAM_CODES.unknownId, message: t('"{0}" is none of the levels of the framework', l.level), path: ['levelSummaries', n, 'level'] });
  });
  return out;
}

function lifecycleIssues(l: LifecycleFamily, world: World): EntryIssue[] {
  const out: EntryIssue[] = [];
  if (l.product) refs(out, world, 'products', [l.product], ['product']);
  const seen = new Set<string>();
  (l.versions ?? []).forEach((v, n) => {
    if ((v.endOfSupport === undefined) === (v.unsupportedAsOf === undefined)) out.push({ code: TEAM_CODES.schema, message: t('give exactly one of endOfSupport and unsupportedAsOf'), path: ['versions', n] });
    if (seen.has(v.version)) out.push({ code: TEAM_CODES.duplicateId, message: t('version "{0}" is listed twice', v.version), path: ['versions', n, 'version'] });
    seen.add(v.version);
  });
  return out;
}

function ruleIssues(r: Rule, world: World): EntryIssue[] {
  const out: EntryIssue[] = [];
  if ((r.all ?? []).length + (r.any ?? []).length === 0) out.push({ code: TEAM_CODES.schema, message: t('a rule needs at least one matcher in all or any'), path: ['all'] });
  if (r.summary && [...r.summary].length > MAX_RULE_SUMMARY) out.push({ code: TEAM_CODES.schema, message: t('summary: at most {0} characters', MAX_RULE_SUMMARY), path: ['summary'] });
  refs(out, world, 'categories', r.categories, ['categories']);
  refs(out, world, 'products', r.products, ['products']);
  refs(out, world, 'frameworks', r.frameworks, ['frameworks']);
  condition(out, world, r.when, ['when']);
  (r.unless ?? []).forEach((c, n) => condition(out, world, c, ['unless', n]));
  for (const list of ['all', 'any', 'none'] as const) {
    (r[list] ?? []).forEach((m, n) => {
      const at = [list, n];
      if (!compiles(m.pattern)) out.push({ code: TEAM_CODES.unsafePattern, message: t('the pattern does not compile: {0}', m.pattern), path: [...at, 'pattern'] });
      else for (const p of checkPatternSafety({ rules: [{ ...r, all: [m], any: [], none: [] }], frameworks: [] })) out.push({ code: TEAM_CODES.unsafePattern, message: p, path: [...at, 'pattern'] });
      const section = m.section !== undefined ? world.catalog.section(m.section) : undefined;
      if (m.section !== undefined && !section) out.push({ code: TEAM_CODES.unknownId, message: t('the catalog has no section "{0}"', m.section), path: [...at, 'section'] });
      if (m.field !== undefined && section && !world.catalog.field(section, m.field)) out.push({ code: TEAM_CODES.unknownId, message: t('section "{0}" has no field "{1}"', section.name, m.field), path: [...at, 'field'] });
    });
  }
  return out;
}

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
}
