/**
 * A run that the calls within a delay share: the first call schedules it and later ones join it,
 * so a steady stream of calls still runs it every `delayMs` (a Debouncer's last call wins
 * instead, and pushes the run back). `now()` runs a scheduled run at once, for callers that
 * wait for everything to settle.
 */
export class CoalescedRun {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly delayMs: number,
    private readonly run: () => void,
  ) {}

  soon(): void {
    if (this.disposed) return;
    this.timer ??= setTimeout(() => this.now(), this.delayMs);
  }

  /** Runs at once if a run is scheduled; nothing otherwise. */
  now(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.run();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
