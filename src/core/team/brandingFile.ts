/**
 * Reads and checks `.intake/report.yaml` (what it means: branding.ts). Data only, like the
 * overlays (dataFile.ts: size limit, aliases bounded, no code), checked against its JSON Schema
 * (generated from team/schemas.ts). The files it names, the logo and the Word template, are
 * paths relative to report.yaml and must stay inside the workspace (`root`: the repository
 * holding the `.intake/` folder, or the folder above it), symbolic links resolved: a path that
 * leaves it is refused, as is a file that is too large or not what its name says (a PNG's
 * signature, an SVG's `<svg>` element, a Word file's ZIP header). A problem leaves that part out
 * and is reported, with its code, on report.yaml.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { t } from '../l10n';
import type { BrandLogo, Branding } from './branding';
import { readDataFile, type DataDocument } from '../dataFile';
import { checkJsonSchema } from './jsonSchemaCheck';
import { problemAt } from './problems';
import { brandingJsonSchema } from './schemaFiles';
import type { BrandingFile } from './schemas';
import { BRANDING_FILE, MAX_BRANDING_BYTES, MAX_LOGO_BYTES, MAX_TEMPLATE_BYTES, TEAM_CODES, type TeamProblem } from './types';

export interface LoadedBranding {
  file: string;
  /** Undefined when report.yaml itself is broken (then nothing is branded). */
  branding?: Branding;
  problems: TeamProblem[];
}

/** The workspace the logo and template must be in: the repository holding `intakeDir` (the folder with `.git`), else the folder above `intakeDir`. */
async function defaultBrandingRoot(intakeDir: string): Promise<string> {
  let dir = path.dirname(path.resolve(intakeDir));
  for (;;) {
    try {
      await fs.stat(path.join(dir, '.git'));
      return dir;
    } catch {
      // not here
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.dirname(path.resolve(intakeDir));
    dir = parent;
  }
}

/** report.yaml of the `.intake/` folder `intakeDir`; undefined when there is none. */
export async function loadBranding(intakeDir: string, root?: string): Promise<LoadedBranding | undefined> {
  const file = path.join(intakeDir, BRANDING_FILE);
  const read = await readDataFile(file, { maxBytes: MAX_BRANDING_BYTES });
  if (read === undefined) return undefined;
  if (!read.ok) return { file, problems: [problemAt(file, read.problem, TEAM_CODES.brandingInvalid, t('{0} (no branding until it is fixed)', read.problem.message))] };
  const checked = checkJsonSchema(read.doc.data, brandingJsonSchema(), { maxIssues: 20 });
  if (checked.issues.length > 0) {
    return {
      file,
      problems: checked.issues.map((issue) => {
        const where = issue.path.map(String).join('.');
        return problemAt(file, read.doc.locate(issue.path, issue.key) ?? {}, TEAM_CODES.brandingInvalid, t('{0} (no branding until it is fixed)', where ? `${where}: ${issue.message}` : issue.message));
      }),
    };
  }
  const data = checked.value as BrandingFile;
  const problems: TeamProblem[] = [];
  const workspace = root ?? (await defaultBrandingRoot(intakeDir));
  const branding: Branding = {};
  if (data.company) branding.company = data.company;
  if (data.cover) branding.cover = data.cover;
  if (data.header) branding.header = data.header;
  if (data.footer) branding.footer = data.footer;
  if (data.accentColor) branding.accentColor = data.accentColor.toUpperCase();
  if (data.fonts) branding.fonts = data.fonts;
  if (data.logo) {
    const logo = await readLinked(file, read.doc, ['logo'], data.logo, workspace, MAX_LOGO_BYTES, ['.png', '.svg'], problems);
    const parsed = logo && readLogo(logo.bytes, logo.name);
    if (logo && !parsed) problems.push(problemAt(file, read.doc.locate(['logo']) ?? {}, TEAM_CODES.brandingFile, t('{0} is not a PNG or SVG image: the logo is left out', data.logo)));
    if (parsed) branding.logo = parsed;
  }
  if (data.word?.template) {
    const template = await readLinked(file, read.doc, ['word', 'template'], data.word.template, workspace, MAX_TEMPLATE_BYTES, ['.docx', '.dotx'], problems);
    if (template && !(template.bytes[0] === 0x50 && template.bytes[1] === 0x4b)) problems.push(problemAt(file, read.doc.locate(['word', 'template']) ?? {}, TEAM_CODES.brandingFile, t('{0} is not a Word file: the template is left out', data.word.template)));
    else if (template) branding.template = template;
  }
  return { file, branding, problems };
}

/** A file report.yaml names: inside the workspace, of an allowed type, within its size limit. */
async function readLinked(file: string, doc: DataDocument, at: string[], given: string, root: string, maxBytes: number, types: string[], problems: TeamProblem[]): Promise<{ bytes: Uint8Array; name: string } | undefined> {
  const fail = (message: string) => {
    problems.push(problemAt(file, doc.locate(at) ?? {}, TEAM_CODES.brandingFile, message));
    return undefined;
  };
  if (!types.includes(path.extname(given).toLowerCase())) return fail(t('{0}: only {1} files are allowed here', given, types.join(', ')));
  const target = path.resolve(path.dirname(file), given);
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([fs.realpath(target), fs.realpath(root)]);
  } catch {
    return fail(t('{0} does not exist', given));
  }
  const relative = path.relative(realRoot, real);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return fail(t('{0} is outside the workspace ({1}): refused', given, root));
  try {
    const stat = await fs.stat(real);
    if (!stat.isFile()) return fail(t('{0} is not a file', given));
    if (stat.size > maxBytes) return fail(t('{0} is too large (the limit is {1} KB)', given, Math.round(maxBytes / 1024)));
    const bytes = await fs.readFile(real);
    if (bytes.length > maxBytes) return fail(t('{0} is too large (the limit is {1} KB)', given, Math.round(maxBytes / 1024)));
    return { bytes: new Uint8Array(bytes), name: path.basename(real) };
  } catch (e) {
    return fail(t('{0} cannot be read ({1})', given, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG (by its signature, its size from IHDR) or an SVG (an `<svg` element, its size from width/height or viewBox). */
export function readLogo(bytes: Uint8Array, name: string): BrandLogo | undefined {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b) && bytes.length >= 24) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    if (width === 0 || height === 0) return undefined;
    return { kind: 'png', bytes, width, height, name };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const start = text.search(/<svg[\s>]/);
  if (start < 0) return undefined;
  const end = text.indexOf('>', start);
  const tag = text.slice(start, end < 0 ? undefined : end);
  const attr = (n: string) => new RegExp(`\\s${n}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];
  const size = (v: string | undefined) => (v && /^\d+(?:\.\d+)?(?:px)?$/.test(v.trim()) ? parseFloat(v) : undefined);
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  const width = size(attr('width')) ?? (box && box.length === 4 ? box[2] : undefined) ?? 120;
  const height = size(attr('height')) ?? (box && box.length === 4 ? box[3] : undefined) ?? 40;
  if (!(width > 0 && height > 0)) return undefined;
  return { kind: 'svg', bytes, width, height, name };
}
