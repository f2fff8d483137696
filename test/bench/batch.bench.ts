/**
 * `npm run bench` (fourth part): `intake check DIR` over a folder of 500 intake files, as a user
 * runs it: the built cli/dist/cli.js in a fresh Node process, in one thread (--jobs 1) and on
 * a pool of worker threads. Each run is paired with a reference run right after or before it:
 * a fresh Node process in which markdown-it parses the same files. Both processes report
 * their own CPU time (process.cpuUsage at exit, which counts every thread, so the workers'
 * start-up and warm-up are in it); the figures are the medians, and the median of the paired
 * ratios. Wall time is printed for information only: on a shared machine it says little.
 * Figures only, no pass/fail.
 *
 *   BENCH_FILES=2000 BENCH_ITERATIONS=11 npm run bench
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listExamples, readExample, repoRoot } from '../unit/helpers/seeds';
import { median, pairedFigures, type Paired } from './measure';
import { prng } from './random';

const FILES = Number(process.env.BENCH_FILES) > 0 ? Number(process.env.BENCH_FILES) : 500;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS) > 0 ? Number(process.env.BENCH_ITERATIONS) : 7;
const WARMUP = 1;

/** `count` files from the examples, numbers varied, one in five holding two or three intakes, in ten folders. */
function writeTree(dir: string, count: number): string[] {
  const rand = prng(20261203);
  const examples = listExamples().map(readExample);
  const vary = (text: string) => text.replace(/\d+/g, (m) => String(Math.max(1, Math.round(Number(m) * (0.5 + rand())))));
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = rand() < 0.2 ? 2 + Math.floor(rand() * 2) : 1;
    const text = Array.from({ length: n }, () => vary(examples[Math.floor(rand() * examples.length)]!).trimEnd()).join('\n\n=====\n\n') + '\n';
    const folder = path.join(dir, `region-${i % 10}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${String(i).padStart(4, '0')}.intake`), text);
    texts.push(text);
  }
  return texts;
}

/**
 * Loaded with --require into each measured process: at exit it writes the process's CPU time
 * (every thread) and its wall time since start to the file named by BENCH_CPU_OUT.
 */
const PROBE = `
const started = performance.now();
process.on('exit', () => {
  const u = process.cpuUsage();
  require('node:fs').writeFileSync(process.env.BENCH_CPU_OUT, JSON.stringify({ cpu: (u.user + u.system) / 1000, wall: performance.now() - started }));
});
`;

/** The reference: markdown-it parsing every file of the folder, in a fresh process. */
const REFERENCE = (markdownIt: string) => `
const fs = require('node:fs');
const path = require('node:path');
const md = new (require(${JSON.stringify(markdownIt)}))();
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).forEach((e) => {
  const p = path.join(dir, e.name);
  if (e.isDirectory()) walk(p);
  else if (p.endsWith('.intake')) md.parse(fs.readFileSync(p, 'utf8'), {});
});
walk(process.argv[2]);
`;

/** A measured process's CPU milliseconds (every thread) and wall milliseconds. */
interface ProcessFigures {
  cpu: number;
  wall: number;
}

/** Runs `args` in a fresh Node process with the probe; its CPU and wall milliseconds. */
function measure(args: string[], probe: string, out: string): ProcessFigures {
  const r = spawnSync(process.execPath, ['--require', probe, ...args], { env: { ...process.env, BENCH_CPU_OUT: out, INTAKE_LANG: 'en' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return JSON.parse(fs.readFileSync(out, 'utf8')) as ProcessFigures;
}

/**
 * `target` against `reference`, paired (measure.ts's pairedFigures, after the warm-up pairs), with
 * the median wall time of the target's runs.
 */
function pairedRuns(target: () => ProcessFigures, reference: () => ProcessFigures): Paired & { wallMs: number } {
  for (let i = 0; i < WARMUP; i++) {
    target();
    reference();
  }
  const walls: number[] = [];
  const cpuOf = (run: () => ProcessFigures, wall?: number[]) => () => {
    const figures = run();
    wall?.push(figures.wall);
    return figures.cpu;
  };
  return { ...pairedFigures(cpuOf(target, walls), cpuOf(reference), ITERATIONS), wallMs: median(walls) };
}

function run(): void {
  const cli = path.join(repoRoot(), 'cli', 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: npm run build first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-batch-bench-'));
  try {
    const tree = path.join(dir, 'customers');
    const texts = writeTree(tree, FILES);
    const bytes = texts.reduce((n, text) => n + Buffer.byteLength(text), 0);
    const probe = path.join(dir, 'probe.js');
    fs.writeFileSync(probe, PROBE);
    const reference = path.join(dir, 'reference.js');
    fs.writeFileSync(reference, REFERENCE(require.resolve('markdown-it', { paths: [repoRoot()] })));
    const out = path.join(dir, 'cpu.json');
    const cores = os.availableParallelism();
    console.log(`batch check (intake check DIR in a fresh process): ${FILES} files in 10 folders, ${(bytes / 1024).toFixed(0)} KB; node ${process.version}; ${cores} core(s); CPU time of every thread, ${ITERATIONS} pairs after ${WARMUP} warm-up pair, medians`);
    console.log('  reference: markdown-it parsing the same files in a fresh process');
    const runs: { how: string; args: string[] }[] = [
      { how: 'one thread (--jobs 1)', args: ['--jobs', '1'] },
      { how: 'the default (workers as the batch pays for, up to every core)', args: [] },
      ...[...new Set([2, Math.max(2, cores)])].map((jobs) => ({ how: `${jobs} worker threads (--jobs ${jobs})`, args: ['--jobs', String(jobs)] })),
    ];
    for (const { how, args } of runs) {
      const r = pairedRuns(
        () => measure([cli, 'check', tree, ...args], probe, out),
        () => measure([reference, tree], probe, out),
      );
      console.log(
        `  ${how}: ${r.ms.toFixed(0)} ms CPU (${(r.ms / FILES).toFixed(2)} ms a file); reference ${r.referenceMs.toFixed(0)} ms; paired ratio ${r.ratio.toFixed(2)}×; wall ${r.wallMs.toFixed(0)} ms (information only)`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

run();
