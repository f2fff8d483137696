/**
 * How a preview's report reaches its page: a state machine over what the page is doing, with
 * no `vscode` in it (the preview gives it a target to act on), so it is tested in plain Node.
 *
 * The page is in one of three states:
 * - `unset`: its HTML has not been set yet. The first report is written into the HTML itself
 *   (it paints as soon as the page parses, without a message round trip); if that report is
 *   slow, a timer sets the page empty and the report follows by message.
 * - `loading`: the HTML is set and the page is loading, or the panel was hidden and its page
 *   unloaded (no `retainContextWhenHidden`); it loads again from its HTML when shown. While
 *   hidden, every new report is written into the HTML instead of being posted.
 * - `listening`: the page said `ready`, naming the version its HTML held. A new report is posted
 *   as a patch against the version the page shows, or whole when it shows none. A message that
 *   is not delivered means the page went away: it is `loading` again.
 */
import { diffReportHtml } from '../../core/preview/patch';
import type { ErrorSummary, Notice, RenderMessage, ToWebview } from '../../protocol/messages';

/** A report ready to show. */
export interface Rendered {
  version: number;
  html: string;
  title: string;
  errors: ErrorSummary;
}

/** What the state machine acts on: the preview's panel and page. */
export interface DeliveryTarget {
  /** Whether the panel is visible now. */
  readonly visible: boolean;
  /** The panel's title (for the empty report under a notice). */
  readonly title: string;
  /** Sets the page's HTML (the page loads anew), with `initial` written into it. */
  setPage(initial: RenderMessage | undefined): void;
  /** Posts to the page; `lost` is called when the message was not delivered. */
  post(message: ToWebview, lost: () => void): void;
  /** The whole render message for a report: with the labels, the cursor's highlights, the settings. */
  renderMessage(report: Rendered, notice: Notice | undefined): RenderMessage;
}

/** What a report led to: written into the page, posted whole, posted as a patch, only a state update, or nothing yet. */
export type DeliveryOutcome = 'embedded' | 'rendered' | 'updated' | 'state' | 'waiting';

interface Shown {
  version: number;
  html: string;
}

type Page =
  | { state: 'unset' }
  | { state: 'loading'; embedded: Shown | undefined }
  | { state: 'listening'; generation: number; shown: Shown | undefined; embedded: Shown | undefined };

export class Delivery {
  private page: Page = { state: 'unset' };
  /** Counts the pages that said `ready`, so that a late delivery failure is not blamed on a newer page. */
  private generation = 0;
  private latestReport: Rendered | undefined;
  private currentNotice: Notice | undefined;

  constructor(
    private readonly target: DeliveryTarget,
    private readonly documentUri: string,
  ) {}

  get state(): Page['state'] {
    return this.page.state;
  }

  /** The last report handed in (what the page shows, or will once it listens). */
  get latest(): Rendered | undefined {
    return this.latestReport;
  }

  get notice(): Notice | undefined {
    return this.currentNotice;
  }

  /** Whether the page listens and shows a report (so that state messages make sense to it). */
  get showing(): boolean {
    return this.page.state === 'listening' && this.page.shown !== undefined;
  }

  /** A new report: into the HTML while the page cannot listen, else posted. */
  report(report: Rendered): DeliveryOutcome {
    this.latestReport = report;
    return this.deliver();
  }

  /** The page (re)loaded; `version` is the one its HTML held, if any. */
  ready(version: number | undefined): DeliveryOutcome {
    const embedded = this.page.state === 'unset' ? undefined : this.page.embedded;
    const shown = version !== undefined && embedded?.version === version ? embedded : undefined;
    this.page = { state: 'listening', generation: ++this.generation, shown, embedded };
    return this.latestReport ? this.push() : 'waiting';
  }

  /** The panel was hidden: its page is gone until it is shown again. */
  hidden(): void {
    if (this.page.state === 'listening') this.page = { state: 'loading', embedded: this.page.embedded };
  }

  /** The first report took too long: the page is set without it (it follows by message). */
  pageTimeout(): void {
    if (this.page.state !== 'unset') return;
    this.target.setPage(undefined);
    this.page = { state: 'loading', embedded: undefined };
  }

  /** A notice over the report (or none); with no report yet, shown over an empty one. */
  setNotice(notice: Notice | undefined, version = 0): void {
    this.currentNotice = notice;
    if (this.showing) {
      this.post({ type: 'state', documentUri: this.documentUri, notice: notice ?? null });
      return;
    }
    if (notice && !this.latestReport) {
      this.latestReport = { version, html: '', title: this.target.title, errors: { count: 0, text: '' } };
      this.deliver();
    }
  }

  /** A new error banner for the report shown. */
  setErrors(errors: ErrorSummary): void {
    if (!this.latestReport || errors.count === this.latestReport.errors.count) return;
    this.latestReport = { ...this.latestReport, errors };
    if (this.showing) this.post({ type: 'state', documentUri: this.documentUri, errors });
  }

  /** Posts `message` if the page listens and shows a report; false otherwise (it is sent again when it matters). */
  postToShowing(message: ToWebview): boolean {
    if (!this.showing) return false;
    this.post(message);
    return true;
  }

  /** Posts `message` if the page listens (whatever it shows); false otherwise. */
  postToListening(message: ToWebview): boolean {
    if (this.page.state !== 'listening') return false;
    this.post(message);
    return true;
  }

  private deliver(): DeliveryOutcome {
    const page = this.page;
    // Not listening: a page never set, or a hidden one, gets the report in its HTML; a page
    // loading in view gets it once it says `ready`.
    if (page.state === 'unset' || (page.state === 'loading' && !this.target.visible)) return this.embed();
    return page.state === 'listening' ? this.push() : 'waiting';
  }

  private embed(): DeliveryOutcome {
    const report = this.latestReport!;
    this.target.setPage(this.target.renderMessage(report, this.currentNotice));
    this.page = { state: 'loading', embedded: { version: report.version, html: report.html } };
    return 'embedded';
  }

  /** Sends the latest report to a listening page: whole to a page that shows none, else a patch. */
  private push(): DeliveryOutcome {
    const page = this.page;
    const report = this.latestReport;
    if (page.state !== 'listening' || !report) return 'waiting';
    if (!page.shown) {
      this.post(this.target.renderMessage(report, this.currentNotice));
      page.shown = { version: report.version, html: report.html };
      return 'rendered';
    }
    if (page.shown.version === report.version && page.shown.html === report.html) {
      // The same report; the banner and the notice may have changed since it was written.
      this.post({ type: 'state', documentUri: this.documentUri, errors: report.errors, notice: this.currentNotice ?? null });
      return 'state';
    }
    const patch = diffReportHtml(page.shown.html, report.html);
    this.post({ type: 'update', documentUri: this.documentUri, version: report.version, baseVersion: page.shown.version, title: report.title, errors: report.errors, patch });
    page.shown = { version: report.version, html: report.html };
    return 'updated';
  }

  private post(message: ToWebview): void {
    const page = this.page;
    const generation = page.state === 'listening' ? page.generation : -1;
    // Not delivered: that page went away; the next one says `ready` and gets a full render.
    this.target.post(message, () => {
      if (this.page.state === 'listening' && this.page.generation === generation) this.page = { state: 'loading', embedded: this.page.embedded };
    });
  }
}
