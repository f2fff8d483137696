/**
 * Whether two texts talk about the same thing: they share a Latin word of three letters or more
 * (Oracle, HL7; not a number, not part of a longer word), or a run of three Chinese characters
 * that is not built on a generic word (系统, 平台, 管理…). Deterministic scans, linear in the
 * lengths times the number of words; no regular expression on the texts.
 */
import { detached } from '../../text/detach';

/** Words that every product and every intake says: sharing them proves nothing. */
const GENERIC = ['系统', '平台', '中心', '管理', '服务', '数据', '产品', '支持', '集成', '一体', '方案', '能力', '国产', '国内', '行业', '企业', '建设', '开源', '部署'];

/** Latin words as generic as 系统 and 平台 (the SQL of "SQL Server" says nothing about a product that speaks SQL). */
const GENERIC_LATIN = new Set(['sql', 'api', 'apis', 'rest', 'http', 'https', 'web', 'server', 'service', 'services', 'data', 'cloud', 'saas', 'paas', 'iaas', 'app', 'and', 'the', 'for', 'with', 'plus', 'pro', 'enterprise', 'platform', 'system']);

// By code unit: `text[i]` of a Chinese character makes a new one-character string, every time.
const isLatin = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/** How many Chinese characters `text` holds, as the pairs above count them (U+4E00–U+9FFF). */
export function hanCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHan(text.charCodeAt(i))) n++;
  return n;
}

/** Latin words (letters and digits, at least one letter) and runs of Chinese characters of `text`. */
function pieces(text: string, minHan: number): { latin: string[]; han: string[] } {
  const latin: string[] = [];
  const han: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    let j = i + 1;
    if (isLatin(c)) {
      while (j < text.length && isLatin(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      const lower = word.toLowerCase();
      if (word.length >= 3 && /[A-Za-z]/.test(word) && !GENERIC_LATIN.has(lower)) latin.push(lower);
    } else if (isHan(c)) {
      while (j < text.length && isHan(text.charCodeAt(j))) j++;
      let run = text.slice(i, j);
      // Split only at the words the run holds: a split and join at an absent word changes nothing,
      // and costs two arrays and a string (most runs hold none of them, or one or two).
      let cutAt = false;
      for (let g = 0; g < GENERIC.length; g++) {
        const w = GENERIC[g]!;
        if (!run.includes(w)) continue;
        run = run.split(w).join('|');
        cutAt = true;
      }
      if (!cutAt) {
        if (run.length >= minHan) han.push(run);
      } else han.push(...run.split('|').filter((x) => x.length >= minHan));
    }
    i = j;
  }
  return { latin, han };
}

/**
 * A text cut once: its pieces, its Latin words as a set, and (made when first asked) the
 * n-character pieces of its Chinese runs, in order (`gramList`, for the side whose pieces are
 * looked up) and as a set (`grams`, for the side they are looked up in).
 */
interface Cut {
  minHan: 2 | 3;
  latin: readonly string[];
  han: readonly string[];
  words: ReadonlySet<string>;
  gramList?: readonly string[];
  grams?: ReadonlySet<string>;
}

/**
 * The same texts are compared again and again: the customer's whole intake with every clause of
 * every candidate product, and the knowledge base's clauses in every report. Each text is cut
 * once (per minimum run length) and kept, without `stop`, which is applied to the short side's
 * words at each comparison: a word of that side is then never a stop word, so stop words on the
 * other side cannot change what matches. The store is emptied when it grows past its bound.
 */
const cuts: Record<2 | 3, Map<string, Cut>> = { 2: new Map(), 3: new Map() };
const CUTS_KEPT = 4096;

function cut(text: string, minHan: 2 | 3): Cut {
  const kept = cuts[minHan];
  let found = kept.get(text);
  if (found === undefined) {
    // Cut from a copy: the pieces then keep only the copy, not the document the text came from.
    const own = detached(text);
    const p = pieces(own, minHan);
    found = { minHan, latin: p.latin, han: p.han, words: new Set(p.latin) };
    if (kept.size >= CUTS_KEPT) kept.clear();
    kept.set(own, found);
  }
  return found;
}

/**
 * Every piece of the cut's Chinese runs as long as its shortest run (two or three characters): a piece of that length is in one of
 * the runs exactly when it is in the runs joined by "|" (it holds no "|"), which is how the
 * comparisons were first written, but a lookup costs nothing where a search read the whole text.
 */
function gramsOf(c: Cut): ReadonlySet<string> {
  return (c.grams ??= new Set(gramListOf(c)));
}

/** The same pieces in the order of the runs and of their positions (duplicates kept), cut once per text. */
function gramListOf(c: Cut): readonly string[] {
  if (c.gramList === undefined) {
    const n = c.minHan;
    const list: string[] = [];
    for (const run of c.han) for (let i = 0; i + n <= run.length; i++) list.push(run.slice(i, i + n));
    c.gramList = list;
  }
  return c.gramList;
}

/**
 * The first word or three-character run of `a` that `b` shares, or undefined. `stop`: more Latin
 * words (lower case) to ignore, such as the names of system types (HIS, MES).
 */
function sharedRun(a: string, b: string, stop?: ReadonlySet<string>): string | undefined {
  const x = cut(a, 3);
  const y = cut(b, 3);
  for (const w of x.latin) if (y.words.has(w) && !stop?.has(w)) return w;
  const trigrams = gramsOf(y);
  // In the order of a's runs and positions: the first shared run is the one the scan by slices found.
  for (const tri of gramListOf(x)) if (trigrams.has(tri)) return tri;
  return undefined;
}

/**
 * The answers of sharesWords and touches, per stop-word set (by identity: the sets passed are made
 * once per knowledge base or product and never change), per `b`, per `a`: every report of an
 * intake compares the customer's text with the same knowledge-base clauses. Emptied past their
 * bounds, as the cuts are.
 */
class Answers {
  private readonly byStop = new WeakMap<object, Map<string, Map<string, boolean>>>();
  /**
   * The last `stop` and `b` asked about, and their answers: callers ask about one `b` (the
   * customer's text, a long string made once per report) for many `a` in a row, and a lookup by
   * `b` compares all its characters with the kept copy, where `===` on the same string is at once
   * true. Holds one string of the caller's until a call with another `b`.
   */
  private last: { stop: object; b: string; byA: Map<string, boolean> } | undefined;

  /** `answer` works out what is not kept; it is given when the store is made, so that a call makes no closure. */
  constructor(private readonly answer: (a: string, b: string, stop: ReadonlySet<string> | undefined) => boolean) {}

  get(a: string, b: string, stop: ReadonlySet<string> | undefined): boolean {
    const key = stop ?? NO_STOP;
    let byA: Map<string, boolean>;
    const last = this.last;
    if (last !== undefined && last.stop === key && last.b === b) byA = last.byA;
    else {
      byA = this.byB(b, key);
      this.last = { stop: key, b, byA };
    }
    let found = byA.get(a);
    if (found === undefined) {
      found = this.answer(a, b, stop);
      if (byA.size >= CUTS_KEPT) byA.clear();
      byA.set(detached(a), found);
    }
    return found;
  }

  /** The answers kept for `b` and `stop`. */
  private byB(b: string, stop: object): Map<string, boolean> {
    let byB = this.byStop.get(stop);
    if (!byB) {
      byB = new Map();
      this.byStop.set(stop, byB);
    }
    let byA = byB.get(b);
    if (!byA) {
      if (byB.size >= 16) byB.clear();
      byA = new Map();
      byB.set(detached(b), byA);
    }
    return byA;
  }
}

/** The key for "no stop words". */
const NO_STOP = {};
const shares = new Answers((a, b, stop) => sharedRun(a, b, stop) !== undefined);
const touching = new Answers((a, b, stop) => sharesWords(a, b, stop) || sharesPair(a, b));

export function sharesWords(a: string, b: string, stop?: ReadonlySet<string>): boolean {
  return shares.get(a, b, stop);
}

/** Two-character words too common to tie a caveat to a customer. */
const COMMON_PAIRS = new Set(['需要', '需单', '单独', '评估', '客户', '项目', '实施', '版本', '成本', '接口', '定制', '能力', '有限', '支持', '部署', '私有', '开源', '社区', '企业', '功能', '范围', '核对', '逐项', '厂商', '原厂', '依赖', '较大', '较高', '更高', '以上', '可能', '注意', '场景', '方案', '管理', '系统', '平台', '数据', '服务', '产品', '国产', '国内', '行业', '集成', '架构', '模式', '许可', '订阅', '价格', '报价', '运维', '升级', '迁移', '新老', '老系', '要求', '兼容', '认证', '清单', '接入', '规模', '国际', '组件', '环境', '网络', '能否', '大型', '中型', '小型', '海量', '复杂', '周期', '发布', '使用', '工具', '开发', '二次', '配置', '核心', '控制', '维护', '全球', '中国', '独立', '相互']);

/**
 * Looser than {@link sharesWords}, for a product's caveat (a warning costs little when it is only
 * near the mark): a shared Latin word, or a shared pair of Chinese characters that is not common
 * ("海外" of 海外仓 and 海外渠道).
 */
export function touches(a: string, b: string, stop?: ReadonlySet<string>): boolean {
  return touching.get(a, b, stop);
}

/**
 * How many distinct pairs of Chinese characters of `a`, not common ones, `b` holds ("医保" and
 * "拒付" of 医保拒付多 in 病案编码不准导致医保拒付: two).
 */
export function sharedPairCount(a: string, b: string): number {
  const pairs = gramsOf(cut(b, 2));
  const found = new Set<string>();
  for (const pair of gramListOf(cut(a, 2))) if (!COMMON_PAIRS.has(pair) && pairs.has(pair)) found.add(pair);
  return found.size;
}

/** A shared pair of Chinese characters that is not common. */
function sharesPair(a: string, b: string): boolean {
  const pairs = gramsOf(cut(b, 2));
  for (const pair of gramListOf(cut(a, 2))) if (!COMMON_PAIRS.has(pair) && pairs.has(pair)) return true;
  return false;
}
