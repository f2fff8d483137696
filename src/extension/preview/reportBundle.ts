/**
 * Entry point of dist/report.js: the heavy half of the preview, bundled apart from
 * dist/extension.js and required on the first report (never at activation). It holds the
 * engine with its knowledge base, markdown-it and the renderers, and `docx` for the Word
 * export. No `vscode` here: the extension hands it parsed intakes and gets strings or bytes.
 *
 * Intake: New Intake gets its industries here too (from the knowledge base).
 *
 * LLM mode lives here too (it needs the engine's facts): `openai` and `undici` are bundled but
 * only evaluated on the first LLM request (client.ts and proxyFetch.ts import them dynamically),
 * so an offline report never runs them either.
 */
import { generateReport, IntakeIndexError } from '../../core/engine/generate';
import type { ReportModel } from '../../core/engine/reportModel';
import { configureL10n } from '../../core/l10n';
import type { ExportFormat } from '../../core/preview/exportName';
import { renderDocx } from '../../core/render/exportDocx';
import { renderStandaloneHtml } from '../../core/render/exportHtml';
import { renderMarkdownExport } from '../../core/render/exportMarkdown';
import { renderMarkdownHtml, renderReportHtml } from '../../core/render/html';
import { generateLlmReport } from '../../core/llm/generateLlm';
import { proxyFetch } from '../../core/llm/proxyFetch';
import { getKnowledgeBase } from '../../core/knowledge/knowledge';
import { buildNewIntake, industryChoices as industryChoicesOf, type IndustryChoice } from '../../core/newIntake/newIntake';

export { configureL10n, generateReport, renderReportHtml, renderMarkdownHtml, generateLlmReport, proxyFetch, buildNewIntake };

/** The knowledge base's industries with their typical segments, for Intake: New Intake. */
export function industryChoices(): IndustryChoice[] {
  return industryChoicesOf(getKnowledgeBase());
}

export function isIntakeIndexError(e: unknown): boolean {
  return e instanceof IntakeIndexError;
}

/**
 * An export's bytes; each format runs only its own renderer. `refs` keeps or drops the 〔L12〕
 * references; undefined leaves it to the format (Markdown and HTML keep them, Word drops them).
 */
export async function renderExport(model: ReportModel, format: ExportFormat, refs?: boolean): Promise<Uint8Array> {
  const options = refs === undefined ? {} : { refs };
  switch (format) {
    case 'md':
      return new TextEncoder().encode(renderMarkdownExport(model, options));
    case 'html':
      return new TextEncoder().encode(renderStandaloneHtml(model, options));
    case 'docx':
      return renderDocx(model, options);
  }
}
