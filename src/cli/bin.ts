/**
 * The `intake` executable (cli/dist/cli.cjs, run by the cli.js launcher, launch/). The same bundle is
 * also the pool's worker (pool.ts): started in a worker thread it serves file tasks instead, so
 * the npm package needs no second entry point. main.ts holds the command itself, which tests and
 * benchmarks call in-process.
 */
import { main, writeResult } from './main';
import { poolWorker, runWorker } from './worker';

const worker = poolWorker();
if (worker) runWorker(worker);
// The script this process was started with (the launcher): workers start from it too.
else void main(process.argv.slice(2), process.env, process.argv[1] !== undefined ? { workerScript: process.argv[1] } : {}).then((result) => writeResult(result));
