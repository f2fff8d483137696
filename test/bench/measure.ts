/**
 * How the benchmarks measure: CPU time of this process (`process.cpuUsage`, user + system, so
 * a busy machine slows the wall clock but not the figure), each run paired with its reference
 * in the same process and the same turn, and the median of the paired ratios reported, with
 * percentiles where a distribution matters. Figures only: there is no pass or fail on timing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** CPU milliseconds `fn` takes. */
export function cpu(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

export interface Paired {
  /** Median CPU ms of the measured run and of the reference. */
  ms: number;
  referenceMs: number;
  /** Median of the paired ratios measured / reference. */
  ratio: number;
  /** The measured runs' 95th percentile. */
  p95: number;
  runs: number[];
}

/**
 * Runs `measured` and `reference` `iterations` times each, alternating which goes first (so
 * that GC and frequency drift hit both alike), after `warmup` unmeasured rounds.
 */
export function paired(measured: () => unknown, reference: () => unknown, iterations: number, warmup = 3): Paired {
  for (let i = 0; i < warmup; i++) {
    measured();
    reference();
  }
  return pairedFigures(() => cpu(measured), () => cpu(reference), iterations);
}

/**
 * {@link paired} for runs that measure themselves (a fresh process that reports its own CPU ms):
 * each call returns its figure; `iterations` pairs, alternating which goes first.
 */
export function pairedFigures(measured: () => number, reference: () => number, iterations: number): Paired {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      a.push(measured());
      b.push(reference());
    } else {
      b.push(reference());
      a.push(measured());
    }
  }
  return { ms: median(a), referenceMs: median(b), ratio: median(a.map((x, i) => x / Math.max(b[i]!, 1e-3))), p95: percentile(a, 95), runs: a };
}

/**
 * CPU ms of a whole child process `node args…` as the user starts it, Node's own start-up
 * included: a preloaded hook prints the process's CPU time when it exits.
 */
export function processCpu(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): number {
  return processRun(args, options).cpuMs;
}

/** processCpu's figure, with what the process wrote to stderr (the reporter's line taken out). */
export function processRun(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): { cpuMs: number; stderr: string } {
  const result = spawnSync(process.execPath, ['--require', reporter(), ...args], { env: options.env ?? process.env, cwd: options.cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const m = /intake-bench-cpu (\d+(?:\.\d+)?)\n/.exec(result.stderr);
  if (result.status !== 0 || !m) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr.slice(0, 500)}`);
  return { cpuMs: Number(m[1]), stderr: result.stderr.replace(m[0], '') };
}

let reporterFile: string | undefined;

function reporter(): string {
  if (reporterFile) return reporterFile;
  reporterFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'intake-bench-')), 'cpu-at-exit.cjs');
  fs.writeFileSync(reporterFile, "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`intake-bench-cpu ${(u.user + u.system) / 1000}\\n`); });\n");
  return reporterFile;
}

/** ms with three significant digits. */
export function fmt(ms: number): string {
  return ms < 1 ? ms.toFixed(3) : ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}

/** "met" / "NOT met" for a figure against its target. */
export function verdict(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

/** {@link paired} for asynchronous work (the CPU of the whole await, the thread pool's included). */
export async function pairedAsync(measured: () => Promise<unknown>, reference: () => unknown, iterations: number, warmup = 3): Promise<Paired> {
  const time = async (fn: () => unknown) => {
    const start = process.cpuUsage();
    await fn();
    const d = process.cpuUsage(start);
    return (d.user + d.system) / 1000;
  };
  for (let i = 0; i < warmup; i++) {
    await measured();
    reference();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      a.push(await time(measured));
      b.push(await time(reference));
    } else {
      b.push(await time(reference));
      a.push(await time(measured));
    }
  }
  return { ms: median(a), referenceMs: median(b), ratio: median(a.map((x, i) => x / Math.max(b[i]!, 1e-3))), p95: percentile(a, 95), runs: a };
}
