/**
 * Helpers for the engine tests: the pinned report date, the body checks the reviewer's
 * checklist asks for (length, repeated sentences), and the eval fixtures under test/fixtures/eval.
 */
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import type { ReportModel } from '../../../src/core/engine/reportModel';
import { bodyOf, renderMarkdown } from '../../../src/core/render/markdown';
import { readFixture } from '../helpers/seeds';

/** Every engine test pins the report date: lifecycle call-outs depend on it. */
export const AS_OF = '2026-06-01';

/**
 * Sentences (or list items, or clauses between ；) longer than 12 characters that occur more
 * than once in `text`, after dropping list markers and table pipes.
 */
export function repeatedSentences(text: string): string[] {
  const parts = text
    .split(/[。；！？\n]/)
    .map((s) => s.replace(/^[-\d.\s*|>#]+/, '').replace(/[|*\s]+$/, '').trim())
    .filter((s) => s.length > 12 && !s.startsWith('![') && !/^-{3}/.test(s));
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const p of parts) (seen.has(p) ? repeated : seen).add(p);
  return [...repeated];
}

export interface EvalReport {
  model: ReportModel;
  /** The customer's Markdown body (before 附录), without references and Markdown escapes. */
  body: string;
  /** The whole Markdown, with references. */
  markdown: string;
}

const cache = new Map<string, EvalReport>();

/** The report for eval fixture `name` (test/fixtures/eval/<name>.intake), on AS_OF. */
export function evalReport(name: string): EvalReport {
  const hit = cache.get(name);
  if (hit) return hit;
  const model = generateReport(parseIntake(readFixture(`eval/${name}`)), 0, { asOf: AS_OF });
  const report = { model, body: bodyOf(renderMarkdown(model, { refs: false })).replace(/\\/g, ''), markdown: renderMarkdown(model) };
  cache.set(name, report);
  return report;
}
