/** Reading an intake file for the CLI, with one-line errors instead of stack traces. */
import { type Stats, closeSync, openSync, readSync, statSync } from 'node:fs';
import { t } from '../core/l10n';

export class UsageError extends Error {
  /** `more`: further problems of the same kind, one line each after the message. */
  constructor(
    message: string,
    readonly more: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Largest file the CLI reads; bigger inputs are almost certainly not intakes. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The text of an intake file. Only regular files are read (a device such as /dev/zero never
 * ends, a FIFO without a writer blocks forever), and never more than {@link MAX_FILE_BYTES},
 * whatever `stat` says the size is. The encoding follows a byte-order mark (UTF-8, UTF-16 LE or
 * BE); without one the file is UTF-8, and invalid bytes are replaced with U+FFFD and reported
 * through `warn`.
 */
export function readIntakeFile(file: string, warn: (message: string) => void = () => undefined): string {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (e) {
    throw new UsageError(accessError(file, e));
  }
  if (stat.isDirectory()) throw new UsageError(t('{0}: is a directory, not an intake file', file));
  if (!stat.isFile()) throw new UsageError(t('{0}: is not a regular file (a device, a pipe or a socket); save the intake to a file first', file));
  if (stat.size > MAX_FILE_BYTES) throw new UsageError(tooLarge(file, stat.size));
  const bytes = readCapped(file, stat.size);
  const bom = byteOrderMark(bytes);
  if (!bom && looksBinary(bytes)) throw new UsageError(t('{0}: looks like a binary file, not an intake', file));
  let text: string;
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    text = new TextDecoder(bom).decode(bytes);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('utf-8').decode(bytes);
      warn(t('{0}: is not valid UTF-8; the invalid bytes were replaced with “�”. Save the file as UTF-8.', file));
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/**
 * The file's bytes, refusing at MAX_FILE_BYTES + 1 (the size `stat` gave is not trusted). Chunks
 * are sized from that size (one byte more, to see the end in one read): a batch of small files
 * must not allocate a megabyte each for the garbage collector.
 */
function readCapped(file: string, sizeHint: number): Buffer {
  const chunkSize = Math.min(Math.max(sizeHint + 1, 4096), 1 << 20);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new UsageError(accessError(file, e));
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkSize);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_FILE_BYTES) throw new UsageError(tooLarge(file, total));
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(t('{0}: cannot be read ({1})', file, (e as NodeJS.ErrnoException).code ?? String(e)));
  } finally {
    closeSync(fd);
  }
}

function tooLarge(file: string, bytes: number): string {
  return t('{0}: file is too large ({1} MB); the limit is {2} MB', file, Math.round(bytes / 1048576), MAX_FILE_BYTES / 1048576);
}

/** What went wrong opening a file, by its error code: not everything is "no such file". */
function accessError(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return t('{0}: no such file', file);
    case 'ELOOP':
      return t('{0}: too many levels of symbolic links (a link that points to itself?)', file);
    case 'ENAMETOOLONG':
      return t('{0}: the file name is too long', file.length > 80 ? `${file.slice(0, 80)}…` : file);
    case 'EACCES':
    case 'EPERM':
      return t('{0}: permission denied', file);
    case 'ENOTDIR':
      return t('{0}: a part of the path is not a folder', file);
    default:
      return t('{0}: cannot be read ({1})', file, code ?? String(e));
  }
}

function byteOrderMark(bytes: Buffer): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
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
