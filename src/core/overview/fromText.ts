/**
 * The summary of a file read from disk (not open in an editor): parsed and checked here, with
 * the placeholder severity the user set, so its counts match what the Problems panel shows
 * once the file is opened.
 */
import { Codes, type Severity } from '../diagnostics';
import { parseIntake } from '../parser';
import { validate } from '../validator';
import { summarizeFile, type IntakeSummary, type SummaryDiagnostic } from './summary';

export function summarizeText(text: string, placeholderSeverity: Severity | 'off' = 'warning'): IntakeSummary[] {
  const file = parseIntake(text);
  const diagnostics: SummaryDiagnostic[] = [];
  for (const d of validate(file)) {
    if (d.code !== Codes.placeholder) diagnostics.push(d);
    else if (placeholderSeverity !== 'off') diagnostics.push({ ...d, severity: placeholderSeverity });
  }
  return summarizeFile(file, diagnostics);
}
