/**
 * The work on one file of a batch, as plain data: it runs the same in the main thread (one job)
 * and in a worker thread (pool.ts), and its outcome crosses back by structured clone. A file's
 * failure is its outcome (exit 2 and one line), never an exception that stops the others.
 */
import type { DiagnosticPolicy, ReportFormat } from '../core/folderConfig';
import { t } from '../core/l10n';
import { escapeControlChars } from '../core/text/controlChars';
import { checkExitCode, checkFile, checkJson, checkLines } from './check';
import { Exit } from './exitCodes';
import { generateReports, type RenderChoices } from './generate';
import { UsageError } from './io';
import { loadTeam, todayIso, type TeamSpec } from './team';

/** `team`: the file's team knowledge and branding (team.ts), loaded by whichever thread runs the task. */
export type FileTask =
  | { kind: 'check'; file: string; json: boolean; policy: DiagnosticPolicy; team?: TeamSpec }
  | { kind: 'generate'; file: string; format: ReportFormat; intake?: number; choices?: RenderChoices; team?: TeamSpec };

interface OutcomeBase {
  /** Lines for stderr: warnings about the file, or why it failed. */
  stderr: string;
  exitCode: number;
  /** Intakes in the file (0 if it could not be read). */
  intakes: number;
}

export interface CheckOutcome extends OutcomeBase {
  kind: 'check';
  /** The problem-matcher lines. */
  text: string;
  /** `--json`'s entry for the file. */
  json?: { intakes: number; diagnostics: unknown[] };
  errors: number;
  warnings: number;
}

export interface GenerateOutcome extends OutcomeBase {
  kind: 'generate';
  reports: { index: number; data: string | Uint8Array }[];
}

export type FileOutcome = CheckOutcome | GenerateOutcome;

export async function runFileTask(task: FileTask): Promise<FileOutcome> {
  try {
    const team = task.team ? await loadTeam(task.team, todayIso()) : undefined;
    if (task.kind === 'check') {
      const check = checkFile(task.file, task.policy, team?.knowledge?.catalog);
      return {
        kind: 'check',
        text: task.json ? '' : checkLines(task.file, check.diagnostics),
        ...(task.json ? { json: checkJson(check) } : {}),
        stderr: check.warnings,
        exitCode: checkExitCode(check.diagnostics),
        intakes: check.intakes,
        errors: check.diagnostics.filter((d) => d.severity === 'error').length,
        warnings: check.diagnostics.filter((d) => d.severity === 'warning').length,
      };
    }
    const generated = await generateReports(task.file, task.format, task.intake, task.choices, team);
    return { kind: 'generate', reports: generated.reports, stderr: generated.warnings, exitCode: Exit.ok, intakes: generated.intakes };
  } catch (e) {
    return failed(task, e);
  }
}

/** The outcome of a file that failed: a usage or I/O error is one line; anything else is a bug, still one line. */
export function failed(task: FileTask, e: unknown): FileOutcome {
  const message = e instanceof UsageError ? e.message : t('internal error: {0}', e instanceof Error ? e.message : String(e));
  const base = { stderr: `intake: ${escapeControlChars(message)}\n`, exitCode: Exit.usage, intakes: 0 };
  return task.kind === 'check' ? { kind: 'check', text: '', ...base, errors: 0, warnings: 0 } : { kind: 'generate', reports: [], ...base };
}
