/** `intake check FILE [--json]`: the editor's diagnostics, for scripts and problem matchers. */
import { t } from '../core/l10n';
import { parseIntake } from '../core/parser';
import { escapeControlChars } from '../core/text/controlChars';
import { validate } from '../core/validator';
import { readIntakeFile, UsageError } from './io';

export interface CheckResult {
  output: string;
  /** Warnings about the file itself (invalid UTF-8). */
  warnings: string;
  exitCode: number;
}

export function runCheck(file: string, json: boolean): CheckResult {
  let warnings = '';
  const text = readIntakeFile(file, (w) => (warnings += `intake: ${escapeControlChars(w)}\n`));
  const parsed = parseIntake(text);
  // As for generate: a file without an intake (empty, or not an intake at all) is a usage error.
  if (parsed.intakes.length === 0) throw new UsageError(t('{0}: contains no intake', file));
  const diagnostics = validate(parsed);
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  const exitCode = hasErrors ? 1 : 0;
  if (json) {
    const payload = {
      intakes: parsed.intakes.length,
      diagnostics: diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, intake: d.intake + 1, range: d.range })),
    };
    return { output: JSON.stringify(payload, null, 2) + '\n', warnings, exitCode };
  }
  // FILE:LINE:COL: severity code: message — 1-based, for VS Code problem matchers. Messages quote
  // the intake, whose escape sequences are shown, not run by the terminal.
  const lines = diagnostics.map((d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${escapeControlChars(d.message)}`);
  return { output: lines.length > 0 ? lines.join('\n') + '\n' : '', warnings, exitCode };
}
