/**
 * LLM mode's part of every report preview: the LLM version of the intake's report (an
 * {@link LlmPane}), the page's LLM buttons (cancel, continue, retry, set the key, back to the
 * offline report) and the version toggle. Registered with the preview manager as a
 * contribution, so the preview itself knows nothing of LLM mode.
 */
import type { LlmReport } from '../../core/llm/generateLlm';
import type { PreviewContribution, PreviewContributionApi } from '../preview/contribution';
import { LlmPane, type LlmSnapshot } from '../preview/llmPane';
import type { IntakePreview } from '../preview/panel';

export const LLM_CONTRIBUTION = 'llm';

/** What the LLM view's buttons do (the runner and the key commands). */
export interface LlmActions {
  cancel(preview: IntakePreview): void;
  rerun(preview: IntakePreview, mode: 'continue' | 'retry'): Promise<void>;
  setApiKey(): Promise<void>;
}

export class LlmContribution implements PreviewContribution {
  readonly pane: LlmPane<LlmReport>;

  constructor(preview: IntakePreview, api: PreviewContributionApi, actions: LlmActions) {
    this.pane = new LlmPane<LlmReport>({
      documentUri: api.documentUri,
      // A page that is not listening gets everything again when it says `ready`.
      post: (m) => void api.post(m),
      fire: (event) => api.notify({ type: 'llm', event }),
    });
    api.on('toggleVersion', (m) => this.pane.shown(m.version));
    api.on('showOffline', () => this.pane.show('offline'));
    api.on('cancelLlm', () => actions.cancel(preview));
    api.on('continueLlm', () => actions.rerun(preview, 'continue'));
    api.on('retryLlm', () => actions.rerun(preview, 'retry'));
    api.on('setApiKey', () => actions.setApiKey());
  }

  pageReady(): void {
    this.pane.resend();
  }

  snapshot(): LlmSnapshot | undefined {
    return this.pane.hasContent ? this.pane.snapshot() : undefined;
  }

  dispose(): void {
    this.pane.dispose();
  }
}

/** The LLM pane of a preview. */
export function llmPaneOf(preview: IntakePreview): LlmPane<LlmReport> {
  const contribution = preview.contribution<LlmContribution>(LLM_CONTRIBUTION);
  if (!contribution) throw new Error('LLM mode is not registered with the preview');
  return contribution.pane;
}
