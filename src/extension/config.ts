/**
 * The extension's settings as one object: typed, clamped reads of each section (the readers in
 * settings.ts, preview/settings.ts, llm/settings.ts), kept until a setting changes, and one
 * `onDidChange` event for the features that must react without a reload. No other code reads
 * `vscode.workspace.getConfiguration`.
 */
import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { readHttpSettings, readLlmSettings, type HttpSettings, type LlmSettings } from './llm/settings';
import { readExportSettings, readPreviewSettings, type ExportSettings, type PreviewSettings } from './preview/settings';
import * as os from 'node:os';
import { readKnowledgeSettings, readPlaceholderSeverityLayers, readValidationSettings, type KnowledgeSettings, type PlaceholderSeverityLayers, type SettingsGetter, type ValidationSettings } from './settings';

export type ConfigSection = 'validate' | 'preview' | 'export' | 'llm' | 'http' | 'knowledge';

const PREFIX: Record<ConfigSection, string> = { validate: 'intake.validate', preview: 'intake.preview', export: 'intake.export', llm: 'intake.llm', http: 'http', knowledge: 'intake.knowledge' };
const SECTIONS = Object.keys(PREFIX) as ConfigSection[];

export interface ConfigurationChange {
  /** Whether the change affects `section` (for the resource `scope`, when given). */
  affects(section: ConfigSection, scope?: vscode.Uri): boolean;
}

export class Configuration extends Disposable {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<ConfigurationChange>());
  /** Fires when a setting of one of the sections changes (the new values are read on the next call). */
  readonly onDidChange = this.changeEmitter.event;
  private readonly cache = new Map<string, unknown>();

  constructor() {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!SECTIONS.some((s) => e.affectsConfiguration(PREFIX[s]))) return;
        this.cache.clear();
        this.changeEmitter.fire({ affects: (section, scope) => e.affectsConfiguration(PREFIX[section], scope) });
      }),
    );
  }

  validation(scope: vscode.Uri | undefined): ValidationSettings {
    return this.read('validate', scope, readValidationSettings);
  }

  /** Where `intake.validate.placeholderSeverity` is set, for the precedence over `.intake/config.yaml` (folderConfig.ts). */
  placeholderSeverityLayers(scope: vscode.Uri | undefined): PlaceholderSeverityLayers {
    return readPlaceholderSeverityLayers(vscode.workspace.getConfiguration('intake.validate', scope).inspect('placeholderSeverity'));
  }

  preview(scope: vscode.Uri | undefined): PreviewSettings {
    return this.read('preview', scope, readPreviewSettings);
  }

  export(scope: vscode.Uri | undefined): ExportSettings {
    return this.read('export', scope, readExportSettings);
  }

  /**
   * In an untrusted workspace VS Code ignores the workspace's values of the settings listed in
   * package.json's `restrictedConfigurations` (where the intake and the key may be sent).
   */
  llm(scope: vscode.Uri | undefined): LlmSettings {
    return this.read('llm', scope, readLlmSettings);
  }

  /** The user's own overlay folders (`intake.knowledge.paths`: machine scope, so never a workspace's). */
  knowledge(): KnowledgeSettings {
    return this.read('knowledge', undefined, (get) => readKnowledgeSettings(get, os.homedir()));
  }

  http(): HttpSettings {
    return this.read('http', undefined, (get) => readHttpSettings(get, process.env));
  }

  private read<T>(section: ConfigSection, scope: vscode.Uri | undefined, parse: (get: SettingsGetter) => T): T {
    const key = `${section}\n${scope?.toString() ?? ''}`;
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const config = vscode.workspace.getConfiguration(PREFIX[section], scope);
    const value = parse((name) => config.get<unknown>(name));
    this.cache.set(key, value);
    return value;
  }
}
