/**
 * Entry point. Activation stays light: it wires the providers and nothing else (no knowledge
 * base, no network client). Each feature lives in its own file and returns a Disposable.
 */
import * as vscode from 'vscode';
import { configureL10n } from '../core/l10n';
import { DocumentAnalyses } from './analyses';
import { registerCodeActions } from './codeActions';
import { registerEditCommands } from './commands';
import { FolderConfigs } from './folderConfig';
import { IntakeFolderWatcher } from './intakeFolderWatcher';
import { registerCompletion } from './completion';
import { INTAKE_SELECTOR } from './convert';
import { PublishedVersions, registerDiagnostics } from './diagnostics';
import { registerFolding } from './folding';
import { registerHover } from './hover';
import { Configuration } from './config';
import { registerIntakesView, type IntakesViewTestApi } from './intakesView';
import { toldOnFailure } from './loadError';
import { registerLlm, type LlmTestApi } from './llm';
import { registerNewIntake } from './newIntake';
import { registerPreview, type PreviewTestApi } from './preview';
import { registerStatusBar } from './statusBar';
import { registerSymbols } from './symbols';
import { TeamKnowledgeService } from './team/knowledge';
import { registerShowKnowledge } from './team/knowledgeCommand';
import { registerTeamStatus } from './team/status';

/** Returned from `activate` only in test runs (see isTestRun): hooks the integration suite observes. */
export interface IntakeStudioTestApi {
  preview: PreviewTestApi;
  llm: LlmTestApi;
  intakes: IntakesViewTestApi;
}

/**
 * A test run: VS Code's own test mode (@vscode/test-electron), or code-server started by the e2e
 * harness, which sets INTAKE_STUDIO_TEST_API=1 (code-server cannot run in test mode).
 */
function isTestRun(context: vscode.ExtensionContext): boolean {
  return context.extensionMode === vscode.ExtensionMode.Test || process.env.INTAKE_STUDIO_TEST_API === '1';
}

export function activate(context: vscode.ExtensionContext): IntakeStudioTestApi | undefined {
  // The core localises through src/core/l10n.ts; hand it the bundle VS Code loaded for us.
  configureL10n(vscode.l10n.bundle);
  // One analysis per document version, and one object for the settings, shared by every feature.
  const config = new Configuration();
  // The team's knowledge and branding (.intake/, intake.knowledge.paths), loaded per folder when first asked for.
  // One watcher of the `.intake/` folders, for the folder config and the team's files alike.
  const intakeFolders = new IntakeFolderWatcher();
  // The readers of `.intake/` files load with the features used on demand (onDemand.ts: one chunk);
  // a failed load is told to the user here, and each feature falls back on its own.
  const readers = toldOnFailure(() => import('./onDemand'));
  const team = new TeamKnowledgeService(config, intakeFolders, readers);
  const analyses = new DocumentAnalyses((uri) => team.catalogFor(uri));
  const folderConfigs = new FolderConfigs(config, intakeFolders, readers);
  const published = new PublishedVersions();
  const analysisOf = (doc: vscode.TextDocument) => analyses.get(doc);
  const preview = registerPreview(context, analyses, config, INTAKE_SELECTOR, team);
  const llm = registerLlm(context, analyses, config, preview.loader);
  const intakes = registerIntakesView(context, analyses, config, folderConfigs, published, team);
  context.subscriptions.push(
    analyses,
    config,
    intakeFolders,
    team,
    folderConfigs,
    registerDiagnostics(analyses, config, folderConfigs, team, published),
    registerCodeActions(analyses, folderConfigs),
    registerEditCommands(analyses, folderConfigs),
    registerCompletion(INTAKE_SELECTOR, analysisOf),
    registerHover(INTAKE_SELECTOR, analysisOf),
    registerSymbols(INTAKE_SELECTOR, analysisOf),
    registerFolding(INTAKE_SELECTOR, analysisOf),
    registerStatusBar(analysisOf),
    registerNewIntake(),
    registerShowKnowledge(team),
    registerTeamStatus(team),
    preview.disposable,
    llm.disposable,
    intakes.disposable,
  );
  return isTestRun(context) ? { preview: preview.testApi, llm: llm.testApi, intakes: intakes.testApi } : undefined;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
