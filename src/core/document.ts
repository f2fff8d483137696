/**
 * The minimal document the core works against. A `vscode.TextDocument` satisfies it
 * structurally, and so does {@link InMemoryDocument} for the CLI and tests. This keeps
 * `src/core/` free of any `vscode` import (the same split as vscode-markdown-languageservice's
 * `ITextDocument`).
 */
export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 code unit offset in the line, as in VS Code. */
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface TextDocumentLike {
  getText(): string;
  positionAt(offset: number): Position;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

/**
 * Offsets of the first character of every line. Line breaks are \r\n, \n or a lone \r, as in VS Code.
 * The breaks are found with `indexOf` (a \n and a \r search, each resumed past the break found):
 * a loop over every character cost four times as much on a large text.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  for (;;) {
    let next: number;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      cr = text.indexOf('\r', cr + 1);
    } else if (lf >= 0) {
      next = lf + 1;
    } else {
      return starts;
    }
    starts.push(next);
    // The \n just used, alone or after a \r.
    if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
  }
}

/** An in-memory document with VS Code's position semantics (CRLF-aware). */
export class InMemoryDocument implements TextDocumentLike {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  getText(): string {
    return this.text;
  }

  lineCount(): number {
    return this.lineStarts().length;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    // An offset inside a \r\n pair belongs to the end of that line.
    const lineEnd = this.lineEndOffset(lo);
    return { line: lo, character: Math.min(clamped, lineEnd) - starts[lo]! };
  }

  offsetAt(pos: Position): number {
    const starts = this.lineStarts();
    if (pos.line < 0) return 0;
    if (pos.line >= starts.length) return this.text.length;
    const start = starts[pos.line]!;
    return Math.min(start + Math.max(0, pos.character), this.lineEndOffset(pos.line));
  }

  /** Offset just before the line break of `line`. */
  private lineEndOffset(line: number): number {
    const starts = this.lineStarts();
    let end = line + 1 < starts.length ? starts[line + 1]! : this.text.length;
    if (line + 1 < starts.length) {
      end--;
      if (this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    }
    return end;
  }

  private lineStarts(): number[] {
    return (this.starts ??= lineStarts(this.text));
  }
}

/**
 * Whether a UTF-16 code unit is what `String.prototype.trim()` and `\s` treat as whitespace
 * (WhiteSpace and LineTerminator), so hot loops can test characters without a regex.
 */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether a UTF-16 code unit is an ASCII letter, A–Z or a–z. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Whether a UTF-16 code unit is an ASCII digit, 0–9. */
export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
