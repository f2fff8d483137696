/**
 * Writing the CLI's output straight to file descriptors 1 and 2. Setting up process.stdout or
 * process.stderr loads and builds a stream for what the descriptor is (net for a pipe, tty for a
 * terminal, a sync stream for a file): about 1.5 ms each, a tenth of a cached `intake generate`,
 * which prints one line. Node writes to files, terminals and (on Linux) pipes synchronously
 * anyway, so fs.writeSync writes the same bytes in the same order.
 *
 * What a non-blocking pipe that is full does not take (EAGAIN) goes to the stream, which queues
 * it; on Windows, where the console wants the stream's own UTF-16 writes, everything does. Any
 * other error is thrown, as the stream's write() throws it for a file (EPIPE, ENOSPC, …).
 */
import { writeSync } from 'node:fs';

export function writeDirect(fd: 1 | 2, text: string, stream: () => NodeJS.WriteStream): void {
  if (process.platform === 'win32') {
    stream().write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      stream().write(bytes.subarray(done));
      return;
    }
  }
}
