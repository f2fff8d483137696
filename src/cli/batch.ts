/**
 * `intake check` and `intake generate` over several files, folders and globs (inputs.ts): each
 * file checked or rendered on a pool of worker threads (pool.ts), the output in input order,
 * the exit code the worst of the files' (exitCodes.ts), and a summary line on stderr:
 *
 *   intake: 12 file(s), 30 intake(s): 4 error(s), 17 warning(s) in 1.20 s
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { diagnosticPolicyOf, type ReportFormat } from '../core/folderConfig';
import { t } from '../core/l10n';
import { escapeControlChars } from '../core/text/controlChars';
import type { SharedArgs } from './args';
import { InputGuard, writeFileAtomic } from './atomicWrite';
import { CliConfigs } from './configs';
import { Exit, worstExit } from './exitCodes';
import type { CheckOutcome, FileOutcome, FileTask, GenerateOutcome } from './fileTask';
import type { RenderChoices } from './generate';
import { expandInputs, type FoundFile, type Inputs } from './inputs';
import { UsageError } from './io';
import { nameClashes, reportPath } from './outputNames';
import { runTasks } from './pool';
import type { WorkerInit } from './poolWorkerStart';
import { CliTeams, teamWarnings, todayIso } from './team';

export interface BatchContext {
  shared: SharedArgs;
  cwd: string;
  locale: WorkerInit['locale'];
  /** The bundle to start worker threads from; absent, everything runs in this thread. */
  workerScript?: string;
}

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The files of a batch, with what finding them printed and whether a folder could not be read. */
function findFiles(inputs: Inputs, cwd: string): { files: FoundFile[]; stderr: string; exitCode: number } {
  const found = expandInputs(inputs, cwd);
  let stderr = '';
  for (const arg of found.empty) stderr += `intake: ${escapeControlChars(t('{0}: matches no file', arg))}\n`;
  for (const error of found.errors) stderr += `intake: ${escapeControlChars(error)}\n`;
  if (found.files.length === 0) throw new UsageError(t('no files to work on: the arguments match no file'));
  return { files: found.files, stderr, exitCode: found.errors.length > 0 ? Exit.usage : Exit.ok };
}

export async function runBatchCheck(inputs: Inputs, json: boolean, context: BatchContext): Promise<CliResult> {
  const started = performance.now();
  const { files, stderr: findings, exitCode: findExit } = findFiles(inputs, context.cwd);
  const configs = await new CliConfigs(context.shared).forFiles(files.map((f) => f.path));
  const teams = await new CliTeams(context.shared.knowledge).forFiles(files.map((f) => f.path));
  const teamLines = await teamWarnings(teams, todayIso());
  const tasks: FileTask[] = files.map((f, i) => ({ kind: 'check', file: f.path, json, policy: diagnosticPolicyOf(configs[i]), ...(teams[i] ? { team: teams[i] } : {}) }));
  const outcomes = (await runTasks(tasks, pool(context))) as CheckOutcome[];

  const total = { intakes: 0, errors: 0, warnings: 0 };
  for (const o of outcomes) {
    total.intakes += o.intakes;
    total.errors += o.errors;
    total.warnings += o.warnings;
  }
  let stdout: string;
  if (json) {
    const entries = outcomes.map((o, i) => ({ file: files[i]!.path, ...(o.json ?? { error: o.stderr.replace(/^intake: /, '').trimEnd() }) }));
    stdout = JSON.stringify({ files: entries, summary: { files: files.length, ...total } }, null, 2) + '\n';
  } else stdout = outcomes.map((o) => o.text).join('');
  const summary = t('{0} file(s), {1} intake(s): {2} error(s), {3} warning(s) in {4} s', files.length, total.intakes, total.errors, total.warnings, seconds(started));
  return {
    stdout,
    stderr: findings + teamLines + outcomes.map((o) => o.stderr).join('') + `intake: ${summary}${failures(outcomes)}\n`,
    exitCode: worstExit([findExit, ...outcomes.map((o) => o.exitCode)]),
  };
}

export interface BatchGenerateOptions {
  out: string;
  /** --format; else each file's folder config; else md. */
  format?: ReportFormat;
  /** --intake N: only that intake of each file. */
  intake?: number;
  /** --as-of and --refs/--no-refs, for every report. */
  choices: RenderChoices;
}

/**
 * Writes every intake's report under `out` (outputNames.ts), atomically, never over an input.
 * Prints the written paths on stdout, one a line, in input order.
 */
export async function runBatchGenerate(inputs: Inputs, options: BatchGenerateOptions, context: BatchContext): Promise<CliResult> {
  const started = performance.now();
  if (existsSync(options.out) && !statSync(options.out).isDirectory()) throw new UsageError(t('{0}: -o names a file; with several files it must be a folder', options.out));
  const { files, stderr: findings, exitCode: findExit } = findFiles(inputs, context.cwd);
  const [clash, ...clashes] = nameClashes(files);
  if (clash !== undefined) throw new UsageError(clash, clashes);
  const configs = await new CliConfigs(context.shared).forFiles(files.map((f) => f.path));
  const formats = files.map((_, i) => options.format ?? configs[i]?.generate?.format ?? 'md');
  const teams = await new CliTeams(context.shared.knowledge).forFiles(files.map((f) => f.path));
  const teamLines = await teamWarnings(teams, todayIso());
  const tasks: FileTask[] = files.map((f, i) => ({ kind: 'generate', file: f.path, format: formats[i]!, choices: options.choices, ...(options.intake !== undefined ? { intake: options.intake } : {}), ...(teams[i] ? { team: teams[i] } : {}) }));

  const guard = new InputGuard(files.map((f) => f.path));
  const written: string[][] = files.map(() => []);
  const writeErrors: string[] = files.map(() => '');
  // Reports are written as each file's outcome arrives, and dropped: a batch never holds them all.
  const write = (i: number, outcome: FileOutcome): void => {
    for (const report of (outcome as GenerateOutcome).reports) {
      const target = path.join(options.out, reportPath(files[i]!, report.index, formats[i]!));
      try {
        guard.refuse(target);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileAtomic(target, report.data);
        written[i]!.push(target);
      } catch (e) {
        writeErrors[i] += `intake: ${escapeControlChars(e instanceof UsageError ? e.message : t('{0}: cannot be written ({1})', target, String(e)))}\n`;
      }
    }
    (outcome as GenerateOutcome).reports = [];
  };
  const outcomes = (await runTasks(tasks, { ...pool(context), onResult: write })) as GenerateOutcome[];

  const reports = written.reduce((n, w) => n + w.length, 0);
  const intakes = outcomes.reduce((n, o) => n + o.intakes, 0);
  const summary = t('{0} file(s), {1} intake(s): {2} report(s) written to {3} in {4} s', files.length, intakes, reports, options.out, seconds(started));
  const writeFailed = writeErrors.map((e) => (e ? Exit.usage : Exit.ok));
  return {
    stdout: written.flat().map((f) => `${escapeControlChars(f)}\n`).join(''),
    stderr: findings + teamLines + outcomes.map((o, i) => o.stderr + writeErrors[i]).join('') + `intake: ${escapeControlChars(summary)}${failures(outcomes, writeErrors)}\n`,
    exitCode: worstExit([findExit, ...outcomes.map((o) => o.exitCode), ...writeFailed]),
  };
}

function pool(context: BatchContext): { jobs?: number; locale: WorkerInit['locale']; workerScript?: string } {
  return { ...(context.shared.jobs !== undefined ? { jobs: context.shared.jobs } : {}), locale: context.locale, ...(context.workerScript !== undefined ? { workerScript: context.workerScript } : {}) };
}

/** `; 2 file(s) failed` when some could not be read or written. */
function failures(outcomes: readonly FileOutcome[], writeErrors: readonly string[] = []): string {
  const n = outcomes.filter((o, i) => o.exitCode === Exit.usage || (writeErrors[i] ?? '') !== '').length;
  return n > 0 ? t('; {0} file(s) failed', n) : '';
}

function seconds(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(2);
}
