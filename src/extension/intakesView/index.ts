/**
 * The Intakes view (Explorer): every intake in the workspace with its industry, completeness
 * and error and warning counts, kept current by the tracker. Its context menu opens an intake,
 * generates its recommendation or exports it; its toolbar starts a new intake, shows only the
 * incomplete ones, or re-scans.
 */
import * as vscode from 'vscode';
import type { OverviewFilter } from '../../core/overview/workspaceIndex';
import type { DocumentAnalyses } from '../analyses';
import type { Configuration } from '../config';
import type { PublishedVersions } from '../diagnostics';
import { COMMAND_EXPORT_REPORT, COMMAND_GENERATE_RECOMMENDATION } from '../preview/commandIds';
import { COMMAND_OPEN, IntakesTree, type IntakeNode } from './tree';
import { IntakeTracker, type DiagnosticPolicies, type TeamCatalogs } from './tracker';

const VIEW_ID = 'intake.intakes';
const FILTER_CONTEXT = 'intake.intakes.incompleteOnly';
const SCANNED_CONTEXT = 'intake.intakes.scanned';
const FILTER_STATE = 'intake.intakes.filter';

export type { IntakeNode };

/** What the integration tests observe (returned from `activate` in test runs only). */
export interface IntakesViewTestApi {
  /** Starts the scan, as showing the view does, and resolves when every pending read is done. */
  idle(): Promise<void>;
  readonly onDidChange: vscode.Event<void>;
  /** The nodes the view shows, children after their file, with what each says. */
  nodes(): { node: IntakeNode; item: vscode.TreeItem }[];
}

function nodeTarget(node: unknown): { uri: vscode.Uri; index: number } | undefined {
  if (!node || typeof node !== 'object' || !('kind' in node) || !('file' in node)) return undefined;
  const n = node as IntakeNode;
  return { uri: vscode.Uri.parse(n.file.uri), index: n.kind === 'intake' ? n.intake.index : 0 };
}

export function registerIntakesView(
  context: vscode.ExtensionContext,
  analyses: DocumentAnalyses,
  config: Configuration,
  policies: DiagnosticPolicies,
  published: PublishedVersions,
  catalogs: TeamCatalogs,
): { disposable: vscode.Disposable; testApi: IntakesViewTestApi } {
  const tracker = new IntakeTracker(analyses, config, policies, published, catalogs);
  const initial = context.workspaceState.get<OverviewFilter>(FILTER_STATE) === 'incomplete' ? 'incomplete' : 'all';
  const tree = new IntakesTree(tracker, initial);
  const view = vscode.window.createTreeView<IntakeNode>(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });

  const updateMessage = (): void => {
    if (!tracker.ready) view.message = vscode.l10n.t('Looking for intakes…');
    else if (tree.filter === 'incomplete') {
      const c = tracker.index.counts();
      view.message = vscode.l10n.t('Incomplete intakes only: {0} of {1}', c.incomplete, c.intakes);
    } else view.message = undefined;
    void vscode.commands.executeCommand('setContext', SCANNED_CONTEXT, tracker.ready);
  };
  const setFilter = async (filter: OverviewFilter): Promise<void> => {
    tree.filter = filter;
    await context.workspaceState.update(FILTER_STATE, filter);
    await vscode.commands.executeCommand('setContext', FILTER_CONTEXT, filter === 'incomplete');
    updateMessage();
  };
  void vscode.commands.executeCommand('setContext', FILTER_CONTEXT, initial === 'incomplete');
  updateMessage();

  const open = async (node: unknown): Promise<void> => {
    const target = nodeTarget(node);
    if (!target) return;
    // The intake's current first line: the node may be older than the last edit.
    const current = tracker.index.get(target.uri.toString())?.intakes[target.index];
    const line = current?.range.start.line ?? 0;
    const position = new vscode.Position(line, 0);
    await vscode.window.showTextDocument(target.uri, { selection: new vscode.Range(position, position), preview: false });
  };

  const disposable = vscode.Disposable.from(
    tracker,
    tree,
    view,
    tracker.onDidChange(updateMessage),
    vscode.commands.registerCommand(COMMAND_OPEN, open),
    vscode.commands.registerCommand('intake.intakes.generate', async (node: unknown) => {
      const target = nodeTarget(node);
      if (target) await vscode.commands.executeCommand(COMMAND_GENERATE_RECOMMENDATION, target.uri, target.index);
    }),
    // (node, selected nodes, scripted options): VS Code passes the first two from the context menu.
    vscode.commands.registerCommand('intake.intakes.export', async (node: unknown, _selected?: unknown, options?: unknown) => {
      const target = nodeTarget(node);
      return target ? vscode.commands.executeCommand(COMMAND_EXPORT_REPORT, target.uri, target.index, options) : undefined;
    }),
    vscode.commands.registerCommand('intake.intakes.showIncomplete', () => setFilter('incomplete')),
    vscode.commands.registerCommand('intake.intakes.showAll', () => setFilter('all')),
    vscode.commands.registerCommand('intake.intakes.refresh', async () => {
      await tracker.rescan();
      tree.refresh();
    }),
  );

  const testApi: IntakesViewTestApi = {
    idle: () => tracker.idle(),
    onDidChange: tracker.onDidChange,
    nodes: () => {
      const out: { node: IntakeNode; item: vscode.TreeItem }[] = [];
      const visit = (nodes: IntakeNode[]) => {
        for (const node of nodes) {
          out.push({ node, item: tree.getTreeItem(node) });
          visit(tree.getChildren(node));
        }
      };
      visit(tree.getChildren());
      return out;
    },
  };
  return { disposable, testApi };
}
