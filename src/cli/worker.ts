/**
 * The worker side of pool.ts: runs file tasks sent by the main thread and posts their outcomes.
 * Started from the CLI's own bundle (main.ts), in the language the main thread uses.
 */
import type { MessagePort } from 'node:worker_threads';
import zhCn from '../../media/l10n/bundle.l10n.zh-cn.json';
import { configureL10n } from '../core/l10n';
import { runFileTask, type FileTask } from './fileTask';
import { POOL_WORKER_ENV, type WorkerInit } from './poolWorkerStart';

interface PoolWorker {
  port: MessagePort;
  init: WorkerInit;
}

/** The port and start data of a thread the pool started; undefined in any other thread. */
export function poolWorker(env: NodeJS.ProcessEnv = process.env): PoolWorker | undefined {
  if (env[POOL_WORKER_ENV] !== '1') return undefined;
  // A require, not an import(): the bundle runs as a plain script (vm.Script, launch/codeCache.ts),
  // where import() is not available. The bundle's own `require`, not node:module's createRequire:
  // loading node:module (with Node's ES module loader) cost every command about 5 M instructions.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const init = workerData as Partial<WorkerInit> | undefined;
  return parentPort !== null && init?.intakeWorker === true ? { port: parentPort, init: init as WorkerInit } : undefined;
}

export function runWorker({ port, init }: PoolWorker): void {
  if (init.locale === 'zh-cn') configureL10n(zhCn as Record<string, string>);
  port.on('message', (message: { id: number; task: FileTask }) => {
    void runFileTask(message.task).then((outcome) => port.postMessage({ id: message.id, outcome }));
  });
}
