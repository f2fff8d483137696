// Starts code-server on a free loopback port in its own process group, and kills the whole group.
// Killing only the main process leaves agentHost, fileWatcher and copilot-runtime children behind.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { CODE_SERVER_ENTRY, NODE24_BIN } from './paths';
import { node24Env } from './setup';

export interface CodeServer {
  port: number;
  url: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  /** Kills the process group and waits until it is gone. */
  stop(): Promise<void>;
}

/** Every running server, so that exit and signal handlers can kill them synchronously. */
const live = new Set<number>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function killAllServersNow(): void {
  for (const pid of live) killGroup(pid, 'SIGKILL');
  live.clear();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * User settings for the test profile. Workspace trust must be off, or the extension is not
 * activated in restricted mode. The rest keeps the workbench quiet and the screenshots clean.
 * editor.unicodeHighlight.* is deliberately not set: the extension's own defaults are under test.
 */
const TEST_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'files.hotExit': 'off',
  'window.restoreWindows': 'none',
};

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

export interface StartOptions {
  /** Fresh for every run. */
  userDataDir: string;
  /** Holds the extensions as publisher.name-version/ folders; they are registered at start-up. */
  extensionsDir: string;
  logFile: string;
  /** Added to the environment; it reaches the extension host's process.env. */
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const { userDataDir, extensionsDir, logFile } = options;
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(TEST_SETTINGS, null, 2));
  const port = await freePort();
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    path.join(NODE24_BIN, 'node'),
    [
      CODE_SERVER_ENTRY,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      // trace: the extension host log then shows when activate() is called (see activationLog.ts).
      '--log', 'trace',
      // Its own config file, so code-server does not write one into ~/.config.
      '--config', path.join(path.dirname(logFile), 'code-server-config.yaml'),
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
    ],
    // detached: its own process group, so that stop() can kill every child with it.
    { detached: true, stdio: ['ignore', out, out], env: node24Env(options.env) },
  );
  fs.closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  live.add(pid);
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = signal ?? `exit ${code}`));

  const stop = async (): Promise<void> => {
    killGroup(pid, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
    live.delete(pid);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (exited !== undefined) {
      await stop();
      throw new Error(`code-server exited (${exited}) before it was ready; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
    }
    if ((await get(`${url}/healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} in time; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, url, userDataDir, extensionsDir, logFile, stop };
}
