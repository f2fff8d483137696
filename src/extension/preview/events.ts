/**
 * What the previews report, as events: renders and paints, LLM pane events, messages posted. Made
 * at activation, before the preview's code loads (index.ts), so that the test API can be
 * subscribed to at once; the manager fires them once it exists.
 */
import * as vscode from 'vscode';
import type { ToWebview } from '../../protocol/messages';
import type { LlmPaneEvent } from './llmPane';
import type { PreviewRenderEvent } from './observer';
import type { IntakePreview } from './panel';

export class PreviewEvents implements vscode.Disposable {
  readonly render = new vscode.EventEmitter<PreviewRenderEvent>();
  /** The LLM panes' events (start, delta, done, version). */
  readonly llm = new vscode.EventEmitter<{ preview: IntakePreview; event: LlmPaneEvent }>();
  /** Every message posted to a page. */
  readonly post = new vscode.EventEmitter<{ preview: IntakePreview; message: ToWebview }>();

  dispose(): void {
    this.render.dispose();
    this.llm.dispose();
    this.post.dispose();
  }
}
