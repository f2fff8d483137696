/**
 * Keeps the report previews: one per intake per document. Opening the preview of an intake
 * that has one reveals it; edits re-render the previews of their document after the debounce
 * (`intake.preview.debounceMs`); cursor moves highlight the blocks that cite the line
 * (`intake.preview.followCursor`); previews open at a window reload come back through the
 * webview panel serializer.
 */
import * as vscode from 'vscode';
import type { IntakeFile } from '../../core/model';
import { parsePreviewState, PREVIEW_VIEW_TYPE } from '../../protocol/messages';
import { selectionLines } from '../../protocol/dataLines';
import { isIntake } from '../convert';
import { Debouncer } from '../debouncer';
import type { ParseCache } from '../parseCache';
import { titleFrame } from './labels';
import type { ToWebview } from '../../protocol/messages';
import type { LlmPaneEvent } from './llmPane';
import { IntakePreview, previewKey, type LlmAction, type PreviewHost, type PreviewRenderEvent } from './panel';
import { previewSettings } from './settings';
import { webviewOptions } from './shell';

/** Cursor moves are coalesced a little: holding an arrow key should not flood the page. */
const SELECTION_DELAY_MS = 50;

export class PreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly previews = new Map<string, IntakePreview>();
  private readonly selections = new Debouncer<string>();
  private readonly renderEmitter = new vscode.EventEmitter<PreviewRenderEvent>();
  readonly onDidRender = this.renderEmitter.event;
  private readonly llmEmitter = new vscode.EventEmitter<{ preview: IntakePreview; event: LlmPaneEvent }>();
  /** The LLM panes' events (start, delta, done, version), for the test API. */
  readonly onDidLlm = this.llmEmitter.event;
  private readonly postEmitter = new vscode.EventEmitter<{ preview: IntakePreview; message: ToWebview }>();
  /** Every message posted to a page, for the test API. */
  readonly onDidPost = this.postEmitter.event;
  /** What the LLM view's buttons do; set by the LLM feature (registerLlm). */
  llmActions: ((preview: IntakePreview, action: LlmAction) => Promise<void>) | undefined;
  private readonly subscriptions: vscode.Disposable[];
  private output: vscode.LogOutputChannel | undefined;
  private readonly host: PreviewHost;

  constructor(
    private readonly cache: ParseCache,
    extensionUri: vscode.Uri,
  ) {
    this.host = {
      extensionUri,
      parse: (doc) => this.cache.get(doc),
      fire: (e) => this.renderEmitter.fire(e),
      log: (message) => this.log(message),
      fireLlm: (preview, event) => this.llmEmitter.fire({ preview, event }),
      posted: (preview, message) => this.postEmitter.fire({ preview, message }),
      llmAction: async (preview, action) => this.llmActions?.(preview, action),
    };
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const list = this.previewsOf(e.document.uri);
        if (list.length === 0) return;
        const delay = previewSettings(e.document.uri).debounceMs;
        for (const p of list) p.schedule(delay);
      }),
      // A document closed and opened again (or whose language changed) may read differently now.
      vscode.workspace.onDidOpenTextDocument((doc) => {
        for (const p of this.previewsOf(doc.uri)) p.schedule(0);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.onSelection(e.textEditor)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) for (const p of this.previewsOf(uri)) p.refreshErrors();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('intake.preview')) return;
        for (const p of this.previews.values()) p.setFollowCursor(previewSettings(p.uri).followCursor);
      }),
    ];
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.selections.dispose();
    for (const p of [...this.previews.values()]) p.dispose();
    this.previews.clear();
    this.renderEmitter.dispose();
    this.llmEmitter.dispose();
    this.postEmitter.dispose();
    this.output?.dispose();
  }

  all(): IntakePreview[] {
    return [...this.previews.values()];
  }

  find(uri: vscode.Uri, intakeIndex: number): IntakePreview | undefined {
    return this.previews.get(previewKey(uri, intakeIndex));
  }

  previewsOf(uri: vscode.Uri): IntakePreview[] {
    const key = uri.toString();
    return this.all().filter((p) => p.uri.toString() === key);
  }

  /** The preview whose panel has focus, if any. */
  active(): IntakePreview | undefined {
    return this.all().find((p) => p.panel.active);
  }

  /**
   * Shows the report of intake `intakeIndex` of `doc` beside the editor, keeping the focus in
   * the editor. `startedAt` (performance.now()) is when the user asked, for the paint timing.
   */
  show(doc: vscode.TextDocument, intakeIndex: number, sourceColumn: vscode.ViewColumn | undefined, startedAt = performance.now()): IntakePreview {
    const existing = this.find(doc.uri, intakeIndex);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const name = doc.uri.path.split('/').pop() ?? '';
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      titleFrame(name),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { ...webviewOptions(this.host.extensionUri), retainContextWhenHidden: false, enableFindWidget: true },
    );
    return this.adopt(panel, doc.uri, intakeIndex, sourceColumn, startedAt);
  }

  /** Restores a preview after a window reload, from the state its page kept. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, rawState: unknown): Promise<void> {
    const state = parsePreviewState(rawState);
    if (!state) {
      panel.dispose();
      return;
    }
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(state.documentUri, true);
      await vscode.workspace.openTextDocument(uri);
    } catch {
      // The intake is gone (deleted, or on a file system that is not there any more).
      panel.dispose();
      return;
    }
    if (this.find(uri, state.intakeIndex)) {
      panel.dispose();
      return;
    }
    // A restored panel gets the options a new one is created with (scripts, the two resource roots).
    panel.webview.options = webviewOptions(this.host.extensionUri);
    this.adopt(panel, uri, state.intakeIndex, state.sourceColumn, performance.now());
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, intakeIndex: number, sourceColumn: vscode.ViewColumn | undefined, startedAt: number): IntakePreview {
    const preview = new IntakePreview(panel, uri, intakeIndex, sourceColumn, this.host, startedAt);
    this.previews.set(preview.key, preview);
    preview.onDidDispose(() => {
      if (this.previews.get(preview.key) === preview) this.previews.delete(preview.key);
    });
    return preview;
  }

  private onSelection(editor: vscode.TextEditor): void {
    const doc = editor.document;
    if (!isIntake(doc) || this.previewsOf(doc.uri).length === 0) return;
    if (!previewSettings(doc.uri).followCursor) return;
    this.selections.schedule(doc.uri.toString(), SELECTION_DELAY_MS, () => {
      if (doc.isClosed) return;
      const file: IntakeFile = this.cache.get(doc);
      const lines = selectionLines(editor.selection.start.line, editor.selection.end.line);
      for (const p of this.previewsOf(doc.uri)) p.highlight(file, lines);
    });
  }

  private log(message: string): void {
    this.output ??= vscode.window.createOutputChannel('Intake Studio Preview', { log: true });
    this.output.info(message);
  }
}
