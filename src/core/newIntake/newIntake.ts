/**
 * **Intake: New Intake**, without VS Code: the template of the chosen variant with the customer's
 * industry filled in and its typical sub-industries offered as the 细分领域 placeholder's options,
 * written as a snippet whose tab stops are the placeholders, in document order. The first tab
 * stop is the 细分领域 placeholder, so the cursor starts there and Tab walks the rest.
 */
import { getFieldCatalog } from '../catalog/catalog';
import type { Range } from '../document';
import type { KnowledgeBase } from '../knowledge/knowledge';
import type { FieldItem, Intake } from '../model';
import { parseIntake } from '../parser';
import { walkItems } from '../walk';
import { industrySegments } from './segments';
import { TEMPLATES, type TemplateVariant } from './templates';

export { TEMPLATES, type TemplateVariant };

export interface IndustryChoice {
  /** The knowledge base's id (`insurance`). */
  id: string;
  /** What goes after `[客户行业]：` (`保险`). */
  name: string;
  nameEn: string;
  /** Typical sub-industries, the options of the 细分领域 placeholder. */
  segments: string[];
}

export interface NewIntake {
  /** The document as it reads with every placeholder left in place. */
  text: string;
  /** The same text as a VS Code snippet: `${1:__(…)__}` for each placeholder, the rest escaped. */
  snippet: string;
  /** Where each tab stop is in `text`, in tab order (the first is where the cursor starts). */
  tabStops: Range[];
}

const INDUSTRY_SECTION = '客户行业';
const SEGMENT_FIELD = '细分领域';

/** The knowledge base's industries, in its order, each with its typical segments. */
export function industryChoices(kb: Pick<KnowledgeBase, 'industries'>): IndustryChoice[] {
  const segments = industrySegments();
  return kb.industries.map((i) => ({ id: i.id, name: i.name, nameEn: i.nameEn, segments: segments[i.id] ?? [] }));
}

export function buildNewIntake(variant: TemplateVariant, industry: IndustryChoice): NewIntake {
  const template = TEMPLATES[variant];
  const intake = parseIntake(template).intakes[0];
  if (!intake) throw new Error(`the ${variant} template has no intake`);
  const edits: { range: Range; text: string }[] = [];
  const industryPlaceholder = industrySection(intake)?.value?.placeholders[0];
  if (!industryPlaceholder) throw new Error(`the ${variant} template has no [${INDUSTRY_SECTION}] placeholder`);
  edits.push({ range: industryPlaceholder.range, text: industry.name });
  const segmentPlaceholder = segmentField(intake)?.value?.placeholders[0];
  if (segmentPlaceholder && industry.segments.length > 0) edits.push({ range: segmentPlaceholder.range, text: `__(${industry.segments.join('/')})__` });
  const text = applyLineEdits(template, edits);

  const placeholders = parseIntake(text).intakes.flatMap((i) => placeholdersOf(i));
  return { text, snippet: toSnippet(text, placeholders), tabStops: placeholders };
}

function industrySection(intake: Intake) {
  const spec = getFieldCatalog().section(INDUSTRY_SECTION)!;
  return intake.sections.find((s) => getFieldCatalog().section(s.name) === spec);
}

/** The 细分领域 item, whatever synonym the template uses (细分场景 in the structured one). */
function segmentField(intake: Intake): FieldItem | undefined {
  const catalog = getFieldCatalog();
  const spec = catalog.section(INDUSTRY_SECTION)!;
  const section = industrySection(intake);
  if (!section) return undefined;
  for (const item of walkItems(section.items)) {
    if (item.kind === 'field' && catalog.field(spec, item.key)?.name === SEGMENT_FIELD) return item;
  }
  return undefined;
}

/** Every placeholder's range, in document order. */
function placeholdersOf(intake: Intake): Range[] {
  const out: Range[] = [];
  for (const v of intake.preamble) out.push(...v.placeholders.map((p) => p.range));
  for (const s of intake.sections) {
    out.push(...(s.value?.placeholders.map((p) => p.range) ?? []));
    for (const item of walkItems(s.items)) out.push(...(item.value?.placeholders.map((p) => p.range) ?? []));
  }
  return out.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
}

/** Applies single-line edits (none overlapping) to `text`, whose lines end with \n. */
function applyLineEdits(text: string, edits: { range: Range; text: string }[]): string {
  const lines = text.split('\n');
  const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  for (const { range, text: replacement } of sorted) {
    if (range.start.line !== range.end.line) throw new Error('a template placeholder spans lines');
    const line = lines[range.start.line]!;
    lines[range.start.line] = line.slice(0, range.start.character) + replacement + line.slice(range.end.character);
  }
  return lines.join('\n');
}

/** In a snippet, `$`, `}` and `\` are syntax: a backslash makes each literal (everywhere, placeholders included). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function toSnippet(text: string, tabStops: Range[]): string {
  const lines = text.split('\n');
  const byLine = new Map<number, Range[]>();
  for (const r of tabStops) byLine.set(r.start.line, [...(byLine.get(r.start.line) ?? []), r]);
  let stop = 0;
  return lines
    .map((line, n) => {
      let out = '';
      let at = 0;
      for (const r of byLine.get(n) ?? []) {
        out += escapeSnippetText(line.slice(at, r.start.character));
        out += `\${${++stop}:${escapeSnippetText(line.slice(r.start.character, r.end.character))}}`;
        at = r.end.character;
      }
      return out + escapeSnippetText(line.slice(at));
    })
    .join('\n');
}
