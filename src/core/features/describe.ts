/**
 * Markdown descriptions of catalog sections and fields, shared by hover and by completion
 * documentation: canonical name, description in the locale, required or not, values,
 * synonyms and the report sections the entry feeds.
 */
import type { FieldSpec, SectionSpec } from '../catalog/catalog';
import { normalizeName } from '../catalog/catalog';
import { t } from '../l10n';
import { escapeMarkdown, localize, type Locale } from './context';

export interface DescribeOptions {
  /** The name written in the document, when it may be a synonym. */
  usedName?: string;
  /** Leave out the title line (completion items already show the name). */
  omitTitle?: boolean;
}

const MAX_VALUES = 12;

function list(values: readonly string[]): string {
  const shown = values.slice(0, MAX_VALUES).map(escapeMarkdown).join(', ');
  return values.length > MAX_VALUES ? `${shown}, …` : shown;
}

/** Whether `used` is a synonym (not the canonical name) of a spec. */
function isSynonym(spec: { name: string }, used: string | undefined): used is string {
  return used !== undefined && normalizeName(used) !== normalizeName(spec.name);
}

export function describeSection(spec: SectionSpec, locale: Locale, options: DescribeOptions = {}): string {
  const parts: string[] = [];
  if (!options.omitTitle) parts.push(`**[${escapeMarkdown(spec.name)}]** — ${t('Section')}`);
  if (isSynonym(spec, options.usedName)) parts.push(`*${t('Written here as "{0}", a synonym of "{1}".', escapeMarkdown(options.usedName), escapeMarkdown(spec.name))}*`);
  parts.push(escapeMarkdown(localize(spec.description, locale)));
  const facts: string[] = [spec.required ? `**${t('Required')}**` : t('Optional')];
  if (spec.valueRequired) facts.push(t('the header line needs a value'));
  parts.push(facts.join(' · '));
  if (spec.values.length > 0) parts.push(`${t('Values:')} ${list(spec.values)}`);
  if (spec.fields.length > 0) parts.push(`${t('Fields:')} ${list(spec.fields.map((f) => (f.required ? `${f.name}*` : f.name)))}`);
  if (spec.synonyms.length > 0) parts.push(`${t('Also written as:')} ${list(spec.synonyms)}`);
  parts.push(`${t('Feeds:')} ${list(spec.feeds)}`);
  return parts.join('\n\n');
}

export function describeField(spec: FieldSpec, locale: Locale, options: DescribeOptions = {}): string {
  const parts: string[] = [];
  if (!options.omitTitle) {
    const path = [...spec.path, spec.name].map(escapeMarkdown).join(' › ');
    parts.push(`**${escapeMarkdown(spec.name)}** — ${path}`);
  }
  if (isSynonym(spec, options.usedName)) parts.push(`*${t('Written here as "{0}", a synonym of "{1}".', escapeMarkdown(options.usedName), escapeMarkdown(spec.name))}*`);
  parts.push(escapeMarkdown(localize(spec.description, locale)));
  const facts: string[] = [spec.required ? `**${t('Required')}**` : t('Optional')];
  if (spec.required && spec.fields.length > 0) facts.push(t('satisfied by any of its sub-fields'));
  if (spec.required && spec.fromBullets) facts.push(t('or by bullets of the section without a key'));
  parts.push(facts.join(' · '));
  if (spec.values.length > 0) parts.push(`${t('Suggested values:')} ${list(spec.values)}`);
  if (spec.placeholder) parts.push(`${t('Template:')} \`__(${spec.placeholder.replace(/`/g, "'")})__\``);
  if (spec.fields.length > 0) parts.push(`${t('Sub-fields:')} ${list(spec.fields.map((f) => f.name))}`);
  if (spec.synonyms.length > 0) parts.push(`${t('Also written as:')} ${list(spec.synonyms)}`);
  parts.push(`${t('Feeds:')} ${list(spec.feeds)}`);
  return parts.join('\n\n');
}
