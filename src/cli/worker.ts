/**
 * The worker side of pool.ts: runs file tasks sent by the main thread and posts their outcomes.
 * Started from the CLI's own bundle (main.ts), in the language the main thread uses.
 */
import { parentPort, workerData } from 'node:worker_threads';
import zhCn from '../../media/l10n/bundle.l10n.zh-cn.json';
import { configureL10n } from '../core/l10n';
import { runFileTask, type FileTask } from './fileTask';
import type { WorkerInit } from './pool';

/** True in a thread the pool started. */
export function isPoolWorker(): boolean {
  return parentPort !== null && (workerData as Partial<WorkerInit> | undefined)?.intakeWorker === true;
}

export function runWorker(): void {
  const port = parentPort;
  if (!port) return;
  if ((workerData as WorkerInit).locale === 'zh-cn') configureL10n(zhCn as Record<string, string>);
  port.on('message', (message: { id: number; task: FileTask }) => {
    void runFileTask(message.task).then((outcome) => port.postMessage({ id: message.id, outcome }));
  });
}
