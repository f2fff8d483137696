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

/**
 * A file without separators: each intake starts at a bare `[客户行业]`, some with `### ` headings
 * above it, one with a line of text between those headings (the previous intake's preamble, no
 * cut there), one with no blank line before it. The incremental parse cuts such a file before
 * each intake that starts this way (see parsedText.ts); the edits below type and delete what
 * makes and unmakes those cuts.
 */
function bareBase(): string {
  const [blank, insurance, structured, aviation] = seedIntakeList();
  return [blank!.trimEnd(), '### 一、客户\n\n' + insurance!.trimEnd(), '### 二、背景\n补充说明\n### 三、需求\n' + structured!.trimEnd(), aviation!.trimEnd() + '\n[客户行业]：零售\n- 细分领域：电商', '\n\n' + insurance!.trimEnd()].join('\n\n') + '\n';
}

/** Edits for a file without separators: whole lines that start intakes, headings, preamble; few separators. */
const BARE_PIECES = ['\n', '\r\n', '\r', '[客户行业]：保险\n', '[客户行业]', '[行业]：银行\n', '### 一、标题\n', '### ', '#', '说明文字\n', '[预算]：1\n', '- 键：值\n', '__(选项A/选项B)__', '__(', '：', ' ', 'x', '[', ']', '\n\n', '=====\n'];

const bareEditArb: fc.Arbitrary<Edit & { lineStart: boolean }> = fc.record({
  at: fc.nat(),
  lineStart: fc.boolean(),
  remove: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 12, max: 300 }) }),
  insert: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...BARE_PIECES) }, { weight: 1, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }),
});

/** As {@link apply}, half the edits moved to the start of their line, where typed lines change how the lines around them read. */
function applyAtLine(text: string, e: Edit & { lineStart: boolean }): string {
  let at = e.at % (text.length + 1);
  if (e.lineStart) at = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** Edits `start` step by step: each version must read as a fresh parse and validation of its text. */
function check<E>(start: string, edits: readonly E[], ask: readonly boolean[], apply: (text: string, e: E) => string): void {
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
}

function params<T>(): fc.Parameters<T> {
  const out: fc.Parameters<T> = { numRuns: RUNS };
  if (process.env.FUZZ_SEED) out.seed = Number(process.env.FUZZ_SEED);
  if (process.env.FUZZ_PATH) out.path = process.env.FUZZ_PATH;
  return out;
}

describe('DocumentAnalysis after random edits (property)', function () {
  this.timeout(600_000);

  it('every version reads as a fresh parse and validation of its text; earlier versions stay as they were', () => {
    const start = base();
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (edits, ask) => check(start, edits, ask, apply)),
      params<[Edit[], boolean[]]>(),
    );
  });

  it('the same in a file without separators, where intakes follow one another at bare [客户行业] headers', () => {
    const start = bareBase();
    const crlf = start.replace(/\n/g, '\r\n');
    fc.assert(
      fc.property(fc.boolean(), fc.array(bareEditArb, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (windows, edits, ask) =>
        check(windows ? crlf : start, edits, ask, applyAtLine),
      ),
      params<[boolean, (Edit & { lineStart: boolean })[], boolean[]]>(),
    );
  });
});
