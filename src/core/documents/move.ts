/** Copies of line-bearing results moved by a number of lines: what an intake keeps when lines are added or removed above it. */
import type { IntakeDiagnostic } from '../diagnostics';
import type { Position, Range } from '../document';
import type { FoldingRange } from '../features/folding';
import type { IntakeSymbol } from '../features/symbols';

function movePosition(p: Position, lines: number): Position {
  return { line: p.line + lines, character: p.character };
}

function moveRange(r: Range, lines: number): Range {
  return { start: movePosition(r.start, lines), end: movePosition(r.end, lines) };
}

export function moveDiagnostic(d: IntakeDiagnostic, lines: number, intake: number): IntakeDiagnostic {
  return { code: d.code, severity: d.severity, message: d.message, range: moveRange(d.range, lines), intake, data: d.data };
}

export { moveFinding } from '../analysis/finding';

export function moveSymbol(s: IntakeSymbol, lines: number): IntakeSymbol {
  const children: IntakeSymbol[] = new Array<IntakeSymbol>(s.children.length);
  for (let i = 0; i < children.length; i++) children[i] = moveSymbol(s.children[i]!, lines);
  // A symbol's ranges mostly share their positions (the parser's, clamped): so do the copies.
  const { range, selectionRange: sel } = s;
  const start = movePosition(range.start, lines);
  const end = range.end === range.start ? start : movePosition(range.end, lines);
  const selStart = sel.start === range.start ? start : sel.start === range.end ? end : movePosition(sel.start, lines);
  const selEnd = sel.end === sel.start ? selStart : sel.end === range.end ? end : movePosition(sel.end, lines);
  return { name: s.name, detail: s.detail, kind: s.kind, range: { start, end }, selectionRange: { start: selStart, end: selEnd }, children };
}

/** Folding ranges moved down by `lines`. */
export function moveFolding(list: readonly FoldingRange[], lines: number): FoldingRange[] {
  return list.map((r) => ({ startLine: r.startLine + lines, endLine: r.endLine + lines }));
}
