/**
 * Property test of the incremental analysis (core/documents/): after any sequence of edits, each
 * version's parse and diagnostics are exactly those of its whole text parsed and validated from
 * scratch (the outline and completeness too), and the version before an edit is left as it was.
 *
 *   FUZZ_RUNS=5000 npm run test:fuzz      more runs (default: 500 in CI, else 100; each is a sequence of edits)
 *   FUZZ_SEED=123 FUZZ_PATH=… npm run test:fuzz   replay a reported failure
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentAnalysis } from '../../src/core/documents/documentAnalysis';
import { getCompleteness } from '../../src/core/features/completeness';
import { getDocumentSymbols } from '../../src/core/features/symbols';
import { parseIntake } from '../../src/core/parser';
import { validate } from '../../src/core/validator';
import { plain } from '../unit/helpers/ranges';
import { seedIntakeList } from '../unit/helpers/seeds';

const RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : process.env.CI ? 500 : 100;

/** What edits insert: line breaks, separators, section and intake starts, placeholders, plain text. */
const PIECES = ['\n', '\r\n', '\r', '=====', '\n=====\n', '-----\n', '  !!!!!\n', '[客户行业]：保险\n', '### 一、标题\n', '- 键：值', '__(选项A/选项B)__', '__(', ')__', '：', ':', ' ', 'x', '预算：500万', 'SLA 99.99%，允许停机<15分钟/季度', '\n\n', '【当前痛点】', '- 子项：', '  - 嵌套：1'];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 40, max: 400 }) }),
  insert: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.string({ maxLength: 5 }) }),
});

function apply(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

function base(): string {
  const [blank, insurance, structured, aviation] = seedIntakeList();
  return [blank, insurance, structured].join('\n=====\n') + '\n' + aviation + '\n-----\n' + insurance;
}

describe('DocumentAnalysis after random edits (property)', function () {
  this.timeout(600_000);

  it('every version reads as a fresh parse and validation of its text; earlier versions stay as they were', () => {
    const start = base();
    const params: fc.Parameters<[Edit[], boolean[]]> = { numRuns: RUNS };
    if (process.env.FUZZ_SEED) params.seed = Number(process.env.FUZZ_SEED);
    if (process.env.FUZZ_PATH) params.path = process.env.FUZZ_PATH;
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (edits, ask) => {
        let a = DocumentAnalysis.of(start);
        let text = start;
        for (const [i, e] of edits.entries()) {
          const previous = a;
          const before = JSON.stringify(previous.file);
          text = apply(text, e);
          a = a.next(text);
          const file = parseIntake(text);
          // plain(): a moved copy's sections are plain objects, a fresh parse's ParsedSections.
          assert.deepEqual(plain(a.file), plain(file));
          // Not every version is asked for its diagnostics (the editor debounces): later versions
          // then start from results computed several versions back.
          if (ask[i]) {
            assert.deepEqual(plain(a.diagnostics()), plain(validate(file)));
            // The outline and the status bar, made from what is kept per section across versions.
            assert.deepEqual(plain(a.symbols()), plain(getDocumentSymbols(file)));
            assert.deepEqual(
              a.intakeAnalyses().map((x) => x.completeness()),
              file.intakes.map((x) => getCompleteness(x)),
            );
          }
          assert.equal(JSON.stringify(previous.file), before, 'the previous version changed');
        }
        assert.deepEqual(plain(a.diagnostics()), plain(validate(parseIntake(text))));
      }),
      params,
    );
  });
});
