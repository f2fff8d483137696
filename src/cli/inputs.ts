/**
 * The files `intake check` and `intake generate` work on, from their arguments, in the style
 * of markdownlint-cli2:
 *
 * - `FILE` is that file (any extension); `FOLDER` its `*.intake` and `*.intake.md` files, all
 *   levels down, leaving out hidden folders (`.git`, `.intake`) and `node_modules`;
 * - a glob (glob.ts: `*`, `?`, `**`, `{a,b}`) is every file it matches, relative to the current
 *   folder (or absolute);
 * - `!PATTERN` or `#PATTERN` excludes what the pattern matches, and everything inside a folder
 *   it matches (`#drafts`, `#**\/old`), from every other argument (`#` is for shells that read `!`);
 * - `:PATH`, and every argument after `--`, is a literal path: no glob, no exclusion, even if it
 *   starts with `-`, `!`, `#` or holds `*`.
 *
 * Order is the arguments' order; a glob's or a folder's files come sorted by path (segment by
 * segment, by code unit), so the output is the same on every machine. A file named twice is
 * taken once, where it first appears. Symbolic links to files are followed; links to folders
 * are not (no cycles).
 */
import { type Dirent, existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { t } from '../core/l10n';
import { expandBraces, Glob, GlobError, hasWildcard, MAX_ALTERNATIVES, type States } from './glob';
import { UsageError } from './io';

type Include =
  | { kind: 'path'; text: string; literal: boolean }
  /** `text` as given; `patterns` after brace expansion, with `/` separators. */
  | { kind: 'glob'; text: string; patterns: string[] };

export interface Inputs {
  includes: Include[];
  /** Exclusion patterns, `/`-separated, brace-expanded. */
  excludes: string[];
}

export interface FoundFile {
  /** The path as printed: as given, or the glob's or folder's base joined with the path under it. */
  path: string;
  abs: string;
  /** The folder that output names are relative to: the folder or glob base it was found under, or its own folder. */
  root: string;
}

export interface Expansion {
  files: FoundFile[];
  /** Arguments that found no file (a glob that matches nothing, a folder without intakes). */
  empty: string[];
  /** Folders that could not be read while searching: I/O errors. */
  errors: string[];
}

/** Sorts the arguments into what to include and what to exclude; `literal` are the arguments after `--`. */
export function classifyInputs(args: readonly string[], literal: readonly string[] = []): Inputs {
  const includes: Include[] = [];
  const excludes: string[] = [];
  try {
    for (const arg of args) {
      // An empty argument is an unset variable in a script, not "the current folder".
      if (arg === '' || arg === ':') throw new UsageError(t('an empty file name'));
      if (arg.startsWith(':')) includes.push({ kind: 'path', text: arg.slice(1), literal: true });
      else if (arg.startsWith('!') || arg.startsWith('#')) excludes.push(...expandBraces(normalizePattern(arg.slice(1))));
      else {
        const patterns = expandBraces(normalizePattern(arg));
        if (patterns.length > 1 || patterns.some(hasWildcard)) includes.push({ kind: 'glob', text: arg, patterns });
        else includes.push({ kind: 'path', text: arg, literal: false });
      }
    }
  } catch (e) {
    if (e instanceof GlobError) throw new UsageError(t('a pattern expands to more than {0} alternatives', MAX_ALTERNATIVES));
    throw e;
  }
  for (const arg of literal) includes.push({ kind: 'path', text: arg, literal: true });
  return { includes, excludes };
}

/**
 * The one file of the single-file form (`intake check FILE`), whose output and flags are as they
 * always were; undefined for a batch (several arguments, a glob, a folder or an exclusion).
 */
export function singleFile(inputs: Inputs): string | undefined {
  const [only, more] = inputs.includes;
  if (!only || more || inputs.excludes.length > 0 || only.kind !== 'path') return undefined;
  return isDirectory(only.text) ? undefined : only.text;
}

export function expandInputs(inputs: Inputs, cwd: string): Expansion {
  const excluder = new Excluder(inputs.excludes, cwd);
  const seen = new Set<string>();
  const files: FoundFile[] = [];
  const empty: string[] = [];
  const errors: string[] = [];
  const add = (found: FoundFile): boolean => {
    if (seen.has(found.abs)) return false;
    seen.add(found.abs);
    files.push(found);
    return true;
  };
  const walker = new Walker(excluder, errors);
  for (const include of inputs.includes) {
    let count = 0;
    const sources = include.kind === 'glob' ? include.patterns.map((p) => ({ text: p, glob: true })) : [{ text: include.text, glob: false }];
    for (const source of sources) {
      for (const found of source.glob && hasWildcard(source.text) ? walker.glob(source.text, cwd) : walker.path(source.text, cwd, include.kind === 'path' && include.literal, source.glob)) {
        count++;
        add(found);
      }
    }
    if (count === 0) empty.push(include.text);
  }
  return { files, empty, errors };
}

/** Backslashes are separators (markdownlint-cli2 does the same), and `./` says nothing. */
function normalizePattern(pattern: string): string {
  let p = pattern.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isAbsolutePattern(pattern: string): boolean {
  return pattern.startsWith('/') || /^[A-Za-z]:\//.test(pattern);
}

/** Path segments: of `abs` relative to `cwd` (for relative patterns), or all of `abs` (for absolute ones). */
function segmentsOf(abs: string, cwd: string, absolute: boolean): string[] {
  const p = absolute ? abs : path.relative(cwd, abs);
  return p.split(/[\\/]/).filter((s) => s !== '');
}

/** The exclusion patterns, checked against a path and the folders on the way to it. */
class Excluder {
  private readonly globs: { glob: Glob; absolute: boolean }[];

  constructor(
    patterns: readonly string[],
    private readonly cwd: string,
  ) {
    this.globs = patterns.map((p) => ({ glob: new Glob(p), absolute: isAbsolutePattern(p) }));
  }

  excludes(abs: string): boolean {
    return this.globs.some(({ glob, absolute }) => glob.matchesOrContains(segmentsOf(abs, this.cwd, absolute)));
  }
}

const INTAKE_FILE = /\.intake(\.md)?$/;
/** Folders a folder argument does not search: installed packages are not the team's intakes. */
const SKIPPED_FOLDERS = new Set(['node_modules']);
/** Every file at any depth outside hidden folders: what a folder argument searches. */
const ANY_FILE = new Glob('**/*');

class Walker {
  constructor(
    private readonly excluder: Excluder,
    private readonly errors: string[],
  ) {}

  /** A path argument: a file is itself; a folder, its intake files. A glob's literal alternative that does not exist is no match. */
  path(text: string, cwd: string, literal: boolean, fromGlob: boolean): FoundFile[] {
    const abs = path.resolve(cwd, text);
    if (isDirectory(abs)) {
      const names: string[][] = [];
      this.walk(abs, [], ANY_FILE.start(), ANY_FILE, names, { accept: (n) => INTAKE_FILE.test(n), skip: (n) => SKIPPED_FOLDERS.has(n) });
      return names.map((n) => ({ path: path.join(text, ...n), abs: path.join(abs, ...n), root: abs }));
    }
    if (fromGlob && !existsSync(abs)) return [];
    if (!literal && this.excluder.excludes(abs)) return [];
    // A file, or a path that does not exist: reading it reports what is wrong, in its place.
    return [{ path: text, abs, root: path.dirname(abs) }];
  }

  /** A pattern with wildcards: the folder before its first wildcard segment, searched for the rest. */
  glob(pattern: string, cwd: string): FoundFile[] {
    const segments = pattern.split('/');
    const firstWild = segments.findIndex(hasWildcard);
    const prefix = segments.slice(0, firstWild).join('/');
    // '/x' splits into ['', 'x']: the prefix keeps its leading '/'.
    const base = path.resolve(cwd, prefix === '' && firstWild > 0 ? '/' : prefix || '.');
    const rest = new Glob(segments.slice(firstWild).join('/'));
    if (!isDirectory(base)) return [];
    const names: string[][] = [];
    this.walk(base, [], rest.start(), rest, names, {});
    return names.map((n) => ({ path: prefix ? path.join(prefix, ...n) : path.join(...n), abs: path.join(base, ...n), root: base }));
  }

  private walk(dir: string, names: string[], states: States, glob: Glob, out: string[][], options: { accept?: (name: string) => boolean; skip?: (name: string) => boolean }): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      this.errors.push(t('{0}: cannot be read ({1})', dir, (e as NodeJS.ErrnoException).code ?? String(e)));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const next = glob.advance(states, entry.name);
      if (next.length === 0) continue;
      const abs = path.join(dir, entry.name);
      let isFile = entry.isFile();
      // A link is taken if it leads to a file; a link to a folder is not followed (no cycles).
      if (entry.isSymbolicLink()) isFile = statIsFile(abs);
      if (entry.isDirectory()) {
        if (glob.canDescend(next) && !options.skip?.(entry.name) && !this.excluder.excludes(abs)) this.walk(abs, [...names, entry.name], next, glob, out, options);
      } else if (isFile && glob.accepts(next) && (options.accept?.(entry.name) ?? true) && !this.excluder.excludes(abs)) {
        out.push([...names, entry.name]);
      }
    }
  }
}

function statIsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
