/** `intake check FILE [--json]`: the editor's diagnostics, for scripts and problem matchers. */
import { parseIntake } from '../core/parser';
import { validate } from '../core/validator';
import { readIntakeFile } from './io';

export interface CheckResult {
  output: string;
  exitCode: number;
}

export function runCheck(file: string, json: boolean): CheckResult {
  const text = readIntakeFile(file);
  const parsed = parseIntake(text);
  const diagnostics = validate(parsed);
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  const exitCode = hasErrors ? 1 : 0;
  if (json) {
    const payload = {
      intakes: parsed.intakes.length,
      diagnostics: diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, intake: d.intake + 1, range: d.range })),
    };
    return { output: JSON.stringify(payload, null, 2) + '\n', exitCode };
  }
  // FILE:LINE:COL: severity code: message — 1-based, for VS Code problem matchers.
  const lines = diagnostics.map((d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
  return { output: lines.length > 0 ? lines.join('\n') + '\n' : '', exitCode };
}
