/** Traversal helpers over the parse tree. */
import type { FieldItem, Intake, IntakeFile, Item, Section } from './model';

export function* walkItems(items: readonly Item[]): Generator<Item> {
  for (const item of items) {
    yield item;
    yield* walkItems(item.children);
  }
}

export function* walkFields(items: readonly Item[]): Generator<FieldItem> {
  for (const item of walkItems(items)) if (item.kind === 'field') yield item;
}

/** The intake whose lines include `line`, else the nearest one before it (or the first). */
export function intakeAtLine(file: IntakeFile, line: number): Intake | undefined {
  let found: Intake | undefined = file.intakes[0];
  for (const intake of file.intakes) {
    if (intake.range.start.line <= line) found = intake;
    else break;
  }
  return found;
}

/** The section whose lines include `line`, if any. */
export function sectionAtLine(intake: Intake, line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of intake.sections) {
    if (s.range.start.line <= line) found = s;
    else break;
  }
  return found;
}
