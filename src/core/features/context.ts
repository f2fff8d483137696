/**
 * Shared lookups for the language features: which catalog spec an item belongs to, what counts
 * as "filled", and text escaping for markdown and snippets. (Which intake or section a line is
 * in: facts/locate.ts.)
 * Pure; no `vscode`.
 */
import { normalizeName, type FieldCatalog, type FieldSpec, type SectionSpec } from '../catalog/catalog';
import { comparePositions, type Range } from '../document';
import type { FieldItem, Item, Value } from '../model';

/** The locales the core's features speak. */
export type Locale = 'en' | 'zh-cn';

/** Maps any VS Code / environment language tag to a feature locale. */
export function toLocale(language: string | undefined): Locale {
  return (language ?? '').toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

export function localize(text: { zh: string; en: string }, locale: Locale): string {
  return locale === 'zh-cn' ? text.zh : text.en;
}

/** Resolves a key against a parent spec's descendants (names and synonyms). */
function descendantSpec(parent: FieldSpec, key: string): FieldSpec | undefined {
  const n = normalizeName(key);
  const visit = (fields: FieldSpec[]): FieldSpec | undefined => {
    for (const f of fields) {
      if (normalizeName(f.name) === n || f.synonyms.some((s) => normalizeName(s) === n)) return f;
    }
    for (const f of fields) {
      const deeper = visit(f.fields);
      if (deeper) return deeper;
    }
    return undefined;
  };
  return visit(parent.fields);
}

/**
 * The catalog spec of every field item of a section. A key is first looked up among the
 * sub-fields of its nearest known parent (so `技术` under `成功标尺` is `技术验收`), then in
 * the whole section.
 */
export function resolveFieldSpecs(catalog: FieldCatalog, spec: SectionSpec, items: readonly Item[]): Map<FieldItem, FieldSpec | undefined> {
  const out = new Map<FieldItem, FieldSpec | undefined>();
  forEachFieldSpec(catalog, spec, items, (item, own) => out.set(item, own));
  return out;
}

/**
 * {@link resolveFieldSpecs} as calls of `fn`, in document order, without the map: the status bar's
 * completeness resolves the fields of the edited section on every keystroke (completeness.ts).
 */
export function forEachFieldSpec(catalog: FieldCatalog, spec: SectionSpec, items: readonly Item[], fn: (item: FieldItem, spec: FieldSpec | undefined) => void): void {
  const visit = (list: readonly Item[], parent: FieldSpec | undefined) => {
    for (const item of list) {
      if (item.kind === 'field') {
        const own = (parent && descendantSpec(parent, item.key)) ?? catalog.field(spec, item.key);
        fn(item, own);
        visit(item.children, own ?? parent);
      } else {
        visit(item.children, parent);
      }
    }
  };
  visit(items, undefined);
}

/** A value is filled when it has text and no `__(…)__` placeholder is left in it. */
export function isFilledValue(value: Value | undefined): boolean {
  return !!value && value.placeholders.length === 0 && value.text.trim().length > 0;
}

/** An item is filled when its own value is, or any item under it is. */
export function isFilledItem(item: Item): boolean {
  return isFilledValue(item.value) || item.children.some(isFilledItem);
}

/** Escapes text for VS Code markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);
}

/** Escapes literal text inside a snippet (`$`, `}` and `\` are special). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export function truncate(text: string, max: number): string {
  // No longer in code units, no longer in code points: most values are short, and spreading each
  // into an array of its characters was a sixth of the outline's fields (symbols.ts).
  if (text.length <= max) return text;
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function containsRange(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}
