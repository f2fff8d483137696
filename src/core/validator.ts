/**
 * Checks a parsed intake file against the field catalog and returns diagnostics with stable
 * codes. Pure and total: no I/O, never throws.
 */
import { AnalysisChunk, chunkFindings, findingToDiagnostic, type AnalysisFinding, type CombineMemo } from './analysis/analyze';
import type { AnalysisCache } from './analysis/cache';
import { buildSectionLines, FieldResolver } from './facts/lines';
import { getFieldCatalog, type FieldCatalog, type FieldSpec, type SectionSpec } from './catalog/catalog';
import { bulletField, intakeAnchor, isEmptyField, isEmptySection, uncoveredRequired } from './facts/coverage';
import { memoizedLookup, type CatalogLookup } from './facts/facts';
import { locateIntake } from './facts/locate';
import { colonOf, keyRangeOf } from './fieldParts';
import { Codes, type IntakeDiagnostic } from './diagnostics';
import type { Range } from './document';
import { t } from './l10n';
import { startCharacter, startLine } from './lineRange';
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
  const validator = new IntakeValidator(options.catalog);
  const analysis = options.analysis !== false;
  const cache = analysis && options.analysisCache && options.text !== undefined ? options.analysisCache.session(options.text, validator.catalog) : undefined;
  const byIntake = placeholdersByIntake(file);
  const out: IntakeDiagnostic[] = [];
  // Placeholders of a file without intakes (it cannot have any: a placeholder's line is an intake's content).
  if (file.intakes.length === 0) for (const p of file.placeholders) out.push(validator.placeholder(p, 0));
  for (const intake of file.intakes) {
    const cached = cache?.get(intake);
    const checked = validator.check(intake, byIntake[intake.index] ?? [], analysis && !cached);
    const found = cached ?? checked.findings ?? [];
    if (cache && !cached && checked.findings) cache.set(intake, checked.findings);
    out.push(...withFindings(checked.diagnostics, found, intake.index));
  }
  cache?.end();
  return out;
}

/**
 * The diagnostics of one intake: its own (catalog checks, placeholders) and its analysis findings,
 * localised now in the user's language, in document order. The diagnostics of a file are those
 * of its intakes one after the other.
 */
export function withFindings(diagnostics: readonly IntakeDiagnostic[], findings: readonly AnalysisFinding[], intake: number): IntakeDiagnostic[] {
  const found = new Array<IntakeDiagnostic>(findings.length);
  for (let i = 0; i < found.length; i++) found[i] = findingToDiagnostic(findings[i]!, intake);
  // Both lists are in document order already (an intake's analysis sorts its own diagnostics, and
  // the findings come sorted): one merge gives what the stable sort of the two, one after the
  // other, gives (a diagnostic before a finding at the same start), without a comparison per step
  // of a sort.
  if (isSortedByStart(diagnostics) && isSortedByStart(found)) return mergeByStart(diagnostics, found);
  const out = diagnostics.slice();
  for (const d of found) out.push(d);
  return out.sort(byStart);
}

/** Whether `list` is in the order `sort(byStart)` would put it in. */
function isSortedByStart(list: readonly IntakeDiagnostic[]): boolean {
  for (let i = 1; i < list.length; i++) if (byStart(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

/** Two lists sorted by start as one, `a`'s before `b`'s at the same start (a stable sort of `a` then `b`). */
function mergeByStart(a: readonly IntakeDiagnostic[], b: readonly IntakeDiagnostic[]): IntakeDiagnostic[] {
  if (b.length === 0) return a.slice();
  const out = new Array<IntakeDiagnostic>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byStart(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * The file's placeholders by the intake they belong to (the nearest intake at or above their
 * line, as {@link locateIntake} says), indexed by intake index.
 */
function placeholdersByIntake(file: IntakeFile, placeholders: readonly Placeholder[] = file.placeholders): Placeholder[][] {
  const out: Placeholder[][] = file.intakes.map(() => []);
  for (const p of placeholders) out[locateIntake(file, p.range.start.line).nearest?.index ?? 0]?.push(p);
  return out;
}

/** What {@link IntakeValidator.check} finds in one intake. */
export interface IntakeChecks {
  /** The catalog checks and the placeholders, in the order they were found (not sorted). */
  diagnostics: IntakeDiagnostic[];
  /** The analysis findings, when they were asked for and their input could be built. */
  findings: AnalysisFinding[] | undefined;
}

/**
 * What the checks find in one section of an intake, on their own: the intake's diagnostics and
 * findings are put together from its sections' (with what only the whole intake can tell:
 * duplicate and unknown sections, required fields and sections), so after an edit only the
 * sections it touched are checked again. Never changed once made.
 */
export interface SectionChecks {
  /** The index of the intake the diagnostics are of. */
  readonly intake: number;
  readonly spec: SectionSpec | undefined;
  /** The header's format problems (brackets, colon). */
  readonly format: readonly IntakeDiagnostic[];
  /** A known section without its value. */
  readonly empty: IntakeDiagnostic | undefined;
  /** The fields' problems (half-width colons, empty values), in document order. */
  readonly fields: readonly IntakeDiagnostic[];
  /** The catalog fields the section has. */
  readonly present: readonly FieldSpec[];
  /** What the analysis checks read of the section: undefined until asked for, null when its lines could not be built. */
  readonly chunk: AnalysisChunk | null | undefined;
}

/** One empty list for every {@link SectionChecks} list that is empty (most are). */
const NONE: readonly never[] = Object.freeze([]);

/** A section's checks moved down by `lines` (up when negative) into intake `intake`. */
export function moveSectionChecks(s: SectionChecks, lines: number, intake: number): SectionChecks {
  if (lines === 0 && s.intake === intake) return s;
  const move = (d: IntakeDiagnostic): IntakeDiagnostic => (lines === 0 && d.intake === intake ? d : { code: d.code, severity: d.severity, message: d.message, range: moveDiagRange(d.range, lines), intake, data: d.data });
  return {
    intake,
    spec: s.spec,
    format: s.format.length === 0 ? NONE : s.format.map(move),
    empty: s.empty && move(s.empty),
    fields: s.fields.length === 0 ? NONE : s.fields.map(move),
    present: s.present,
    chunk: s.chunk && s.chunk.moved(lines),
  };
}

function moveDiagRange(r: Range, lines: number): Range {
  if (lines === 0) return r;
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

/**
 * The checks of one intake at a time, with what they share across intakes (the catalog's
 * lookups, the placeholder messages). One per validation, or per document version.
 */
export class IntakeValidator {
  readonly catalog: FieldCatalog;
  // Every intake of a file asks for the same names: look each up once.
  private readonly lookup: CatalogLookup;
  private readonly resolver: FieldResolver;
  private readonly messages = new PlaceholderMessages();
  private readonly present = new PresentFields();
  /** The field checks of the section being checked (one for the validator's life, emptied after each). */
  private readonly fields = new FieldChecks();
  private readonly presentLists = new PresentLists();

  constructor(catalog: FieldCatalog = getFieldCatalog()) {
    this.catalog = catalog;
    this.lookup = memoizedLookup(catalog);
    this.resolver = new FieldResolver(this.lookup);
  }

  /**
   * The intake's diagnostics, given the placeholders that belong to it; with `analysis`, its
   * findings too. `sections`, one entry per section of the intake, holds what is known of each
   * already (from a previous version, moved to this one's lines): the sections without an entry,
   * or without the analysis when it is asked for, are checked and their entries filled in.
   *
   * With a `memo` (what the checks combined last for this intake), a section's entry keeps what
   * the analysis read of it (its chunk) too, for the next version to read again only the sections
   * an edit touched. Without one the chunks are read for these findings only, and the entries are
   * made without them (a later version that needs one reads the section again): a first analysis
   * of a large file, most of whose intakes are never edited, keeps none (about 2 MB per MB of text,
   * each copied by the garbage collector while the analysis runs).
   */
  check(intake: Intake, placeholders: readonly Placeholder[], analysis: boolean, sections: Array<SectionChecks | undefined> = [], memo?: CombineMemo): IntakeChecks {
    const out: IntakeDiagnostic[] = [];
    for (const p of placeholders) out.push(this.placeholder(p, intake.index));
    const chunks = analysis ? new Array<AnalysisChunk | null>(intake.sections.length) : undefined;
    const checked = this.sections(intake, sections, chunks, memo !== undefined);
    combineChecks(this.catalog, intake, checked, this.present, out);
    return { diagnostics: out, findings: chunks ? chunkListFindings(chunks, memo) : undefined };
  }

  /**
   * The analysis findings of an intake on their own (when its diagnostics were made without
   * them); its sections' chunks are kept in `sections` with a `memo`, as {@link check} says.
   */
  findings(intake: Intake, sections: Array<SectionChecks | undefined> = [], memo?: CombineMemo): AnalysisFinding[] {
    const chunks = new Array<AnalysisChunk | null>(intake.sections.length);
    this.sections(intake, sections, chunks, memo !== undefined);
    return chunkListFindings(chunks, memo) ?? [];
  }

  placeholder(p: Placeholder, intake: number): IntakeDiagnostic {
    return checkPlaceholder(this.messages, p, intake);
  }

  /**
   * Forgets the placeholder messages made so far (a placeholder's diagnostic is made again as
   * before if asked for): for when every intake's diagnostics are made, since the validator lives
   * as long as its document version, and the messages of a large file are thousands of entries.
   */
  forgetMessages(): void {
    this.messages.clear();
  }

  /**
   * Each section's checks, from `known` where it has them (filled in where it has not). With
   * `chunks`, what the analysis reads of each section too, put there (null for a section whose
   * lines could not be built), and kept in the section's entry when `keep` says so.
   */
  private sections(intake: Intake, known: Array<SectionChecks | undefined>, chunks: Array<AnalysisChunk | null> | undefined, keep: boolean): SectionChecks[] {
    const all = intake.sections;
    const out = new Array<SectionChecks>(all.length);
    for (let i = 0; i < all.length; i++) {
      const section = all[i]!;
      let s = known[i];
      if (!s) s = this.checkSection(section, intake.index, chunks, i, keep);
      else if (chunks) {
        let chunk = s.chunk;
        if (chunk === undefined) {
          chunk = this.analyse(section);
          if (keep) s = { ...s, chunk };
        }
        chunks[i] = chunk;
      }
      known[i] = s;
      out[i] = s;
    }
    return out;
  }

  /** Section `section`'s checks; with `chunks`, what the analysis reads of it is put at `at` (and kept in the checks with `keep`). */
  private checkSection(section: Section, intake: number, chunks: Array<AnalysisChunk | null> | undefined, at: number, keep: boolean): SectionChecks {
    const analysis = chunks !== undefined;
    const spec = this.lookup.section(section.name);
    const format: IntakeDiagnostic[] = [];
    checkSectionFormat(section, intake, format);
    const empty = spec && isEmptySection(spec, section) ? emptySection(section, intake) : undefined;
    const fields = this.fields;
    fields.start(intake);
    let chunk: AnalysisChunk | null | undefined;
    if (analysis) {
      try {
        // The walk that builds the lines the analysis reads checks the fields too.
        chunk = AnalysisChunk.of(buildSectionLines(section, this.lookup, fields.visit, this.resolver));
      } catch {
        // The analysis gets nothing to read; the fields are checked on their own below.
        fields.reset();
        chunk = null;
      }
    }
    if (!chunk) forEachField(section.items, (field) => fields.visit(field, spec && this.lookup.field(spec, field.key)));
    // Unkeyed bullets give the field they stand for (pains listed without 具体问题：), as in the report.
    const fromBullets = spec && bulletField(spec, section);
    if (fromBullets) fields.present.push(fromBullets);
    if (chunks) chunks[at] = chunk ?? null;
    // Kept for the document's life (one per section of every intake): each list at its exact size,
    // and the catalog fields shared by every section that has the same.
    return { intake, spec, format: compact(format), empty, fields: compact(fields.out), present: this.presentLists.of(fields.present), chunk: keep ? chunk : undefined };
  }

  /** What the analysis checks read of a section whose fields were checked already. */
  private analyse(section: Section): AnalysisChunk | null {
    try {
      return AnalysisChunk.of(buildSectionLines(section, this.lookup, undefined, this.resolver));
    } catch {
      return null;
    }
  }
}

/**
 * `list`, to be kept long, at its size: the shared empty list, or a copy (pushing leaves a list
 * room to grow: V8 gives a list 17 slots on its first push).
 */
export function compact<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? NONE : list.slice();
}

/** The intake's findings from its sections' chunks; undefined when a section's lines could not be built. */
function chunkListFindings(chunks: ReadonlyArray<AnalysisChunk | null>, memo: CombineMemo | undefined): AnalysisFinding[] | undefined {
  for (const chunk of chunks) if (!chunk) return undefined;
  return chunkFindings(chunks as readonly AnalysisChunk[], memo);
}

/**
 * Document order of diagnostics, by start: what {@link withFindings} expects its lists in (read
 * through startLine() and startCharacter(): a placeholder's range is a LineRange, whose getters
 * make a position each, some 20,000 in a sort of a large file's diagnostics).
 */
export function byStart(a: IntakeDiagnostic, b: IntakeDiagnostic): number {
  return startLine(a.range) - startLine(b.range) || startCharacter(a.range) - startCharacter(b.range);
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
  /**
   * The diagnostics' message and data by the placeholder's options list: the parser gives the
   * placeholders of one content one list (core/placeholder.ts), so they share one data object
   * too, and their message is found without hashing their text. Nothing changes a diagnostic's
   * data; the example is compared in case two contents share a list.
   */
  private readonly byOptions = new Map<readonly string[], { message: string; data: PlaceholderData }>();

  clear(): void {
    this.byOptions.clear();
  }

  /** The message and data of a closed placeholder's diagnostic. */
  of(p: Placeholder): { message: string; data: PlaceholderData } {
    const known = this.byOptions.get(p.options);
    if (known && known.data.example === p.example) return known;
    const data: PlaceholderData = p.example !== undefined ? { kind: 'placeholder', options: p.options, example: p.example } : { kind: 'placeholder', options: p.options };
    const made = { message: this.message(p), data };
    this.byOptions.set(p.options, made);
    return made;
  }

  private message(p: Placeholder): string {
    if (p.options.length > 0) return splice((this.withOptions ??= template((arg) => t('Unfilled placeholder; choose one of: {0}.', arg))), p.options.join(' / '));
    if (p.example) return splice((this.withExample ??= template((arg) => t('Unfilled placeholder, for example: {0}.', arg))), p.example);
    return (this.plain ??= t('Unfilled placeholder.'));
  }
}

type PlaceholderData = Extract<IntakeDiagnostic['data'], { kind: 'placeholder' }>;

/** Stands for a message's argument while it is localised; no translation contains it. */
const ARGUMENT = '\u0000\u0001argument\u0001\u0000';

/** A localised message cut where its argument goes. */
function template(localise: (arg: string) => string): string[] {
  return localise(ARGUMENT).split(ARGUMENT);
}

function splice(parts: string[], arg: string): string {
  return parts.length === 2 ? parts[0]! + arg + parts[1]! : parts.join(arg);
}

function checkPlaceholder(messages: PlaceholderMessages, p: Placeholder, intake: number): IntakeDiagnostic {
  if (!p.closed) {
    return {
      code: Codes.unclosedPlaceholder,
      severity: 'error',
      message: t('Placeholder "__(" is not closed with ")__".'),
      range: p.range,
      intake,
      data: { kind: 'unclosed-placeholder' },
    };
  }
  const { message, data } = messages.of(p);
  return { code: Codes.placeholder, severity: 'warning', message, range: p.range, intake, data };
}

/**
 * The intake's own diagnostics from its sections' checks, in the order they are found: each
 * section's header problems (and whether it is unknown or a duplicate), the fields' problems,
 * the required fields each kind of section lacks (at its first section), the missing sections.
 */
function combineChecks(catalog: FieldCatalog, intake: Intake, sections: readonly SectionChecks[], present: PresentFields, out: IntakeDiagnostic[]): void {
  // The first section of each known kind, in order (an intake has a handful: a list, not a map).
  const specs: SectionSpec[] = [];
  const firsts: Section[] = [];
  let seenUnknown: Map<string, Section> | undefined;
  const all = intake.sections;
  for (let i = 0; i < all.length; i++) {
    const section = all[i]!;
    const checked = sections[i]!;
    for (const d of checked.format) out.push(d);
    const spec = checked.spec;
    if (!spec) {
      const first = seenUnknown?.get(section.name);
      if (first) out.push(duplicate(section, first, intake.index));
      else {
        (seenUnknown ??= new Map()).set(section.name, section);
        out.push(unknownSection(catalog, section, intake.index));
      }
      continue;
    }
    const at = specs.indexOf(spec);
    if (at >= 0) out.push(duplicate(section, firsts[at]!, intake.index));
    else {
      specs.push(spec);
      firsts.push(section);
    }
    if (checked.empty) out.push(checked.empty);
  }
  present.next();
  for (const s of sections) {
    for (const d of s.fields) out.push(d);
    for (const f of s.present) present.add(f);
  }
  for (let k = 0; k < specs.length; k++) checkRequiredFields(specs[k]!, firsts[k]!, present.has, intake.index, out);
  // Made for the first missing section (most intakes have all of them).
  let anchor: Range | undefined;
  for (const spec of catalog.requiredSections()) {
    if (specs.includes(spec)) continue;
    anchor ??= intakeAnchor(intake);
    out.push({
      code: Codes.missingSection,
      severity: 'error',
      message: t('Missing required section [{0}].', spec.name),
      range: anchor,
      intake: intake.index,
      data: { kind: 'missing-section', section: spec.name },
    });
  }
}

/**
 * The catalog fields the intake being combined has: each field's mark is the number of the intake
 * that last had it. One per validator, so that an intake adds its fields to no set of its own (a
 * set per intake, grown field by field, cost a good part of the catalog checks).
 */
class PresentFields {
  private readonly marks = new Map<FieldSpec, number>();
  private current = 0;

  /** Starts the fields of the next intake (none yet). */
  next(): void {
    this.current++;
  }

  add(field: FieldSpec): void {
    this.marks.set(field, this.current);
  }

  /** Whether the current intake has `field` (one function for the validator's life). */
  readonly has = (field: FieldSpec): boolean => this.marks.get(field) === this.current;
}

/**
 * The catalog fields of a section, as kept in its {@link SectionChecks}: one list for every section
 * with the same fields in the same order (most sections of a large file are the same template's),
 * found in a tree of the lists seen so far, a field per step. One per validator.
 */
class PresentLists {
  private readonly root: PresentNode = { list: NONE, next: undefined };

  /** The kept list equal to `fields` (which the caller goes on changing). */
  of(fields: readonly FieldSpec[]): readonly FieldSpec[] {
    let node = this.root;
    for (const f of fields) {
      const next = (node.next ??= new Map());
      let child = next.get(f);
      if (!child) next.set(f, (child = { list: undefined, next: undefined }));
      node = child;
    }
    return (node.list ??= fields.slice());
  }
}

interface PresentNode {
  /** The list of the fields on the path to this node, once a section had exactly those. */
  list: readonly FieldSpec[] | undefined;
  next: Map<FieldSpec, PresentNode> | undefined;
}

/**
 * Field-level diagnostics of one section, field by field in document order, and the catalog
 * fields it has. One per validator, {@link start}ed (emptied) for each section, whose checks copy
 * its lists: a section no longer makes one, with its own callback and lists.
 */
class FieldChecks {
  readonly out: IntakeDiagnostic[] = [];
  readonly present: FieldSpec[] = [];
  private intake = 0;

  /** Starts a section of intake `intake` (empty, even if the last one was left by a throw). */
  start(intake: number): void {
    this.intake = intake;
    this.reset();
  }

  readonly visit = (field: FieldItem, spec: FieldSpec | undefined): void => {
    if (field.colonChar === ':') this.out.push(halfWidthColon(colonOf(field).range, this.intake));
    if (isEmptyField(field)) {
      this.out.push({
        code: Codes.emptyValue,
        severity: 'warning',
        message: t('"{0}" has no value.', field.key),
        range: keyRangeOf(field),
        intake: this.intake,
        data: { kind: 'empty-value', key: field.key },
      });
    }
    if (spec) this.present.push(spec);
  };

  reset(): void {
    this.out.length = 0;
    this.present.length = 0;
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

function emptySection(section: Section, intake: number): IntakeDiagnostic {
  return {
    code: Codes.emptyValue,
    severity: 'warning',
    message: t('[{0}] has no value.', section.name),
    range: section.nameRange,
    intake,
    data: { kind: 'empty-value', key: section.name },
  };
}

/** Missing required fields of the sections of kind `spec`, reported at the first of them. */
function checkRequiredFields(spec: SectionSpec, first: Section, present: (field: FieldSpec) => boolean, intake: number, out: IntakeDiagnostic[]): void {
  for (const f of uncoveredRequired(spec, present)) {
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
