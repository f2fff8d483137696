/**
 * A feature that adds to every report preview (LLM mode does): it is made for each preview when
 * the preview opens (or at once for the open ones, if registered later), handles the page's
 * messages of its own types, and is told when a page (re)loads so that it can send what it shows
 * again. The manager keeps the factories; each preview owns its contributions.
 */
import type * as vscode from 'vscode';
import type { FromWebview, ToWebview } from '../../protocol/messages';
import type { PreviewEvent } from './observer';

export interface PreviewContribution extends vscode.Disposable {
  /** A page loaded (first, or again after it was hidden): send it what it needs. */
  pageReady?(): void;
  /** The contribution's state, for the integration tests' view of the preview. */
  snapshot?(): unknown;
}

/** What a contribution may do with its preview. */
export interface PreviewContributionApi {
  readonly documentUri: string;
  /** Posts to the page if it is listening; false if not (the next `pageReady` comes then). */
  post(message: ToWebview): boolean;
  /** Handles the page's messages of `type`. */
  on<T extends FromWebview['type']>(type: T, handler: (message: Extract<FromWebview, { type: T }>) => void | Promise<void>): void;
  notify(event: PreviewEvent): void;
}

export type PreviewContributionFactory<P> = (preview: P, api: PreviewContributionApi) => PreviewContribution;
