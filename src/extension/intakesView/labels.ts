/** What a node of the Intakes view says: label, description, tooltip, icon. */
import * as vscode from 'vscode';
import type { IntakeSummary } from '../../core/overview/summary';
import type { IndexedFile } from '../../core/overview/workspaceIndex';
import { previewSubject } from '../../core/preview/title';

function fileName(file: IndexedFile): string {
  return file.path.split('/').pop() ?? file.path;
}

/** `保险 · 车险理赔自动化`, or the file's name when the intake names no industry yet. */
export function intakeLabel(file: IndexedFile, intake: IntakeSummary): string {
  return previewSubject({
    ...(intake.industry !== undefined ? { industry: intake.industry } : {}),
    ...(intake.segment !== undefined ? { segment: intake.segment } : {}),
    intakeIndex: intake.index,
    intakeCount: 1,
    fileName: fileName(file),
  });
}

function problemsText(intake: IntakeSummary): string {
  const parts: string[] = [];
  if (intake.errors > 0) parts.push(intake.errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', intake.errors));
  if (intake.warnings > 0) parts.push(intake.warnings === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', intake.warnings));
  return parts.join(', ');
}

/**
 * `78% · 2 errors, 5 warnings · customer.intake` for a file's only intake;
 * `#2 · 78% · 2 errors, 5 warnings` for one of several.
 */
export function intakeDescription(file: IndexedFile, intake: IntakeSummary, single: boolean): string {
  const parts = [single ? '' : `#${intake.index + 1}`, `${intake.percent}%`, problemsText(intake), single ? file.path : ''];
  return parts.filter((p) => p.length > 0).join(' · ');
}

export function fileDescription(file: IndexedFile): string {
  return vscode.l10n.t('{0} intakes', file.intakes.length);
}

export function intakeIcon(intake: IntakeSummary): vscode.ThemeIcon {
  if (intake.errors > 0) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (intake.warnings > 0) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  if (intake.percent >= 100) return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  return new vscode.ThemeIcon('circle-large-outline');
}

export function intakeTooltip(file: IndexedFile, intake: IntakeSummary): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(intakeLabel(file, intake))}**\n\n`);
  const where = file.intakes.length > 1 ? vscode.l10n.t('{0}, intake {1} of {2}, line {3}', file.path, intake.index + 1, file.intakes.length, intake.range.start.line + 1) : vscode.l10n.t('{0}, line {1}', file.path, intake.range.start.line + 1);
  md.appendMarkdown(`${escape(where)}\n\n`);
  md.appendMarkdown(`${escape(vscode.l10n.t('{0}% complete', intake.percent))} · ${escape(vscode.l10n.t('Placeholders left: {0}', intake.placeholders))}\n\n`);
  md.appendMarkdown(escape(vscode.l10n.t('Errors: {0} · Warnings: {1}', intake.errors, intake.warnings)));
  return md;
}

export function intakeAccessibility(file: IndexedFile, intake: IntakeSummary): string {
  return vscode.l10n.t('{0}, {1}% complete, {2} errors, {3} warnings, {4}', intakeLabel(file, intake), intake.percent, intake.errors, intake.warnings, file.path);
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);
}
