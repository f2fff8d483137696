/**
 * The LLM version of the report in the page: a status bar (writing / done / cancelled /
 * truncated / failed, the "local only" badge, the run's buttons), the error, the verification
 * findings banner, what was masked before sending (a collapsible list), and the text.
 *
 * The text arrives whole each time (`llmDelta`, throttled by the extension) as HTML from the same
 * safe markdown-it as the offline report, so a half-received table or list is still balanced
 * markup. Updates are coalesced to one DOM write per animation frame: however fast they come,
 * the page lays out at most once a frame.
 */
import type { LlmDoneMessage, LlmLabels, LlmStartMessage, ToWebview } from '../protocol/messages';

type Status = 'streaming' | 'done' | 'cancelled' | 'truncated' | 'failed';
type Header = Omit<LlmStartMessage, 'type' | 'documentUri' | 'continued'>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(label: string, action: string): HTMLButtonElement {
  const b = el('button', 'intake-button', label);
  b.type = 'button';
  b.dataset.action = action;
  return b;
}

export class LlmView {
  labels: LlmLabels | undefined;
  private status: Status | undefined;
  private errorKind: string | undefined;
  private pending: string | undefined;
  private frame = 0;
  private readonly bar = el('div', 'intake-llm-bar');
  private readonly mark = el('span', 'intake-llm-mark');
  private readonly badge = el('span', 'intake-llm-badge');
  private readonly detail = el('span', 'intake-llm-detail');
  private readonly actions = el('span', 'intake-llm-actions');
  private readonly error = el('div', 'intake-llm-error');
  private readonly findings = el('div', 'intake-llm-findings');
  private readonly redactions = el('details', 'intake-llm-redactions');
  private readonly endMark = el('p', 'intake-llm-end');
  /** The report text; `intake-report` so it is styled (and followed by the cursor) like the offline one. */
  readonly content = el('div', 'intake-report intake-llm-report');

  constructor(
    private readonly section: HTMLElement,
    /** After the text changed (re-applies the cursor highlight). */
    private readonly afterRender: (content: HTMLElement) => void,
  ) {
    this.bar.setAttribute('role', 'status');
    this.bar.setAttribute('aria-live', 'polite');
    this.bar.append(this.mark, this.badge, this.detail, el('span', 'intake-toolbar-spacer'), this.actions);
    this.error.setAttribute('role', 'alert');
    this.content.lang = 'zh-CN';
    this.endMark.hidden = true;
    for (const part of [this.badge, this.error, this.findings, this.redactions]) part.hidden = true;
    this.section.replaceChildren(this.bar, this.error, this.findings, this.redactions, this.content, this.endMark);
  }

  get exists(): boolean {
    return this.status !== undefined;
  }

  receive(msg: Extract<ToWebview, { type: 'llmStart' | 'llmDelta' | 'llmDone' }>): void {
    if (msg.type === 'llmStart') this.start(msg);
    else if (msg.type === 'llmDelta') {
      this.detail.textContent = msg.detail;
      this.schedule(msg.html);
    } else this.done(msg);
  }

  private start(msg: LlmStartMessage): void {
    this.header(msg);
    this.setStatus('streaming', undefined);
    this.error.hidden = true;
    this.findings.hidden = true;
    this.endMark.hidden = true;
    if (!msg.continued) this.write('');
  }

  private done(msg: LlmDoneMessage): void {
    this.header(msg);
    // The final text replaces whatever frame was pending.
    this.write(msg.html);
    const status: Status = msg.cancelled ? 'cancelled' : msg.error ? 'failed' : msg.truncated ? 'truncated' : 'done';
    this.setStatus(status, msg.error?.kind);
    this.showError(msg.error);
    this.showFindings(msg.findingsSummary, msg.findings);
    // A mark at the end of a partial text, where the reader gets to: it stops here, and why.
    const partial = status === 'cancelled' || status === 'truncated' || (status === 'failed' && msg.html !== '');
    this.endMark.hidden = !partial;
    this.endMark.textContent = partial && this.labels ? `— ${this.statusLabel(status)} —` : '';
  }

  private header(h: Header): void {
    this.labels = h.labels;
    this.detail.textContent = h.detail;
    this.detail.title = h.endpoint;
    this.badge.hidden = !h.local;
    this.badge.textContent = h.labels.localOnly;
    this.badge.title = h.labels.localOnlyTooltip;
    this.showRedactions(h);
  }

  private setStatus(status: Status, errorKind: string | undefined): void {
    this.status = status;
    this.errorKind = errorKind;
    this.section.dataset.status = status;
    this.mark.className = `intake-llm-mark intake-llm-mark-${status}`;
    this.mark.textContent = this.statusLabel(status);
    this.actions.replaceChildren(...this.buttons());
  }

  private statusLabel(status: Status): string {
    const l = this.labels;
    if (!l) return '';
    return { streaming: l.streaming, done: l.done, cancelled: l.cancelled, truncated: l.truncated, failed: l.failed }[status];
  }

  private buttons(): HTMLButtonElement[] {
    const l = this.labels;
    if (!l) return [];
    const offline = button(l.showOffline, 'showOffline');
    switch (this.status) {
      case 'streaming':
        return [button(l.cancel, 'cancelLlm')];
      case 'truncated':
        return [button(l.continue, 'continueLlm'), offline];
      case 'cancelled':
        return [button(l.retry, 'retryLlm'), offline];
      case 'failed':
        return this.errorKind === 'auth' ? [button(l.setApiKey, 'setApiKey'), button(l.retry, 'retryLlm'), offline] : [button(l.retry, 'retryLlm'), offline];
      case 'done':
        return [button(l.regenerate, 'retryLlm')];
      default:
        return [];
    }
  }

  private showError(error: LlmDoneMessage['error']): void {
    this.error.hidden = !error;
    if (!error) {
      this.error.replaceChildren();
      return;
    }
    this.error.replaceChildren(el('strong', 'intake-llm-error-title', error.title), document.createTextNode(' '), el('span', 'intake-llm-error-message', error.message));
  }

  private showFindings(summary: string, findings: LlmDoneMessage['findings']): void {
    this.findings.hidden = findings.length === 0;
    if (findings.length === 0) {
      this.findings.replaceChildren();
      return;
    }
    const list = el('ul', 'intake-llm-findings-list');
    for (const f of findings) {
      const item = el('li', `intake-llm-finding intake-llm-finding-${f.severity}`);
      item.append(el('code', 'intake-llm-finding-code', f.code), document.createTextNode(` ${f.message}`));
      list.append(item);
    }
    this.findings.replaceChildren(el('strong', 'intake-llm-findings-title', this.labels?.findings ?? ''), document.createTextNode(` ${summary}`), list);
  }

  private showRedactions(h: Header): void {
    const open = this.redactions.open;
    const summary = el('summary', 'intake-llm-redactions-summary', h.redactionSummary);
    const list = el('ul', 'intake-llm-redactions-list');
    for (const r of h.redactions) {
      const item = el('li', 'intake-llm-redaction');
      item.append(el('span', 'intake-llm-redaction-kind', r.label), document.createTextNode(' '), el('span', 'intake-llm-redaction-original', r.original), document.createTextNode(' → '), el('code', 'intake-llm-redaction-mask', r.mask));
      if (r.count > 1) item.append(document.createTextNode(` ×${r.count}`));
      list.append(item);
    }
    this.redactions.replaceChildren(summary, list);
    this.redactions.open = open && h.redactions.length > 0;
    this.redactions.hidden = !h.redactionSummary;
  }

  /** One DOM write per animation frame, with the latest text. */
  private schedule(html: string): void {
    this.pending = html;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const next = this.pending;
      this.pending = undefined;
      if (next !== undefined) this.apply(next);
    });
  }

  /** Writes now, dropping any pending frame. */
  private write(html: string): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = undefined;
    this.apply(html);
  }

  private apply(html: string): void {
    // Renderer output only (markdown-it with html: false; the model's text is escaped in it); the page's CSP blocks scripts regardless.
    this.content.innerHTML = html;
    this.afterRender(this.content);
  }
}
