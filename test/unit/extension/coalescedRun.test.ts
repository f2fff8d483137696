/**
 * Calls within the delay share one run, and a later call never pushes it back (a preview's render
 * follows steady typing); a call for sooner moves it forward; now() runs a scheduled run at once;
 * cancel() drops it; nothing after dispose.
 */
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

  it('a later call joins the scheduled run: steady calls do not push it back', () => {
    let runs = 0;
    const run = new CoalescedRun(60_000, () => runs++);
    run.soon(0);
    // Asked for later than the run already due: it stays due at once (now() shows one is scheduled).
    run.soon(60_000);
    run.soon();
    run.now();
    assert.equal(runs, 1);
    run.now();
    assert.equal(runs, 1, 'one run for the three calls');
    run.dispose();
  });

  it('a call for sooner moves the scheduled run forward', async () => {
    let runs = 0;
    const ran = new Promise<void>((resolve) => {
      const run = new CoalescedRun(60_000, () => {
        runs++;
        resolve();
      });
      run.soon();
      run.soon(0);
    });
    // Settles only because the 0 ms call replaced the minute-long timer.
    await ran;
    assert.equal(runs, 1);
  });

  it('cancel() drops the scheduled run, and a later call schedules a new one', () => {
    let runs = 0;
    const run = new CoalescedRun(60_000, () => runs++);
    run.soon();
    run.cancel();
    run.now();
    assert.equal(runs, 0, 'cancelled: nothing to run');
    run.soon();
    run.now();
    assert.equal(runs, 1);
    run.dispose();
  });
});
