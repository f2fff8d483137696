/**
 * Hover for intake files: over a section name or a field key (plain or `**bold**`) it shows
 * the catalog entry (canonical name and the synonym used, description in the locale,
 * required or not, values, the report sections it feeds); over a `__(…)__` placeholder,
 * the options or example it offers.
 */
import { getFieldCatalog, type FieldCatalog } from '../catalog/catalog';
import { rangeContains, type Position, type Range } from '../document';
import { fieldLine, keyRangeOf } from '../fieldParts';
import { t } from '../l10n';
import { locate } from '../facts/locate';
import type { FieldItem, IntakeFile, Placeholder, Section } from '../model';
import { escapeMarkdown, localize, resolveFieldSpecs, type Locale } from './context';
import { describeField, describeSection } from './describe';

export interface HoverResult {
  markdown: string;
  range: Range;
}

export interface HoverOptions {
  catalog?: FieldCatalog;
}

export function getHover(file: IntakeFile, position: Position, locale: Locale, options: HoverOptions = {}): HoverResult | undefined {
  const catalog = options.catalog ?? getFieldCatalog();
  const placeholder = file.placeholders.find((p) => rangeContains(p.range, position));
  if (placeholder) return placeholderHover(catalog, file, placeholder, position, locale);
  const { intake, section, field: owner } = locate(file, position.line);
  if (!intake) return undefined;

  for (const section of intake.sections) {
    if (section.nameRange.start.line !== position.line) continue;
    if (!overName(section.headerRange.start.character, section.nameRange, position)) continue;
    const spec = catalog.section(section.name);
    const markdown = spec
      ? describeSection(spec, locale, { usedName: section.name })
      : `**[${escapeMarkdown(section.name)}]**\n\n${unknownSection(catalog, section.name)}`;
    return { markdown, range: section.nameRange };
  }

  if (!section) return undefined;
  // The field whose key is on this line.
  const field = owner && fieldLine(owner) === position.line ? owner : undefined;
  if (!field || !overKey(field, position)) return undefined;
  const sectionSpec = catalog.section(section.name);
  const spec = sectionSpec ? resolveFieldSpecs(catalog, sectionSpec, section.items).get(field) : undefined;
  if (!spec) {
    const note = sectionSpec
      ? t('"{0}" is not a known field of [{1}]; it is kept as free text for the report.', field.key, sectionSpec.name)
      : t('"{0}" is in a section the catalog does not know.', field.key);
    return { markdown: `**${escapeMarkdown(field.key)}**\n\n${escapeMarkdown(note)}`, range: keyRangeOf(field) };
  }
  return { markdown: describeField(spec, locale, { usedName: field.key }), range: keyRangeOf(field) };
}

/** Over `[name]` (brackets included). */
function overName(bracketStart: number, name: Range, p: Position): boolean {
  return bracketStart <= p.character && p.character <= name.end.character + 1;
}

/** Over the key, or over the `**` around a bold key. */
function overKey(field: FieldItem, p: Position): boolean {
  const margin = field.bold ? 2 : 0;
  return field.keyStart - margin <= p.character && p.character <= field.keyEnd + margin;
}

function unknownSection(catalog: FieldCatalog, name: string): string {
  const suggestion = catalog.suggestSection(name);
  return escapeMarkdown(suggestion ? t('Unknown section [{0}]. Did you mean [{1}]?', name, suggestion.name) : t('Unknown section [{0}].', name));
}

function placeholderHover(catalog: FieldCatalog, file: IntakeFile, p: Placeholder, position: Position, locale: Locale): HoverResult {
  const parts: string[] = [`**${t('Placeholder')}** \`__(${p.inner.replace(/`/g, "'")})__\``];
  if (!p.closed) parts.push(escapeMarkdown(t('Placeholder "__(" is not closed with ")__".')));
  if (p.options.length > 0) parts.push(`${t('Choose one of:')} ${p.options.map(escapeMarkdown).join(' / ')}`);
  else if (p.example) parts.push(`${t('For example:')} ${escapeMarkdown(p.example)}`);
  const owner = ownerOf(catalog, file, position);
  if (owner) parts.push(`${t('Fills:')} ${escapeMarkdown(owner.name)} — ${escapeMarkdown(localize(owner.description, locale))}`);
  if (owner && owner.values.length > 0) parts.push(`${t('Suggested values:')} ${owner.values.slice(0, 12).map(escapeMarkdown).join(', ')}`);
  parts.push(`*${t('Replace the whole placeholder with the real value; the intake is complete when none are left.')}*`);
  return { markdown: parts.join('\n\n'), range: p.range };
}

/** The section or field whose value the position is in. */
function ownerOf(catalog: FieldCatalog, file: IntakeFile, position: Position): { name: string; description: { zh: string; en: string }; values: string[] } | undefined {
  const { intake, section, field } = locate(file, position.line);
  if (!intake) return undefined;
  const header = intake.sections.find((s: Section) => s.nameRange.start.line === position.line);
  if (header) return catalog.section(header.name);
  const sectionSpec = section && catalog.section(section.name);
  if (!section || !sectionSpec) return undefined;
  // The field on this line, else the field this line (a text item) is nested under.
  return field && resolveFieldSpecs(catalog, sectionSpec, section.items).get(field);
}
