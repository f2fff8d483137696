/**
 * Quick-fixes: pure functions from a diagnostic to text edits. Every fix is found by its
 * diagnostic's code. "Safe" fixes are the ones fix-all applies: they only add what is
 * missing or normalise punctuation, never choose a value for the user.
 */
import { getFieldCatalog, type FieldCatalog, type SectionSpec } from './catalog/catalog';
import type { DiagnosticCode, IntakeDiagnostic } from './diagnostics';
import { InMemoryDocument, type Position, type Range } from './document';
import { applyEdits, type TextEdit } from './edits';
import { t } from './l10n';
import type { Intake, IntakeFile, Section } from './model';
import { parseIntake } from './parser';
import { suggestedFill } from './placeholder';
import { validate } from './validator';

export interface Fix {
  title: string;
  code: DiagnosticCode;
  edits: TextEdit[];
  /** The single obvious fix for its diagnostic (VS Code's `isPreferred`). */
  isPreferred: boolean;
  /** Applied by fix-all. */
  safe: boolean;
}

export class FixContext {
  readonly doc: InMemoryDocument;
  private split: string[] | undefined;

  constructor(
    readonly text: string,
    readonly file: IntakeFile = parseIntake(text),
    readonly catalog: FieldCatalog = getFieldCatalog(),
  ) {
    this.doc = new InMemoryDocument(text);
  }

  /** The text's lines, split when a fix first needs them (most fixes do not). */
  get lines(): string[] {
    return (this.split ??= this.text.split(/\r\n|\r|\n/));
  }

  endOfLine(line: number): Position {
    return { line, character: (this.lines[line] ?? '').length };
  }
}

/**
 * Where an unclosed `__(` most plausibly ends, at the shortest sensible point after `innerStart`:
 * a `)` the user typed (then only the underscores are added), else before the first blank,
 * clause punctuation or next `__(`, else at `end` (the end of the line's text).
 */
function placeholderClose(line: string, innerStart: number, end: number): { at: number; text: string } {
  for (let i = innerStart; i < end; i++) {
    const c = line[i]!;
    if (c === ')' || c === '）') {
      const underscores = line[i + 1] === '_' ? 1 : 0;
      return c === ')' ? { at: i + 1 + underscores, text: '_'.repeat(2 - underscores) } : { at: i, text: ')__' };
    }
    if (c === ' ' || c === '\t' || c === '\u3000' || '，,。；;'.includes(c) || line.startsWith('__(', i)) return { at: i, text: ')__' };
  }
  return { at: end, text: ')__' };
}

export function fixesFor(d: IntakeDiagnostic, ctx: FixContext): Fix[] {
  const data = d.data;
  switch (data.kind) {
    case 'placeholder': {
      const fills = data.options.map((o) => ({ title: t('Replace with “{0}”', o), text: o }));
      if (data.example !== undefined && !data.options.includes(data.example)) fills.push({ title: t('Replace with the example “{0}”', data.example), text: data.example });
      return fills.map((f) => ({ title: f.title, code: d.code, edits: [{ range: d.range, newText: f.text }], isPreferred: fills.length === 1, safe: false }));
    }
    case 'unclosed-placeholder': {
      // Not safe for Fix All: where the placeholder was meant to end is a guess, and closing it
      // too late pulls the user's own text into it ("Fill all placeholders" would then replace it).
      const close = placeholderClose(ctx.lines[d.range.start.line] ?? '', d.range.start.character + 3, d.range.end.character);
      const at = { line: d.range.start.line, character: close.at };
      return [{ title: t('Close the placeholder with “)__”'), code: d.code, edits: [{ range: { start: at, end: at }, newText: close.text }], isPreferred: true, safe: false }];
    }
    case 'format':
      return [{ title: formatTitle(data.problem, data.replacement), code: d.code, edits: [formatEdit(d, data.problem, data.replacement)], isPreferred: true, safe: true }];
    case 'missing-section': {
      const fix = missingSectionFix(ctx, d, data.section);
      return fix ? [fix] : [];
    }
    case 'missing-field': {
      const fix = missingFieldFix(ctx, d, data.section, data.field);
      return fix ? [fix] : [];
    }
    case 'unknown-section':
      if (!data.suggestion) return [];
      return [{ title: t('Rename to [{0}]', data.suggestion), code: d.code, edits: [{ range: d.range, newText: data.suggestion }], isPreferred: true, safe: false }];
    case 'analysis':
      if (data.replacement === undefined) return [];
      return [{ title: t('Replace with “{0}”', data.replacement), code: d.code, edits: [{ range: d.range, newText: data.replacement }], isPreferred: true, safe: false }];
    case 'empty-value':
    case 'duplicate-section':
    case 'line-too-long':
      return [];
  }
}

function formatTitle(problem: 'half-width-colon' | 'missing-colon' | 'brackets', replacement: string): string {
  switch (problem) {
    case 'half-width-colon':
      return t('Use the full-width colon “：”');
    case 'missing-colon':
      return t('Add the colon “：”');
    case 'brackets':
      return t('Use square brackets: {0}', replacement);
  }
}

function formatEdit(d: IntakeDiagnostic, problem: 'half-width-colon' | 'missing-colon' | 'brackets', replacement: string): TextEdit {
  if (problem === 'missing-colon') return { range: { start: d.range.end, end: d.range.end }, newText: replacement };
  return { range: d.range, newText: replacement };
}

function intakeOf(ctx: FixContext, d: IntakeDiagnostic): Intake | undefined {
  return ctx.file.intakes[d.intake];
}

/** Inserts the section's skeleton where the catalog order puts it: before the next existing section, else at the end. */
function missingSectionFix(ctx: FixContext, d: IntakeDiagnostic, name: string): Fix | undefined {
  const intake = intakeOf(ctx, d);
  const spec = ctx.catalog.section(name);
  if (!intake || !spec) return undefined;
  const eol = ctx.file.eol;
  const structured = intake.headings.length > 0;
  const body = (structured ? `### ${spec.heading}${eol}` : '') + spec.skeleton.split('\n').join(eol);
  const order = ctx.catalog.sections.indexOf(spec);
  // The section that opens an intake must stay first, or the parser would read it as the
  // start of a new intake; the others go before the next section in catalog order.
  const next = order === 0 ? intake.sections[0] : intake.sections.find((s) => {
    const other = ctx.catalog.section(s.name);
    return other !== undefined && ctx.catalog.sections.indexOf(other) > order;
  });
  let edit: TextEdit;
  if (next) {
    const line = (next.heading?.range ?? next.nameRange).start.line;
    const at = { line, character: 0 };
    const afterText = line > 0 && (ctx.lines[line - 1] ?? '').trim().length > 0;
    edit = { range: { start: at, end: at }, newText: (afterText ? eol : '') + body + eol + eol };
  } else {
    const at = ctx.endOfLine(intake.range.end.line);
    const empty = intake.sections.length === 0 && intake.headings.length === 0 && intake.preamble.length === 0;
    edit = { range: { start: at, end: at }, newText: (empty ? '' : eol + eol) + body };
  }
  return { title: t('Insert section [{0}]', spec.name), code: d.code, edits: [edit], isPreferred: true, safe: true };
}

function missingFieldFix(ctx: FixContext, d: IntakeDiagnostic, sectionName: string, fieldName: string): Fix | undefined {
  const intake = intakeOf(ctx, d);
  const spec = ctx.catalog.section(sectionName);
  const field = spec?.allFields.find((f) => f.name === fieldName);
  if (!intake || !spec || !field) return undefined;
  const section = intake.sections.find((s) => sameStart(s.nameRange, d.range)) ?? firstSection(ctx, intake, spec);
  if (!section) return undefined;
  const hint = field.placeholder ?? field.values.join('/');
  const line = `- ${field.name}：${hint ? `__(${hint})__` : ''}`;
  const at = ctx.endOfLine(section.range.end.line);
  return {
    title: t('Insert field “{0}”', field.name),
    code: d.code,
    edits: [{ range: { start: at, end: at }, newText: ctx.file.eol + line }],
    isPreferred: true,
    safe: true,
  };
}

function firstSection(ctx: FixContext, intake: Intake, spec: SectionSpec): Section | undefined {
  return intake.sections.find((s) => ctx.catalog.section(s.name) === spec);
}

function sameStart(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}

/** Every safe fix for every diagnostic, once. */
export function fixAllEdits(text: string, diagnostics?: IntakeDiagnostic[]): TextEdit[] {
  const ctx = new FixContext(text);
  return safeFixEdits(ctx, diagnostics ?? validate(ctx.file, { analysis: false }));
}

/** Every safe fix for `list` (a validation of `ctx`'s text, without the analysis), once. */
export function safeFixEdits(ctx: FixContext, list: readonly IntakeDiagnostic[]): TextEdit[] {
  // Edits at the same position apply in this order: punctuation that completes the existing
  // line (a colon, a placeholder's closer), then inserted fields, then whole sections.
  const stages: TextEdit[][] = [[], [], []];
  const stage = (code: string) => (code === 'intake.missing-section' ? 2 : code === 'intake.missing-field' ? 1 : 0);
  for (const d of list) {
    const fix = fixesFor(d, ctx).find((f) => f.safe);
    if (fix) stages[stage(d.code)]!.push(...fix.edits);
  }
  return stages.flat();
}

/** Replaces every closed placeholder with its example, or its first option. */
export function fillPlaceholderEdits(text: string): TextEdit[] {
  return placeholderFillEdits(parseIntake(text));
}

/** {@link fillPlaceholderEdits} of a parsed text. */
export function placeholderFillEdits(file: IntakeFile): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const p of file.placeholders) {
    const fill = p.closed ? suggestedFill(p) : undefined;
    if (fill !== undefined) edits.push({ range: p.range, newText: fill });
  }
  return edits;
}

export function fixAll(text: string): string {
  return applyEdits(text, fixAllEdits(text)).text;
}

