/** Traversal helpers over the parse tree. */
import type { FieldItem, Item } from './model';

export function* walkItems(items: readonly Item[]): Generator<Item> {
  for (const item of items) {
    yield item;
    yield* walkItems(item.children);
  }
}

export function* walkFields(items: readonly Item[]): Generator<FieldItem> {
  for (const item of walkItems(items)) if (item.kind === 'field') yield item;
}

/** `for (const f of walkFields(items)) fn(f)` without a generator per level, for hot paths. */
export function forEachField(items: readonly Item[], fn: (field: FieldItem) => void): void {
  for (const item of items) {
    if (item.kind === 'field') fn(item);
    if (item.children.length > 0) forEachField(item.children, fn);
  }
}
