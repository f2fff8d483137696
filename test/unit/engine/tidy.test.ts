import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { goalClauses, tidy, withoutDeadline } from '../../../src/core/engine/text/restate';
import { trimEndOf } from '../../../src/core/engine/text/trim';
import { leadingDeadlineVerb } from '../../../src/core/engine/text/deadlines';

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

describe('a goal without its leading deadline', () => {
  it('drops the deadline with the words that go with it, and keeps the clause\'s subject', () => {
    assert.deepEqual(goalClauses('18个月内三厂上线统一MES：批次追溯时间从6小时降到10分钟以内'), ['三厂上线统一MES', '批次追溯时间从6小时降到10分钟以内']);
    assert.deepEqual(goalClauses('在6个月内完成迁移'), ['迁移']);
    assert.deepEqual(goalClauses('一年内完成邮件系统信创替代'), ['邮件系统信创替代']);
    // The subject before the deadline is what the clause is about.
    assert.deepEqual(goalClauses('主要接口半年内迁移到平台'), ['主要接口迁移到平台']);
    assert.equal(withoutDeadline('主要接口6个月内迁移到平台'), '主要接口迁移到平台');
    // An occasion the deadline dates goes with it.
    assert.equal(withoutDeadline('下学期开学前（6个月内）完成无线全覆盖'), '无线全覆盖');
  });

  it('gives back the verb the deadline took, for a lead that writes the deadline back ("18个月内建成PLM平台")', () => {
    assert.equal(leadingDeadlineVerb('18个月内建成PLM平台，统一图文档、BOM与工程变更管理'), '建成');
    assert.equal(leadingDeadlineVerb('在6个月内完成迁移'), '完成');
    assert.equal(leadingDeadlineVerb('2027年6月底前实现集团会计资料电子化归档'), '实现');
    // None taken, none given: the clause keeps its own verb ("上线"), or starts with its subject.
    assert.equal(leadingDeadlineVerb('9个月内上线高级计划排程（APS）'), '');
    assert.equal(leadingDeadlineVerb('主要接口半年内完成迁移'), '');
    assert.equal(leadingDeadlineVerb('建设冷链全程温湿度监测平台'), '');
  });
});
