import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzePlaceholder } from '../../../src/core/placeholder';

/**
 * The options rule as first written: split at every slash except a "per" slash after a quantity
 * (`2MB/s`, `15分钟/季度`), which stays as `/`; parts trimmed, empty ones dropped. The reference
 * for the scan in placeholder.ts, on text that is no prose, quote or example.
 */
const PER_UNIT = /(?<=\d[\p{L}%]{0,4})[/／](?=(?:s|秒|分钟|小时|天|日|周|月|季度|年)(?![\p{Script=Han}A-Za-z]))/gu;

function referenceParts(text: string): string[] {
  const per = new Set<number>();
  for (const m of text.matchAll(PER_UNIT)) per.add(m.index);
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ((ch === '/' || ch === '／') && !per.has(i)) {
      parts.push(current.trim());
      current = '';
    } else current += ch === '／' ? '/' : ch;
  }
  parts.push(current.trim());
  return parts.filter((p) => p.length > 0);
}

describe('analyzePlaceholder: options and "per" slashes', () => {
  it('keeps a slash before each unit after a quantity, and splits at the others', () => {
    assert.deepEqual(analyzePlaceholder('2MB/s/10MB/s').options, ['2MB/s', '10MB/s']);
    assert.deepEqual(analyzePlaceholder('$150万/年/按需').options, ['$150万/年', '按需']);
    for (const unit of ['s', '秒', '分钟', '小时', '天', '日', '周', '月', '季度', '年']) {
      assert.deepEqual(analyzePlaceholder(`3次/${unit}/不限`).options, [`3次/${unit}`, '不限'], unit);
      assert.deepEqual(analyzePlaceholder(`3次／${unit}x/不限`).options, ['3次', `${unit}x`, '不限'], unit);
    }
    assert.deepEqual(analyzePlaceholder('半年/季度').options, ['半年', '季度']);
    assert.deepEqual(analyzePlaceholder('3/分/秒钟').options, ['3', '分', '秒钟']);
  });

  it('gives the options the regular expression rule gives, on any text of quantities, units and slashes', () => {
    const unit = fc.constantFrom('1', '2', 'M', 'B', '%', 's', '秒', '分', '钟', '小', '时', '天', '日', '周', '月', '季', '度', '年', 'a', 'x', '政', '/', '／', ' ');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 24 }).map((xs) => xs.join('')), (inner) => {
        const text = inner.trim();
        const parts = referenceParts(text);
        const expected = text.length === 0 ? { options: [] } : parts.length >= 2 ? { options: [...new Set(parts)] } : { options: [], example: text };
        assert.deepEqual(analyzePlaceholder(inner), expected);
      }),
      { numRuns: 1000 },
    );
  });
});
