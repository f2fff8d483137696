// Waits for the runner extension's results file. The runner writes it atomically (rename), so
// polling for its existence is enough; the overall timeout only bounds a hung or crashed host.
import * as fs from 'node:fs';
import type { SuiteResults } from '../vscode-runner/results';
import { extensionHostLogs } from './activationLog';
import { tail } from './proc';

export async function waitForResults(file: string, timeoutMs: number, userDataDir: () => string): Promise<SuiteResults> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) {
      const logs = extensionHostLogs(userDataDir());
      const last = logs[logs.length - 1];
      throw new Error(
        `no integration results after ${timeoutMs / 1000} s in ${file}` +
          (last ? `\nextension host log ${last}:\n${tail(last, 40)}` : '\n(no extension host log: did the browser connect?)'),
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults;
}
