/**
 * Reads the overlay files of a folder (`.intake/knowledge/`, or one named by the setting
 * `intake.knowledge.paths` / `--knowledge DIR`): every `*.yaml`, `*.yml` and `*.json` directly
 * in it, in the order of their names (code points, the same on every machine). Each is read as
 * data (dataFile.ts) and checked against the overlay's JSON Schema; a file with a problem is
 * reported and skipped whole, so the embedded knowledge (and the other files) still apply.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';
import { readDataFile, type DataDocument } from '../dataFile';
import { checkJsonSchema } from './jsonSchemaCheck';
import { problemAt } from './problems';
import { overlayJsonSchema } from './schemaFiles';
import type { OverlayFile } from './schemas';
import { isOverlayFileName, MAX_OVERLAY_BYTES, TEAM_CODES, type KnowledgeSource, type TeamProblem } from './types';

/** How many schema problems of one file are reported (the rest are the same mistake, usually). */
const MAX_SCHEMA_PROBLEMS = 20;
/** A folder of overlays holds a few files; more than this is not one. */
const MAX_FILES = 200;

export interface LoadedOverlay {
  file: string;
  source: Exclude<KnowledgeSource, 'embedded'>;
  doc: DataDocument;
  data: OverlayFile;
}

export interface OverlayFolder {
  overlays: LoadedOverlay[];
  problems: TeamProblem[];
  /** Every overlay file found, read or not. */
  files: string[];
}

/** The overlay files of `dir`, sorted; none when it does not exist. */
async function overlayFilesIn(dir: string): Promise<string[]> {
  let names: string[];
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    names = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && isOverlayFileName(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
  return names
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_FILES)
    .map((n) => path.join(dir, n));
}

export async function readOverlayFolder(dir: string, source: LoadedOverlay['source']): Promise<OverlayFolder> {
  const files = await overlayFilesIn(dir);
  const read = await Promise.all(files.map((f) => readOverlayFile(f, source)));
  const out: OverlayFolder = { overlays: [], problems: [], files };
  for (const r of read) {
    if (r.overlay) out.overlays.push(r.overlay);
    out.problems.push(...r.problems);
  }
  return out;
}

export async function readOverlayFile(file: string, source: LoadedOverlay['source']): Promise<{ overlay?: LoadedOverlay; problems: TeamProblem[] }> {
  const read = await readDataFile(file, { maxBytes: MAX_OVERLAY_BYTES });
  if (read === undefined) return { problems: [] };
  if (!read.ok) return { problems: [problemAt(file, read.problem, TEAM_CODES.invalidFile, t('{0} (the file is skipped)', read.problem.message))] };
  const checked = checkJsonSchema(read.doc.data, overlayJsonSchema(), { applyDefaults: true, maxIssues: MAX_SCHEMA_PROBLEMS });
  if (checked.issues.length > 0) {
    const problems = checked.issues.map((issue) => {
      const where = issue.path.map(String).join('.');
      const position = read.doc.locate(issue.path, issue.key);
      return problemAt(file, position ?? {}, TEAM_CODES.schema, where ? `${where}: ${issue.message}` : issue.message);
    });
    problems.push(problemAt(file, {}, TEAM_CODES.schema, t('{0} has problems: the whole file is skipped until they are fixed', path.basename(file))));
    return { problems };
  }
  return { overlay: { file, source, doc: read.doc, data: checked.value as OverlayFile }, problems: [] };
}
