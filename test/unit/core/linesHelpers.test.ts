/**
 * isBlank and formatNumber were rewritten for speed (a blanked placeholder recognised by
 * identity; thousands grouped by slices): each must give what the old function gives, kept here
 * as the reference.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildSectionLines, formatNumber, isBlank } from '../../../src/core/facts/lines';
import { memoizedLookup } from '../../../src/core/facts/facts';
import { getFieldCatalog } from '../../../src/core/catalog/catalog';
import { isJsSpace } from '../../../src/core/document';
import { parseIntake } from '../../../src/core/parser';

function oldIsBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isJsSpace(text.charCodeAt(i))) return false;
  return true;
}

function oldFormatNumber(n: number, decimals = 0): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  let grouped = '';
  for (let i = 0; i < int!.length; i++) {
    if (i > 0 && (int!.length - i) % 3 === 0) grouped += ',';
    grouped += int![i];
  }
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

describe('lines helpers, rewritten', () => {
  it('isBlank: as the scan says, for blanks, text and blanked placeholders', () => {
    const piece = fc.constantFrom(' ', '\t', '\u3000', '\u00a0', '\ufeff', 'a', '中', '_', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 300 }), (parts) => {
        const text = parts.join('');
        assert.equal(isBlank(text), oldIsBlank(text), JSON.stringify(text));
      }),
      { numRuns: 500 },
    );
  });

  it('isBlank: the lines of blanked placeholders, of every length, and lines that only start blank', () => {
    const lookup = memoizedLookup(getFieldCatalog());
    for (const n of [1, 5, 40, 255, 256, 300]) {
      const inner = 'x'.repeat(n);
      const text = `[当前痛点]：\n- 痛点：__(${inner})__\n- 其他：__(${inner})__ 尾\n- 再：  __(${inner})__\n`;
      const section = parseIntake(text).intakes[0]!.sections[0]!;
      const lines = buildSectionLines(section, lookup);
      assert.equal(lines.length, 3);
      for (const line of lines) assert.equal(isBlank(line.text), oldIsBlank(line.text), JSON.stringify(line.text));
      assert.equal(isBlank(lines[0]!.text), true);
      assert.equal(isBlank(lines[1]!.text), false);
      // A string of spaces of the same length that is not a blanked placeholder.
      assert.equal(isBlank(' '.repeat(lines[0]!.text.length)), true);
      assert.equal(isBlank(`${' '.repeat(lines[0]!.text.length - 1)}x`), false);
    }
  });

  it('formatNumber: as the old one, for integers, decimals, negatives and the odd ones', () => {
    for (const n of [0, -0, 1, 12, 123, 1234, 12345, 123456, 1234567, -1234.5, 1e20, 1e21, 1.5e300, Number.NaN, Infinity, -Infinity, 0.5, 999.999, -0.001, 0.0049]) {
      for (const d of [0, 1, 2, 5]) assert.equal(formatNumber(n, d), oldFormatNumber(n, d), `${n} ${d}`);
    }
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: false }), fc.integer({ min: -1e12, max: 1e12 }).map((x) => x / 100)), fc.integer({ min: 0, max: 6 }), (n, d) => {
        assert.equal(formatNumber(n, d), oldFormatNumber(n, d));
      }),
      { numRuns: 1000 },
    );
  });
});
