/**
 * Numbers with their magnitude and unit as intakes write them: "200万+", "1.2万笔", "300ms",
 * "15%", "80TB", "2.4PB", "6个月", "50节点", "4800人". A hand-written scanner (no regular
 * expressions): one pass over the text, so it is linear whatever the input.
 */
import { memoByText } from '../../text/memo';

export interface Figure {
  /** The value with its magnitude applied: "1.2万" → 12000. */
  readonly value: number;
  /** The unit as written after the number (笔, ms, %, TB…), or ''. */
  readonly unit: string;
  /** The number, magnitude and unit as written: "1.2万笔". */
  readonly text: string;
  /** [start, end) in the text. */
  readonly start: number;
  readonly end: number;
  /** A trailing "+" or "以上": a lower bound. */
  readonly atLeast: boolean;
}

const MAGNITUDES: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, k: 1e3, K: 1e3 };
/** Longest first, so "个月" wins over "个" and "毫秒" over "秒". */
const UNITS = [
  '千瓦时', '万千瓦时', '人次', '个月', '小时', '分钟', '毫秒', '工作日', '门次', '节点', '万元', 'broker',
  'TPS', 'QPS', 'RPS', 'Mbps', 'Gbps', 'ms', 'TB', 'PB', 'GB', 'MB', 'GW', 'MW', 'kW', 's',
  '%', '％', '秒', '天', '月', '年', '周', '笔', '单', '人', '台', '个', '家', '张', '条', '件', '次', '点', '门', '座', '处', '辆', '元', '行', '层', '级',
].sort((a, b) => b.length - a.length);

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Every figure in `text`, in order (kept per text: see text/memo.ts; the list is shared, never modify it). */
export const findFigures: (text: string) => readonly Figure[] = memoByText(scanFigures);

function scanFigures(text: string): Figure[] {
  const out: Figure[] = [];
  let i = 0;
  while (i < text.length) {
    // The code unit, not text[i]: that makes a new string of each Chinese character it reads.
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39 || (i > 0 && /[A-Za-z._]/.test(text[i - 1]!))) {
      i++;
      continue;
    }
    const start = i;
    let j = i;
    let dots = 0;
    while (j < text.length && (isDigit(text[j]) || ((text[j] === '.' || text[j] === ',') && isDigit(text[j + 1]) && (text[j] === ',' || dots++ === 0)))) j++;
    const number = Number(text.slice(start, j).replace(/,/g, ''));
    let k = j;
    if (text[k] === ' ') k++;
    let factor = 1;
    const mag = text[k];
    if (mag !== undefined && MAGNITUDES[mag] !== undefined && !(mag === 'k' || mag === 'K' ? /[A-Za-z]/.test(text[k + 1] ?? '') : false)) {
      factor = MAGNITUDES[mag]!;
      k++;
    }
    let end = factor === 1 ? j : k;
    let unit = '';
    let u = end;
    if (text[u] === ' ') u++;
    for (const candidate of UNITS) {
      if (text.startsWith(candidate, u)) {
        // A Latin unit must end the word: "5ms" yes, "5msg" no.
        if (/[A-Za-z]$/.test(candidate) && /[A-Za-z]/.test(text[u + candidate.length] ?? '')) continue;
        unit = candidate;
        end = u + candidate.length;
        break;
      }
    }
    let atLeast = false;
    if (text[end] === '+') {
      atLeast = true;
      end++;
    } else if (text.startsWith('以上', end)) atLeast = true;
    out.push({ value: number * factor, unit, text: text.slice(start, end), start, end, atLeast });
    i = Math.max(end, j);
  }
  return out;
}

