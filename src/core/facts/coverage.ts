/**
 * What an intake lacks of what the catalog requires. One rule, shared by the validator (its
 * missing-field, missing-section and empty-value diagnostics), the status bar's completeness
 * and the report's list of missing information:
 *
 *   a required field is satisfied by itself or by any of its sub-fields, at any depth
 *   (an intake that gives 用户量 has given 业务规模);
 *   a section's unkeyed bullets with something written in them give the field the catalog says
 *   they stand for (`fromBullets`: pains listed as plain bullets give 当前痛点 › 具体问题, as the
 *   engine reads them), see {@link bulletField}.
 *
 * What "has a field" means is the caller's: the validator and the report count a field that is
 * present, the status bar one that is filled in ({@link isCovered} takes it as a predicate).
 */
import { getFieldCatalog, type FieldCatalog, type FieldSpec, type SectionSpec } from '../catalog/catalog';
import type { Range } from '../document';
import { keyRangeOf } from '../fieldParts';
import { maskedText } from './lines';
import type { FieldItem, Intake, Item, Section, Value } from '../model';
import { forEachField } from '../walk';

/** Whether `field` is satisfied: `has` it, or any of its sub-fields (recursively). */
export function isCovered(field: FieldSpec, has: (field: FieldSpec) => boolean): boolean {
  if (has(field)) return true;
  // Loops rather than some() and filter(): the validator asks this of every intake of a file, a
  // callback per call.
  for (const sub of field.fields) if (isCovered(sub, has)) return true;
  return false;
}

/** The required fields of a section (at any depth, in catalog order) that `has` does not cover. */
export function uncoveredRequired(spec: SectionSpec, has: (field: FieldSpec) => boolean): FieldSpec[] {
  let out: FieldSpec[] | undefined;
  for (const f of spec.allFields) if (f.required && !isCovered(f, has)) (out ??= []).push(f);
  return out ?? [];
}

/** A letter or a digit, of any script: what a bullet of only dashes or punctuation lacks. */
const WORD = /[\p{L}\p{N}]/u;

/** Whether a value has a letter or digit outside its `__(…)__` placeholders (blanked as the analysis lines blank them). */
export function hasWrittenText(value: Value): boolean {
  return WORD.test(maskedText(value));
}

/**
 * The field `section`'s unkeyed bullets give: its spec's {@link SectionSpec.bulletField}, when an
 * unkeyed line of the section (a `TextItem` outside any field, at any depth under other such
 * lines: the engine reads all of them as the section's own) has a value that is `written`. By
 * default one with a letter or digit besides placeholders; the status bar asks for a filled one.
 */
export function bulletField(spec: SectionSpec, section: Section, written: (value: Value) => boolean = hasWrittenText): FieldSpec | undefined {
  const field = spec.bulletField;
  return field && hasWrittenBullet(section.items, written) ? field : undefined;
}

function hasWrittenBullet(items: readonly Item[], written: (value: Value) => boolean): boolean {
  for (const item of items) {
    // A field's lines are the field's (its own key covers it).
    if (item.kind !== 'text') continue;
    if (written(item.value) || hasWrittenBullet(item.children, written)) return true;
  }
  return false;
}

/** A field written without a value and without anything under it. */
export function isEmptyField(field: FieldItem): boolean {
  return !field.value && field.children.length === 0;
}

/** A section without a value where its spec requires one, or with neither a value nor items. */
export function isEmptySection(spec: SectionSpec, section: Section): boolean {
  return (spec.valueRequired && !section.value) || (!section.value && section.items.length === 0);
}

/** Where intake-level findings point: the first section header, else the intake's first line. */
export function intakeAnchor(intake: Intake): Range {
  const first = intake.sections[0];
  if (first) return first.nameRange;
  return { start: intake.range.start, end: intake.range.start.line === intake.range.end.line ? intake.range.end : intake.range.start };
}

/** Something required that an intake lacks; the kinds and fields match the validator's diagnostic data. */
export type RequiredGap =
  | { kind: 'missing-section'; section: string; range: Range }
  | { kind: 'missing-field'; section: string; field: string; range: Range }
  | { kind: 'empty-value'; key: string; range: Range };

/**
 * Everything required that `intake` lacks, in document order (ties in the order the validator
 * reports them): empty sections and fields, required fields no field of the intake covers
 * (at the first section of their kind), and missing required sections (at {@link intakeAnchor}).
 * Fields count when present, filled or not, like the validator's diagnostics; unkeyed bullets
 * when something is written in them ({@link bulletField}).
 */
export function requiredGaps(intake: Intake, catalog: FieldCatalog = getFieldCatalog()): RequiredGap[] {
  const out: RequiredGap[] = [];
  // The first section of each kind the intake has.
  const bySpec = new Map<SectionSpec, Section>();
  for (const section of intake.sections) {
    const spec = catalog.section(section.name);
    if (!spec) continue;
    if (!bySpec.has(spec)) bySpec.set(spec, section);
    if (isEmptySection(spec, section)) out.push({ kind: 'empty-value', key: section.name, range: section.nameRange });
  }
  const present = new Set<FieldSpec>();
  for (const section of intake.sections) {
    const spec = catalog.section(section.name);
    forEachField(section.items, (field) => {
      if (isEmptyField(field)) out.push({ kind: 'empty-value', key: field.key, range: keyRangeOf(field) });
      const f = spec && catalog.field(spec, field.key);
      if (f) present.add(f);
    });
    const fromBullets = spec && bulletField(spec, section);
    if (fromBullets) present.add(fromBullets);
  }
  for (const [spec, first] of bySpec) {
    for (const f of uncoveredRequired(spec, (x) => present.has(x))) out.push({ kind: 'missing-field', section: spec.name, field: f.name, range: first.nameRange });
  }
  const anchor = intakeAnchor(intake);
  for (const spec of catalog.requiredSections()) {
    if (!bySpec.has(spec)) out.push({ kind: 'missing-section', section: spec.name, range: anchor });
  }
  // Array.prototype.sort is stable: equal positions keep the order above.
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
