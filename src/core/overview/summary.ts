/**
 * What the Intakes view shows of one file: per intake, the customer's industry and
 * sub-industry, completeness, and error and warning counts. A pure function of the parsed file
 * and its diagnostics, whoever computed them (the editor's diagnostics for an open document,
 * the core validator for a file on disk), so a shared per-document analysis can feed it later.
 */
import { getFieldCatalog } from '../catalog/catalog';
import type { Severity } from '../diagnostics';
import type { Range } from '../document';
import { getCompleteness } from '../features/completeness';
import { isFilledValue, resolveFieldSpecs } from '../features/context';
import type { Intake, IntakeFile } from '../model';
import { locateIntake } from '../facts/locate';

/** The part of a diagnostic a summary counts: an IntakeDiagnostic, or an editor diagnostic converted. */
export interface SummaryDiagnostic {
  severity: Severity;
  range: Range;
  /** 0-based intake index, when known; otherwise the intake is found from the range. */
  intake?: number;
}

export interface IntakeSummary {
  /** 0-based index in its file. */
  index: number;
  range: Range;
  /** The [客户行业] value, when filled. */
  industry?: string;
  /** The 细分领域 value, when filled. */
  segment?: string;
  /** 0–100, as the status bar shows it. */
  percent: number;
  placeholders: number;
  errors: number;
  warnings: number;
}

export function summarizeFile(file: IntakeFile, diagnostics: readonly SummaryDiagnostic[]): IntakeSummary[] {
  const summaries = file.intakes.map((intake): IntakeSummary => {
    const c = getCompleteness(intake);
    const { industry, segment } = customer(intake);
    return {
      index: intake.index,
      range: intake.range,
      ...(industry !== undefined ? { industry } : {}),
      ...(segment !== undefined ? { segment } : {}),
      percent: c.percent,
      placeholders: c.placeholders,
      errors: 0,
      warnings: 0,
    };
  });
  for (const d of diagnostics) {
    if (d.severity !== 'error' && d.severity !== 'warning') continue;
    const index = d.intake ?? locateIntake(file, d.range.start.line).nearest?.index;
    const summary = index !== undefined ? summaries[index] : undefined;
    if (!summary) continue;
    if (d.severity === 'error') summary.errors++;
    else summary.warnings++;
  }
  return summaries;
}

/** What the view's filter keeps: an intake below 100% (a placeholder or a required entry left). */
export function isIncomplete(s: IntakeSummary): boolean {
  return s.percent < 100;
}

function customer(intake: Intake): { industry?: string; segment?: string } {
  const catalog = getFieldCatalog();
  const spec = catalog.section('客户行业');
  const section = spec && intake.sections.find((s) => catalog.section(s.name) === spec);
  if (!spec || !section) return {};
  const out: { industry?: string; segment?: string } = {};
  if (isFilledValue(section.value)) out.industry = section.value!.text.trim();
  const segmentSpec = catalog.field(spec, '细分领域');
  for (const [item, f] of resolveFieldSpecs(catalog, spec, section.items)) {
    if (f === segmentSpec && isFilledValue(item.value)) {
      out.segment = item.value!.text.trim();
      break;
    }
  }
  return out;
}
