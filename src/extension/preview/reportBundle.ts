/**
 * The heavy half of the preview, loaded on the first report (never at activation) with a
 * dynamic `import()`: esbuild puts it, and what only it uses (the engine with its knowledge base,
 * markdown-it, the renderers), in chunks of their own, while the core it shares with the rest of
 * the extension stays one copy (one l10n bundle, one catalog). The Word renderer (`docx`) and
 * LLM mode (`openai`, `undici`) are chunks of their own again, loaded on the first export to
 * Word and the first LLM request. No `vscode` here: the extension hands it parsed intakes and
 * gets strings or bytes.
 *
 * Intake: New Intake gets its industries here too (from the knowledge base).
 */
import type { ReportInput } from '../../core/documents/documentAnalysis';
import type { ReportEngine } from '../../core/documents/intakeAnalysis';
import { brandMastheadHtml } from '../../core/render/brandHtml';
import type { Branding } from '../../core/team/branding';
import type { TeamKnowledge } from '../../core/team/teamKnowledge';
import { generateReport } from '../../core/engine/generate';
import type { ReportModel } from '../../core/engine/reportModel';
import type { GenerateLlmInput, GenerateLlmOptions, LlmReport } from '../../core/llm/generateLlm';
import type { ProxyFetch, ProxyFetchOptions } from '../../core/llm/proxyFetch';
import type { ExportFormat } from '../../core/preview/exportName';
import { renderStandaloneHtml } from '../../core/render/exportHtml';
import { renderMarkdownExport } from '../../core/render/exportMarkdown';
import { renderMarkdownHtml, renderReportHtml } from '../../core/render/html';
import { getKnowledgeBase } from '../../core/knowledge/knowledge';
import { buildNewIntake, industryChoices as industryChoicesOf, type IndustryChoice } from '../../core/newIntake/newIntake';

export { renderReportHtml, renderMarkdownHtml, buildNewIntake, brandMastheadHtml };

/** The knowledge base's industries with their typical segments, for Intake: New Intake. */
export function industryChoices(): IndustryChoice[] {
  return industryChoicesOf(getKnowledgeBase());
}

/**
 * The report engine as the document analysis calls it (one function, so that each intake's
 * analysis keeps the report it built): the offline report from the facts and findings the
 * analysis already has.
 */
export function reportEngine(input: ReportInput): ReportModel {
  return generateReport(input.file, input.index, { facts: input.facts, findings: input.findings });
}

const teamEngines = new WeakMap<TeamKnowledge, ReportEngine<ReportModel>>();

/**
 * The engine for documents with a team's knowledge (core/team/): one per merged knowledge, so
 * that a document's analysis builds its report again when the team's files change (a new
 * knowledge, a new engine), and keeps it otherwise. Without overlays, {@link reportEngine}.
 */
export function engineFor(team: TeamKnowledge | undefined): ReportEngine<ReportModel> {
  if (!team || team.isEmbedded) return reportEngine;
  let engine = teamEngines.get(team);
  if (!engine) {
    engine = (input) => generateReport(input.file, input.index, { facts: input.facts, findings: input.findings, kb: team.kb, catalog: team.catalog, team: team.context });
    teamEngines.set(team, engine);
  }
  return engine;
}

/** What the preview's title says of a report: the customer's industry and segment. */
export function describeReport(model: ReportModel): { industry: string; segment: string } {
  return { industry: model.intake.industry, segment: model.intake.segment };
}

/**
 * An export's bytes; each format runs only its own renderer (Word loads `docx` now). `refs` keeps
 * or drops the 〔L12〕 references; undefined leaves it to the format (Markdown and HTML keep them,
 * Word drops them).
 */
export async function renderExport(model: ReportModel, format: ExportFormat, refs?: boolean, branding?: Branding): Promise<Uint8Array> {
  const options = { ...(refs === undefined ? {} : { refs }), ...(branding ? { branding } : {}) };
  switch (format) {
    case 'md':
      return new TextEncoder().encode(renderMarkdownExport(model, refs === undefined ? {} : { refs }));
    case 'html':
      return new TextEncoder().encode(renderStandaloneHtml(model, options));
    case 'docx':
      return (await import('../../core/render/exportDocx')).renderDocx(model, options);
  }
}

/** LLM mode's run (loads its code, and `openai`, now). */
export async function generateLlmReport(input: GenerateLlmInput, options?: GenerateLlmOptions): Promise<LlmReport> {
  return (await import('../../core/llm/generateLlm')).generateLlmReport(input, options);
}

/** A fetch through an HTTP(S) proxy (loads `undici` now). */
export async function proxyFetch(url: string, options: ProxyFetchOptions): Promise<ProxyFetch> {
  return (await import('../../core/llm/proxyFetch')).proxyFetch(url, options);
}
