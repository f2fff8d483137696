/**
 * LLM mode in VS Code: the commands `Intake: Generate Recommendation (LLM)`, `Intake: Set API
 * Key` and `Intake: Clear API Key`, and the LLM view's buttons in the preview. Registering costs
 * nothing: the engine, `openai` and `undici` load on the first run (run.ts).
 */
import * as vscode from 'vscode';
import type { ParseCache } from '../parseCache';
import type { PreviewManager } from '../preview/manager';
import { resolveTarget } from '../preview/target';
import { ApiKeyStore, COMMAND_SET_API_KEY, registerApiKeyCommands } from './apiKey';
import { LlmLog } from './log';
import { LlmRunner, type LlmRunResult } from './run';

const COMMAND_GENERATE_LLM = 'intake.generateRecommendationLlm';

/** What the integration tests observe of LLM mode (see extension.ts: test runs only). */
export interface LlmTestApi {
  /** The lines written to the "Intake Studio LLM" output channel (scrubbed), oldest first. */
  log(): string[];
}

export function registerLlm(context: vscode.ExtensionContext, cache: ParseCache, manager: PreviewManager): { disposable: vscode.Disposable; testApi: LlmTestApi } {
  const log = new LlmLog();
  const keys = new ApiKeyStore(context.secrets);
  const runner = new LlmRunner(manager, keys, log, cache);
  manager.llmActions = async (preview, action) => {
    switch (action) {
      case 'cancel':
        runner.cancel(preview);
        return;
      case 'setApiKey':
        await vscode.commands.executeCommand(COMMAND_SET_API_KEY);
        return;
      case 'continue':
      case 'retry': {
        const previous = preview.llm.result;
        const target = await resolveTarget(cache, preview.uri, preview.intakeIndex);
        if (!target) return;
        // Continue only what was truncated; anything else starts over.
        await runner.run(target, action === 'continue' && previous?.truncated ? previous : undefined);
        return;
      }
    }
  };
  const disposable = vscode.Disposable.from(
    runner,
    log,
    registerApiKeyCommands(keys),
    vscode.commands.registerCommand(COMMAND_GENERATE_LLM, async (uriArg?: unknown, indexArg?: unknown): Promise<LlmRunResult | undefined> => {
      // From the palette while a preview has the focus: that preview's intake.
      const focused = manager.active();
      const target =
        !(uriArg instanceof vscode.Uri) && focused && !vscode.window.activeTextEditor
          ? await resolveTarget(cache, focused.uri, focused.intakeIndex)
          : await resolveTarget(cache, uriArg, indexArg);
      return target ? runner.run(target) : undefined;
    }),
    { dispose: () => (manager.llmActions = undefined) },
  );
  return { disposable, testApi: { log: () => log.lines() } };
}
