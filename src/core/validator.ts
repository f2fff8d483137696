/**
 * Checks a parsed intake file against the field catalog and returns diagnostics with stable
 * codes. Pure and total: no I/O, never throws.
 */
import { analyzeIntake } from './analysis/analyze';
import { getFieldCatalog, type FieldCatalog, type FieldSpec, type SectionSpec } from './catalog/catalog';
import { Codes, type IntakeDiagnostic } from './diagnostics';
import type { Range } from './document';
import { t } from './l10n';
import type { Intake, IntakeFile, Placeholder, Section } from './model';
import { intakeAtLine, walkFields } from './walk';

export interface ValidateOptions {
  catalog?: FieldCatalog;
  /** Run the analysis checks (budget, SLA, latency, standards); on by default. */
  analysis?: boolean;
}

export function validate(file: IntakeFile, options: ValidateOptions = {}): IntakeDiagnostic[] {
  const catalog = options.catalog ?? getFieldCatalog();
  const out: IntakeDiagnostic[] = [];
  for (const p of file.placeholders) checkPlaceholder(file, p, out);
  for (const intake of file.intakes) {
    checkIntake(catalog, intake, out);
    if (options.analysis !== false) out.push(...analyzeIntake(intake, { catalog }));
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}

function checkPlaceholder(file: IntakeFile, p: Placeholder, out: IntakeDiagnostic[]): void {
  const intake = intakeAtLine(file, p.range.start.line)?.index ?? 0;
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
  const hint = p.options.length > 0 ? t('Unfilled placeholder; choose one of: {0}.', p.options.join(' / ')) : p.example ? t('Unfilled placeholder, for example: {0}.', p.example) : t('Unfilled placeholder.');
  const data: IntakeDiagnostic['data'] = { kind: 'placeholder', options: p.options };
  if (p.example !== undefined) data.example = p.example;
  out.push({ code: Codes.placeholder, severity: 'warning', message: hint, range: p.range, intake, data });
}

function checkIntake(catalog: FieldCatalog, intake: Intake, out: IntakeDiagnostic[]): void {
  const bySpec = new Map<SectionSpec, Section[]>();
  const seenUnknown = new Map<string, Section>();
  for (const section of intake.sections) {
    checkSectionFormat(section, intake.index, out);
    const spec = catalog.section(section.name);
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
    if (list.length > 0) out.push(duplicate(section, list[0]!, intake.index));
    list.push(section);
    bySpec.set(spec, list);
    checkSectionValue(spec, section, intake.index, out);
  }
  for (const section of intake.sections) checkFields(section, intake.index, out);
  for (const [spec, sections] of bySpec) checkRequiredFields(catalog, spec, sections, intake.index, out);
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
}

/** Where intake-level diagnostics point: the first section header, else the intake's first line. */
function intakeAnchor(intake: Intake): Range {
  const first = intake.sections[0];
  if (first) return first.nameRange;
  return { start: intake.range.start, end: intake.range.start.line === intake.range.end.line ? intake.range.end : intake.range.start };
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
  const empty = !section.value && section.items.length === 0;
  if ((spec.valueRequired && !section.value) || empty) {
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

function checkFields(section: Section, intake: number, out: IntakeDiagnostic[]): void {
  for (const field of walkFields(section.items)) {
    if (field.colon.char === ':') out.push(halfWidthColon(field.colon.range, intake));
    if (!field.value && field.children.length === 0) {
      out.push({
        code: Codes.emptyValue,
        severity: 'warning',
        message: t('"{0}" has no value.', field.key),
        range: field.keyRange,
        intake,
        data: { kind: 'empty-value', key: field.key },
      });
    }
  }
}

function checkRequiredFields(catalog: FieldCatalog, spec: SectionSpec, sections: Section[], intake: number, out: IntakeDiagnostic[]): void {
  const present = new Set<FieldSpec>();
  for (const section of sections) {
    for (const field of walkFields(section.items)) {
      const f = catalog.field(spec, field.key);
      if (f) present.add(f);
    }
  }
  const satisfied = (f: FieldSpec): boolean => present.has(f) || f.fields.some(satisfied);
  for (const f of spec.allFields) {
    if (!f.required || satisfied(f)) continue;
    out.push({
      code: Codes.missingField,
      severity: 'warning',
      message: t('Section [{0}] is missing the required field "{1}".', spec.name, f.name),
      range: sections[0]!.nameRange,
      intake,
      data: { kind: 'missing-field', section: spec.name, field: f.name },
    });
  }
}
