/**
 * Schemas of the embedded knowledge base (the YAML files beside this one). Knowledge is data:
 * industries, solution categories, products, compliance frameworks, locations and rules are
 * authored as YAML, bundled as JSON by esbuild.js, and checked here — at build time, in tests
 * and on first load. Cross-references (a rule naming a product, a product naming a category…)
 * are checked by {@link checkKnowledgeIntegrity} in integrity.ts.
 */
import { z } from '../zod';

const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case ascii');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');
const NonEmpty = z.string().min(1);

/** A benefit or KPI range, for example 理赔周期 -20% … -40%. */
export const RangeFactSchema = z
  .object({
    metric: NonEmpty,
    low: z.number(),
    high: z.number(),
    unit: NonEmpty,
    note: z.string().optional(),
  })
  .strict()
  .refine((r) => r.low <= r.high, 'low must not exceed high');

export const IndustrySchema = z
  .object({
    id: Id,
    name: NonEmpty,
    nameEn: NonEmpty,
    /** Words in an intake's [客户行业] or 细分领域 that select this industry. */
    aliases: z.array(NonEmpty).min(1),
    businessModel: NonEmpty,
    coreSystems: z.array(z.object({ name: NonEmpty, category: Id, note: z.string().optional() }).strict()).min(2),
    regulators: z.array(NonEmpty).min(1),
    /** Framework ids (frameworks.yaml) that usually apply. */
    frameworks: z.array(Id),
    /** Industry standards and rules that are not frameworks of their own. */
    standards: z.array(NonEmpty).min(1),
    controlPoints: z.array(NonEmpty).min(2),
    kpis: z.array(NonEmpty).min(2),
    benefits: z.array(RangeFactSchema).min(2),
    paybackMonths: z.object({ low: z.number().positive(), high: z.number().positive() }).strict(),
  })
  .strict();

export const CategorySchema = z
  .object({
    id: Id,
    name: NonEmpty,
    nameEn: NonEmpty,
    /** What the category does, one line. */
    purpose: NonEmpty,
    /** Typical features, used in 关键特性. */
    features: z.array(NonEmpty).min(2),
  })
  .strict();

export const OriginSchema = z.enum(['cn', 'intl', 'oss']);
export const DeploymentSchema = z.enum(['saas', 'private', 'hybrid']);
export const PriceTierSchema = z.enum(['low', 'mid', 'high', 'premium']);
export const ScaleSchema = z.enum(['sme', 'mid', 'large']);

export const ProductSchema = z
  .object({
    id: Id,
    name: NonEmpty,
    vendor: NonEmpty,
    /** Domestic Chinese vendor, international vendor, or open source. */
    origin: OriginSchema,
    categories: z.array(Id).min(1),
    deployment: z.array(DeploymentSchema).min(1),
    /** Framework ids the product is commonly certified or attested for. */
    compliance: z.array(Id),
    /** 信创: adapted to domestic CPUs/OS/databases (the note says which). */
    xinchuang: z.object({ adapted: z.boolean(), note: z.string().optional() }).strict(),
    /** Where it is sold and supported: mainland China, global, or both. */
    regions: z.array(z.enum(['cn', 'global'])).min(1),
    priceTier: PriceTierSchema,
    scale: z.array(ScaleSchema).min(1),
    /** Integration protocols it speaks natively (SOAP, REST, IDoc, MQTT, …). */
    protocols: z.array(NonEmpty).optional(),
    strength: NonEmpty,
    caveat: NonEmpty,
  })
  .strict();

export const FrameworkSchema = z
  .object({
    id: Id,
    name: NonEmpty,
    /** Spellings that refer to it in an intake: PCI DSS, PCIDSS, PCI-DSS, 支付卡行业数据安全标准… */
    aliases: z.array(NonEmpty).min(1),
    currentVersion: NonEmpty,
    /** Versions that are no longer valid, with the date they were retired. */
    retiredVersions: z.array(z.object({ version: NonEmpty, retired: IsoDate.optional(), note: z.string().optional() }).strict()).default([]),
    /** Levels, types or classes that exist (等保 第一级…第五级, SOC 2 Type I / Type II). */
    levels: z.array(NonEmpty).default([]),
    /** Level words that must match one of `levels` when present in the intake (regex source). */
    levelPattern: z.string().optional(),
    jurisdiction: NonEmpty,
    requires: NonEmpty,
    /** What "passing" is: a certificate, an attestation report, a filing, an assessment, or compliance with a law. */
    outcome: z.enum(['certificate', 'attestation', 'filing-and-assessment', 'assessment', 'compliance']),
    outcomeNote: NonEmpty,
    /** The correct wording, when people habitually say "认证" for something that is not a certification. */
    preferredWording: z.string().optional(),
    asOf: IsoDate,
  })
  .strict();

export const LocationSchema = z
  .object({
    id: Id,
    name: NonEmpty,
    provider: z.enum(['aws', 'azure', 'gcp', 'alibaba', 'huawei', 'tencent', 'city']),
    /** Region code where there is one (cn-north-1, eastus, …). */
    code: z.string().optional(),
    /** Spellings in intakes: AWS北京, 北京区, Azure East US, 美国东部… Matched case-insensitively. */
    aliases: z.array(NonEmpty).min(1),
    city: NonEmpty,
    country: NonEmpty,
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
  })
  .strict();

/** Where a rule looks: a field (by catalog name, synonyms apply) or the whole intake text. */
export const MatcherSchema = z
  .object({
    /** Section name (catalog canonical), optional: restricts the search to that section. */
    section: z.string().optional(),
    /** Field name (catalog canonical), optional: restricts the search to that field's value and children. */
    field: z.string().optional(),
    /** Regular expression source, matched case-insensitively against each line. */
    pattern: NonEmpty,
  })
  .strict();

export const RuleSchema = z
  .object({
    id: Id,
    /** Every `all` matcher must match (on some line), and at least one `any` matcher when given. */
    all: z.array(MatcherSchema).default([]),
    any: z.array(MatcherSchema).default([]),
    /** Matchers that veto the rule. */
    none: z.array(MatcherSchema).default([]),
    /** The report section where the output appears. */
    section: z.enum(['推荐系统方案', '关键特性', '实施建议', '风险提示', '下一步建议', '适用性分析']),
    title: NonEmpty,
    recommendation: NonEmpty,
    rationale: NonEmpty,
    /** For 风险提示: the response (应对). */
    mitigation: z.string().optional(),
    /** Solution categories the rule asks for (adds them to the system types). */
    categories: z.array(Id).default([]),
    products: z.array(Id).default([]),
    frameworks: z.array(Id).default([]),
    priority: z.number().int().min(1).max(5).default(3),
  })
  .strict()
  .refine((r) => r.all.length + r.any.length > 0, 'a rule needs at least one matcher');

export type Industry = z.infer<typeof IndustrySchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Product = z.infer<typeof ProductSchema>;
export type Framework = z.infer<typeof FrameworkSchema>;
export type Location = z.infer<typeof LocationSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type Matcher = z.infer<typeof MatcherSchema>;

export const IndustriesFileSchema = z.object({ industries: z.array(IndustrySchema).min(12) }).strict();
export const CategoriesFileSchema = z.object({ categories: z.array(CategorySchema).min(30) }).strict();
export const ProductsFileSchema = z.object({ products: z.array(ProductSchema).min(1) }).strict();
export const FrameworksFileSchema = z.object({ frameworks: z.array(FrameworkSchema).min(15) }).strict();
export const LocationsFileSchema = z.object({ locations: z.array(LocationSchema).min(1) }).strict();
export const RulesFileSchema = z.object({ rules: z.array(RuleSchema).min(1) }).strict();
