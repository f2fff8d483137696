/**
 * One analysis per version of each open intake document (core/documents), shared by every
 * provider: diagnostics, code actions, completion, hover, symbols, folding, CodeLens, the status
 * bar and the report preview. A keystroke is analysed once however many features ask, and only
 * the intakes it touched are analysed again.
 */
import * as vscode from 'vscode';
import type { FieldCatalog } from '../core/catalog/catalog';
import type { DocumentAnalysis } from '../core/documents/documentAnalysis';
import { AnalysisStore } from '../core/documents/store';

export class DocumentAnalyses implements vscode.Disposable {
  private readonly store = new AnalysisStore();
  private readonly subscription: vscode.Disposable;

  /** `catalogOf`: the catalog with the team's extra fields for a document, when it has some (team/knowledge.ts). */
  constructor(private readonly catalogOf: (uri: vscode.Uri) => FieldCatalog | undefined = () => undefined) {
    this.subscription = vscode.workspace.onDidCloseTextDocument((doc) => this.store.delete(doc.uri.toString()));
  }

  /** The analysis of the document as it is now (its current version). */
  get(doc: vscode.TextDocument): DocumentAnalysis {
    return this.store.get(doc.uri.toString(), doc.version, () => doc.getText(), this.catalogOf(doc.uri));
  }

  dispose(): void {
    this.subscription.dispose();
    this.store.clear();
  }
}
