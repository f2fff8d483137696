/** `intake generate FILE [--intake N] [--format md|json] [-o OUT]`: the offline report. */
import * as fs from 'node:fs';
import { generateReport } from '../core/engine/generate';
import { t } from '../core/l10n';
import { parseIntake } from '../core/parser';
import { renderMarkdown } from '../core/render/markdown';
import { readIntakeFile, UsageError } from './io';

export interface GenerateArgs {
  file: string;
  intake: number;
  format: 'md' | 'json';
  out?: string;
}

export function parseGenerateArgs(args: string[]): GenerateArgs {
  const files: string[] = [];
  let intake = 1;
  let format: GenerateArgs['format'] = 'md';
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = (): string => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(t('{0} needs a value', a));
      return v;
    };
    if (a === '--intake' || a === '-n') {
      const v = next();
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(t('--intake takes a number from 1'));
      intake = Number(v);
    } else if (a === '--format' || a === '-f') {
      const v = next();
      if (v !== 'md' && v !== 'json') throw new UsageError(t('--format must be md or json'));
      format = v;
    } else if (a === '-o' || a === '--output') {
      out = next();
    } else if (a.startsWith('-')) {
      throw new UsageError(t('Unknown option: {0}', a));
    } else {
      files.push(a);
    }
  }
  if (files.length !== 1) throw new UsageError(t('generate needs exactly one FILE'));
  return { file: files[0]!, intake, format, ...(out !== undefined ? { out } : {}) };
}

export function runGenerate(args: GenerateArgs): { stdout: string; stderr: string; exitCode: number } {
  const text = readIntakeFile(args.file);
  const file = parseIntake(text);
  if (file.intakes.length === 0) throw new UsageError(t('{0}: contains no intake', args.file));
  if (args.intake > file.intakes.length) throw new UsageError(t('{0}: has {1} intake(s); --intake {2} does not exist', args.file, file.intakes.length, args.intake));
  const model = generateReport(file, args.intake - 1);
  const output = args.format === 'json' ? JSON.stringify(model, null, 2) + '\n' : renderMarkdown(model);
  if (args.out) {
    try {
      fs.writeFileSync(args.out, output);
    } catch (e) {
      throw new UsageError(t('{0}: cannot be written ({1})', args.out, (e as NodeJS.ErrnoException).code ?? String(e)));
    }
    return { stdout: '', stderr: t('Wrote {0}', args.out) + '\n', exitCode: 0 };
  }
  return { stdout: output, stderr: '', exitCode: 0 };
}
