/**
 * The `intake` executable (cli/dist/cli.cjs, run by the cli.js launcher, launch/). The same bundle is
 * also the pool's worker (pool.ts): started in a worker thread it serves file tasks instead, so
 * the npm package needs no second entry point. main.ts holds the command itself, which tests and
 * benchmarks call in-process.
 */
import { launchInfo } from './launch/launchInfo';
import { cannotWriteMessage, main } from './main';
import { writeResult } from './writeResult';
import { poolWorker, runWorker } from './worker';

const worker = poolWorker();
if (worker) runWorker(worker);
// The script this process was started with (the launcher): workers start from it too.
else {
  const launch = launchInfo();
  const options = { ...(process.argv[1] !== undefined ? { workerScript: process.argv[1] } : {}), ...(launch ? { launch } : {}) };
  void main(process.argv.slice(2), process.env, options).then((result) => writeResult(result, cannotWriteMessage));
}
