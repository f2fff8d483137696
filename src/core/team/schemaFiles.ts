/**
 * The JSON Schemas of the team's files, as the build generated them (jsonSchemas.ts) and shipped
 * them in `dist/schemas/`: read on first use, by the loaders only.
 */
import loadOverlaySchema from './knowledge-overlay.jsonschema';
import loadReportSchema from './report.jsonschema';
import type { JsonSchema } from './jsonSchemaCheck';

export function overlayJsonSchema(): JsonSchema {
  return loadOverlaySchema() as JsonSchema;
}

export function brandingJsonSchema(): JsonSchema {
  return loadReportSchema() as JsonSchema;
}
