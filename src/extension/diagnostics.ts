/**
 * Publishes the core's diagnostics for intake documents: on open, on change (debounced, per
 * `intake.validate.run`) and on save; cleared on close. Results computed for a version that is
 * no longer current are dropped.
 *
 * The diagnostics come from the document's analysis (DocumentAnalyses), which re-analyses only
 * the intakes an edit touched; their VS Code form is kept per intake too, so an intake the edit
 * left alone costs nothing to publish again. The placeholder severity and the codes to leave out
 * come from the settings and the folder's `.intake/config.yaml` (folderConfig.ts).
 */
import { DIAGNOSTIC_SOURCE } from './diagnosticSource';
import * as vscode from 'vscode';
import type { IntakeDiagnostic, Severity } from '../core/diagnostics';
import type { DiagnosticPolicy } from '../core/folderConfig';
import type { DocumentAnalysis } from '../core/documents/documentAnalysis';
import type { DocumentAnalyses } from './analyses';
import type { Configuration } from './config';
import { isIntake, toRange, toSeverity } from './convert';
import { Debouncer } from './debouncer';
import type { FolderConfigs } from './folderConfig';
import type { TeamKnowledgeService } from './team/knowledge';


type PlaceholderSeverity = Severity | 'off';

/** How diagnostics are shown: the placeholder severity and the codes left out. */
interface Shown {
  severity: PlaceholderSeverity;
  ignore: ReadonlySet<string>;
  /** Both as one string, to tell whether a converted list still applies. */
  key: string;
}

function shownBy(policy: DiagnosticPolicy): Shown {
  const severity = policy.placeholderSeverity ?? 'warning';
  const ignore = [...new Set(policy.ignore)].sort();
  return { severity, ignore: new Set(ignore), key: `${severity}|${ignore.join(',')}` };
}

/**
 * Which version of each document the published diagnostics are of: the diagnostics of an edit
 * are published after a pause (or on save), so for a while they may be of an older text.
 */
export class PublishedVersions {
  private readonly versions = new Map<string, number>();

  versionOf(uri: vscode.Uri): number | undefined {
    return this.versions.get(uri.toString());
  }

  set(uri: vscode.Uri, version: number): void {
    this.versions.set(uri.toString(), version);
  }

  delete(uri: vscode.Uri): void {
    this.versions.delete(uri.toString());
  }
}

type Converted = WeakMap<readonly IntakeDiagnostic[], { shown: string; uri: string; list: vscode.Diagnostic[] }>;

export function registerDiagnostics(analyses: DocumentAnalyses, config: Configuration, folderConfigs: FolderConfigs, team: TeamKnowledgeService, published: PublishedVersions): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const debouncer = new Debouncer<string>();
  // Each intake's diagnostics in VS Code's form, by the core list they were made from.
  const converted: Converted = new WeakMap();

  const refresh = async (doc: vscode.TextDocument): Promise<void> => {
    if (!isIntake(doc) || doc.isClosed) return;
    const version = doc.version;
    // Read once per .intake/ folder, then from memory.
    const shown = shownBy(await folderConfigs.policyFor(doc.uri));
    // Stale guard: a newer edit (or a close) supersedes this result.
    if (doc.isClosed || doc.version !== version) return;
    collection.set(doc.uri, vsDiagnostics(doc.uri, analyses.get(doc), shown, converted));
    published.set(doc.uri, version);
  };
  const refreshAll = (): void => vscode.workspace.textDocuments.forEach((doc) => void refresh(doc));

  const forget = (doc: vscode.TextDocument): void => {
    debouncer.cancel(doc.uri.toString());
    published.delete(doc.uri);
    collection.delete(doc.uri);
  };

  const subscriptions = [
    collection,
    vscode.workspace.onDidOpenTextDocument((doc) => void refresh(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const doc = e.document;
      if (!isIntake(doc) || e.contentChanges.length === 0) return;
      const settings = config.validation(doc.uri);
      if (settings.run !== 'onType') return;
      debouncer.schedule(doc.uri.toString(), settings.debounceMs, () => void refresh(doc));
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => void refresh(doc)),
    vscode.workspace.onDidCloseTextDocument(forget),
    // A document whose language changes to or from `intake` is re-opened by VS Code, but
    // settings changes need an explicit refresh of everything open.
    config.onDidChange((e) => {
      if (e.affects('validate')) refreshAll();
    }),
    folderConfigs.onDidChange(refreshAll),
    // The team's extra fields change what is missing.
    team.onDidChange(refreshAll),
    { dispose: () => debouncer.dispose() },
  ];
  refreshAll();
  return vscode.Disposable.from(...subscriptions);
}

/** The document's diagnostics in VS Code's form, converted intake by intake (or taken from `converted`). */
function vsDiagnostics(uri: vscode.Uri, analysis: DocumentAnalysis, shown: Shown, converted: Converted): vscode.Diagnostic[] {
  const count = analysis.file.intakes.length;
  if (count === 0) return analysis.diagnostics().flatMap((d) => toVsDiagnostic(uri, d, shown));
  const key = uri.toString();
  const out: vscode.Diagnostic[] = [];
  for (let i = 0; i < count; i++) {
    const core = analysis.intake(i)!.diagnostics();
    let hit = converted.get(core);
    if (!hit || hit.shown !== shown.key || hit.uri !== key) {
      hit = { shown: shown.key, uri: key, list: core.flatMap((d) => toVsDiagnostic(uri, d, shown)) };
      converted.set(core, hit);
    }
    for (const d of hit.list) out.push(d);
  }
  return out;
}

function toVsDiagnostic(uri: vscode.Uri, d: IntakeDiagnostic, shown: Shown): vscode.Diagnostic[] {
  if (shown.ignore.has(d.code)) return [];
  let severity = d.severity;
  if (d.code === 'intake.placeholder') {
    if (shown.severity === 'off') return [];
    severity = shown.severity;
  }
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, toSeverity(severity));
  diagnostic.code = d.code;
  diagnostic.source = DIAGNOSTIC_SOURCE;
  if (d.data.kind === 'duplicate-section') {
    diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(d.data.first)), vscode.l10n.t('First occurrence'))];
  }
  return [diagnostic];
}
