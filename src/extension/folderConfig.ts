/**
 * `.intake/config.yaml` in the editor: the same file the CLI reads (core/folderConfig.ts), found
 * by the same rule (core/intakeFolder.ts), so that a file shows in the Problems panel what
 * `intake check` reports in CI. The diagnostics adapter asks {@link FolderConfigs.policyFor}.
 *
 * Precedence of the placeholder severity (core: effectivePlaceholderSeverity): a workspace or
 * workspace-folder setting wins, then the config file, then the user's setting and the default.
 * Ignored codes come from the config file only.
 *
 * - Only `file:` documents have a config (the discovery reads the disk through Node).
 * - A config with a problem is reported on the config file itself (in the Problems panel) and
 *   not applied: the settings alone decide until it is fixed.
 * - Any change under a `.intake/` folder that may govern a workspace file (in the workspace, or
 *   above it up to the repository root; a save in the editor too: IntakeFolderWatcher) forgets
 *   what was read and fires {@link FolderConfigs.onDidChange}; the diagnostics then refresh.
 * - The file is data only (no code runs, size-capped, no YAML aliases), and only changes how
 *   diagnostics are shown, so it is honoured in Restricted Mode too.
 */
import * as vscode from 'vscode';
import { diagnosticPolicyOf, effectivePlaceholderSeverity, type DiagnosticPolicy, type LoadedFolderConfig } from '../core/folderConfig';
import { IntakeFolderFinder } from '../core/intakeFolder';
import { DIAGNOSTIC_SOURCE } from './diagnosticSource';
import type { Configuration } from './config';
import type { LoadIntakeFolderReaders } from './intakeFolderReaders';
import type { IntakeFolderWatcher } from './intakeFolderWatcher';

/** A `.intake` folder itself (created or deleted) or a `config.yaml` directly in one. */
function isConfigOrFolder(uri: vscode.Uri): boolean {
  return /(?:^|\/)\.intake(?:\/config\.yaml)?$/i.test(uri.path);
}

export class FolderConfigs implements vscode.Disposable {
  private readonly finder = new IntakeFolderFinder();
  private readonly configs = new Map<string, Promise<LoadedFolderConfig | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly problems = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-config`);
  private readonly subscriptions: vscode.Disposable[];
  /** Fires when a `.intake/` folder or a file in one was created, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly config: Configuration,
    private readonly watcher: IntakeFolderWatcher,
    /** The reader of config.yaml, loaded when a `.intake/` folder is first found. */
    private readonly readers: LoadIntakeFolderReaders,
  ) {
    const reset = (): void => {
      this.finder.clear();
      this.configs.clear();
      // Shown again, if still there, when the configs are read again.
      this.problems.clear();
      this.changed.fire();
    };
    this.subscriptions = [
      // The team's overlays and branding in the same folders are not this class's business.
      watcher.onDidChange((uri) => {
        if (isConfigOrFolder(uri)) reset();
      }),
      this.changed,
      this.problems,
    ];
  }

  /** The diagnostic policy for a document: its folder config's, under the settings' precedence. */
  async policyFor(uri: vscode.Uri): Promise<DiagnosticPolicy> {
    const folder = diagnosticPolicyOf(uri.scheme === 'file' ? await this.configFor(uri.fsPath) : undefined);
    const settings = this.config.placeholderSeverityLayers(uri);
    return {
      placeholderSeverity: effectivePlaceholderSeverity({ ...settings, ...(folder.placeholderSeverity !== undefined ? { folderConfig: folder.placeholderSeverity } : {}) }),
      ignore: folder.ignore ?? [],
    };
  }

  private async configFor(file: string) {
    const intakeDir = await this.finder.forFile(file);
    if (intakeDir === undefined) return undefined;
    let loading = this.configs.get(intakeDir);
    if (!loading) {
      this.watcher.watchFolder(intakeDir);
      // The reader (the YAML parser and zod/mini) loads only once a `.intake/` folder is found.
      loading = this.readers().then(
        ({ loadFolderConfig }) => loadFolderConfig(intakeDir).then((loaded) => this.report(loaded)),
        // The reader's code could not be loaded (the user was told, extension.ts): the settings apply.
        () => undefined,
      );
      this.configs.set(intakeDir, loading);
    }
    const loaded = await loading;
    return loaded?.ok ? loaded.config : undefined;
  }

  /** Shows a config's problem on the config file, or clears it. */
  private report(loaded: LoadedFolderConfig | undefined): LoadedFolderConfig | undefined {
    if (!loaded) return loaded;
    const uri = vscode.Uri.file(loaded.file);
    if (loaded.ok) {
      this.problems.delete(uri);
      return loaded;
    }
    const line = Math.max(0, (loaded.problem.line ?? 1) - 1);
    const column = Math.max(0, (loaded.problem.column ?? 1) - 1);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(line, column, line, column + 1), vscode.l10n.t('{0} (the settings apply until it is fixed)', loaded.problem.message), vscode.DiagnosticSeverity.Error);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    this.problems.set(uri, [diagnostic]);
    return loaded;
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
