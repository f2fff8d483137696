/**
 * Turns one intake of a document's analysis into what the preview shows: the report (built by
 * the engine once per intake version and kept by the analysis), its HTML (rendered once per
 * report) and the panel's title. The report is opaque here: only the kit reads it.
 */
import type { DocumentAnalysis } from '../../core/documents/documentAnalysis';
import type { ReportModel } from '../../core/engine/reportModel';
import { previewTitle } from '../../core/preview/title';
import type { ReportKit } from './reportKit';
import type { TeamState } from '../team/knowledge';

export type RenderResult =
  | { kind: 'report'; model: ReportModel; html: string; title: string }
  /** The document no longer has this intake. */
  | { kind: 'missing' }
  | { kind: 'failed'; error: unknown };

export class ReportRenderer {
  /** HTML by report: an unchanged intake keeps its report object, and so its HTML. */
  private readonly html = new WeakMap<object, string>();

  constructor(private readonly titleFrame: (subject: string) => string) {}

  /** `team`: the document's team knowledge (the engine) and branding (the masthead above the report). */
  render(kit: ReportKit, analysis: DocumentAnalysis, intakeIndex: number, fileName: string, team: TeamState): RenderResult {
    const intake = analysis.intake(intakeIndex);
    if (!intake) return { kind: 'missing' };
    try {
      const model = intake.report(kit.engineFor(team.knowledge));
      let html = this.html.get(model);
      if (html === undefined) this.html.set(model, (html = kit.renderReportHtml(model, { charts: true })));
      html = kit.brandMastheadHtml(team.branding) + html;
      const { industry, segment } = kit.describeReport(model);
      const title = previewTitle({ industry, segment, intakeIndex, intakeCount: analysis.file.intakes.length, fileName }, this.titleFrame);
      return { kind: 'report', model, html, title };
    } catch (error) {
      return { kind: 'failed', error };
    }
  }
}
