/**
 * Runs a batch's file tasks on all cores: this thread and a pool of worker threads
 * (worker_threads), each loading the CLI's own bundle (bin.ts starts the worker side when it
 * finds itself in one), so the npm package stays one file.
 *
 * - `--jobs N` is the number of threads at work: this one and N - 1 workers (at most one thread
 *   per task). By default, as many as pay off: a worker costs a start-up (it compiles the bundle
 *   and warms up its own JIT: 0.3–0.5 s of CPU in `npm run bench`, as much as checking 150–250
 *   files), so a small batch runs in this thread alone, and a large one on up to all of the
 *   machine's cores (`os.availableParallelism()`). Without a script to start workers from (the CLI called
 *   in-process, as the unit tests do), everything runs in this thread.
 * - This thread takes tasks from the same queue as the workers, one at a time, yielding between
 *   them so that the workers' results are taken in and their queues kept full.
 * - Tasks are handed out as workers finish (two in flight per worker, so none waits for its next
 *   message), so a slow file never holds up a whole share of the batch.
 * - Results are kept by the task's index: the output is in input order whatever the timing, and
 *   identical with 1 and N workers. `onResult` sees each result as it arrives (generate writes
 *   the reports then, instead of holding them all).
 * - A worker that dies fails only its tasks in flight (exit 2, one line); a new worker takes
 *   over the rest.
 */
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { failed, runFileTask, type FileOutcome, type FileTask } from './fileTask';
import { POOL_WORKER_ENV, type WorkerInit } from './poolWorkerStart';

export interface PoolOptions {
  /** `--jobs`; undefined: decided from the batch (poolSize). */
  jobs?: number;
  /** The bundle to start workers from (cli/dist/cli.js); absent: run in this thread. */
  workerScript?: string;
  locale: WorkerInit['locale'];
  onResult?: (index: number, outcome: FileOutcome) => void | Promise<void>;
}

/** In flight per worker: one running, one waiting in its queue. */
const IN_FLIGHT = 2;

/**
 * Tasks per worker below which a worker's start-up costs more than it saves, by kind: a report
 * (engine and renderer, Word above all) is far more work than a check.
 */
const MIN_TASKS_PER_WORKER: Record<FileTask['kind'], number> = { check: 250, generate: 8 };

/** The number of workers for `tasks`: `jobs` if given, else what the batch's size pays for. */
export function poolSize(tasks: readonly FileTask[], jobs: number | undefined, cores = os.availableParallelism()): number {
  if (jobs !== undefined) return Math.min(jobs, tasks.length);
  const kind = tasks[0]?.kind ?? 'check';
  return Math.max(1, Math.min(cores, Math.floor(tasks.length / MIN_TASKS_PER_WORKER[kind])));
}

export async function runTasks(tasks: readonly FileTask[], options: PoolOptions): Promise<FileOutcome[]> {
  const size = poolSize(tasks, options.jobs);
  if (size <= 1 || options.workerScript === undefined) return runInline(tasks, options);
  return new WorkerPool(tasks, size, options.workerScript, options).run();
}

async function runInline(tasks: readonly FileTask[], options: PoolOptions): Promise<FileOutcome[]> {
  const results: FileOutcome[] = [];
  for (let i = 0; i < tasks.length; i++) {
    const outcome = await runFileTask(tasks[i]!);
    results.push(outcome);
    await options.onResult?.(i, outcome);
  }
  return results;
}

class WorkerPool {
  private readonly results: (FileOutcome | undefined)[];
  private next = 0;
  private done = 0;
  private readonly workers = new Set<Worker>();
  private finish!: () => void;
  /** onResult's work (writing reports), awaited before the pool resolves. */
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly tasks: readonly FileTask[],
    private readonly size: number,
    private readonly script: string,
    private readonly options: PoolOptions,
  ) {
    this.results = new Array<FileOutcome | undefined>(tasks.length);
  }

  async run(): Promise<FileOutcome[]> {
    const finished = new Promise<void>((resolve) => (this.finish = resolve));
    for (let i = 1; i < this.size; i++) this.start();
    await this.workHere();
    await finished;
    await Promise.all([...this.workers].map((w) => w.terminate()));
    await this.pending;
    return this.results.map((r, i) => r ?? failed(this.tasks[i]!, new Error('no result')));
  }

  /** This thread's share: the next task in the queue, until none is left. */
  private async workHere(): Promise<void> {
    while (this.next < this.tasks.length) {
      const id = this.next++;
      this.settle(id, await runFileTask(this.tasks[id]!));
      // Let the workers' messages in: they wait for their next task.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private start(): void {
    const init: WorkerInit = { intakeWorker: true, locale: this.options.locale };
    const worker = new Worker(this.script, { workerData: init, env: { ...process.env, [POOL_WORKER_ENV]: '1' } });
    this.workers.add(worker);
    const inFlight = new Set<number>();
    const feed = (): void => {
      while (inFlight.size < IN_FLIGHT && this.next < this.tasks.length) {
        const id = this.next++;
        inFlight.add(id);
        worker.postMessage({ id, task: this.tasks[id] });
      }
    };
    worker.on('message', (message: { id: number; outcome: FileOutcome }) => {
      inFlight.delete(message.id);
      this.settle(message.id, message.outcome);
      feed();
    });
    let gone = false;
    const lost = (e: unknown): void => {
      if (gone) return;
      gone = true;
      this.workers.delete(worker);
      for (const id of inFlight) this.settle(id, failed(this.tasks[id]!, e));
      inFlight.clear();
      // The rest goes to a fresh worker, unless every task is handed out already.
      if (this.next < this.tasks.length) this.start();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => {
      if (this.done < this.tasks.length) lost(new Error(`worker stopped (exit code ${code})`));
    });
    feed();
  }

  private settle(id: number, outcome: FileOutcome): void {
    if (this.results[id]) return;
    this.results[id] = outcome;
    const onResult = this.options.onResult;
    if (onResult) this.pending = this.pending.then(() => onResult(id, outcome));
    if (++this.done === this.tasks.length) this.finish();
  }
}
