/**
 * Reads and checks `.intake/config.yaml` (what it may set: folderConfig.ts). The file is data
 * only: checked with zod/mini (unknown keys are errors, so a typo never passes silently), at most
 * {@link MAX_CONFIG_BYTES}, and YAML aliases are refused outright (a config has no use for them,
 * and refusing them stops any "billion laughs" expansion): read as every `.intake/` data file is
 * (dataFile.ts). A problem is one line with its position, never a stack trace. Loaded on demand,
 * where a `.intake/` folder exists: it brings the YAML parser and zod/mini.
 */
import * as path from 'node:path';
import { parseDataText, readDataFile, type DataDocument, type DataFileOptions } from './dataFile';
import * as z from '../protocol/zodMini';
import { ALL_CODES, type DiagnosticCode } from './diagnostics';
import { MAX_CONFIG_BYTES, PLACEHOLDER_SEVERITIES, REPORT_FORMATS, type FolderConfig, type FolderConfigResult, type LoadedFolderConfig } from './folderConfig';
import { t } from './l10n';

const FOLDER_CONFIG_FILE = 'config.yaml';

export const FolderConfigSchema: z.ZodMiniType<FolderConfig> = z.strictObject({
  diagnostics: z.optional(
    z.strictObject({
      placeholderSeverity: z.optional(z.enum(PLACEHOLDER_SEVERITIES, { error: () => t('must be one of {0}', PLACEHOLDER_SEVERITIES.join(', ')) })),
      ignore: z.optional(z.array(z.enum(ALL_CODES as [DiagnosticCode, ...DiagnosticCode[]], { error: (issue) => t('{0} is not a diagnostic code (intake.placeholder, intake.missing-field, …)', JSON.stringify(issue.input)) }))),
    }),
  ),
  generate: z.optional(
    z.strictObject({
      format: z.optional(z.enum(REPORT_FORMATS, { error: () => t('must be one of {0}', REPORT_FORMATS.join(', ')) })),
    }),
  ),
});

/** How config files are read: small, and without anchors or aliases (a config has no use for them). */
const CONFIG_FILE: DataFileOptions = { maxBytes: MAX_CONFIG_BYTES, aliases: false };

/** Parses and checks the text of a config file. Total: never throws. */
export function parseFolderConfig(text: string): FolderConfigResult {
  const read = parseDataText(text, CONFIG_FILE);
  return read.ok ? checkFolderConfig(read.doc) : read;
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
  const read = await readDataFile(file, CONFIG_FILE);
  if (!read) return undefined;
  return { file, ...(read.ok ? checkFolderConfig(read.doc) : read) };
}

/** The config in a file's data, or its first problem, at the key or value it is about. */
function checkFolderConfig(doc: DataDocument): FolderConfigResult {
  const parsed = FolderConfigSchema.safeParse(doc.data);
  if (parsed.success) return { ok: true, config: parsed.data };
  const [issue] = parsed.error.issues;
  if (!issue) return { ok: false, problem: { message: t('invalid configuration') } };
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const where = issuePath(issue.path);
  const message = keys.length > 0 ? t('unknown key {0}', keys.map((k) => JSON.stringify(k)).join(', ')) : firstLine(issue.message);
  const at = doc.locate(
    issue.path.filter((k): k is string | number => typeof k !== 'symbol'),
    keys[0],
  );
  return { ok: false, problem: { message: where ? `${where}: ${message}` : message, ...at } };
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
