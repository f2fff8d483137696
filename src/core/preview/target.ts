/**
 * Which intake of a file a command is about: the one whose CodeLens was clicked (an explicit
 * index), else the one under the cursor. Pure; no `vscode`.
 */
import { locateIntake } from '../facts/locate';
import type { IntakeFile } from '../model';

/**
 * The intake a command targets: `requested` when it names one that exists (a lens passes its
 * index; other callers pass arbitrary arguments, so anything else is ignored), else the one at
 * the cursor line (between intakes, the one above). Undefined if the file has none.
 */
export function targetIntakeIndex(file: IntakeFile, requested: unknown, cursorLine: number | undefined): number | undefined {
  if (typeof requested === 'number' && Number.isInteger(requested) && requested >= 0 && requested < file.intakes.length) return requested;
  return locateIntake(file, cursorLine ?? 0).nearest?.index;
}
