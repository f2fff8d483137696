/**
 * The launcher's traces, on as Node's own are: NODE_DEBUG names the section (NODE_DEBUG=intake-cache
 * for the code cache, intake-daemon for the daemon's client). Each event is one stderr line,
 * `SECTION pid: event`, with the section upper-cased. Written to the descriptor directly
 * (directWrite.ts): process.stderr on a pipe would load `net` and its streams, which the
 * daemon's client otherwise never loads, and would swell what the trace is there to measure.
 */
import { writeDirect } from '../directWrite';

export function debugTrace(section: 'intake-cache' | 'intake-daemon'): ((event: string) => void) | undefined {
  if (!new RegExp(`\\b${section}\\b`, 'i').test(process.env.NODE_DEBUG ?? '')) return undefined;
  const tag = section.toUpperCase();
  return (event) => {
    try {
      writeDirect(2, `${tag} ${process.pid}: ${event}\n`, () => process.stderr);
    } catch {
      // A trace never fails the command (process.stderr.write reports its errors as events, unheard).
    }
  };
}
