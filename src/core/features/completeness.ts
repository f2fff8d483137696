/**
 * How complete one intake is: the share of required sections and required fields that are
 * filled (present, with a value that is not a placeholder), capped below 100% while any
 * `__(…)__` placeholder is left in the intake.
 *
 * A required field is satisfied by itself or by any of its sub-fields, or by the section's
 * unkeyed bullets where the catalog says they stand for it (the rule the validator and the
 * report share: facts/coverage.ts), and an item counts as filled when its own value or anything
 * under it is. The total is the
 * same for every intake (the catalog's required entries), so percentages compare.
 */
import { getFieldCatalog, type FieldCatalog, type FieldSpec, type SectionSpec } from '../catalog/catalog';
import { bulletField, hasWrittenText, isCovered } from '../facts/coverage';
import type { Intake, Item, Section, Value } from '../model';
import { forEachFieldSpec, isFilledItem, isFilledValue } from './context';

export interface Completeness {
  /** 0–100, an integer; 100 only when every required entry is filled and no placeholder is left. */
  percent: number;
  requiredTotal: number;
  requiredFilled: number;
  /** Placeholders left in the intake. */
  placeholders: number;
  /** Unfilled required entries: `[段名]` for sections, `段名 › 字段` for fields. A missing section's fields are not listed separately. */
  missing: string[];
}

export function getCompleteness(intake: Intake, catalog: FieldCatalog = getFieldCatalog()): Completeness {
  const bySpec = new Map<SectionSpec, Section[]>();
  for (const s of intake.sections) {
    const spec = catalog.section(s.name);
    if (!spec) continue;
    bySpec.set(spec, [...(bySpec.get(spec) ?? []), s]);
  }

  let total = 0;
  let filled = 0;
  const missing: string[] = [];
  for (const spec of catalog.requiredSections()) {
    const sections = (bySpec.get(spec) ?? []).map((s) => sectionFill(catalog, spec, s));
    total++;
    if (sections.some((s) => s.filled)) filled++;
    else missing.push(`[${spec.name}]`);

    const filledIn = (f: FieldSpec): boolean => sections.some((s) => s.fields.has(f));
    for (const f of spec.allFields) {
      if (!f.required) continue;
      total++;
      if (isCovered(f, filledIn)) filled++;
      else if (sections.length > 0) missing.push(`${spec.name} › ${f.name}`);
    }
  }

  let placeholders = 0;
  for (const v of intake.preamble) placeholders += v.placeholders.length;
  for (const s of intake.sections) placeholders += sectionPlaceholders(s);
  let percent = total === 0 ? 100 : Math.round((filled / total) * 100);
  if (placeholders > 0 && percent >= 100) percent = 99;
  if (filled < total && percent >= 100) percent = 99;
  return { percent, requiredTotal: total, requiredFilled: filled, placeholders, missing };
}

/** What one section of kind `spec` fills: itself, and the catalog fields with a filled item. */
interface SectionFill {
  catalog: FieldCatalog;
  filled: boolean;
  fields: ReadonlySet<FieldSpec>;
}

/**
 * Per section, since parsed sections never change and an edit re-parses one section of an
 * intake (core/documents/): the status bar asks on every keystroke.
 */
const fills = new WeakMap<Section, SectionFill>();
const placeholderCounts = new WeakMap<Section, number>();

function sectionFill(catalog: FieldCatalog, spec: SectionSpec, s: Section): SectionFill {
  const known = fills.get(s);
  if (known?.catalog === catalog) return known;
  const fields = new Set<FieldSpec>();
  forEachFieldSpec(catalog, spec, s.items, (item, f) => {
    if (f && !fields.has(f) && isFilledItem(item)) fields.add(f);
  });
  const fromBullets = bulletField(spec, s, filledBullet);
  if (fromBullets) fields.add(fromBullets);
  const filled = spec.valueRequired ? isFilledValue(s.value) : isFilledValue(s.value) || s.items.some(isFilledItem);
  const fill = { catalog, filled, fields };
  fills.set(s, fill);
  return fill;
}

/** A bullet filled in: no placeholder left, and something written (not a lone dash). */
function filledBullet(value: Value): boolean {
  return isFilledValue(value) && hasWrittenText(value);
}

function sectionPlaceholders(s: Section): number {
  let n = placeholderCounts.get(s);
  if (n === undefined) {
    n = (s.value?.placeholders.length ?? 0) + itemPlaceholders(s.items);
    placeholderCounts.set(s, n);
  }
  return n;
}

/** The placeholders in the values of `items` and all items under them (walkItems without a generator per level: this runs on the edited section at every keystroke). */
function itemPlaceholders(items: readonly Item[]): number {
  let n = 0;
  for (const item of items) {
    n += item.value?.placeholders.length ?? 0;
    if (item.children.length > 0) n += itemPlaceholders(item.children);
  }
  return n;
}
