/**
 * A deep copy of JSON data with `fn` applied to every string value: what
 * `JSON.parse(JSON.stringify(value), reviver)` gives (undefined properties and functions left
 * out, non-finite numbers and holes in arrays as null), without writing and reading the whole
 * model as text, which took about a millisecond of each report. Anything but plain objects,
 * arrays and primitives (a Date, a class instance) takes that JSON round trip itself.
 */
export function mapJsonStrings(value: unknown, fn: (text: string) => string): unknown {
  switch (typeof value) {
    case 'string':
      return fn(value);
    case 'number':
      // JSON writes -0 as 0.
      return Number.isFinite(value) ? value + 0 : null;
    case 'boolean':
      return value;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out: unknown[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          out[i] = item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : mapJsonStrings(item, fn);
        }
        return out;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
        return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'string' ? fn(v) : v)) as unknown;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const item: unknown = (value as Record<string, unknown>)[key];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        // An own "__proto__" (JSON.parse makes one) must stay a property, not become the prototype.
        if (key === '__proto__') Object.defineProperty(out, key, { value: mapJsonStrings(item, fn), enumerable: true, writable: true, configurable: true });
        else out[key] = mapJsonStrings(item, fn);
      }
      return out;
    }
    default:
      // bigint: JSON.stringify throws on it, as before; undefined, functions and symbols only occur inside objects and arrays, handled above.
      return JSON.parse(JSON.stringify(value) ?? 'null') as unknown;
  }
}
