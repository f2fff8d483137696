/**
 * The embedded knowledge base, loaded and validated on first use (never at extension
 * activation). Each YAML file is bundled as JSON by esbuild.js.
 */
import categoriesData from './categories.yaml';
import frameworksData from './frameworks.yaml';
import industriesData from './industries.yaml';
import lifecycleData from './lifecycle.yaml';
import locationsData from './locations.yaml';
import businessProducts from './products/business.yaml';
import foundationProducts from './products/foundation.yaml';
import industryProducts from './products/industry.yaml';
import platformProducts from './products/platform.yaml';
import rulesData from './rules.yaml';
import { checkKnowledgeIntegrity, type KnowledgeData } from './integrity';
import {
  CategoriesFileSchema,
  FrameworksFileSchema,
  IndustriesFileSchema,
  LifecycleFileSchema,
  LocationsFileSchema,
  ProductsFileSchema,
  RulesFileSchema,
  type Category,
  type Framework,
  type Industry,
  type LifecycleFamily,
  type Location,
  type Product,
} from './schema';

export interface KnowledgeBase extends KnowledgeData {
  product(id: string): Product | undefined;
  category(id: string): Category | undefined;
  framework(id: string): Framework | undefined;
  industry(id: string): Industry | undefined;
  family(id: string): LifecycleFamily | undefined;
  /** Products of a category, in file order (the order is a stable tie-breaker). */
  productsIn(category: string): readonly Product[];
}

/** The raw YAML data by file, for validation tests that report per file. */
export const KNOWLEDGE_FILES = {
  'categories.yaml': { data: categoriesData, schema: CategoriesFileSchema },
  'frameworks.yaml': { data: frameworksData, schema: FrameworksFileSchema },
  'industries.yaml': { data: industriesData, schema: IndustriesFileSchema },
  'lifecycle.yaml': { data: lifecycleData, schema: LifecycleFileSchema },
  'locations.yaml': { data: locationsData, schema: LocationsFileSchema },
  'products/business.yaml': { data: businessProducts, schema: ProductsFileSchema },
  'products/foundation.yaml': { data: foundationProducts, schema: ProductsFileSchema },
  'products/industry.yaml': { data: industryProducts, schema: ProductsFileSchema },
  'products/platform.yaml': { data: platformProducts, schema: ProductsFileSchema },
  'rules.yaml': { data: rulesData, schema: RulesFileSchema },
} as const;

export function buildKnowledgeBase(): KnowledgeBase {
  const data: KnowledgeData = {
    categories: CategoriesFileSchema.parse(categoriesData).categories,
    frameworks: FrameworksFileSchema.parse(frameworksData).frameworks,
    industries: IndustriesFileSchema.parse(industriesData).industries,
    locations: LocationsFileSchema.parse(locationsData).locations,
    lifecycle: LifecycleFileSchema.parse(lifecycleData).families,
    products: [businessProducts, industryProducts, foundationProducts, platformProducts].flatMap((file) => ProductsFileSchema.parse(file).products),
    rules: RulesFileSchema.parse(rulesData).rules,
  };
  const problems = checkKnowledgeIntegrity(data);
  if (problems.length > 0) throw new Error(`Knowledge base is inconsistent:\n${problems.join('\n')}`);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const products = byId(data.products);
  const categories = byId(data.categories);
  const frameworks = byId(data.frameworks);
  const industries = byId(data.industries);
  const families = byId(data.lifecycle);
  const inCategory = new Map<string, Product[]>();
  for (const p of data.products) for (const c of p.categories) inCategory.set(c, [...(inCategory.get(c) ?? []), p]);
  return {
    ...data,
    product: (id) => products.get(id),
    category: (id) => categories.get(id),
    framework: (id) => frameworks.get(id),
    industry: (id) => industries.get(id),
    family: (id) => families.get(id),
    productsIn: (category) => inCategory.get(category) ?? [],
  };
}

let shared: KnowledgeBase | undefined;
let frameworksOnly: Framework[] | undefined;
let locationsOnly: Location[] | undefined;

/**
 * Just the frameworks, for the editor's analysis diagnostics: parsing them is cheap, unlike
 * the whole base (products and rules are only needed when a report is generated).
 */
export function getFrameworks(): Framework[] {
  return shared?.frameworks ?? (frameworksOnly ??= FrameworksFileSchema.parse(frameworksData).frameworks);
}

/** Just the locations, for the latency check. */
export function getLocations(): Location[] {
  return shared?.locations ?? (locationsOnly ??= LocationsFileSchema.parse(locationsData).locations);
}

export function getKnowledgeBase(): KnowledgeBase {
  return (shared ??= buildKnowledgeBase());
}
