/** The Intakes view's tree: a file with one intake is one node; a file with several, a node per intake under it. */
import * as vscode from 'vscode';
import type { IntakeSummary } from '../../core/overview/summary';
import type { IndexedFile, OverviewFilter } from '../../core/overview/workspaceIndex';
import { fileDescription, intakeAccessibility, intakeDescription, intakeIcon, intakeLabel, intakeTooltip } from './labels';
import type { IntakeTracker } from './tracker';

export const COMMAND_OPEN = 'intake.intakes.open';

export type IntakeNode =
  | { kind: 'file'; file: IndexedFile; intakes: IntakeSummary[] }
  | { kind: 'intake'; file: IndexedFile; intake: IntakeSummary; single: boolean };

export class IntakesTree implements vscode.TreeDataProvider<IntakeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<IntakeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly tracker: IntakeTracker,
    private filterValue: OverviewFilter,
  ) {
    this.subscription = tracker.onDidChange(() => this.changed.fire(undefined));
  }

  get filter(): OverviewFilter {
    return this.filterValue;
  }

  set filter(value: OverviewFilter) {
    this.filterValue = value;
    this.changed.fire(undefined);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: IntakeNode): IntakeNode[] {
    if (node) return node.kind === 'file' ? node.intakes.map((intake) => ({ kind: 'intake', file: node.file, intake, single: false })) : [];
    // The first time the view shows, it starts the scan; it refreshes as files are read.
    void this.tracker.start();
    return this.tracker.index.list(this.filterValue).map(({ file, intakes }) =>
      file.intakes.length === 1 ? { kind: 'intake', file, intake: intakes[0]!, single: true } : { kind: 'file', file, intakes },
    );
  }

  getParent(node: IntakeNode): IntakeNode | undefined {
    if (node.kind === 'file' || node.single) return undefined;
    const listed = this.tracker.index.list(this.filterValue).find((l) => l.file.uri === node.file.uri);
    return listed ? { kind: 'file', file: listed.file, intakes: listed.intakes } : undefined;
  }

  getTreeItem(node: IntakeNode): vscode.TreeItem {
    const uri = vscode.Uri.parse(node.file.uri);
    if (node.kind === 'file') {
      const item = new vscode.TreeItem(node.file.path.split('/').pop() ?? node.file.path, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.file.uri;
      item.resourceUri = uri;
      item.description = fileDescription(node.file);
      item.tooltip = node.file.path;
      item.contextValue = 'intakeFile';
      item.command = { command: COMMAND_OPEN, title: vscode.l10n.t('Open'), arguments: [node] };
      return item;
    }
    const item = new vscode.TreeItem(intakeLabel(node.file, node.intake), vscode.TreeItemCollapsibleState.None);
    item.id = node.single ? node.file.uri : `${node.file.uri}#${node.intake.index}`;
    item.description = intakeDescription(node.file, node.intake, node.single);
    item.tooltip = intakeTooltip(node.file, node.intake);
    item.iconPath = intakeIcon(node.intake);
    item.accessibilityInformation = { label: intakeAccessibility(node.file, node.intake) };
    item.contextValue = 'intake';
    item.command = { command: COMMAND_OPEN, title: vscode.l10n.t('Open'), arguments: [node] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
