/**
 * Keeps the report previews: one per intake per document. Opening the preview of an intake
 * that has one reveals it; edits re-render the previews of their document after
 * `intake.preview.debounceMs`, counted from the first edit since the last render; cursor moves highlight the blocks that cite the line
 * (`intake.preview.followCursor`); previews open at a window reload come back through the
 * webview panel serializer. Features add to every preview as contributions (LLM mode does).
 *
 * The manager is the previews' observer: it turns what they report into the test API's events
 * and the output channel's lines.
 */
import * as vscode from 'vscode';
import { parsePreviewState } from '../../protocol/messages';
import { PREVIEW_VIEW_TYPE } from '../../protocol/viewType';
import { selectionLines } from '../../protocol/dataLines';
import type { DocumentAnalyses } from '../analyses';
import type { Configuration } from '../config';
import { isIntake } from '../convert';
import { Debouncer } from '../debouncer';
import { Disposable } from '../dispose';
import type { PreviewContributionFactory } from './contribution';
import { titleFrame } from './labels';
import type { PreviewEvents } from './events';
import type { PreviewEvent, PreviewObserver } from './observer';
import { IntakePreview, previewKey, type PreviewContext } from './panel';
import { webviewOptions } from './shell';
import type { ReportModel } from '../../core/engine/reportModel';
import type { TeamKnowledgeService } from '../team/knowledge';
import { loadReportKit } from './reportKit';

/** Cursor moves are coalesced a little: holding an arrow key should not flood the page. */
const SELECTION_DELAY_MS = 50;

export class PreviewManager extends Disposable implements vscode.WebviewPanelSerializer, PreviewObserver<IntakePreview> {
  private readonly previews = new Map<string, IntakePreview>();
  private readonly selections = this._register(new Debouncer<string>());
  private readonly contributions = new Map<string, PreviewContributionFactory<IntakePreview>>();
  private output: vscode.LogOutputChannel | undefined;
  private readonly context: PreviewContext;

  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly config: Configuration,
    extensionUri: vscode.Uri,
    readonly team: TeamKnowledgeService,
    /** Where the previews' renders, LLM events and posts go (made at activation, for the test API). */
    private readonly events: PreviewEvents,
  ) {
    super();
    this.context = { extensionUri, analyses, config, observer: this, team };
    // The team's knowledge or branding changed: every preview shows the report again.
    this._register(team.onDidChange(() => this.previews.forEach((p) => p.schedule(0))));
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const list = this.previewsOf(e.document.uri);
        if (list.length === 0) return;
        const delay = this.config.preview(e.document.uri).debounceMs;
        for (const p of list) p.schedule(delay);
      }),
    );
    // A document closed and opened again (or whose language changed) may read differently now.
    this._register(
      vscode.workspace.onDidOpenTextDocument((doc) => {
        for (const p of this.previewsOf(doc.uri)) p.schedule(0);
      }),
    );
    this._register(vscode.window.onDidChangeTextEditorSelection((e) => this.onSelection(e.textEditor)));
    this._register(
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) for (const p of this.previewsOf(uri)) p.refreshErrors();
      }),
    );
    this._register(
      config.onDidChange((e) => {
        for (const p of this.previews.values()) if (e.affects('preview', p.uri)) p.setFollowCursor(this.config.preview(p.uri).followCursor);
      }),
    );
  }

  override dispose(): void {
    for (const p of [...this.previews.values()]) p.dispose();
    this.previews.clear();
    super.dispose();
    this.output?.dispose();
  }

  /** Adds a contribution to every preview, the open ones and those to come. */
  contribute(id: string, factory: PreviewContributionFactory<IntakePreview>): vscode.Disposable {
    this.contributions.set(id, factory);
    for (const p of this.previews.values()) p.contribute(id, factory);
    return { dispose: () => this.contributions.get(id) === factory && this.contributions.delete(id) };
  }

  notify(preview: IntakePreview, event: PreviewEvent): void {
    switch (event.type) {
      case 'render':
        this.events.render.fire(event.event);
        return;
      case 'post':
        this.events.post.fire({ preview, message: event.message });
        return;
      case 'llm':
        this.events.llm.fire({ preview, event: event.event });
        return;
      case 'log':
        this.output ??= vscode.window.createOutputChannel('Intake Studio Preview', { log: true });
        this.output.info(event.message);
        return;
    }
  }

  /**
   * The report of intake `intakeIndex` of `doc` as the preview shows it: the preview's own when it
   * is of this version, else built by the document's analysis with the team's engine (and kept).
   */
  async reportModel(doc: vscode.TextDocument, intakeIndex: number): Promise<ReportModel | undefined> {
    const kit = await loadReportKit();
    const team = await this.team.stateFor(doc.uri);
    const shown = this.find(doc.uri, intakeIndex)?.report;
    return shown?.version === doc.version ? shown.model : this.analyses.get(doc).intake(intakeIndex)?.report(kit.engineFor(team.knowledge));
  }

  all(): IntakePreview[] {
    return [...this.previews.values()];
  }

  find(uri: vscode.Uri, intakeIndex: number): IntakePreview | undefined {
    return this.previews.get(previewKey(uri, intakeIndex));
  }

  previewsOf(uri: vscode.Uri): IntakePreview[] {
    const key = uri.toString();
    return this.all().filter((p) => p.documentUri === key);
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
      { ...webviewOptions(this.context.extensionUri), retainContextWhenHidden: false, enableFindWidget: true },
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
    panel.webview.options = webviewOptions(this.context.extensionUri);
    this.adopt(panel, uri, state.intakeIndex, state.sourceColumn, performance.now());
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, intakeIndex: number, sourceColumn: vscode.ViewColumn | undefined, startedAt: number): IntakePreview {
    const preview = new IntakePreview(panel, uri, intakeIndex, sourceColumn, this.context, startedAt);
    for (const [id, factory] of this.contributions) preview.contribute(id, factory);
    this.previews.set(preview.key, preview);
    preview.onDidDispose(() => {
      if (this.previews.get(preview.key) === preview) this.previews.delete(preview.key);
    });
    return preview;
  }

  private onSelection(editor: vscode.TextEditor): void {
    const doc = editor.document;
    if (!isIntake(doc) || this.previewsOf(doc.uri).length === 0) return;
    if (!this.config.preview(doc.uri).followCursor) return;
    this.selections.schedule(doc.uri.toString(), SELECTION_DELAY_MS, () => {
      if (doc.isClosed) return;
      const file = this.analyses.get(doc).file;
      const lines = selectionLines(editor.selection.start.line, editor.selection.end.line);
      for (const p of this.previewsOf(doc.uri)) p.highlight(file, lines);
    });
  }
}
