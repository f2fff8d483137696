/**
 * Everything the build embeds or ships as data, made once before each build (esbuild.js runs
 * this file): the validated catalog and knowledge base (knowledge/validateData.ts) and, when
 * they are valid, the JSON Schemas of the team's `.intake/` files (jsonSchemas.ts) under
 * `schemas/NAME`, with the knowledge base as data for what esbuild.js works out from it. It
 * lives with the team's files so that the knowledge base never reaches up to the overlays that
 * build on it.
 */
import { compileEmbeddedData, type CompiledData } from '../knowledge/validateData';
import { buildJsonSchemas } from './jsonSchemas';

export function compileBuildData(): CompiledData {
  const compiled = compileEmbeddedData();
  if (compiled.problems.length > 0) return compiled;
  for (const [name, schema] of Object.entries(buildJsonSchemas())) compiled.data[`schemas/${name}`] = schema;
  return compiled;
}

/** esbuild.js writes the knowledge base's data file with it (the loader's format, beside the loader). */
export { packKnowledgeGroup } from '../knowledge/lazyDetails';
