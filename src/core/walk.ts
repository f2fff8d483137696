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

/** `for (const f of walkFields(items)) fn(f)` without a generator per level, for hot paths. */
export function forEachField(items: readonly Item[], fn: (field: FieldItem) => void): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'field') fn(item);
    if (item.children.length > 0) forEachField(item.children, fn);
  }
}

/**
 * {@link intakeAtLine} for lines asked in ascending order: a cursor that moves forward instead
 * of scanning from the first intake each time (it starts over when a line goes backwards).
 */
export class IntakeCursor {
  private next = 0;
  private lastLine = -1;

  constructor(private readonly file: IntakeFile) {}

  at(line: number): Intake | undefined {
    const intakes = this.file.intakes;
    if (line < this.lastLine) this.next = 0;
    this.lastLine = line;
    // `next` is the first intake starting after `line`; the one before it contains the line.
    while (this.next < intakes.length && intakes[this.next]!.range.start.line <= line) this.next++;
    return this.next > 0 ? intakes[this.next - 1] : intakes[0];
  }
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
