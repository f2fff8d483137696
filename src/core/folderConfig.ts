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
 * The file is data only: checked with zod (unknown keys are errors, so a typo never passes
 * silently), at most {@link MAX_CONFIG_BYTES}, and YAML aliases are refused outright (a config
 * has no use for them, and refusing them stops any "billion laughs" expansion). A problem is
 * one line with its position, never a stack trace.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { ALL_CODES, type DiagnosticCode, type IntakeDiagnostic, type Severity } from './diagnostics';
import { t } from './l10n';
import { z } from './zod';

const FOLDER_CONFIG_FILE = 'config.yaml';
/** A config is a few lines; anything this big is not one. */
export const MAX_CONFIG_BYTES = 64 * 1024;

export type PlaceholderSeverity = Severity | 'off';
const PLACEHOLDER_SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const satisfies readonly PlaceholderSeverity[];
export const REPORT_FORMATS = ['md', 'json', 'html', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const FolderConfigSchema = z
  .object({
    diagnostics: z
      .object({
        placeholderSeverity: z.enum(PLACEHOLDER_SEVERITIES, { error: () => t('must be one of {0}', PLACEHOLDER_SEVERITIES.join(', ')) }).optional(),
        ignore: z.array(z.enum(ALL_CODES as [DiagnosticCode, ...DiagnosticCode[]], { error: (issue) => t('{0} is not a diagnostic code (intake.placeholder, intake.missing-field, …)', JSON.stringify(issue.input)) })).optional(),
      })
      .strict()
      .optional(),
    generate: z
      .object({
        format: z.enum(REPORT_FORMATS, { error: () => t('must be one of {0}', REPORT_FORMATS.join(', ')) }).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type FolderConfig = z.infer<typeof FolderConfigSchema>;

/** What is wrong with a config file; line and column are 1-based, when known. */
export interface ConfigProblem {
  message: string;
  line?: number;
  column?: number;
}

export type FolderConfigResult = { ok: true; config: FolderConfig } | { ok: false; problem: ConfigProblem };

/** A config file read from disk: where it is, and what it says or what is wrong with it. */
export type LoadedFolderConfig = FolderConfigResult & { file: string };

/** Parses and checks the text of a config file. Total: never throws. */
export function parseFolderConfig(text: string): FolderConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): Pick<ConfigProblem, 'line' | 'column'> => {
    if (offset === undefined) return {};
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const [syntax] = doc.errors;
  if (syntax) return { ok: false, problem: { message: `YAML: ${firstLine(syntax.message)}`, ...at(syntax.pos[0]) } };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch {
    return { ok: false, problem: { message: t('YAML anchors and aliases are not allowed here') } };
  }
  // An empty file, or one with only comments, sets nothing.
  const parsed = FolderConfigSchema.safeParse(data ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  const [issue] = parsed.error.issues;
  if (!issue) return { ok: false, problem: { message: t('invalid configuration') } };
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const where = issuePath(issue.path);
  const message = keys.length > 0 ? t('unknown key {0}', keys.map((k) => JSON.stringify(k)).join(', ')) : firstLine(issue.message);
  return { ok: false, problem: { message: where ? `${where}: ${message}` : message, ...at(offsetOf(doc, issue.path, keys[0])) } };
}

/** Reads `config.yaml` from the `.intake/` folder `intakeDir`; undefined when there is none. */
export function loadFolderConfig(intakeDir: string): Promise<LoadedFolderConfig | undefined> {
  return loadFolderConfigFile(path.join(intakeDir, FOLDER_CONFIG_FILE));
}

/**
 * Reads a config file. Undefined when it does not exist; a file that cannot be read, is too
 * large or is not valid is a problem.
 */
export async function loadFolderConfigFile(file: string): Promise<LoadedFolderConfig | undefined> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { file, ok: false, problem: { message: t('is not a file') } };
    if (stat.size > MAX_CONFIG_BYTES) return { file, ok: false, problem: { message: tooLarge() } };
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return { file, ok: false, problem: { message: t('cannot be read ({0})', code ?? String(e)) } };
  }
  // The size stat gave is not trusted: the file may have grown in between.
  if (bytes.length > MAX_CONFIG_BYTES) return { file, ok: false, problem: { message: tooLarge() } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { file, ok: false, problem: { message: t('is not valid UTF-8') } };
  }
  return { file, ...parseFolderConfig(text) };
}

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

function tooLarge(): string {
  return t('is too large (the limit is {0} KB)', MAX_CONFIG_BYTES / 1024);
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0]!.trim();
}

/** `diagnostics.ignore[0]`; empty at the top level. */
function issuePath(pathKeys: readonly PropertyKey[]): string {
  let out = '';
  for (const k of pathKeys) out += typeof k === 'number' ? `[${k}]` : `${out ? '.' : ''}${String(k)}`;
  return out;
}

/** Where in the text the issue's node is: the unknown key itself, or the deepest node of the path that exists. */
function offsetOf(doc: Document, pathKeys: readonly PropertyKey[], unknownKey: string | undefined): number | undefined {
  const keys = pathKeys.filter((k): k is string | number => typeof k !== 'symbol');
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    if (!node || typeof node !== 'object' || !('range' in node)) continue;
    if (n === keys.length && unknownKey !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === unknownKey);
      if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
    }
    const range = (node as { range?: [number, number, number] | null }).range;
    if (range) return range[0];
  }
  return undefined;
}
