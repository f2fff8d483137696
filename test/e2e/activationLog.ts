// Reads our extension's activation from the extension host logs,
// UD/logs/<stamp>/exthost<N>/remoteexthost.log (code-server runs with --log trace, so that the
// log also has the moment activate() is called and the first diagnostics are published).
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ActivationTime {
  /** exthost1, exthost2, …: one per browser window. */
  log: string;
  describe: string;
}

export function extensionHostLogs(userDataDir: string): string[] {
  const root = path.join(userDataDir, 'logs');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true })
    .map((f) => path.join(root, String(f)))
    .filter((f) => /exthost\d*[\\/](remote)?exthost\.log$/.test(f))
    .sort();
}

const STAMP = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) /;

function time(line: string): number | undefined {
  const m = STAMP.exec(line);
  return m ? Date.parse(m[1]!.replace(' ', 'T')) : undefined;
}

function parseActivation(text: string, extensionId: string): { event: string; loadMs?: number; firstDiagnosticsMs?: number } | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes(`ExtensionService#_doActivateExtension ${extensionId},`));
  if (start < 0) return undefined;
  const t0 = time(lines[start]!);
  const event = /activationEvent: '([^']*)'/.exec(lines[start]!)?.[1] ?? '?';
  const after = (needle: string): number | undefined => {
    const line = lines.slice(start).find((l) => l.includes(needle));
    const t = line !== undefined ? time(line) : undefined;
    return t !== undefined && t0 !== undefined ? t - t0 : undefined;
  };
  return {
    event,
    loadMs: after(`ExtensionService#_callActivateOptional ${extensionId}`),
    firstDiagnosticsMs: after(`[DiagnosticCollection] change many (extension, owner, uris) ${extensionId} `),
  };
}

export function activationTimes(userDataDir: string, extensionId: string): ActivationTime[] {
  const found: ActivationTime[] = [];
  for (const log of extensionHostLogs(userDataDir)) {
    const a = parseActivation(fs.readFileSync(log, 'utf8'), extensionId);
    if (!a) continue;
    const parts = [`activated by ${a.event}`];
    if (a.loadMs !== undefined) parts.push(`extension.js loaded and activate() called ${a.loadMs} ms after _doActivateExtension`);
    if (a.firstDiagnosticsMs !== undefined) parts.push(`first diagnostics published after ${a.firstDiagnosticsMs} ms`);
    found.push({ log: path.basename(path.dirname(log)), describe: parts.join('; ') });
  }
  return found;
}
