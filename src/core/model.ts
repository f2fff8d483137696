/**
 * The typed model of a parsed intake file. The zod schemas are the single source of the
 * types (via z.infer) and let JSON consumers (the CLI's --json, tests) check a model.
 * The parser builds plain objects of these shapes, except four kinds that keep numbers and make
 * their ranges when read, each writing the JSON of its plain form: its ranges (LineRange, see
 * lineRange.ts), colons (ColonMark, colonMark.ts), placeholders (ParsedPlaceholder, whose
 * inner range is made from its range; placeholder.ts) and sections (ParsedSection, whose header
 * ranges are made from numbers; parsedSection.ts). It does not run zod on the hot path; zod
 * reads these through their getters. A field keeps its key's and colon's places as numbers, and
 * their ranges are made by functions (fieldParts.ts): a literal, unlike an instance of a class
 * with getters, is allocated where V8 learns the model lives (see the parser's fieldAt).
 */
import { z } from './zod';

const PositionSchema = z.object({ line: z.number().int().nonnegative(), character: z.number().int().nonnegative() });
const RangeSchema = z.object({ start: PositionSchema, end: PositionSchema });

/** A `__(…)__` slot the author has not filled yet. */
const PlaceholderSchema = z.object({
  /** The whole `__(…)__` (or `__(…` to the end of the line when unclosed). */
  range: RangeSchema,
  /** The text between `__(` and `)__`. */
  inner: z.string(),
  innerRange: RangeSchema,
  /** Choices the template offers (`保险/政府/航空/零售等` → 保险, 政府, 航空, 零售). */
  options: z.array(z.string()),
  /** A sample value (`如「500万+」` → 500万+). */
  example: z.string().optional(),
  closed: z.boolean(),
});

/** Text after a colon (or a whole free-text line), with the placeholders inside it. */
const ValueSchema = z.object({
  text: z.string(),
  range: RangeSchema,
  placeholders: z.array(PlaceholderSchema),
});

const ColonSchema = z.object({
  /** `：` (full-width, expected) or `:` (half-width). */
  char: z.enum(['：', ':']),
  range: RangeSchema,
});

const HeadingSchema = z.object({
  level: z.number().int().min(1).max(6),
  text: z.string(),
  range: RangeSchema,
});

export type Placeholder = z.infer<typeof PlaceholderSchema>;
export type Value = z.infer<typeof ValueSchema>;
export type Colon = z.infer<typeof ColonSchema>;
export type Heading = z.infer<typeof HeadingSchema>;

/** `- 键：值` (the key may be `**bold**`), possibly with nested items. */
export interface FieldItem {
  kind: 'field';
  key: string;
  /**
   * Where the key starts and ends on the field's line (the line its range starts on); its range
   * is made when asked for (keyRangeOf in fieldParts.ts), as is its colon's (colonOf).
   */
  keyStart: number;
  keyEnd: number;
  bold: boolean;
  /** The colon after the key: `：` (full-width, expected) or `:` (half-width), and its character on the field's line. */
  colonChar: '：' | ':';
  colonAt: number;
  value?: Value;
  children: Item[];
  /** The whole item, children included. */
  range: z.infer<typeof RangeSchema>;
  /** Indentation in columns (a tab counts 4). */
  indent: number;
}

/** A bullet or plain line without a key, such as `- 尝试自建CDN加速`. */
export interface TextItem {
  kind: 'text';
  bullet: boolean;
  value: Value;
  children: Item[];
  range: z.infer<typeof RangeSchema>;
  indent: number;
}

export type Item = FieldItem | TextItem;

const ItemSchema: z.ZodType<Item> = z.lazy(() =>
  z.union([
    z.object({
      kind: z.literal('field'),
      key: z.string(),
      keyStart: z.number().int().nonnegative(),
      keyEnd: z.number().int().nonnegative(),
      bold: z.boolean(),
      colonChar: z.enum(['：', ':']),
      colonAt: z.number().int().nonnegative(),
      value: ValueSchema.optional(),
      children: z.array(ItemSchema),
      range: RangeSchema,
      indent: z.number(),
    }),
    z.object({
      kind: z.literal('text'),
      bullet: z.boolean(),
      value: ValueSchema,
      children: z.array(ItemSchema),
      range: RangeSchema,
      indent: z.number(),
    }),
  ]),
);

/** `[客户行业]：value` and everything under it up to the next section, heading or separator. */
const SectionSchema = z.object({
  /** The name between the brackets, trimmed. */
  name: z.string(),
  nameRange: RangeSchema,
  /** From the opening to the closing bracket, inclusive. */
  bracketRange: RangeSchema,
  /** The header line, from `[` to the end of its text. */
  headerRange: RangeSchema,
  /** Which brackets were used: `[]` is the format, `【】` is accepted and reported. */
  brackets: z.enum(['[]', '【】']),
  colon: ColonSchema.optional(),
  value: ValueSchema.optional(),
  items: z.array(ItemSchema),
  /** The `###` heading directly above the section, if any. */
  heading: HeadingSchema.optional(),
  /** Header plus body (trailing blank lines excluded). */
  range: RangeSchema,
});
export type Section = z.infer<typeof SectionSchema>;

const IntakeSchema = z.object({
  /** 0-based position in the file. */
  index: z.number().int().nonnegative(),
  sections: z.array(SectionSchema),
  headings: z.array(HeadingSchema),
  /** Free text outside any section (before the first one), kept so nothing is lost. */
  preamble: z.array(ValueSchema),
  /** From the first heading or section to the last content line. */
  range: RangeSchema,
  /** The separator line that ended this intake, if any. */
  separatorAfter: RangeSchema.optional(),
});
export type Intake = z.infer<typeof IntakeSchema>;

/** Something the parser noticed but could still model; the validator reports it. */
const ParseProblemSchema = z.object({
  code: z.enum(['intake.unclosed-placeholder', 'intake.stray-text']),
  range: RangeSchema,
});
export type ParseProblem = z.infer<typeof ParseProblemSchema>;

export const IntakeFileSchema = z.object({
  intakes: z.array(IntakeSchema),
  /** Every placeholder in the file, in document order (also reachable through the tree). */
  placeholders: z.array(PlaceholderSchema),
  problems: z.array(ParseProblemSchema),
  lineCount: z.number().int().positive(),
  /** End-of-line sequence used by most lines, for edits that insert lines. */
  eol: z.enum(['\n', '\r\n', '\r']),
});
export type IntakeFile = z.infer<typeof IntakeFileSchema>;
