/** Helpers for the analysis tests: run the checks over inline intake text or a fixture. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisCheck } from '../../../src/core/diagnostics';
import { parseIntake } from '../../../src/core/parser';
import { analyzeFindings, type AnalysisFinding, type AnalyzeOptions } from '../../../src/core/analysis/analyze';
import { localize } from '../../../src/core/l10n';
import { fixturesDir } from '../helpers/seeds';

/** A finding with its message localised in the current language (English unless a test configures another). */
export type ShownFinding = Omit<AnalysisFinding, 'message'> & { message: string };

/** Findings of every intake in `text` (optionally only one check), their messages localised. */
export function findings(text: string, check?: AnalysisCheck, options: AnalyzeOptions = {}): ShownFinding[] {
  const errors: unknown[] = [];
  const file = parseIntake(text);
  const all = file.intakes.flatMap((intake) => analyzeFindings(intake, { ...options, onError: (_c, e) => errors.push(e) }));
  if (errors.length > 0) throw errors[0];
  return (check ? all.filter((f) => f.check === check) : all).map((f) => ({ ...f, message: localize(f.message) }));
}

/** The text a finding's (single-line) range covers. */
export function covered(text: string, f: Pick<AnalysisFinding, 'range'>): string {
  const lines = text.split(/\r\n|\r|\n/);
  const { start, end } = f.range;
  if (start.line !== end.line) return lines.slice(start.line, end.line + 1).join('\n');
  return lines[start.line]!.slice(start.character, end.character);
}

export function analysisFixture(name: string): string {
  return fs.readFileSync(path.join(fixturesDir(), 'analysis', name.endsWith('.intake') ? name : `${name}.intake`), 'utf8');
}

export function listAnalysisFixtures(): string[] {
  const dir = path.join(fixturesDir(), 'analysis');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.intake')).sort() : [];
}

export function summary(list: readonly ShownFinding[]): string {
  return list.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`).join('\n') || '(none)';
}
