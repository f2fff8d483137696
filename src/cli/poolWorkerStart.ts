/**
 * What the pool (pool.ts) and its workers (worker.ts) agree on to start one: the data a worker
 * gets, and the environment variable that marks it. Its own file, so that neither imports the other.
 */

/** What a worker is started with: the marker that makes the bundle a worker, and the language. */
export interface WorkerInit {
  intakeWorker: true;
  locale: 'en' | 'zh-cn';
}

/**
 * Set by the pool in its workers' environment. Only then is node:worker_threads loaded to check
 * that this is one of them: loading it costs about 3 ms, a tenth of a cached `intake generate`.
 */
export const POOL_WORKER_ENV = 'INTAKE_POOL_WORKER';
