/**
 * LLM mode in VS Code: the commands `Intake: Generate Recommendation (LLM)`, `Intake: Set API
 * Key` and `Intake: Clear API Key`, and the LLM view's buttons in the preview. Registering costs
 * nothing: LLM mode's code (session.ts, in onDemand.ts) loads when a command is first used, its contribution to
 * the previews with the preview's code; the engine, `openai` and `undici` on the first run (run.ts).
 */
import * as vscode from 'vscode';
import type { DocumentAnalyses } from '../analyses';
import type { Configuration } from '../config';
import { Lazy, loadOrTell, registerLazyCommand } from '../lazy';
import type { PreviewLoader } from '../preview';
import { COMMAND_CLEAR_API_KEY, COMMAND_GENERATE_LLM, COMMAND_SET_API_KEY } from './commandIds';
import type { LlmActions } from './contribution';

/** What the integration tests observe of LLM mode (see extension.ts: test runs only). */
export interface LlmTestApi {
  /** The lines written to the "Intake Studio LLM" output channel (scrubbed), oldest first. */
  log(): string[];
}

export function registerLlm(
  context: vscode.ExtensionContext,
  analyses: DocumentAnalyses,
  config: Configuration,
  preview: PreviewLoader,
): { disposable: vscode.Disposable; testApi: LlmTestApi } {
  const llm = new Lazy(async () => {
    const { LlmSession, clearApiKey, setApiKey } = await import('../onDemand');
    const session = new LlmSession(context.secrets, analyses, config, await preview.manager());
    return {
      session,
      setApiKey: (arg: unknown) => setApiKey(session.keys, arg),
      clearApiKey: () => clearApiKey(session.keys),
      dispose: () => session.dispose(),
    };
  });
  const actions: LlmActions = {
    // A run to cancel has loaded LLM mode.
    cancel: (p) => void llm.loaded?.session.runner.cancel(p),
    setApiKey: async () => {
      await vscode.commands.executeCommand(COMMAND_SET_API_KEY);
    },
    rerun: async (p, mode) => {
      await (await loadOrTell(llm))?.session.rerun(p, mode);
    },
  };
  // LLM mode is a contribution to every preview (its pane, its buttons, its messages), made with the manager.
  preview.onManager(async (manager) => {
    const { LLM_CONTRIBUTION, LlmContribution } = await import('../onDemand');
    return manager.contribute(LLM_CONTRIBUTION, (p, api) => new LlmContribution(p, api, actions));
  });
  const disposable = vscode.Disposable.from(
    llm,
    registerLazyCommand(COMMAND_GENERATE_LLM, llm, ({ session }, uriArg, indexArg) => session.generate(uriArg, indexArg)),
    registerLazyCommand(COMMAND_SET_API_KEY, llm, (loaded, arg) => loaded.setApiKey(arg)),
    registerLazyCommand(COMMAND_CLEAR_API_KEY, llm, (loaded) => loaded.clearApiKey()),
  );
  return { disposable, testApi: { log: () => llm.loaded?.session.log.lines() ?? [] } };
}
