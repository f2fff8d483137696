/**
 * `npm run bench`, part 1: the keystroke path. Every figure is CPU time (measure.ts), the new
 * path paired with a reference measured in the same process:
 *
 * - the whole keystroke path (parse, diagnostics with the analysis, the status bar, a code-action
 *   request at the cursor, symbols) in a 2,000-line intake and in a 100k-line file, side by side
 *   with the old path (what the extension did before DocumentAnalysis: parse the version, validate
 *   it with an analysis cache, and for the code actions validate it again without the cache and
 *   run fix-all and fill-placeholders), as medians, p95 and the median of paired ratios;
 * - parse + validate with the analysis checks against markdown-it's parse of the same ~1 MB:
 *   cold (a first analysis of the whole text), and as the editor does it after an edit.
 *
 *   BENCH_MB=4 BENCH_ITERATIONS=21 npm run bench
 */
import MarkdownIt from 'markdown-it';
import { AnalysisCache } from '../../src/core/analysis/cache';
import { DocumentAnalysis } from '../../src/core/documents/documentAnalysis';
import { getCompleteness } from '../../src/core/features/completeness';
import { getDocumentSymbols } from '../../src/core/features/symbols';
import { locateIntake } from '../../src/core/facts/locate';
import { fillPlaceholderEdits, fixAllEdits, FixContext, fixesFor } from '../../src/core/fixes';
import type { IntakeFile } from '../../src/core/model';
import { parseIntake } from '../../src/core/parser';
import { validate } from '../../src/core/validator';
import { readSeed, seedIntakes } from '../unit/helpers/seeds';
import { cpu, fmt, median, paired, percentile, verdict } from './measure';
import { prng } from './random';

const TARGET_BYTES = Math.round((Number(process.env.BENCH_MB) > 0 ? Number(process.env.BENCH_MB) : 1) * 1024 * 1024);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS) > 0 ? Number(process.env.BENCH_ITERATIONS) : 15;
const KEYSTROKES = 120;
const BIG_KEYSTROKES = 12;

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

/**
 * Intakes from the seed, varied, separated as people do (a sixth of them by nothing but a new
 * [客户行业]); with `bare`, none by a separator line (the same draws, so the same intakes).
 */
function corpus(bytes: number, seed = 20240521, bare = false): { text: string; intakes: number } {
  const rand = prng(seed);
  const seeds = Object.values(seedIntakes());
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const intake = vary(seeds[i % seeds.length]!, rand);
    const drawn = SEPARATORS[Math.floor(rand() * SEPARATORS.length)]!;
    const sep = bare ? '' : drawn;
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

/** Where to type: the middle of the middle line, and that line. */
function middle(text: string): { at: number; line: number } {
  const lines = text.split('\n');
  const line = lines.length >> 1;
  return { at: lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + (lines[line]!.length >> 1), line };
}

/** Where to type in a `[客户行业]` line's value: the end of the first such line from the middle on, and that line. */
function headerValue(text: string): { at: number; line: number } {
  const lines = text.split('\n');
  let line = lines.length >> 1;
  while (line < lines.length - 1 && !lines[line]!.startsWith('[客户行业]')) line++;
  return { at: lines.slice(0, line + 1).reduce((n, l) => n + l.length + 1, 0) - 1, line };
}

/** The versions a run of typing at `at` makes: `typed` one character at a time. */
function typing(text: string, at: number, typed: string, count: number): string[] {
  const out: string[] = [];
  let inserted = '';
  for (let i = 0; i < count; i++) {
    inserted += typed[i % typed.length]!;
    out.push(text.slice(0, at) + inserted + text.slice(at));
  }
  return out;
}

/** The new path: the document's analysis of the version, and what the features ask of it. */
class NewPath {
  private analysis: DocumentAnalysis;
  constructor(text: string, private readonly line: number) {
    this.analysis = DocumentAnalysis.of(text);
    this.keystroke(text);
  }

  /** Diagnostics and a code-action request at the cursor (a cursor move asks for no kind: quick fixes only). */
  diagnosticsAndCodeActions(text: string): void {
    const a = (this.analysis = this.analysis.next(text));
    a.diagnostics();
    for (const d of a.diagnosticsAt(this.line, false)) fixesFor(d, a.fixContext());
  }

  keystroke(text: string): void {
    this.diagnosticsAndCodeActions(text);
    this.analysis.intakeAt(this.line)?.completeness();
    this.analysis.symbols();
  }
}

/** The old path, as the extension ran it before DocumentAnalysis (same core functions). */
class OldPath {
  private readonly cache = new AnalysisCache();
  constructor(text: string, private readonly line: number) {
    this.keystroke(text);
  }

  diagnosticsAndCodeActions(text: string): ReturnType<typeof parseIntake> {
    const file = parseIntake(text);
    validate(file, { analysisCache: this.cache, text });
    // codeActions.ts: a fresh validation to find the cursor's diagnostics, then fix-all and fill-placeholders on every request.
    const ctx = new FixContext(text, file);
    for (const d of validate(ctx.file).filter((x) => x.range.start.line === this.line)) fixesFor(d, ctx);
    fixAllEdits(text);
    fillPlaceholderEdits(text);
    return file;
  }

  keystroke(text: string): void {
    const file = this.diagnosticsAndCodeActions(text);
    const intake = locateIntake(file, this.line).intake;
    if (intake) getCompleteness(intake);
    getDocumentSymbols(file);
  }
}

interface PathFigures {
  name: string;
  target: number;
}

/** Typing `count` characters: each keystroke measured on both paths, alternating which goes first. */
function keystrokes(label: string, text: string, typed: string, count: number, what: 'keystroke' | 'diagnosticsAndCodeActions', target?: PathFigures, where = middle(text)): void {
  const { at, line } = where;
  const versions = typing(text, at, typed, count);
  const fresh = new NewPath(text, line);
  const old = new OldPath(text, line);
  const a: number[] = [];
  const b: number[] = [];
  versions.forEach((v, i) => {
    if (i % 2 === 0) {
      a.push(cpu(() => fresh[what](v)));
      b.push(cpu(() => old[what](v)));
    } else {
      b.push(cpu(() => old[what](v)));
      a.push(cpu(() => fresh[what](v)));
    }
  });
  const ratio = median(a.map((x, i) => x / Math.max(b[i]!, 1e-3)));
  const aim = target ? `; target ≤ ${target.target} ms median: ${verdict(median(a) <= target.target)}` : '';
  console.log(
    `${label}: now ${fmt(median(a))} ms median, ${fmt(percentile(a, 95))} ms p95 | old path ${fmt(median(b))} ms median, ${fmt(percentile(b, 95))} ms p95 | now/old ${ratio.toFixed(3)}× (median of ${count} paired keystrokes)${aim}`,
  );
}

function main(): void {
  readSeed(); // fail early, with a clear message, when the seed fixture is missing
  console.log(`node ${process.version}; CPU time (process.cpuUsage); medians of paired runs`);

  console.log('\n— keystroke path: parse, diagnostics with the analysis, status bar, code actions at the cursor, symbols —');
  const big = bigIntake(2000);
  keystrokes('2,000-line intake, whole keystroke path', big, 'a1：万 _', KEYSTROKES, 'keystroke', { name: '2000', target: 5 });
  keystrokes('2,000-line intake, diagnostics + a code-action request at the cursor', big, 'a1：万 _', KEYSTROKES, 'diagnosticsAndCodeActions');

  const { text: huge } = corpus(Math.round((100_000 / 23_835) * 1024 * 1024));
  const hugeLines = huge.split('\n').length;
  keystrokes(`${hugeLines}-line file, whole keystroke path, typing within a line`, huge, '延迟低于100ms', BIG_KEYSTROKES, 'keystroke', { name: '100k', target: 50 });
  keystrokes(`${hugeLines}-line file, whole keystroke path, Enter (every line below moves)`, huge, '\n', BIG_KEYSTROKES, 'keystroke', { name: '100k', target: 50 });
  // The same intakes with no separator line between them (each starts at a bare [客户行业]), typing
  // in a [客户行业] line: an edit the parse cannot confine to one section's lines.
  const { text: bare } = corpus(Math.round((100_000 / 23_835) * 1024 * 1024), undefined, true);
  const bareLines = bare.split('\n').length;
  keystrokes(`${bareLines}-line file without separators, whole keystroke path, typing in a [客户行业] line`, bare, '保险行业', BIG_KEYSTROKES, 'keystroke', { name: '100k', target: 50 }, headerValue(bare));

  console.log('\n— parse + validate with the analysis checks vs markdown-it.parse of the same bytes —');
  const { text, intakes } = corpus(TARGET_BYTES);
  const bytes = Buffer.byteLength(text, 'utf8');
  const md = new MarkdownIt();
  const file = parseIntake(text);
  console.log(`corpus: ${(bytes / 1024 / 1024).toFixed(2)} MB, ${file.lineCount} lines, ${intakes} intakes`);
  const mdParse = () => md.parse(text, {});
  // Cold means text never seen: the core keeps some results per line of text (core/text/memo.ts),
  // so each run reads another corpus, made the same way with other numbers, and markdown-it the
  // same one.
  const variants = Array.from({ length: ITERATIONS + 3 }, (_, i) => corpus(TARGET_BYTES, 7001 + i).text);
  let a = 0;
  let b = 0;
  const cold = paired(
    () => DocumentAnalysis.of(variants[a++ % variants.length]!).diagnostics(),
    () => md.parse(variants[b++ % variants.length]!, {}),
    ITERATIONS,
  );
  console.log(
    `cold (a first analysis of a text never seen): intake ${fmt(cold.ms)} ms, markdown-it ${fmt(cold.referenceMs)} ms; markdown-it/intake ${(1 / cold.ratio).toFixed(2)}× (target ≥ 2×: ${verdict(1 / cold.ratio >= 2)})`,
  );
  const again = paired(() => DocumentAnalysis.of(text).diagnostics(), mdParse, ITERATIONS);
  console.log(`the same text analysed afresh again and again (lines seen before): intake ${fmt(again.ms)} ms; markdown-it/intake ${(1 / again.ratio).toFixed(2)}×`);
  a = 0;
  b = 0;
  const oldCold = paired(
    () => validate(parseIntake(variants[a++ % variants.length]!)),
    () => md.parse(variants[b++ % variants.length]!, {}),
    ITERATIONS,
  );
  console.log(`cold, old path (parseIntake + validate): intake ${fmt(oldCold.ms)} ms; markdown-it/intake ${(1 / oldCold.ratio).toFixed(2)}×`);
  // As the editor does it: after an edit, the analysis of the new version (only the edited intake is analysed again).
  const { at } = middle(text);
  const versions = typing(text, at, '延迟低于100ms，可用性99.9%', ITERATIONS * 2 + 6);
  let analysis = DocumentAnalysis.of(text);
  analysis.diagnostics();
  let k = 0;
  const edited = paired(
    () => {
      analysis = analysis.next(versions[k++ % versions.length]!);
      analysis.diagnostics();
    },
    mdParse,
    ITERATIONS,
  );
  console.log(
    `after an edit, as the editor does it (the edited intake analysed again): intake ${fmt(edited.ms)} ms, markdown-it ${fmt(edited.referenceMs)} ms; markdown-it/intake ${(1 / edited.ratio).toFixed(1)}× (target ≥ 2×: ${verdict(1 / edited.ratio >= 2)})`,
  );
  // On texts never seen, as the cold figure: each part on a variant of its own.
  const unseen = Array.from({ length: 15 }, (_, i) => corpus(TARGET_BYTES, 9001 + i).text);
  const parsed = unseen.slice(0, 10).map((v) => parseIntake(v));
  // Each parse kept while the next ones run, as the editor keeps a document's: one thrown away at
  // once measures V8's pretenuring decision more than the parse (see CONTRIBUTING.md, Benchmark).
  const kept: IntakeFile[] = [];
  const breakdown = {
    parse: median(unseen.slice(10, 15).map((v) => cpu(() => kept.push(parseIntake(v))))),
    core: median(parsed.slice(0, 5).map((f) => cpu(() => validate(f, { analysis: false })))),
    all: median(parsed.slice(5, 10).map((f) => cpu(() => validate(f)))),
  };
  console.log(`cold breakdown: parse (each kept) ${fmt(breakdown.parse)} ms, catalog checks ${fmt(breakdown.core)} ms, analysis checks ${fmt(breakdown.all - breakdown.core)} ms`);
}

main();
