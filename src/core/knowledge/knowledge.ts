/**
 * The embedded knowledge base, loaded on first use (never at extension activation). Each YAML
 * file is validated when the extension is built (its zod schema and the cross-reference check,
 * see validateData.ts and esbuild.js) and embedded as the schema's output, so loading it is a
 * `JSON.parse`: no zod and no checks at run time.
 */
import type { z } from '../zod';
import loadCategories from './categories.yaml';
import loadFrameworks from './frameworks.yaml';
import loadIndustries from './industries.yaml';
import loadLocations from './locations.yaml';
import loadBusinessProducts from './products/business.yaml';
import loadPlatformProducts from './products/platform.yaml';
import loadRules from './rules.yaml';
import type { KnowledgeData } from './integrity';
import type {
  CategoriesFileSchema,
  FrameworksFileSchema,
  IndustriesFileSchema,
  LocationsFileSchema,
  ProductsFileSchema,
  RulesFileSchema,
  Category,
  Framework,
  Location,
  Product,
} from './schema';

export interface KnowledgeBase extends KnowledgeData {
  product(id: string): Product | undefined;
  category(id: string): Category | undefined;
  framework(id: string): Framework | undefined;
}

/** A file's data as its schema output it at build time. */
function validated<S extends z.ZodType>(load: () => unknown): z.output<S> {
  return load() as z.output<S>;
}

export function buildKnowledgeBase(): KnowledgeBase {
  const data: KnowledgeData = {
    categories: validated<typeof CategoriesFileSchema>(loadCategories).categories,
    frameworks: validated<typeof FrameworksFileSchema>(loadFrameworks).frameworks,
    industries: validated<typeof IndustriesFileSchema>(loadIndustries).industries,
    locations: validated<typeof LocationsFileSchema>(loadLocations).locations,
    products: [...validated<typeof ProductsFileSchema>(loadBusinessProducts).products, ...validated<typeof ProductsFileSchema>(loadPlatformProducts).products],
    rules: validated<typeof RulesFileSchema>(loadRules).rules,
  };
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const products = byId(data.products);
  const categories = byId(data.categories);
  const frameworks = byId(data.frameworks);
  return {
    ...data,
    product: (id) => products.get(id),
    category: (id) => categories.get(id),
    framework: (id) => frameworks.get(id),
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
  return shared?.locations ?? (locationsOnly ??= validated<typeof LocationsFileSchema>(loadLocations).locations);
}

export function getKnowledgeBase(): KnowledgeBase {
  return (shared ??= buildKnowledgeBase());
}
