/**
 * `npm run bench`: parse + validate on a generated ~1 MB corpus of intakes against
 * markdown-it's `parse` of the same bytes, in the same run; then the re-validation time for
 * one keystroke in a 2,000-line intake, and for one keystroke in the corpus as the editor does it
 * (with an analysis cache, reported on its own: the figures above never use one). Prints figures
 * only; there is no pass/fail on timing.
 *
 *   BENCH_MB=4 BENCH_ITERATIONS=21 npm run bench
 */
import MarkdownIt from 'markdown-it';
import { parseIntake } from '../../src/core/parser';
import { validate } from '../../src/core/validator';
import { AnalysisCache } from '../../src/core/analysis/cache';
import { readSeed, seedIntakes } from '../unit/helpers/seeds';

const TARGET_BYTES = Math.round((Number(process.env.BENCH_MB) > 0 ? Number(process.env.BENCH_MB) : 1) * 1024 * 1024);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS) > 0 ? Number(process.env.BENCH_ITERATIONS) : 15;
const WARMUP = 5;
const KEYSTROKES = 300;
const CORPUS_KEYSTROKES = 30;

/** Deterministic PRNG (mulberry32), so every run measures the same corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INDUSTRIES = ['保险', '银行', '证券', '政府', '航空', '零售', '电商', '制造', '医疗', '物流', '教育', '能源'];
const SEPARATORS = ['=====', '===!!!', '  !!!!!', '-----', '!!!', ''];

/** One intake from a seed intake with varied values: other numbers, another industry, reordered bullets. */
function vary(text: string, rand: () => number): string {
  const industry = INDUSTRIES[Math.floor(rand() * INDUSTRIES.length)]!;
  let out = text.replace(/\d+(?:\.\d+)?/g, (m) => String(Math.max(1, Math.round(Number(m) * (0.5 + rand() * 1.5)))));
  out = out.replace(/^(\s*\[客户行业\]：)(保险|航空)/m, `$1${industry}`);
  if (rand() < 0.3) out = out.replace(/：/g, (m) => (rand() < 0.02 ? ':' : m));
  if (rand() < 0.2) {
    // A filled value grows a few extra bullets.
    out = out.replace(/^- (.+)$/m, (line) => `${line}\n  - 补充说明${Math.floor(rand() * 1000)}：${industry}行业客户反馈的附加要求`);
  }
  return out.trimEnd();
}

function corpus(bytes: number): { text: string; intakes: number } {
  const rand = prng(20240521);
  const seeds = Object.values(seedIntakes());
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const intake = vary(seeds[i % seeds.length]!, rand);
    const sep = SEPARATORS[Math.floor(rand() * SEPARATORS.length)]!;
    const piece = (parts.length > 0 ? (sep ? `\n\n${sep}\n\n` : '\n\n') : '') + intake;
    parts.push(piece);
    size += Buffer.byteLength(piece, 'utf8');
    i++;
  }
  return { text: parts.join('') + '\n', intakes: i };
}

/** A single structured intake of about `lines` lines: the aviation seed with its sections grown. */
function bigIntake(lines: number): string {
  const rand = prng(7);
  const base = seedIntakes().aviation.trimEnd().split('\n');
  const out: string[] = [];
  const extraPerSection = Math.ceil((lines - base.length) / 6);
  for (const line of base) {
    out.push(line);
    if (/^\[.+\]：/.test(line)) {
      for (let k = 0; out.length < lines && k < extraPerSection; k++) {
        if (k % 4 === 0) out.push(`- **补充字段${k}**：`);
        else out.push(`  - 子项${k}：指标${Math.floor(rand() * 10000)}，延迟<${Math.floor(rand() * 500)}ms，可用性99.${Math.floor(rand() * 99)}%`);
      }
    }
  }
  return out.join('\n') + '\n';
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(3) : ms.toFixed(1);
}

function main(): void {
  readSeed(); // fail early, with a clear message, when the seed fixture is missing
  const { text, intakes } = corpus(TARGET_BYTES);
  const bytes = Buffer.byteLength(text, 'utf8');
  const md = new MarkdownIt();

  const file = parseIntake(text);
  const diags = validate(file);
  console.log(`corpus: ${(bytes / 1024 / 1024).toFixed(2)} MB, ${file.lineCount} lines, ${intakes} intakes generated, ${file.intakes.length} parsed, ${diags.length} diagnostics`);
  console.log(`node ${process.version}, ${ITERATIONS} iterations after ${WARMUP} warm-up runs, medians`);

  const intakeRuns: number[] = [];
  const mdRuns: number[] = [];
  const parseOnly: number[] = [];
  const coreOnly: number[] = [];
  for (let i = 0; i < WARMUP; i++) {
    validate(parseIntake(text));
    md.parse(text, {});
  }
  for (let i = 0; i < ITERATIONS; i++) {
    // Alternate so that GC and CPU frequency drift hit both alike.
    if (i % 2 === 0) {
      intakeRuns.push(time(() => validate(parseIntake(text))));
      mdRuns.push(time(() => md.parse(text, {})));
    } else {
      mdRuns.push(time(() => md.parse(text, {})));
      intakeRuns.push(time(() => validate(parseIntake(text))));
    }
    parseOnly.push(time(() => parseIntake(text)));
    coreOnly.push(time(() => validate(parseIntake(text), { analysis: false })));
  }
  const x = median(intakeRuns);
  const y = median(mdRuns);
  const p = median(parseOnly);
  const c = median(coreOnly);
  console.log(`intake parse+validate: ${fmt(x)} ms, markdown-it parse: ${fmt(y)} ms, ratio Y/X = ${(y / x).toFixed(2)}× (target ≥ 2×: ${y / x >= 2 ? 'met' : 'NOT met'})`);
  console.log(`breakdown: parse ${fmt(p)} ms, core validation ${fmt(c - p)} ms, analysis checks ${fmt(x - c)} ms; without the analysis checks ${fmt(c)} ms, ratio ${(y / c).toFixed(2)}×`);
  console.log(`throughput: intake ${(bytes / 1024 / 1024 / (x / 1000)).toFixed(1)} MB/s, markdown-it ${(bytes / 1024 / 1024 / (y / 1000)).toFixed(1)} MB/s`);

  // One keystroke in a 2,000-line intake: insert a character in the middle, re-parse + validate.
  const big = bigIntake(2000);
  const bigFile = parseIntake(big);
  const lines = big.split('\n');
  const mid = lines.length >> 1;
  const lineStart = lines.slice(0, mid).reduce((n, l) => n + l.length + 1, 0);
  const at = lineStart + (lines[mid]!.length >> 1);
  const chars = ['a', '1', '：', '万', ' ', '_'];
  for (let i = 0; i < 20; i++) validate(parseIntake(big.slice(0, at) + chars[i % chars.length] + big.slice(at)));
  const keystrokes: number[] = [];
  const keystrokesCore: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const edited = big.slice(0, at) + chars[i % chars.length] + big.slice(at);
    keystrokes.push(time(() => validate(parseIntake(edited))));
    keystrokesCore.push(time(() => validate(parseIntake(edited), { analysis: false })));
  }
  console.log(
    `keystroke re-validation (${bigFile.lineCount} lines, ${(Buffer.byteLength(big) / 1024).toFixed(0)} KB, 1 char inserted at line ${mid + 1}): median ${fmt(median(keystrokes))} ms, p95 ${fmt(percentile(keystrokes, 95))} ms over ${KEYSTROKES} runs; without the analysis checks median ${fmt(median(keystrokesCore))} ms, p95 ${fmt(percentile(keystrokesCore, 95))} ms`,
  );
  corpusKeystrokes(text, file.lineCount);
}

/**
 * Typing in the middle of the corpus, as the editor re-validates: the whole file is parsed and
 * validated again after each character, once from scratch and once with an analysis cache
 * (which the previous version of the text filled), so only the edited intake is analysed again.
 */
function corpusKeystrokes(text: string, lineCount: number): void {
  const lines = text.split('\n');
  const mid = lines.length >> 1;
  const at = lines.slice(0, mid).reduce((n, l) => n + l.length + 1, 0) + (lines[mid]!.length >> 1);
  const typed = '延迟低于100ms，可用性99.9%';
  const versions = Array.from({ length: CORPUS_KEYSTROKES }, (_, i) => text.slice(0, at) + typed.repeat(3).slice(0, i + 1) + text.slice(at));
  const cache = new AnalysisCache();
  validate(parseIntake(text), { analysisCache: cache, text });
  const cold: number[] = [];
  const cached: number[] = [];
  for (const version of versions) {
    cold.push(time(() => validate(parseIntake(version))));
    cached.push(time(() => validate(parseIntake(version), { analysisCache: cache, text: version })));
  }
  console.log(
    `keystroke re-validation in the corpus (${lineCount} lines, typing at line ${mid + 1}): median ${fmt(median(cold))} ms from scratch, ${fmt(median(cached))} ms with an analysis cache (p95 ${fmt(percentile(cached, 95))} ms) over ${CORPUS_KEYSTROKES} keystrokes`,
  );
}

main();
