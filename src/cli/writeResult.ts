/**
 * Writing a command's result to this process's standard output and error, and setting its exit
 * code: for a command run here (bin.ts) and for one a daemon ran (launch/daemonClient.ts). It
 * loads no localisation: the caller gives the one message it may need.
 */
import { writeDirect } from './directWrite';

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Writes the result and sets the exit code. A reader that goes away (`intake generate … | head`:
 * EPIPE) is not an error: the rest is dropped quietly, exit 0 as for any filter. Any other write
 * error (`> /dev/full`: ENOSPC) is one line on stderr, `cannotWrite(code)`, and exit 2, never an
 * unhandled 'error' event. The descriptors are written directly (directWrite.ts); the streams are
 * set up only when that cannot be done, and only for a non-empty output.
 */
export function writeResult(result: CommandResult, cannotWrite: (code: string) => string): void {
  let failed = false;
  const onError = (e: NodeJS.ErrnoException) => {
    if (failed) return;
    failed = true;
    if (e.code === 'EPIPE') return; // the reader has all it wanted: keep the exit code
    try {
      writeDirect(2, `intake: ${cannotWrite(e.code ?? e.message)}\n`, stderr);
    } catch {
      // stderr is gone too: the exit code still tells.
    }
    process.exitCode = 2;
  };
  // A pipe reports errors as events, a file (such as /dev/full) by throwing from write().
  const stdout = () => process.stdout.on('error', onError);
  const stderr = () => process.stderr.on('error', () => undefined);
  process.exitCode = result.exitCode;
  try {
    if (result.stdout) writeDirect(1, result.stdout, stdout);
  } catch (e) {
    onError(e as NodeJS.ErrnoException);
  }
  try {
    if (result.stderr) writeDirect(2, result.stderr, stderr);
  } catch {
    // Nowhere left to say it.
  }
}
