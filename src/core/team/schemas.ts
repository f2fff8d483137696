/**
 * The schemas of a team's data files in `.intake/`, derived from the embedded knowledge's own
 * (knowledge/schema.ts) and the field catalog's (catalog/schema.ts), so that an entry a team
 * adds is checked exactly as an embedded one is:
 *
 * - a knowledge overlay (`.intake/knowledge/*.yaml|*.yml|*.json`, and the folders of the setting
 *   `intake.knowledge.paths`): entries to add, fields of existing entries to override (every
 *   field optional but the id, no defaults), vendor policies, the team's price list, extra intake
 *   fields;
 * - `.intake/report.yaml`: the branding of exports.
 *
 * zod classic runs here only at build time (and in tests): esbuild.js turns these schemas into
 * JSON Schemas (jsonSchemas.ts), which ship in `dist/schemas/` for editors and for the run-time
 * check (jsonSchemaCheck.ts). What a JSON Schema cannot say (a range whose low exceeds its high,
 * an id that must exist) is checked by team/merge.ts and team/branding.ts.
 */
import { z } from '../zod';
import { FieldSpecProperties } from '../catalog/schema';
import { CategorySchema, FrameworkSchema, IndustrySchema, LifecycleFamilySchema, ProductSchema, RuleSchema } from '../knowledge/schema';
import { MAX_BRAND_TEXT, TEAM_CURRENCIES } from './types';

const Id = ProductSchema.shape.id;
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');
const NonEmpty = z.string().min(1);

/** The schema of an override: the id, and any other field of the entry, without defaults (a field not given is left alone). */
function overrideOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>, what: string) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    shape[key] = key === 'id' ? field : withoutDefault(field).optional();
  }
  return z.object(shape).strict().describe(`Fields of an existing ${what} to change, by its id. Each field given replaces the ${what}'s whole (lists and maps too); the others stay.`);
}

function withoutDefault(field: z.ZodType): z.ZodType {
  return field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
}

const VendorPolicySchema = z
  .object({
    vendor: NonEmpty.describe('The vendor as the products name it (case does not matter): Oracle, 华为, 阿里云…'),
    policy: z.enum(['preferred', 'partner', 'blocked']).describe('preferred: wins a tie; partner: wins a tie after preferred; blocked: never proposed (a product the customer already runs stays)'),
    reason: z.string().max(200).optional().describe('Why, as the report appendix should say it'),
  })
  .strict();

const PriceItemSchema = z
  .object({
    product: Id.describe('The product id (embedded or added by an overlay)'),
    price: z.number().nonnegative().describe('The price per unit, in the currency (yuan, dollars…: not 万元)'),
    unit: z.enum(['user', 'node', 'core', 'tb', 'site']).describe('What the price is per: a named user, a server or cluster node, a CPU core, a TB of data, a site'),
    period: z.enum(['per-month', 'per-year', 'one-time']).describe('per-month and per-year are subscriptions; one-time is a perpetual licence'),
    currency: z.enum(TEAM_CURRENCIES).optional().describe("The item's currency, if not the list's"),
    discount: z.string().max(200).optional().describe('What the price already includes or assumes (渠道价, 含首年维保…)'),
    note: z.string().max(200).optional(),
  })
  .strict();

const PriceListSchema = z
  .object({
    name: z.string().max(100).optional().describe('The list as the report names it: 2026年渠道价…'),
    currency: z.enum(TEAM_CURRENCIES).optional().describe('The currency of every item that gives none'),
    validFrom: IsoDate.optional(),
    validUntil: IsoDate.optional().describe('After this date the list is not used (and `intake knowledge check` says it expired)'),
    discount: z.string().max(200).optional().describe('A discount note for the whole list'),
    items: z.array(PriceItemSchema).min(1),
  })
  .strict();

const TeamFieldSchema = z
  .object({
    section: NonEmpty.describe('The section the field belongs to, as the catalog names it: 客户行业, 预算限制…'),
    under: z.array(NonEmpty).optional().describe('The field it is a sub-field of, as a path of field names ([业务规模]); absent: directly in the section'),
    ...FieldSpecProperties,
  })
  .strict();

export const OverlayFileSchema = z
  .object({
    $schema: z.string().optional(),
    products: z.array(ProductSchema).optional().describe('Products to add (as in products/*.yaml); one with an existing id replaces it whole'),
    categories: z.array(CategorySchema).optional(),
    industries: z.array(IndustrySchema).optional(),
    frameworks: z.array(FrameworkSchema).optional(),
    lifecycle: z.array(LifecycleFamilySchema).optional().describe('Product families with their versions and end-of-support dates'),
    rules: z.array(RuleSchema).optional(),
    overrides: z
      .object({
        products: z.array(overrideOf(ProductSchema, 'product')).optional(),
        categories: z.array(overrideOf(CategorySchema, 'category')).optional(),
        industries: z.array(overrideOf(IndustrySchema, 'industry')).optional(),
        frameworks: z.array(overrideOf(FrameworkSchema, 'framework')).optional(),
        lifecycle: z.array(overrideOf(LifecycleFamilySchema, 'lifecycle family')).optional(),
        rules: z.array(overrideOf(RuleSchema, 'rule')).optional(),
      })
      .strict()
      .optional(),
    vendors: z.array(VendorPolicySchema).optional().describe("The team's vendor policy"),
    prices: PriceListSchema.optional().describe("The team's price list: it replaces the planning estimates of the products it prices"),
    fields: z.array(TeamFieldSchema).optional().describe('Extra intake fields: completion, hover, the missing-field check and rules know them'),
  })
  .strict();

const BrandText = z.string().min(1).max(MAX_BRAND_TEXT);
const FontName = z.string().min(1).max(64).regex(/^[^<>&"]+$/, 'a font name has no < > & or "');

export const BrandingFileSchema = z
  .object({
    $schema: z.string().optional(),
    company: BrandText.optional().describe('The company name, on the cover and in the page header'),
    logo: NonEmpty.optional().describe('A PNG or SVG file in the workspace, relative to this file'),
    cover: z
      .object({
        preparedFor: BrandText.optional(),
        preparedBy: BrandText.optional(),
        date: BrandText.optional().describe('Default: the report date'),
        version: BrandText.optional(),
        confidentiality: BrandText.optional().describe('内部资料, 机密, Confidential…'),
      })
      .strict()
      .optional(),
    header: BrandText.optional().describe('The text of every page header (Word) and of the top of the page (HTML, preview)'),
    footer: BrandText.optional(),
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #RRGGBB').optional().describe('Headings rules, table headers and the cover, as #RRGGBB'),
    fonts: z
      .object({
        chinese: FontName.optional().describe('Word: the East Asian font (微软雅黑, 宋体, 思源黑体…)'),
        latin: FontName.optional().describe('Word: the font of Latin text and digits (Arial, Calibri…)'),
      })
      .strict()
      .optional(),
    word: z
      .object({
        template: NonEmpty.optional().describe('A .dotx or .docx in the workspace, relative to this file: the export keeps its styles, headers and footers, and replaces {{report}} with the report'),
      })
      .strict()
      .optional(),
  })
  .strict();

export type OverlayFile = z.output<typeof OverlayFileSchema>;
export type BrandingFile = z.output<typeof BrandingFileSchema>;
