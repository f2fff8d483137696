/**
 * Run by startup.bench.ts in a fresh process; prints the CPU time of one first-time step as JSON
 * on the last line:
 * - `knowledge`: the knowledge base's first load as the extension meets it (the analysis loaded
 *   the frameworks and locations at the first validation); `knowledge-cold`: with nothing before;
 * - `report`: the first report as the extension makes it (the intake analysed already, for its
 *   diagnostics): the report and its HTML, the engine and knowledge base cold; `report-cold`:
 *   generateReport and the HTML with nothing before (the analysis included);
 * - `markdown-it FILE`: the yardstick the figures above are paired with, markdown-it's first
 *   render (a new instance, its code cold) of the Markdown in FILE: a cold run of a well-known
 *   JavaScript library, which a slower or busier machine slows as it slows ours.
 */
import * as fs from 'node:fs';
import MarkdownIt from 'markdown-it';
import { DocumentAnalysis, type ReportInput } from '../../src/core/documents/documentAnalysis';
import { generateReport } from '../../src/core/engine/generate';
import { getFrameworks, getKnowledgeBase, getLocations } from '../../src/core/knowledge/knowledge';
import { parseIntake } from '../../src/core/parser';
import { renderReportHtml } from '../../src/core/render/html';
import { readSeed } from '../unit/helpers/seeds';
import { cpu } from './measure';

const text = readSeed();
const what = process.argv[2];
const engine = (input: ReportInput) => generateReport(input.file, input.index, { facts: input.facts, findings: input.findings });
let ms: number;
switch (what) {
  case 'knowledge':
    getFrameworks();
    getLocations();
    ms = cpu(() => getKnowledgeBase());
    break;
  case 'markdown-it': {
    const source = fs.readFileSync(process.argv[3]!, 'utf8');
    ms = cpu(() => new MarkdownIt().render(source));
    break;
  }
  case 'knowledge-cold':
    ms = cpu(() => getKnowledgeBase());
    break;
  case 'report': {
    const analysis = DocumentAnalysis.of(text);
    analysis.diagnostics();
    ms = cpu(() => renderReportHtml(analysis.intake(1)!.report(engine), { charts: true }));
    break;
  }
  default: {
    const file = parseIntake(text);
    ms = cpu(() => renderReportHtml(generateReport(file, 1), { charts: true }));
  }
}
console.log(JSON.stringify({ ms }));
