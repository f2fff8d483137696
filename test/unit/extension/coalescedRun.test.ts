/** Calls within the delay share one run; now() runs a scheduled run at once; nothing after dispose. */
import * as assert from 'node:assert/strict';
import { CoalescedRun } from '../../../src/extension/coalescedRun';

describe('CoalescedRun', () => {
  it('runs once for the calls made before it runs', async () => {
    let runs = 0;
    const ran = new Promise<void>((resolve) => {
      const run = new CoalescedRun(0, () => {
        runs++;
        resolve();
      });
      run.soon();
      run.soon();
      run.soon();
    });
    await ran;
    assert.equal(runs, 1);
  });

  it('now() runs a scheduled run at once, and only then', () => {
    let runs = 0;
    const run = new CoalescedRun(60_000, () => runs++);
    run.now();
    assert.equal(runs, 0, 'nothing scheduled: nothing to run');
    run.soon();
    run.now();
    assert.equal(runs, 1);
    run.now();
    assert.equal(runs, 1, 'the timer went with the run');
    run.dispose();
  });

  it('schedules nothing once disposed', () => {
    let runs = 0;
    const run = new CoalescedRun(60_000, () => runs++);
    run.soon();
    run.dispose();
    run.now();
    run.soon();
    run.now();
    assert.equal(runs, 0);
  });
});
