/** Copies of line-bearing results moved by a number of lines: what an intake keeps when lines are added or removed above it. */
import type { IntakeDiagnostic } from '../diagnostics';
import type { Position } from '../document';
import type { FoldingRange } from '../features/folding';
import type { IntakeSymbol } from '../features/symbols';
import { moveRange } from '../lineRange';
import { settle } from './settle';

function movePosition(p: Position, lines: number): Position {
  return { line: p.line + lines, character: p.character };
}

/** The diagnostics moved down by `lines` and given to intake `intake`, in one pass. */
export function moveDiagnostics(list: readonly IntakeDiagnostic[], lines: number, intake: number): IntakeDiagnostic[] {
  const out = new Array<IntakeDiagnostic>(list.length);
  for (let i = 0; i < list.length; i++) {
    const d = list[i]!;
    out[i] = { code: d.code, severity: d.severity, message: d.message, range: moveRange(d.range, lines), intake, data: d.data };
  }
  return out;
}

export { moveFinding } from '../analysis/finding';

/**
 * What a symbol made by {@link moveSymbol} was moved from: its origin (a symbol made in full)
 * and how far, kept on it under a hidden key. A symbol moved again is moved from its origin, so
 * a run of edits never chains versions' symbols together.
 */
interface MovedFrom {
  readonly origin: IntakeSymbol;
  readonly lines: number;
}

const MOVED = Symbol('moved from');

function movedFrom(s: IntakeSymbol): MovedFrom | undefined {
  return (s as unknown as Partial<Record<typeof MOVED, MovedFrom>>)[MOVED];
}

/**
 * The children of a moved symbol, made when first read (a plain property from then on). One
 * accessor for every moved symbol: objects given the same accessor share their hidden class,
 * where a closure per object (an object literal's getter) gave each a class of its own.
 */
const LAZY_CHILDREN: PropertyDescriptorMap = {
  children: {
    enumerable: true,
    configurable: true,
    get(this: IntakeSymbol): IntakeSymbol[] {
      const from = movedFrom(this)!;
      return settle(this, 'children', moveChildren(from.origin, from.lines));
    },
  },
};

/**
 * `s` moved down by `lines` (up when negative). The symbol itself is made now, its children
 * when first read: Enter at the top of a long file moves every intake's symbol, and only the
 * outline reads them all (and a moved symbol is often replaced before anyone does).
 */
export function moveSymbol(s: IntakeSymbol, lines: number): IntakeSymbol {
  const from = movedFrom(s);
  const origin = from ? from.origin : s;
  const by = from ? from.lines + lines : lines;
  const { start, end, selStart, selEnd } = movedRanges(origin, by);
  const out = { name: origin.name, detail: origin.detail, kind: origin.kind, range: { start, end }, selectionRange: { start: selStart, end: selEnd } } as IntakeSymbol;
  Object.defineProperties(out, LAZY_CHILDREN);
  const moved: MovedFrom = { origin, lines: by };
  Object.defineProperty(out, MOVED, { value: moved });
  return out;
}

/** `s` and its descendants moved down by `lines`, all made now. */
function moveSymbolTree(s: IntakeSymbol, lines: number): IntakeSymbol {
  const { start, end, selStart, selEnd } = movedRanges(s, lines);
  return { name: s.name, detail: s.detail, kind: s.kind, range: { start, end }, selectionRange: { start: selStart, end: selEnd }, children: moveChildren(s, lines) };
}

function moveChildren(s: IntakeSymbol, lines: number): IntakeSymbol[] {
  const children: IntakeSymbol[] = new Array<IntakeSymbol>(s.children.length);
  for (let i = 0; i < children.length; i++) children[i] = moveSymbolTree(s.children[i]!, lines);
  return children;
}

/** A symbol's positions moved; they often share their objects (clamp() and symbol() in symbols.ts): so do the copies. */
function movedRanges(s: IntakeSymbol, lines: number): { start: Position; end: Position; selStart: Position; selEnd: Position } {
  const { range, selectionRange: sel } = s;
  const start = movePosition(range.start, lines);
  const end = range.end === range.start ? start : movePosition(range.end, lines);
  const selStart = sel.start === range.start ? start : sel.start === range.end ? end : movePosition(sel.start, lines);
  const selEnd = sel.end === sel.start ? selStart : sel.end === range.end ? end : movePosition(sel.end, lines);
  return { start, end, selStart, selEnd };
}

/** Folding ranges moved down by `lines`. */
export function moveFolding(list: readonly FoldingRange[], lines: number): FoldingRange[] {
  return list.map((r) => ({ startLine: r.startLine + lines, endLine: r.endLine + lines }));
}
