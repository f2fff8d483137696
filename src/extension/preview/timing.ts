/**
 * The first paint of a preview, step by step: when the panel was made, the engine loaded, the
 * report computed, the page ready, the render sent; and from the page's own measures, when its
 * stylesheet, script and render arrived and when it painted. One line in the output channel.
 */
import type { FromWebview } from '../../protocol/messages';

type RenderedMessage = Extract<FromWebview, { type: 'rendered' }>;

export class FirstPaintTiming {
  private readonly marks: Record<string, number> = {};
  /** ms from the opening command to the first paint the webview reported. */
  firstPaintMs: number | undefined;
  /** `openedAt` on the wall clock, to compare with the page's time origin. */
  private readonly openedAtEpoch: number;

  /** `openedAt`: performance.now() when the user asked for the preview. */
  constructor(private readonly openedAt: number) {
    this.openedAtEpoch = Date.now() - (performance.now() - openedAt);
  }

  /** ms since the command. */
  sinceOpen(): number {
    return Math.round(performance.now() - this.openedAt);
  }

  /** Records when a first-render milestone happened (its first occurrence only). */
  mark(name: string): void {
    if (this.firstPaintMs === undefined && !(name in this.marks)) this.marks[name] = this.sinceOpen();
  }

  /** The page painted: the log line for the first full paint, else undefined. */
  painted(msg: RenderedMessage, what: string): string | undefined {
    if (this.firstPaintMs !== undefined || msg.kind === 'update') return undefined;
    const sinceOpenMs = this.sinceOpen();
    const steps = Object.entries(this.marks).map(([k, v]) => `${k} ${v}`).join(', ');
    const m = msg.marks;
    const at = (ms: number | undefined) => (ms === undefined ? '?' : String(Math.round(ms)));
    const origin = m?.origin !== undefined ? `page started ${Math.round(m.origin - this.openedAtEpoch)}; ` : '';
    const page = m ? `; ${origin}in the page: css ${at(m.css)}, js ${at(m.js)}, script ${at(m.script)}, render received ${m.received > 0 ? at(m.received) : 'in the HTML'}, painted ${at(msg.paintMs)} ms after its start` : '';
    this.firstPaintMs = sinceOpenMs;
    return `report preview of ${what}: first paint ${sinceOpenMs} ms after the command (${steps}, painted ${sinceOpenMs})${page}`;
  }
}
