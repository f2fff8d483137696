/**
 * LLM mode's implementation, loaded on first use (index.ts, through onDemand.ts): the key
 * store, the output channel and the runner, made once for the preview manager they write to.
 * The engine, `openai` and `undici` load later still, on the first run (run.ts).
 */
import * as vscode from 'vscode';
import type { DocumentAnalyses } from '../analyses';
import type { Configuration } from '../config';
import type { PreviewManager } from '../preview/manager';
import { resolveTarget } from '../preview/target';
import type { IntakePreview } from '../preview/panel';
import { ApiKeyStore } from './apiKey';
import { llmPaneOf } from './contribution';
import { LlmLog } from './log';
import { LlmRunner, type LlmRunResult } from './run';

export class LlmSession implements vscode.Disposable {
  readonly log = new LlmLog();
  readonly keys: ApiKeyStore;
  readonly runner: LlmRunner;

  constructor(
    secrets: vscode.SecretStorage,
    private readonly analyses: DocumentAnalyses,
    config: Configuration,
    private readonly manager: PreviewManager,
  ) {
    this.keys = new ApiKeyStore(secrets);
    this.runner = new LlmRunner(manager, this.keys, this.log, analyses, config);
  }

  /** `intake.generateRecommendationLlm`: the intake of the arguments, the cursor's, or, from the palette while a preview has the focus, that preview's. */
  async generate(uriArg?: unknown, indexArg?: unknown): Promise<LlmRunResult | undefined> {
    const focused = this.manager.active();
    const target =
      !(uriArg instanceof vscode.Uri) && focused && !vscode.window.activeTextEditor
        ? await resolveTarget(this.analyses, focused.uri, focused.intakeIndex)
        : await resolveTarget(this.analyses, uriArg, indexArg);
    return target ? this.runner.run(target) : undefined;
  }

  /** The LLM view's Continue (only what was truncated continues) or Retry (starts over) in `preview`. */
  async rerun(preview: IntakePreview, mode: 'continue' | 'retry'): Promise<void> {
    const previous = llmPaneOf(preview).result;
    const target = await resolveTarget(this.analyses, preview.uri, preview.intakeIndex);
    if (!target) return;
    await this.runner.run(target, mode === 'continue' && previous?.truncated ? previous : undefined);
  }

  dispose(): void {
    this.runner.dispose();
    this.log.dispose();
  }
}
