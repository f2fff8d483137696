/**
 * A run that the calls within a delay share: the first call schedules it and later ones join it,
 * so a steady stream of calls still runs it every `delayMs` (a Debouncer's last call wins
 * instead, and pushes the run back). A call may ask for a shorter delay than the one scheduled:
 * the run then moves forward, and is never pushed back. `now()` runs a scheduled run at once,
 * for callers that wait for everything to settle.
 */
export class CoalescedRun {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the scheduled run is due (Date.now() time), while one is. */
  private dueAt = 0;
  private disposed = false;

  constructor(
    private readonly delayMs: number,
    private readonly run: () => void,
  ) {}

  /** Schedules the run in `delayMs`, unless one is scheduled by then already. */
  soon(delayMs = this.delayMs): void {
    if (this.disposed) return;
    const dueAt = Date.now() + delayMs;
    if (this.timer !== undefined) {
      if (this.dueAt <= dueAt) return;
      clearTimeout(this.timer);
    }
    this.dueAt = dueAt;
    this.timer = setTimeout(() => this.now(), delayMs);
  }

  /** Runs at once if a run is scheduled; nothing otherwise. */
  now(): void {
    if (this.timer === undefined) return;
    this.cancel();
    this.run();
  }

  /** Drops the scheduled run, if any (a caller that runs the work itself). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }
}
