/**
 * The LLM half of one report preview: the state of the LLM version of the intake's report (as it
 * streams, and once done) and the messages that show it. The page keeps both versions and the
 * toolbar toggles between them without a new request; this side keeps everything the page shows,
 * so a page that reloads (a hidden panel is unloaded) gets it all back.
 *
 * Streaming is throttled here (at most one `llmDelta` every {@link MIN_POST_INTERVAL_MS}, each
 * with the whole text so far, rendered by the same safe markdown-it as the offline report), and
 * coalesced again in the page (one DOM update per animation frame).
 */
import type { LlmDeltaMessage, LlmDoneMessage, LlmStartMessage, ReportVersion, ToWebview } from '../../protocol/messages';

/** Minimum gap between two streamed updates posted to the page. */
export const MIN_POST_INTERVAL_MS = 50;

export type LlmHeader = Omit<LlmStartMessage, 'type' | 'documentUri' | 'continued'>;
export type LlmDone = Omit<LlmDoneMessage, 'type' | 'documentUri'>;

export interface LlmPaneEvent {
  kind: 'start' | 'delta' | 'done' | 'version';
  /** The rendered text, for start/delta/done. */
  html?: string;
  /** For `done`: the message the page got. */
  done?: LlmDone;
  version?: ReportVersion;
}

export interface LlmPaneHost {
  readonly documentUri: string;
  /** Posts to the page if it is listening (otherwise the next `ready` gets a resend). */
  post(message: ToWebview): void;
  fire(e: LlmPaneEvent): void;
}

/** The time source of the throttle: the real one, or a test's that it advances itself. */
export interface PaneClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_CLOCK: PaneClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface LlmSnapshot {
  running: boolean;
  version: ReportVersion;
  markdown: string;
  html: string;
  done: LlmDone | undefined;
}

export class LlmPane<R = unknown> {
  /** The version the page shows (or will show once it loads). */
  version: ReportVersion = 'offline';
  running = false;
  /** The last finished run's full result, for Continue. */
  result: R | undefined;
  private header: LlmHeader | undefined;
  private markdown = '';
  private html = '';
  private detail = '';
  private done: LlmDone | undefined;
  private render: (markdown: string) => string = () => '';
  private timer: unknown;
  private lastPost = 0;
  /** The markdown the last posted html was rendered from. */
  private renderedFrom = '';

  constructor(
    private readonly host: LlmPaneHost,
    private readonly clock: PaneClock = REAL_CLOCK,
  ) {}

  get hasContent(): boolean {
    return this.header !== undefined || this.done !== undefined;
  }

  snapshot(): LlmSnapshot {
    return { running: this.running, version: this.version, markdown: this.markdown, html: this.currentHtml(), done: this.done };
  }

  /** A run begins (or a continuation): the page switches to the LLM version. */
  start(header: LlmHeader, options: { continued: boolean; render: (markdown: string) => string }): void {
    this.clearTimer();
    this.running = true;
    this.render = options.render;
    this.header = header;
    this.done = undefined;
    this.detail = header.detail;
    if (!options.continued) {
      this.markdown = '';
      this.html = '';
      this.renderedFrom = '';
      this.result = undefined;
    }
    this.version = 'llm';
    this.host.post(this.startMessage(options.continued));
    this.host.post({ type: 'showVersion', documentUri: this.host.documentUri, version: 'llm' });
    this.host.fire({ kind: 'start', html: this.html });
  }

  /** The whole text so far (and the status line); posted throttled. */
  text(markdown: string, detail: string): void {
    this.markdown = markdown;
    this.detail = detail;
    if (this.timer) return;
    const wait = Math.max(0, this.lastPost + MIN_POST_INTERVAL_MS - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.postDelta();
    }, wait);
  }

  /** The run ended (done, cancelled, truncated or failed): the final state, at once. */
  finish(markdown: string, done: LlmDone, result: R | undefined): void {
    this.clearTimer();
    this.running = false;
    this.done = done;
    this.markdown = markdown;
    this.html = done.html;
    this.renderedFrom = markdown;
    this.result = result;
    this.header = { labels: done.labels, detail: done.detail, endpoint: done.endpoint, local: done.local, redactions: done.redactions, redactionSummary: done.redactionSummary };
    this.host.post({ type: 'llmDone', documentUri: this.host.documentUri, ...done });
    this.host.fire({ kind: 'done', html: done.html, done });
  }

  /** Shows a version (an action of the extension: the LLM view's "Show offline report", a new run). */
  show(version: ReportVersion): void {
    this.version = version;
    this.host.post({ type: 'showVersion', documentUri: this.host.documentUri, version });
    this.host.fire({ kind: 'version', version });
  }

  /** The page toggled by itself: only remember it. */
  shown(version: ReportVersion): void {
    if (version === 'llm' && !this.hasContent) return;
    this.version = version;
    this.host.fire({ kind: 'version', version });
  }

  /** A (re)loaded page: everything it needs to show the LLM version as it is now. */
  resend(): void {
    if (!this.hasContent) return;
    if (this.done && !this.running) {
      this.host.post({ type: 'llmDone', documentUri: this.host.documentUri, ...this.done });
    } else if (this.header) {
      this.host.post(this.startMessage(false));
      this.host.post(this.deltaMessage());
    }
    this.host.post({ type: 'showVersion', documentUri: this.host.documentUri, version: this.version });
  }

  dispose(): void {
    this.clearTimer();
  }

  private startMessage(continued: boolean): LlmStartMessage {
    return { type: 'llmStart', documentUri: this.host.documentUri, ...this.header!, detail: this.detail, continued };
  }

  private currentHtml(): string {
    if (this.renderedFrom !== this.markdown) {
      this.html = this.render(this.markdown);
      this.renderedFrom = this.markdown;
    }
    return this.html;
  }

  private deltaMessage(): LlmDeltaMessage {
    return { type: 'llmDelta', documentUri: this.host.documentUri, html: this.currentHtml(), detail: this.detail };
  }

  private postDelta(): void {
    if (!this.running) return;
    this.lastPost = this.clock.now();
    const message = this.deltaMessage();
    this.host.post(message);
    this.host.fire({ kind: 'delta', html: message.html });
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
