/**
 * A status bar item with the completeness of the intake under the cursor ("$(checklist) 72%"),
 * its tooltip listing what is missing. Shown only for `intake` editors; clicking it opens the
 * Problems panel.
 */
import * as vscode from 'vscode';
import { getCompleteness } from '../core/features/completeness';
import { escapeMarkdown as escape } from '../core/features/context';
import { intakeName } from '../core/features/symbols';
import { locateIntake } from '../core/facts/locate';
import type { IntakeFile } from '../core/model';
import { isIntake } from './convert';
import { Debouncer } from './debouncer';

const STATUS_BAR_ID = 'intake.completeness';
const SELECTION_DELAY_MS = 100;
const EDIT_DELAY_MS = 300;
const MAX_MISSING = 12;

export function registerStatusBar(getFile: (doc: vscode.TextDocument) => IntakeFile): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Intake Completeness');
  item.command = { command: 'workbench.actions.view.problems', title: vscode.l10n.t('Show Problems') };
  const debouncer = new Debouncer<'update'>();

  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isIntake(editor.document) || editor.document.isClosed) {
      item.hide();
      return;
    }
    const file = getFile(editor.document);
    // Hidden between intakes (below a separator), where a new one is being started.
    const intake = locateIntake(file, editor.selection.active.line).intake;
    if (!intake) {
      item.hide();
      return;
    }
    const c = getCompleteness(intake);
    item.text = `$(checklist) ${c.percent}%`;
    item.accessibilityInformation = { label: vscode.l10n.t('Intake {0}% complete', c.percent) };
    item.tooltip = tooltip(intakeName(intake), c);
    item.show();
  };
  const schedule = (delay: number) => debouncer.schedule('update', delay, update);

  update();
  return vscode.Disposable.from(
    item,
    { dispose: () => debouncer.dispose() },
    vscode.window.onDidChangeActiveTextEditor(() => {
      debouncer.cancel('update');
      update();
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === vscode.window.activeTextEditor) schedule(SELECTION_DELAY_MS);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) schedule(EDIT_DELAY_MS);
    }),
    // A language change re-opens the document; the status may need to appear or go.
    vscode.workspace.onDidOpenTextDocument(() => schedule(EDIT_DELAY_MS)),
    vscode.workspace.onDidCloseTextDocument(() => schedule(EDIT_DELAY_MS)),
  );
}

function tooltip(name: string, c: ReturnType<typeof getCompleteness>): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(name)}** — ${vscode.l10n.t('{0}% complete', c.percent)}\n\n`);
  md.appendMarkdown(`${escape(vscode.l10n.t('Required entries filled: {0} of {1}', c.requiredFilled, c.requiredTotal))}\n\n`);
  md.appendMarkdown(`${escape(vscode.l10n.t('Placeholders left: {0}', c.placeholders))}\n\n`);
  if (c.missing.length > 0) {
    md.appendMarkdown(`${escape(vscode.l10n.t('Missing:'))}\n\n`);
    for (const m of c.missing.slice(0, MAX_MISSING)) md.appendMarkdown(`- ${escape(m)}\n`);
    if (c.missing.length > MAX_MISSING) md.appendMarkdown(`- ${escape(vscode.l10n.t('… and {0} more', c.missing.length - MAX_MISSING))}\n`);
    md.appendMarkdown('\n');
  }
  md.appendMarkdown(`*${escape(vscode.l10n.t('Click to open the Problems panel.'))}*`);
  return md;
}
