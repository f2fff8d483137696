/**
 * Property test: arbitrary text and mutated seed intakes go through parse → validate → fix-all.
 * Nothing may throw, every range must lie inside its document, and fix-all must be idempotent;
 * LF and CRLF versions of one text must give the same positions.
 *
 *   FUZZ_RUNS=50000 npm run test:fuzz      more runs (default: 10000 in CI, else 2000)
 *   FUZZ_SEED=123 FUZZ_PATH=… npm run test:fuzz   replay a reported failure
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TextEdit } from '../../src/core/edits';
import { fixAll, FixContext, fixesFor } from '../../src/core/fixes';
import { parseIntake } from '../../src/core/parser';
import { validate } from '../../src/core/validator';
import { rangeProblems } from '../unit/helpers/ranges';
import { readSeed, seedIntakeList } from '../unit/helpers/seeds';

const RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : process.env.CI ? 10_000 : 2_000;

function params(): fc.Parameters<[string]> {
  const p: fc.Parameters<[string]> = { numRuns: RUNS };
  if (process.env.FUZZ_SEED) p.seed = Number(process.env.FUZZ_SEED);
  if (process.env.FUZZ_PATH) p.path = process.env.FUZZ_PATH;
  return p;
}

/** The checks every input must pass; throws an assertion error describing the first violation. */
function checkPipeline(text: string): void {
  const file = parseIntake(text);
  const diags = validate(file);
  const ctx = new FixContext(text, file);
  const edits: TextEdit[] = [];
  for (const d of diags) for (const f of fixesFor(d, ctx)) edits.push(...f.edits);
  const problems = rangeProblems(text, file, diags, edits);
  assert.deepEqual(problems, [], 'every range lies inside the document');

  const once = fixAll(text);
  const onceFile = parseIntake(once);
  assert.deepEqual(rangeProblems(once, onceFile, validate(onceFile)), [], 'ranges after fix-all');
  const twice = fixAll(once);
  assert.equal(twice, once, 'fix-all is idempotent');
}

/** The same text with LF and with CRLF endings gives the same model, diagnostics and fix-all. */
function checkLineEndings(text: string): void {
  const lf = text.replace(/\r\n|\r/g, '\n');
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = parseIntake(lf);
  const b = parseIntake(crlf);
  assert.deepEqual({ ...b, eol: a.eol }, a, 'same model with CRLF');
  assert.deepEqual(validate(b), validate(a), 'same diagnostics with CRLF');
  // Inserted lines follow the document's line ending, which needs at least one line break to tell.
  if (lf.includes('\n')) assert.equal(fixAll(crlf), fixAll(lf).replace(/\n/g, '\r\n'), 'same fix-all with CRLF');
}

// ---------------------------------------------------------------- arbitrary text

/** Pieces that matter to the format, mixed with arbitrary characters. */
const TOKENS = [
  '\n', '\r\n', '\r', ' ', '  ', '\t', '\u3000',
  '[', ']', '【', '】', '(', ')', '（', '）', '「', '」',
  '__(', ')__', '__', '_', '：', ':', '，', '/', '／', '等',
  '-', '- ', '  - ', '*', '**', '#', '### ', '=', '===', '!!!', '-----', '  !!!!!',
  '如', '例：', '客户行业', '当前痛点', '基础设施现状', '核心目标', '预算限制', '特殊要求', '行业',
  '细分领域', '业务规模', '具体问题', '云环境', '关键组件', '主要指标', '总预算', '合规性', '服务等级',
  '一、行业背景与业务特性', '保险', 'a', '1', '500万+', '\u0000', '\uFFFD', '\uD800', '😀',
];

const unit: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);

const arbitraryText: fc.Arbitrary<string> = fc.oneof(
  fc.array(unit, { maxLength: 120 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 200 }),
  // Line-shaped input: header-, bullet- and separator-like lines.
  fc
    .array(
      fc.tuple(
        fc.constantFrom('', ' ', '  ', '    ', '\t'),
        fc.constantFrom('', '- ', '* ', '### ', '[', '【', '**'),
        fc.array(unit, { maxLength: 12 }).map((p) => p.join('')),
        fc.constantFrom('\n', '\r\n', '\r'),
      ),
      { maxLength: 40 },
    )
    .map((lines) => lines.map(([indent, lead, body, eol]) => indent + lead + body + eol).join('')),
);

// ---------------------------------------------------------------- mutated seeds

type Mutation =
  | { kind: 'deleteLine'; at: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'insertLine'; at: number; text: string }
  | { kind: 'swapLines'; at: number; with: number }
  | { kind: 'deleteChars'; at: number; count: number }
  | { kind: 'insertText'; at: number; text: string }
  | { kind: 'duplicateChars'; at: number; count: number }
  | { kind: 'swapColon'; nth: number }
  | { kind: 'eol'; to: '\r\n' | '\r' | '\n' }
  | { kind: 'indent'; at: number; by: string };

const snippet = fc.oneof(fc.array(unit, { minLength: 1, maxLength: 6 }).map((p) => p.join('')), fc.constantFrom('[客户行业]：', '- 细分领域：', '=====', '### 二、痛点诊断与技术债分析', '__(a/b)__', '__(', '：', ':'));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insertLine' as const), at: fc.nat(), text: snippet }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('deleteChars' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('insertText' as const), at: fc.nat(), text: snippet }),
  fc.record({ kind: fc.constant('duplicateChars' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('swapColon' as const), nth: fc.nat() }),
  fc.record({ kind: fc.constant('eol' as const), to: fc.constantFrom('\r\n' as const, '\r' as const, '\n' as const) }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.constantFrom(' ', '  ', '\t', '    ') }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (n: number) => n % Math.max(1, lines.length);
  const pos = (n: number) => n % (text.length + 1);
  switch (m.kind) {
    case 'deleteLine':
      lines.splice(line(m.at), 1);
      return lines.join('\n');
    case 'duplicateLine':
      lines.splice(line(m.at), 0, lines[line(m.at)] ?? '');
      return lines.join('\n');
    case 'insertLine':
      lines.splice(line(m.at), 0, m.text);
      return lines.join('\n');
    case 'swapLines': {
      const a = line(m.at);
      const b = line(m.with);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'indent':
      lines[line(m.at)] = m.by + (lines[line(m.at)] ?? '');
      return lines.join('\n');
    case 'deleteChars':
      return text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.count);
    case 'insertText':
      return text.slice(0, pos(m.at)) + m.text + text.slice(pos(m.at));
    case 'duplicateChars':
      return text.slice(0, pos(m.at) + m.count) + text.slice(pos(m.at));
    case 'swapColon': {
      const colons = [...text.matchAll(/[:：]/g)];
      if (colons.length === 0) return text;
      const c = colons[m.nth % colons.length]!;
      return text.slice(0, c.index) + (c[0] === ':' ? '：' : ':') + text.slice(c.index! + 1);
    }
    case 'eol':
      return text.replace(/\r\n|\r|\n/g, m.to);
  }
}

const SEEDS = [...seedIntakeList(), readSeed()];

const mutatedSeed: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 12 }))
  .map(([seed, ms]) => ms.reduce(mutate, seed));

// ---------------------------------------------------------------- properties

function report(name: string, started: number, runs: number): void {
  const ms = Date.now() - started;
  console.log(`      ${name}: ${runs} runs in ${(ms / 1000).toFixed(1)} s`);
}

describe('fuzz: parse → validate → fix-all', () => {
  it(`holds on the seed itself`, () => {
    for (const text of SEEDS) checkPipeline(text);
  });

  it(`holds on arbitrary text (${RUNS} runs)`, () => {
    const started = Date.now();
    fc.assert(
      fc.property(arbitraryText, (text) => {
        checkPipeline(text);
      }),
      params(),
    );
    report('arbitrary text', started, RUNS);
  });

  it(`holds on mutated seed intakes (${RUNS} runs)`, () => {
    const started = Date.now();
    fc.assert(
      fc.property(mutatedSeed, (text) => {
        checkPipeline(text);
      }),
      params(),
    );
    report('mutated seeds', started, RUNS);
  });

  it(`gives the same positions with LF and CRLF (${RUNS} runs)`, () => {
    const started = Date.now();
    fc.assert(
      fc.property(fc.oneof(arbitraryText, mutatedSeed), (text) => {
        checkLineEndings(text);
      }),
      params(),
    );
    report('line endings', started, RUNS);
  });
});
