/** How many threads a batch gets (src/cli/pool.ts), and that in-process runs keep input order. */
import * as assert from 'node:assert/strict';
import { runFileTask, type FileTask } from '../../../src/cli/fileTask';
import { poolSize, runTasks } from '../../../src/cli/pool';
import { fixturesDir } from '../helpers/seeds';
import * as path from 'node:path';

const checks = (n: number, file = 'x.intake'): FileTask[] => Array.from({ length: n }, () => ({ kind: 'check', file, json: false, policy: {} }));
const generates = (n: number): FileTask[] => Array.from({ length: n }, () => ({ kind: 'generate', file: 'x.intake', format: 'md' }));

describe('cli pool', () => {
  it('--jobs N means N threads, at most one a file', () => {
    assert.equal(poolSize(checks(10), 4, 2), 4);
    assert.equal(poolSize(checks(3), 8, 2), 3);
    assert.equal(poolSize(checks(3), 1, 8), 1);
  });

  it('by default, only as many threads as the batch pays for, up to the cores', () => {
    assert.equal(poolSize(checks(10), undefined, 8), 1);
    assert.equal(poolSize(checks(499), undefined, 8), 1);
    assert.equal(poolSize(checks(500), undefined, 8), 2);
    assert.equal(poolSize(checks(5000), undefined, 8), 8);
    // A report is far more work than a check: workers pay off sooner.
    assert.equal(poolSize(generates(5), undefined, 8), 1);
    assert.equal(poolSize(generates(20), undefined, 8), 2);
    assert.equal(poolSize(generates(500), undefined, 4), 4);
  });

  it("gives a check's --json outcome that a worker's structured clone copies whole (plain ranges)", async () => {
    // A worker posts its outcome by structured clone, which copies a LineRange's four fields and not the `start` and `end` its JSON has.
    const outcome = await runFileTask({ kind: 'check', file: path.join(fixturesDir(), 'messy.intake'), json: true, policy: {} });
    assert.equal(outcome.kind, 'check');
    if (outcome.kind !== 'check') return;
    assert.ok(outcome.json && outcome.json.diagnostics.length > 0);
    assert.equal(JSON.stringify(structuredClone(outcome)), JSON.stringify(outcome));
  });

  it('runs in this thread without a worker script, results in input order, a bad file failing alone', async () => {
    const good = path.join(fixturesDir(), 'messy.intake');
    const tasks: FileTask[] = [...checks(1, good), ...checks(1, path.join(fixturesDir(), 'missing.intake')), ...checks(1, good)];
    const seen: number[] = [];
    const results = await runTasks(tasks, { jobs: 3, locale: 'en', onResult: (i) => void seen.push(i) });
    assert.deepEqual(seen, [0, 1, 2]);
    assert.deepEqual(results.map((r) => r.exitCode), [1, 2, 1]);
    assert.match(results[1]!.stderr, /^intake: .*missing\.intake: no such file\n$/);
    assert.equal(results[0]!.intakes, 2);
  });
});
