/**
 * Where the CLI keeps V8's compiled code for its bundle (codeCache.ts): a folder of the user's
 * own cache folder that nobody else may write to. Compiled code read from a file runs as code, so
 * a folder another user could plant a file in (the shared temporary folder, a group-writable
 * folder) is never used.
 */
import { lstatSync, mkdirSync, type Stats } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * The cache folder for `env` and `platform`, or undefined when the cache is off
 * (INTAKE_CODE_CACHE=0) or there is no home folder to put it in. INTAKE_CODE_CACHE_DIR moves it;
 * else it is intake-studio/code-cache in the user's cache folder: $XDG_CACHE_HOME or ~/.cache,
 * ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (switchedOff(env.INTAKE_CODE_CACHE)) return undefined;
  if (env.INTAKE_CODE_CACHE_DIR) return resolve(env.INTAKE_CODE_CACHE_DIR);
  const base = userCacheFolder(env, platform);
  return base === undefined ? undefined : join(base, 'intake-studio', 'code-cache');
}

/** True when an on/off variable (INTAKE_CODE_CACHE, INTAKE_DAEMON) says off: 0, off or false, any case, spaces around. */
export function switchedOff(setting: string | undefined): boolean {
  const value = setting?.trim().toLowerCase();
  return value === '0' || value === 'off' || value === 'false';
}

/** The user's cache folder for `platform`, or undefined when `env` names none (no home folder). */
export function userCacheFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const absolute = (p: string | undefined) => (p && isAbsolute(p) ? p : undefined);
  if (platform === 'win32') return absolute(env.LOCALAPPDATA);
  const home = absolute(env.HOME);
  if (platform === 'darwin') return home && join(home, 'Library', 'Caches');
  // The XDG base directory spec: a relative $XDG_CACHE_HOME is invalid and ignored.
  return absolute(env.XDG_CACHE_HOME) ?? (home && join(home, '.cache'));
}

/**
 * Makes `dir` (and missing parents) readable by this user only, and tells whether it is safe to
 * keep code in: a real folder (not a link), owned by this user, that nobody else may write to. On
 * Windows, where there are no such modes, the user's own %LOCALAPPDATA% is taken as private.
 */
export function ensurePrivateDir(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return isPrivate(lstatSync(dir), 'dir');
  } catch {
    return false;
  }
}

/** True when `stat` is a folder (or file) of this user's that no other user may write to. */
export function isPrivate(stat: Stats, kind: 'dir' | 'file'): boolean {
  if (kind === 'dir' ? !stat.isDirectory() : !stat.isFile()) return false;
  if (process.platform === 'win32' || process.getuid === undefined) return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}
