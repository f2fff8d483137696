/**
 * Writing the CLI's output files. Two promises:
 * - the output never replaces an input: `-o` naming the intake itself, or a link to it (symbolic
 *   or hard), is refused before anything is written (exit 2), since the intake would be lost;
 * - a file is written whole or not at all: into a temporary file in the same folder, then
 *   renamed over the target (rename is atomic within one file system), so a full disk or a
 *   crash leaves the old file as it was, never half a report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../core/l10n';
import { UsageError } from './io';

/** Throws a UsageError when `out` is, or resolves to, one of `inputs`. */
export function refuseOverwritingInput(out: string, inputs: readonly string[]): void {
  new InputGuard(inputs).refuse(out);
}

/**
 * The inputs of a run, looked up once (file identity and real path), so that each of many
 * outputs is checked against all of them in constant time.
 */
export class InputGuard {
  private readonly byIdentity = new Map<string, string>();
  private readonly byRealPath = new Map<string, string>();

  constructor(inputs: readonly string[]) {
    for (const input of inputs) {
      const stat = statOrUndefined(input);
      if (stat) this.byIdentity.set(identity(stat), input);
      const real = realPathOf(input);
      if (real !== undefined) this.byRealPath.set(real, input);
    }
  }

  /** The input `out` would overwrite, if any. */
  overwritten(out: string): string | undefined {
    const outStat = statOrUndefined(out);
    const byId = outStat ? this.byIdentity.get(identity(outStat)) : undefined;
    if (byId !== undefined) return byId;
    const outReal = realPathOf(out);
    return outReal !== undefined ? this.byRealPath.get(outReal) : undefined;
  }

  /** Throws a UsageError when `out` is, or resolves to, one of the inputs. */
  refuse(out: string): void {
    const input = this.overwritten(out);
    if (input !== undefined) throw new UsageError(t('{0}: the output would overwrite the input {1}; choose another file for -o', out, input));
  }
}

function identity(stat: fs.Stats): string {
  return `${stat.dev}:${stat.ino}`;
}

/** Writes `data` to `file` through a temporary file in the same folder and a rename. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  // Math.random, not node:crypto, whose loading costs about 4 ms of a 100 ms run: the name only
  // has to differ from another writer's, and `wx` never opens something that is already there.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`);
  try {
    // wx: never follows or reuses something that is already there.
    fs.writeFileSync(temp, data, { flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (e) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // Not created, or already renamed.
    }
    throw new UsageError(t('{0}: cannot be written ({1})', file, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** The real path of `file`, or of its folder joined with its name when the file does not exist yet. */
function realPathOf(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(path.resolve(file))), path.basename(file));
    } catch {
      return undefined;
    }
  }
}
