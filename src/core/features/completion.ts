/**
 * Completion for intake files. Three contexts, decided from the line text before the cursor:
 *   - start of a line, or after `[` / `【`  → sections still missing from the intake
 *   - a bullet (`- `, `  - `) before a colon → fields still missing from the section
 *   - after the colon of a known field or section header, or inside a `__(…)__`
 *                                             → the enumerated values / the placeholder's options
 * `insertText` is always snippet syntax (literal `$`, `}` and `\` escaped); `replaceRange` is
 * always set, lies on the cursor's line and contains the cursor.
 */
import { getFieldCatalog, type FieldCatalog, type FieldSpec, type SectionSpec } from '../catalog/catalog';
import type { Position, Range } from '../document';
import { locate, locateIntake } from '../facts/locate';
import { afterColonOf, fieldLine } from '../fieldParts';
import { t } from '../l10n';
import type { FieldItem, Intake, IntakeFile, Item, Placeholder, Section } from '../model';
import { walkItems } from '../walk';
import { escapeSnippet, resolveFieldSpecs, type Locale } from './context';
import { describeField, describeSection } from './describe';

export type CompletionKind = 'section' | 'field' | 'value';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** Snippet syntax: `${1:…}` tab stops, `$0` final cursor; literal text is escaped. */
  insertText: string;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText?: string;
  /** What the client filters against (the text from the range start to the cursor is matched). */
  filterText?: string;
  /** The text the completion replaces (single line, contains the cursor). */
  replaceRange?: Range;
  /** Ask for completion again after inserting (a key was inserted whose values can be offered next). */
  retrigger?: boolean;
}

export interface CompletionOptions {
  /** The character that triggered completion, if any: contexts that do not fit it return nothing. */
  triggerCharacter?: string;
  catalog?: FieldCatalog;
}

/** Bullet line with the cursor in the key: `- 业务`, `  - **细分`. */
const BULLET_KEY = /^([ \t]*)([-*+•])([ \t]+)(?![ \t])(\*\*)?([^：:*]*)$/;
/** A bullet marker just typed: `-`, `  -`. */
const BULLET_ONLY = /^([ \t]*)[-*+•]$/;
/** After an opening bracket: `[`, `[客户`, `  【当前`. */
const AFTER_BRACKET = /^([ \t]*)([[【])([^\]】[【：:]*)$/;
/** A bare name being typed at the start of a line: `客户`. */
const BARE_NAME = /^([ \t]*)([^\s[\]【】\-*+•#：:_>|]+)$/;
/** Characters that separate several values in one line (`GDPR、PIPL`). */
const VALUE_SEPARATOR = /[、，,；;/|+＋]/;

export function getCompletions(file: IntakeFile, position: Position, lineText: string, locale: Locale, options: CompletionOptions = {}): CompletionEntry[] {
  const catalog = options.catalog ?? getFieldCatalog();
  const trigger = options.triggerCharacter;
  const ch = Math.max(0, Math.min(position.character, lineText.length));
  const prefix = lineText.slice(0, ch);
  const suffix = lineText.slice(ch);
  const line = position.line;
  const ctx: Ctx = { file, catalog, locale, line, ch, prefix, suffix, lineText };

  // Inside a placeholder: its options, plus the field's values.
  const placeholder = placeholderAt(file, line, ch);
  if (placeholder) {
    // A typed trigger character inside a placeholder's text is prose, not a request.
    if (trigger !== undefined && ch !== placeholder.range.start.character) return [];
    return valueCompletions(ctx, placeholder);
  }

  const bracket = AFTER_BRACKET.exec(prefix);
  if (bracket) {
    if (trigger !== undefined && trigger !== '[' && trigger !== '【') return [];
    const start = bracket[1]!.length;
    const rest = /^[^\]】[【\n]*[\]】][ \t]*[：:]?/.exec(suffix);
    const end = ch + (rest ? rest[0].length : 0);
    return sectionCompletions(ctx, { start, end, typedBracket: bracket[2]!, replacesHeader: !!rest && /[：:]$/.test(rest[0]) });
  }

  if (prefix.trim() === '' && suffix.trim() === '') {
    // Start of an empty line. Typing indentation (a space) is not a request for sections.
    if (trigger !== undefined) return [];
    return sectionCompletions(ctx, { start: ch, end: ch, typedBracket: '', replacesHeader: false });
  }

  const bulletOnly = BULLET_ONLY.exec(prefix);
  if (bulletOnly && suffix.trim() === '') {
    if (trigger !== undefined && trigger !== '-') return [];
    return fieldCompletions(ctx, { indent: bulletOnly[1]!, start: ch, end: ch, leadingSpace: true, typedBold: false, replacesKey: false });
  }

  const bullet = BULLET_KEY.exec(prefix);
  if (bullet && !prefix.includes('__(')) {
    if (trigger !== undefined && trigger !== ' ' && trigger !== '-') return [];
    if (trigger === ' ' && (bullet[5]!.length > 0 || bullet[4])) return [];
    const start = bullet[1]!.length + bullet[2]!.length + bullet[3]!.length;
    // Editing an existing key: replace it up to and including its colon.
    const rest = /^[^：:_]*[：:](?:\*\*)?/.exec(suffix);
    const end = ch + (rest ? rest[0].length : 0);
    return fieldCompletions(ctx, { indent: bullet[1]!, start, end, leadingSpace: false, typedBold: !!bullet[4], replacesKey: !!rest || suffix.trim() !== '' });
  }

  const bare = BARE_NAME.exec(prefix);
  if (bare && suffix.trim() === '' && !isInsideItem(ctx)) {
    if (trigger !== undefined) return [];
    return sectionCompletions(ctx, { start: bare[1]!.length, end: ch, typedBracket: '', replacesHeader: false });
  }

  const value = valueContext(ctx);
  if (value) {
    if (trigger === '[' || trigger === '-') return [];
    if ((trigger === ' ' || trigger === '：' || trigger === ':') && !/[：:](?:\*\*)?[ \t]*$/.test(prefix)) return [];
    return valueCompletions(ctx, undefined);
  }
  return [];
}

interface Ctx {
  file: IntakeFile;
  catalog: FieldCatalog;
  locale: Locale;
  line: number;
  ch: number;
  prefix: string;
  suffix: string;
  lineText: string;
}

function rangeOn(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function placeholderAt(file: IntakeFile, line: number, ch: number): Placeholder | undefined {
  return file.placeholders.find((p) => p.range.start.line === line && p.range.start.character <= ch && ch <= p.range.end.character);
}

/** Whether the cursor's line continues an item (an indented line inside a section's bullets). */
function isInsideItem(ctx: Ctx): boolean {
  if (!/^[ \t]+/.test(ctx.prefix)) return false;
  return !!locate(ctx.file, ctx.line).section;
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

// ---------------------------------------------------------------------------------------
// Sections

interface SectionTarget {
  start: number;
  end: number;
  typedBracket: string;
  /** The range covers an existing header's `]：`: insert no value tab stop. */
  replacesHeader: boolean;
}

function sectionCompletions(ctx: Ctx, target: SectionTarget): CompletionEntry[] {
  const intake = locateIntake(ctx.file, ctx.line).intake;
  const present = new Set<SectionSpec>();
  for (const s of intake?.sections ?? []) {
    if (s.nameRange.start.line === ctx.line) continue;
    const spec = ctx.catalog.section(s.name);
    if (spec) present.add(spec);
  }
  const withHeading = target.typedBracket === '' && target.start === target.end && !!intake && usesHeadings(intake) && !headingJustAbove(intake, ctx.line);
  const out: CompletionEntry[] = [];
  ctx.catalog.sections.forEach((spec, index) => {
    if (present.has(spec)) return;
    let insert = `[${escapeSnippet(spec.name)}]：`;
    if (!target.replacesHeader && spec.valueRequired && spec.placeholder) insert += `\${1:__(${escapeSnippet(spec.placeholder)})__}`;
    if (withHeading) insert = `### ${escapeSnippet(spec.heading)}\n${insert}`;
    const names = [spec.name, ...spec.synonyms];
    out.push({
      label: spec.name,
      kind: 'section',
      insertText: insert,
      detail: spec.required ? `${t('Section')} · ${t('required')}` : t('Section'),
      documentation: describeSection(spec, ctx.locale, { omitTitle: true }),
      sortText: `${spec.required ? 0 : 1}${pad(index)}`,
      filterText: `${target.typedBracket}${names.join(' ')}`,
      replaceRange: rangeOn(ctx.line, target.start, target.end),
    });
  });
  return out;
}

function usesHeadings(intake: Intake): boolean {
  return intake.headings.length > 0;
}

/** Whether the last content above `line` in the intake is a `###` heading. */
function headingJustAbove(intake: Intake, line: number): boolean {
  let lastContent = -1;
  for (const s of intake.sections) if (s.range.end.line < line) lastContent = Math.max(lastContent, s.range.end.line);
  for (const p of intake.preamble) if (p.range.end.line < line) lastContent = Math.max(lastContent, p.range.end.line);
  return intake.headings.some((h) => h.range.start.line < line && h.range.start.line > lastContent);
}

// ---------------------------------------------------------------------------------------
// Fields

interface FieldTarget {
  /** The cursor line's indentation. */
  indent: string;
  start: number;
  end: number;
  /** Only a bullet marker was typed: insert the space after it too. */
  leadingSpace: boolean;
  typedBold: boolean;
  /** Text follows the cursor (an existing key or value): insert no value tab stop. */
  replacesKey: boolean;
}

function columns(ws: string): number {
  let n = 0;
  for (const c of ws) n += c === '\t' ? 4 : 1;
  return n;
}

function fieldCompletions(ctx: Ctx, target: FieldTarget): CompletionEntry[] {
  const { intake, section } = locate(ctx.file, ctx.line);
  if (!intake || !section || section.nameRange.start.line === ctx.line) return [];
  const spec = ctx.catalog.section(section.name);
  if (!spec) return [];

  const resolved = resolveFieldSpecs(ctx.catalog, spec, section.items);
  const present = new Set<FieldSpec>();
  for (const [item, f] of resolved) if (f && fieldLine(item) !== ctx.line) present.add(f);
  // Duplicate sections of the same kind in the intake count too.
  for (const other of intake.sections) {
    if (other === section || ctx.catalog.section(other.name) !== spec) continue;
    for (const f of resolveFieldSpecs(ctx.catalog, spec, other.items).values()) if (f) present.add(f);
  }

  const indent = columns(target.indent);
  const { parent, siblings } = parentAt(section, ctx.line, indent);
  const parentSpec = parent && parent.kind === 'field' ? resolved.get(parent) : undefined;
  const bold = target.typedBold || prefersBold(siblings.filter((i) => i.range.start.line !== ctx.line));

  const contextual = new Set<FieldSpec>();
  if (parentSpec) {
    const walk = (fs: FieldSpec[]) => fs.forEach((f) => (contextual.add(f), walk(f.fields)));
    walk(parentSpec.fields);
  }
  const topLevel = new Set(spec.fields);

  const out: CompletionEntry[] = [];
  spec.allFields.forEach((f, index) => {
    if (present.has(f)) return;
    const group = parentSpec ? (contextual.has(f) ? 0 : topLevel.has(f) ? 1 : 2) : topLevel.has(f) ? 0 : 1;
    const key = escapeSnippet(f.name);
    let insert = bold ? `**${key}**：` : `${key}：`;
    if (!target.replacesKey) insert += f.placeholder ? `\${1:__(${escapeSnippet(f.placeholder)})__}` : '$0';
    if (target.leadingSpace) insert = ` ${insert}`;
    const path = [...f.path, f.name].join(' › ');
    const names = [f.name, ...f.synonyms];
    const entry: CompletionEntry = {
      label: f.name,
      kind: 'field',
      insertText: insert,
      detail: f.required ? `${path} · ${t('required')}` : path,
      documentation: describeField(f, ctx.locale, { omitTitle: true }),
      sortText: `${group}${f.required ? 0 : 1}${pad(index)}`,
      filterText: `${target.typedBold ? '**' : ''}${names.join(' ')}`,
      replaceRange: rangeOn(ctx.line, target.start, target.end),
    };
    if (insert.endsWith('$0') && f.values.length > 0) entry.retrigger = true;
    out.push(entry);
  });
  return out;
}

/** The item a line at `indent` nests under, and the items at its level, by the parser's rule. */
function parentAt(section: Section, line: number, indent: number): { parent: Item | undefined; siblings: Item[] } {
  const stack: Item[] = [];
  for (const item of walkItems(section.items)) {
    if (item.range.start.line >= line) break;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= item.indent) stack.pop();
    stack.push(item);
  }
  while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
  const parent = stack[stack.length - 1];
  return { parent, siblings: parent ? parent.children : section.items };
}

function prefersBold(siblings: Item[]): boolean {
  const fields = siblings.filter((i): i is FieldItem => i.kind === 'field');
  return fields.length > 0 && fields.filter((f) => f.bold).length * 2 > fields.length;
}

// ---------------------------------------------------------------------------------------
// Values

interface ValueOwner {
  spec: SectionSpec | FieldSpec | undefined;
  name: string;
  /** Where the value starts (after the colon and any closing `**`). */
  valueStart: number;
}

/** The field or section header whose colon is before the cursor on this line. */
function valueContext(ctx: Ctx): ValueOwner | undefined {
  const { intake, section, field: owner } = locate(ctx.file, ctx.line);
  if (!intake) return undefined;
  for (const s of intake.sections) {
    if (s.nameRange.start.line !== ctx.line) continue;
    if (!s.colon || s.colon.range.end.character > ctx.ch) return undefined;
    return { spec: ctx.catalog.section(s.name), name: s.name, valueStart: s.colon.range.end.character };
  }
  if (!section) return undefined;
  const spec = ctx.catalog.section(section.name);
  const resolved = spec ? resolveFieldSpecs(ctx.catalog, spec, section.items) : new Map<FieldItem, FieldSpec | undefined>();
  // The field whose key is on this line.
  const field = owner && fieldLine(owner) === ctx.line ? owner : undefined;
  if (!field) return undefined;
  let valueStart = afterColonOf(field).character;
  if (valueStart > ctx.ch) return undefined;
  if (ctx.lineText.startsWith('**', valueStart)) valueStart += 2;
  return { spec: resolved.get(field), name: field.key, valueStart };
}

function valueCompletions(ctx: Ctx, placeholder: Placeholder | undefined): CompletionEntry[] {
  const owner = valueContext(ctx);
  let replace: Range;
  let filterText: string | undefined;
  if (placeholder) {
    replace = placeholder.range;
    // The client matches the text from the range start to the cursor: the original
    // placeholder text starts with it, so every option stays visible.
    filterText = ctx.lineText.slice(placeholder.range.start.character, placeholder.range.end.character);
  } else {
    if (!owner) return [];
    const typed = ctx.prefix.slice(owner.valueStart);
    let start = owner.valueStart;
    for (let i = typed.length - 1; i >= 0; i--) {
      if (VALUE_SEPARATOR.test(typed.charAt(i))) {
        start = owner.valueStart + i + 1;
        break;
      }
    }
    while (start < ctx.ch && /[ \t\u3000]/.test(ctx.lineText.charAt(start))) start++;
    replace = rangeOn(ctx.line, start, ctx.ch);
  }

  const out: CompletionEntry[] = [];
  const seen = new Set<string>();
  const add = (value: string, sort: string, detail: string, documentation?: string) => {
    if (seen.has(value)) return;
    seen.add(value);
    const entry: CompletionEntry = { label: value, kind: 'value', insertText: escapeSnippet(value), detail, sortText: sort, replaceRange: replace };
    if (filterText !== undefined) entry.filterText = filterText;
    if (documentation !== undefined) entry.documentation = documentation;
    out.push(entry);
  };
  placeholder?.options.forEach((o, i) => add(o, `0${pad(i)}`, t('Option offered by the template')));
  if (owner?.spec) {
    const spec = owner.spec;
    const doc = 'heading' in spec ? describeSection(spec, ctx.locale) : describeField(spec, ctx.locale);
    spec.values.forEach((v, i) => add(v, `1${pad(i)}`, t('Value of {0}', spec.name), doc));
  }
  return out;
}
