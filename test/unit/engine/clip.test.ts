import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { clip } from '../../../src/core/engine/understand/shared';

/** clip as first written, on an array of the text's characters: the reference the code-unit version must equal. */
function clipByArray(text: string, max: number, stops = '，；。,;'): string {
  if (text.length <= max) return text;
  const chars = [...text];
  if (chars.length <= max) return text;
  for (let i = max - 1; i >= Math.min(8, Math.floor(max / 2)); i--) if (stops.includes(chars[i]!)) return balancedRef(chars.slice(0, i).join(''));
  return balancedRef(chars.slice(0, max).join('')) + '…';
}

function balancedRef(text: string): string {
  let open = -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '（' || text[i] === '(') {
      if (depth === 0) open = i;
      depth++;
    } else if ((text[i] === '）' || text[i] === ')') && depth > 0) depth--;
  }
  return depth > 0 && open > 0 ? text.slice(0, open) : text;
}

describe('clip', () => {
  it('cuts at the last clause boundary within the limit, else at the limit with "…", never inside an open bracket', () => {
    assert.equal(clip('核心交易系统响应慢，高峰期延迟达到三秒以上', 16), '核心交易系统响应慢');
    assert.equal(clip('核心交易系统响应慢高峰期延迟达到三秒以上', 12), '核心交易系统响应慢高峰期…');
    assert.equal(clip('跑动（平均2.3次每单，高峰更多）与等待', 12), '跑动');
    assert.equal(clip('短句', 12), '短句');
  });

  it('counts characters, not code units: a surrogate pair is one character and is never split', () => {
    const text = '𠀀'.repeat(10);
    assert.equal(clip(text, 10), text);
    assert.equal(clip(text + '𠀀', 10), '𠀀'.repeat(10) + '…');
    // A lone surrogate is a character of its own.
    assert.equal(clip('\ud800'.repeat(11), 10), '\ud800'.repeat(10) + '…');
  });

  it('gives what cutting an array of the characters gave, on any text', () => {
    const unit = fc.constantFrom('a', '，', '；', '。', ',', ';', '（', '(', '）', ')', '中', '𠀀', '\ud800', '\udc00', ' ');
    const text = fc.array(unit, { maxLength: 60 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), fc.constantFrom(undefined, '，', '、；'), (t, max, stops) => assert.equal(clip(t, max, stops), clipByArray(t, max, stops))),
      { numRuns: 500 },
    );
  });
});
