/**
 * The field catalog's schema: what every section and field of an intake means. The data is
 * `fields.yaml`; this schema checks it at build time (esbuild.js), in tests and on first load.
 */
import { z } from '../zod';

const REPORT_SECTIONS = ['业务需求分析', '推荐系统方案', '适用性分析', '关键特性', '实施建议', '成本效益分析', '风险提示', '下一步建议'] as const;
const ReportSectionSchema = z.enum(REPORT_SECTIONS);
export type ReportSection = z.infer<typeof ReportSectionSchema>;

const Bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

/** Inline values, or the name of a shared enumeration (`industries`, `compliance`, `clouds`, …). */
const ValueHints = z.union([z.array(z.string().min(1)).min(1), z.string().regex(/^[a-z][a-zA-Z]*$/)]);

export interface FieldSpecInput {
  name: string;
  synonyms?: string[];
  required?: boolean;
  description: { zh: string; en: string };
  values?: string[] | string;
  feeds: ReportSection[];
  placeholder?: string;
  fromBullets?: boolean;
  fields?: FieldSpecInput[];
}

/** A field's properties besides its sub-fields: also what a team's extra field has (team/schemas.ts). */
export const FieldSpecProperties = {
  name: z.string().min(1),
  synonyms: z.array(z.string().min(1)).optional(),
  /** A required field is satisfied by itself or by any of its sub-fields. */
  required: z.boolean().optional(),
  description: Bilingual,
  values: ValueHints.optional(),
  feeds: z.array(ReportSectionSchema).min(1),
  /** Placeholder text (without `__(` `)__`) used when a quick-fix inserts this field. */
  placeholder: z.string().optional(),
};

const FieldSpecSchema: z.ZodType<FieldSpecInput> = z.lazy(() =>
  z
    .object({
      ...FieldSpecProperties,
      /**
       * What the section's unkeyed bullets (`- 订单靠人工导出`) stand for: they cover this
       * required field as its own key would (facts/coverage.ts). At most one per section; the
       * catalog's own, not a team's extra field's.
       */
      fromBullets: z.boolean().optional(),
      fields: z.array(FieldSpecSchema).optional(),
    })
    .strict(),
);

const SectionSpecSchema = z
  .object({
    name: z.string().min(1),
    synonyms: z.array(z.string().min(1)).optional(),
    required: z.boolean(),
    /** The header line must carry a value (for example the industry itself). */
    valueRequired: z.boolean().optional(),
    description: Bilingual,
    values: ValueHints.optional(),
    placeholder: z.string().optional(),
    feeds: z.array(ReportSectionSchema).min(1),
    /** The `###` heading the structured template puts above this section. */
    heading: z.string().min(1),
    /** The simple template's text for this section, inserted by the missing-section fix. */
    skeleton: z.string().min(1),
    fields: z.array(FieldSpecSchema),
  })
  .strict();

export const FieldCatalogSchema = z
  .object({
    enums: z.record(z.string(), z.array(z.string().min(1)).min(1)),
    sections: z.array(SectionSpecSchema).min(1),
  })
  .strict()
  .superRefine((catalog, ctx) => {
    const check = (values: string[] | string | undefined, where: string) => {
      if (typeof values === 'string' && !(values in catalog.enums)) {
        ctx.addIssue({ code: 'custom', message: `${where}: unknown enumeration "${values}"` });
      }
    };
    const seen = new Set<string>();
    for (const section of catalog.sections) {
      check(section.values, section.name);
      for (const n of [section.name, ...(section.synonyms ?? [])]) {
        if (seen.has(n)) ctx.addIssue({ code: 'custom', message: `section name "${n}" is used twice` });
        seen.add(n);
      }
      const fromBullets: string[] = [];
      const walk = (fields: FieldSpecInput[], path: string) => {
        for (const f of fields) {
          check(f.values, `${path}/${f.name}`);
          if (f.fromBullets) fromBullets.push(`${path}/${f.name}`);
          walk(f.fields ?? [], `${path}/${f.name}`);
        }
      };
      walk(section.fields, section.name);
      if (fromBullets.length > 1) ctx.addIssue({ code: 'custom', message: `${section.name}: only one field can stand for the unkeyed bullets (${fromBullets.join(', ')})` });
    }
  });

export type SectionSpecData = z.infer<typeof SectionSpecSchema>;
export type FieldCatalogData = z.output<typeof FieldCatalogSchema>;

/** Checks raw catalog data (the YAML as written); throws on what is wrong. At build time and in tests. */
export function parseFieldCatalog(raw: unknown): FieldCatalogData {
  return FieldCatalogSchema.parse(raw);
}
