import { dropTrailingAside } from '../text/trim';

/** Vendors whose names differ only by an aside or a suffix (卫宁健康 and 卫宁健康（Winning Health）) are one vendor. */
export function sameVendor(a: string, b: string): boolean {
  const x = dropTrailingAside(a).trim();
  const y = dropTrailingAside(b).trim();
  return x.length > 0 && y.length > 0 && (x.startsWith(y) || y.startsWith(x));
}
