/**
 * A status bar item about the team's knowledge of the active intake (or team file):
 * - in Restricted Mode, when the folder has `.intake/` overlays or branding that are not loaded:
 *   "Team knowledge off", with the reason, opening the workspace trust editor;
 * - when overlays apply: "Team knowledge", with the files and their problem count, opening
 *   Intake: Show Knowledge.
 * Hidden otherwise (no team files: nothing to say).
 */
import * as vscode from 'vscode';
import { isIntake } from '../convert';
import type { TeamKnowledgeService } from './knowledge';
import { isTeamFilePath } from './scope';
import { COMMAND_SHOW_KNOWLEDGE } from './knowledgeCommand';

const STATUS_ID = 'intake.teamKnowledge';

export function registerTeamStatus(team: TeamKnowledgeService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(STATUS_ID, vscode.StatusBarAlignment.Right, 99);
  item.name = vscode.l10n.t('Intake Team Knowledge');
  let turn = 0;
  const update = async (): Promise<void> => {
    const mine = ++turn;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !(isIntake(doc) || isTeamFilePath(doc.uri.fsPath))) {
      item.hide();
      return;
    }
    const state = await team.stateFor(doc.uri);
    if (mine !== turn) return;
    if (state.restricted) {
      item.text = `$(workspace-untrusted) ${vscode.l10n.t('Team knowledge off')}`;
      item.tooltip = vscode.l10n.t("Restricted Mode: this folder's .intake/ knowledge overlays and report branding are not loaded. Trust the folder to use them.");
      item.command = { command: 'workbench.trust.manage', title: vscode.l10n.t('Manage Workspace Trust') };
      item.show();
      return;
    }
    const k = state.knowledge;
    if ((!k || k.isEmbedded) && !state.branding) {
      item.hide();
      return;
    }
    const problems = k?.problems.filter((p) => p.severity !== 'information').length ?? 0;
    item.text = `$(book) ${vscode.l10n.t('Team knowledge')}${problems > 0 ? ` $(warning) ${problems}` : ''}`;
    const files = (k?.files ?? []).map((f) => f.file.split(/[\\/]/).pop()).join(', ');
    item.tooltip = [files ? vscode.l10n.t('Overlays: {0}', files) : '', state.branding ? vscode.l10n.t('Report branding: .intake/report.yaml') : '', problems > 0 ? vscode.l10n.t('{0} problem(s) in the team files (see the Problems panel)', problems) : ''].filter(Boolean).join('\n');
    item.command = { command: COMMAND_SHOW_KNOWLEDGE, title: vscode.l10n.t('Show Knowledge') };
    item.show();
  };
  void update();
  return vscode.Disposable.from(item, vscode.window.onDidChangeActiveTextEditor(() => void update()), team.onDidChange(() => void update()), vscode.workspace.onDidGrantWorkspaceTrust(() => void update()));
}
