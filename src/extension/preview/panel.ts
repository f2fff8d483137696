/**
 * One report preview: a webview panel showing the report of one intake of one document. It
 * composes the parts that do the work:
 * - the document's analysis (DocumentAnalyses), which builds and keeps the intake's report;
 * - the {@link ReportRenderer}: report → HTML and title, the HTML kept per report;
 * - the {@link Delivery} state machine: how a report reaches the page (in its HTML, whole, or as
 *   a patch), whatever the page is doing (booting, hidden, listening);
 * - the {@link MessageRouter}: the page's messages, checked, to the handler of their type;
 * - the contributions (LLM mode), which add their own messages and page content;
 * - one {@link PreviewObserver} (the manager) told of renders, posts and timings.
 *
 * The first render starts at once, while the webview boots. Later edits re-render after the
 * delay (`intake.preview.debounceMs`), counted from the first edit since the last render, as the
 * built-in Markdown preview does: a burst of typing is shown once the delay is up, not only once
 * the typing stops, and the edits made meanwhile are in that render. A result computed for a
 * document version that is no longer current is dropped.
 */
import * as vscode from 'vscode';
import type { ReportModel } from '../../core/engine/reportModel';
import { locateIntake } from '../../core/facts/locate';
import type { IntakeFile } from '../../core/model';
import { safeExternalUrl } from '../../core/preview/links';
import { selectionLines } from '../../protocol/dataLines';
import type { ErrorSummary, Notice, PreviewState, RenderMessage, ToWebview } from '../../protocol/messages';
import type { DocumentAnalyses } from '../analyses';
import type { Configuration } from '../config';
import { CoalescedRun } from '../coalescedRun';
import { Disposable } from '../dispose';
import type { PreviewContribution, PreviewContributionApi, PreviewContributionFactory } from './contribution';
import { Delivery, type DeliveryOutcome, type Rendered } from './delivery';
import { errorSummary, titleFrame, webviewLabels } from './labels';
import type { PreviewObserver } from './observer';
import { COMMAND_EXPORT_REPORT } from './commandIds';
import { ReportRenderer } from './renderer';
import type { TeamKnowledgeService } from '../team/knowledge';
import { loadReportKit } from './reportKit';
import { MessageRouter } from './router';
import { previewShell } from './shell';
import { FirstPaintTiming } from './timing';

/** If the first render has not finished by then, the page is set without it (it follows by message). */
const FIRST_PAGE_TIMEOUT_MS = 2000;

/** What every preview shares: given by the manager. */
export interface PreviewContext {
  readonly extensionUri: vscode.Uri;
  readonly analyses: DocumentAnalyses;
  readonly config: Configuration;
  readonly observer: PreviewObserver<IntakePreview>;
  /** The team's knowledge and branding per document. */
  readonly team: TeamKnowledgeService;
}

export function previewKey(uri: vscode.Uri, intakeIndex: number): string {
  return `${uri.toString()}#${intakeIndex}`;
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

export class IntakePreview extends Disposable {
  readonly key: string;
  readonly documentUri: string;
  private readonly delivery: Delivery;
  private readonly renderer = new ReportRenderer(titleFrame);
  private readonly router: MessageRouter;
  private readonly timing: FirstPaintTiming;
  private readonly contributions = new Map<string, PreviewContribution>();
  private readonly state: PreviewState;
  private pageTimer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private inFlight = 0;
  private readonly renderSoon = new CoalescedRun(0, () => void this.refresh());
  private highlighted: number[] = [];
  private quietRevealUntil = 0;
  /** The offline report shown (the last one computed), with the document version it is of: LLM mode grounds on it. */
  report: { version: number; model: ReportModel } | undefined;
  lastScroll: { line?: number; scrollY: number } | undefined;
  private readonly onDidDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDidDisposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    readonly intakeIndex: number,
    public sourceColumn: vscode.ViewColumn | undefined,
    private readonly context: PreviewContext,
    openedAt: number,
  ) {
    super();
    this.key = previewKey(uri, intakeIndex);
    this.documentUri = uri.toString();
    this.timing = new FirstPaintTiming(openedAt);
    this.state = { documentUri: this.documentUri, intakeIndex, ...(sourceColumn !== undefined && sourceColumn > 0 ? { sourceColumn } : {}) };
    this.router = new MessageRouter(this.documentUri);
    this.delivery = new Delivery(
      {
        get visible() {
          return panel.visible;
        },
        get title() {
          return panel.title;
        },
        setPage: (initial) => this.setPage(initial),
        post: (message, lost) => this.post(message, lost),
        renderMessage: (report, notice) => this.renderMessage(report, notice),
      },
      this.documentUri,
    );
    this.routeOwnMessages();
    this._register(panel.webview.onDidReceiveMessage((m: unknown) => void this.handleMessage(m)));
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(
      panel.onDidChangeViewState((e) => {
        // Without retainContextWhenHidden a hidden page is gone; a shown one reloads and says `ready`.
        if (!e.webviewPanel.visible) this.delivery.hidden();
      }),
    );
    this.timing.mark('panel');
    // The page's HTML is set once, with the first report in it: setting it earlier (an empty
    // page) and again would make the webview load twice. The webview's host frame boots
    // meanwhile; the timeout only guards against a first render that never finishes.
    this.pageTimer = setTimeout(() => this.delivery.pageTimeout(), FIRST_PAGE_TIMEOUT_MS);
    // After this turn, so that the panel's creation reaches the workbench before the render runs.
    setTimeout(() => void this.refresh(), 0);
  }

  /** Adds a contribution (see contribution.ts) under `id`. */
  contribute(id: string, factory: PreviewContributionFactory<IntakePreview>): void {
    if (this.isDisposed || this.contributions.has(id)) return;
    const api: PreviewContributionApi = {
      documentUri: this.documentUri,
      post: (message) => this.delivery.postToListening(message),
      on: (type, handler) => {
        this._register(this.router.on(type, handler));
      },
      notify: (event) => this.context.observer.notify(this, event),
    };
    this.contributions.set(id, this._register(factory(this, api)));
  }

  contribution<T extends PreviewContribution>(id: string): T | undefined {
    return this.contributions.get(id) as T | undefined;
  }

  /** The contributions' states, by id (for the integration tests). */
  snapshots(): Record<string, unknown> {
    return Object.fromEntries([...this.contributions].map(([id, c]) => [id, c.snapshot?.()]));
  }

  get title(): string {
    return this.panel.title;
  }

  get renderedHtml(): string | undefined {
    return this.delivery.latest?.html;
  }

  get renderedVersion(): number | undefined {
    return this.delivery.latest?.version;
  }

  get errorCount(): number | undefined {
    return this.delivery.latest?.errors.count;
  }

  /** ms from the opening command to the first paint the webview reported. */
  get firstPaintMs(): number | undefined {
    return this.timing.firstPaintMs;
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.renderSoon.dispose();
    clearTimeout(this.pageTimer);
    super.dispose();
    this.panel.dispose();
    this.onDidDisposeEmitter.fire();
    this.onDidDisposeEmitter.dispose();
  }

  reveal(): void {
    this.panel.reveal(this.panel.viewColumn, true);
  }

  /** Re-render within `delayMs`: a render scheduled sooner stands, a later one moves forward. */
  schedule(delayMs: number): void {
    this.renderSoon.soon(delayMs);
  }

  /** Renders the document as it is now and sends the result to the page. */
  async refresh(): Promise<void> {
    this.inFlight++;
    try {
      await this.render();
    } finally {
      this.inFlight--;
    }
  }

  private async render(): Promise<void> {
    // This render reads the document as it is now; an edit from here on schedules the next one.
    this.renderSoon.cancel();
    const token = ++this.seq;
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(this.uri);
    } catch (e) {
      this.delivery.setNotice({ kind: 'error', text: vscode.l10n.t('Cannot open {0}: {1}', fileName(this.uri), errorText(e)) });
      return;
    }
    const version = doc.version;
    let kit: Awaited<ReturnType<typeof loadReportKit>>;
    try {
      kit = await loadReportKit();
      this.timing.mark('engine loaded');
    } catch (e) {
      this.delivery.setNotice({ kind: 'error', text: vscode.l10n.t('The report could not be generated: {0}', errorText(e)) }, version);
      return;
    }
    const team = await this.context.team.stateFor(this.uri);
    // Stale guard: a newer refresh, an edit since, or a closed panel supersedes this one.
    if (this.isDisposed || token !== this.seq || doc.isClosed || doc.version !== version) return;
    const analysis = this.context.analyses.get(doc);
    const result = this.renderer.render(kit, analysis, this.intakeIndex, fileName(this.uri), team);
    if (result.kind === 'missing') {
      this.delivery.setNotice({ kind: 'warning', text: vscode.l10n.t('This file no longer has an intake {0}. The report shows its last version.', this.intakeIndex + 1) }, version);
      return;
    }
    if (result.kind === 'failed') {
      this.notify({ type: 'log', message: `report for ${this.key} failed: ${result.error instanceof Error ? (result.error.stack ?? result.error.message) : String(result.error)}` });
      this.delivery.setNotice({ kind: 'error', text: vscode.l10n.t('The report could not be generated: {0}', errorText(result.error)) }, version);
      return;
    }
    this.timing.mark('report computed');
    this.rememberSourceColumn();
    this.report = { version, model: result.model };
    if (this.panel.title !== result.title) this.panel.title = result.title;
    if (this.delivery.notice) this.delivery.setNotice(undefined);
    this.delivered(this.delivery.report({ version, html: result.html, title: result.title, errors: this.errors(analysis.file) }));
  }

  /** Tells the observer what a delivery did, and notes the first render's milestones. */
  private delivered(outcome: DeliveryOutcome): void {
    const latest = this.delivery.latest;
    if (!latest) return;
    if (outcome === 'embedded') this.timing.mark('report in the page');
    if (outcome === 'rendered') this.timing.mark('render sent');
    if (outcome === 'embedded' || outcome === 'rendered' || outcome === 'updated') {
      this.notify({ type: 'render', event: { uri: this.documentUri, intakeIndex: this.intakeIndex, version: latest.version, kind: outcome === 'updated' ? 'update' : 'render', html: latest.html } });
    }
  }

  /** Sets the page's HTML, with the report in it when there is one. */
  private setPage(initial: RenderMessage | undefined): void {
    clearTimeout(this.pageTimer);
    if (this.isDisposed) return;
    this.panel.webview.html = previewShell(this.panel.webview, this.context.extensionUri, this.state, initial?.title ?? this.panel.title, vscode.env.language, initial);
  }

  private renderMessage(latest: Rendered, notice: Notice | undefined): RenderMessage {
    const highlight = this.cursorLines();
    return {
      type: 'render',
      documentUri: this.documentUri,
      intakeIndex: this.intakeIndex,
      version: latest.version,
      html: latest.html,
      title: latest.title,
      errors: latest.errors,
      labels: webviewLabels(),
      followCursor: this.context.config.preview(this.uri).followCursor,
      ...(highlight ? { highlight } : {}),
      ...(notice ? { notice } : {}),
    };
  }

  /** The intake's error count changed in the Problems panel: update the banner. */
  refreshErrors(): void {
    if (!this.delivery.latest) return;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.documentUri);
    if (!doc) return;
    this.delivery.setErrors(this.errors(this.context.analyses.get(doc).file));
  }

  setFollowCursor(follow: boolean): void {
    this.delivery.postToShowing({ type: 'state', documentUri: this.documentUri, followCursor: follow });
    if (!follow) this.highlighted = [];
  }

  /** The cursor moved in the intake: highlight the blocks citing the lines of this intake it covers. */
  highlight(file: IntakeFile, lines: readonly number[]): void {
    const mine = lines.filter((l) => this.holds(file, l));
    if (mine.join() === this.highlighted.join()) return;
    this.highlighted = mine;
    this.delivery.postToShowing({ type: 'highlightLines', documentUri: this.documentUri, lines: mine, reveal: Date.now() > this.quietRevealUntil });
  }

  /**
   * Handles a message from the page. Public so that the test API can feed messages through
   * exactly the path the webview uses (validation included).
   */
  async handleMessage(raw: unknown): Promise<boolean> {
    if (this.isDisposed) return false;
    return this.router.route(raw);
  }

  /** The panel's own messages; contributions add theirs (see contribute). */
  private routeOwnMessages(): void {
    this.router.on('ready', (msg) => {
      this.timing.mark('page ready');
      const outcome = this.delivery.ready(msg.version);
      // The first render is still being computed: it is sent when done.
      if (outcome === 'waiting' && this.inFlight === 0) void this.refresh();
      else this.delivered(outcome);
      for (const c of this.contributions.values()) c.pageReady?.();
    });
    this.router.on('rendered', (msg) => {
      const line = this.timing.painted(msg, `${fileName(this.uri)} #${this.intakeIndex + 1}`);
      if (line) this.notify({ type: 'log', message: line });
      this.notify({ type: 'render', event: { uri: this.documentUri, intakeIndex: this.intakeIndex, version: msg.version, kind: 'paint', paintMs: msg.paintMs, sinceOpenMs: this.timing.sinceOpen() } });
    });
    this.router.on('revealLine', (msg) => this.revealLine(msg.line));
    this.router.on('openLink', async (msg) => {
      await openExternalLink(msg.href, (message) => this.notify({ type: 'log', message }));
    });
    this.router.on('openProblems', async () => {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    this.router.on('export', async () => {
      await vscode.commands.executeCommand(COMMAND_EXPORT_REPORT, this.uri, this.intakeIndex);
    });
    this.router.on('scroll', (msg) => {
      this.lastScroll = { ...(msg.line !== undefined ? { line: msg.line } : {}), scrollY: msg.scrollY };
    });
  }

  /** Reveals and selects a line of the intake, in the editor already showing it or in its original column. */
  async revealLine(line: number): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(this.uri);
    if (line >= doc.lineCount) return;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.documentUri);
    let column = visible?.viewColumn ?? this.sourceColumn ?? vscode.ViewColumn.One;
    // Never open the intake on top of its own preview.
    if (!visible && column === this.panel.viewColumn) column = column === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false });
    const text = doc.lineAt(line);
    // The line's text, without its indentation and trailing blanks.
    const end = text.text.trimEnd().length;
    const range = new vscode.Range(line, Math.min(text.firstNonWhitespaceCharacterIndex, end), line, end);
    // The selection change comes back as a highlight; the page need not scroll to where the user just clicked.
    this.quietRevealUntil = Date.now() + 1000;
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private rememberSourceColumn(): void {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.documentUri && e.viewColumn !== this.panel.viewColumn);
    if (editor?.viewColumn !== undefined) this.sourceColumn = editor.viewColumn;
  }

  /** Whether `line` is in this panel's intake (between intakes: in the one above). */
  private holds(file: IntakeFile, line: number): boolean {
    return locateIntake(file, line).nearest?.index === this.intakeIndex;
  }

  private errors(file: IntakeFile): ErrorSummary {
    const count = vscode.languages
      .getDiagnostics(this.uri)
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error && d.source === 'intake' && this.holds(file, d.range.start.line)).length;
    return errorSummary(count);
  }

  private cursorLines(): number[] | undefined {
    if (!this.context.config.preview(this.uri).followCursor) return undefined;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.documentUri);
    if (!editor) return undefined;
    const file = this.context.analyses.get(editor.document).file;
    const lines = selectionLines(editor.selection.start.line, editor.selection.end.line).filter((l) => this.holds(file, l));
    this.highlighted = lines;
    return lines;
  }

  private notify(event: Parameters<PreviewObserver<IntakePreview>['notify']>[1]): void {
    this.context.observer.notify(this, event);
  }

  private post(message: ToWebview, lost: () => void): void {
    if (this.isDisposed) return;
    this.notify({ type: 'post', message });
    this.panel.webview.postMessage(message).then((delivered) => {
      if (!delivered) lost();
    }, lost);
  }
}

/** Opens an http(s) link from the report in the browser; anything else is ignored. */
async function openExternalLink(href: string, log: (message: string) => void): Promise<boolean> {
  const url = safeExternalUrl(href);
  if (!url) {
    log(`ignored a link that is not http(s): ${href.slice(0, 200)}`);
    return false;
  }
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(url, true);
  } catch {
    return false;
  }
  if (uri.scheme !== 'http' && uri.scheme !== 'https') return false;
  return vscode.env.openExternal(uri);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
