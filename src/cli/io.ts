/** Reading an intake file for the CLI, with one-line errors instead of stack traces. */
import * as fs from 'node:fs';
import { t } from '../core/l10n';

export class UsageError extends Error {}

/** Largest file the CLI reads; bigger inputs are almost certainly not intakes. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function readIntakeFile(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(t('{0}: no such file', file));
  }
  if (stat.isDirectory()) throw new UsageError(t('{0}: is a directory, not an intake file', file));
  if (stat.size > MAX_FILE_BYTES) throw new UsageError(t('{0}: file is too large ({1} MB); the limit is {2} MB', file, Math.round(stat.size / 1048576), MAX_FILE_BYTES / 1048576));
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(t('{0}: cannot be read ({1})', file, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  if (looksBinary(bytes)) throw new UsageError(t('{0}: looks like a binary file, not an intake', file));
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** A NUL byte in the first 8 KB, as git and grep judge it. */
function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/** The value after the option at `index` (`--intake 2`), or a usage error naming the option. */
export function valueAfter(args: readonly string[], index: number): string {
  const v = args[index + 1];
  if (v === undefined) throw new UsageError(t('{0} needs a value', args[index]!));
  return v;
}
