/**
 * The report preview's page script (bundled by esbuild for the browser into
 * dist/webview/preview.js). It shows what the extension sends and reports what the user does:
 * - `render` sets the whole report, `update` patches it in place (scroll kept), checked
 *   against the version the page shows; a patch that does not fit asks for a full render;
 * - a click on a reference (`.intake-ref`) asks the extension to reveal that intake line; any
 *   other link is handed to the extension (which opens only http/https), never navigated;
 * - `highlightLines` marks the blocks citing the cursor line;
 * - the scroll position and the document it shows live in `setState`, for reloads and the
 *   panel serializer;
 * - the LLM version of the report (llm.ts) sits beside the offline one; the toolbar toggles
 *   between them (both stay in the page: toggling never asks the extension for anything new).
 * Every message is validated with the shared zod schemas; messages about another document
 * are ignored.
 */
import { parseInitialRender, parsePreviewState, parseToWebview, type ErrorSummary, type Labels, type Notice, type PreviewState, type ReportVersion, type ToWebview, type FromWebview } from '../protocol/messages';
import { post, savedState, saveState } from './api';
import { highlightLines, topmostCitedLine } from './highlight';
import { LlmView } from './llm';
import { applyPatch, setReport } from './patch';
import { parseAccentColor } from '../protocol/branding';

/** When this script started, in ms since the page's time origin (for the first-paint timing). */
const scriptStart = performance.now();
// The page's parts, looked up once the document is parsed (see main).
let container: HTMLElement | null = null;
let toolbar: HTMLElement | null | undefined;
let banner: HTMLElement | null | undefined;
let noticeBox: HTMLElement | null | undefined;
let llmSection: HTMLElement | null | undefined;

function initialState(): PreviewState | undefined {
  const embedded = parsePreviewState(safeJson(container?.getAttribute('data-state') ?? ''));
  if (!embedded) return undefined;
  // A reload of the same preview keeps its scroll position.
  const saved = parsePreviewState(savedState());
  return saved && saved.documentUri === embedded.documentUri && saved.intakeIndex === embedded.intakeIndex ? { ...embedded, ...saved } : embedded;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Where the page's time went before the script ran: its origin on the wall clock, and its two resources. */
function loadMarks(): { origin: number; css?: number; js?: number } {
  const marks: { origin: number; css?: number; js?: number } = { origin: performance.timeOrigin };
  for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    if (entry.name.includes('preview.css')) marks.css = entry.responseEnd;
    else if (entry.name.includes('preview.js')) marks.js = entry.responseEnd;
  }
  return marks;
}

class Page {
  private version: number | undefined;
  private labels: Labels | undefined;
  private followCursor = true;
  private highlighted: number[] = [];
  private restoreScroll: number | undefined;
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly llm: LlmView | undefined;
  /** Which report is shown; the other keeps its content (and its scroll position). */
  private shown: ReportVersion = 'offline';
  private readonly scrollOf: Record<ReportVersion, number> = { offline: 0, llm: 0 };

  constructor(
    private state: PreviewState,
    private readonly root: HTMLElement,
  ) {
    this.restoreScroll = state.scrollY;
    this.llm = llmSection ? new LlmView(llmSection, (content) => this.followCursor && highlightLines(content, this.highlighted, false)) : undefined;
  }

  get documentUri(): string {
    return this.state.documentUri;
  }

  start(): void {
    window.addEventListener('message', (e: MessageEvent) => this.receive(e.data));
    document.addEventListener('click', (e) => this.onClick(e), true);
    // Middle clicks and the like must not navigate either.
    document.addEventListener('auxclick', (e) => {
      if ((e.target as Element | null)?.closest?.('a')) e.preventDefault();
    }, true);
    window.addEventListener('scroll', () => this.onScroll(), { passive: true });
    // References get their tooltip when first hovered, not on every render.
    this.root.addEventListener('mouseover', (e) => {
      const ref = (e.target as Element | null)?.closest?.('.intake-ref');
      if (ref && !ref.hasAttribute('title') && this.labels) ref.setAttribute('title', this.labels.refTooltip);
    });
    saveState(this.state);
    // The first report may be in the page already (written into its HTML): set up around it.
    const initial = parseInitialRender(safeJson(container?.getAttribute('data-initial') ?? ''), this.documentUri);
    if (initial) this.render(initial, 0, false);
    post({ type: 'ready', documentUri: this.documentUri, ...(this.version !== undefined ? { version: this.version } : {}) });
  }

  private receive(data: unknown): void {
    const msg = parseToWebview(data, this.documentUri);
    if (!msg) return;
    const received = performance.now();
    switch (msg.type) {
      case 'render':
        this.render(msg, received);
        return;
      case 'update':
        this.update(msg, received);
        return;
      case 'highlightLines':
        this.highlighted = msg.lines;
        if (this.followCursor) {
          highlightLines(this.shownRoot(), msg.lines, msg.reveal);
          // The other version is marked too, for when the toggle shows it.
          if (this.llm?.exists) highlightLines(this.hiddenRoot(), msg.lines, false);
        }
        return;
      case 'state':
        if (msg.errors) this.showErrors(msg.errors);
        if (msg.notice !== undefined) this.showNotice(msg.notice ?? undefined);
        if (msg.followCursor !== undefined) {
          this.followCursor = msg.followCursor;
          highlightLines(this.root, this.followCursor ? this.highlighted : [], false);
          if (this.llm) highlightLines(this.llm.content, this.followCursor ? this.highlighted : [], false);
        }
        return;
      case 'llmStart':
      case 'llmDelta':
      case 'llmDone': {
        if (!this.llm) return;
        const first = !this.llm.exists;
        this.llm.receive(msg);
        if (first || msg.type !== 'llmDelta') this.buildToolbar();
        return;
      }
      case 'showVersion':
        this.showVersion(msg.version);
        return;
    }
  }

  private shownRoot(): HTMLElement {
    return this.shown === 'llm' && this.llm ? this.llm.content : this.root;
  }

  private hiddenRoot(): HTMLElement {
    return this.shown === 'llm' || !this.llm ? this.root : this.llm.content;
  }

  /** Shows one version of the report, keeping each one's scroll position. */
  private showVersion(version: ReportVersion): void {
    if (version === 'llm' && !this.llm?.exists) return;
    if (version !== this.shown) {
      this.scrollOf[this.shown] = window.scrollY;
      this.shown = version;
      this.root.hidden = version === 'llm';
      if (llmSection) llmSection.hidden = version !== 'llm';
      window.scrollTo(0, this.scrollOf[version]);
    }
    this.buildToolbar();
  }

  /** Shows a full report; `setHtml` false when the markup is in the page already. */
  private render(msg: Extract<ToWebview, { type: 'render' }>, received: number, setHtml = true): void {
    const first = this.version === undefined;
    this.labels = msg.labels;
    this.followCursor = msg.followCursor;
    this.buildToolbar();
    this.showErrors(msg.errors);
    this.showNotice(msg.notice);
    if (setHtml) setReport(this.root, msg.html);
    applyBrand(this.root);
    this.root.removeAttribute('aria-busy');
    document.title = msg.title;
    this.version = msg.version;
    this.highlighted = msg.highlight ?? [];
    if (this.followCursor) highlightLines(this.root, this.highlighted, false);
    if (this.restoreScroll !== undefined) {
      window.scrollTo(0, this.restoreScroll);
      this.restoreScroll = undefined;
    }
    this.saveVersion();
    // The first paint is measured from the page's start, later full renders from the message.
    this.afterPaint(first ? 'initial' : 'full', first ? 0 : received, first ? { script: scriptStart, received, ...loadMarks() } : undefined);
  }

  private update(msg: Extract<ToWebview, { type: 'update' }>, received: number): void {
    if (this.version !== msg.baseVersion || !applyPatch(this.root, msg.patch)) {
      // The page does not show what the patch is against: start over.
      this.version = undefined;
      post({ type: 'ready', documentUri: this.documentUri });
      return;
    }
    this.version = msg.version;
    document.title = msg.title;
    applyBrand(this.root);
    this.showErrors(msg.errors);
    if (this.followCursor) highlightLines(this.root, this.highlighted, false);
    this.saveVersion();
    this.afterPaint('update', received);
  }

  /** Reports the paint once the browser has drawn the new content (two frames later). */
  private afterPaint(kind: 'initial' | 'update' | 'full', since: number, marks?: Extract<FromWebview, { type: 'rendered' }>['marks']): void {
    const version = this.version;
    if (version === undefined) return;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        // The first paint: the browser's own first-contentful-paint when it has one.
        const fcp = kind === 'initial' ? performance.getEntriesByName('first-contentful-paint')[0]?.startTime : undefined;
        const paintMs = Math.max(0, (fcp ?? performance.now()) - since);
        post({ type: 'rendered', documentUri: this.documentUri, version, kind, paintMs, ...(marks ? { marks } : {}) });
      }),
    );
  }

  /** The toolbar: the offline/LLM toggle once there is an LLM version (else the engine's label), and Export. */
  private buildToolbar(): void {
    if (!toolbar) return;
    const labels = this.labels;
    const llmLabels = this.llm?.exists ? this.llm.labels : undefined;
    if (!labels && !llmLabels) return;
    toolbar.replaceChildren();
    if (labels) toolbar.setAttribute('aria-label', labels.toolbar);
    if (llmLabels) {
      const group = document.createElement('div');
      group.className = 'intake-toggle';
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', llmLabels.toggle);
      for (const [version, text, tip] of [['offline', llmLabels.offline, llmLabels.offlineTooltip], ['llm', llmLabels.llm, llmLabels.llmTooltip]] as const) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'intake-toggle-button';
        b.dataset.action = 'version';
        b.dataset.version = version;
        b.textContent = text;
        b.title = tip;
        b.setAttribute('aria-pressed', String(this.shown === version));
        group.append(b);
      }
      toolbar.append(group);
    } else if (labels) {
      const mode = document.createElement('span');
      mode.className = 'intake-mode';
      mode.textContent = labels.engine;
      mode.title = labels.engineTooltip;
      toolbar.append(mode);
    }
    const spacer = document.createElement('span');
    spacer.className = 'intake-toolbar-spacer';
    toolbar.append(spacer);
    if (labels) {
      const exportButton = document.createElement('button');
      exportButton.type = 'button';
      exportButton.className = 'intake-button';
      exportButton.dataset.action = 'export';
      exportButton.textContent = labels.export;
      exportButton.title = labels.exportTooltip;
      toolbar.append(exportButton);
    }
    toolbar.hidden = false;
  }

  private showErrors(errors: ErrorSummary): void {
    if (!banner) return;
    if (errors.count === 0) {
      banner.hidden = true;
      banner.replaceChildren();
      return;
    }
    const text = document.createElement('span');
    text.textContent = errors.text;
    const link = document.createElement('a');
    link.href = '#';
    link.dataset.action = 'openProblems';
    link.textContent = this.labels?.showProblems ?? 'Problems';
    banner.replaceChildren(text, document.createTextNode(' '), link);
    banner.hidden = false;
  }

  private showNotice(notice: Notice | undefined): void {
    if (!noticeBox) return;
    noticeBox.hidden = !notice;
    noticeBox.textContent = notice?.text ?? '';
    noticeBox.className = `intake-notice${notice ? ` intake-notice-${notice.kind}` : ''}`;
  }

  private onClick(e: MouseEvent): void {
    const target = e.target as Element | null;
    // Only the page's own controls have actions; nothing in the report can borrow one.
    const action = target?.closest?.('.intake-toolbar [data-action], .intake-banner [data-action], .intake-llm-bar [data-action]');
    if (action) {
      e.preventDefault();
      this.onAction(action.getAttribute('data-action'), action.getAttribute('data-version'));
      return;
    }
    const link = target?.closest?.('a');
    if (!link) return;
    // The page never navigates: references and links go to the extension.
    e.preventDefault();
    const line = link.getAttribute('data-line');
    if (link.classList.contains('intake-ref') && line !== null && /^\d{1,9}$/.test(line)) {
      post({ type: 'revealLine', documentUri: this.documentUri, line: Number(line) });
      return;
    }
    const href = link.getAttribute('href');
    if (!href) return;
    if (href.startsWith('#')) {
      this.scrollToFragment(href.slice(1));
      return;
    }
    post({ type: 'openLink', documentUri: this.documentUri, href });
  }

  private onAction(name: string | null, version: string | null): void {
    const documentUri = this.documentUri;
    switch (name) {
      case 'export':
      case 'openProblems':
      case 'cancelLlm':
      case 'continueLlm':
      case 'retryLlm':
      case 'setApiKey':
        post({ type: name, documentUri });
        return;
      case 'showOffline':
        this.showVersion('offline');
        post({ type: 'showOffline', documentUri });
        return;
      case 'version':
        if (version !== 'offline' && version !== 'llm') return;
        this.showVersion(version);
        post({ type: 'toggleVersion', documentUri, version });
        return;
    }
  }

  private scrollToFragment(fragment: string): void {
    let id = fragment;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      // Keep it as written.
    }
    document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }

  private onScroll(): void {
    clearTimeout(this.scrollTimer);
    this.scrollTimer = setTimeout(() => {
      this.state = { ...this.state, scrollY: Math.max(0, window.scrollY) };
      saveState(this.state);
      const line = topmostCitedLine(this.root);
      post({ type: 'scroll', documentUri: this.documentUri, scrollY: this.state.scrollY ?? 0, ...(line !== undefined ? { line } : {}) });
    }, 150);
  }

  private saveVersion(): void {
    if (this.version === undefined) return;
    this.state = { ...this.state, version: this.version };
    saveState(this.state);
  }
}

/**
 * The team's accent colour (the masthead's `data-accent`, checked: #RRGGBB only) as the report's
 * accent, set through the CSS object model (the page's CSP allows no inline style attributes).
 */
function applyBrand(root: HTMLElement): void {
  const accent = parseAccentColor(root.querySelector(':scope > .intake-brand')?.getAttribute('data-accent'));
  if (accent) root.style.setProperty('--intake-accent', accent);
  else root.style.removeProperty('--intake-accent');
}

function main(): void {
  container = document.getElementById('intake-preview');
  toolbar = container?.querySelector<HTMLElement>('.intake-toolbar');
  banner = container?.querySelector<HTMLElement>('.intake-banner');
  noticeBox = container?.querySelector<HTMLElement>('.intake-notice');
  llmSection = container?.querySelector<HTMLElement>('.intake-llm');
  const report = document.getElementById('intake-report');
  const state = initialState();
  if (state && report) new Page(state, report).start();
}

// The script loads async: the page may still be parsing when it runs.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main, { once: true });
else main();
