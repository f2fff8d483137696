/** `intake check FILE [--json]`: the editor's diagnostics, for scripts and problem matchers. */
import { applyDiagnosticPolicy, type DiagnosticPolicy } from '../core/folderConfig';
import type { FieldCatalog } from '../core/catalog/catalog';
import type { IntakeDiagnostic } from '../core/diagnostics';
import { t } from '../core/l10n';
import { parseIntake } from '../core/parser';
import { escapeControlChars } from '../core/text/controlChars';
import { validate } from '../core/validator';
import { Exit } from './exitCodes';
import { readIntakeFile, UsageError } from './io';

export interface CheckResult {
  output: string;
  /** Warnings about the file itself (invalid UTF-8). */
  warnings: string;
  exitCode: number;
}

/** One file's diagnostics, as the folder's policy (`.intake/config.yaml`) has them. */
export interface FileCheck {
  intakes: number;
  diagnostics: IntakeDiagnostic[];
  /** Warnings about the file itself, one `intake: …` line each. */
  warnings: string;
}

/**
 * Reads and checks one file; a file that cannot be read, or holds no intake, is a UsageError.
 * `catalog`: the field catalog with the team's extra fields, when it has some.
 */
export function checkFile(file: string, policy: DiagnosticPolicy = {}, catalog?: FieldCatalog): FileCheck {
  let warnings = '';
  const text = readIntakeFile(file, (w) => (warnings += `intake: ${escapeControlChars(w)}\n`));
  const parsed = parseIntake(text);
  // As for generate: a file without an intake (empty, or not an intake at all) is a usage error.
  if (parsed.intakes.length === 0) throw new UsageError(t('{0}: contains no intake', file));
  return { intakes: parsed.intakes.length, diagnostics: applyDiagnosticPolicy(validate(parsed, catalog ? { catalog } : {}), policy), warnings };
}

export function checkExitCode(diagnostics: readonly IntakeDiagnostic[]): number {
  return diagnostics.some((d) => d.severity === 'error') ? Exit.errors : Exit.ok;
}

/** `--json`'s entry for one file: the intake count and the diagnostics, 0-based as in VS Code. */
export function checkJson(check: FileCheck): { intakes: number; diagnostics: unknown[] } {
  return {
    intakes: check.intakes,
    // The range as plain objects: a batch's worker posts this by structured clone, which copies a
    // LineRange's fields (startLine…), not the `start` and `end` JSON writes.
    diagnostics: check.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, intake: d.intake + 1, range: { start: d.range.start, end: d.range.end } })),
  };
}

/**
 * FILE:LINE:COL: severity code: message — 1-based, for VS Code problem matchers. Messages quote
 * the intake, whose escape sequences are shown, not run by the terminal.
 */
export function checkLines(file: string, diagnostics: readonly IntakeDiagnostic[]): string {
  return diagnostics.map((d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${escapeControlChars(d.message)}\n`).join('');
}

export function runCheck(file: string, json: boolean, policy: DiagnosticPolicy = {}, catalog?: FieldCatalog): CheckResult {
  const check = checkFile(file, policy, catalog);
  const exitCode = checkExitCode(check.diagnostics);
  if (json) return { output: JSON.stringify(checkJson(check), null, 2) + '\n', warnings: check.warnings, exitCode };
  return { output: checkLines(file, check.diagnostics), warnings: check.warnings, exitCode };
}
