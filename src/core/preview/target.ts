/**
 * Which intake of a file a command is about: the one whose CodeLens was clicked (an explicit
 * index), else the one under the cursor. Pure; no `vscode`.
 */
import { intakeForLine } from '../features/context';
import type { IntakeFile } from '../model';

/**
 * The intake for `line`: the one it belongs to, else (below a separator where a new intake is
 * being started) the last one above it, else the first. Undefined if the file has none.
 */
export function intakeIndexAt(file: IntakeFile, line: number): number | undefined {
  if (file.intakes.length === 0) return undefined;
  const found = intakeForLine(file, line);
  if (found) return found.index;
  let last = 0;
  for (const intake of file.intakes) if (intake.range.start.line <= line) last = intake.index;
  return last;
}

/**
 * The intake a command targets: `requested` when it names one that exists (a lens passes its
 * index; other callers pass arbitrary arguments, so anything else is ignored), else the one at
 * the cursor line.
 */
export function targetIntakeIndex(file: IntakeFile, requested: unknown, cursorLine: number | undefined): number | undefined {
  if (typeof requested === 'number' && Number.isInteger(requested) && requested >= 0 && requested < file.intakes.length) return requested;
  return intakeIndexAt(file, cursorLine ?? 0);
}
