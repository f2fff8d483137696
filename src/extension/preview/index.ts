/**
 * The report preview feature: commands, CodeLens, the preview manager and its serializer.
 * Nothing heavy is loaded here: the engine, knowledge base and renderers load on first use.
 */
import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE, type ToWebview } from '../../protocol/messages';
import type { DocumentAnalyses } from '../analyses';
import type { Configuration } from '../config';
import { registerCodeLens } from './codeLens';
import { registerPreviewCommands } from './commands';
import { PreviewManager } from './manager';
import type { TeamKnowledgeService } from '../team/knowledge';
import type { LlmPaneEvent, LlmSnapshot } from './llmPane';
import type { PreviewRenderEvent } from './observer';

/**
 * What the integration tests need to observe the preview (see extension.ts: only returned
 * from `activate` in test runs). Not a public API.
 */
export interface PreviewTestApi {
  /** Fires when a render or update is posted to a webview, and when a webview reports a paint. */
  readonly onDidRender: vscode.Event<PreviewRenderEvent>;
  /** The LLM version's events: start, each streamed update posted, done, version switches. */
  readonly onDidLlm: vscode.Event<PreviewLlmEvent>;
  /** Every message posted to a preview's page. */
  readonly onDidPost: vscode.Event<{ uri: string; intakeIndex: number; message: ToWebview }>;
  /** The open previews and what they last rendered. */
  previews(): PreviewInfo[];
  /**
   * Hands `message` to the preview of (uri, intakeIndex) exactly as if its webview had posted
   * it: same validation, same handler. False if there is no such preview or the message was
   * rejected.
   */
  postFromWebview(uri: vscode.Uri, intakeIndex: number, message: unknown): Promise<boolean>;
  /**
   * Restores a preview the way VS Code does after a window reload: a new panel of the preview's
   * view type handed to the registered serializer with the state the page kept.
   */
  restore(state: unknown): Promise<void>;
}

export interface PreviewLlmEvent extends LlmPaneEvent {
  uri: string;
  intakeIndex: number;
}

export interface PreviewInfo {
  uri: string;
  intakeIndex: number;
  title: string;
  viewColumn: vscode.ViewColumn | undefined;
  visible: boolean;
  version: number | undefined;
  html: string | undefined;
  /** ms from the command to the first paint the webview reported. */
  firstPaintMs: number | undefined;
  /** The error count the banner shows. */
  errorCount: number | undefined;
  /** The page's HTML as set on the webview (the shell, with the first report when embedded). */
  pageHtml: string;
  /** The LLM version, if a run has started. */
  llm: LlmSnapshot | undefined;
}

export function registerPreview(
  context: vscode.ExtensionContext,
  analyses: DocumentAnalyses,
  config: Configuration,
  selector: vscode.DocumentSelector,
  team: TeamKnowledgeService,
): { disposable: vscode.Disposable; testApi: PreviewTestApi; manager: PreviewManager } {
  const manager = new PreviewManager(analyses, config, context.extensionUri, team);
  const disposable = vscode.Disposable.from(
    manager,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, manager),
    registerPreviewCommands(analyses, config, manager),
    registerCodeLens(selector, (doc) => analyses.get(doc)),
  );
  const testApi: PreviewTestApi = {
    onDidRender: manager.onDidRender,
    onDidLlm: (listener, thisArg, disposables) =>
      manager.onDidLlm(({ preview, event }) => listener.call(thisArg, { ...event, uri: preview.uri.toString(), intakeIndex: preview.intakeIndex }), undefined, disposables),
    onDidPost: (listener, thisArg, disposables) =>
      manager.onDidPost(({ preview, message }) => listener.call(thisArg, { uri: preview.uri.toString(), intakeIndex: preview.intakeIndex, message }), undefined, disposables),
    previews: () =>
      manager.all().map((p) => ({
        uri: p.uri.toString(),
        intakeIndex: p.intakeIndex,
        title: p.title,
        viewColumn: p.panel.viewColumn,
        visible: p.panel.visible,
        version: p.renderedVersion,
        html: p.renderedHtml,
        firstPaintMs: p.firstPaintMs,
        errorCount: p.errorCount,
        pageHtml: p.panel.webview.html,
        llm: p.snapshots().llm as LlmSnapshot | undefined,
      })),
    restore: async (state) => {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'restored', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {});
      await manager.deserializeWebviewPanel(panel, state);
    },
    postFromWebview: async (uri, intakeIndex, message) => {
      const preview = manager.find(uri, intakeIndex);
      return preview ? preview.handleMessage(message) : false;
    },
  };
  return { disposable, testApi, manager };
}
