/** A "Generate Recommendation" CodeLens above each intake of a file; it passes the uri and the intake's index. */
import * as vscode from 'vscode';
import type { DocumentAnalysis } from '../../core/documents/documentAnalysis';
import { COMMAND_GENERATE_RECOMMENDATION } from './commandIds';

export function registerCodeLens(selector: vscode.DocumentSelector, analysisOf: (doc: vscode.TextDocument) => DocumentAnalysis): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider(selector, {
    provideCodeLenses(doc) {
      const title = `$(preview) ${vscode.l10n.t('Generate Recommendation')}`;
      const tooltip = vscode.l10n.t('Show the recommendation report for this intake beside the editor');
      return analysisOf(doc).file.intakes.map((intake) => {
        const line = intake.range.start.line;
        return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title, tooltip, command: COMMAND_GENERATE_RECOMMENDATION, arguments: [doc.uri, intake.index] });
      });
    },
  });
}
