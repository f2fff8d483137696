/** The webview's localised words, and the error banner's sentence. */
import * as vscode from 'vscode';
import type { ErrorSummary, Labels } from '../../protocol/messages';

export function webviewLabels(): Labels {
  return {
    export: vscode.l10n.t('Export…'),
    exportTooltip: vscode.l10n.t('Export the report as Markdown, HTML or Word'),
    showProblems: vscode.l10n.t('Show Problems'),
    engine: vscode.l10n.t('Offline engine'),
    engineTooltip: vscode.l10n.t('Generated offline from the intake and the built-in knowledge base'),
    refTooltip: vscode.l10n.t('Go to this line of the intake'),
    toolbar: vscode.l10n.t('Report actions'),
  };
}

export function errorSummary(count: number): ErrorSummary {
  let text = '';
  if (count === 1) text = vscode.l10n.t('The intake has 1 error. The report is generated from what could be read.');
  else if (count > 1) text = vscode.l10n.t('The intake has {0} errors. The report is generated from what could be read.', count);
  return { count, text };
}

export function titleFrame(subject: string): string {
  return vscode.l10n.t('Recommendation: {0}', subject);
}
