/**
 * How complete one intake is: the share of required sections and required fields that are
 * filled (present, with a value that is not a placeholder), capped below 100% while any
 * `__(…)__` placeholder is left in the intake.
 *
 * A required field is satisfied by itself or by any of its sub-fields (the rule the validator
 * and the report share: facts/coverage.ts), and an item counts as filled when its own value or
 * anything under it is. The total is the
 * same for every intake (the catalog's required entries), so percentages compare.
 */
import { getFieldCatalog, type FieldCatalog, type FieldSpec, type SectionSpec } from '../catalog/catalog';
import { isCovered } from '../facts/coverage';
import type { FieldItem, Intake, Section } from '../model';
import { walkItems } from '../walk';
import { isFilledItem, isFilledValue, resolveFieldSpecs } from './context';

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
    const sections = bySpec.get(spec) ?? [];
    total++;
    const sectionFilled = sections.some((s) => (spec.valueRequired ? isFilledValue(s.value) : isFilledValue(s.value) || s.items.some(isFilledItem)));
    if (sectionFilled) filled++;
    else missing.push(`[${spec.name}]`);

    const items = new Map<FieldSpec, FieldItem[]>();
    for (const s of sections) {
      for (const [item, f] of resolveFieldSpecs(catalog, spec, s.items)) {
        if (f) items.set(f, [...(items.get(f) ?? []), item]);
      }
    }
    const filledIn = (f: FieldSpec): boolean => (items.get(f) ?? []).some(isFilledItem);
    for (const f of spec.allFields) {
      if (!f.required) continue;
      total++;
      if (isCovered(f, filledIn)) filled++;
      else if (sections.length > 0) missing.push(`${spec.name} › ${f.name}`);
    }
  }

  const placeholders = countPlaceholders(intake);
  let percent = total === 0 ? 100 : Math.round((filled / total) * 100);
  if (placeholders > 0 && percent >= 100) percent = 99;
  if (filled < total && percent >= 100) percent = 99;
  return { percent, requiredTotal: total, requiredFilled: filled, placeholders, missing };
}

function countPlaceholders(intake: Intake): number {
  let n = 0;
  for (const v of intake.preamble) n += v.placeholders.length;
  for (const s of intake.sections) {
    n += s.value?.placeholders.length ?? 0;
    for (const item of walkItems(s.items)) n += item.value?.placeholders.length ?? 0;
  }
  return n;
}
