/**
 * Glob patterns for the CLI's file arguments, in the style of markdownlint-cli2 (globby):
 *
 * - `*` matches any characters within one path segment, `?` one character;
 * - `**` as a whole segment matches any number of segments (none included);
 * - `{a,b}` alternatives (nested allowed; a group without a comma is literal);
 * - the separator is `/`; a backslash is read as `/`, so Windows paths work too;
 * - a wildcard never matches a name that starts with `.` unless the pattern's segment starts
 *   with `.` itself (hidden folders such as `.git` and `.intake` stay out of `**`).
 *
 * Matching runs in time linear in the path (segments × pattern segments, each segment compared
 * in names × pattern length at most): it is a set-of-states simulation, with no backtracking
 * that could blow up on a hostile name.
 */

/** Brace expansion stops here: `{a,b}{c,d}…` multiplies, and a pattern should stay a pattern. */
export const MAX_ALTERNATIVES = 1024;

export class GlobError extends Error {}

/** True when `pattern` has a wildcard (after brace expansion, braces are not wildcards). */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** `a/{b,c{d,e}}` → `a/b`, `a/cd`, `a/ce`, in order. A group without a top-level comma, or unclosed, is literal. */
export function expandBraces(pattern: string): string[] {
  const out: string[] = [];
  expandInto(pattern, out);
  return out;
}

function expandInto(pattern: string, out: string[]): void {
  const group = firstGroup(pattern);
  if (!group) {
    out.push(pattern);
    return;
  }
  const head = pattern.slice(0, group.open);
  const tail = pattern.slice(group.close + 1);
  for (const alternative of group.alternatives) {
    expandInto(head + alternative + tail, out);
    if (out.length > MAX_ALTERNATIVES) throw new GlobError(`more than ${MAX_ALTERNATIVES} alternatives`);
  }
}

/**
 * The leftmost `{` that opens a group with a comma at its own level, with its alternatives
 * (which may hold groups of their own, expanded by the caller's recursion). A `{` without a
 * matching `}`, or whose group has no comma, is literal text.
 */
function firstGroup(pattern: string): { open: number; close: number; alternatives: string[] } | undefined {
  for (let open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', open + 1)) {
    const cuts = [open];
    let depth = 0;
    for (let i = open; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '{') depth++;
      else if (c === ',' && depth === 1) cuts.push(i);
      else if (c === '}' && --depth === 0) {
        if (cuts.length === 1) break;
        cuts.push(i);
        return { open, close: i, alternatives: cuts.slice(1).map((end, k) => pattern.slice(cuts[k]! + 1, end)) };
      }
    }
  }
  return undefined;
}

/** One segment of a compiled pattern. */
type Segment = { kind: 'globstar' } | { kind: 'literal'; text: string } | { kind: 'wildcard'; pieces: string[][]; dot: boolean };

/** A pattern compiled for matching relative paths given as their segments. */
export class Glob {
  private readonly segments: Segment[];

  /** `pattern` after brace expansion, with `/` separators, relative to the folder its paths are relative to. */
  constructor(readonly pattern: string) {
    // `a//b`, `./a` and a trailing `/` say nothing more than `a/b` and `a`.
    this.segments = pattern.split('/').filter((s) => s !== '' && s !== '.').map(compileSegment);
  }

  /** The states before any segment: the start, and what `**` lets through without consuming anything. */
  start(): States {
    return this.closure([0]);
  }

  /** The states after one more path segment named `name`; empty when no path through it can match. */
  advance(states: States, name: string): States {
    const next: number[] = [];
    // `..` is not hidden: `**` crosses it, so an exclusion such as `#**/drafts` also reaches files above the current folder.
    const hidden = name.startsWith('.') && name !== '..';
    for (const i of states) {
      const seg = this.segments[i];
      if (!seg) continue;
      if (seg.kind === 'globstar') {
        if (!hidden) next.push(i);
      } else if (matchSegment(seg, name)) next.push(i + 1);
    }
    return this.closure(next);
  }

  /** After a whole path: does it match? */
  accepts(states: States): boolean {
    return states.includes(this.segments.length);
  }

  /** After a folder's path: could anything below it match? */
  canDescend(states: States): boolean {
    return states.some((i) => i < this.segments.length);
  }

  /** Does the path made of `names` match? */
  matches(names: readonly string[]): boolean {
    let states = this.start();
    for (const name of names) {
      states = this.advance(states, name);
      if (states.length === 0) return false;
    }
    return this.accepts(states);
  }

  /** Does the path, or one of the folders on the way to it, match? (An excluded folder excludes what it holds.) */
  matchesOrContains(names: readonly string[]): boolean {
    let states = this.start();
    for (const name of names) {
      states = this.advance(states, name);
      if (states.length === 0) return false;
      if (this.accepts(states)) return true;
    }
    return false;
  }

  private closure(states: number[]): States {
    const out = new Set<number>();
    for (let i of states) {
      out.add(i);
      // `**` may match nothing: the state after it is reachable too.
      while (this.segments[i]?.kind === 'globstar') out.add(++i);
    }
    return [...out].sort((a, b) => a - b);
  }
}

/** Pattern positions reached so far (sorted, distinct). */
export type States = readonly number[];

function compileSegment(text: string): Segment {
  if (text === '**') return { kind: 'globstar' };
  if (!hasWildcard(text)) return { kind: 'literal', text };
  // Pieces between stars, each a list of characters where '?' stands for any one.
  return { kind: 'wildcard', pieces: text.split('*').map((p) => Array.from(p)), dot: text.startsWith('.') };
}

function matchSegment(seg: Exclude<Segment, { kind: 'globstar' }>, name: string): boolean {
  if (seg.kind === 'literal') return seg.text === name;
  if (name.startsWith('.') && !seg.dot) return false;
  return matchWildcard(seg.pieces, Array.from(name));
}

/**
 * `pieces` are the pattern split at its stars. Without a star the name must match the one piece
 * exactly; otherwise the first piece is anchored at the start, the last at the end, and each
 * middle piece is placed at its leftmost fit after the previous one (leftmost is always safe:
 * it leaves the most room for the pieces after it). No backtracking.
 */
function matchWildcard(pieces: string[][], name: string[]): boolean {
  if (pieces.length === 1) return name.length === pieces[0]!.length && fitsAt(name, 0, pieces[0]!);
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (name.length < first.length + last.length) return false;
  if (!fitsAt(name, 0, first) || !fitsAt(name, name.length - last.length, last)) return false;
  let pos = first.length;
  const end = name.length - last.length;
  for (let k = 1; k < pieces.length - 1; k++) {
    const piece = pieces[k]!;
    let at = pos;
    while (at + piece.length <= end && !fitsAt(name, at, piece)) at++;
    if (at + piece.length > end) return false;
    pos = at + piece.length;
  }
  return true;
}

function fitsAt(name: string[], at: number, piece: string[]): boolean {
  for (let i = 0; i < piece.length; i++) if (piece[i] !== '?' && piece[i] !== name[at + i]) return false;
  return true;
}
