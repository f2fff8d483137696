/**
 * Validates every embedded YAML file (field catalog and knowledge base) with its zod schema
 * and the cross-reference check, and its regular expressions with the linear-time check
 * (regexSafety.ts). esbuild.js runs this after each build, so bad data fails the
 * build instead of the extension; the unit tests run it too.
 */
import { FieldCatalog } from '../catalog/catalog';
import catalogData from '../catalog/fields.yaml';
import { checkKnowledgeIntegrity, type KnowledgeData } from './integrity';
import { KNOWLEDGE_FILES } from './knowledge';
import { checkPatternSafety } from './regexSafety';

export function validateEmbeddedData(): string[] {
  const problems: string[] = [];
  try {
    new FieldCatalog(catalogData);
  } catch (e) {
    problems.push(`catalog/fields.yaml: ${(e as Error).message}`);
  }
  const parsed: Record<string, unknown> = {};
  for (const [file, { data, schema }] of Object.entries(KNOWLEDGE_FILES)) {
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`knowledge/${file}: ${issue.path.join('.')}: ${issue.message}`);
    } else {
      parsed[file] = result.data;
    }
  }
  if (problems.length > 0) return problems;
  const get = <T>(file: keyof typeof KNOWLEDGE_FILES, key: string): T => (parsed[file] as Record<string, T>)[key]!;
  const knowledge: KnowledgeData = {
    categories: get('categories.yaml', 'categories'),
    frameworks: get('frameworks.yaml', 'frameworks'),
    industries: get('industries.yaml', 'industries'),
    locations: get('locations.yaml', 'locations'),
    lifecycle: get('lifecycle.yaml', 'families'),
    products: (['products/business.yaml', 'products/industry.yaml', 'products/foundation.yaml', 'products/platform.yaml'] as const).flatMap((f) => get<KnowledgeData['products']>(f, 'products')),
    rules: get('rules.yaml', 'rules'),
  };
  // A pattern that can take super-linear time would freeze the editor on a long line: fail the build.
  return [...checkKnowledgeIntegrity(knowledge), ...checkPatternSafety(knowledge)].map((p) => `knowledge: ${p}`);
}
