/**
 * Document symbols (outline, breadcrumbs, Go to Symbol): intakes → sections → fields, fields
 * nested as written. A section's range includes its `###` heading; headings with no section
 * after them are symbols of their own. Every range lies in the document and every
 * selectionRange inside its range, as VS Code requires.
 */
import { getFieldCatalog, type FieldCatalog, type SectionSpec } from '../catalog/catalog';
import { comparePositions, type Position, type Range } from '../document';
import { keyRangeOf } from '../fieldParts';
import { t } from '../l10n';
import type { Intake, IntakeFile, Item, Section } from '../model';
import { getCompleteness, type Completeness } from './completeness';
import { containsRange, isFilledValue, resolveFieldSpecs, truncate } from './context';

export type SymbolKind = 'intake' | 'section' | 'field' | 'heading';

export interface IntakeSymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: IntakeSymbol[];
}

const DETAIL_LENGTH = 40;

export function getDocumentSymbols(file: IntakeFile, catalog: FieldCatalog = getFieldCatalog()): IntakeSymbol[] {
  return file.intakes.map((intake) => getIntakeSymbol(intake, file.lineCount, catalog));
}

/**
 * The symbol of one intake of a file of `lineCount` lines (with its sections and fields);
 * `completeness`, when the caller has it, for the detail.
 */
export function getIntakeSymbol(intake: Intake, lineCount: number, catalog: FieldCatalog = getFieldCatalog(), completeness?: Completeness): IntakeSymbol {
  const bounds: Range = { start: { line: 0, character: 0 }, end: { line: Math.max(0, lineCount - 1), character: Number.MAX_SAFE_INTEGER } };
  return intakeSymbol(catalog, intake, bounds, completeness);
}

/** `Intake 2 · 保险 / 车险理赔自动化`, with the industry and segment when they are filled. */
export function intakeName(intake: Intake, catalog: FieldCatalog = getFieldCatalog()): string {
  const base = t('Intake {0}', intake.index + 1);
  const industrySpec = catalog.section('客户行业');
  const industry = intake.sections.find((s) => catalog.section(s.name) === industrySpec);
  const parts = industry ? industryParts(catalog, industry, industrySpec) : undefined;
  return parts !== undefined ? `${base} · ${parts}` : base;
}

/**
 * The industry and segment a [客户行业] section names, kept per section (parsed sections never
 * change): an edit re-parses one section of an intake and the outline names the intake again on
 * every keystroke, which resolved every field of [客户行业] each time (a tenth of the symbols of
 * the bench's 2,000-line intake, whose [客户行业] has 330 lines).
 */
const industryNames = new WeakMap<Section, { catalog: FieldCatalog; parts: string | undefined }>();

/** The parts joined with ` / `; undefined when it names neither. */
function industryParts(catalog: FieldCatalog, industry: Section, industrySpec: SectionSpec | undefined): string | undefined {
  const known = industryNames.get(industry);
  if (known?.catalog === catalog) return known.parts;
  const parts: string[] = [];
  if (isFilledValue(industry.value)) parts.push(truncate(industry.value!.text, 20));
  if (industrySpec) {
    const segmentSpec = catalog.field(industrySpec, '细分领域');
    for (const [item, spec] of resolveFieldSpecs(catalog, industrySpec, industry.items)) {
      if (spec === segmentSpec && isFilledValue(item.value)) {
        parts.push(truncate(item.value!.text, 24));
        break;
      }
    }
  }
  const joined = parts.length > 0 ? parts.join(' / ') : undefined;
  industryNames.set(industry, { catalog, parts: joined });
  return joined;
}

function intakeSymbol(catalog: FieldCatalog, intake: Intake, bounds: Range, completeness?: Completeness): IntakeSymbol {
  const range = clamp(intake.range, bounds);
  const children: IntakeSymbol[] = [];
  const attached = new Set(intake.sections.map((s) => s.heading).filter((h) => h !== undefined));
  for (const h of intake.headings) {
    if (attached.has(h)) continue;
    children.push(symbol(h.text || '###', '', 'heading', h.range, h.range, [], range));
  }
  for (const s of intake.sections) children.push(sectionSymbol(catalog, s, range));
  children.sort((a, b) => comparePositions(a.range.start, b.range.start));
  const first = children[0];
  const selection = first ? first.selectionRange : { start: range.start, end: range.start };
  const c = completeness ?? getCompleteness(intake, catalog);
  return symbol(intakeName(intake, catalog), `${c.percent}%`, 'intake', range, selection, children, bounds);
}

/**
 * Parsed sections never change, and an edit re-parses one section of an intake
 * (core/documents/): a section's symbol is kept per section, for the intake range it was made in.
 */
const sectionSymbols = new WeakMap<Section, { catalog: FieldCatalog; outer: Range; symbol: IntakeSymbol }>();

function sectionSymbol(catalog: FieldCatalog, s: Section, range: Range): IntakeSymbol {
  const known = sectionSymbols.get(s);
  if (known && known.catalog === catalog && sameRange(known.outer, range)) return known.symbol;
  const full: Range = s.heading ? { start: s.heading.range.start, end: s.range.end } : s.range;
  const detail = s.value ? truncate(s.value.text, DETAIL_LENGTH) : (s.heading?.text ?? '');
  const spec = catalog.section(s.name);
  const name = spec && spec.name !== s.name ? `${s.name} (${spec.name})` : s.name;
  const made = symbol(name, detail, 'section', full, s.nameRange, fieldSymbols(s.items, clamp(full, range)), range);
  sectionSymbols.set(s, { catalog, outer: range, symbol: made });
  return made;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function fieldSymbols(items: readonly Item[], parent: Range): IntakeSymbol[] {
  const out: IntakeSymbol[] = [];
  for (const item of items) {
    if (item.kind === 'field') {
      const range = clamp(item.range, parent);
      const detail = item.value ? truncate(item.value.text, DETAIL_LENGTH) : '';
      out.push(symbol(item.key, detail, 'field', range, keyRangeOf(item), fieldSymbols(item.children, range), parent));
    } else {
      // Free-text lines are not symbols, but fields written under them still are.
      out.push(...fieldSymbols(item.children, parent));
    }
  }
  return out;
}

function symbol(name: string, detail: string, kind: SymbolKind, range: Range, selection: Range, children: IntakeSymbol[], outer: Range): IntakeSymbol {
  const r = clamp(range, outer);
  let sel = clamp(selection, r);
  if (!containsRange(r, sel)) sel = { start: r.start, end: r.start };
  // VS Code rejects empty names.
  return { name: name.trim() || '—', detail, kind, range: r, selectionRange: sel, children };
}

function clampPos(p: Position, r: Range): Position {
  if (comparePositions(p, r.start) < 0) return r.start;
  if (comparePositions(p, r.end) > 0) return r.end;
  return p;
}

function clamp(inner: Range, outer: Range): Range {
  const start = clampPos(inner.start, outer);
  const end = clampPos(inner.end, outer);
  return comparePositions(start, end) <= 0 ? { start, end } : { start, end: start };
}
