/**
 * `npm run bench` (second part): offline report generation for every filled seed and
 * evaluation intake, each run paired with a reference measured right after it in the same
 * process — markdown-it rendering the very report the engine produced — so the ratio is
 * comparable across machines; then the cost per intake line of finding knowledge-base names
 * (locations, industries, frameworks, products, lifecycle families) with the one-pass alias
 * index, paired with the per-alias `includes` scan it replaced. CPU time (process.cpuUsage),
 * medians of the paired ratios. Figures only, no pass/fail. The report date is pinned.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parseIntake } from '../../src/core/parser';
import { extractFacts } from '../../src/core/facts/facts';
import { generateReport } from '../../src/core/engine/generate';
import { AliasIndex } from '../../src/core/engine/text/aliasIndex';
import { getKnowledgeBase } from '../../src/core/knowledge/knowledge';
import { renderMarkdown } from '../../src/core/render/markdown';
import { fixturesDir, readSeed } from '../unit/helpers/seeds';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS) > 0 ? Number(process.env.BENCH_ITERATIONS) : 41;
const WARMUP = 10;
const AS_OF = '2026-06-01';

/** CPU milliseconds (user + system) one call takes. */
function cpu(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Runs `subject` then `reference` ITERATIONS times; medians of each and of the per-pair ratio. */
function paired(subject: () => unknown, reference: () => unknown): { subject: number; reference: number; ratio: number } {
  for (let i = 0; i < WARMUP; i++) {
    subject();
    reference();
  }
  const s: number[] = [];
  const r: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const a = cpu(subject);
    const b = cpu(reference);
    s.push(a);
    r.push(b);
    if (b > 0) ratios.push(a / b);
  }
  return { subject: median(s), reference: median(r), ratio: median(ratios) };
}

const loadStart = process.cpuUsage();
const kb = getKnowledgeBase();
const load = process.cpuUsage(loadStart);
console.log(`knowledge base first load (parse + zod + integrity): ${((load.user + load.system) / 1000).toFixed(1)} ms CPU (once per session)`);

const cases: Array<{ name: string; text: string; index: number }> = [
  { name: 'seed insurance', text: readSeed(), index: 1 },
  { name: 'seed aviation', text: readSeed(), index: 3 },
];
const evalDir = path.join(fixturesDir(), 'eval');
for (const f of fs.readdirSync(evalDir).filter((x) => x.endsWith('.intake')).sort()) cases.push({ name: f.replace(/\.intake$/, ''), text: fs.readFileSync(path.join(evalDir, f), 'utf8'), index: 0 });

const md = new MarkdownIt();
let slowest = 0;
for (const c of cases) {
  const file = parseIntake(c.text);
  const report = renderMarkdown(generateReport(file, c.index, { asOf: AS_OF }));
  const run = paired(
    () => renderMarkdown(generateReport(file, c.index, { asOf: AS_OF })),
    () => md.render(report),
  );
  slowest = Math.max(slowest, run.subject);
  console.log(
    `${c.name.padEnd(20)} generate+Markdown ${run.subject.toFixed(2)} ms CPU (target ≤ 20 ms); ` +
      `markdown-it of that report (${(report.length / 1024).toFixed(0)} KB) ${run.reference.toFixed(2)} ms; median paired ratio ${run.ratio.toFixed(1)}×`,
  );
}
console.log(`slowest intake: ${slowest.toFixed(2)} ms CPU`);

// Name finding per line: every alias of the knowledge base the understanding looks for.
const aliases = [
  ...kb.locations.flatMap((l) => l.aliases),
  ...kb.industries.flatMap((i) => [i.name, ...i.aliases]),
  ...kb.frameworks.flatMap((f) => f.aliases),
  ...kb.products.flatMap((p) => [p.name, ...p.aliases]),
  ...kb.lifecycle.flatMap((f) => f.aliases),
].filter((a) => a.length > 0);
const lines = cases.flatMap((c) => {
  const intake = parseIntake(c.text).intakes[c.index];
  return intake ? extractFacts(intake).facts.map((f) => f.text) : [];
});

/** What the previous engine did for each line: lower-case the line again for every alias. */
function includesIgnoreCase(text: string, needle: string): boolean {
  return text.toLowerCase().includes(needle.toLowerCase());
}
const index = new AliasIndex(aliases.map((alias) => ({ alias, value: alias })));
const names = paired(
  () => {
    let n = 0;
    for (const line of lines) n += index.find(line).length;
    return n;
  },
  () => {
    let n = 0;
    for (const line of lines) for (const a of aliases) if (includesIgnoreCase(line, a)) n++;
    return n;
  },
);
const per = (ms: number) => ((ms / lines.length) * 1000).toFixed(1);
console.log(
  `name finding over ${lines.length} lines × ${aliases.length} aliases: one-pass alias index ${per(names.subject)} µs/line CPU, ` +
    `per-alias includesIgnoreCase ${per(names.reference)} µs/line — index/scan median paired ratio ${names.ratio.toFixed(3)} (${(1 / names.ratio).toFixed(0)}× cheaper)`,
);
