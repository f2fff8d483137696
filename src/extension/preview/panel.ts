/**
 * One report preview: a webview panel showing the report of one intake of one document.
 *
 * The first render starts at once, while the webview boots, and goes into the page's HTML, so
 * it paints without a message round trip. Later edits re-render after the debounce; a result
 * computed for a document version that is no longer current is dropped. They reach the page as
 * `update`s: keyed element patches against the version it shows (a page that cannot apply one
 * asks for a full `render`). A hidden page is unloaded (no retainContextWhenHidden): its HTML
 * is kept current instead, and a page that loads says which version it shows (`ready`).
 */
import * as vscode from 'vscode';
import { locateIntake } from '../../core/facts/locate';
import { parseFromWebview, type ErrorSummary, type FromWebview, type Notice, type PreviewState, type RenderMessage, type ToWebview } from '../../protocol/messages';
import { diffReportHtml } from '../../core/preview/patch';
import { safeExternalUrl } from '../../core/preview/links';
import { previewTitle } from '../../core/preview/title';
import { selectionLines } from '../../protocol/dataLines';
import type { IntakeFile } from '../../core/model';
import type { LlmReport } from '../../core/llm/generateLlm';
import { errorSummary, titleFrame, webviewLabels } from './labels';
import { LlmPane, type LlmPaneEvent } from './llmPane';
import { loadReportKit } from './reportKit';
import { previewSettings } from './settings';
import { previewShell } from './shell';

export const COMMAND_EXPORT_REPORT = 'intake.exportReport';
/** If the first render has not finished by then, the page is set without it (it follows by message). */
const FIRST_PAGE_TIMEOUT_MS = 2000;

export interface PreviewRenderEvent {
  uri: string;
  intakeIndex: number;
  version: number;
  /** `render`/`update`: posted to the webview; `paint`: the webview reports it painted. */
  kind: 'render' | 'update' | 'paint';
  html?: string;
  /** For `paint`: the webview's own measure (see the `rendered` message). */
  paintMs?: number;
  /** For `paint`: ms from the command (or the restore) that opened the preview. */
  sinceOpenMs?: number;
}

/** What the page's LLM buttons ask for; the LLM feature (src/extension/llm/) does it. */
export type LlmAction = 'cancel' | 'continue' | 'retry' | 'setApiKey';

export interface PreviewHost {
  readonly extensionUri: vscode.Uri;
  parse(doc: vscode.TextDocument): IntakeFile;
  fire(e: PreviewRenderEvent): void;
  log(message: string): void;
  /** The LLM pane's events (for the test API). */
  fireLlm(preview: IntakePreview, e: LlmPaneEvent): void;
  /** Every message posted to a page (for the test API). */
  posted(preview: IntakePreview, message: ToWebview): void;
  llmAction(preview: IntakePreview, action: LlmAction): Promise<void>;
}

interface Rendered {
  version: number;
  html: string;
  title: string;
  errors: ErrorSummary;
}

export function previewKey(uri: vscode.Uri, intakeIndex: number): string {
  return `${uri.toString()}#${intakeIndex}`;
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

export class IntakePreview implements vscode.Disposable {
  readonly key: string;
  private readonly documentUri: string;
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;
  /** The page is loaded and listening; false while it boots or while the panel is hidden. */
  private webviewReady = false;
  /** Counts the pages that said `ready`, so a late delivery failure is not blamed on a newer page. */
  private pageGeneration = 0;
  /** What the page shows, as far as the extension knows. */
  private shown: { version: number; html: string } | undefined;
  /** The report written into the page's HTML (see previewShell), which a (re)loaded page shows. */
  private embedded: { version: number; html: string } | undefined;
  private readonly state: PreviewState;
  /** Whether the page's HTML has been set (see setPage). */
  private pageSet = false;
  private pageTimer: ReturnType<typeof setTimeout> | undefined;
  private latest: Rendered | undefined;
  private notice: Notice | undefined;
  private seq = 0;
  private inFlight = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private highlighted: number[] = [];
  private quietRevealUntil = 0;
  /** ms from the opening command to the first paint the webview reported. */
  firstPaintMs: number | undefined;
  /** Milestones of the first render, in ms since the command, for the first-paint log line. */
  private readonly firstMarks: Record<string, number> = {};
  /** openedAt on the wall clock, to compare with the page's time origin. */
  private readonly openedAtEpoch: number;
  lastScroll: { line?: number; scrollY: number } | undefined;
  /** The LLM version of this intake's report (see llmPane.ts). */
  readonly llm: LlmPane<LlmReport>;
  private readonly onDidDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDidDisposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    readonly intakeIndex: number,
    public sourceColumn: vscode.ViewColumn | undefined,
    private readonly host: PreviewHost,
    private readonly openedAt: number,
  ) {
    this.key = previewKey(uri, intakeIndex);
    this.openedAtEpoch = Date.now() - (performance.now() - openedAt);
    this.documentUri = uri.toString();
    this.state = { documentUri: this.documentUri, intakeIndex, ...(sourceColumn !== undefined && sourceColumn > 0 ? { sourceColumn } : {}) };
    this.llm = new LlmPane<LlmReport>({
      documentUri: this.documentUri,
      post: (m) => {
        // A page that is not listening gets everything again when it says `ready`.
        if (this.webviewReady) this.post(m);
      },
      fire: (e) => this.host.fireLlm(this, e),
    });
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.handleMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((e) => {
        // Without retainContextWhenHidden a hidden page is gone; a shown one reloads and says `ready`.
        if (!e.webviewPanel.visible) this.forgetPage();
      }),
    );
    this.mark('panel');
    // The page's HTML is set once, with the first report in it: setting it earlier (an empty
    // page) and again would make the webview load twice. The webview's host frame boots
    // meanwhile; the timeout only guards against a first render that never finishes.
    this.pageTimer = setTimeout(() => this.setPage(), FIRST_PAGE_TIMEOUT_MS);
    // After this turn, so that the panel's creation reaches the workbench before the render runs.
    setTimeout(() => void this.refresh(), 0);
  }

  /** Sets the page's HTML, with the report in it when there is one. */
  private setPage(initial?: RenderMessage): void {
    clearTimeout(this.pageTimer);
    if (this.disposed) return;
    this.panel.webview.html = previewShell(this.panel.webview, this.host.extensionUri, this.state, initial?.title ?? this.panel.title, vscode.env.language, initial);
    this.pageSet = true;
  }

  /** Records when a first-render milestone happened (only its first occurrence). */
  private mark(name: string): void {
    if (this.firstPaintMs === undefined && !(name in this.firstMarks)) this.firstMarks[name] = Math.round(performance.now() - this.openedAt);
  }

  get title(): string {
    return this.panel.title;
  }

  get renderedHtml(): string | undefined {
    return this.latest?.html;
  }

  get renderedVersion(): number | undefined {
    return this.latest?.version;
  }

  get errorCount(): number | undefined {
    return this.latest?.errors.count;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.llm.dispose();
    clearTimeout(this.timer);
    clearTimeout(this.pageTimer);
    this.subscriptions.forEach((s) => s.dispose());
    this.panel.dispose();
    this.onDidDisposeEmitter.fire();
    this.onDidDisposeEmitter.dispose();
  }

  reveal(): void {
    this.panel.reveal(this.panel.viewColumn, true);
  }

  /** Re-render after `delayMs` (the last call wins). */
  schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  /** Renders the document as it is now and sends the result to the page (if it is listening). */
  async refresh(): Promise<void> {
    this.inFlight++;
    try {
      await this.render();
    } finally {
      this.inFlight--;
    }
  }

  private async render(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const token = ++this.seq;
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(this.uri);
    } catch (e) {
      this.setNotice({ kind: 'error', text: vscode.l10n.t('Cannot open {0}: {1}', fileName(this.uri), errorText(e)) });
      return;
    }
    const version = doc.version;
    let kit: Awaited<ReturnType<typeof loadReportKit>>;
    try {
      kit = await loadReportKit();
      this.mark('engine loaded');
    } catch (e) {
      this.setNotice({ kind: 'error', text: vscode.l10n.t('The report could not be generated: {0}', errorText(e)) }, version);
      return;
    }
    // Stale guard: a newer refresh, an edit since, or a closed panel supersedes this one.
    if (this.disposed || token !== this.seq || doc.isClosed || doc.version !== version) return;
    const file = this.host.parse(doc);
    let html: string;
    let title: string;
    try {
      const model = kit.generateReport(file, this.intakeIndex);
      html = kit.renderReportHtml(model, { charts: true });
      title = previewTitle(
        { industry: model.intake.industry, segment: model.intake.segment, intakeIndex: this.intakeIndex, intakeCount: file.intakes.length, fileName: fileName(this.uri) },
        titleFrame,
      );
    } catch (e) {
      const text = kit.isIntakeIndexError(e)
        ? vscode.l10n.t('This file no longer has an intake {0}. The report shows its last version.', this.intakeIndex + 1)
        : vscode.l10n.t('The report could not be generated: {0}', errorText(e));
      if (!kit.isIntakeIndexError(e)) this.host.log(`report for ${this.key} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      this.setNotice({ kind: kit.isIntakeIndexError(e) ? 'warning' : 'error', text }, version);
      return;
    }
    this.mark('report computed');
    this.rememberSourceColumn();
    this.latest = { version, html, title, errors: this.errors(file) };
    if (this.panel.title !== title) this.panel.title = title;
    if (this.notice) this.setNotice(undefined);
    this.deliver();
  }

  private deliver(): void {
    if (this.shouldEmbed()) this.embed();
    else this.push();
  }

  /**
   * The page is not listening (still booting, or hidden and unloaded): write the report into
   * its HTML instead of a message. While it boots, only once: each new HTML restarts the load.
   */
  private shouldEmbed(): boolean {
    return !this.webviewReady && !this.disposed && (!this.pageSet || !this.panel.visible);
  }

  private embed(): void {
    const latest = this.latest!;
    this.setPage(this.renderMessage(latest));
    this.embedded = { version: latest.version, html: latest.html };
    this.mark('report in the page');
    this.host.fire({ uri: this.documentUri, intakeIndex: this.intakeIndex, version: latest.version, kind: 'render', html: latest.html });
  }

  private renderMessage(latest: Rendered): RenderMessage {
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
      followCursor: previewSettings(this.uri).followCursor,
      ...(highlight ? { highlight } : {}),
      ...(this.notice ? { notice: this.notice } : {}),
    };
  }

  /** The intake's error count changed in the Problems panel: update the banner. */
  refreshErrors(): void {
    if (!this.latest) return;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.documentUri);
    if (!doc) return;
    const errors = this.errors(this.host.parse(doc));
    if (errors.count === this.latest.errors.count) return;
    this.latest = { ...this.latest, errors };
    if (this.webviewReady && this.shown) this.post({ type: 'state', documentUri: this.documentUri, errors });
  }

  setFollowCursor(follow: boolean): void {
    if (this.webviewReady && this.shown) this.post({ type: 'state', documentUri: this.documentUri, followCursor: follow });
    if (!follow) this.highlighted = [];
  }

  /** The cursor moved in the intake: highlight the blocks citing the lines of this intake it covers. */
  highlight(file: IntakeFile, lines: readonly number[]): void {
    const mine = lines.filter((l) => this.holds(file, l));
    if (mine.join() === this.highlighted.join()) return;
    this.highlighted = mine;
    if (!this.webviewReady || !this.shown) return;
    this.post({ type: 'highlightLines', documentUri: this.documentUri, lines: mine, reveal: Date.now() > this.quietRevealUntil });
  }

  /**
   * Handles a message from the page. Public so that the test API can feed messages through
   * exactly the path the webview uses (validation included).
   */
  async handleMessage(raw: unknown): Promise<boolean> {
    const msg = parseFromWebview(raw, this.documentUri);
    if (!msg || this.disposed) return false;
    await this.dispatch(msg);
    return true;
  }

  private async dispatch(msg: FromWebview): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.mark('page ready');
        this.webviewReady = true;
        this.pageGeneration++;
        // A page that loaded with the report in its HTML says which version; any other page needs a full render.
        this.shown = msg.version !== undefined && this.embedded?.version === msg.version ? this.embedded : undefined;
        if (this.latest) this.push();
        // The first render is still being computed: it is sent when done.
        else if (this.inFlight === 0) void this.refresh();
        this.llm.resend();
        return;
      case 'rendered': {
        const sinceOpenMs = Math.round(performance.now() - this.openedAt);
        if (this.firstPaintMs === undefined && msg.kind !== 'update') {
          const steps = Object.entries(this.firstMarks).map(([k, v]) => `${k} ${v}`).join(', ');
          const m = msg.marks;
          const at = (ms: number | undefined) => (ms === undefined ? '?' : String(Math.round(ms)));
          const origin = m?.origin !== undefined ? `page started ${Math.round(m.origin - this.openedAtEpoch)}; ` : '';
          const page = m ? `; ${origin}in the page: css ${at(m.css)}, js ${at(m.js)}, script ${at(m.script)}, render received ${m.received > 0 ? at(m.received) : 'in the HTML'}, painted ${at(msg.paintMs)} ms after its start` : '';
          this.firstPaintMs = sinceOpenMs;
          this.host.log(`report preview of ${fileName(this.uri)} #${this.intakeIndex + 1}: first paint ${sinceOpenMs} ms after the command (${steps}, painted ${sinceOpenMs})${page}`);
        }
        this.host.fire({ uri: this.documentUri, intakeIndex: this.intakeIndex, version: msg.version, kind: 'paint', paintMs: msg.paintMs, sinceOpenMs });
        return;
      }
      case 'revealLine':
        await this.revealLine(msg.line);
        return;
      case 'openLink':
        await openExternalLink(msg.href, this.host);
        return;
      case 'openProblems':
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        return;
      case 'export':
        await vscode.commands.executeCommand(COMMAND_EXPORT_REPORT, this.uri, this.intakeIndex);
        return;
      case 'scroll':
        this.lastScroll = { ...(msg.line !== undefined ? { line: msg.line } : {}), scrollY: msg.scrollY };
        return;
      case 'toggleVersion':
        this.llm.shown(msg.version);
        return;
      case 'showOffline':
        this.llm.show('offline');
        return;
      case 'cancelLlm':
        await this.host.llmAction(this, 'cancel');
        return;
      case 'continueLlm':
        await this.host.llmAction(this, 'continue');
        return;
      case 'retryLlm':
        await this.host.llmAction(this, 'retry');
        return;
      case 'setApiKey':
        await this.host.llmAction(this, 'setApiKey');
        return;
    }
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
    if (!previewSettings(this.uri).followCursor) return undefined;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.documentUri);
    if (!editor) return undefined;
    const doc = editor.document;
    const file = this.host.parse(doc);
    const lines = selectionLines(editor.selection.start.line, editor.selection.end.line).filter((l) => this.holds(file, l));
    this.highlighted = lines;
    return lines;
  }

  /** Sends the latest render: all of it to a fresh page, else a patch against what the page shows. */
  private push(): void {
    const latest = this.latest;
    if (!latest || !this.webviewReady || this.disposed) return;
    if (!this.shown) {
      this.post(this.renderMessage(latest));
      this.shown = { version: latest.version, html: latest.html };
      this.mark('render sent');
      this.host.fire({ uri: this.documentUri, intakeIndex: this.intakeIndex, version: latest.version, kind: 'render', html: latest.html });
      return;
    }
    if (this.shown.version === latest.version && this.shown.html === latest.html) {
      // Same report; the banner and the notice may have changed since it was written.
      this.post({ type: 'state', documentUri: this.documentUri, errors: latest.errors, notice: this.notice ?? null });
      return;
    }
    const patch = diffReportHtml(this.shown.html, latest.html);
    this.post({ type: 'update', documentUri: this.documentUri, version: latest.version, baseVersion: this.shown.version, title: latest.title, errors: latest.errors, patch });
    this.shown = { version: latest.version, html: latest.html };
    this.host.fire({ uri: this.documentUri, intakeIndex: this.intakeIndex, version: latest.version, kind: 'update', html: latest.html });
  }

  private setNotice(notice: Notice | undefined, version = 0): void {
    this.notice = notice;
    if (this.shown) {
      if (this.webviewReady) this.post({ type: 'state', documentUri: this.documentUri, notice: notice ?? null });
      return;
    }
    if (notice && !this.latest) {
      // Nothing rendered yet: show the notice over an empty report rather than a blank panel.
      this.latest = { version, html: '', title: this.panel.title, errors: errorSummary(0) };
      this.deliver();
    }
  }

  private forgetPage(): void {
    this.webviewReady = false;
    this.shown = undefined;
  }

  private post(message: ToWebview): void {
    if (this.disposed) return;
    this.host.posted(this, message);
    const generation = this.pageGeneration;
    // Not delivered: the page went away; the next page says `ready` and gets a full render.
    const lost = () => {
      if (generation === this.pageGeneration) this.forgetPage();
    };
    this.panel.webview.postMessage(message).then((delivered) => {
      if (!delivered) lost();
    }, lost);
  }
}

/** Opens an http(s) link from the report in the browser; anything else is ignored. */
async function openExternalLink(href: string, host: Pick<PreviewHost, 'log'>): Promise<boolean> {
  const url = safeExternalUrl(href);
  if (!url) {
    host.log(`ignored a link that is not http(s): ${href.slice(0, 200)}`);
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
