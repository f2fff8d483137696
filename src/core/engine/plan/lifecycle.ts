/**
 * Versions past, or within twelve months of, their end of support on the report date. The dates
 * live in lifecycle.yaml; the report date is `--as-of` (default today), so the same intake gives
 * the same report on the same date.
 */
import type { LifecycleFinding } from '../reportModel';
import type { Understanding } from '../understand';
import { domesticRequirement, productMustBeDomestic } from './domestic';
import { movesToCloudService } from './cloudMove';
import { isReplaced } from './replaced';
import { replacementOf } from './replacements';
import { writtenLabel } from '../understand/estate';
import { knowledgeIndex } from '../text/knowledgeIndexes';

type EstateProduct = Understanding['model']['estate']['products'][number];

const SOON_DAYS = 365;

/** Whether the written version continues the lifecycle line's version ("8.0.32" → "8.0", "11g" → "11"). */
function versionMatches(written: string, line: string): boolean {
  if (written === line) return true;
  if (!written.startsWith(line)) return false;
  const next = written[line.length]!;
  return next === '.' || /[a-z]/i.test(next);
}

type Family = NonNullable<ReturnType<Understanding['kb']['family']>>;

/** The lifecycle line a written version belongs to: the most specific wins ("6.2" before "6"). */
function versionLine(versions: Family['versions'], written: string): Family['versions'][number] | undefined {
  return [...versions].sort((a, b) => b.version.length - a.version.length).find((v) => versionMatches(written, v.version));
}

/**
 * The end of support the knowledge gives for a component still supported on the report date
 * (SAP ECC 6.0's mainstream maintenance to 2027-12-31), for the appendix to say beside 支持中.
 */
export function supportedUntil(u: Understanding, p: EstateProduct, asOf: string): { date: string; source: string } | undefined {
  const family = p.family && p.version ? u.kb.family(p.family) : undefined;
  const line = family && p.version ? versionLine(family.versions, p.version) : undefined;
  return line?.endOfSupport && line.endOfSupport > asOf ? { date: line.endOfSupport, source: line.source } : undefined;
}

export function lifecycleFindings(u: Understanding): LifecycleFinding[] {
  const out: LifecycleFinding[] = [];
  const asOf = Date.parse(u.asOf);
  for (const p of u.model.estate.products) {
    if (!p.family || !p.version) continue;
    const family = u.kb.family(p.family);
    if (!family) continue;
    const matched = versionLine(family.versions, p.version);
    // A version older than every line listed ("SQL Server 2005", "Oracle 10g") is out of support
    // no later than the oldest line is: said with that date as "不晚于", never as "支持中".
    const older = matched ? undefined : olderThanAll(p.version, family.versions);
    const line = matched ?? older;
    if (!line) continue;
    const date = line.endOfSupport ?? line.unsupportedAsOf!;
    const days = (Date.parse(date) - asOf) / 86_400_000;
    const status = days <= 0 ? 'past' : line.endOfSupport && days <= SOON_DAYS ? 'soon' : undefined;
    // For a version older than every line, only "past" is known.
    if (!status || (older && status !== 'past')) continue;
    // Under full 信创, or a requirement that its layer be domestic (数据库国产化), the upgrade path
    // is the domestic move, where the family has one.
    // A component of the system the project replaces ("Oracle 11g（SAP ECC）" under a new ERP) goes with it.
    const served = p.serves ? u.model.estate.products.find((e) => e.name === p.serves) : p.servesWritten ? replacedCoreNamed(u, p.servesWritten) : undefined;
    // On the line of the system the project replaces, named by its kind and no product ("门店：每店1台
    // 收银机，Windows 7，SQL Server 2008本地库" under a POS replacement): it goes with that system.
    const retiresWith = served && isReplaced(u, served) ? writtenLabel(served) : !served ? replacedCoreOnLines(u, p.refs) : undefined;
    // Moving to the cloud, a self-managed MySQL or Kubernetes is upgraded as it moves to the
    // cloud's service: no upgrade of its own to schedule.
    const product = family.product ? u.kb.product(family.product) : undefined;
    const migrates = !retiresWith && (product ? product.cloud === 'none' && movesToCloudService(u, product.categories) : family.category !== undefined && movesToCloudService(u, [family.category]));
    // A domestic replacement the project is (of the databases, of the office PCs, software and
    // email): a foreign component of what it replaces goes in the replacement.
    const replacement = replacementOf(u, product ?? { categories: family.category !== undefined ? [family.category] : [] });
    const replaced = !retiresWith && !migrates && replacement !== undefined;
    // A database on a line of its own ("数据库：Oracle 11g") beside the one application the project
    // replaces is likely that application's, which the intake does not say: the advice says both.
    // Not where the line says more ("网络教学平台使用MySQL 5.7", "MySQL 5.7（小程序）").
    const likely = !retiresWith && !migrates && !replaced && !p.serves && !p.servesWritten && p.refs.every((line) => onlyAProduct(u, line)) ? soleReplacedApplication(u, product) : undefined;
    const ownPath = family.xinchuangUpgrade && (u.constraintKinds.has('xinchuang-full') || (productMustBeDomestic(family.product, u) && !servesOutsideRequirement(u, product, p))) ? domesticMove(u, product, family.xinchuangUpgrade) : family.upgrade;
    const upgrade =
      retiresWith
        ? `随${retiresWith}下线，不单独升级；下线前做好隔离与备份`
        : replaced
          ? replacement!.said
        : migrates
          ? `迁到目标云的托管服务时一并升级到受支持的版本，不单独升级；迁移前在测试环境回归兼容性`
          : likely
          ? `若只承载现有${writtenLabel(likely)}，随其下线，否则${ownPath}`
          : ownPath;
    out.push({ family: family.id, name: family.name, version: p.version, status, date, ...(line.endOfSupport && !older ? {} : { byDate: true }), what: line.what, source: line.source, upgrade, ...(retiresWith ? { retiresWith } : {}), ...(likely ? { mayRetireWith: writtenLabel(likely) } : {}), ...(migrates ? { migrates: true } : {}), ...(replaced ? { replaced: true } : {}), refs: p.refs });
  }
  return out.sort((a, b) => (a.status === b.status ? byDate(a.date, b.date) : a.status === 'past' ? -1 : 1));
}

/** Whether the project itself takes the component away: it goes with the system replaced, or is replaced. */
export function goesAway(l: LifecycleFinding): boolean {
  return l.retiresWith !== undefined || l.replaced === true;
}

/**
 * Whether a requirement that one layer be domestic names the systems it holds for ("核心交易系统
 * 数据库国产化") and the component serves another ("MySQL 5.7（CRM）"): that component keeps its
 * own upgrade path. A requirement that names no system ("数据库国产化") holds for every one.
 */
function servesOutsideRequirement(u: Understanding, product: { categories: readonly string[] } | undefined, p: EstateProduct): boolean {
  if (!product || p.servesWritten === undefined) return false;
  const index = knowledgeIndex(u.kb, 'business-categories');
  const served = index.find(p.servesWritten).map((h) => h.value.id);
  if (served.length === 0) return false;
  const scope = product.categories.flatMap((c) => {
    const requirement = domesticRequirement(c, u);
    return requirement ? index.find(requirement.text).map((h) => h.value.id) : [];
  });
  return scope.length > 0 && !served.some((id) => scope.includes(id));
}

/**
 * The domestic move for a foreign `product` under 信创: to the domestic product of its kind the
 * customer already runs, where there is one ("MySQL 5.7" beside "达梦DM8": 迁移到已在用的达梦
 * 数据库 DM8), rather than the family's list of domestic products to choose from.
 */
function domesticMove(u: Understanding, product: { categories: readonly string[] } | undefined, path: string): string {
  if (!product) return path;
  const inUse = u.model.estate.products.find((e) => {
    const own = e.product ? u.kb.product(e.product) : undefined;
    return own !== undefined && own.origin === 'cn' && own.xinchuang.adapted && own.categories.some((c) => product.categories.includes(c));
  });
  return inUse ? `迁移到已在用的${inUse.name}` : path;
}

/** Whether the component has an upgrade of its own to schedule: it neither goes away nor is upgraded as it moves to a cloud service. */
export function ownUpgrade(l: LifecycleFinding): boolean {
  return !goesAway(l) && l.migrates !== true;
}

/** The leading numbers of a version ("2008 R2" → [2008], "10g" → [10], "1.18" → [1, 18]), if it has one. */
function versionNumbers(version: string): number[] | undefined {
  const m = /^\d{1,6}(?:\.\d{1,6}){0,3}/.exec(version);
  return m ? m[0].split('.').map(Number) : undefined;
}

/**
 * Whether version `a` comes before `b`, number by number ("1.18" before "1.19", "10" before
 * "11"); as far as both are written: "6" is not before "6.7".
 */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** The oldest listed line, when `written` comes before every line listed (Kubernetes 1.18 before 1.19). */
function olderThanAll<V extends { version: string }>(written: string, lines: readonly V[]): V | undefined {
  const n = versionNumbers(written);
  if (n === undefined) return undefined;
  let oldest: { line: V; n: number[] } | undefined;
  for (const line of lines) {
    const m = versionNumbers(line.version);
    if (m === undefined) return undefined;
    if (!oldest || before(m, oldest.n)) oldest = { line, n: m };
  }
  return oldest && before(n, oldest.n) ? oldest.line : undefined;
}

/** A finding's date as the report writes it: "2020-04-30", or "不晚于2024-01-01" for a line without a published end. */
export function lifecycleDate(l: LifecycleFinding): string {
  return l.byDate ? `不晚于${l.date}` : l.date;
}

/**
 * YYYY-MM-DD dates (the schema's IsoDate) in order: their code units sort as the calendar does.
 * Not localeCompare: its first call sets up an ICU collator, about 3 ms of the first report.
 */
function byDate(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether intake line `line` (1-based) gives a product and its version and nothing else ("Oracle 11g"). */
function onlyAProduct(u: Understanding, line: number): boolean {
  const value = u.usable.find((f) => f.line === line - 1)?.value;
  return value !== undefined && /^[A-Za-z][A-Za-z0-9 .-]*$/.test(value.trim());
}

/**
 * The one application in the estate, when the project replaces it and `product` is a database
 * (a data-layer product): the database is then likely that application's.
 */
function soleReplacedApplication(u: Understanding, product: { categories: readonly string[] } | undefined): EstateProduct | undefined {
  if (!product?.categories.some((c) => u.kb.category(c)?.layer === 'data')) return undefined;
  const applications = u.model.estate.products.filter((e) => e.categories.some((c) => u.kb.category(c)?.layer === 'business'));
  return applications.length === 1 && isReplaced(u, applications[0]!) ? applications[0] : undefined;
}

/**
 * The core system the project replaces, by its kind's name, when one of `lines` (1-based) names
 * it by its kind and the estate has no product for it: what else that line lists is its.
 */
function replacedCoreOnLines(u: Understanding, lines: readonly number[]): string | undefined {
  const core = u.model.coreSystem;
  if (!core.category || !core.inScope || !core.replaces || u.model.estate.products.some((e) => isReplaced(u, e))) return undefined;
  const category = core.category;
  const names = (line: number) => {
    const f = u.usable.find((x) => x.line === line - 1);
    return f !== undefined && namesKind(u, f.value, category);
  };
  return lines.some(names) ? u.kb.category(category)?.name : undefined;
}

/**
 * The product the project replaces as its core system, when `words` name that system by its kind
 * ("Oracle 11g（门店系统）" while 海典H2, the store system, is replaced).
 */
function replacedCoreNamed(u: Understanding, words: string): EstateProduct | undefined {
  const core = u.model.coreSystem.category;
  if (core === undefined || !namesKind(u, words, core)) return undefined;
  return u.model.estate.products.find((e) => isReplaced(u, e));
}

/** Whether `words` name the business system kind `category`, read as the estate reads them (servesWritten): by the business categories' names. */
function namesKind(u: Understanding, words: string, category: string): boolean {
  return knowledgeIndex(u.kb, 'business-categories').find(words).some((h) => h.value.id === category);
}
