/**
 * Validates every embedded YAML file (field catalog and knowledge base) with its zod schema
 * and the cross-reference check, and its regular expressions with the linear-time check
 * (regexSafety.ts), and gives the schemas' output: esbuild.js runs this on the
 * YAML as written before each build, fails the build on any problem, and embeds the output in
 * the bundles, so the extension and the CLI load validated data without zod. The unit tests
 * run it too.
 */
import type { z } from '../zod';
import loadCatalog from '../catalog/fields.yaml';
import { parseFieldCatalog } from '../catalog/schema';
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
import loadSegments from './segments.yaml';
import loadTimelines from './timelines.yaml';
import { checkKnowledgeIntegrity, type KnowledgeData } from './integrity';
import { checkPatternSafety } from './regexSafety';
import { addMatcherNeeds, withoutMatcherNeeds } from './matcherNeeds';
import { placeAliases, withoutPlaceAliases, type ShippedLocationsFile } from './placeAliases';
import { SegmentsFileSchema } from './segmentsSchema';
import { TimelinesFileSchema, type Timelines } from './timelineSchema';
import { CategoriesFileSchema, FrameworksFileSchema, IndustriesFileSchema, LifecycleFileSchema, LocationsFileSchema, ProductsFileSchema, RulesFileSchema } from './schema';

/** The knowledge base's files, by their path under src/core/, with their schemas. */
const KNOWLEDGE_FILES = {
  'knowledge/categories.yaml': { load: loadCategories, schema: CategoriesFileSchema },
  'knowledge/frameworks.yaml': { load: loadFrameworks, schema: FrameworksFileSchema },
  'knowledge/industries.yaml': { load: loadIndustries, schema: IndustriesFileSchema },
  'knowledge/lifecycle.yaml': { load: loadLifecycle, schema: LifecycleFileSchema },
  'knowledge/locations.yaml': { load: loadLocations, schema: LocationsFileSchema },
  'knowledge/products/business.yaml': { load: loadBusinessProducts, schema: ProductsFileSchema },
  'knowledge/products/industry.yaml': { load: loadIndustryProducts, schema: ProductsFileSchema },
  'knowledge/products/foundation.yaml': { load: loadFoundationProducts, schema: ProductsFileSchema },
  'knowledge/products/platform.yaml': { load: loadPlatformProducts, schema: ProductsFileSchema },
  'knowledge/rules.yaml': { load: loadRules, schema: RulesFileSchema },
  'knowledge/segments.yaml': { load: loadSegments, schema: SegmentsFileSchema },
  'knowledge/timelines.yaml': { load: loadTimelines, schema: TimelinesFileSchema },
} as const satisfies Record<string, { load: () => unknown; schema: z.ZodType }>;

/** The field catalog's path under src/core/. */
const CATALOG_FILE = 'catalog/fields.yaml';

export interface CompiledData {
  /** What is wrong, one line per problem; empty when every file is valid. */
  problems: string[];
  /**
   * Each file's schema output, by its path under src/core/ (when there are no problems), and the
   * JSON Schemas of the team's files in `.intake/` as `schemas/NAME` (team/jsonSchemas.ts).
   */
  data: Record<string, unknown>;
  /** The knowledge base as the data holds it (when there are no problems), for what the build works out from it. */
  knowledge?: KnowledgeData;
}

/** Validates the embedded data and returns it as the schemas output it. */
export function compileEmbeddedData(): CompiledData {
  const problems: string[] = [];
  const data: Record<string, unknown> = {};
  try {
    data[CATALOG_FILE] = parseFieldCatalog(loadCatalog());
  } catch (e) {
    problems.push(`${CATALOG_FILE}: ${(e as Error).message}`);
  }
  for (const [file, { load, schema }] of Object.entries(KNOWLEDGE_FILES)) {
    const result = (schema as z.ZodType).safeParse(file === 'knowledge/rules.yaml' ? withoutMatcherNeeds(load()) : file === 'knowledge/locations.yaml' ? withoutPlaceAliases(load()) : load());
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`${file}: ${issue.path.join('.')}: ${issue.message}`);
    } else {
      data[file] = result.data;
    }
  }
  if (problems.length > 0) return { problems, data: {} };
  const get = <T>(file: keyof typeof KNOWLEDGE_FILES, key: string): T => (data[file] as Record<string, T>)[key]!;
  const knowledge: KnowledgeData = {
    categories: get('knowledge/categories.yaml', 'categories'),
    frameworks: get('knowledge/frameworks.yaml', 'frameworks'),
    industries: get('knowledge/industries.yaml', 'industries'),
    locations: get('knowledge/locations.yaml', 'locations'),
    lifecycle: get('knowledge/lifecycle.yaml', 'families'),
    products: (['knowledge/products/business.yaml', 'knowledge/products/industry.yaml', 'knowledge/products/foundation.yaml', 'knowledge/products/platform.yaml'] as const).flatMap((f) => get<KnowledgeData['products']>(f, 'products')),
    rules: get('knowledge/rules.yaml', 'rules'),
    timelines: data['knowledge/timelines.yaml'] as Timelines,
  };
  // A pattern that can take super-linear time would freeze the editor on a long line: fail the build.
  const industries = new Set(knowledge.industries.map((i) => i.id));
  const segments = get<Record<string, string[]>>('knowledge/segments.yaml', 'segments');
  const unknownSegments = Object.keys(segments).filter((id) => !industries.has(id)).map((id) => `segments.yaml names an industry that industries.yaml lacks: ${id}`);
  const integrity = [...checkKnowledgeIntegrity(knowledge), ...checkPatternSafety(knowledge), ...unknownSegments].map((p) => `knowledge: ${p}`);
  if (integrity.length > 0) return { problems: integrity, data: {} };
  addMatcherNeeds(knowledge.rules);
  (data['knowledge/locations.yaml'] as ShippedLocationsFile).placeAliases = placeAliases(knowledge.locations);
  return { problems: [], data, knowledge };
}

/** The problems of the embedded data (none when it is valid). */
export function validateEmbeddedData(): string[] {
  return compileEmbeddedData().problems;
}
