import * as assert from 'node:assert/strict';
import { ColonMark } from '../../../src/core/colonMark';
import { DocumentAnalysis } from '../../../src/core/documents/documentAnalysis';
import { endCharacter, endLine, LineRange, moveRange, spanning, startCharacter, startLine } from '../../../src/core/lineRange';
import { IntakeFileSchema, type IntakeFile } from '../../../src/core/model';
import { ParsedSection } from '../../../src/core/parsedSection';
import { parseIntake } from '../../../src/core/parser';
import { ParsedPlaceholder } from '../../../src/core/placeholder';
import { nodeRanges, plain, rangeProblem, splitLines } from '../helpers/ranges';
import { listFixtures, readFixture, readSeed, withCrlf } from '../helpers/seeds';

/** `x` deep-copied with each LineRange read through its getters (not its toJSON). */
function throughGetters(x: unknown): unknown {
  if (x instanceof LineRange) return { start: { ...x.start }, end: { ...x.end } };
  if (x instanceof ColonMark) return { char: x.char, range: throughGetters(x.range) };
  if (x instanceof ParsedPlaceholder) {
    const { inner, options, closed, example } = x;
    const read = { range: throughGetters(x.range), inner, innerRange: throughGetters(x.innerRange), options, closed };
    return example === undefined ? read : { ...read, example };
  }
  if (x instanceof ParsedSection) {
    const { name, nameRange, bracketRange, headerRange, brackets, items, range, colon, value, heading } = x;
    const read: Record<string, unknown> = { name, nameRange: throughGetters(nameRange), bracketRange: throughGetters(bracketRange), headerRange: throughGetters(headerRange), brackets, items: throughGetters(items), range: throughGetters(range) };
    if (colon) read.colon = throughGetters(colon);
    if (value) read.value = throughGetters(value);
    if (heading) read.heading = throughGetters(heading);
    return read;
  }
  if (Array.isArray(x)) return x.map(throughGetters);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, throughGetters(v)]));
  return x;
}

/** Each node range of `file`, after checking it is a LineRange inside `text` with its start before its end. */
function assertRanges(file: IntakeFile, text: string): void {
  const lines = splitLines(text);
  const ranges = nodeRanges(file);
  assert.ok(ranges.length > 0);
  for (const { where, range } of ranges) {
    assert.ok(range instanceof LineRange, `${where} is a LineRange`);
    assert.equal(rangeProblem(lines, range), undefined, `${where}: ${JSON.stringify(range)}`);
  }
}

describe('LineRange', () => {
  it('reads its four numbers as a start and an end, a new plain position each time', () => {
    const r = new LineRange(3, 4, 5, 6);
    assert.deepEqual(r.start, { line: 3, character: 4 });
    assert.deepEqual(r.end, { line: 5, character: 6 });
    assert.equal(Object.getPrototypeOf(r.start), Object.prototype);
    assert.notEqual(r.start, r.start);
    r.endLine = 7;
    r.endCharacter = 1;
    assert.deepEqual(r.end, { line: 7, character: 1 });
  });

  it('writes the JSON of a plain range, keys in the same order', () => {
    const r = new LineRange(3, 4, 5, 6);
    assert.equal(JSON.stringify(r), '{"start":{"line":3,"character":4},"end":{"line":5,"character":6}}');
    assert.equal(JSON.stringify(r), JSON.stringify({ start: { line: 3, character: 4 }, end: { line: 5, character: 6 } }));
    assert.deepEqual(r.toJSON(), { start: { line: 3, character: 4 }, end: { line: 5, character: 6 } });
  });

  it('moves a LineRange or a plain range down or up by lines, as a LineRange', () => {
    const moved = moveRange(new LineRange(3, 4, 5, 6), 2);
    assert.ok(moved instanceof LineRange);
    assert.deepEqual(moved.toJSON(), { start: { line: 5, character: 4 }, end: { line: 7, character: 6 } });
    const up = moveRange({ start: { line: 3, character: 4 }, end: { line: 3, character: 9 } }, -3);
    assert.ok(up instanceof LineRange);
    assert.deepEqual(up.toJSON(), { start: { line: 0, character: 4 }, end: { line: 0, character: 9 } });
  });

  it('reads the numbers of a LineRange and of a plain range alike, and spans from one to another', () => {
    const plainRange = { start: { line: 1, character: 2 }, end: { line: 3, character: 4 } };
    for (const r of [new LineRange(1, 2, 3, 4), plainRange]) {
      assert.deepEqual([startLine(r), startCharacter(r), endLine(r), endCharacter(r)], [1, 2, 3, 4]);
    }
    const zero = new LineRange(0, 0, 0, 0);
    assert.deepEqual([startLine(zero), startCharacter(zero), endLine(zero), endCharacter(zero)], [0, 0, 0, 0]);
    const span = spanning(new LineRange(0, 5, 0, 9), plainRange);
    assert.ok(span instanceof LineRange);
    assert.deepEqual(span.toJSON(), { start: { line: 0, character: 5 }, end: { line: 3, character: 4 } });
    assert.deepEqual(spanning(plainRange, new LineRange(7, 1, 8, 2)).toJSON(), { start: { line: 1, character: 2 }, end: { line: 8, character: 2 } });
  });

  it('leaves the JSON of a parsed file as that of plain ranges, and passes the model schema', () => {
    for (const text of [readSeed(), readFixture('messy'), withCrlf(readFixture('multi-intake'))]) {
      const file = parseIntake(text);
      const json = JSON.stringify(file);
      assert.equal(json, JSON.stringify(throughGetters(file)));
      assert.equal(json, JSON.stringify(plain(file)));
      // zod reads `start` and `end` through the getters and gives plain objects back.
      assert.deepEqual(IntakeFileSchema.parse(file), JSON.parse(json));
    }
  });

  it('makes every range of a parse one LineRange inside the text, its start not after its end', () => {
    for (const name of listFixtures()) {
      const text = readFixture(name);
      assertRanges(parseIntake(text), text);
    }
    const seed = readSeed();
    assertRanges(parseIntake(seed), seed);
    assertRanges(parseIntake(withCrlf(seed)), withCrlf(seed));
  });

  it('grows each item, section and intake range to its last line, without sharing it with another', () => {
    const text = '### 标题\n[客户行业]：保险\n- 预算：100万\n  - 明细：__(a/b)__\n  - 备注\n\n[当前痛点]\n- 延迟高';
    const file = parseIntake(text);
    const intake = file.intakes[0]!;
    const [industry, pains] = intake.sections;
    const budget = industry!.items[0]!;
    assert.deepEqual(plain(intake.range), { start: { line: 0, character: 0 }, end: { line: 7, character: 5 } });
    assert.deepEqual(plain(industry!.range), { start: { line: 1, character: 0 }, end: { line: 4, character: 6 } });
    assert.deepEqual(plain(budget.range), { start: { line: 2, character: 0 }, end: { line: 4, character: 6 } });
    assert.deepEqual(plain(pains!.range), { start: { line: 6, character: 0 }, end: { line: 7, character: 5 } });
    const all = nodeRanges(file).map((r) => r.range);
    const growing = [intake.range, industry!.range, budget.range, pains!.range];
    for (const r of growing) assert.equal(all.filter((x) => x === r).length, 1, 'a growing range is no other node range');
    assertRanges(file, text);
  });

  it('keeps every range of an edited text a LineRange inside it (moved copies included)', () => {
    const text = readSeed();
    let a = DocumentAnalysis.of(text);
    a.diagnostics();
    a = a.next('\n\n' + text);
    a = a.next(a.text.replace('[当前痛点]', '- 新增：一行\n[当前痛点]'));
    assertRanges(a.file, a.text);
    assert.deepEqual(plain(a.file), plain(parseIntake(a.text)));
    for (const d of a.diagnostics()) assert.equal(rangeProblem(splitLines(a.text), d.range), undefined, `${d.code} ${JSON.stringify(d.range)}`);
  });
});
