/**
 * The `intake` executable (cli/dist/cli.js). The same bundle is also the pool's worker
 * (pool.ts): started in a worker thread it serves file tasks instead, so the npm package stays
 * one file. main.ts holds the command itself, which tests and benchmarks call in-process.
 */
import { main, writeResult } from './main';
import { isPoolWorker, runWorker } from './worker';

if (isPoolWorker()) runWorker();
else void main(process.argv.slice(2), process.env, { workerScript: __filename }).then((result) => writeResult(result));
