/**
 * Facts: the intake flattened into lines the engine can match and cite. Every fact knows its
 * section and field (canonical catalog names, synonyms resolved), its text with placeholders
 * removed, and its source range, so every recommendation can say which intake lines led to it.
 */
import { getFieldCatalog, type FieldCatalog, type FieldSpec, type SectionSpec } from '../catalog/catalog';
import type { Range } from '../document';
import { colonOf, fieldLine } from '../fieldParts';
import type { Intake, Item, Value } from '../model';
import { spanning, startLine } from '../lineRange';

export interface Fact {
  /** Canonical section name (the raw name when the section is unknown). */
  section: string;
  /** Canonical names from the top-level field down to this one; empty for the section header. */
  fieldPath: string[];
  /** The key as written, if the line is a field. */
  key?: string;
  /** The value with unfilled placeholders removed and whitespace collapsed. */
  value: string;
  /** `key：value` for fields, the value otherwise: what rule patterns are matched against. */
  text: string;
  /** The line's range in the document (0-based). */
  range: Range;
  /** 0-based line, for citations like 〔L12〕 (rendered 1-based). */
  line: number;
}

/** What facts need of a catalog: a {@link FieldCatalog}, or {@link memoizedLookup} over one. */
export type CatalogLookup = Pick<FieldCatalog, 'section' | 'field'>;

/**
 * The catalog's lookups, remembered by the name as written: a file repeats the same section
 * names and keys in every intake, and each lookup normalises its name first. Meant to live for
 * one call (one validation), so nothing outlives the document it was built for.
 */
export function memoizedLookup(catalog: FieldCatalog): CatalogLookup {
  const sections = new Map<string, SectionSpec | null>();
  const fields = new Map<SectionSpec, Map<string, FieldSpec | null>>();
  return {
    section(name: string): SectionSpec | undefined {
      let spec = sections.get(name);
      if (spec === undefined) {
        spec = catalog.section(name) ?? null;
        sections.set(name, spec);
      }
      return spec ?? undefined;
    },
    field(section: SectionSpec, key: string): FieldSpec | undefined {
      let byKey = fields.get(section);
      if (!byKey) {
        byKey = new Map();
        fields.set(section, byKey);
      }
      let spec = byKey.get(key);
      if (spec === undefined) {
        spec = catalog.field(section, key) ?? null;
        byKey.set(key, spec);
      }
      return spec ?? undefined;
    },
  };
}

export interface IntakeFacts {
  intake: Intake;
  facts: Fact[];
  /** Facts by canonical section name. */
  bySection: Map<string, Fact[]>;
}

const PLACEHOLDER = /__\((?:[^)]|\)(?!__))*\)__|__\(.*$/g;

/** A value's text without placeholders; empty when nothing real is left. */
function realText(value: Value | undefined): string {
  if (!value) return '';
  const text = value.placeholders.length > 0 ? value.text.replace(PLACEHOLDER, ' ') : value.text;
  return text.replace(/\s+/g, ' ').trim();
}

export function extractFacts(intake: Intake, catalog: CatalogLookup = getFieldCatalog()): IntakeFacts {
  const facts: Fact[] = [];
  for (const section of intake.sections) {
    const spec = catalog.section(section.name);
    const sectionName = spec?.name ?? section.name;
    const headerValue = realText(section.value);
    if (headerValue) {
      facts.push({ section: sectionName, fieldPath: [], value: headerValue, text: headerValue, range: section.headerRange, line: startLine(section.range) });
    }
    collect(section.items, [], spec, sectionName, catalog, facts);
  }
  const bySection = new Map<string, Fact[]>();
  for (const f of facts) {
    const list = bySection.get(f.section) ?? [];
    list.push(f);
    bySection.set(f.section, list);
  }
  return { intake, facts, bySection };
}

function collect(items: readonly Item[], path: string[], spec: SectionSpec | undefined, section: string, catalog: CatalogLookup, out: Fact[]): void {
  for (const item of items) {
    if (item.kind === 'field') {
      const name = (spec && catalog.field(spec, item.key)?.name) ?? item.key;
      const fieldPath = [...path, name];
      const value = realText(item.value);
      out.push({ section, fieldPath, key: item.key, value, text: value ? `${item.key}：${value}` : item.key, range: spanning(item.range, item.value?.range ?? colonOf(item).range), line: fieldLine(item) });
      collect(item.children, fieldPath, spec, section, catalog, out);
    } else {
      const value = realText(item.value);
      if (value) out.push({ section, fieldPath: path, value, text: value, range: spanning(item.range, item.value.range), line: startLine(item.value.range) });
      collect(item.children, path, spec, section, catalog, out);
    }
  }
}
