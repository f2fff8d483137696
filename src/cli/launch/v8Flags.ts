/**
 * Setting V8's flags for this process (runHere.ts) without loading node:v8. That module loads
 * Node's heap snapshot code and with it the whole stream stack (stream, readable, writable,
 * duplex, pipeline…, compiled from source at every start): about 32 M instructions, a third of
 * what `node -e 0` costs, only to reach one function. Node's internal v8 binding, the one under
 * node:v8, has the same setFlagsFromString: it comes from process.binding, which Node keeps for
 * this module but calls deprecated, printing a warning (DEP0111) at the first use. The warning
 * is held back for that call alone (process.noDeprecation, which Node reads when it would print
 * it). Where process.binding is missing, refused (the permission model), or would print a
 * warning of its own (--pending-deprecation wraps it in one), node:v8 is loaded as before.
 * Callgrind, `intake generate` of the insurance intake, warm code cache: see the commit.
 */
import { nodeModule } from './nodeModule';

type SetFlags = (flags: string) => void;

/** The binding's setFlagsFromString, or undefined where it cannot be had quietly. */
function bindingSetFlags(): SetFlags | undefined {
  const binding = (process as unknown as { binding?: (name: string) => unknown }).binding;
  // Named `deprecated` when --pending-deprecation has wrapped it in a warning.
  if (typeof binding !== 'function' || binding.name !== 'binding') return undefined;
  const had = Object.prototype.hasOwnProperty.call(process, 'noDeprecation');
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    const set = (binding('v8') as { setFlagsFromString?: unknown }).setFlagsFromString;
    return typeof set === 'function' ? (set as SetFlags) : undefined;
  } catch {
    return undefined;
  } finally {
    if (had) process.noDeprecation = quiet;
    else delete process.noDeprecation;
  }
}

/** Sets each of `flags` (`--name` or `--name=value`) as node:v8's setFlagsFromString would. */
export function setV8Flags(flags: readonly string[]): void {
  const set = bindingSetFlags() ?? (nodeModule.createRequire(__filename)('node:v8') as typeof import('node:v8')).setFlagsFromString;
  for (const flag of flags) set(flag);
}
