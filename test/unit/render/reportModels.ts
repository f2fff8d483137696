/**
 * Every report model the repository's intakes give: each intake of every `.intake` file under
 * examples/ and test/fixtures/ (folders included), in file order, with the report date pinned.
 * For the tests that compare two ways of rendering the same model.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateReport } from '../../../src/core/engine/generate';
import type { ReportModel } from '../../../src/core/engine/reportModel';
import type { ReportHtmlOptions } from '../../../src/core/render/reportHtmlOptions';
import { parseIntake } from '../../../src/core/parser';
import { repoRoot } from '../helpers/seeds';
import { AS_OF } from './fixtures';

function intakeFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? intakeFiles(path.join(dir, e.name)) : e.name.endsWith('.intake') ? [path.join(dir, e.name)] : []));
}

export interface NamedModel {
  /** `examples/insurance.intake#1` (1-based intake number). */
  name: string;
  model: ReportModel;
}

let cached: NamedModel[] | undefined;

export function repositoryModels(): NamedModel[] {
  if (cached) return cached;
  const root = repoRoot();
  const models: NamedModel[] = [];
  for (const file of [...intakeFiles(path.join(root, 'examples')), ...intakeFiles(path.join(root, 'test', 'fixtures'))]) {
    const parsed = parseIntake(fs.readFileSync(file, 'utf8'));
    parsed.intakes.forEach((_, i) => models.push({ name: `${path.relative(root, file)}#${i + 1}`, model: generateReport(parsed, i, { asOf: AS_OF }) }));
  }
  return (cached = models);
}

/** The eight combinations of renderReportHtml's options (charts, refLinks, refs). */
export const OPTION_SETS: ReportHtmlOptions[] = [false, true].flatMap((charts) => [false, true].flatMap((refLinks) => [false, true].map((refs) => ({ charts, refLinks, refs }))));
