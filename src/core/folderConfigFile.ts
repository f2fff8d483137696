/**
 * Reads and checks `.intake/config.yaml` (what it may set: folderConfig.ts). The file is data
 * only: checked with zod/mini (unknown keys are errors, so a typo never passes silently), at most
 * {@link MAX_CONFIG_BYTES}, and YAML aliases are refused outright (a config has no use for them,
 * and refusing them stops any "billion laughs" expansion). A problem is one line with its
 * position, never a stack trace. Loaded on demand, where a `.intake/` folder exists: it brings the
 * YAML parser and zod/mini.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import * as z from '../protocol/zodMini';
import { ALL_CODES, type DiagnosticCode } from './diagnostics';
import { MAX_CONFIG_BYTES, PLACEHOLDER_SEVERITIES, REPORT_FORMATS, type ConfigProblem, type FolderConfig, type FolderConfigResult, type LoadedFolderConfig } from './folderConfig';
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
