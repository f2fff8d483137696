/**
 * The findings cache's key, an intake's text (ParsedText.intakeText): after a first parse it is
 * cut at the offsets the parser found for the intake's lines; it must be exactly the text the
 * lines give (its first line's start to the start of the line after its last, or the text's
 * end), whatever the line breaks, byte-order marks and separators, and the same after updates
 * (which cut it from the segment's line starts).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineStarts } from '../../../src/core/document';
import { ParsedText } from '../../../src/core/documents/parsedText';
import { seedIntakeList, withCr, withCrlf } from '../helpers/seeds';

/** The intake's lines whole, found from the whole text's line starts. */
function expectedTexts(text: string, parsed: ParsedText): string[] {
  const starts = lineStarts(text);
  return parsed.file.intakes.map((intake) => {
    const from = starts[intake.range.start.line]!;
    const after = intake.range.end.line + 1;
    return text.slice(from, after < starts.length ? starts[after]! : text.length);
  });
}

function assertKeys(text: string): void {
  const parsed = ParsedText.parse(text);
  const expected = expectedTexts(text, parsed);
  assert.deepEqual(
    parsed.file.intakes.map((i) => parsed.intakeText(i.index)),
    expected,
    JSON.stringify(text),
  );
  // An update that parses a segment again, then one back to the text: the keys again the same.
  const back = parsed.update(text + '\nx').update(text);
  assert.deepEqual(
    back.file.intakes.map((i) => back.intakeText(i.index)),
    expected,
  );
}

const intake = '[客户行业]：银行\n[业务规模]：__(待定/小/大)__\n\n[当前痛点]\n- 一\n- 二';

describe('intake texts cut at the parse offsets', () => {
  const cases: Record<string, string> = {
    'one intake, no final line break': intake,
    'one intake, final line break': intake + '\n',
    'separators of every kind': [intake, intake, intake, intake].join('\n=====\n') + '\n-----\n' + intake + '\n!!!\n',
    'a separator on the last line': intake + '\n=====',
    'blank lines around separators': '\n\n' + intake + '\n\n\n=====\n\n\n' + intake + '\n\n',
    'a byte-order mark at the start': '\ufeff' + intake + '\n=====\n' + intake,
    'a byte-order mark where files were joined': intake + '\n\ufeff=====\n\ufeff' + intake,
    'headings only': '# 标题\n\n## 二\n=====\n' + intake,
    'line separators inside lines': intake.replace('一', '一\u2028二') + '\n=====\n' + intake,
    'an intake started by a new [客户行业], no separator': intake + '\n' + intake + '\n' + intake,
    'the seed intakes': seedIntakeList().join('\n=====\n\n'),
    empty: '',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: LF, CRLF and CR only`, () => {
      assertKeys(text);
      assertKeys(withCrlf(text));
      assertKeys(withCr(text));
    });
  }

  it('mixed line breaks: a lone \\r before \\n-ended lines, \\r\\n between', () => {
    assertKeys(intake.replace(/\n/g, '\r') + '\r\n=====\n' + intake.replace(/\n/g, '\r\n') + '\r=====\r\n' + intake);
  });

  it('any text made of intake lines, separators, blanks and line breaks of every kind', () => {
    const line = fc.constantFrom('[客户行业]：银行', '[当前痛点]', '- 一 __(a/b)__', '# 标题', '=====', '-----', ' !!! ', '', ' ', '\ufeff', '\ufeff[业务规模]：大', '文字');
    const text = fc
      .array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 30 })
      .chain((lines) => fc.boolean().map((last) => ({ lines, last })))
      .map(({ lines, last }) => {
        const joined = lines.map(([l, eol]) => l + eol).join('');
        return last ? joined : joined.replace(/(\r\n|\r|\n)$/, '');
      });
    fc.assert(fc.property(text, assertKeys), { numRuns: 400 });
  });
});
