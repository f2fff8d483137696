/**
 * markdown-it's `text` inline rule, the same answer found with a regular expression: it takes
 * the characters up to the next one that some other inline rule may start at (markdown-it's
 * isTerminatorChar, 14.x: `\n ! # $ % & * + - : < = > @ [ \ ] ^ _ \` { } ~`) as plain text.
 * markdown-it finds that character with a loop that compares each character with the 23 in
 * turn, which a fresh process runs in V8's interpreter: for a report's Chinese text, where
 * hardly a character is one of them, about 30% of a parse's samples in the interpreter, and
 * 16 M of the 148 M instructions of the first report's HTML (callgrind). The search below runs
 * in the regular expression engine instead.
 */
import type MarkdownIt from 'markdown-it';

type StateInline = MarkdownIt.StateInline;

/** The characters markdown-it's isTerminatorChar answers true for (one class: linear time). */
const TERMINATOR = /[\n!#$%&*+\-:<=>@[\\\]^_`{}~]/g;

export function textRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const max = state.posMax;
  const src = state.src;
  let end = max;
  if (max === src.length) {
    TERMINATOR.lastIndex = start;
    // test() leaves lastIndex just after the character it found.
    if (TERMINATOR.test(src)) end = TERMINATOR.lastIndex - 1;
  } else {
    // A rule parsing a part of the text (a link label: none is on in the reports) sets posMax
    // before the end: searching past it at each call could make a parse quadratic, so this
    // looks at the characters up to posMax only (search() ignores lastIndex and the g flag).
    const found = src.slice(start, max).search(TERMINATOR);
    if (found >= 0) end = start + found;
  }
  if (end === start) return false;
  if (!silent) state.pending += src.slice(start, end);
  state.pos = end;
  return true;
}
