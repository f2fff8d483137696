/**
 * `npm run bench` (second part): offline report generation for every filled seed and
 * evaluation intake, next to a reference measured in the same run — markdown-it rendering the
 * very report the engine produced — so the ratio is comparable across machines; then the cost
 * per intake line of finding knowledge-base names (locations, industries, frameworks, products,
 * lifecycle families) with the one-pass alias index, against the per-alias `includes` scan it
 * replaced. Figures only, no pass/fail. The report date is pinned, like the tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parseIntake } from '../../src/core';
import { extractFacts } from '../../src/core/engine/facts';
import { generateReport } from '../../src/core/engine/generate';
import { AliasIndex } from '../../src/core/engine/text/aliasIndex';
import { getKnowledgeBase } from '../../src/core/knowledge/knowledge';
import { renderMarkdown } from '../../src/core/render/markdown';
import { fixturesDir, readSeed } from '../unit/helpers/seeds';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS) > 0 ? Number(process.env.BENCH_ITERATIONS) : 41;
const WARMUP = 10;
const AS_OF = '2026-06-01';

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

const loadStart = process.hrtime.bigint();
const kb = getKnowledgeBase();
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
console.log(`knowledge base first load (parse + zod + integrity): ${loadMs.toFixed(1)} ms (once per session)`);

const cases: Array<{ name: string; text: string; index: number }> = [
  { name: 'seed insurance', text: readSeed(), index: 1 },
  { name: 'seed aviation', text: readSeed(), index: 3 },
];
const evalDir = path.join(fixturesDir(), 'eval');
for (const f of fs.readdirSync(evalDir).filter((x) => x.endsWith('.intake')).sort()) cases.push({ name: f.replace(/\.intake$/, ''), text: fs.readFileSync(path.join(evalDir, f), 'utf8'), index: 0 });

const md = new MarkdownIt();
let worst = 0;
for (const c of cases) {
  const file = parseIntake(c.text);
  const report = renderMarkdown(generateReport(file, c.index, { asOf: AS_OF }));
  const generate = median(() => generateReport(file, c.index, { asOf: AS_OF }));
  const full = median(() => renderMarkdown(generateReport(file, c.index, { asOf: AS_OF })));
  const reference = median(() => md.render(report));
  worst = Math.max(worst, full);
  console.log(
    `${c.name.padEnd(20)} generate ${generate.toFixed(2)} ms, +Markdown ${full.toFixed(2)} ms (target ≤ 20 ms); ` +
      `markdown-it of that report (${(report.length / 1024).toFixed(0)} KB) ${reference.toFixed(2)} ms; ratio ${(full / reference).toFixed(2)}×`,
  );
}
console.log(`slowest intake: ${worst.toFixed(2)} ms`);

// Name finding per line: every alias of the knowledge base the understanding looks for.
const aliases = [
  ...kb.locations.flatMap((l) => l.aliases),
  ...kb.industries.flatMap((i) => [i.name, ...i.aliases]),
  ...kb.frameworks.flatMap((f) => f.aliases),
  ...kb.products.flatMap((p) => [p.name, ...p.aliases]),
  ...kb.lifecycle.flatMap((f) => f.aliases),
].filter((a) => a.length > 0);
const lines = cases.flatMap((c) => extractFacts(parseIntake(c.text).intakes[c.index]!).facts.map((f) => f.text));

/** What the previous engine did for each line: lower-case the line again for every alias. */
function includesIgnoreCase(text: string, needle: string): boolean {
  return text.toLowerCase().includes(needle.toLowerCase());
}
const scan = median(() => {
  let n = 0;
  for (const line of lines) for (const a of aliases) if (includesIgnoreCase(line, a)) n++;
  return n;
});
const index = new AliasIndex(aliases.map((alias) => ({ alias, value: alias })));
const onePass = median(() => {
  let n = 0;
  for (const line of lines) n += index.find(line).length;
  return n;
});
const per = (ms: number) => ((ms / lines.length) * 1000).toFixed(1);
console.log(
  `name finding over ${lines.length} lines × ${aliases.length} aliases: per-alias includesIgnoreCase ${per(scan)} µs/line, ` +
    `one-pass alias index ${per(onePass)} µs/line — ${(scan / onePass).toFixed(0)}× cheaper`,
);
