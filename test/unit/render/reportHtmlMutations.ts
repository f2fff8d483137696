/**
 * Hostile and random report models for the tests that compare the direct HTML writer with the
 * markdown-it path (reportHtmlDirect.test.ts, test/fuzz/reportHtml.test.ts): a fast-check
 * arbitrary of edits to a real model — text put into titles, labels, point texts, paragraphs,
 * notes, headings and cells, made of the pieces markdown-it reads as something (emphasis, list
 * markers, entities, escapes, whitespace of every kind, line breaks, reference marks); references
 * that are not intake lines; and changes of shape (list kinds, long ordered lists with nested
 * items, rows of another width, empty lists, heading levels, the report date).
 */
import fc from 'fast-check';
import type { Block, Point, ReportModel } from '../../../src/core/engine/reportModel';

/** Pieces of text with a meaning to Markdown, HTML or the reference rule, and some without. */
const PIECES = [
  'a', 'Z', '9', '中文', '理赔', '：', '，', '。', '（', '）', '😀', '\ud800', 'é',
  ' ', '  ', '    ', '\t', '\n', '\r', '\r\n', '\0', '\u3000', '\u00a0', '\u2028', '\ufeff', '\u200b', '\v', '\f',
  '-', '- ', '+ ', '* ', '=', '===', '---', '1.', '1. ', '2)', '10. ', '123456789. ', '#', '# ', '##', '>', '> ', '|', '\\|', '\\',
  '*', '**', '_', '__', '~', '~~', '`', '```', '~~~', '[', ']', '(', ')', '[x](javascript:alert(1))', '![i](x)', '<', '>', '<b>', '<script>alert(1)</script>',
  '<!--', '-->', '&', '&amp;', '&lt;', '&#60;', '&#x3C;', '&copy', '"', "'", '!', ':', '@', '$', '%', '^', '{', '}',
  '〔', '〕', '〔L1〕', ' 〔L12, L3〕', '〔L3、L5〕', '〔L0〕', 'L5', 'https://example.com', 'www.example.com',
] as const;

/** A text of such pieces (or, now and then, any string at all). */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant('') },
);

/** A text that stays on the direct path: hostile inside, plain at the ends (`x…x`). */
const innerText: fc.Arbitrary<string> = fc.array(fc.constantFrom(...PIECES.filter((p) => !/[\s\0\u200b]/.test(p))), { minLength: 1, maxLength: 6 }).map((p) => `x${p.join('')}x`);

/** A text that starts like a block of its own (a list item, a rule), plain at its end. */
const blockLikeText: fc.Arbitrary<string> = fc.tuple(fc.constantFrom('- ', '-', '---', '- - -', '+ ', '+', '* ', '1. ', '1.', '2) ', '10.', '= ', '===', '# ', '> '), innerText).map(([a, b]) => a + b);

const refsList: fc.Arbitrary<number[]> = fc.array(fc.oneof(fc.integer({ min: 1, max: 200 }), fc.constantFrom(0, -1, 1.5, 999_999_999, 1_000_000_000, Number.NaN)), { maxLength: 4 });

/** One place of a model: a text it holds, its references, or its shape. */
type Edit = { kind: 'text'; at: number; text: string } | { kind: 'refs'; at: number; refs: number[] } | { kind: 'shape'; at: number; what: number };

export const edits: fc.Arbitrary<Edit[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: innerText }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: hostileText }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: blockLikeText }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('refs' as const), at: fc.nat(), refs: refsList }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('shape' as const), at: fc.nat(), what: fc.nat({ max: 7 }) }) },
  ),
  { minLength: 1, maxLength: 12 },
);

function points(items: Point[], out: Point[] = []): Point[] {
  for (const p of items) {
    out.push(p);
    points(p.children ?? [], out);
  }
  return out;
}

/** Every text slot of the model, as setters. */
function textSlots(m: ReportModel): ((text: string) => void)[] {
  const slots: ((text: string) => void)[] = [(t) => (m.title = t)];
  for (const s of [...m.sections, ...m.appendix]) {
    slots.push((t) => (s.title = t));
    for (const b of s.blocks) {
      if (b.kind === 'table') {
        b.header.forEach((_, i) => slots.push((t) => (b.header[i] = t)));
        for (const r of b.rows) r.cells.forEach((_, i) => slots.push((t) => (r.cells[i] = t)));
      } else if (b.kind === 'list') {
        for (const p of points(b.items)) slots.push((t) => (p.text = t), (t) => (p.label = t));
      } else slots.push((t) => (b.text = t));
    }
  }
  return slots;
}

function refSlots(m: ReportModel): { refs: number[] }[] {
  return [...m.sections, ...m.appendix].flatMap((s) => s.blocks.flatMap((b): { refs: number[] }[] => (b.kind === 'table' ? b.rows : b.kind === 'list' ? points(b.items) : [b])));
}

function blocks(m: ReportModel): { blocks: Block[] }[] {
  return [...m.sections, ...m.appendix];
}

function shape(m: ReportModel, at: number, what: number): void {
  const sections = blocks(m);
  const section = sections[at % sections.length]!;
  const list = section.blocks.find((b): b is Extract<Block, { kind: 'list' }> => b.kind === 'list');
  const table = section.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
  switch (what) {
    case 0: // a list right after a list of the same or the other kind
      if (list) section.blocks.splice(section.blocks.indexOf(list) + 1, 0, { kind: 'list', ordered: at % 2 === 0 ? list.ordered : !list.ordered, items: [{ text: 'x', refs: [1] }] });
      return;
    case 1: // a long ordered list, nested items in the tenth
      section.blocks.push({ kind: 'list', ordered: true, items: Array.from({ length: 10 + (at % 3) }, (_, i) => ({ text: `第${i + 1}项`, refs: [i + 1], ...(i === 9 && at % 2 === 0 ? { children: [{ text: 'y', refs: [] }] } : {}) })) });
      return;
    case 2: // a row of another width
      if (table?.rows[0] && at % 2 === 0) table.rows[0].cells.pop();
      else if (table?.rows[0]) table.rows[0].cells.push('extra');
      return;
    case 3: // an empty list between two lists
      section.blocks.push({ kind: 'list', ordered: false, items: [{ text: 'a', refs: [] }] }, { kind: 'list', ordered: false, items: [] }, { kind: 'list', ordered: at % 2 === 0, items: [{ text: 'b', refs: [2] }] });
      return;
    case 4: // another heading level
      section.blocks.push({ kind: 'heading', level: (at % 2 === 0 ? 2 : 5) as 3, text: 'h', refs: [] });
      return;
    case 5: // the report date
      m.asOf = ['2026-1-1', '**x**', '2026-06-01 ', '- 1', '2026-06-01'][at % 5]!;
      return;
    case 6: // deep nesting
      if (list?.items[0]) {
        let p = list.items[0];
        for (let d = 0; d < 6 + (at % 8); d++) p = (p.children = [{ text: `d${d}`, refs: [d + 1] }])[0]!;
      }
      return;
    default: // a table without rows, or without header cells
      if (table && at % 2 === 0) table.rows = [];
      else if (table) {
        table.header = [];
        table.rows = table.rows.map((r) => ({ ...r, cells: [] }));
      }
  }
}

/** A copy of `model` with `list` applied, in order (each `at` taken modulo the slots there are). */
export function mutate(model: ReportModel, list: readonly Edit[]): ReportModel {
  const m = structuredClone(model);
  for (const e of list) {
    if (e.kind === 'text') {
      const slots = textSlots(m);
      slots[e.at % slots.length]!(e.text);
    } else if (e.kind === 'refs') {
      const slots = refSlots(m);
      if (slots.length > 0) slots[e.at % slots.length]!.refs = [...e.refs];
    } else shape(m, e.at, e.what);
  }
  return m;
}
