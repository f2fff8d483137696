/** Redaction: what is masked, stable placeholders, un-masking (also of split stream deltas). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { validChineseId } from '../../../src/core/text/detect';
import { redact, Redactor, StreamUnmasker, unmask } from '../../../src/core/llm/redact';
import { seedPath } from '../helpers/seeds';
import { PLANTED, readLlmFixture } from './responses';


describe('llm redaction', () => {
  const text = readLlmFixture('llm/pii.intake');
  const result = redact(text);

  it('masks planted company names, people, phones, e-mails and ID numbers', () => {
    for (const [kind, list] of Object.entries(PLANTED)) {
      for (const original of list) {
        assert.ok(!result.text.includes(original), `${kind} ${original} still in:\n${result.text}`);
        const r = result.replacements.find((x) => x.original === original);
        assert.ok(r, `${original} not listed`);
        assert.equal(r.kind, kind, original);
      }
    }
    assert.match(result.text, /客户名称：〔客户A〕（以下简称“〔客户B〕”）/);
    assert.match(result.text, /联系人：〔人名1〕（CIO），手机〔电话1〕，邮箱 〔邮箱1〕/);
    assert.match(result.text, /身份证号〔证件\d〕，护照〔证件\d〕/);
  });

  it('keeps what is not personal: amounts, percentages, versions, dates, places, industry words', () => {
    for (const keep of ['$120万/年', '99.95%', 'PCI DSS v4.0.1', '200万+', '1.2万笔', 'AWS北京', '车险理赔自动化', '中国保险业监管', '6个月', '<150ms']) assert.ok(result.text.includes(keep), keep);
  });

  it('masks the same original with the same placeholder every time, across texts', () => {
    const r = new Redactor({ discoverFrom: text });
    const a = r.redact('明远保险与张伟，电话13812345678');
    const b = r.redact('再次联系张伟（13812345678），明远保险');
    assert.equal(a, '〔客户A〕与〔人名1〕，电话〔电话1〕');
    assert.equal(b, '再次联系〔人名1〕（〔电话1〕），〔客户A〕');
    assert.equal(r.replacements.find((x) => x.original === '张伟')!.count, 2);
  });

  it('masks configured names and spares kept ones', () => {
    const r = redact('本项目由蓝海科技承建，设备采购自华为技术有限公司。', { names: ['蓝海科技'], keep: ['华为'] });
    assert.equal(r.text, '本项目由〔客户A〕承建，设备采购自华为技术有限公司。');
  });

  it('finds phone numbers in their usual spellings', () => {
    for (const phone of ['138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '(010)12345678', '0755-8888 8888', '400-820-8820', '+44 20 7946 0958']) {
      const r = redact(`请拨打${phone}。`);
      assert.equal(r.text, '请拨打〔电话1〕。', phone);
    }
    // Not phones: versions, standards, dates, amounts, sizes.
    const r = redact('JR/T 0197-2020，GB/T 22239-2019，2024-12-31，$1,200,000，80TB，10 broker节点，端口8080，13812345678901');
    assert.deepEqual(r.replacements, []);
  });

  it('masks 18-digit ID numbers only with a valid check digit', () => {
    assert.equal(validChineseId('11010519491231002X'), true);
    assert.equal(validChineseId('440305198506151233'), true);
    assert.equal(validChineseId('440305198506151234'), false);
    assert.equal(redact('号码440305198506151234').replacements.length, 0);
    assert.equal(redact('号码440305198506151233').text, '号码〔证件1〕');
  });

  it('masks nothing in the seed intakes (no personal data there)', () => {
    assert.deepEqual(redact(fs.readFileSync(seedPath(), 'utf8')).replacements, []);
    assert.deepEqual(redact(readLlmFixture('analysis.intake')).replacements, []);
  });

  it('un-masks the model text, leaving unknown placeholders and citations alone', () => {
    const text2 = '〔客户A〕的〔人名1〕〔L3〕提到〔客户Z〕。';
    assert.equal(unmask(text2, result.replacements), '华东明远保险股份有限公司的张伟〔L3〕提到〔客户Z〕。');
  });

  it('un-masks a stream whose placeholders are split across deltas', () => {
    const u = new StreamUnmasker(result.replacements);
    const pieces = ['联系〔', '人名', '1〕，见〔L', '3〕；〔客户', 'A〕', '。〔未闭合'];
    const shown = pieces.map((p) => u.push(p)).join('') + u.flush();
    assert.equal(shown, '联系张伟，见〔L3〕；华东明远保险股份有限公司。〔未闭合');
    // Nothing shown ever holds half a mask.
    const u2 = new StreamUnmasker(result.replacements);
    assert.equal(u2.push('前文〔客'), '前文');
    assert.equal(u2.push('户A〕后文'), '华东明远保险股份有限公司后文');
  });
});
