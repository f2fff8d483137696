/**
 * Checks a parsed intake file against the field catalog and returns diagnostics with stable
 * codes. Pure and total: no I/O, never throws.
 */
import { analyzeIntakeLines, findingToDiagnostic } from './analysis/analyze';
import type { AnalysisCache } from './analysis/cache';
import { buildAnalysisLines, FieldResolver, type AnalysisLine } from './facts/lines';
import { getFieldCatalog, type FieldCatalog, type FieldSpec, type SectionSpec } from './catalog/catalog';
import { intakeAnchor, isEmptyField, isEmptySection, uncoveredRequired } from './facts/coverage';
import { memoizedLookup, type CatalogLookup } from './facts/facts';
import { locateIntake } from './facts/locate';
import { Codes, type IntakeDiagnostic } from './diagnostics';
import type { Range } from './document';
import { t } from './l10n';
import type { FieldItem, Intake, IntakeFile, Placeholder, Section } from './model';
import { forEachField } from './walk';

export interface ValidateOptions {
  catalog?: FieldCatalog;
  /** Run the analysis checks (budget, SLA, latency, standards); on by default. */
  analysis?: boolean;
  /**
   * Remembers each intake's analysis by its text, so that only intakes that changed are analysed
   * again (the editor keeps one per document). Used together with `text`.
   */
  analysisCache?: AnalysisCache;
  /** The text `file` was parsed from (for `analysisCache`). */
  text?: string;
}

export function validate(file: IntakeFile, options: ValidateOptions = {}): IntakeDiagnostic[] {
  const catalog = options.catalog ?? getFieldCatalog();
  // Every intake of a file asks for the same names: look each up once per validation.
  const lookup = memoizedLookup(catalog);
  const resolver = new FieldResolver(lookup);
  const seen = new FieldsSeen();
  const out: IntakeDiagnostic[] = [];
  const messages = new PlaceholderMessages();
  for (const p of file.placeholders) checkPlaceholder(file, messages, p, out);
  const analysis = options.analysis !== false;
  const cache = analysis && options.analysisCache && options.text !== undefined ? options.analysisCache.session(options.text, catalog) : undefined;
  for (const intake of file.intakes) {
    const cached = cache?.get(intake);
    const lines = checkIntake(catalog, lookup, seen, intake, analysis && !cached ? resolver : undefined, out);
    const found = cached ?? (lines ? analyzeIntakeLines(intake, lines, lookup) : []);
    if (cache && !cached && lines) cache.set(intake, found);
    // Localised now, in the user's language: the cache keeps the findings for every language.
    for (const f of found) out.push(findingToDiagnostic(f, intake.index));
  }
  cache?.end();
  out.sort(byStart);
  return out;
}

function byStart(a: IntakeDiagnostic, b: IntakeDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * Placeholder messages for one validation. A file has thousands of placeholders, so each kind of
 * message is localised once, with a marker for its argument, and then only spliced together:
 * the same text `t()` gives (it inserts arguments in one pass, as the splice does).
 */
class PlaceholderMessages {
  private withOptions: string[] | undefined;
  private withExample: string[] | undefined;
  private plain: string | undefined;
  /** The last options message per placeholder text, with the options it was made of. */
  private readonly byInner = new Map<string, { options: readonly string[]; message: string }>();

  of(p: Placeholder): string {
    if (p.options.length > 0) {
      // Copies of a placeholder have the same options (the parser even shares their strings): the same message.
      const last = this.byInner.get(p.inner);
      if (last && sameStrings(last.options, p.options)) return last.message;
      const message = splice((this.withOptions ??= template((arg) => t('Unfilled placeholder; choose one of: {0}.', arg))), p.options.join(' / '));
      this.byInner.set(p.inner, { options: p.options, message });
      return message;
    }
    if (p.example) return splice((this.withExample ??= template((arg) => t('Unfilled placeholder, for example: {0}.', arg))), p.example);
    return (this.plain ??= t('Unfilled placeholder.'));
  }
}

/** The same strings in the same order (cheap when they are the same string objects, as the parser's copies are). */
function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Stands for a message's argument while it is localised; no translation contains it. */
const ARGUMENT = '\u0000\u0001argument\u0001\u0000';

/** A localised message cut where its argument goes. */
function template(localise: (arg: string) => string): string[] {
  return localise(ARGUMENT).split(ARGUMENT);
}

function splice(parts: string[], arg: string): string {
  return parts.length === 2 ? parts[0]! + arg + parts[1]! : parts.join(arg);
}

function checkPlaceholder(file: IntakeFile, messages: PlaceholderMessages, p: Placeholder, out: IntakeDiagnostic[]): void {
  const intake = locateIntake(file, p.range.start.line).nearest?.index ?? 0;
  if (!p.closed) {
    out.push({
      code: Codes.unclosedPlaceholder,
      severity: 'error',
      message: t('Placeholder "__(" is not closed with ")__".'),
      range: p.range,
      intake,
      data: { kind: 'unclosed-placeholder' },
    });
    return;
  }
  const data: IntakeDiagnostic['data'] = p.example !== undefined ? { kind: 'placeholder', options: p.options, example: p.example } : { kind: 'placeholder', options: p.options };
  out.push({ code: Codes.placeholder, severity: 'warning', message: messages.of(p), range: p.range, intake, data });
}

/**
 * The intake's own diagnostics. With `analysis` (the fields resolved in this validation), the walk over
 * its fields also builds the lines the analysis checks read (returned; undefined when they could
 * not be built).
 */
function checkIntake(catalog: FieldCatalog, lookup: CatalogLookup, seen: FieldsSeen, intake: Intake, analysis: FieldResolver | undefined, out: IntakeDiagnostic[]): AnalysisLine[] | undefined {
  const bySpec = new Map<SectionSpec, Section[]>();
  const seenUnknown = new Map<string, Section>();
  for (const section of intake.sections) {
    checkSectionFormat(section, intake.index, out);
    const spec = lookup.section(section.name);
    if (!spec) {
      const first = seenUnknown.get(section.name);
      if (first) out.push(duplicate(section, first, intake.index));
      else {
        seenUnknown.set(section.name, section);
        out.push(unknownSection(catalog, section, intake.index));
      }
      continue;
    }
    const list = bySpec.get(spec) ?? [];
    const [first] = list;
    if (first) out.push(duplicate(section, first, intake.index));
    list.push(section);
    bySpec.set(spec, list);
    checkSectionValue(spec, section, intake.index, out);
  }
  const fields = new FieldChecks(intake.index, seen, out);
  let lines: AnalysisLine[] | undefined;
  if (analysis) {
    const before = out.length;
    try {
      lines = buildAnalysisLines(intake, lookup, fields.visit, analysis);
    } catch {
      // The analysis gets nothing to read; the fields are checked on their own below.
      out.length = before;
      fields.reset();
      lines = undefined;
    }
  }
  if (!lines) {
    for (const section of intake.sections) {
      const spec = lookup.section(section.name);
      forEachField(section.items, (field) => fields.visit(field, spec && lookup.field(spec, field.key)));
    }
  }
  for (const [spec, [first]] of bySpec) if (first) checkRequiredFields(spec, first, seen, intake.index, out);
  const anchor = intakeAnchor(intake);
  for (const spec of catalog.requiredSections()) {
    if (bySpec.has(spec)) continue;
    out.push({
      code: Codes.missingSection,
      severity: 'error',
      message: t('Missing required section [{0}].', spec.name),
      range: anchor,
      intake: intake.index,
      data: { kind: 'missing-section', section: spec.name },
    });
  }
  return lines;
}

/**
 * Which catalog fields an intake has: each field spec seen is stamped with the intake's turn.
 * A field spec belongs to one section spec, so this answers "does this section have it" for
 * every section of the intake at once, with one map for the whole validation.
 */
class FieldsSeen {
  private readonly stamps = new Map<FieldSpec, number>();
  private turn = 0;

  /** Starts over for the next intake. */
  next(): void {
    this.turn++;
  }

  add(f: FieldSpec): void {
    this.stamps.set(f, this.turn);
  }

  has(f: FieldSpec): boolean {
    return this.stamps.get(f) === this.turn;
  }
}

/** Field-level diagnostics, field by field in document order; also notes the catalog fields the intake has. */
class FieldChecks {
  constructor(
    private readonly intake: number,
    private readonly seen: FieldsSeen,
    private readonly out: IntakeDiagnostic[],
  ) {
    seen.next();
  }

  readonly visit = (field: FieldItem, spec: FieldSpec | undefined): void => {
    if (field.colon.char === ':') this.out.push(halfWidthColon(field.colon.range, this.intake));
    if (isEmptyField(field)) {
      this.out.push({
        code: Codes.emptyValue,
        severity: 'warning',
        message: t('"{0}" has no value.', field.key),
        range: field.keyRange,
        intake: this.intake,
        data: { kind: 'empty-value', key: field.key },
      });
    }
    if (spec) this.seen.add(spec);
  };

  reset(): void {
    this.seen.next();
  }
}

function duplicate(section: Section, first: Section, intake: number): IntakeDiagnostic {
  return {
    code: Codes.duplicateSection,
    severity: 'error',
    message: t('Section [{0}] appears more than once in this intake (first on line {1}).', section.name, first.nameRange.start.line + 1),
    range: section.nameRange,
    intake,
    data: { kind: 'duplicate-section', section: section.name, first: first.nameRange },
  };
}

function unknownSection(catalog: FieldCatalog, section: Section, intake: number): IntakeDiagnostic {
  const suggestion = catalog.suggestSection(section.name);
  const data: IntakeDiagnostic['data'] = { kind: 'unknown-section', name: section.name };
  if (suggestion) data.suggestion = suggestion.name;
  return {
    code: Codes.unknownSection,
    severity: 'information',
    message: suggestion ? t('Unknown section [{0}]. Did you mean [{1}]?', section.name, suggestion.name) : t('Unknown section [{0}].', section.name),
    range: section.nameRange,
    intake,
    data,
  };
}

function checkSectionFormat(section: Section, intake: number, out: IntakeDiagnostic[]): void {
  if (section.brackets === '【】') {
    out.push({
      code: Codes.format,
      severity: 'information',
      message: t('Use square brackets for section headers: [{0}].', section.name),
      range: section.bracketRange,
      intake,
      data: { kind: 'format', problem: 'brackets', replacement: `[${section.name}]` },
    });
  }
  if (!section.colon) {
    const close = section.bracketRange.end.character;
    out.push({
      code: Codes.format,
      severity: 'information',
      message: t('Section header [{0}] has no colon "：".', section.name),
      range: { start: { line: section.bracketRange.end.line, character: close - 1 }, end: { line: section.bracketRange.end.line, character: close } },
      intake,
      data: { kind: 'format', problem: 'missing-colon', replacement: '：' },
    });
  } else if (section.colon.char === ':') {
    out.push(halfWidthColon(section.colon.range, intake));
  }
}

function halfWidthColon(range: Range, intake: number): IntakeDiagnostic {
  return {
    code: Codes.format,
    severity: 'information',
    message: t('Use the full-width colon "：" instead of ":".'),
    range,
    intake,
    data: { kind: 'format', problem: 'half-width-colon', replacement: '：' },
  };
}

function checkSectionValue(spec: SectionSpec, section: Section, intake: number, out: IntakeDiagnostic[]): void {
  if (isEmptySection(spec, section)) {
    out.push({
      code: Codes.emptyValue,
      severity: 'warning',
      message: t('[{0}] has no value.', section.name),
      range: section.nameRange,
      intake,
      data: { kind: 'empty-value', key: section.name },
    });
  }
}

/** Missing required fields of the sections of kind `spec`, reported at the first of them. */
function checkRequiredFields(spec: SectionSpec, first: Section, present: FieldsSeen, intake: number, out: IntakeDiagnostic[]): void {
  for (const f of uncoveredRequired(spec, (x) => present.has(x))) {
    out.push({
      code: Codes.missingField,
      severity: 'warning',
      message: t('Section [{0}] is missing the required field "{1}".', spec.name, f.name),
      range: first.nameRange,
      intake,
      data: { kind: 'missing-field', section: spec.name, field: f.name },
    });
  }
}
