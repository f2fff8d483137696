/**
 * Running the CLI's bundle (cli/dist/cli.cjs, from bin.ts) in this process: sets V8's flags for a
 * short run, then runs the bundle with V8's compiled code for it kept in the user's cache folder
 * between runs (codeCache.ts, cacheDir.ts).
 */
import { codeCacheDir } from './cacheDir';
import { runWithCodeCache } from './codeCache';
import { debugTrace } from './debugTrace';
import { nodeModule } from './nodeModule';
import { setV8Flags } from './v8Flags';

/** V8's flags for a short run, set before the bundle runs (each with its measured reason). */
export const LAUNCH_FLAGS: readonly string[] = [
  // Regular expressions are compiled to machine code on first use, not first interpreted and
  // compiled again on their second: a report runs the knowledge base's ~250 rule patterns (case-
  // insensitive Unicode, mostly Chinese) over the intake about once or twice each, where V8's
  // two steps cost more than the one (about 25 ms of a cold "intake generate"). Only speed changes.
  '--no-regexp-tier-up',
  // V8 optimises a function (TurboFan) after a budget of bytecode run in it; the default budget
  // (66 KB) has the CLI spend more CPU optimising than the optimised code saves, even over a long
  // batch: a 16 times larger one (1 MiB) still optimises what stays hot. Measured, CPU time:
  // `intake generate` of one intake 162 -> 135 ms; 400 files, one thread, 3.9 -> 2.5 s (wall time
  // too, 3.5 -> 2.4 s); `intake check` of the same 400 files 713 -> 386 ms. Only speed changes.
  '--interrupt-budget=1048576',
  // V8 queues every function that gets a feedback vector (after about 1 KB of its bytecode ran)
  // for Sparkplug's baseline code, compiled in batches: most of the CLI's functions run a few
  // times in one command and never repay it. Without batches, a function is compiled to baseline
  // code on an interrupt tick, after the budget above: only what stays hot. Measured (callgrind,
  // `intake generate` of the insurance intake, warm code cache): 448.0 -> 438.2 M instructions,
  // first run 689.3 -> 678.3 M; 250 files in one batch, CPU time unchanged (about 1.0 s either
  // way). Only speed changes.
  '--no-baseline-batch-compilation',
  // The young generation starts small (1 MB semi-spaces) and V8 doubles it after a scavenge in
  // which much survived; a report keeps most of what it allocates (the knowledge base, the
  // intake's facts), so seven scavenges copied the same objects again and again. Growing 16-fold
  // reaches the usual maximum (16 MB) at its first growth, not after four doublings: three
  // scavenges in a cached `intake generate`. Only speed and memory change.
  // Callgrind, `intake generate` of the insurance intake, warm code cache: 405.7 -> 378.6 M
  // instructions, first run 646.5 -> 619.5 M; CPU time about 3% less. The cost is memory: its
  // peak RSS 56.6 -> 59.2 MB; a 200-file batch (each worker thread's young generation grows
  // too) 119 -> 151 MB, for the same CPU time.
  '--semi-space-growth-factor=16',
  // V8 checks a checksum of the code cache's bytes before using them (codeCache.ts): a damaged file
  // is refused. Without it, V8 checks only the header, and a file damaged inside crashes the process
  // (a fatal error in the deserializer). The flags are the same in every run, as a cache's must be.
  '--verify-snapshot-checksum',
];

/** Runs `bundle` for `command` (undefined in a batch's worker thread); `build` is '' in a development build, which uses no cache. */
export function runBundleHere(bundle: string, build: string, command: string | undefined): void {
  // Without node:v8, which would load the stream stack for this alone (v8Flags.ts).
  setV8Flags(LAUNCH_FLAGS);
  const dir = build ? codeCacheDir(process.env, process.platform) : undefined;
  if (dir === undefined) {
    nodeModule.createRequire(bundle)(bundle);
  } else {
    const trace = debugTrace('intake-cache');
    // The command (a batch's worker threads have none): each compiles functions of its own.
    const variant = command === undefined ? 'worker' : /^[a-z]{1,16}$/.test(command) ? command : 'other';
    runWithCodeCache(bundle, { dir, build, variant, ...(trace ? { trace } : {}) });
  }
}
