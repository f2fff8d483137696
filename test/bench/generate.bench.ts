/**
 * `npm run bench`, part 2: reports. CPU time (measure.ts), each figure paired with a reference
 * measured in the same run: markdown-it rendering the very report the engine produced.
 *
 * - generateReport, warm (after a few reports) and settled (after hundreds, the optimising
 *   compiler done), for the filled seed intakes;
 * - the preview's refresh after an edit, new path (the document's analysis keeps each intake's
 *   report, the preview its HTML) side by side with the old one (parse, generate, render, diff),
 *   for an edit in the previewed intake and for one elsewhere in the file;
 * - the Word export, warm.
 */
import MarkdownIt from 'markdown-it';
import { DocumentAnalysis, type ReportInput } from '../../src/core/documents/documentAnalysis';
import { generateReport } from '../../src/core/engine/generate';
import type { ReportModel } from '../../src/core/engine/reportModel';
import { parseIntake } from '../../src/core/parser';
import { diffReportHtml } from '../../src/core/preview/patch';
import { renderDocx } from '../../src/core/render/exportDocx';
import { renderReportHtml } from '../../src/core/render/html';
import { renderMarkdown } from '../../src/core/render/markdown';
import { readSeed } from '../unit/helpers/seeds';
import { fmt, paired, pairedAsync, verdict } from './measure';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS) > 0 ? Number(process.env.BENCH_ITERATIONS) : 31;
/** Reports made before the settled figure is measured (see main()). */
const SETTLE_REPORTS = 600;

const engine = (input: ReportInput): ReportModel => generateReport(input.file, input.index, { facts: input.facts, findings: input.findings });

/** The preview's refresh as it is now: the analysis of the version, the intake's report (kept), its HTML (kept per report), the patch. */
class NewPreview {
  private analysis: DocumentAnalysis;
  private readonly html = new WeakMap<object, string>();
  private shown: string;
  constructor(text: string, private readonly index: number) {
    this.analysis = DocumentAnalysis.of(text);
    this.shown = this.render();
  }

  refresh(text: string): void {
    this.analysis = this.analysis.next(text);
    const html = this.render();
    if (html !== this.shown) diffReportHtml(this.shown, html);
    this.shown = html;
  }

  private render(): string {
    const model = this.analysis.intake(this.index)!.report(engine);
    let html = this.html.get(model);
    if (html === undefined) this.html.set(model, (html = renderReportHtml(model, { charts: true })));
    return html;
  }
}

/** The preview's refresh before: parse, generate, render, diff against what the page shows. */
class OldPreview {
  private shown: string;
  constructor(text: string, private readonly index: number) {
    this.shown = renderReportHtml(generateReport(parseIntake(text), index), { charts: true });
  }

  refresh(text: string): void {
    const html = renderReportHtml(generateReport(parseIntake(text), this.index), { charts: true });
    diffReportHtml(this.shown, html);
    this.shown = html;
  }
}

async function main(): Promise<void> {
  const text = readSeed();
  const file = parseIntake(text);
  const md = new MarkdownIt();
  console.log('\n— reports (reference: markdown-it rendering the same report as Markdown) —');
  for (const [name, index] of [
    ['insurance', 1],
    ['aviation', 3],
  ] as const) {
    const report = renderMarkdown(generateReport(file, index));
    const r = paired(() => generateReport(file, index), () => md.render(report), ITERATIONS);
    console.log(`generateReport warm, ${name}: ${fmt(r.ms)} ms (target ≤ 5 ms: ${verdict(r.ms <= 5)}); ${r.ratio.toFixed(2)}× markdown-it's render of that report (${fmt(r.referenceMs)} ms, ${(report.length / 1024).toFixed(0)} KB)`);
    // The engine keeps some results per line of text (core/text/memo.ts): the figure above reuses
    // them, as a report made again after an edit elsewhere does. Here every value line is new.
    const fresh = Array.from({ length: ITERATIONS + 3 }, (_, i) => parseIntake(text.replace(/^(\s*- [^\n：:]{1,24}[：:][^\n]+)$/gm, `$1；备注${i}`)));
    let k = 0;
    const n = paired(() => generateReport(fresh[k++ % fresh.length]!, index), () => md.render(report), ITERATIONS);
    console.log(`generateReport warm code, every value line new (nothing kept per text to reuse), ${name}: ${fmt(n.ms)} ms; ${n.ratio.toFixed(2)}× markdown-it's render`);
    // The figures above come after a few reports, while V8 is still optimising the engine's
    // functions on its own threads (counted in the process's CPU time): for the insurance intake
    // that compiler work is about 40% of the first figure's instructions, and which functions it
    // has reached by then shifts from one build to the next. An editing session refreshes the
    // preview on every pause, so its reports soon run settled code: this figure is measured after
    // SETTLE_REPORTS reports, when the optimising has settled.
    const settled = paired(() => generateReport(file, index), () => md.render(report), ITERATIONS, SETTLE_REPORTS);
    console.log(`generateReport settled (after ${SETTLE_REPORTS} reports, as in an editing session), ${name}: ${fmt(settled.ms)} ms (target ≤ 5 ms: ${verdict(settled.ms <= 5)}); ${settled.ratio.toFixed(2)}× markdown-it's render`);
  }

  console.log('\n— preview refresh after an edit (analysis, report, HTML, patch), now vs the old path —');
  const insurance = file.intakes[1]!;
  const lines = text.split('\n');
  const lineStart = (n: number) => lines.slice(0, n).reduce((k, l) => k + l.length + 1, 0);
  const inPreviewed = lineStart(insurance.range.start.line + 2) + 4;
  const elsewhere = lineStart(file.intakes[3]!.range.start.line + 2) + 4;
  for (const [where, at] of [
    ['in the previewed intake', inPreviewed],
    ['in another intake of the file', elsewhere],
  ] as const) {
    let n = 0;
    const versions = Array.from({ length: ITERATIONS * 2 + 8 }, (_, i) => text.slice(0, at) + '增'.repeat(i + 1) + text.slice(at));
    const fresh = new NewPreview(text, 1);
    const old = new OldPreview(text, 1);
    let m = 0;
    const r = paired(
      () => fresh.refresh(versions[n++ % versions.length]!),
      () => old.refresh(versions[m++ % versions.length]!),
      ITERATIONS,
    );
    console.log(`edit ${where}: now ${fmt(r.ms)} ms, old path ${fmt(r.referenceMs)} ms; now/old ${r.ratio.toFixed(3)}×`);
  }

  console.log('\n— Word export, warm —');
  const model = generateReport(file, 1);
  const report = renderMarkdown(model);
  const w = await pairedAsync(() => renderDocx(model), () => md.render(report), Math.min(ITERATIONS, 11));
  console.log(`renderDocx, insurance: ${fmt(w.ms)} ms (target ≤ 60 ms: ${verdict(w.ms <= 60)}); ${w.ratio.toFixed(1)}× markdown-it's render of the report`);
}

void main();
