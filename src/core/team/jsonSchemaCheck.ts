/**
 * Checks data against a JSON Schema (draft-07): the schemas that the build generates from the
 * knowledge base's zod schemas (team/schemas.ts, with `z.toJSONSchema`) and ships in
 * `dist/schemas/`. The same files give editors completion and hover in the team's overlay files
 * (`contributes.jsonValidation` / `yamlValidation`), so what the editor suggests and what the
 * loader accepts never drift apart; and checking at run time needs no zod (activation and the
 * CLI's plain path load none).
 *
 * Only the keywords those schemas use are understood: type, properties, required,
 * additionalProperties, items (a schema, or a list for tuples), minItems/maxItems, enum, const,
 * pattern, minLength/maxLength, minimum/maximum (and the exclusive ones), anyOf/oneOf/allOf,
 * $ref to `#/definitions/…`, propertyNames and default. Anything else is ignored. With
 * `applyDefaults`, a missing property whose schema has a `default` gets (a copy of) it, as zod
 * would give it.
 *
 * Messages are localised (t) and say what is wrong in a presales engineer's words.
 */
import { t } from '../l10n';

export type JsonSchema = boolean | JsonSchemaObject;

interface JsonSchemaObject {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema | JsonSchema[];
  additionalItems?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  default?: unknown;
  description?: string;
}

interface SchemaIssue {
  /** Keys and indexes from the root to the value. */
  path: (string | number)[];
  message: string;
  /** For an unknown key: the key itself (its position is more useful than the object's). */
  key?: string;
}

export interface SchemaCheck {
  /** The value, with defaults applied when asked. */
  value: unknown;
  issues: SchemaIssue[];
}

/** Friendlier words for the patterns the knowledge schemas use. */
const PATTERN_WORDS: Record<string, () => string> = {
  '^[a-z0-9]+(?:-[a-z0-9]+)*$': () => t('must be an id in lowercase letters, digits and hyphens (kebab-case)'),
  '^\\d{4}-\\d{2}-\\d{2}$': () => t('must be a date written YYYY-MM-DD'),
  '^#[0-9a-fA-F]{6}$': () => t('must be a colour written #RRGGBB'),
};

/** Checks `value` against `schema`; never throws. At most `maxIssues` issues are kept. */
export function checkJsonSchema(value: unknown, schema: JsonSchema, options: { applyDefaults?: boolean; maxIssues?: number } = {}): SchemaCheck {
  const checker = new Checker(schema, options.applyDefaults ?? false);
  const out = checker.check(value, schema, []);
  return { value: out.value, issues: out.issues.slice(0, options.maxIssues ?? 50) };
}

class Checker {
  private readonly definitions: Record<string, JsonSchema>;

  constructor(
    root: JsonSchema,
    private readonly applyDefaults: boolean,
  ) {
    this.definitions = typeof root === 'object' ? { ...(root.definitions ?? {}) } : {};
  }

  check(value: unknown, schema: JsonSchema, path: (string | number)[]): SchemaCheck {
    if (schema === true) return { value, issues: [] };
    if (schema === false) return { value, issues: [{ path, message: t('is not allowed here') }] };
    if (schema.$ref !== undefined) {
      const target = this.resolve(schema.$ref);
      if (target === undefined) return { value, issues: [] };
      return this.check(value, target, path);
    }
    if (schema.allOf) {
      let current = value;
      const issues: SchemaIssue[] = [];
      for (const part of schema.allOf) {
        const r = this.check(current, part, path);
        current = r.value;
        issues.push(...r.issues);
      }
      if (issues.length > 0) return { value: current, issues };
      value = current;
    }
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) return this.either(value, alternatives, path);
    if (schema.const !== undefined && !sameJson(value, schema.const)) return { value, issues: [{ path, message: t('must be {0}', JSON.stringify(schema.const)) }] };
    if (schema.enum && !schema.enum.some((e) => sameJson(e, value))) {
      return { value, issues: [{ path, message: t('must be one of {0}', schema.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join(', ')) }] };
    }
    const type = typeOf(value);
    const types = schema.type === undefined ? undefined : Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types && !types.some((ty) => ty === type || (ty === 'number' && type === 'integer'))) {
      return { value, issues: [{ path, message: t('must be {0}', types.map(typeName).join(t(' or '))) }] };
    }
    switch (type) {
      case 'string':
        return { value, issues: this.string(value as string, schema, path) };
      case 'number':
      case 'integer':
        return { value, issues: this.number(value as number, schema, path) };
      case 'array':
        return this.array(value as unknown[], schema, path);
      case 'object':
        return this.object(value as Record<string, unknown>, schema, path);
      default:
        return { value, issues: [] };
    }
  }

  private resolve(ref: string): JsonSchema | undefined {
    const m = /^#\/(?:definitions|\$defs)\/(.+)$/.exec(ref);
    return m ? this.definitions[decodeURIComponent(m[1]!)] : undefined;
  }

  /** anyOf / oneOf: the first alternative that fits; else the issues of the one that came closest. */
  private either(value: unknown, alternatives: JsonSchema[], path: (string | number)[]): SchemaCheck {
    let best: SchemaCheck | undefined;
    for (const alt of alternatives) {
      const r = this.check(value, alt, path);
      if (r.issues.length === 0) return r;
      // Closest: its issues are deepest (the value's type fitted), then fewest.
      if (!best || depth(r.issues) > depth(best.issues) || (depth(r.issues) === depth(best.issues) && r.issues.length < best.issues.length)) best = r;
    }
    return best ?? { value, issues: [] };
  }

  private string(value: string, schema: JsonSchemaObject, path: (string | number)[]): SchemaIssue[] {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) return [{ path, message: schema.minLength === 1 ? t('must not be empty') : t('must be at least {0} characters long', schema.minLength) }];
    if (schema.maxLength !== undefined && length > schema.maxLength) return [{ path, message: t('must be at most {0} characters long', schema.maxLength) }];
    if (schema.pattern !== undefined) {
      let matches = true;
      try {
        matches = new RegExp(schema.pattern, 'u').test(value);
      } catch {
        // A pattern this checker cannot compile is the schema's problem, not the data's.
      }
      if (!matches) return [{ path, message: PATTERN_WORDS[schema.pattern]?.() ?? t('does not have the expected form ({0})', schema.pattern) }];
    }
    return [];
  }

  private number(value: number, schema: JsonSchemaObject, path: (string | number)[]): SchemaIssue[] {
    const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.includes('integer') && !types.includes('number') && !Number.isInteger(value)) return [{ path, message: t('must be a whole number') }];
    if (schema.minimum !== undefined && value < schema.minimum) return [{ path, message: t('must be at least {0}', schema.minimum) }];
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return [{ path, message: t('must be greater than {0}', schema.exclusiveMinimum) }];
    if (schema.maximum !== undefined && value > schema.maximum) return [{ path, message: t('must be at most {0}', schema.maximum) }];
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) return [{ path, message: t('must be less than {0}', schema.exclusiveMaximum) }];
    return [];
  }

  private array(value: unknown[], schema: JsonSchemaObject, path: (string | number)[]): SchemaCheck {
    const issues: SchemaIssue[] = [];
    if (schema.minItems !== undefined && value.length < schema.minItems) issues.push({ path, message: t('needs at least {0} item(s)', schema.minItems) });
    if (schema.maxItems !== undefined && value.length > schema.maxItems) issues.push({ path, message: t('takes at most {0} item(s)', schema.maxItems) });
    const out = [...value];
    value.forEach((item, i) => {
      const itemSchema = Array.isArray(schema.items) ? (schema.items[i] ?? schema.additionalItems ?? true) : (schema.items ?? true);
      const r = this.check(item, itemSchema, [...path, i]);
      out[i] = r.value;
      issues.push(...r.issues);
    });
    return { value: out, issues };
  }

  private object(value: Record<string, unknown>, schema: JsonSchemaObject, path: (string | number)[]): SchemaCheck {
    const issues: SchemaIssue[] = [];
    const out: Record<string, unknown> = { ...value };
    const properties = schema.properties ?? {};
    for (const name of schema.required ?? []) {
      if (!Object.hasOwn(value, name)) issues.push({ path, key: name, message: t('{0} is required', name) });
    }
    for (const [key, item] of Object.entries(value)) {
      if (schema.propertyNames !== undefined) issues.push(...this.check(key, schema.propertyNames, [...path, key]).issues);
      const known = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (known !== undefined) {
        const r = this.check(item, known, [...path, key]);
        out[key] = r.value;
        issues.push(...r.issues);
      } else if (schema.additionalProperties === false) {
        issues.push({ path, key, message: t('unknown key {0}', JSON.stringify(key)) });
      } else if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) {
        const r = this.check(item, schema.additionalProperties, [...path, key]);
        out[key] = r.value;
        issues.push(...r.issues);
      }
    }
    if (this.applyDefaults && issues.length === 0) {
      for (const [key, prop] of Object.entries(properties)) {
        if (Object.hasOwn(out, key) || typeof prop !== 'object' || prop.default === undefined) continue;
        out[key] = JSON.parse(JSON.stringify(prop.default)) as unknown;
      }
    }
    return { value: out, issues };
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeName(type: string): string {
  switch (type) {
    case 'string':
      return t('text');
    case 'number':
      return t('a number');
    case 'integer':
      return t('a whole number');
    case 'boolean':
      return t('true or false');
    case 'array':
      return t('a list');
    case 'object':
      return t('a map of keys');
    case 'null':
      return t('empty');
    default:
      return type;
  }
}

function depth(issues: readonly SchemaIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length + (i.key !== undefined ? 1 : 0)));
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
