/**
 * Runs the CLI's CommonJS bundle with V8's compiled code for it kept on disk between runs: a run
 * that finds no usable cache compiles as Node would, and on exit saves the code V8 compiled
 * during the run (the functions this command ran, not only the top level); the next run of the
 * same command loads that code instead of parsing and compiling the bundle again. Node 20 has no
 * code cache of its own for an application's modules (module.enableCompileCache is Node 22.1+),
 * so this uses vm.Script's `cachedData`, which every Node version since 5 supports.
 *
 * A cache file is named by the build (CLI version and a hash of the bundle and vendor/), the file's size and
 * modification time, Node's version, the CPU and the command. V8 itself refuses data made by
 * another V8 version, with other flags, for a source of another length, or, with the launcher's
 * --verify-snapshot-checksum, whose bytes were changed: a refused file counts as missing and is
 * replaced. Every failure (no folder, a read-only disk, a file another process is writing) costs
 * only the compile time: the cache is never needed to run.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { isAscii } from 'node:buffer';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { ensurePrivateDir, isPrivate } from './cacheDir';
import { nodeModule } from './nodeModule';

export interface CodeCacheOptions {
  /** The cache folder (cacheDir.ts). */
  dir: string;
  /** Identifies the bundle's build: the CLI version and a hash of the bundle. */
  build: string;
  /** What this run does (the command): each command's run compiles other functions. */
  variant: string;
  /** Told what happened (NODE_DEBUG=intake-cache). */
  trace?: (event: string) => void;
}

/** Cache files older than this are removed when a new one is written (other versions' files). */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/** What each file loaded through the cache exported, by path (a file runs once, as with require). */
const loaded = new Map<string, unknown>();

/**
 * Loads and runs the CommonJS file `file` (a bundle that requires only Node's own modules and
 * files beside it) and returns its exports. The files it requires from vendor/ beside it (the
 * packages only some commands use) load the same way, each with a cache file of its own.
 */
export function runWithCodeCache(file: string, options: CodeCacheOptions): unknown {
  if (loaded.has(file)) return loaded.get(file);
  const trace = options.trace ?? (() => undefined);
  const source = sourceText(readFileSync(file));
  const cacheFile = cacheFileOf(file, options);
  const cached = cacheFile !== undefined ? readCache(cacheFile) : undefined;
  // Module.wrap keeps the first line's numbers: stack traces point into the bundle as before.
  const script = new Script(nodeModule.wrap(source), { filename: file, ...(cached ? { cachedData: cached } : {}) });
  if (cached && !script.cachedDataRejected) trace(`hit ${cacheFile}`);
  else if (cacheFile !== undefined) {
    trace(`${cached ? 'rejected' : 'miss'} ${cacheFile}`);
    // After the run, so that the functions it compiled lazily are in the data too.
    process.once('exit', () => {
      if (writeCache(cacheFile, script.createCachedData(), options.dir)) trace(`written ${cacheFile}`);
    });
  }
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  run.call(module.exports, module.exports, requireFor(file, options), module, file, dirname(file));
  module.loaded = true;
  loaded.set(file, module.exports);
  return module.exports;
}

/**
 * A file's UTF-8 bytes as text. The production bundle is pure ASCII (esbuild.js makes it so), and
 * ASCII is Latin-1 too: decoded as Latin-1 it is one copy, where the UTF-8 decoder first reads
 * all 700 KB to find how long the text is and whether it is ASCII. A file that is not ASCII (some
 * of vendor/) is decoded as UTF-8. The same text either way: the code cache's check of the source
 * is unchanged.
 */
function sourceText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** `require` for the code of `file`: Node's, but for the files of vendor/ beside it, which go through the cache. */
function requireFor(file: string, options: CodeCacheOptions): NodeJS.Require {
  const base = nodeModule.createRequire(file);
  const dir = dirname(file);
  const vendored = (id: string): unknown => {
    if (!id.startsWith('./vendor/')) return base(id);
    return runWithCodeCache(join(dir, id), { ...options, variant: `${options.variant}.${basename(id, '.cjs')}` });
  };
  return Object.assign(vendored, { resolve: base.resolve, cache: base.cache, main: base.main, extensions: base.extensions });
}

/** The cache file for this bundle and run, or undefined when the folder cannot be used. */
function cacheFileOf(file: string, options: CodeCacheOptions): string | undefined {
  if (!ensurePrivateDir(options.dir)) {
    options.trace?.(`unusable folder ${options.dir}`);
    return undefined;
  }
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch {
    return undefined;
  }
  const key = [options.build, stat.size, Math.trunc(stat.mtimeMs), process.version, process.arch, options.variant].join('-');
  return join(options.dir, `${key.replace(/[^\w.-]/g, '_')}.v8cache`);
}

/** The cache file's bytes, if it is a private file of this user's. */
function readCache(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    // O_NOFOLLOW: a link is not followed (where the flag exists; the folder is private anyway).
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    return isPrivate(fstatSync(fd), 'file') ? readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes `data` to `file` whole or not at all: into a new temporary file beside it, then renamed
 * over it, so that concurrent runs (or a batch's worker threads) never read half a file. Removes
 * cache files not written for a month. False when anything failed.
 */
function writeCache(file: string, data: Buffer, dir: string): boolean {
  // Math.random, not crypto (whose loading costs more than a whole cached start): the name only
  // has to differ from another writer's, and `wx` never reuses a file that is already there.
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temp, data, { flag: 'wx', mode: 0o600 });
    renameSync(temp, file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Not created, or already renamed.
    }
    return false;
  }
  removeOld(dir);
  return true;
}

function removeOld(dir: string): void {
  try {
    const now = Date.now();
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.v8cache') && !name.endsWith('.tmp')) continue;
      const file = join(dir, name);
      if (now - statSync(file).mtimeMs > MAX_AGE_MS) unlinkSync(file);
    }
  } catch {
    // Another run removed it first, or the folder went away: nothing to clean.
  }
}
