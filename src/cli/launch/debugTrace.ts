/**
 * The launcher's traces, on as Node's own are: NODE_DEBUG names the section (NODE_DEBUG=intake-cache
 * for the code cache, intake-daemon for the daemon's client). Each event is one stderr line,
 * `SECTION pid: event`, with the section upper-cased.
 */
export function debugTrace(section: 'intake-cache' | 'intake-daemon'): ((event: string) => void) | undefined {
  if (!new RegExp(`\\b${section}\\b`, 'i').test(process.env.NODE_DEBUG ?? '')) return undefined;
  const tag = section.toUpperCase();
  return (event) => void process.stderr.write(`${tag} ${process.pid}: ${event}\n`);
}
