/** What the LLM tests share: the built CLI run as a process, and the error a call must fail with. */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { LlmError } from '../../../src/core/llm/errors';
import { repoRoot } from '../helpers/seeds';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs cli/dist/cli.js asynchronously (the fake server lives in this process, so no spawnSync),
 * in English, without the API keys of the machine's environment.
 */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const base = { ...process.env };
  delete base.INTAKE_LLM_API_KEY;
  delete base.OPENAI_API_KEY;
  const child = spawn(process.execPath, [path.join(repoRoot(), 'cli', 'dist', 'cli.js'), ...args], { env: { ...base, INTAKE_LANG: 'en', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The LlmError `p` rejects with; fails the test when it resolves or rejects with anything else. */
export async function failure(p: Promise<unknown>): Promise<LlmError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof LlmError, `expected an LlmError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to fail');
}
