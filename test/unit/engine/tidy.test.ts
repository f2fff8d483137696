import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { tidy } from '../../../src/core/engine/text/restate';
import { trimEndOf } from '../../../src/core/engine/text/trim';

const LEAD_INS = ['导致', '造成', '具体问题', '问题现象', '已尝试', '尝试', '实现', '达成', '完成', '确保'];

/** tidy as first written: every lead-in tried in turn, then the leading and trailing punctuation. */
function tidyRef(text: string): string {
  let t = text.trim();
  for (const w of LEAD_INS) if (t.startsWith(w)) t = t.slice(w.length);
  return trimEndOf(t.replace(/^[，,：:]+/, ''), '。；;，,').trim();
}

describe('tidy', () => {
  it('drops lead-in words, in turn, and the punctuation around the line', () => {
    assert.equal(tidy('  导致：订单延迟300ms。 '), '订单延迟300ms');
    assert.equal(tidy('已尝试尝试扩容；'), '扩容');
    assert.equal(tidy('实现达成完成确保上线，'), '上线');
    assert.equal(tidy('订单延迟'), '订单延迟');
    assert.equal(tidy(''), '');
  });

  it('gives what trying every lead-in on every line gave, on any text', () => {
    const piece = fc.constantFrom(...LEAD_INS, ...LEAD_INS.map((w) => w.charAt(0)), '，', ',', '：', ':', '。', '；', ' ', '\u3000', 'a', '中', '𠀀');
    const text = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (t) => assert.equal(tidy(t), tidyRef(t))),
      { numRuns: 1000, seed: 20261205 },
    );
  });
});
