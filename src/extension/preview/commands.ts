/**
 * The report commands' implementations, loaded on first use (index.ts registers the commands):
 * - `intake.generateRecommendation` (palette, editor title button, CodeLens): the report of the
 *   intake under the cursor, or of the lens's intake, in a preview beside the editor;
 * - `intake.exportReport` (palette, the preview's Export button): Markdown, self-contained HTML
 *   or Word, saved where the user picks (default: beside the intake). The renderers, `docx`
 *   included, load on the first export.
 */
import * as vscode from 'vscode';
import { exportFileName, type ExportFormat } from '../../core/preview/exportName';
import type { DocumentAnalyses } from '../analyses';
import type { Configuration } from '../config';
import type { PreviewManager } from './manager';
import { loadReportKit } from './reportKit';
import { resolveTarget, type IntakeTarget } from './target';
import { isSameFile, writeFileAtomically } from './atomicExport';

/** Optional third argument of intake.exportReport, for scripted exports (and tests): no dialogs. */
interface ExportOptions {
  format: ExportFormat;
  target: vscode.Uri;
}

function isExportOptions(value: unknown): value is ExportOptions {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (v.format === 'md' || v.format === 'html' || v.format === 'docx') && v.target instanceof vscode.Uri;
}

/** `intake.generateRecommendation`; `startedAt` (performance.now()) is when the command was called. */
export async function generateRecommendation(analyses: DocumentAnalyses, manager: PreviewManager, startedAt: number, uriArg?: unknown, indexArg?: unknown): Promise<void> {
  // From the palette while a preview has the focus: that preview is the answer.
  const focused = manager.active();
  if (!(uriArg instanceof vscode.Uri) && focused && !vscode.window.activeTextEditor) {
    focused.reveal();
    return;
  }
  const target = await resolveTarget(analyses, uriArg, indexArg);
  if (target) manager.show(target.doc, target.intakeIndex, target.editor?.viewColumn, startedAt);
}

/** `intake.exportReport`: returns the written file, or undefined if there was nothing to export or the user cancelled. */
export async function exportReportCommand(analyses: DocumentAnalyses, config: Configuration, manager: PreviewManager, uriArg?: unknown, indexArg?: unknown, options?: unknown): Promise<vscode.Uri | undefined> {
  const focused = manager.active();
  const target =
    !(uriArg instanceof vscode.Uri) && focused
      ? await resolveTarget(analyses, focused.uri, focused.intakeIndex)
      : await resolveTarget(analyses, uriArg, indexArg);
  if (!target) return undefined;
  return exportReport(analyses, config, manager, target, isExportOptions(options) ? options : undefined);
}

interface FormatPick extends vscode.QuickPickItem {
  format: ExportFormat;
}

function formatPicks(): FormatPick[] {
  return [
    { format: 'md', label: 'Markdown', description: '.md', detail: vscode.l10n.t('Plain text with tables; charts as embedded images') },
    { format: 'html', label: 'HTML', description: '.html', detail: vscode.l10n.t('One self-contained, print-friendly file with the charts inline') },
    { format: 'docx', label: 'Word', description: '.docx', detail: vscode.l10n.t('Headings, tables and charts for Microsoft Word or WPS') },
  ];
}

function defaultTarget(doc: vscode.TextDocument, name: string): vscode.Uri | undefined {
  if (doc.uri.scheme !== 'untitled') return vscode.Uri.joinPath(doc.uri, '..', name);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, name) : undefined;
}

function isLocalDesktop(): boolean {
  return vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined;
}

/** Exports the report of `target`; returns the written file, or undefined if the user cancelled. */
async function exportReport(analyses: DocumentAnalyses, config: Configuration, manager: PreviewManager, target: IntakeTarget, scripted: ExportOptions | undefined): Promise<vscode.Uri | undefined> {
  const { doc, intakeIndex } = target;
  let format = scripted?.format;
  if (!format) {
    const pick = await vscode.window.showQuickPick(formatPicks(), { title: vscode.l10n.t('Export Recommendation Report'), placeHolder: vscode.l10n.t('Choose a format') });
    if (!pick) return undefined;
    format = pick.format;
  }
  let file = scripted?.target;
  if (!file) {
    const intakeCount = analyses.get(doc).file.intakes.length;
    const name = exportFileName(doc.uri.path.split('/').pop() ?? 'intake', format, intakeIndex, intakeCount);
    const pick = formatPicks().find((p) => p.format === format)!;
    const defaultUri = defaultTarget(doc, name);
    file = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Recommendation Report'),
      saveLabel: vscode.l10n.t('Export'),
      filters: { [pick.label]: [format] },
      ...(defaultUri ? { defaultUri } : {}),
    });
    if (!file) return undefined;
  }
  const chosen = format;
  const written = file;
  if (await isSameFile(written, doc.uri)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report would overwrite the intake {0}: choose another file.', doc.uri.path.split('/').pop() ?? doc.uri.toString()));
    return undefined;
  }
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting the recommendation report…') }, async () => {
      const kit = await loadReportKit();
      // The report the preview shows when it is of this version; else the analysis builds it (and keeps it).
      const model = await manager.reportModel(doc, intakeIndex);
      if (!model) throw new Error(vscode.l10n.t('Intake {0} does not exist (the file has {1}).', intakeIndex + 1, analyses.get(doc).file.intakes.length));
      // The team's branding (.intake/report.yaml), when the workspace is trusted.
      const { branding } = await manager.team.stateFor(doc.uri);
      const bytes = await kit.renderExport(model, chosen, config.export(doc.uri).references, branding);
      await writeFileAtomically(written, bytes);
    });
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report could not be exported: {0}', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  const shown = offerOpen(written, chosen);
  if (!scripted) await shown;
  return written;
}

async function offerOpen(file: vscode.Uri, format: ExportFormat): Promise<void> {
  const open = vscode.l10n.t('Open');
  const reveal = isLocalDesktop() ? vscode.l10n.t('Reveal in File Explorer') : vscode.l10n.t('Reveal in Explorer View');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported the report to {0}.', file.path.split('/').pop() ?? file.toString()), open, reveal);
  if (choice === open) {
    // Word files open in the system's application; Markdown and HTML as text in the editor.
    if (format === 'docx' && isLocalDesktop()) await vscode.env.openExternal(file);
    else await vscode.commands.executeCommand('vscode.open', file);
  } else if (choice === reveal) {
    await vscode.commands.executeCommand(isLocalDesktop() ? 'revealFileInOS' : 'revealInExplorer', file);
  }
}
