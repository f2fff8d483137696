// A test-runner extension for code-server, which rejects --extensionDevelopmentPath/--extensionTestsPath.
// The harness installs it next to Intake Studio. On start-up, if INTAKE_TEST_SUITE names the
// bundled suite (a .js file, a folder of *.test.js, or several joined by ':'), it runs it with the
// mocha found at INTAKE_TEST_MOCHA and writes a SuiteResults JSON to INTAKE_TEST_RESULTS.
// Without those variables it does nothing. It lives in test/, so it never ships in the .vsix.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type MochaModule from 'mocha';
import type { SuiteResults, TestResult } from './results';

export function activate(): void {
  const suite = process.env.INTAKE_TEST_SUITE;
  const resultsFile = process.env.INTAKE_TEST_RESULTS;
  const mochaPath = process.env.INTAKE_TEST_MOCHA;
  if (!suite || !resultsFile || !mochaPath) return;
  // Every browser window gets its own extension host; only the first one to claim runs the suite.
  try {
    fs.writeFileSync(`${resultsFile}.claim`, `${process.pid}\n`, { flag: 'wx' });
  } catch {
    return;
  }
  runSuite(suite, mochaPath).then(
    (results) => writeResults(resultsFile, results),
    (e: unknown) => writeResults(resultsFile, { tests: [], stats: { passes: 0, failures: 0, pending: 0, durationMs: 0 }, error: errorText(e) }),
  );
}

export function deactivate(): void {}

function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Written to a temporary name first, so the harness never reads half a file. */
function writeResults(file: string, results: SuiteResults): void {
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

function suiteFiles(spec: string): string[] {
  return spec.split(path.delimiter).flatMap((p) =>
    fs.statSync(p).isDirectory()
      ? fs.readdirSync(p).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(p, f))
      : [p],
  );
}

function titlePath(runnable: MochaModule.Runnable): string[] {
  return runnable.titlePath().filter((t) => t !== '');
}

function runSuite(spec: string, mochaPath: string): Promise<SuiteResults> {
  // Loaded by absolute path from the repo's node_modules: it is not installed beside this extension.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require(mochaPath) as typeof MochaModule;
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: false, reporter: Mocha.reporters.Base });
  for (const file of suiteFiles(spec)) mocha.addFile(file);
  const tests: TestResult[] = [];
  const started = Date.now();
  return new Promise((resolve) => {
    // run() loads the files with a synchronous require, which the extension host intercepts
    // to hand them the `vscode` API.
    const runner = mocha.run(() => {
      const passes = tests.filter((t) => t.state === 'passed').length;
      const failures = tests.filter((t) => t.state === 'failed').length;
      const pending = tests.filter((t) => t.state === 'pending').length;
      resolve({ tests, stats: { passes, failures, pending, durationMs: Date.now() - started } });
    });
    runner.on('pass', (t: MochaModule.Test) => tests.push({ titlePath: titlePath(t), state: 'passed', durationMs: t.duration ?? 0 }));
    runner.on('pending', (t: MochaModule.Test) => tests.push({ titlePath: titlePath(t), state: 'pending' }));
    runner.on('fail', (t: MochaModule.Runnable, err: Error) =>
      tests.push({ titlePath: titlePath(t), state: 'failed', durationMs: t.duration ?? 0, error: { message: err.message, stack: err.stack ?? '' } }),
    );
  });
}
