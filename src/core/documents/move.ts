/** Copies of line-bearing results moved by a number of lines: what an intake keeps when lines are added or removed above it. */
import type { AnalysisFinding } from '../analysis/analyze';
import type { IntakeDiagnostic } from '../diagnostics';
import type { Position, Range } from '../document';
import type { IntakeSymbol } from '../features/symbols';

function movePosition(p: Position, lines: number): Position {
  return { line: p.line + lines, character: p.character };
}

function moveRange(r: Range, lines: number): Range {
  return { start: movePosition(r.start, lines), end: movePosition(r.end, lines) };
}

export function moveDiagnostic(d: IntakeDiagnostic, lines: number, intake: number): IntakeDiagnostic {
  return { ...d, range: moveRange(d.range, lines), intake };
}

export function moveFinding(f: AnalysisFinding, lines: number): AnalysisFinding {
  if (lines === 0) return f;
  return { ...f, range: moveRange(f.range, lines), lines: f.lines.map((l) => l + lines) };
}

export function moveSymbol(s: IntakeSymbol, lines: number): IntakeSymbol {
  return { ...s, range: moveRange(s.range, lines), selectionRange: moveRange(s.selectionRange, lines), children: s.children.map((c) => moveSymbol(c, lines)) };
}
