/**
 * Publishes the core's diagnostics for intake documents: on open, on change (debounced, per
 * `intake.validate.run`) and on save; cleared on close. Results computed for a version that is
 * no longer current are dropped.
 */
import * as vscode from 'vscode';
import type { IntakeDiagnostic, Severity } from '../core/diagnostics';
import { AnalysisCache } from '../core/analysis/cache';
import { validate } from '../core/validator';
import { isIntake, toRange, toSeverity } from './convert';
import { Debouncer } from './debouncer';
import type { FolderConfigs } from './folderConfig';
import type { ParseCache } from './parseCache';
import { validationSettings } from './settings';

export const DIAGNOSTIC_SOURCE = 'intake';

export function registerDiagnostics(cache: ParseCache, folderConfigs: FolderConfigs): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const debouncer = new Debouncer<string>();
  // One analysis cache per open document: a keystroke re-analyses only the intake it edits.
  const caches = new Map<string, AnalysisCache>();

  const refresh = async (doc: vscode.TextDocument): Promise<void> => {
    if (!isIntake(doc) || doc.isClosed) return;
    const version = doc.version;
    // The placeholder severity and the ignored codes: settings and .intake/config.yaml (folderConfig.ts).
    const policy = await folderConfigs.policyFor(doc.uri);
    if (doc.isClosed || doc.version !== version) return;
    const ignored = new Set(policy.ignore);
    const key = doc.uri.toString();
    let analysisCache = caches.get(key);
    if (!analysisCache) caches.set(key, (analysisCache = new AnalysisCache()));
    const core = validate(cache.get(doc), { analysisCache, text: doc.getText() });
    // Stale guard: a newer edit (or a close) supersedes this result.
    if (doc.isClosed || doc.version !== version) return;
    collection.set(doc.uri, core.flatMap((d) => (ignored.has(d.code) ? [] : toVsDiagnostic(doc.uri, d, policy.placeholderSeverity ?? 'warning'))));
  };

  const forget = (doc: vscode.TextDocument): void => {
    debouncer.cancel(doc.uri.toString());
    caches.delete(doc.uri.toString());
    collection.delete(doc.uri);
  };

  const subscriptions = [
    collection,
    vscode.workspace.onDidOpenTextDocument((doc) => void refresh(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const doc = e.document;
      if (!isIntake(doc) || e.contentChanges.length === 0) return;
      const settings = validationSettings(doc.uri);
      if (settings.run !== 'onType') return;
      debouncer.schedule(doc.uri.toString(), settings.debounceMs, () => void refresh(doc));
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => void refresh(doc)),
    vscode.workspace.onDidCloseTextDocument(forget),
    // A document whose language changes to or from `intake` is re-opened by VS Code, but
    // settings changes need an explicit refresh of everything open.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('intake.validate')) vscode.workspace.textDocuments.forEach((doc) => void refresh(doc));
    }),
    folderConfigs.onDidChange(() => vscode.workspace.textDocuments.forEach((doc) => void refresh(doc))),
    { dispose: () => debouncer.dispose() },
  ];
  vscode.workspace.textDocuments.forEach((doc) => void refresh(doc));
  return vscode.Disposable.from(...subscriptions);
}

function toVsDiagnostic(uri: vscode.Uri, d: IntakeDiagnostic, placeholderSeverity: Severity | 'off'): vscode.Diagnostic[] {
  let severity = d.severity;
  if (d.code === 'intake.placeholder') {
    if (placeholderSeverity === 'off') return [];
    severity = placeholderSeverity;
  }
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, toSeverity(severity));
  diagnostic.code = d.code;
  diagnostic.source = DIAGNOSTIC_SOURCE;
  if (d.data.kind === 'duplicate-section') {
    diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(d.data.first)), vscode.l10n.t('First occurrence'))];
  }
  return [diagnostic];
}
