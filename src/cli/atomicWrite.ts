/**
 * Writing the CLI's output files. Two promises:
 * - the output never replaces an input: `-o` naming the intake itself, or a link to it (symbolic
 *   or hard), is refused before anything is written (exit 2), since the intake would be lost;
 * - a file is written whole or not at all: into a temporary file in the same folder, then
 *   renamed over the target (rename is atomic within one file system), so a full disk or a
 *   crash leaves the old file as it was, never half a report.
 * What is renamed over is always a regular file, never a link or a device: a target that is not
 * a regular file (`-o /dev/null`, a FIFO, `-o >(less)`) is written to as the shell's `>` writes
 * to it, and a link is followed, the file it names written (atomically) and the link kept. A
 * rename there would replace the device node, the pipe or the link itself with a regular file.
 */
import { type Stats, lstatSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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

function identity(stat: Stats): string {
  return `${stat.dev}:${stat.ino}`;
}

/** Writes `data` to `file`: a regular file through a temporary file in its folder and a rename. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const target = statOrUndefined(file);
  if (target !== undefined && !target.isFile() && !target.isDirectory()) {
    writeInPlace(file, data);
    return;
  }
  // A link to a regular file: the rename goes over the file it names, and the link stays.
  const linked = target !== undefined && isLink(file) ? realPathOf(file) : undefined;
  replaceFile(linked ?? file, data, file);
}

/** A device, FIFO or socket: opened and written, as `>` does (a FIFO waits for its reader, as `>` does). */
function writeInPlace(file: string, data: string | Uint8Array): void {
  try {
    writeFileSync(file, data);
  } catch (e) {
    throw cannotWrite(file, e);
  }
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Writes `data` to the regular file (or new file) `file` through a temporary sibling and a rename; errors name `shown`. */
function replaceFile(file: string, data: string | Uint8Array, shown: string): void {
  const dir = path.dirname(path.resolve(file));
  // Math.random, not node:crypto, whose loading costs about 4 ms of a 100 ms run: the name only
  // has to differ from another writer's, and `wx` never opens something that is already there.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`);
  try {
    // wx: never follows or reuses something that is already there.
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, file);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // Not created, or already renamed.
    }
    throw cannotWrite(shown, e);
  }
}

/** The one-line error for `file` that could not be written, by the error's code. */
function cannotWrite(file: string, e: unknown): UsageError {
  return new UsageError(t('{0}: cannot be written ({1})', file, (e as NodeJS.ErrnoException).code ?? String(e)));
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** The real path of `file`, or of its folder joined with its name when the file does not exist yet. */
function realPathOf(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(path.resolve(file))), path.basename(file));
    } catch {
      return undefined;
    }
  }
}
