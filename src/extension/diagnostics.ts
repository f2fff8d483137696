/**
 * Publishes the core's diagnostics for intake documents: on open, on change (debounced, per
 * `intake.validate.run`) and on save; cleared on close. Results computed for a version that is
 * no longer current are dropped.
 *
 * The diagnostics come from the document's analysis (DocumentAnalyses), which re-analyses only
 * the intakes an edit touched; their VS Code form is kept per intake too, so an intake the edit
 * left alone costs nothing to publish again.
 */
import * as vscode from 'vscode';
import type { IntakeDiagnostic, Severity } from '../core/diagnostics';
import type { DocumentAnalysis } from '../core/documents/documentAnalysis';
import type { DocumentAnalyses } from './analyses';
import type { Configuration } from './config';
import { isIntake, toRange, toSeverity } from './convert';
import { Debouncer } from './debouncer';

export const DIAGNOSTIC_SOURCE = 'intake';

type PlaceholderSeverity = Severity | 'off';

export function registerDiagnostics(analyses: DocumentAnalyses, config: Configuration): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const debouncer = new Debouncer<string>();
  // Each intake's diagnostics in VS Code's form, by the core list they were made from.
  const converted = new WeakMap<readonly IntakeDiagnostic[], { severity: PlaceholderSeverity; uri: string; list: vscode.Diagnostic[] }>();

  const refresh = (doc: vscode.TextDocument): void => {
    if (!isIntake(doc) || doc.isClosed) return;
    const version = doc.version;
    const settings = config.validation(doc.uri);
    const diagnostics = vsDiagnostics(doc.uri, analyses.get(doc), settings.placeholderSeverity, converted);
    // Stale guard: a newer edit (or a close) supersedes this result.
    if (doc.isClosed || doc.version !== version) return;
    collection.set(doc.uri, diagnostics);
  };

  const forget = (doc: vscode.TextDocument): void => {
    debouncer.cancel(doc.uri.toString());
    collection.delete(doc.uri);
  };

  const subscriptions = [
    collection,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const doc = e.document;
      if (!isIntake(doc) || e.contentChanges.length === 0) return;
      const settings = config.validation(doc.uri);
      if (settings.run !== 'onType') return;
      debouncer.schedule(doc.uri.toString(), settings.debounceMs, () => refresh(doc));
    }),
    vscode.workspace.onDidSaveTextDocument(refresh),
    vscode.workspace.onDidCloseTextDocument(forget),
    // A document whose language changes to or from `intake` is re-opened by VS Code, but
    // settings changes need an explicit refresh of everything open.
    config.onDidChange((e) => {
      if (e.affects('validate')) vscode.workspace.textDocuments.forEach(refresh);
    }),
    { dispose: () => debouncer.dispose() },
  ];
  vscode.workspace.textDocuments.forEach(refresh);
  return vscode.Disposable.from(...subscriptions);
}

/** The document's diagnostics in VS Code's form, converted intake by intake (or taken from `converted`). */
function vsDiagnostics(
  uri: vscode.Uri,
  analysis: DocumentAnalysis,
  severity: PlaceholderSeverity,
  converted: WeakMap<readonly IntakeDiagnostic[], { severity: PlaceholderSeverity; uri: string; list: vscode.Diagnostic[] }>,
): vscode.Diagnostic[] {
  const count = analysis.file.intakes.length;
  if (count === 0) return analysis.diagnostics().flatMap((d) => toVsDiagnostic(uri, d, severity));
  const key = uri.toString();
  const out: vscode.Diagnostic[] = [];
  for (let i = 0; i < count; i++) {
    const core = analysis.intake(i)!.diagnostics();
    let hit = converted.get(core);
    if (!hit || hit.severity !== severity || hit.uri !== key) {
      hit = { severity, uri: key, list: core.flatMap((d) => toVsDiagnostic(uri, d, severity)) };
      converted.set(core, hit);
    }
    for (const d of hit.list) out.push(d);
  }
  return out;
}

function toVsDiagnostic(uri: vscode.Uri, d: IntakeDiagnostic, placeholderSeverity: PlaceholderSeverity): vscode.Diagnostic[] {
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
