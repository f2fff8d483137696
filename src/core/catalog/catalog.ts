/**
 * Lookup over the field catalog (fields.yaml): resolve section names and field keys, with
 * their synonyms, to their specs. Loaded lazily; validated when the extension is built
 * (schema.ts, run by esbuild.js), so loading needs no zod.
 */
import loadCatalog from './fields.yaml';
import type { FieldCatalogData, FieldSpecInput, ReportSection, SectionSpecData } from './schema';
import { memoByText } from '../text/memo';

export interface FieldSpec {
  name: string;
  synonyms: string[];
  required: boolean;
  description: { zh: string; en: string };
  /** Allowed or suggested values, enumerations already resolved. */
  values: string[];
  feeds: ReportSection[];
  placeholder?: string;
  /** The section's unkeyed bullets stand for this field (`fromBullets` in fields.yaml). */
  fromBullets?: true;
  fields: FieldSpec[];
  /** Canonical names from the section down to this field's parent. */
  path: string[];
}

export interface SectionSpec extends Omit<SectionSpecData, 'fields' | 'values' | 'synonyms'> {
  synonyms: string[];
  values: string[];
  fields: FieldSpec[];
  /** Every field at every depth, parents before children. */
  allFields: FieldSpec[];
  /** The field the section's unkeyed bullets stand for, if one does (see facts/coverage.ts). */
  bulletField?: FieldSpec;
}

export class FieldCatalog {
  readonly sections: SectionSpec[];
  private required: readonly SectionSpec[] | undefined;
  readonly enums: Record<string, string[]>;
  private readonly sectionIndex = new Map<string, SectionSpec>();
  private readonly fieldIndex = new Map<SectionSpec, Map<string, FieldSpec>>();

  /** From validated catalog data (see `parseFieldCatalog` in schema.ts for data that is not). */
  constructor(parsed: FieldCatalogData) {
    this.enums = parsed.enums;
    const resolveValues = (v: string[] | string | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? parsed.enums[v]! : v);
    const toField = (f: FieldSpecInput, path: string[]): FieldSpec => {
      const spec: FieldSpec = {
        name: f.name,
        synonyms: f.synonyms ?? [],
        required: f.required ?? false,
        description: f.description,
        values: resolveValues(f.values),
        feeds: f.feeds,
        fields: [],
        path,
      };
      if (f.placeholder !== undefined) spec.placeholder = f.placeholder;
      if (f.fromBullets) spec.fromBullets = true;
      spec.fields = (f.fields ?? []).map((child) => toField(child, [...path, f.name]));
      return spec;
    };
    this.sections = parsed.sections.map((s) => {
      const fields = s.fields.map((f) => toField(f, [s.name]));
      const allFields: FieldSpec[] = [];
      const walk = (list: FieldSpec[]) => {
        for (const f of list) {
          allFields.push(f);
          walk(f.fields);
        }
      };
      walk(fields);
      const section: SectionSpec = { ...s, synonyms: s.synonyms ?? [], values: resolveValues(s.values), fields, allFields };
      const bulletField = allFields.find((f) => f.fromBullets);
      if (bulletField) section.bulletField = bulletField;
      return section;
    });
    for (const section of this.sections) {
      for (const n of [section.name, ...section.synonyms]) this.sectionIndex.set(normalizeName(n), section);
      const index = new Map<string, FieldSpec>();
      for (const f of section.allFields) {
        for (const n of [f.name, ...f.synonyms]) {
          const key = normalizeName(n);
          // The first (shallowest) spec wins when two share a name.
          if (!index.has(key)) index.set(key, f);
        }
      }
      this.fieldIndex.set(section, index);
    }
  }

  section(name: string): SectionSpec | undefined {
    return this.sectionIndex.get(normalizedName(name));
  }

  field(section: SectionSpec, key: string): FieldSpec | undefined {
    return this.fieldIndex.get(section)?.get(normalizedName(key));
  }

  /** The sections every intake must have, in catalog order (found once: every intake's checks ask). */
  requiredSections(): readonly SectionSpec[] {
    return (this.required ??= this.sections.filter((s) => s.required));
  }

  /** The closest known section name, for "did you mean" on unknown sections. */
  suggestSection(name: string): SectionSpec | undefined {
    const n = normalizeName(name);
    let best: { spec: SectionSpec; score: number } | undefined;
    for (const s of this.sections) {
      for (const candidate of [s.name, ...s.synonyms]) {
        const score = similarity(n, normalizeName(candidate));
        if (score >= 0.5 && (!best || score > best.score)) best = { spec: s, score };
      }
    }
    return best?.spec;
  }
}

/** Key and section names compare without spaces, bold markers or case. */
export function normalizeName(name: string): string {
  return name.replace(/\*\*/g, '').replace(/[\s\u3000]+/g, '').toLowerCase();
}

/**
 * {@link normalizeName} kept per name (text/memo.ts): the facts, the rules and the report look the
 * same few dozen section and field names up again and again.
 */
const normalizedName = memoByText(normalizeName);

/** Dice coefficient over characters (names are short and mostly CJK). */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of a) counts.set(c, (counts.get(c) ?? 0) + 1);
  let common = 0;
  for (const c of b) {
    const n = counts.get(c) ?? 0;
    if (n > 0) {
      common++;
      counts.set(c, n - 1);
    }
  }
  return (2 * common) / ([...a].length + [...b].length);
}

let shared: FieldCatalog | undefined;

/** The embedded catalog's data as validated at build time (a team's extra fields are merged into a copy: team/merge.ts). */
export function embeddedCatalogData(): FieldCatalogData {
  return loadCatalog() as FieldCatalogData;
}

/** The embedded catalog, loaded on first use. */
export function getFieldCatalog(): FieldCatalog {
  return (shared ??= new FieldCatalog(embeddedCatalogData()));
}
