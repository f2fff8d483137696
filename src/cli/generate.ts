/**
 * `intake generate FILE [--intake N] [--format md|json|html|docx] [--as-of YYYY-MM-DD]
 * [--refs|--no-refs] [-o OUT]`: the offline report (or clarification brief), written by the same
 * renderers as the editor's preview and export. `--as-of` fixes the report date lifecycles are
 * compared with (default today); `--no-refs` leaves the 〔Lnn〕 references out of the customer's
 * copy (Word leaves them out unless `--refs`).
 */
import { generateReport } from '../core/engine/generate';
import type { ReportModel } from '../core/engine/reportModel';
import { t } from '../core/l10n';
import { parseIntake } from '../core/parser';
import { renderStandaloneHtml } from '../core/render/exportHtml';
import { renderMarkdownExport } from '../core/render/exportMarkdown';
import { runGenerateLlm, takeLlmFlags, type LlmArgs } from './generateLlm';
import { refuseOverwritingInput, writeFileAtomic } from './atomicWrite';
import { readIntakeFile, UsageError, valueAfter } from './io';
import { escapeControlChars } from '../core/text/controlChars';

const FORMATS = ['md', 'json', 'html', 'docx'] as const;
type GenerateFormat = (typeof FORMATS)[number];

export interface GenerateArgs {
  file: string;
  intake: number;
  format: GenerateFormat;
  out?: string;
  /** The report date, YYYY-MM-DD (default today). */
  asOf?: string;
  /** Keep the 〔Lnn〕 references; default: yes for md/html, no for docx. */
  refs?: boolean;
  /** --provider openai-compatible and its options (generateLlm.ts); absent for the offline report. */
  llm?: LlmArgs;
}

export function parseGenerateArgs(allArgs: string[]): GenerateArgs {
  const { rest: args, llm } = takeLlmFlags(allArgs);
  const files: string[] = [];
  let intake = 1;
  let format: GenerateArgs['format'] = 'md';
  let out: string | undefined;
  let asOf: string | undefined;
  let refs: boolean | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    // Consumes the value: the loop's own i++ then moves past it.
    const next = (): string => valueAfter(args, i++);
    if (a === '--intake' || a === '-n') {
      const v = next();
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(t('--intake takes a number from 1'));
      intake = Number(v);
    } else if (a === '--format' || a === '-f') {
      const v = next();
      if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(t('--format must be md, json, html or docx'));
      format = v as GenerateFormat;
    } else if (a === '-o' || a === '--output') {
      out = next();
      // An empty name is a mistake (an unset variable in a script), not a request for stdout.
      if (out.trim() === '') throw new UsageError(t('{0} needs a file name', a));
    } else if (a === '--as-of') {
      const v = next();
      if (!isIsoDate(v)) throw new UsageError(t('--as-of takes a date as YYYY-MM-DD'));
      asOf = v;
    } else if (a === '--refs') {
      refs = true;
    } else if (a === '--no-refs') {
      refs = false;
    } else if (a.startsWith('-')) {
      throw new UsageError(t('Unknown option: {0}', a));
    } else {
      files.push(a);
    }
  }
  const [file] = files;
  if (file === undefined || files.length !== 1) throw new UsageError(t('generate needs exactly one FILE'));
  // A .docx is binary: written to a terminal it is only noise.
  if (format === 'docx' && out === undefined) throw new UsageError(t('--format docx needs -o OUT'));
  return { file, intake, format, ...(out !== undefined ? { out } : {}), ...(asOf !== undefined ? { asOf } : {}), ...(refs !== undefined ? { refs } : {}), ...(llm ? { llm } : {}) };
}

/** A real calendar date written YYYY-MM-DD. */
function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export async function runGenerate(args: GenerateArgs, env: NodeJS.ProcessEnv = process.env): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  if (args.llm) {
    const { llm, ...offline } = args;
    return runGenerateLlm(args, llm, { env, stderr: (s) => process.stderr.write(s), offline: () => runGenerate(offline) });
  }
  if (args.out !== undefined) refuseOverwritingInput(args.out, [args.file]);
  let warnings = '';
  const text = readIntakeFile(args.file, (w) => (warnings += `intake: ${escapeControlChars(w)}\n`));
  const file = parseIntake(text);
  if (file.intakes.length === 0) throw new UsageError(t('{0}: contains no intake', args.file));
  if (args.intake > file.intakes.length) throw new UsageError(t('{0}: has {1} intake(s); --intake {2} does not exist', args.file, file.intakes.length, args.intake));
  const output = await render(generateReport(file, args.intake - 1, args.asOf ? { asOf: args.asOf } : {}), args.format, args.refs);
  if (args.out) {
    writeFileAtomic(args.out, output);
    return { stdout: '', stderr: warnings + t('Wrote {0}', escapeControlChars(args.out)) + '\n', exitCode: 0 };
  }
  return { stdout: typeof output === 'string' ? output : '', stderr: warnings, exitCode: 0 };
}

async function render(model: ReportModel, format: GenerateFormat, refs: boolean | undefined): Promise<string | Uint8Array> {
  const options = refs !== undefined ? { refs } : {};
  switch (format) {
    case 'json':
      return JSON.stringify(model, null, 2) + '\n';
    case 'html':
      return renderStandaloneHtml(model, options);
    case 'docx':
      // Word's renderer (and `docx`) loads only for a Word export.
      return (await import('../core/render/exportDocx')).renderDocx(model, options);
    case 'md':
      return renderMarkdownExport(model, options);
  }
}
