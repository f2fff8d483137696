/**
 * Which intake, section and field a line of a parsed file is in: the one answer every feature
 * uses (diagnostics, hover, completion, the status bar, the preview's target and highlights).
 *
 * The rule, line by line:
 * - Lines above the first intake's first content belong to the first intake.
 * - An intake holds its lines from its first content (preamble text, heading or section) down
 *   to the line before the next intake's first content.
 * - A separator line (`=====`, `-----`, …) belongs to the intake it ends: `intake` is that
 *   intake, but the line is in none of its sections (`section` undefined, no items).
 * - The lines after a separator, up to the next intake's first content (blank lines, further
 *   separators, the end of the file), are between intakes: a new intake is being started
 *   there, so `intake` is undefined. `nearest` is then the intake above, for callers that must
 *   name one (the preview's target, the intake a diagnostic belongs to).
 * - Within an intake, a line is in the last section that starts at or above it, unless a `###`
 *   heading stands between that section's header and the line (the line then belongs to the
 *   block the heading opens). The lines above the first section (preamble) are in none.
 * - Within a section, the items whose lines include the line, outermost first; `field` is the
 *   innermost field among them (the field the line belongs to: its key's line, or a line of
 *   its value's children).
 *
 * Pure, no allocation beyond the result; intakes are found by binary search, so asking for
 * every placeholder of a large file stays cheap.
 */
import type { FieldItem, Intake, IntakeFile, Item, Section } from '../model';

export interface IntakeLocation {
  /** The intake that holds the line; undefined between intakes (after a separator) and in a file with none. */
  intake: Intake | undefined;
  /** `intake`, else (between intakes) the intake above the line; undefined only in a file with none. */
  nearest: Intake | undefined;
}

export interface LineLocation extends IntakeLocation {
  /** The section whose body holds the line (none on a separator line or above the first section). */
  section: Section | undefined;
  /** The items of `section` whose lines include the line, outermost first (the last may start on it). */
  items: readonly Item[];
  /** The innermost field among `items`. */
  field: FieldItem | undefined;
}

const NO_ITEMS: readonly Item[] = [];

/** The intake of a line (see the rule above). */
export function locateIntake(file: IntakeFile, line: number): IntakeLocation {
  const intakes = file.intakes;
  // The last intake whose first content line is at or above `line`.
  let lo = 0;
  let hi = intakes.length - 1;
  let intake: Intake | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = intakes[mid];
    if (candidate && candidate.range.start.line <= line) {
      intake = candidate;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (!intake) return { intake: intakes[0], nearest: intakes[0] };
  const separator = intake.separatorAfter;
  if (separator && line > separator.start.line) return { intake: undefined, nearest: intake };
  return { intake, nearest: intake };
}

/** The intake, section, items and field of a line (see the rule above). */
export function locate(file: IntakeFile, line: number): LineLocation {
  const where = locateIntake(file, line);
  const intake = where.intake;
  const onSeparator = !!intake?.separatorAfter && intake.separatorAfter.start.line === line;
  const section = intake && !onSeparator ? sectionOf(intake, line) : undefined;
  if (!section) return { ...where, section: undefined, items: NO_ITEMS, field: undefined };
  const items = itemsAt(section.items, line);
  let field: FieldItem | undefined;
  for (const item of items) if (item.kind === 'field') field = item;
  return { ...where, section, items, field };
}

function sectionOf(intake: Intake, line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of intake.sections) {
    if (s.range.start.line <= line) found = s;
    else break;
  }
  if (!found) return undefined;
  const start = found.range.start.line;
  if (intake.headings.some((h) => h.range.start.line > start && h.range.start.line <= line)) return undefined;
  return found;
}

function itemsAt(items: readonly Item[], line: number): Item[] {
  const chain: Item[] = [];
  let list = items;
  for (;;) {
    const hit = list.find((i) => i.range.start.line <= line && line <= i.range.end.line);
    if (!hit) return chain;
    chain.push(hit);
    list = hit.children;
  }
}
