/**
 * The report preview feature: commands, CodeLens and the panel serializer, registered at
 * activation. The preview's code (the manager, panels, page shell, message schemas, the export)
 * loads on first use (onDemand.ts); the engine, knowledge base and renderers load later
 * still, on the first report (reportKit.ts).
 */
import * as vscode from 'vscode';
import type { ToWebview } from '../../protocol/messages';
import { PREVIEW_VIEW_TYPE } from '../../protocol/viewType';
import type { DocumentAnalyses } from '../analyses';
import type { Configuration } from '../config';
import { Lazy, loadOrTell, registerLazyCommand } from '../lazy';
import { showLoadError } from '../loadError';
import { registerCodeLens } from './codeLens';
import { COMMAND_EXPORT_REPORT, COMMAND_GENERATE_RECOMMENDATION } from './commandIds';
import { PreviewEvents } from './events';
import type { PreviewManager } from './manager';
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

/**
 * Adds to the preview manager when it is made, before it shows anything (LLM mode adds its
 * contribution so): what it returns is disposed with the manager.
 */
type PreviewContributor = (manager: PreviewManager) => Promise<vscode.Disposable>;

/** The preview's code, loaded on first use. */
export interface PreviewLoader {
  /** The manager, made (with every contributor's part) on the first call. */
  manager(): Promise<PreviewManager>;
  /** The manager if it has been made. */
  loadedManager(): PreviewManager | undefined;
  /** Runs `contributor` on the manager when it is made; call it at activation, before any use. */
  onManager(contributor: PreviewContributor): void;
}

export function registerPreview(
  context: vscode.ExtensionContext,
  analyses: DocumentAnalyses,
  config: Configuration,
  selector: vscode.DocumentSelector,
  team: TeamKnowledgeService,
): { disposable: vscode.Disposable; testApi: PreviewTestApi; loader: PreviewLoader } {
  const events = new PreviewEvents();
  const contributors: PreviewContributor[] = [];
  const loaded = new Lazy(async () => {
    const { PreviewManager, exportReportCommand, generateRecommendation } = await import('../onDemand');
    const manager = new PreviewManager(analyses, config, context.extensionUri, team, events);
    try {
      const parts = await Promise.all(contributors.map((contribute) => contribute(manager)));
      return {
        manager,
        generate: (startedAt: number, uriArg: unknown, indexArg: unknown) => generateRecommendation(analyses, manager, startedAt, uriArg, indexArg),
        exportReport: (uriArg: unknown, indexArg: unknown, options: unknown) => exportReportCommand(analyses, config, manager, uriArg, indexArg, options),
        dispose: () => vscode.Disposable.from(...parts, manager).dispose(),
      };
    } catch (error) {
      manager.dispose();
      throw error;
    }
  });
  const loader: PreviewLoader = {
    manager: async () => (await loaded.get()).manager,
    loadedManager: () => loaded.loaded?.manager,
    onManager: (contributor) => void contributors.push(contributor),
  };
  // Restores the previews open at a window reload: the preview's code loads for them.
  const serializer: vscode.WebviewPanelSerializer = {
    deserializeWebviewPanel: async (panel, state) => {
      let manager: PreviewManager;
      try {
        manager = await loader.manager();
      } catch (error) {
        panel.dispose();
        showLoadError(error);
        return;
      }
      await manager.deserializeWebviewPanel(panel, state);
    },
  };
  const disposable = vscode.Disposable.from(
    loaded,
    events,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, serializer),
    vscode.commands.registerCommand(COMMAND_GENERATE_RECOMMENDATION, async (uriArg?: unknown, indexArg?: unknown) => {
      // The first paint is timed from here, the loading of the preview's code included.
      const startedAt = performance.now();
      const preview = await loadOrTell(loaded);
      if (preview) await preview.generate(startedAt, uriArg, indexArg);
    }),
    registerLazyCommand(COMMAND_EXPORT_REPORT, loaded, (preview, uriArg, indexArg, options) => preview.exportReport(uriArg, indexArg, options)),
    registerCodeLens(selector, (doc) => analyses.get(doc)),
  );
  const previews = (): PreviewInfo[] =>
    (loader.loadedManager()?.all() ?? []).map((p) => ({
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
    }));
  const testApi: PreviewTestApi = {
    onDidRender: events.render.event,
    onDidLlm: (listener, thisArg, disposables) =>
      events.llm.event(({ preview, event }) => listener.call(thisArg, { ...event, uri: preview.uri.toString(), intakeIndex: preview.intakeIndex }), undefined, disposables),
    onDidPost: (listener, thisArg, disposables) =>
      events.post.event(({ preview, message }) => listener.call(thisArg, { uri: preview.uri.toString(), intakeIndex: preview.intakeIndex, message }), undefined, disposables),
    previews,
    restore: async (state) => {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'restored', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {});
      await serializer.deserializeWebviewPanel(panel, state);
    },
    postFromWebview: async (uri, intakeIndex, message) => {
      const preview = loader.loadedManager()?.find(uri, intakeIndex);
      return preview ? preview.handleMessage(message) : false;
    },
  };
  return { disposable, testApi, loader };
}
