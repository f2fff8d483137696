/** Export formats and the default file name beside the intake. Pure; no `vscode`. */

export type ExportFormat = 'md' | 'html' | 'docx';
const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { md: 'md', html: 'html', docx: 'docx' };

/** `insurance.intake` → `insurance.report.md`; with several intakes, `seeds-2.report.md`. */
export function exportFileName(intakeFileName: string, format: ExportFormat, intakeIndex = 0, intakeCount = 1): string {
  const base = intakeStem(intakeFileName);
  const suffix = intakeCount > 1 ? `-${intakeIndex + 1}` : '';
  return `${base}${suffix}.report.${EXPORT_EXTENSIONS[format]}`;
}

/** An intake file's name without `.intake`, `.intake.md` or another last extension (`intake` if nothing is left). */
export function intakeStem(intakeFileName: string): string {
  let base = intakeFileName.replace(/\.intake(\.md)?$/i, '');
  if (base === intakeFileName) base = intakeFileName.replace(/\.[^.]+$/, '');
  return base.length === 0 ? 'intake' : base;
}
