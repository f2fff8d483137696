/**
 * Files without separators: the incremental parse cuts them before each intake that starts at a
 * bare `[客户行业]` header (parsedText.ts, `SegmentCut` in parser.ts), so that an edit reads one or
 * two intakes again, not the whole file. Each edit here makes, moves or unmakes such a cut; after
 * it the parse must be exactly the whole text's, and the analysis the fresh one.
 */
import * as assert from 'node:assert/strict';
import { DocumentAnalysis } from '../../../src/core/documents/documentAnalysis';
import { ParsedText } from '../../../src/core/documents/parsedText';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { plain } from '../helpers/ranges';

/** An intake with sections, its industry `industry`, headings above it when `heading`. */
function intake(industry: string, heading = ''): string {
  return `${heading}[客户行业]：${industry}\n- 细分领域：__(寿险/车险)__\n\n[当前痛点]：\n- 具体问题：故障定位慢\n`;
}

/** Forty intakes one after another, no separator; every fifth with a heading above it. */
const BARE = Array.from({ length: 40 }, (_, k) => intake(`行业${k}`, k % 5 === 0 ? `### ${k}、客户\n` : '')).join('\n');

/** `text` with `[from, from + remove)` replaced by `insert`. */
function edit(text: string, from: number, remove: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(from + remove);
}

/** Applies each text in turn, as updates and as analyses: each must read as its whole text does. */
function follow(start: string, ...versions: string[]): ParsedText {
  let parsed = ParsedText.parse(start);
  let analysis = DocumentAnalysis.of(start);
  analysis.diagnostics();
  for (const text of versions) {
    parsed = parsed.update(text);
    analysis = analysis.next(text);
    const whole = parseIntake(text);
    assert.deepEqual(plain(parsed.file), plain(whole), JSON.stringify(text));
    assert.deepEqual(plain(analysis.diagnostics()), plain(validate(whole)));
  }
  return parsed;
}

/** How many intakes the update parsed again. */
function reparsed(p: ParsedText): number {
  return p.origins.filter((o) => o.kind === 'parsed').length;
}

/** The offset of the `n`-th occurrence (0-based) of `needle`. */
function nth(text: string, needle: string, n: number): number {
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0);
  return at;
}

describe('ParsedText: intake cuts in a file without separators', () => {
  it('parses again only the intake whose [客户行业] line is typed in, and the one a heading is typed above', () => {
    const at = nth(BARE, '行业17', 0) + 4;
    const typed = follow(BARE, edit(BARE, at, 0, '保'), edit(BARE, at, 0, '保险'));
    assert.equal(reparsed(typed), 1);
    const line = nth(BARE, '[客户行业]：行业23', 0);
    const heading = follow(BARE, edit(BARE, line, 0, '#'), edit(BARE, line, 0, '### '), edit(BARE, line, 0, '### 标题\n'));
    assert.ok(reparsed(heading) <= 2, `${reparsed(heading)} intakes parsed again`);
    assert.equal(heading.file.intakes.length, 40);
  });

  it('splits an intake where a [客户行业] header is typed into it, and joins two where one is deleted', () => {
    const pain = nth(BARE, '[当前痛点]', 12);
    const split = follow(BARE, edit(BARE, pain, 0, '[客户行业]：银行\n'));
    assert.equal(split.file.intakes.length, 41);
    assert.ok(reparsed(split) <= 2);
    const header = nth(BARE, '[客户行业]：行业13', 0);
    const end = BARE.indexOf('\n', header) + 1;
    // Typed away a character at a time from its end, then the line deleted: first a plain section, then none.
    const versions = [edit(BARE, header + 1, 4, ''), edit(BARE, header, end - header, '')];
    const joined = follow(BARE, ...versions);
    assert.equal(joined.file.intakes.length, 39);
    assert.ok(reparsed(joined) <= 2);
  });

  it('keeps the previous intake’s preamble between the headings above a header its own, and cuts again once it is gone', () => {
    const text = intake('银行') + '\n### 一\n说明文字\n### 二\n' + intake('保险') + '\n' + intake('航空');
    const note = text.indexOf('说明文字');
    follow(text, edit(text, note, 5, ''), edit(text, note, 5, 'x\n'), edit(text, note, 0, '### '), edit(text, note, 5, ''));
  });

  it('gives headings after the last section to the next intake, and to no one when its header goes', () => {
    const text = intake('银行') + '\n### 附\n' + intake('保险') + '### 尾\n';
    const header = text.indexOf('[客户行业]：保险');
    follow(text, edit(text, header, 1, ''), edit(text, header, 0, '[预算]：1\n'), edit(text, header - 1, 0, '\n说明'), text, edit(text, header, 0, '=====\n'));
  });

  it('reads an intake that lost the sections before its cut with the one after it', () => {
    const text = intake('银行') + intake('保险') + intake('航空');
    const second = text.indexOf('[客户行业]：保险');
    const third = text.indexOf('[客户行业]：航空');
    // The second intake keeps only its header line: still sections. Then that line as text: the
    // third header no longer starts an intake after it.
    follow(text, edit(text, second, third - second, '[客户行业]：保险\n'), edit(text, second, third - second, '客户行业：保险\n'), edit(text, second, third - second, '### 标题\n'));
  });

  it('holds with CRLF line breaks, and with a \\r typed before the \\n that ends the line before a cut', () => {
    const text = BARE.replace(/\n/g, '\r\n');
    const header = nth(text, '[客户行业]：行业9', 0);
    follow(text, edit(text, header - 2, 0, 'x'), edit(text, header - 2, 0, 'x\r'), edit(text, header - 2, 1, ''), edit(text, header - 1, 0, '\r'), edit(text, header, 0, '\n'));
    const lf = BARE;
    const at = nth(lf, '[客户行业]：行业9', 0);
    follow(lf, edit(lf, at - 1, 0, '\r'), edit(lf, at - 1, 0, 'y\r'), edit(lf, at - 1, 1, '\r'), edit(lf, at, 0, '\r'), edit(lf, at - 1, 1, ''));
  });
});
