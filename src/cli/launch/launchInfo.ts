/**
 * What the launcher (launcher.ts, its own small bundle) tells the CLI's bundle about the run:
 * the build and the daemon's socket. The two bundles share no module, so this goes through a
 * registry symbol on the global object, which both reach.
 */
export interface LaunchInfo {
  /** The build's identity (INTAKE_BUILD); '' for a development build. */
  build: string;
  /** The launcher's own file: a daemon is started from it. */
  script: string;
  /** The daemon's socket (daemon/socketPath.ts), or undefined where there can be no daemon. */
  socket: string | undefined;
}

const KEY = Symbol.for('intake-studio.launch');

export function setLaunchInfo(info: LaunchInfo): void {
  (globalThis as Record<symbol, unknown>)[KEY] = info;
}

/** What the launcher said, or undefined when the bundle was loaded without it (tests, development). */
export function launchInfo(): LaunchInfo | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as LaunchInfo | undefined;
}
