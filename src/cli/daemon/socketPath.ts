/**
 * Where a build's daemon listens: a Unix socket in a folder of the user's cache folder that only
 * the user may enter, named by the build, so that a newer `intake` never talks to an older
 * daemon (that one stops when idle). No daemon on Windows: a named pipe has no folder whose
 * permissions keep other users out.
 */
import { join, resolve } from 'node:path';
import { switchedOff, userCacheFolder } from '../launch/cacheDir';

/**
 * Longest socket path that every platform's `sockaddr_un` holds (macOS: 104 bytes with the
 * final NUL; Linux 108). A longer one (a deep home folder) means no daemon, never a cut path.
 */
const MAX_SOCKET_PATH_BYTES = 103;

/**
 * The daemon's socket for `build` (the launcher's INTAKE_BUILD), or undefined where there can be
 * none: a development build ('' : nothing identifies its code), Windows, no cache folder, or a
 * path too long. INTAKE_DAEMON_DIR moves the folder; else it is intake-studio/daemon in the
 * user's cache folder, beside the code cache.
 */
export function daemonSocketPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, build: string): string | undefined {
  if (!build || platform === 'win32') return undefined;
  const base = userCacheFolder(env, platform);
  const dir = env.INTAKE_DAEMON_DIR ? resolve(env.INTAKE_DAEMON_DIR) : base && join(base, 'intake-studio', 'daemon');
  if (dir === undefined) return undefined;
  const socket = join(dir, `${build}.sock`);
  return Buffer.byteLength(socket) <= MAX_SOCKET_PATH_BYTES ? socket : undefined;
}

/** False when INTAKE_DAEMON turns the daemon off for this command (0, off, false): it runs here. */
export function daemonWanted(env: NodeJS.ProcessEnv): boolean {
  return !switchedOff(env.INTAKE_DAEMON);
}
