/** The redaction detectors added by issue 12, each on mixed Chinese and English text. */
import * as assert from 'node:assert/strict';
import { discoverPeople, findPatterns, shortForms, validLuhn } from '../../../src/core/text/detect';
import { redact } from '../../../src/core/llm/redact';
import { readSeed } from '../helpers/seeds';

/** The masked text and what each original became. */
function masked(text: string, discoverFrom = text): { text: string; by: Map<string, string> } {
  const r = redact(text, { discoverFrom });
  return { text: r.text, by: new Map(r.replacements.map((x) => [x.original, x.mask])) };
}

describe('redaction detectors (issue 12)', () => {
  it('bank cards: spaced or not, Luhn-checked, masked whole (never half as a phone)', () => {
    const text = 'Billing: corporate card 6222 0212 3456 7894, backup 4111111111111111；订单号 1234567812345678 不是卡号。';
    const r = masked(text);
    assert.ok(!r.text.includes('0212') && !r.text.includes('4111'), r.text);
    assert.equal(r.by.get('6222 0212 3456 7894'), '〔证件1〕');
    assert.ok(r.by.has('4111111111111111'));
    assert.ok(r.text.includes('1234567812345678'), 'a number that fails the Luhn check is kept');
    assert.ok(![...r.by.values()].some((m) => m.startsWith('〔电话')), 'no part of the card is taken for a phone');
    assert.ok(validLuhn('4111111111111111') && !validLuhn('4111111111111112'));
  });

  it('the short forms of a masked company name', () => {
    assert.deepEqual(shortForms('华东明远保险股份有限公司'), ['华东明远保险', '明远保险', '明远']);
    const intake = '- 客户名称：华东明远保险股份有限公司\n- 具体问题：明远的理赔慢';
    const r = masked('Mingyuan context: 明远保险 wants faster claims; 明远 ops team, 华东明远保险 HQ.', intake);
    for (const s of ['明远保险', '明远', '华东明远保险']) assert.ok(!r.text.includes(s), `${s}: ${r.text}`);
  });

  it('people named only in free text, and after a title (CTO李雷)', () => {
    const text = '项目由李明牵头，CTO李雷 will sign off；张伟表示 the budget is fixed。总监 王芳确认了范围。';
    const r = masked(text);
    for (const name of ['李明', '李雷', '张伟', '王芳']) assert.ok(!r.text.includes(name), `${name}: ${r.text}`);
    assert.ok(r.text.includes('CTO〔人名'), r.text);
  });

  it('people right before a title or an act, at the longest reach, and nobody where no surname comes before one', () => {
    // A compound surname and two Han characters outside the BMP: six code units before the word.
    assert.deepEqual(discoverPeople('Call 欧阳\u{20000}\u{20000}经理 today'), ['欧阳\u{20000}\u{20000}']);
    assert.deepEqual(discoverPeople('请 欧阳\u{20000}\u{20000}表示同意'), ['欧阳\u{20000}\u{20000}']);
    assert.deepEqual(discoverPeople('李总，张总工到场；由司马光负责'), ['李总', '张总工', '司马光']);
    assert.deepEqual(discoverPeople('上海本地驻场工程师；3年订阅制，要求包含季度优化调优服务'), []);
  });

  it('every phone, ID and e-mail pattern at the least its pre-check lets through, and nothing where it stops one', () => {
    const found = (text: string) => findPatterns(text).map((s) => `${s.kind}:${text.slice(s.start, s.end)}`);
    // The fewest digits, or the keyword in any case, each pattern can match with.
    assert.deepEqual(found('a@b.cn'), ['email:a@b.cn']);
    assert.deepEqual(found('ID 11010519491231002X ok'), ['id:11010519491231002X']);
    assert.deepEqual(found('card 4111 1111 1111 1111'), ['id:4111 1111 1111 1111']);
    assert.deepEqual(found('PASSPORT No. A12345'), ['id:A12345']);
    assert.deepEqual(found('PaSsPoRt number AB123456'), ['id:AB123456']);
    assert.deepEqual(found('统一社会信用代码：91310000MA1FL8XQ3X'), ['id:91310000MA1FL8XQ3X']);
    assert.deepEqual(found('往来港澳通行证号码 ab1234'), ['id:ab1234']);
    assert.deepEqual(found('E1234567'), ['id:E1234567']);
    assert.deepEqual(found('13812345678'), ['phone:13812345678']);
    assert.deepEqual(found('010 123 4567'), ['phone:010 123 4567']);
    assert.deepEqual(found('400 123 4567'), ['phone:400 123 4567']);
    assert.deepEqual(found('+1 2 345 6789'), ['phone:+1 2 345 6789']);
    // One digit short, or the keyword or sign missing: nothing.
    for (const text of ['a＠b.cn', 'ab.cn', '通行 ab1234', 'passpor ab123456', '1381234567', '+12', 'E123456']) assert.deepEqual(found(text), [], text);
  });

  it('full-width and dot-separated phone numbers', () => {
    const r = masked('Call １３８１２３４５６７８ or 138.1234.5678, office 021.6234.5678; version 1.2.3 stays.');
    assert.ok(!/１３８|138\.1234|021\.6234/.test(r.text), r.text);
    assert.ok(r.text.includes('version 1.2.3 stays'));
    assert.equal([...r.by.values()].filter((m) => m.startsWith('〔电话')).length, 3);
  });

  it('港澳通行证 and 回乡证 numbers', () => {
    const r = masked('审计联系人港澳通行证C12345678，travel permit W87654321；回乡证 H1234567801。');
    assert.ok(!/C12345678|W87654321|H1234567801/.test(r.text), r.text);
  });

  it('still masks nothing in the seed intakes', () => {
    const seed = readSeed();
    const r = redact(seed, { discoverFrom: seed });
    assert.deepEqual(r.replacements.map((x) => `${x.kind}:${x.original}`), []);
  });
});
