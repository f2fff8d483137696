/**
 * The summary of a file read from disk (not open in an editor): parsed and checked here, under
 * the diagnostic policy that governs the file (the placeholder severity of the settings and its
 * folder's `.intake/config.yaml`, the codes that config ignores), so its counts match what the
 * Problems panel shows once the file is opened. `catalog`: the field catalog with the team's
 * extra fields (core/team/), when the file's `.intake/` adds some; the embedded one otherwise.
 */
import type { FieldCatalog } from '../catalog/catalog';
import { applyDiagnosticPolicy, type DiagnosticPolicy } from '../folderConfig';
import { parseIntake } from '../parser';
import { validate } from '../validator';
import { summarizeFile, type IntakeSummary } from './summary';

export function summarizeText(text: string, policy: DiagnosticPolicy = {}, catalog?: FieldCatalog): IntakeSummary[] {
  const file = parseIntake(text);
  return summarizeFile(file, applyDiagnosticPolicy(validate(file, catalog ? { catalog } : {}), policy));
}
