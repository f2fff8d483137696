/**
 * One parse per document version, shared by every provider (diagnostics, completion, hover,
 * symbols, folding, status bar), so a keystroke costs one parse however many features ask.
 */
import * as vscode from 'vscode';
import { parseIntake } from '../core/parser';
import type { IntakeFile } from '../core/model';

export class ParseCache implements vscode.Disposable {
  private readonly entries = new Map<string, { version: number; file: IntakeFile }>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidCloseTextDocument((doc) => this.entries.delete(doc.uri.toString()));
  }

  get(doc: vscode.TextDocument): IntakeFile {
    const key = doc.uri.toString();
    const hit = this.entries.get(key);
    if (hit && hit.version === doc.version) return hit.file;
    const file = parseIntake(doc);
    this.entries.set(key, { version: doc.version, file });
    return file;
  }

  dispose(): void {
    this.subscription.dispose();
    this.entries.clear();
  }
}
