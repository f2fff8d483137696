/** The webview side of the VS Code bridge: posting typed messages and keeping state. */
import type { FromWebview, PreviewState } from '../protocol/messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** acquireVsCodeApi may be called only once per page. */
const api = acquireVsCodeApi();

export function post(message: FromWebview): void {
  api.postMessage(message);
}

export function savedState(): unknown {
  return api.getState();
}

export function saveState(state: PreviewState): void {
  api.setState(state);
}
