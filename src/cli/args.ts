/**
 * The options `check` and `generate` share for several files: `--jobs N`, `--config FILE`,
 * `--no-config`, `--knowledge DIR` (repeatable), and `--`, after which every argument is a file
 * name (even `-x` or `!x`).
 */
import { t } from '../core/l10n';
import { UsageError, valueAfter } from './io';

export interface SharedArgs {
  /** `--jobs N`: worker threads for several files. Absent: as many as pay off (pool.ts), up to the machine's cores. */
  jobs?: number;
  /** `--config FILE`: this config for every file, instead of each file's `.intake/config.yaml`. */
  config?: string;
  /** `--no-config`: no config at all (the built-in defaults). */
  noConfig: boolean;
  /** `--knowledge DIR`, in the order given: folders of the user's own overlays (the editor's `intake.knowledge.paths`). */
  knowledge: string[];
  /** The arguments after `--`: literal file names. */
  literal: string[];
}

/** Largest --jobs: more threads than this only cost memory. */
const MAX_JOBS = 256;

/** Takes the shared options out of `args`; what is left is the command's own options and its files. */
export function takeSharedArgs(args: readonly string[]): { rest: string[]; shared: SharedArgs } {
  const dashes = args.indexOf('--');
  const own = dashes >= 0 ? args.slice(0, dashes) : [...args];
  const literal = dashes >= 0 ? args.slice(dashes + 1) : [];
  const rest: string[] = [];
  const shared: SharedArgs = { noConfig: false, knowledge: [], literal };
  for (let i = 0; i < own.length; i++) {
    const a = own[i]!;
    // Consumes the value: the loop's own i++ then moves past it.
    const next = (): string => valueAfter(own, i++);
    if (a === '--jobs' || a === '-j') {
      const v = next();
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > MAX_JOBS) throw new UsageError(t('--jobs takes a number from 1 to {0}', MAX_JOBS));
      shared.jobs = Number(v);
    } else if (a === '--config') {
      const v = next();
      if (v.trim() === '') throw new UsageError(t('{0} needs a file name', a));
      shared.config = v;
    } else if (a === '--no-config') shared.noConfig = true;
    else if (a === '--knowledge') {
      const v = next();
      if (v.trim() === '') throw new UsageError(t('{0} needs a folder name', a));
      shared.knowledge.push(v);
    }
    else rest.push(a);
  }
  if (shared.config !== undefined && shared.noConfig) throw new UsageError(t('--config and --no-config exclude each other'));
  return { rest, shared };
}
