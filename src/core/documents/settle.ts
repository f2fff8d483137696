/**
 * Makes `key` a plain property of `target` holding `value` (in place of an accessor that made it
 * on first read), and returns `value`: enumerable and writable, so the object reads, compares and
 * serialises as if it had been set at once. The lazy results of the documents layer (a parsed
 * file's lists, a moved intake's trees, a moved symbol's children) all end this way.
 */
export function settle<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): T[K] {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}
