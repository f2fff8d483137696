/**
 * Whether two texts talk about the same thing: they share a Latin word of three letters or more
 * (Oracle, HL7; not a number, not part of a longer word), or a run of three Chinese characters
 * that is not built on a generic word (系统, 平台, 管理…). Deterministic scans, linear in the
 * lengths times the number of words; no regular expression on the texts.
 */

/** Words that every product and every intake says: sharing them proves nothing. */
const GENERIC = ['系统', '平台', '中心', '管理', '服务', '数据', '产品', '支持', '集成', '一体', '方案', '能力', '国产', '国内', '行业', '企业', '建设', '开源', '部署'];

/** Latin words as generic as 系统 and 平台 (the SQL of "SQL Server" says nothing about a product that speaks SQL). */
const GENERIC_LATIN = new Set(['sql', 'api', 'apis', 'rest', 'http', 'https', 'web', 'server', 'service', 'services', 'data', 'cloud', 'saas', 'paas', 'iaas', 'app', 'and', 'the', 'for', 'with', 'plus', 'pro', 'enterprise', 'platform', 'system']);

const isLatin = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
const isHan = (c: string) => c >= '\u4e00' && c <= '\u9fff';

/** Latin words (letters and digits, at least one letter) and runs of Chinese characters of `text`. */
function pieces(text: string, stop?: ReadonlySet<string>): { latin: string[]; han: string[] } {
  const latin: string[] = [];
  const han: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    let j = i + 1;
    if (isLatin(c)) {
      while (j < text.length && isLatin(text[j]!)) j++;
      const word = text.slice(i, j);
      const lower = word.toLowerCase();
      if (word.length >= 3 && /[A-Za-z]/.test(word) && !GENERIC_LATIN.has(lower) && !stop?.has(lower)) latin.push(lower);
    } else if (isHan(c)) {
      while (j < text.length && isHan(text[j]!)) j++;
      let run = text.slice(i, j);
      for (const w of GENERIC) run = run.split(w).join('|');
      han.push(...run.split('|').filter((x) => x.length >= 3));
    }
    i = j;
  }
  return { latin, han };
}

/**
 * The first word or three-character run of `a` that `b` shares, or undefined. `stop`: more Latin
 * words (lower case) to ignore, such as the names of system types (HIS, MES).
 */
export function sharedRun(a: string, b: string, stop?: ReadonlySet<string>): string | undefined {
  const x = pieces(a, stop);
  const y = pieces(b, stop);
  const words = new Set(y.latin);
  for (const w of x.latin) if (words.has(w)) return w;
  const hanB = y.han.join('|');
  for (const run of x.han) {
    for (let i = 0; i + 3 <= run.length; i++) {
      const tri = run.slice(i, i + 3);
      if (hanB.includes(tri)) return tri;
    }
  }
  return undefined;
}

export function sharesWords(a: string, b: string, stop?: ReadonlySet<string>): boolean {
  return sharedRun(a, b, stop) !== undefined;
}
