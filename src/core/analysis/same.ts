/** Comparing what the checks read of a section (see CheckRunner.same in finding.ts). */
import { LineRange } from '../lineRange';

/**
 * Deep equality of plain data (primitives, arrays, plain objects); anything else only by identity,
 * except a {@link LineRange}, which is the plain range it writes as JSON.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof LineRange || b instanceof LineRange) return sameRangeData(a, b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const pa: unknown = Object.getPrototypeOf(a);
  if ((pa !== Object.prototype && pa !== null) || Object.getPrototypeOf(b) !== pa) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** {@link sameData} of two objects, one of them or both a {@link LineRange}. */
function sameRangeData(a: object, b: object): boolean {
  if (a instanceof LineRange && b instanceof LineRange) {
    return a.startLine === b.startLine && a.startCharacter === b.startCharacter && a.endLine === b.endLine && a.endCharacter === b.endCharacter;
  }
  return sameData(a instanceof LineRange ? a.toJSON() : a, b instanceof LineRange ? b.toJSON() : b);
}
