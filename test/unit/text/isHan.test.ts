/**
 * isHan (src/core/text/isHan.ts) answers as `\p{Script=Han}` does, and placeholder.ts's unit test
 * with it as the pattern with the lookahead it stands for.
 */
import * as assert from 'node:assert/strict';
import { unitAt } from '../../../src/core/placeholder';
import { isHan } from '../../../src/core/text/isHan';

const HAN = /^\p{Script=Han}$/u;

describe('isHan', () => {
  it('answers as \\p{Script=Han} for every code point it tells without the pattern, and others', () => {
    const ranges: Array<[number, number]> = [
      [0, 0x7f],
      [0x2000, 0x206f],
      [0x3000, 0x303f],
      [0x4e00, 0x9fff],
      [0xff00, 0xff20],
      // Others, which ask the pattern: Latin, kana, Hangul, extension A, compatibility ideographs, astral Han.
      [0x80, 0x2ff],
      [0x3040, 0x30ff],
      [0x3400, 0x3420],
      [0xac00, 0xac10],
      [0xf900, 0xf910],
      [0xd7ff, 0xe001],
      [0x20000, 0x20010],
      [0x2ebf0, 0x2ebf5],
    ];
    let han = 0;
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const want = HAN.test(String.fromCodePoint(cp));
        assert.equal(isHan(cp), want, `U+${cp.toString(16)}`);
        if (want) han++;
      }
    }
    assert.ok(han > 20000, `${han} Han code points`);
  });
});

describe('placeholder units after a slash', () => {
  const UNIT_AFTER = /(?:s|秒|分钟|小时|天|日|周|月|季度|年)(?![\p{Script=Han}A-Za-z])/uy;
  it('finds a unit where the pattern with the Han lookahead does', () => {
    const units = ['s', '秒', '分钟', '小时', '天', '日', '周', '月', '季度', '年', '季', '分', 'x', '时'];
    const after = ['', 'a', 'Z', '1', ' ', '，', '。', '）', '/', '度', '内', '々', '〇', 'ſ', 'Ａ', '\u212a', '𠀀', '\ud800', '\udc00', 'é', 'の', '한'];
    let found = 0;
    for (const unit of units) {
      for (const next of after) {
        const text = `15/${unit}${next}`;
        UNIT_AFTER.lastIndex = 3;
        const want = UNIT_AFTER.test(text);
        assert.equal(unitAt(text, 3), want, JSON.stringify(text));
        if (want) found++;
      }
    }
    assert.ok(found > 50, `${found} units found`);
  });
});
