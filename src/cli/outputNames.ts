/**
 * Where `intake generate … -o DIR` writes each report: one file per intake, named from the intake
 * file and the intake's index (1-based, always present, so that adding an intake to a file never
 * renames the reports of the others):
 *
 *   customers/acme.intake, intake 2  →  DIR/acme-2.report.md   (md, json, html or docx)
 *
 * A file found under a folder or a glob keeps its place below that folder (the glob's folder
 * before its first wildcard): `intake generate customers -o out` writes
 * `customers/emea/acme.intake` to `out/emea/acme-1.report.md`, so same-named files in different
 * folders never meet. Files that would still share a name (`a/acme.intake b/acme.intake` named
 * one by one, or `acme.intake` beside `acme.intake.md`; compared without regard to case, as on
 * Windows and macOS) are refused before anything is written.
 */
import * as path from 'node:path';
import type { ReportFormat } from '../core/folderConfig';
import { t } from '../core/l10n';
import { intakeStem } from '../core/preview/exportName';
import type { FoundFile } from './inputs';

/** The report's path under the output folder, for the intake at 0-based `index`. */
export function reportPath(file: Pick<FoundFile, 'abs' | 'root'>, index: number, format: ReportFormat): string {
  return path.join(folderUnderRoot(file), `${intakeStem(path.basename(file.abs))}-${index + 1}.report.${format}`);
}

/**
 * Files whose reports would collide, as one message per clash (empty when none do). Two files
 * clash when their names without extension sit in the same output folder: every file has an
 * intake 1, so they would share at least that report.
 */
export function nameClashes(files: readonly Pick<FoundFile, 'abs' | 'root' | 'path'>[]): string[] {
  const byKey = new Map<string, string>();
  const clashes: string[] = [];
  for (const file of files) {
    const key = path.join(folderUnderRoot(file), intakeStem(path.basename(file.abs))).normalize('NFC').toLowerCase();
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, file.path);
    else clashes.push(t('{0} and {1} would write reports of the same name ({2}); give their common folder instead, whose subfolders are kept', first, file.path, reportPath(file, 0, 'md').replace(/-1\.report\.md$/, '-N.report.*')));
  }
  return clashes;
}

function folderUnderRoot(file: Pick<FoundFile, 'abs' | 'root'>): string {
  return path.relative(file.root, path.dirname(file.abs));
}
