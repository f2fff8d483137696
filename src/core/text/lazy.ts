/**
 * A value made on first use and kept: for module-level patterns that hold \p{…} (V8 looks the
 * property up in ICU when it makes such a pattern, about 1.5 M instructions each) where most runs
 * never use them.
 */
export function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
