/**
 * What a preview reports of itself, to one observer (the manager): renders and paints, every
 * message posted, LLM pane events, and lines for the log. The integration tests' hooks and the
 * first-paint timing in the output channel are both built on it.
 */
import type { ToWebview } from '../../protocol/messages';
import type { LlmPaneEvent } from './llmPane';

export interface PreviewRenderEvent {
  uri: string;
  intakeIndex: number;
  version: number;
  /** `render`/`update`: posted to the webview (or written into its page); `paint`: the webview reports it painted. */
  kind: 'render' | 'update' | 'paint';
  html?: string;
  /** For `paint`: the webview's own measure (see the `rendered` message). */
  paintMs?: number;
  /** For `paint`: ms from the command (or the restore) that opened the preview. */
  sinceOpenMs?: number;
}

export type PreviewEvent =
  | { type: 'render'; event: PreviewRenderEvent }
  | { type: 'post'; message: ToWebview }
  | { type: 'llm'; event: LlmPaneEvent }
  | { type: 'log'; message: string };

export interface PreviewObserver<P> {
  notify(preview: P, event: PreviewEvent): void;
}
