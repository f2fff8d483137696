/**
 * Worst-case inputs for regular expressions and the functions that run them, and a timing check
 * that tells linear from super-linear growth without being fooled by a loaded machine.
 *
 * Generators: long runs of what backtracking patterns choke on (digits, blanks, quotes, the same
 * name again and again, `B&`, dotted numbers…), plus, for a given pattern, runs of its own
 * literal words and characters, so a new pattern is exercised by what it looks for without
 * anyone registering anything.
 *
 * Timing: CPU time (process.cpuUsage, not the wall clock), and never an absolute budget on its
 * own: a case is slow only if it takes a noticeable time at 8× the size AND grows much faster
 * than the size (linear ≈ 8×, quadratic ≈ 64×; the limit is 24×), best of three, and it still
 * does when both sizes are run again (superLinear).
 */
import { literalRuns } from '../../src/core/text/safeRegex';
import { cpu } from '../bench/measure';

export interface Generator {
  name: string;
  /** About `n` characters of worst-case text. */
  make(n: number): string;
}

/** `unit` repeated to about n characters, then `tail` (which should make a match fail). */
export function repeat(unit: string, n: number, tail = ''): string {
  return unit.repeat(Math.max(1, Math.ceil(n / Math.max(1, unit.length)))) + tail;
}

const run = (name: string, unit: string, tail = '!'): Generator => ({ name, make: (n) => repeat(unit, n, tail) });

/** Inputs that are bad for many patterns at once. */
export const GENERIC_GENERATORS: readonly Generator[] = [
  run('digits', '1'),
  run('digits then a unit', '1', '万'),
  run('spaces', ' ', 'x'),
  run('tabs and spaces', ' \t', 'x'),
  run('full-width spaces', '\u3000'),
  run('digit, space', '1 '),
  run('dotted digits', '1.'),
  run('comma-grouped digits', '1,'),
  run('digit, hyphen', '1-'),
  run('hyphens', '-'),
  run('dots', '.'),
  run('letters', 'a'),
  run('capitalised words', 'Ab '),
  run('capital, space', 'A '),
  run('B&', 'B&'),
  run('Han', '中'),
  run('Han with digits', '中1'),
  run('quotes', '“a'),
  run('straight quotes', '"a'),
  run('corner quotes', '「a'),
  run('parentheses', '('),
  run('full-width parentheses', '（'),
  run('colons', '：'),
  run('hashes', '#'),
  run('stars', '*'),
  run('underscores', '_'),
  run('slashes', '/'),
  run('percent', '1%'),
  run('plus', '+1'),
  run('at signs', 'a@'),
  run('placeholders', '__('),
  run('brackets', '〔L1'),
  run('repeated company', '明远保险股份有限公司'),
  run('repeated standard', 'PCI DSS '),
  run('repeated cloud', 'AWS '),
  run('repeated money', '$100万'),
  run('repeated duration', '5分钟'),
  run('phone-like', '138 '),
];

/** Inputs made of the pattern's own literal words and characters. */
export function patternGenerators(source: string, flags: string): Generator[] {
  let words: string[];
  try {
    words = literalRuns(source, flags);
  } catch {
    return [];
  }
  const chars = [...new Set(words.flatMap((w) => [...w]))];
  const out: Generator[] = [];
  for (const w of words.slice(0, 24)) {
    out.push(run(`"${w}" repeated`, w));
    out.push(run(`"${w} " repeated`, `${w} `));
    // The word and what a class after it might take: `<a<a<a…`, `B&B&…`.
    out.push(run(`"${w}a" repeated`, `${w}a`));
    out.push(run(`"${w}1" repeated`, `${w}1`));
    // The word once, then a long run: `护照` + blanks, `SLA` + digits (adjacent runs after a literal).
    out.push({ name: `"${w}" then blanks`, make: (n) => `${w}${' '.repeat(n)}!` });
    out.push({ name: `"${w}" then digits`, make: (n) => `${w}${'1'.repeat(n)}!` });
  }
  for (const c of chars.slice(0, 24)) out.push(run(`"${c}" run`, c));
  return out;
}

export interface GrowthOptions {
  /** The small size; the large one is 8× (default 1,500 characters). */
  n?: number;
  /** At the large size, below this many ms of CPU the case is fast, whatever the ratio (default 25). */
  floorMs?: number;
  /** The ms one call of `fn` takes: its CPU time (a test gives a clock of its own). */
  measure?: (fn: () => void) => number;
}

/** Largest growth from n to 8n that still counts as linear (8 ideal, 64 quadratic). */
const MAX_RATIO = 24;

/** Runs of each size added, alternately, before a growth that looks super-linear is reported. */
const CONFIRM_RUNS = 3;

/**
 * Above this many ms at the larger size, a verdict is given without runs to confirm it: no pause
 * of the machine or the collector adds seconds of CPU time, and a case that slow would take
 * minutes more to run again.
 */
const CONFIRM_BELOW_MS = 2000;

/**
 * Undefined when `work` grows linearly with its input; otherwise what was measured. `work(n)`
 * does the work for an input of about n characters.
 *
 * First n/4 and n: a case that already grows much faster than 4× there, or whose growth
 * predicts more than a few seconds at 8n, fails without running at 8n (a cubic case would run
 * for hours). Then 8n: fast there (under the floor) passes; otherwise the best-of-three ratio
 * between n and 8n decides.
 *
 * Each verdict of "super-linear" is confirmed before it is given: both sizes are run again,
 * alternately, and the best times decide (unless the larger took seconds: CONFIRM_BELOW_MS). A
 * pause of the machine or of the garbage collector in every run of one size (two runs of 15 ms at
 * 2,000 characters against 1 ms at 500, on a shared machine in CI) otherwise reads as growth; a
 * case that really grows faster than the size does so in every run.
 */
export function superLinear(work: (n: number) => void, options: GrowthOptions = {}): string | undefined {
  const n = options.n ?? 1500;
  const floor = options.floorMs ?? 25;
  const measure = options.measure ?? cpu;
  /** The best time of each size so far, by size. */
  const best = new Map<number, number>();
  const time = (size: number, runs: number) => {
    for (let i = 0; i < runs; i++) best.set(size, Math.min(best.get(size) ?? Infinity, measure(() => work(size))));
    return best.get(size)!;
  };
  /**
   * `verdict` of the best times of `smaller` and `larger`; when it says super-linear, given again
   * after both sizes ran CONFIRM_RUNS more times, alternately (unless `larger` took seconds).
   */
  const confirmed = (smaller: number, larger: number, verdict: (smallerMs: number, largerMs: number) => string | undefined) => {
    const first = verdict(best.get(smaller)!, best.get(larger)!);
    if (first === undefined || best.get(larger)! >= CONFIRM_BELOW_MS) return first;
    for (let i = 0; i < CONFIRM_RUNS; i++) {
      time(smaller, 1);
      time(larger, 1);
    }
    return verdict(best.get(smaller)!, best.get(larger)!);
  };

  time(n / 4, 2);
  time(n, 2);
  const early = confirmed(n / 4, n, (quarter, small) => earlyVerdict(quarter, small, n, floor));
  if (early !== undefined) return early;
  if (time(8 * n, 1) < floor) return undefined;
  time(n, 2);
  time(8 * n, 2);
  return confirmed(n, 8 * n, (small, large) => lateVerdict(small, large, n));
}

/** What the times at n/4 and n show, when they already show super-linear growth (see superLinear). */
function earlyVerdict(quarter: number, small: number, n: number, floor: number): string | undefined {
  if (small <= floor / 4) return undefined;
  const growth = small / Math.max(quarter, 0.05);
  // Linear is 4×, quadratic 16×.
  if (growth > MAX_RATIO / 2) return `${small.toFixed(1)} ms at ${n} characters, ${growth.toFixed(0)}× the time at ${n / 4}`;
  const predicted = small * Math.pow(8, Math.log(Math.max(growth, 1)) / Math.log(4));
  if (predicted > 5000) return `${small.toFixed(1)} ms at ${n} characters, growing ${growth.toFixed(1)}× from ${n / 4}: about ${(predicted / 1000).toFixed(0)} s at ${8 * n}`;
  return undefined;
}

/** What the times at n and 8n show, when they show super-linear growth. */
function lateVerdict(small: number, large: number, n: number): string | undefined {
  const ratio = large / Math.max(small, 0.05);
  return ratio > MAX_RATIO ? `${large.toFixed(1)} ms at ${8 * n} characters, ${ratio.toFixed(0)}× the time at ${n}` : undefined;
}

/** Runs a pattern over the whole text as the code would: every match of a global one, the first of any other. */
export function scan(re: RegExp, text: string): void {
  re.lastIndex = 0;
  if (!re.global) {
    re.exec(text);
    return;
  }
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].length === 0) re.lastIndex++;
}
