/**
 * `npm run bench` (second part): offline report generation for each filled seed intake,
 * next to a reference measured in the same run — markdown-it rendering the very report the
 * engine produced — so the ratio is comparable across machines. Figures only, no pass/fail.
 */
import MarkdownIt from 'markdown-it';
import { parseIntake } from '../../src/core/parser';
import { generateReport } from '../../src/core/engine/generate';
import { getKnowledgeBase } from '../../src/core/knowledge/knowledge';
import { renderMarkdown } from '../../src/core/render/markdown';
import { readSeed } from '../unit/helpers/seeds';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS) > 0 ? Number(process.env.BENCH_ITERATIONS) : 41;
const WARMUP = 10;

function median(run: () => void): number {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const text = readSeed();
const loadStart = process.hrtime.bigint();
getKnowledgeBase();
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
console.log(`knowledge base first load (parse + zod + integrity): ${loadMs.toFixed(1)} ms (once per session)`);

const md = new MarkdownIt();
for (const [name, index] of [
  ['insurance', 1],
  ['aviation', 3],
] as const) {
  const report = renderMarkdown(generateReport(parseIntake(text), index));
  const generate = median(() => generateReport(parseIntake(text), index));
  const full = median(() => renderMarkdown(generateReport(parseIntake(text), index)));
  const reference = median(() => md.render(report));
  console.log(
    `${name}: generate ${generate.toFixed(2)} ms median, generate+Markdown ${full.toFixed(2)} ms (target ≤ 20 ms); ` +
      `reference markdown-it render of that report (${(report.length / 1024).toFixed(0)} KB) ${reference.toFixed(2)} ms; ratio ${(full / reference).toFixed(2)}×`,
  );
}
