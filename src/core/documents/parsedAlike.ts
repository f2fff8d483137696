/**
 * Whether two intakes with the same text parsed into the same tree. `sameText` in
 * documentAnalysis.ts asks this before one of them takes over the other's results.
 */
import { endCharacter, endLine, startCharacter, startLine } from '../lineRange';
import type { Intake } from '../model';

/**
 * Whether intakes `a` and `b`, whose texts are the same (their lines, first to last, as
 * `ParsedText.intakeText` gives them), parsed into the same tree, with line numbers counted from
 * each one's first line and the index left out. The answer is the one that comparing the two
 * trees written as JSON (lines made relative, `index` dropped) gives, but it costs three
 * comparisons, not two serialisations of whole trees: it is asked of each intake of the segments
 * a keystroke re-parses, and a segment can hold many intakes (a file without separators was one
 * segment before it was cut at intakes too; in a 100,000-line file the JSON comparison was most
 * of the keystroke's time).
 *
 * Why these three comparisons are enough. The parser reads a line the same wherever it stands:
 * its kind comes from its own text, and an item nests by its indentation within its section.
 * What else it carries from line to line either changes which string objects the tree holds,
 * never their text (the keys and placeholder contents seen before), or is the same at the start
 * of every intake (no section, no open items). The same text therefore parses into the same
 * tree, except where what stands around it decides, which happens in three places only:
 *
 * 1. Its start. An intake that starts in the middle of a segment starts at a `[客户行业]` header
 *    after an intake with sections (see `startsIntake` in parser.ts). The `### ` headings above
 *    that header belong to it, and its text starts at the first of them; but a heading closes the
 *    section before it, so the other lines between those headings and the header are the
 *    previous intake's preamble. The same lines at the start of a segment (a separator typed
 *    above them) are this intake's own preamble. Each such line gives one preamble value (a line
 *    that is not blank always has one), and it is all of them or none: the two trees differ, if
 *    at all, by whole preamble entries, so in the number of them.
 * 2. Its end. `### ` headings after its last section header that no section header follows
 *    within the intake wait for one: at a separator or the end of the text they become this
 *    intake's headings, at the next intake's `[客户行业]` header they become that one's (and are
 *    then in this intake's text only when preamble lines follow them). All of them or none:
 *    the trees differ, if at all, by whole headings, so in the number of them.
 * 3. The separator after it (`separatorAfter`), which lies outside its text: there or not, and
 *    how far below its first line, compared here as JSON would compare it.
 *
 * Nothing else can differ: headings, sections and their items come from the text, and the
 * intake's range from where its content lies. So with the same text, the trees are the same
 * exactly when the numbers of headings and of preamble entries and the separators are; and
 * trees written alike as JSON have these alike. The trees of earlier versions (moved copies, an
 * intake with one section parsed again) are those of a whole parse (test/fuzz/documents.test.ts),
 * and test/unit/documents/parsedAlike.test.ts checks this against the JSON comparison on
 * generated edits.
 */
export function parsedAlike(a: Intake, b: Intake): boolean {
  return a.headings.length === b.headings.length && a.preamble.length === b.preamble.length && sameSeparator(a, b);
}

/** Whether neither intake has a separator after it, or both have one as far below its first line, with the same characters. */
function sameSeparator(a: Intake, b: Intake): boolean {
  const x = a.separatorAfter;
  const y = b.separatorAfter;
  if (!x || !y) return x === y;
  const fromA = startLine(a.range);
  const fromB = startLine(b.range);
  return (
    startLine(x) - fromA === startLine(y) - fromB &&
    endLine(x) - fromA === endLine(y) - fromB &&
    startCharacter(x) === startCharacter(y) &&
    endCharacter(x) === endCharacter(y)
  );
}
