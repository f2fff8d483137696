/**
 * The growth check of worstCase.ts on a clock of its own: what it calls linear and super-linear,
 * and that a pause in the first runs of one size (the machine or the garbage collector, as on a
 * shared CI machine) is measured again rather than reported.
 */
import * as assert from 'node:assert/strict';
import { superLinear } from './worstCase';

/**
 * A work function and a clock for it: each run at `size` takes `cost(size)` ms, plus `pauseMs`
 * for each of the first `paused[size]` runs at that size.
 */
function fakeWork(cost: (size: number) => number, paused: Record<number, number> = {}, pauseMs = 20) {
  const runs = new Map<number, number>();
  let size = 0;
  return {
    runs,
    work: (n: number) => {
      size = n;
      runs.set(n, (runs.get(n) ?? 0) + 1);
    },
    measure: (fn: () => void) => {
      fn();
      return cost(size) + (runs.get(size)! <= (paused[size] ?? 0) ? pauseMs : 0);
    },
  };
}

const N = 2000;
const FLOOR = 60;
const check = (w: ReturnType<typeof fakeWork>) => superLinear(w.work, { n: N, floorMs: FLOOR, measure: w.measure });

describe('linear time: the growth check', () => {
  it('passes linear work', () => {
    assert.equal(check(fakeWork((n) => n / 20)), undefined);
  });

  it('reports quadratic work at n/4 and n, without running it at 8n', () => {
    const w = fakeWork((n) => (n / 200) ** 2);
    assert.match(check(w) ?? '', /^100\.0 ms at 2000 characters, 16× the time at 500$/);
    assert.equal(w.runs.get(8 * N), undefined);
  });

  it('reports work that grows 27× from n to 8n', () => {
    // n^1.585: 27× from n to 8n, under the early limit from n/4 to n (9×).
    const w = fakeWork((n) => (n / 2000) ** Math.log2(3) * 10);
    assert.match(check(w) ?? '', /^270\.0 ms at 16000 characters, 27× the time at 2000$/);
  });

  it('passes work that is fast at 8n, whatever its growth', () => {
    assert.equal(check(fakeWork((n) => (n / 4000) ** 2)), undefined);
  });

  it('measures again before reporting a pause in both first runs at n', () => {
    // 1 ms at 500, 4 ms at 2000, but the first two runs at 2000 took 20 ms more: 24× at first.
    const w = fakeWork((n) => n / 500, { [N]: 2 });
    assert.equal(check(w), undefined);
    assert.ok(w.runs.get(N)! > 2, 'the runs at n were measured again');
  });

  it('measures again before reporting a pause in the first three runs at 8n', () => {
    // 20 ms at n, 160 ms at 8n, but the first three runs at 8n took 500 ms more: 33× at first.
    const w = fakeWork((n) => n / 100, { [8 * N]: 3 }, 500);
    assert.equal(check(w), undefined);
    assert.ok(w.runs.get(8 * N)! > 3, 'the runs at 8n were measured again');
  });

  it('still reports super-linear work whose first runs paused', () => {
    // The pauses hide the growth from n/4 to n (4.6×); from n to 8n it shows.
    const w = fakeWork((n) => (n / 200) ** 2, { [N / 4]: 2, [N]: 2 });
    assert.match(check(w) ?? '', /^6400\.0 ms at 16000 characters, 64× the time at 2000$/);
  });

  it('reports work predicted to take more than 5 s at 8n, without running it there', () => {
    // 11.3× from n/4 to n (under the early limit of 12×), 1,640 ms at n: about 62 s at 8n.
    const w = fakeWork((n) => (n / 2000) ** 1.75 * 1640);
    assert.match(check(w) ?? '', /^1640\.0 ms at 2000 characters, growing 11\.3× from 500: about 62 s at 16000$/);
    assert.equal(w.runs.get(8 * N), undefined);
  });

  it('reports work that takes seconds at n without running it again', () => {
    // Cubic: 3 s at n, 64× the time at n/4. No pause explains seconds of CPU time.
    const w = fakeWork((n) => (n / 2000) ** 3 * 3000);
    assert.match(check(w) ?? '', /^3000\.0 ms at 2000 characters, 64× the time at 500$/);
    assert.equal(w.runs.get(N), 2);
  });
});
