/**
 * `intake generate FILE [--intake N] [--format md|json|html|docx] [--as-of YYYY-MM-DD]
 * [--refs|--no-refs] [-o OUT]`: the offline report (or clarification brief), written by the same
 * renderers as the editor's preview and export; also over several files, folders and globs with
 * `-o DIR` (batch.ts). `--as-of` fixes the report date lifecycles are compared with (default
 * today); `--no-refs` leaves the 〔Lnn〕 references out of the customer's copy (Word leaves them
 * out unless `--refs`). Each report is one thin call into the engine and a renderer.
 */
import { generateReport } from '../core/engine/generate';
import type { ReportModel } from '../core/engine/reportModel';
import { REPORT_FORMATS, type ReportFormat } from '../core/folderConfig';
import { t } from '../core/l10n';
import { parseIntake } from '../core/parser';
import { renderMarkdownExport } from '../core/render/exportMarkdown';
import { runGenerateLlm, takeLlmFlags, type LlmArgs } from './generateLlm';
import { refuseOverwritingInput, writeFileAtomic } from './atomicWrite';
import { readIntakeFile, UsageError, valueAfter } from './io';
import { escapeControlChars } from '../core/text/controlChars';
import type { Branding } from '../core/team/branding';
import type { LoadedTeam } from './team';

export interface GenerateOptions {
  /** The file arguments: one file, or files, folders and globs (inputs.ts). */
  inputs: string[];
  /** `--intake N` (1-based), if given. */
  intake?: number;
  /** `--format`, if given; else the folder's `.intake/config.yaml`, else md. */
  format?: ReportFormat;
  out?: string;
  /** The report date, YYYY-MM-DD (default today). */
  asOf?: string;
  /** Keep the 〔Lnn〕 references; default: yes for md/html, no for docx. */
  refs?: boolean;
  /** --provider openai-compatible and its options (generateLlm.ts); absent for the offline report. */
  llm?: LlmArgs;
}

/** The single-file form, once its format is settled. */
export interface GenerateArgs {
  file: string;
  intake: number;
  format: ReportFormat;
  out?: string;
  asOf?: string;
  refs?: boolean;
  llm?: LlmArgs;
}

export function parseGenerateArgs(allArgs: string[]): GenerateOptions {
  const { rest: args, llm } = takeLlmFlags(allArgs);
  const inputs: string[] = [];
  const options: GenerateOptions = { inputs };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    // Consumes the value: the loop's own i++ then moves past it.
    const next = (): string => valueAfter(args, i++);
    if (a === '--intake' || a === '-n') {
      const v = next();
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(t('--intake takes a number from 1'));
      options.intake = Number(v);
    } else if (a === '--format' || a === '-f') {
      const v = next();
      if (!(REPORT_FORMATS as readonly string[]).includes(v)) throw new UsageError(t('--format must be md, json, html or docx'));
      options.format = v as ReportFormat;
    } else if (a === '-o' || a === '--output') {
      const out = next();
      // An empty name is a mistake (an unset variable in a script), not a request for stdout.
      if (out.trim() === '') throw new UsageError(t('{0} needs a file name', a));
      // `-o -` is standard output, as for most command-line tools (`./-` names a file "-").
      if (out === '-') delete options.out;
      else options.out = out;
    } else if (a === '--as-of') {
      const v = next();
      if (!isIsoDate(v)) throw new UsageError(t('--as-of takes a date as YYYY-MM-DD'));
      options.asOf = v;
    } else if (a === '--refs') {
      options.refs = true;
    } else if (a === '--no-refs') {
      options.refs = false;
    } else if (a.startsWith('-')) {
      throw new UsageError(t('Unknown option: {0}', a));
    } else {
      inputs.push(a);
    }
  }
  if (llm) options.llm = llm;
  return options;
}

/**
 * The single-file form's arguments. The format is --format, else the folder config's (`configFormat`,
 * offline reports only: the LLM writes Markdown), else md.
 */
export function singleGenerateArgs(options: GenerateOptions, file: string, configFormat: ReportFormat | undefined): GenerateArgs {
  const format = options.format ?? (options.llm ? undefined : configFormat) ?? 'md';
  // A .docx is binary: written to a terminal it is only noise.
  if (format === 'docx' && options.out === undefined) throw new UsageError(options.format ? t('--format docx needs -o OUT') : t('The folder config sets format docx, which needs -o OUT (or give --format)'));
  return {
    file,
    intake: options.intake ?? 1,
    format,
    ...(options.out !== undefined ? { out: options.out } : {}),
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    ...(options.refs !== undefined ? { refs: options.refs } : {}),
    ...(options.llm ? { llm: options.llm } : {}),
  };
}

/** A real calendar date written YYYY-MM-DD. */
function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export async function runGenerate(args: GenerateArgs, env: NodeJS.ProcessEnv = process.env, team?: LoadedTeam): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  if (args.llm) {
    const { llm, ...offline } = args;
    return runGenerateLlm(args, llm, { env, stderr: (s) => process.stderr.write(s), offline: () => runGenerate(offline, env, team) });
  }
  if (args.out !== undefined) refuseOverwritingInput(args.out, [args.file]);
  const { reports, warnings } = await generateReports(args.file, args.format, args.intake, args, team);
  const output = reports[0]!.data;
  if (args.out) {
    writeFileAtomic(args.out, output);
    return { stdout: '', stderr: warnings + t('Wrote {0}', escapeControlChars(args.out)) + '\n', exitCode: 0 };
  }
  return { stdout: typeof output === 'string' ? output : '', stderr: warnings, exitCode: 0 };
}

/** What a report is rendered with, besides its format: the report date, and whether the 〔Lnn〕 references stay. */
export interface RenderChoices {
  asOf?: string;
  refs?: boolean;
}

/**
 * The reports of one file: of intake `intake` (1-based) only, or of every intake. A file that
 * cannot be read, holds no intake or not that one is a UsageError. `team`: the team's knowledge
 * (overlays) and branding for the file, when it has any (team.ts).
 */
export async function generateReports(file: string, format: ReportFormat, intake?: number, choices: RenderChoices = {}, team?: LoadedTeam): Promise<{ intakes: number; reports: { index: number; data: string | Uint8Array }[]; warnings: string }> {
  let warnings = '';
  const text = readIntakeFile(file, (w) => (warnings += `intake: ${escapeControlChars(w)}\n`));
  const parsed = parseIntake(text);
  if (parsed.intakes.length === 0) throw new UsageError(t('{0}: contains no intake', file));
  if (intake !== undefined && intake > parsed.intakes.length) throw new UsageError(t('{0}: has {1} intake(s); --intake {2} does not exist', file, parsed.intakes.length, intake));
  const indexes = intake !== undefined ? [intake - 1] : parsed.intakes.map((_, i) => i);
  const reports: { index: number; data: string | Uint8Array }[] = [];
  const k = team?.knowledge;
  const knowledge = k && !k.isEmbedded ? { kb: k.kb, catalog: k.catalog, team: k.context } : {};
  for (const index of indexes) reports.push({ index, data: await render(generateReport(parsed, index, { ...(choices.asOf ? { asOf: choices.asOf } : {}), ...knowledge }), format, choices.refs, team?.branding) });
  return { intakes: parsed.intakes.length, reports, warnings };
}

async function render(model: ReportModel, format: ReportFormat, refs: boolean | undefined, branding: Branding | undefined): Promise<string | Uint8Array> {
  const options = { ...(refs !== undefined ? { refs } : {}), ...(branding ? { branding } : {}) };
  switch (format) {
    case 'json':
      return JSON.stringify(model, null, 2) + '\n';
    case 'html':
      // markdown-it loads only for HTML (the Markdown export places its charts without it).
      return (await import('../core/render/exportHtml')).renderStandaloneHtml(model, options);
    case 'docx':
      // Word's renderer (and `docx`) loads only for a Word export.
      return (await import('../core/render/exportDocx')).renderDocx(model, options);
    case 'md':
      return renderMarkdownExport(model, refs !== undefined ? { refs } : {});
  }
}
