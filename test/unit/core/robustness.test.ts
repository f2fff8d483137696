import * as assert from 'node:assert/strict';
import { applyEdits, type TextEdit } from '../../../src/core/edits';
import { fillPlaceholderEdits, fixAll, FixContext, fixesFor } from '../../../src/core/fixes';
import { IntakeFileSchema } from '../../../src/core/model';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { rangeProblems } from '../helpers/ranges';
import { listFixtures, readFixture, readSeed, seedIntakeList, withCr, withCrlf } from '../helpers/seeds';

/** Runs the whole pipeline on `text` and returns every range problem (empty when all is well). */
function pipeline(text: string): { problems: string[]; fixed: string } {
  const file = parseIntake(text);
  const diags = validate(file);
  const ctx = new FixContext(text, file);
  const edits: TextEdit[] = [];
  for (const d of diags) for (const f of fixesFor(d, ctx)) edits.push(...f.edits);
  edits.push(...fillPlaceholderEdits(text));
  applyEdits(text, edits);
  const fixed = fixAll(text);
  return { problems: rangeProblems(text, file, diags, edits), fixed };
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function nested(depth: number, indent: (level: number) => string): string {
  const lines = ['[客户行业]：保险'];
  for (let i = 0; i < depth; i++) lines.push(`${indent(i)}- 层级${i}：值${i}`);
  return lines.join('\n');
}

const HOSTILE: Array<[string, string]> = [
  ['empty string', ''],
  ['a single newline', '\n'],
  ['only blanks', ' \t\u3000\r\n  \n\t'],
  ['only separators', '=====\n===!!!\n  !!!!!\n-----\n'],
  ['separators without newline', '==='],
  ['10k-char line', 'x'.repeat(10_000)],
  ['10k-char field value', '[客户行业]：' + '保'.repeat(10_000)],
  ['10k-char heading', '# ' + ' '.repeat(10_000) + 'x'],
  ['10k-char bracket line', '[' + '客'.repeat(10_000)],
  ['10k placeholders opening', '[客户行业]：' + '__('.repeat(3_400)],
  ['2.5k closed placeholders on one line', '- 键：' + '__(a/b)__'.repeat(2_500)],
  ['binary-ish characters', '\u0000\u0001\u0002\uFFFD\uFFFF\u200B\u202E[\u0000]：\u0007\n- \u0000：\u0000\n\uFEFF[客户行业]：\u0000'],
  ['lone surrogates', '[客户行业]：\uD800\n- 细分领域：\uDC00__(\uD83D)__\n\uDFFF'],
  ['[ without ]', '[客户行业：保险\n[\n[[[\n- [：\n【客户行业'],
  [']' + ' without [', ']：\n】：\n- ]：]'],
  ['empty brackets', '[]：\n【】\n[ ]：x'],
  ['nested brackets', '[[客户行业]]：保险\n[客户[行业]]：\n【[客户行业]】：'],
  ['bold without close', '- **客户行业：值\n- **：\n- ****：\n- **键**'],
  ['colons only', '：\n:\n- ：\n- :\n[客户行业]：：：'],
  ['dashes and hashes', '-\n- \n--\n#\n###\n#######\n### \n-#-#-'],
  ['unclosed everywhere', '__(\n[客户行业]：__(\n- 键：__(__(__(\n### __(\n__(例：'],
  ['close without open', ')__\n[客户行业]：)__ )__\n- 键：a)__'],
  ['deeply nested bullets (200 levels, 2 spaces)', nested(200, (i) => '  '.repeat(i))],
  ['deeply nested bullets (200 levels, tabs)', nested(200, (i) => '\t'.repeat(i))],
  ['decreasing indentation', Array.from({ length: 200 }, (_, i) => `${' '.repeat(200 - i)}- 键${i}：值`).join('\n')],
  ['many sections', Array.from({ length: 2_000 }, (_, i) => `[客户行业${i % 7 === 0 ? '' : i}]：x`).join('\n')],
  ['CR only', '\r\r\r[客户行业]：\r\r'],
  ['mixed endings', '[客户行业]：保险\r\n- 细分领域：车险\r- 业务规模：1\n\r\n'],
];

describe('robustness', () => {
  describe('ranges lie inside the document', () => {
    const corpus: Array<[string, string]> = [
      ['seed', readSeed()],
      ['seed CRLF', withCrlf(readSeed())],
      ['seed CR', withCr(readSeed())],
      ...seedIntakeList().map((t, i): [string, string] => [`seed intake ${i + 1}`, t]),
      ...listFixtures().map((n): [string, string] => [`fixture ${n}`, readFixture(n)]),
    ];
    for (const [label, text] of corpus) {
      it(label, () => {
        const { problems, fixed } = pipeline(text);
        assert.deepEqual(problems, []);
        assert.deepEqual(pipeline(fixed).problems, [], 'after fix-all');
      });
    }
  });

  describe('hostile input never throws', () => {
    for (const [label, text] of HOSTILE) {
      it(label, function () {
        // A hang fails on mocha's timeout; how long it takes is the benchmarks' business.
        this.timeout(10_000);
        let result: ReturnType<typeof pipeline> | undefined;
        assert.doesNotThrow(() => {
          result = pipeline(text);
        });
        assert.deepEqual(result!.problems, []);
        const once = result!.fixed;
        const twice = fixAll(once);
        assert.ok(twice === once, `fix-all is not idempotent: the second pass changes ${once.length} to ${twice.length} characters, from offset ${firstDifference(once, twice)}: ${JSON.stringify(twice.slice(firstDifference(once, twice), firstDifference(once, twice) + 80))}`);
      });
    }
  });

  it('returns a model that satisfies the zod schema, on the seed and on hostile input', () => {
    for (const text of [readSeed(), withCrlf(readSeed()), ...HOSTILE.map(([, t]) => t)]) {
      const r = IntakeFileSchema.safeParse(parseIntake(text));
      assert.ok(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3)));
    }
  });

  it('does not overflow the stack on 5,000 levels of nested bullets', function () {
    // walk.ts's recursive walkItems generator threw "RangeError: Maximum call stack size
    // exceeded" from validate() somewhere between 3,000 and 5,000 levels.
    this.timeout(60_000);
    const text = nested(5_000, (i) => ' '.repeat(i));
    let file: ReturnType<typeof parseIntake> | undefined;
    assert.doesNotThrow(() => {
      file = parseIntake(text);
    }, 'parse');
    assert.doesNotThrow(() => validate(file!), 'validate');
    assert.doesNotThrow(() => fixAll(text), 'fix-all');
  });

  it('nests 200 levels of bullets as 200 levels of children', () => {
    const file = parseIntake(nested(200, (i) => '  '.repeat(i)));
    let depth = 0;
    let items = file.intakes[0]!.sections[0]!.items;
    while (items.length > 0) {
      assert.equal(items.length, 1);
      depth++;
      items = items[0]!.children;
    }
    assert.equal(depth, 200);
  });

  it('accepts a TextDocumentLike as well as a string', () => {
    const text = readSeed();
    const doc = { getText: () => text, positionAt: () => ({ line: 0, character: 0 }) };
    assert.deepEqual(parseIntake(doc), parseIntake(text));
  });
});
