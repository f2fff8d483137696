/**
 * The embedded knowledge base, loaded on first use (never at extension activation). Each YAML
 * file is validated when the extension is built (its zod schema and the cross-reference check,
 * see validateData.ts and esbuild.js) and embedded as the schema's output, so loading it is a
 * `JSON.parse`: no zod and no checks at run time. The files a report needs (all but the
 * frameworks and locations, which the analysis loads alone) share one data file, read and parsed
 * at the first of their loads (DATA_GROUPS in esbuild.js); the details of its products, rules,
 * categories, industries and lifecycle families are parsed per entry when first read
 * (lazyDetails.ts).
 */
import type { z } from '../zod';
import loadCategories from './categories.yaml';
import loadFrameworks from './frameworks.yaml';
import loadIndustries from './industries.yaml';
import loadLifecycle from './lifecycle.yaml';
import loadLocations from './locations.yaml';
import loadBusinessProducts from './products/business.yaml';
import loadFoundationProducts from './products/foundation.yaml';
import loadIndustryProducts from './products/industry.yaml';
import loadPlatformProducts from './products/platform.yaml';
import loadRules from './rules.yaml';
import loadTimelines from './timelines.yaml';
import { setShippedGates, type PackedGates } from './gateTable';
import type { KnowledgeData } from './integrity';
import { productsByCategory } from './lazyDetails';
import { setShippedPlaceAliases, type ShippedLocationsFile } from './placeAliases';
import type {
  CategoriesFileSchema,
  FrameworksFileSchema,
  IndustriesFileSchema,
  LifecycleFileSchema,
  LocationsFileSchema,
  ProductsFileSchema,
  RulesFileSchema,
  Category,
  Framework,
  Industry,
  LifecycleFamily,
  Location,
  Product,
  Rule,
} from './schema';
import type { TimelinesFileSchema } from './timelineSchema';

export interface KnowledgeBase extends KnowledgeData {
  product(id: string): Product | undefined;
  category(id: string): Category | undefined;
  framework(id: string): Framework | undefined;
  industry(id: string): Industry | undefined;
  family(id: string): LifecycleFamily | undefined;
  /** Products of a category, in file order (the order is a stable tie-breaker). */
  productsIn(category: string): readonly Product[];
}

/** A file's data as its schema output it at build time. */
function validated<S extends z.ZodType>(load: () => unknown): z.output<S> {
  return load() as z.output<S>;
}

/** The shipped locations, with the aliases the build worked out for them (placeAliases.ts). */
function shippedLocations(): Location[] {
  const file = validated<typeof LocationsFileSchema>(loadLocations) as ShippedLocationsFile;
  if (file.placeAliases) setShippedPlaceAliases(file.locations, file.placeAliases);
  return file.locations;
}

/** The rules, with the table of their gates the build worked out (gateTable.ts), if it did. */
function shippedRules(): Rule[] {
  const file = validated<typeof RulesFileSchema>(loadRules) as z.output<typeof RulesFileSchema> & { gateTable?: PackedGates };
  if (file.gateTable) setShippedGates(file.rules, file.gateTable);
  return file.rules;
}

/** The product files, in the order their products are listed (business, industry, foundation, platform). */
const PRODUCT_FILES = [loadBusinessProducts, loadIndustryProducts, loadFoundationProducts, loadPlatformProducts];

function buildKnowledgeBase(): KnowledgeBase {
  return indexKnowledge({
    categories: validated<typeof CategoriesFileSchema>(loadCategories).categories,
    frameworks: validated<typeof FrameworksFileSchema>(loadFrameworks).frameworks,
    industries: validated<typeof IndustriesFileSchema>(loadIndustries).industries,
    locations: shippedLocations(),
    lifecycle: validated<typeof LifecycleFileSchema>(loadLifecycle).families,
    products: PRODUCT_FILES.flatMap((load) => validated<typeof ProductsFileSchema>(load).products),
    rules: shippedRules(),
    timelines: validated<typeof TimelinesFileSchema>(loadTimelines),
  });
}

/**
 * A knowledge base over `data` (validated): the embedded one, or one merged with a team's overlays
 * (team/merge.ts). Each index is built on its first lookup: the first load allocates less (and
 * the garbage collector copies less), and a report looks up only some of them.
 */
export function indexKnowledge(data: KnowledgeData): KnowledgeBase {
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  let products: Map<string, Product> | undefined;
  let categories: Map<string, Category> | undefined;
  let frameworks: Map<string, Framework> | undefined;
  let industries: Map<string, Industry> | undefined;
  let families: Map<string, LifecycleFamily> | undefined;
  let inCategory: Map<string, Product[]> | undefined;
  return {
    ...data,
    product: (id) => (products ??= byId(data.products)).get(id),
    category: (id) => (categories ??= byId(data.categories)).get(id),
    framework: (id) => (frameworks ??= byId(data.frameworks)).get(id),
    industry: (id) => (industries ??= byId(data.industries)).get(id),
    family: (id) => (families ??= byId(data.lifecycle)).get(id),
    productsIn: (category) => (inCategory ??= productsByCategory(data.products)).get(category) ?? [],
  };
}

let shared: KnowledgeBase | undefined;
let frameworksOnly: Framework[] | undefined;
let locationsOnly: Location[] | undefined;

/**
 * Just the frameworks, for the editor's analysis diagnostics: loading them is cheap, unlike
 * the whole base (products and rules are only needed when a report is generated).
 */
export function getFrameworks(): Framework[] {
  return shared?.frameworks ?? (frameworksOnly ??= validated<typeof FrameworksFileSchema>(loadFrameworks).frameworks);
}

/** Just the locations, for the latency check. */
export function getLocations(): Location[] {
  return shared?.locations ?? (locationsOnly ??= shippedLocations());
}

export function getKnowledgeBase(): KnowledgeBase {
  return (shared ??= buildKnowledgeBase());
}

/** Whether `kb` is the embedded knowledge base as shipped (getKnowledgeBase's), not one merged with a team's overlays. */
export function isShippedKnowledgeBase(kb: KnowledgeBase): boolean {
  return kb === shared;
}
