/**
 * `.intake/config.yaml`: a folder's defaults for the checks and the reports, shared by the
 * team in its repository and honoured alike by the CLI and the editor (intakeFolder.ts finds
 * the `.intake/` folder that governs a file).
 *
 * ```yaml
 * diagnostics:
 *   placeholderSeverity: error   # error | warning | information | hint | off
 *   ignore: [intake.wording]     # diagnostic codes to leave out
 * generate:
 *   format: docx                 # md | json | html | docx: generate's format when --format is not given
 * ```
 *
 * This module is what a config means (the policy it sets for the diagnostics, the report format);
 * folderConfigFile.ts reads and checks the file itself, and is loaded only where a `.intake/`
 * folder exists, so that activation and the CLI's plain path carry no YAML parser or zod.
 */
import { type DiagnosticCode, type IntakeDiagnostic, type Severity } from './diagnostics';

/** A config is a few lines; anything this big is not one. */
export const MAX_CONFIG_BYTES = 64 * 1024;

export type PlaceholderSeverity = Severity | 'off';
export const PLACEHOLDER_SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const satisfies readonly PlaceholderSeverity[];
export const REPORT_FORMATS = ['md', 'json', 'html', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What `.intake/config.yaml` may set (folderConfigFile.ts checks a file against it). */
export interface FolderConfig {
  diagnostics?: { placeholderSeverity?: PlaceholderSeverity; ignore?: DiagnosticCode[] };
  generate?: { format?: ReportFormat };
}

/** What is wrong with a config file; line and column are 1-based, when known. */
export interface ConfigProblem {
  message: string;
  line?: number;
  column?: number;
}

export type FolderConfigResult = { ok: true; config: FolderConfig } | { ok: false; problem: ConfigProblem };

/** A config file read from disk: where it is, and what it says or what is wrong with it. */
export type LoadedFolderConfig = FolderConfigResult & { file: string };

/** `FILE:LINE:COL: message` (or `FILE: message`), on one line. */
export function formatConfigProblem(file: string, problem: ConfigProblem): string {
  const where = problem.line !== undefined ? `${file}:${problem.line}:${problem.column ?? 1}` : file;
  return `${where}: ${problem.message}`;
}

/** What a config changes in the diagnostics of the files it governs. */
export interface DiagnosticPolicy {
  /** The severity of `intake.placeholder`; `off` leaves placeholders out. Undefined keeps the core's (warning). */
  placeholderSeverity?: PlaceholderSeverity;
  /** Codes left out altogether. */
  ignore?: readonly string[];
}

/** The diagnostics as the policy has them: ignored codes dropped, placeholders at their severity. */
export function applyDiagnosticPolicy(diagnostics: readonly IntakeDiagnostic[], policy: DiagnosticPolicy): IntakeDiagnostic[] {
  const ignore = new Set(policy.ignore ?? []);
  const severity = policy.placeholderSeverity;
  if (severity === 'off') ignore.add('intake.placeholder');
  const out: IntakeDiagnostic[] = [];
  for (const d of diagnostics) {
    if (ignore.has(d.code)) continue;
    out.push(d.code === 'intake.placeholder' && severity !== undefined && severity !== 'off' && d.severity !== severity ? { ...d, severity } : d);
  }
  return out;
}

/** The config's diagnostic policy (empty without a config). */
export function diagnosticPolicyOf(config: FolderConfig | undefined): DiagnosticPolicy {
  const d = config?.diagnostics;
  return { ...(d?.placeholderSeverity !== undefined ? { placeholderSeverity: d.placeholderSeverity } : {}), ...(d?.ignore ? { ignore: d.ignore } : {}) };
}

/**
 * The editor's placeholder severity, from the places it can be set, most specific first:
 * 1. the workspace's or the workspace folder's settings (`.vscode/settings.json`, the
 *    workspace file): set on purpose for this workspace, so they win;
 * 2. the `.intake/config.yaml` governing the file: the team's rule, which CI applies too;
 * 3. the user's own settings, then the default.
 */
export function effectivePlaceholderSeverity(layers: { workspace?: PlaceholderSeverity; folderConfig?: PlaceholderSeverity; user?: PlaceholderSeverity; fallback: PlaceholderSeverity }): PlaceholderSeverity {
  return layers.workspace ?? layers.folderConfig ?? layers.user ?? layers.fallback;
}

