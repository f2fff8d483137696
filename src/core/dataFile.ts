/**
 * Reads a data file from `.intake/` (`config.yaml`, a knowledge overlay, `report.yaml`): YAML or
 * JSON, data only. Whatever is in the file, reading it never runs code and never costs much:
 *
 * - at most `maxBytes` on disk (checked on the bytes read, not only on what `stat` said);
 * - UTF-8 only (a byte-order mark is allowed);
 * - YAML anchors and aliases are refused outright where a file has no use for them (`aliases:
 *   false`); elsewhere the parser resolves them under its own count limit, and the data they
 *   expand to is measured, stopping at {@link expansionLimit}: a "billion laughs" file fails
 *   closed, with a clear message, before anything walks the expanded data;
 * - duplicate keys are an error (a team file that says a thing twice is ambiguous);
 * - custom tags build nothing: the `yaml` package's core schema knows no code-running tag.
 *
 * The result is plain JSON-shaped data (a tree: aliases are copied, never shared) and a way to
 * find where a path of keys is in the text, for diagnostics.
 */
import { promises as fs } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { t } from './l10n';

/** Where in the text, 1-based. */
export interface TextPosition {
  line: number;
  column: number;
}

interface DataFileProblem {
  message: string;
  line?: number;
  column?: number;
}

export interface DataDocument {
  /** The file's data as JSON would have it; `{}` for an empty file. */
  data: unknown;
  /** The position of the node at `path` (keys and indexes), or of its deepest ancestor that exists; with `key`, of that key itself. */
  locate(path: readonly (string | number)[], key?: string): TextPosition | undefined;
}

export type DataFileResult = { ok: true; doc: DataDocument } | { ok: false; problem: DataFileProblem };

export interface DataFileOptions {
  maxBytes: number;
  /** False: a file with an anchor or an alias is refused (the default allows them, bounded). */
  aliases?: boolean;
}

/** How much data the aliases of a file may expand to: this many times the file's own limit. */
const EXPANSION_FACTOR = 4;
/** The parser's own alias budget (anchor uses × their nodes); a file that needs more is not a data file. */
const MAX_ALIAS_COUNT = 1000;

function expansionLimit(options: DataFileOptions): number {
  return options.maxBytes * EXPANSION_FACTOR;
}

/** Parses the text of a data file. Total: never throws. */
export function parseDataText(text: string, options: DataFileOptions): DataFileResult {
  if (text.length > options.maxBytes) return { ok: false, problem: { message: tooLarge(options) } };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): Partial<TextPosition> => {
    if (offset === undefined) return {};
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const [syntax] = doc.errors;
  if (syntax) return { ok: false, problem: { message: `YAML: ${firstLine(syntax.message)}`, ...at(syntax.pos[0]) } };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: options.aliases === false ? 0 : MAX_ALIAS_COUNT });
  } catch (e) {
    if (options.aliases === false) return { ok: false, problem: { message: t('YAML anchors and aliases are not allowed here') } };
    // The parser refused an alias (too many, or one used before its anchor).
    return { ok: false, problem: { message: t('YAML aliases expand beyond the limit ({0})', firstLine(e instanceof Error ? e.message : String(e))) } };
  }
  if (!withinSize(raw, expansionLimit(options))) return { ok: false, problem: { message: t('YAML anchors and aliases expand this file beyond {0} KB: refused', expansionLimit(options) / 1024) } };
  // A tree from here on: aliases become copies (bounded by the check above).
  const data: unknown = raw === undefined || raw === null ? {} : JSON.parse(JSON.stringify(raw));
  return {
    ok: true,
    doc: {
      data,
      locate: (path, key) => {
        const offset = offsetOf(doc, path, key);
        return offset === undefined ? undefined : (at(offset) as TextPosition);
      },
    },
  };
}

/**
 * Reads a data file. Undefined when it does not exist; a file that cannot be read, is too large,
 * is not UTF-8 or not valid is a problem.
 */
export async function readDataFile(file: string, options: DataFileOptions): Promise<DataFileResult | undefined> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, problem: { message: t('is not a file') } };
    if (stat.size > options.maxBytes) return { ok: false, problem: { message: tooLarge(options) } };
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return { ok: false, problem: { message: t('cannot be read ({0})', code ?? String(e)) } };
  }
  if (bytes.length > options.maxBytes) return { ok: false, problem: { message: tooLarge(options) } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { message: t('is not valid UTF-8') } };
  }
  return parseDataText(text, options);
}

function tooLarge(options: DataFileOptions): string {
  return t('is too large (the limit is {0} KB)', Math.round(options.maxBytes / 1024));
}

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0]!.trim();
}

/**
 * Whether `value`, written out as JSON, stays within `limit` characters (roughly). Walks the
 * value as a tree, so shared (aliased) parts count every time they appear, and stops as soon as
 * the budget is spent: a file built to expand exponentially is refused after `limit` steps.
 */
function withinSize(value: unknown, limit: number): boolean {
  let budget = limit;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') budget -= v.length + 2;
    else if (Array.isArray(v)) {
      budget -= 2 + v.length;
      for (const x of v) stack.push(x);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      budget -= 2 + entries.length;
      for (const [k, x] of entries) {
        budget -= k.length + 3;
        stack.push(x);
      }
    } else budget -= 5;
    if (budget < 0) return false;
  }
  return true;
}

/** The offset of the node at `path`, or of its deepest ancestor that exists; `key`: that key of the node, when it is a map. */
function offsetOf(doc: Document, path: readonly (string | number)[], key: string | undefined): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (!node || typeof node !== 'object' || !('range' in node)) continue;
    if (n === path.length && key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
    }
    // A map's or a list's own range starts at its first item; the key above it is more useful for a missing child.
    if (n < path.length && (isMap(node) || isSeq(node))) {
      const child = path[n];
      if (isMap(node) && typeof child === 'string') {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === child);
        if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
      }
    }
    const range = (node as { range?: [number, number, number] | null }).range;
    if (range) return range[0];
  }
  return undefined;
}
