/** Small builders for the writer: blocks, points, and a guard against repeating a sentence. */
import type { Block, Point } from '../reportModel';
import { uniqueAscending } from '../uniqueAscending';
import { endsWithOneOf } from '../../text/affix';
import { memoByText } from '../../text/memo';

// Object literals, not spreads: a spread is copied property by property at run time, and the
// optimizing compiler builds that copy into every caller of these (they are called for every point).
export function point(text: string, refs: readonly number[] = [], children?: Point[]): Point {
  return children && children.length > 0 ? { text, refs: uniqueAscending(refs), children } : { text, refs: uniqueAscending(refs) };
}

/** A point with a bold lead: "**label**：text". */
export function labelled(label: string, text: string, refs: readonly number[] = [], children?: Point[]): Point {
  return children && children.length > 0 ? { label, text, refs: uniqueAscending(refs), children } : { label, text, refs: uniqueAscending(refs) };
}

export function list(items: Point[], ordered = false): Block {
  return { kind: 'list', ordered, items };
}

export function paragraph(text: string, refs: readonly number[] = []): Block {
  return { kind: 'paragraph', text, refs: uniqueAscending(refs) };
}

export function heading(text: string, refs: readonly number[] = [], level: 3 | 4 = 3): Block {
  return { kind: 'heading', level, text, refs: [...refs] };
}

export function note(text: string, refs: readonly number[] = []): Block {
  return { kind: 'note', text, refs: [...refs] };
}

export function table(header: string[], rows: Array<{ cells: string[]; refs?: readonly number[] }>): Block {
  return { kind: 'table', header, rows: rows.map((r) => ({ cells: r.cells, refs: uniqueAscending(r.refs ?? []) })) };
}

/**
 * A text without blanks and punctuation: what {@link Once} compares. Kept per text (text/memo.ts):
 * the writer offers the same sentences (the rules' summaries, the picks' reasons) in every report
 * of an intake, and a replace over each was a regular expression run per sentence per report.
 */
const onceKey = memoByText((text) => text.replace(/[\s，。；、：:,.;]/g, ''));

/** Remembers what was written, so the same sentence is not said twice in the body. */
export class Once {
  private readonly seen = new Map<string, string | undefined>();

  /** True the first time a text is offered; `owner` records who said it (a product id). */
  first(text: string, owner?: string): boolean {
    const key = onceKey(text);
    if (this.seen.has(key)) return false;
    this.seen.set(key, owner);
    return true;
  }

  /** Who said a text first, if anyone did. */
  by(text: string): string | undefined {
    return this.seen.get(onceKey(text));
  }
}

/** Joins with the Chinese enumeration comma, at most `max` items, "等" when cut. */
export function enumerate(items: readonly string[], max = 5): string {
  const unique = [...new Set(items.filter((x) => x.length > 0))];
  return unique.length > max ? `${unique.slice(0, max).join('、')}等` : unique.join('、');
}

/**
 * Items joined with 、, or with `outer` (，or ；) when one of them holds a 、 of its own: joined
 * with 、, "归集、支付与账户管理制度" and "与ERP、费控的支付接口" run together into one list.
 */
export function joinItems(items: readonly string[], outer: '，' | '；'): string {
  return items.join(items.some((x) => x.includes('、')) ? outer : '、');
}

/** Ends a sentence with "。" unless it already ends with punctuation. */
export function sentence(text: string): string {
  return endsWithOneOf(text, '。！？；.!?') ? text : `${text}。`;
}
