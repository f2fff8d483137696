/**
 * The JSON Schemas of the files in `.intake/`, generated from their zod schemas (team/schemas.ts,
 * the folder config's) when the extension is built: esbuild.js writes them to `dist/schemas/`
 * (the `.vsix`, where `contributes.jsonValidation` and `yamlValidation` point) and
 * `cli/dist/schemas/`, and the run-time check (jsonSchemaCheck.ts) reads the same files. Draft-07,
 * which both VS Code's JSON support and the Red Hat YAML extension understand.
 */
import { z } from '../zod';
import { FolderConfigSchema } from '../folderConfigFile';
import { BrandingFileSchema, OverlayFileSchema } from './schemas';

/** The generated files, by name, with their titles. */
const SCHEMAS = {
  'knowledge-overlay': { schema: OverlayFileSchema, title: 'Intake Studio knowledge overlay (.intake/knowledge/*.yaml)' },
  report: { schema: BrandingFileSchema, title: 'Intake Studio report branding (.intake/report.yaml)' },
  config: { schema: FolderConfigSchema, title: 'Intake Studio folder defaults (.intake/config.yaml)' },
} as const;

export type SchemaName = keyof typeof SCHEMAS;

export function buildJsonSchemas(): Record<SchemaName, unknown> {
  const out = {} as Record<SchemaName, unknown>;
  for (const [name, { schema, title }] of Object.entries(SCHEMAS) as [SchemaName, (typeof SCHEMAS)[SchemaName]][]) {
    const generated = z.toJSONSchema(schema as z.ZodType, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    out[name] = { ...generated, title };
  }
  return out;
}
