/**
 * One LLM run for one intake: the settings, the key and the proxy make the core's config; the
 * run streams into the intake's preview (the LLM version beside the offline one) under a
 * cancellable progress notification; its end is shown in the preview and, for failures and
 * truncation, in a notification whose buttons set the key, retry, continue or open settings.
 * The offline report stays one click away throughout (the toolbar toggle, "Show Offline Report").
 *
 * The heavy parts (engine, `openai`, `undici`) are chunks loaded on first use (reportKit.ts):
 * the engine on the first report, `openai` and `undici` on the first request. The offline
 * report the run grounds on is the one the preview shows (or the document analysis keeps):
 * it is not generated again.
 */
import * as vscode from 'vscode';
import type { LlmConfig } from '../../core/llm/config';
import type { LlmErrorKind } from '../../core/llm/errors';
import type { LlmReport } from '../../core/llm/generateLlm';
import type { KeyChoice } from '../../core/llm/keySource';
import { proxyFor, redactProxyUrl } from '../../core/llm/proxy';
import type { ProxyFetch } from '../../core/llm/proxyFetch';
import type { DocumentAnalyses } from '../analyses';
import type { Configuration } from '../config';
import type { LlmDone, LlmHeader } from '../preview/llmPane';
import type { PreviewManager } from '../preview/manager';
import type { IntakePreview } from '../preview/panel';
import { loadReportKit, type ReportKit } from '../preview/reportKit';
import type { IntakeTarget } from '../preview/target';
import { secretStorageNote, type ApiKeyStore } from './apiKey';
import { COMMAND_SET_API_KEY } from './commandIds';
import { errorMessage, errorTitle, errorView, findingsSummary, findingViews, llmLabels, redactionSummary, redactionViews, runDetail } from './labels';
import type { LlmLog } from './log';
import { llmPaneOf } from './contribution';
import type { LlmSettings } from './settings';

/** How a run ended, for the command's caller (scripts, tests). */
export interface LlmRunResult {
  /** `brief`: the intake's offline result is a clarification brief; nothing was sent. */
  status: 'done' | 'cancelled' | 'truncated' | 'failed' | 'skipped' | 'brief';
  errorKind?: LlmErrorKind;
  chars: number;
  findings: number;
}

const SKIPPED: LlmRunResult = { status: 'skipped', chars: 0, findings: 0 };
const SKIPPED_BRIEF: LlmRunResult = { status: 'brief', chars: 0, findings: 0 };
/** Progress notification updates while streaming, at most this often. */
const PROGRESS_INTERVAL_MS = 250;

export class LlmRunner implements vscode.Disposable {
  /** The runs in progress, by preview. */
  private readonly running = new Map<IntakePreview, AbortController>();
  private notedSecretStorage = false;

  constructor(
    private readonly manager: PreviewManager,
    private readonly keys: ApiKeyStore,
    private readonly log: LlmLog,
    private readonly analyses: DocumentAnalyses,
    private readonly config: Configuration,
  ) {}

  /** Stops every run (the extension is deactivating). */
  dispose(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  /** Aborts the preview's run (its HTTP request); false if none is running. */
  cancel(preview: IntakePreview): boolean {
    const controller = this.running.get(preview);
    controller?.abort();
    return controller !== undefined;
  }

  async run(target: IntakeTarget, continueFrom?: LlmReport): Promise<LlmRunResult> {
    const settings = this.config.llm(target.doc.uri);
    if (settings.provider !== 'openai-compatible' || !settings.baseUrl || !settings.model) {
      void this.explainSettings(settings);
      return SKIPPED;
    }
    const preview = this.manager.show(target.doc, target.intakeIndex, target.editor?.viewColumn);
    if (this.running.has(preview)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The LLM is already writing this report. Cancel it first to start again.'));
      return SKIPPED;
    }
    const controller = new AbortController();
    this.running.set(preview, controller);
    // Closing the preview stops the request too.
    const closed = preview.onDidDispose(() => controller.abort());
    try {
      return await this.runIn(preview, target, settings, controller, continueFrom);
    } finally {
      closed.dispose();
      this.running.delete(preview);
    }
  }

  private async runIn(preview: IntakePreview, target: IntakeTarget, settings: LlmSettings, controller: AbortController, continueFrom: LlmReport | undefined): Promise<LlmRunResult> {
    const key = await this.keys.lookup(settings.baseUrl);
    const http = this.config.http();
    const secrets = [key.key, http.authorization];
    const log = (line: string) => this.log.info(line, secrets);
    this.noteKeySource(key, secrets);
    const labels = llmLabels();
    let markdown = continueFrom?.markdown ?? '';
    let proxy: ProxyFetch | undefined;
    let kit: ReportKit | undefined;
    try {
      kit = await loadReportKit();
      // Grounded on the offline report the preview shows, when it is of this version of the
      // document; else on the one the document's analysis builds (and keeps, for the preview).
      const analysis = this.analyses.get(target.doc);
      const shown = preview.report;
      // With the team's knowledge, as the preview builds it.
      const model = shown?.version === target.doc.version ? shown.model : await this.manager.reportModel(target.doc, target.intakeIndex);
      if (model?.kind === 'brief') return this.showBrief(preview, target);
      const render = kit.renderMarkdownHtml;
      const config: LlmConfig = { baseUrl: settings.baseUrl, model: settings.model, extraHeaders: settings.extraHeaders };
      if (key.key) config.apiKey = key.key;
      if (settings.temperature !== undefined) config.temperature = settings.temperature;
      if (settings.maxTokens !== undefined) config.maxTokens = settings.maxTokens;
      if (settings.timeoutSeconds !== undefined) config.timeoutSeconds = settings.timeoutSeconds;
      if (settings.azureApiVersion) config.azureApiVersion = settings.azureApiVersion;
      const decision = proxyFor(settings.baseUrl, http);
      if (decision.kind === 'proxy') {
        proxy = await kit.proxyFetch(decision.url, { strictSSL: http.strictSSL, ...(http.authorization ? { authorization: http.authorization } : {}) });
        config.fetch = proxy.fetch;
        config.fetchOptions = proxy.fetchOptions;
        log(vscode.l10n.t('Through the proxy {0} ({1}).', redactProxyUrl(decision.url), decision.source === 'setting' ? 'http.proxy' : 'HTTPS_PROXY / HTTP_PROXY'));
      } else if (decision.kind === 'invalid') {
        this.log.warn(vscode.l10n.t('Ignoring the proxy {0}: only http:// and https:// proxies are supported.', decision.raw), secrets);
      }
      log(vscode.l10n.t('Writing the report of {0} (intake {1}) with {2}; API key: {3}.', fileName(target.doc.uri), target.intakeIndex + 1, settings.model, keySourceText(key)));

      const report = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Writing the recommendation with {0}', settings.model), cancellable: true },
        async (progress, token) => {
          const cancelled = token.onCancellationRequested(() => controller.abort());
          let lastProgress = 0;
          try {
            return await kit!.generateLlmReport(
              { file: analysis.file, index: target.intakeIndex, config, redact: settings.redact, ...(model ? { model } : {}), ...(continueFrom ? { continueFrom } : {}) },
              {
                signal: controller.signal,
                log,
                // A key about to go over plain http: in the log and in front of the user.
                warn: (line) => {
                  log(line);
                  void vscode.window.showWarningMessage(line);
                },
                onPrompt: (info) => {
                  const header: LlmHeader = {
                    labels,
                    detail: runDetail(settings.model, markdown.length),
                    endpoint: info.endpoint,
                    local: info.local,
                    redactions: redactionViews(info.redactions),
                    redactionSummary: redactionSummary(info.redactions, settings.redact, info.meta?.leftOutLines.length),
                  };
                  llmPaneOf(preview).start(header, { continued: continueFrom !== undefined, render });
                  progress.report({ message: info.local ? vscode.l10n.t('sending to the local endpoint…') : vscode.l10n.t('sending to {0}…', hostOf(info.endpoint)) });
                },
                onDelta: (text) => {
                  markdown += text;
                  llmPaneOf(preview).text(markdown, runDetail(settings.model, markdown.length));
                },
                onRetry: (r) => {
                  const seconds = Math.round(r.delayMs / 100) / 10;
                  const message =
                    r.kind === 'rate-limit'
                      ? vscode.l10n.t('rate-limited (HTTP {0}): retrying in {1} s, attempt {2} of {3}', r.status, seconds, r.attempt + 1, r.maxAttempts)
                      : vscode.l10n.t('HTTP {0}: retrying in {1} s, attempt {2} of {3}', r.status, seconds, r.attempt + 1, r.maxAttempts);
                  progress.report({ message });
                  log(message);
                },
                onProgress: (p) => {
                  const now = Date.now();
                  if (p.phase === 'streaming' && now - lastProgress < PROGRESS_INTERVAL_MS) return;
                  lastProgress = now;
                  if (p.phase === 'streaming') progress.report({ message: vscode.l10n.t('{0} characters received', markdown.length) });
                  else if (p.phase === 'verifying') progress.report({ message: vscode.l10n.t('checking the text against the offline report…') });
                },
              },
            );
          } finally {
            cancelled.dispose();
          }
        },
      );
      return this.finish(preview, target, report, settings, key, kit);
    } catch (e) {
      // Only a bug or an intake that vanished gets here: the core reports endpoint failures in its result.
      const message = e instanceof Error ? e.message : String(e);
      this.log.warn(vscode.l10n.t('The LLM run failed: {0}', message), secrets);
      const done = this.failedState(settings, markdown, message, kit);
      llmPaneOf(preview).finish(markdown, done, undefined);
      void this.notifyError(preview, target, done.error!.title, done.error!.message, 'config');
      return { status: 'failed', errorKind: 'config', chars: markdown.length, findings: 0 };
    } finally {
      await proxy?.close();
    }
  }

  private finish(preview: IntakePreview, target: IntakeTarget, report: LlmReport, settings: LlmSettings, key: KeyChoice, kit: ReportKit): LlmRunResult {
    const error = report.error && report.error.kind !== 'cancelled' ? errorView(report.error, key.key !== undefined, report.markdown.length) : undefined;
    const done: LlmDone = {
      labels: llmLabels(),
      detail: runDetail(settings.model, report.markdown.length),
      endpoint: report.endpoint,
      local: report.local,
      redactions: redactionViews(report.redactions),
      redactionSummary: redactionSummary(report.redactions, settings.redact, report.promptMeta?.leftOutLines.length),
      html: kit.renderMarkdownHtml(report.markdown),
      findings: findingViews(report.findings),
      findingsSummary: findingsSummary(report.findings),
      truncated: report.truncated,
      cancelled: report.cancelled,
      ...(error ? { error } : {}),
    };
    llmPaneOf(preview).finish(report.markdown, done, report);
    const base = { chars: report.markdown.length, findings: report.findings.length };
    if (report.cancelled) {
      this.log.info(vscode.l10n.t('Cancelled; {0} characters kept.', report.markdown.length));
      return { status: 'cancelled', ...base };
    }
    if (report.error) {
      void this.notifyError(preview, target, errorTitle(report.error.kind, key.key !== undefined), errorMessage(report.error, report.markdown.length), report.error.kind);
      return { status: 'failed', errorKind: report.error.kind, ...base };
    }
    this.log.info(vscode.l10n.t('Received {0} characters (finish reason: {1}); {2} verification finding(s).', report.markdown.length, report.finishReason ?? '—', report.findings.length));
    for (const f of report.findings) this.log.info(`${f.code}: ${f.message}`);
    if (report.truncated) {
      void this.notifyTruncated(preview, target);
      return { status: 'truncated', ...base };
    }
    return { status: 'done', ...base };
  }

  /**
   * A clarification brief is not sent to be "expanded" into a report: the preview shows the brief
   * (the offline version), and a message says why there is no LLM report and what to do.
   */
  private showBrief(preview: IntakePreview, target: IntakeTarget): LlmRunResult {
    preview.reveal();
    llmPaneOf(preview).show('offline');
    const message = vscode.l10n.t(
      'Intake {0} is too thin for a recommendation: the preview shows its clarification brief, the questions to ask the customer. LLM mode writes no report from a brief (nothing was sent); answer the questions in the intake, then run it again.',
      target.intakeIndex + 1,
    );
    this.log.info(message);
    void vscode.window.showInformationMessage(message);
    return SKIPPED_BRIEF;
  }

  private failedState(settings: LlmSettings, markdown: string, message: string, kit: ReportKit | undefined): LlmDone {
    return {
      labels: llmLabels(),
      detail: runDetail(settings.model || '—', markdown.length),
      endpoint: settings.baseUrl,
      local: false,
      redactions: [],
      redactionSummary: '',
      html: kit ? kit.renderMarkdownHtml(markdown) : '',
      findings: [],
      findingsSummary: '',
      truncated: false,
      cancelled: false,
      error: { kind: 'config', title: vscode.l10n.t('The LLM report could not be written'), message: message.slice(0, 1900) },
    };
  }

  private noteKeySource(key: KeyChoice, secrets: readonly (string | undefined)[]): void {
    const note = secretStorageNote(key);
    if (!note) return;
    this.log.warn(note, secrets);
    // Once per session in a notification; every run in the log.
    if (this.notedSecretStorage) return;
    this.notedSecretStorage = true;
    void vscode.window.showWarningMessage(note);
  }

  private async notifyError(preview: IntakePreview, target: IntakeTarget, title: string, message: string, kind: LlmErrorKind): Promise<void> {
    const setKey = vscode.l10n.t('Set API Key');
    const retry = vscode.l10n.t('Retry');
    const settings = vscode.l10n.t('Open Settings');
    const offline = vscode.l10n.t('Show Offline Report');
    const buttons =
      kind === 'auth' ? [setKey] : kind === 'not-found' || kind === 'config' || kind === 'bad-request' || kind === 'bad-response' ? [settings] : [retry];
    const choice = await vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', title, message), ...buttons, offline);
    if (choice === setKey) {
      if (await vscode.commands.executeCommand<boolean>(COMMAND_SET_API_KEY)) await this.run(target);
    } else if (choice === retry) await this.run(target);
    else if (choice === settings) await openLlmSettings();
    else if (choice === offline) showOffline(preview);
  }

  private async notifyTruncated(preview: IntakePreview, target: IntakeTarget): Promise<void> {
    const cont = vscode.l10n.t('Continue');
    const offline = vscode.l10n.t('Show Offline Report');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('The model stopped at the output limit (intake.llm.maxTokens): the report is truncated. Continue it from where it stopped?'),
      cont,
      offline,
    );
    if (choice === cont && llmPaneOf(preview).result) await this.run(target, llmPaneOf(preview).result);
    else if (choice === offline) showOffline(preview);
  }

  private async explainSettings(settings: LlmSettings): Promise<void> {
    const open = vscode.l10n.t('Open Settings');
    const message =
      settings.provider !== 'openai-compatible'
        ? vscode.l10n.t('LLM mode is off. Set intake.llm.provider to "openai-compatible", with intake.llm.baseUrl and intake.llm.model (e.g. http://localhost:11434/v1 and qwen2.5 for a local Ollama).')
        : vscode.l10n.t('LLM mode needs intake.llm.baseUrl and intake.llm.model (e.g. http://localhost:11434/v1 and qwen2.5 for a local Ollama).');
    if ((await vscode.window.showInformationMessage(message, open)) === open) await openLlmSettings();
  }
}

function showOffline(preview: IntakePreview): void {
  preview.reveal();
  llmPaneOf(preview).show('offline');
}

function openLlmSettings(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', 'intake.llm');
}

function keySourceText(key: KeyChoice): string {
  switch (key.source) {
    case 'secret-storage':
      return vscode.l10n.t('from the secret storage');
    case 'session':
      return vscode.l10n.t('set in this session');
    case 'INTAKE_LLM_API_KEY':
    case 'OPENAI_API_KEY':
      return vscode.l10n.t('from the environment variable {0}', key.source);
    case 'none':
      return key.loopback ? vscode.l10n.t('none (a local endpoint needs none)') : vscode.l10n.t('none set');
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
