/**
 * Registers **Intake: Show Knowledge** at activation; the viewer (showKnowledge.ts) loads on
 * first use (onDemand.ts).
 */
import type * as vscode from 'vscode';
import { Lazy, registerLazyCommand } from '../lazy';
import type { TeamKnowledgeService } from './knowledge';

export const COMMAND_SHOW_KNOWLEDGE = 'intake.showKnowledge';

export function registerShowKnowledge(team: TeamKnowledgeService): vscode.Disposable {
  const viewer = new Lazy(() => import('../onDemand'));
  return registerLazyCommand(COMMAND_SHOW_KNOWLEDGE, viewer, ({ showKnowledge }, uriArg, options) => showKnowledge(team, uriArg, options));
}
