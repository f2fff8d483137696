import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentAnalysis } from '../../../src/core/documents/documentAnalysis';
import { parsedAlike } from '../../../src/core/documents/parsedAlike';
import { ParsedText } from '../../../src/core/documents/parsedText';
import type { Range } from '../../../src/core/document';
import { lineStarts } from '../../../src/core/document';
import { startLine } from '../../../src/core/lineRange';
import type { Intake } from '../../../src/core/model';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { plain } from '../helpers/ranges';
import { seedIntakeList } from '../helpers/seeds';

/**
 * The check parsedAlike replaced (commit da84411): both trees written as JSON, line numbers
 * counted from each intake's first line, the index left out.
 */
function jsonAlike(a: Intake, b: Intake): boolean {
  const relative = (first: number) => (key: string, value: unknown) => (key === 'line' && typeof value === 'number' ? value - first : key === 'index' ? undefined : value);
  return JSON.stringify(a, relative(startLine(a.range))) === JSON.stringify(b, relative(startLine(b.range)));
}

/**
 * Small intakes dense in what decides how an intake's first and last lines read: headings,
 * preamble, `[客户行业]` without separators. The second and third intakes have the same text and
 * both end at a separator, but the second starts after an intake with sections (补充说明 is that
 * one's preamble), the third after a separator (补充说明 is its own).
 */
const DENSE = [
  '### 一、背景',
  '[客户行业]：保险',
  '- 键：值',
  '[预算]：__(500万/1000万)__',
  '### 二、约束',
  '补充说明',
  '[客户行业]：航空',
  '- **细分**：租赁',
  '### 三、标题',
  '',
  '=====',
  '### 二、约束',
  '补充说明',
  '[客户行业]：航空',
  '- **细分**：租赁',
  '### 三、标题',
  '',
  '-----',
  '[客户行业]：零售',
  '### 四',
  '尾注',
  '',
].join('\n');

function seedText(): string {
  const [blank, insurance, structured, aviation] = seedIntakeList();
  return [blank, insurance, structured].join('\n=====\n') + '\n' + aviation + '\n-----\n' + insurance;
}

/** What edits insert: whole lines that start or end intakes, headings, preamble, separators, and a few characters. */
const PIECES = ['\n', '\n\n', '=====\n', '\n=====\n', '-----', '  !!!!!\n', '### 一、标题\n', '### 标题', '### 标题\n说明\n', '说明文字\n', '说明\n[客户行业]：银行\n', 'x', '[客户行业]：保险\n', '[预算]：1\n', '- 键：值\n', '  - 嵌套：1\n', '__(选项)__', '：', ' ', '#', '['];

interface Edit {
  at: number;
  lineStart: boolean;
  remove: number;
  insert: string;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  lineStart: fc.boolean(),
  remove: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 20 }) }, { weight: 1, arbitrary: fc.integer({ min: 20, max: 200 }) }),
  insert: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }),
});

function apply(text: string, e: Edit): string {
  let at = e.at % (text.length + 1);
  // Half the edits at a line's start, where whole lines typed change how the lines around them read.
  if (e.lineStart) at = text.lastIndexOf('\n', at - 1) + 1;
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/**
 * How often each answer came up, and how often the trees differed in one of the three things
 * parsedAlike compares alone (the generators must reach each: without any one of the three
 * comparisons, the check would answer wrong).
 */
interface Tally {
  /** Pairs as sameText asks them: an intake an edit parsed again and a replaced one. */
  reparsed: number;
  alike: number;
  onlyPreamble: number;
  onlyHeadings: number;
  onlySeparator: number;
}

function compare(a: Intake, b: Intake, tally: Tally): void {
  const expected = jsonAlike(a, b);
  assert.equal(parsedAlike(a, b), expected, `parsedAlike disagrees with the JSON comparison:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
  if (expected) tally.alike++;
  const preamble = a.preamble.length !== b.preamble.length;
  const headings = a.headings.length !== b.headings.length;
  const separator = JSON.stringify(a.separatorAfter && relative(a.separatorAfter, a)) !== JSON.stringify(b.separatorAfter && relative(b.separatorAfter, b));
  if (preamble && !headings && !separator) tally.onlyPreamble++;
  if (!preamble && headings && !separator) tally.onlyHeadings++;
  if (!preamble && !headings && separator) tally.onlySeparator++;
}

/** A separator's lines counted from its intake's first line. */
function relative(r: Range, intake: Intake): number[] {
  const first = startLine(intake.range);
  return [r.start.line - first, r.start.character, r.end.line - first, r.end.character];
}

/**
 * The text up to the end of each of its intakes: each intake then ends the text, where `### `
 * lines after its last section are its own, and has no separator after it.
 */
function prefixes(text: string, parsed: ParsedText): string[] {
  const starts = lineStarts(text);
  return parsed.file.intakes.map((intake) => text.slice(0, starts[intake.range.end.line + 1] ?? text.length));
}

describe('parsedAlike: two intakes with the same text parsed alike', () => {
  it('answers as comparing both trees as JSON does, on the intakes edits parse again and on any two with the same text', function () {
    // Two hundred random edit sequences, each parsing every version whole and by prefix: about
    // 10 s on a quiet host, over mocha's 15 s on a loaded one. A hang still fails, at a minute.
    this.timeout(60_000);
    const tally: Tally = { reparsed: 0, alike: 0, onlyPreamble: 0, onlyHeadings: 0, onlySeparator: 0 };
    const starts = [DENSE, seedText()];
    fc.assert(
      fc.property(fc.constantFrom(0, 0, 0, 1), fc.array(editArb, { minLength: 1, maxLength: 8 }), (which, edits) => {
        let text = starts[which]!;
        let parsed = ParsedText.parse(text);
        // Every intake of every version (whole parses), by text: any two with the same text, whatever stood around them.
        const byText = new Map<string, Intake[]>();
        const keep = (p: ParsedText, i: number) => byText.set(p.intakeText(i), [...(byText.get(p.intakeText(i)) ?? []), p.file.intakes[i]!]);
        const keepAll = (t: string) => {
          const whole = ParsedText.parse(t);
          whole.file.intakes.forEach((_, i) => keep(whole, i));
          // (Of a prefix, the last intake only: the others are those of the whole text.)
          for (const p of prefixes(t, whole).map((x) => ParsedText.parse(x))) keep(p, p.file.intakes.length - 1);
        };
        keepAll(text);
        for (const e of edits) {
          const edited = apply(text, e);
          // (DocumentAnalysis.next asks nothing of an unchanged text: update gives the same parse back.)
          if (edited === text) continue;
          text = edited;
          const next = parsed.update(text);
          // What sameText asks: an intake parsed again against each replaced one with its text.
          next.file.intakes.forEach((intake, i) => {
            if (next.origins[i]?.kind !== 'parsed') return;
            const mine = next.intakeText(i);
            for (const old of next.replaced) {
              if (parsed.intakeText(old.index) !== mine) continue;
              compare(old, intake, tally);
              tally.reparsed++;
            }
          });
          parsed = next;
          keepAll(text);
        }
        for (const group of byText.values()) for (let i = 1; i < Math.min(group.length, 8); i++) compare(group[0]!, group[i]!, tally);
      }),
      { numRuns: 200 },
    );
    assert.ok(tally.alike > 100 && tally.reparsed > 100, JSON.stringify(tally));
    assert.ok(tally.onlyPreamble > 0 && tally.onlyHeadings > 0 && tally.onlySeparator > 0, JSON.stringify(tally));
  });

  it('tells apart an intake whose lines above its header are its preamble from one where they were the previous intake’s', () => {
    const before = ['[客户行业]：保险', '[预算]：1', '### 二、约束', '补充说明', '[客户行业]：航空', '[预算]：2', ''].join('\n');
    // A separator typed above the heading: the intake starting there has the same text, and 补充说明 is its preamble now.
    const after = before.replace('### 二、约束', '=====\n### 二、约束');
    let a = DocumentAnalysis.of(before);
    a.diagnostics();
    const old = a.file.intakes[1]!;
    assert.deepEqual(old.preamble, []);
    a = a.next(after);
    const now = a.file.intakes[1]!;
    assert.equal(a.intakeText(1), '### 二、约束\n补充说明\n[客户行业]：航空\n[预算]：2\n');
    assert.equal(now.preamble.length, 1);
    assert.equal(jsonAlike(old, now), false);
    assert.equal(parsedAlike(old, now), false);
    assert.deepEqual(plain(a.diagnostics()), plain(validate(parseIntake(after))));
  });

  it('tells apart intakes with the same text and another separator after them', () => {
    const one = DocumentAnalysis.of('[客户行业]：保险\n\n=====\n[客户行业]：航空\n');
    const two = DocumentAnalysis.of('[客户行业]：保险\n=====\n[客户行业]：航空\n');
    const three = DocumentAnalysis.of('[客户行业]：保险\n');
    const four = DocumentAnalysis.of('x\n[客户行业]：保险\n-----\n');
    const [a, b, c, d] = [one, two, three, four].map((x) => x.file.intakes[0]!);
    assert.equal(one.intakeText(0), two.intakeText(0));
    assert.equal(parsedAlike(a!, b!), false);
    assert.equal(parsedAlike(a!, c!), false);
    assert.equal(parsedAlike(c!, c!), true);
    // The same distance, another separator line: its characters differ.
    const e = DocumentAnalysis.of('x\n[客户行业]：保险\n  !!!!!\n').file.intakes[0]!;
    assert.equal(parsedAlike(d!, e), jsonAlike(d!, e));
    assert.equal(parsedAlike(d!, e), false);
  });
});
