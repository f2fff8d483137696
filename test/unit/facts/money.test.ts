import * as assert from 'node:assert/strict';
import { findMoney, findPercents, formatMoney, parseMoney, type Money } from '../../../src/core/facts/money';

function one(text: string, bare = false): Money {
  const found = findMoney(text, { bare });
  assert.equal(found.length, 1, `one amount in ${JSON.stringify(text)}, got ${JSON.stringify(found.map((m) => m.text))}`);
  return found[0]!;
}

describe('analysis: money parsing', () => {
  const cases: Array<[string, number, Money['currency'], boolean, number | undefined, string]> = [
    // text, amount, currency, perYear, years, matched text
    ['$120万', 1_200_000, 'USD', false, undefined, '$120万'],
    ['$120万/年', 1_200_000, 'USD', true, undefined, '$120万/年'],
    ['¥500万', 5_000_000, 'CNY', false, undefined, '¥500万'],
    ['￥500万', 5_000_000, 'CNY', false, undefined, '￥500万'],
    ['500万元', 5_000_000, 'CNY', false, undefined, '500万元'],
    ['$1.5M', 1_500_000, 'USD', false, undefined, '$1.5M'],
    ['$250万', 2_500_000, 'USD', false, undefined, '$250万'],
    ['$180万（含3年服务费）', 1_800_000, 'USD', false, 3, '$180万'],
    ['$70万', 700_000, 'USD', false, undefined, '$70万'],
    ['US$2,000,000', 2_000_000, 'USD', false, undefined, 'US$2,000,000'],
    ['RMB 3亿', 300_000_000, 'CNY', false, undefined, 'RMB 3亿'],
    ['300万美元', 3_000_000, 'USD', false, undefined, '300万美元'],
    ['€300k', 300_000, 'EUR', false, undefined, '€300k'],
    ['$150万 / 年', 1_500_000, 'USD', true, undefined, '$150万 / 年'],
    ['每年$50万', 500_000, 'USD', true, undefined, '$50万'],
    ['3年合计$360万', 3_600_000, 'USD', false, 3, '$360万'],
    ['$360万/3年', 3_600_000, 'USD', false, 3, '$360万'],
    ['三年总预算¥900万', 9_000_000, 'CNY', false, 3, '¥900万'],
  ];
  for (const [text, amount, currency, perYear, years, matched] of cases) {
    it(`parses ${text}`, () => {
      const m = one(text);
      assert.equal(m.amount, amount);
      assert.equal(m.currency, currency);
      assert.equal(m.currencyExplicit, true);
      assert.equal(m.perYear, perYear);
      assert.equal(m.years, years);
      assert.equal(m.text, matched);
      assert.equal(text.slice(m.start, m.end), matched);
    });
  }

  it('reads a per-month and a per-quarter recurrence', () => {
    assert.equal(one('$5万/月').period, 'month');
    assert.equal(one('$5万/月').perYear, false);
    assert.equal(one('¥20万每季度').period, 'quarter');
  });

  it('accepts bare 万/亿 amounts only in a monetary context', () => {
    assert.deepEqual(findMoney('1.2亿'), []);
    const m = one('1.2亿', true);
    assert.equal(m.amount, 120_000_000);
    assert.equal(m.currency, 'CNY');
    assert.equal(m.currencyExplicit, false);
    assert.deepEqual(findMoney('预算80', { bare: true }), [], 'a bare number without 万/亿 is not money');
  });

  it('does not take counts, versions, instance types or percentages for money', () => {
    for (const text of ['用户量500万+', '日均理赔申请1.2万笔', 'EC2 c5.4xlarge 50节点', 'VM D4s_v3 30节点', '降低30%', 'Kafka 3.2（10 broker节点）', '2024 Q3前完成', '5年TCO对比模型', 'MySQL 8.0']) {
      assert.deepEqual(findMoney(text).map((m) => m.text), [], text);
    }
    assert.deepEqual(findMoney('用户量500万+', { bare: true }).map((m) => m.amount), [5_000_000], 'bare mode is the caller’s responsibility');
  });

  it('finds several amounts with their offsets and document ranges', () => {
    const text = '$120万/年，初期建设$70万（含Megaport专线部署）';
    const found = findMoney(text, { origin: { line: 61, character: 8 } });
    assert.deepEqual(
      found.map((m) => [m.text, m.amount, m.perYear]),
      [
        ['$120万/年', 1_200_000, true],
        ['$70万', 700_000, false],
      ],
    );
    const at = text.indexOf('$70万');
    assert.deepEqual(found[1]!.range, { start: { line: 61, character: 8 + at }, end: { line: 61, character: 8 + at + 4 } });
  });

  it('parseMoney returns the first amount', () => {
    assert.equal(parseMoney('总预算：$150万/年，分配比例：')?.amount, 1_500_000);
    assert.equal(parseMoney('没有金额'), undefined);
  });

  it('finds percentages, bracketed or not, without the brackets in the range', () => {
    const p = findPercents('初期建设60% vs 持续运维(40%) 与（12.5％）');
    assert.deepEqual(
      p.map((x) => [x.value, x.text, x.bracketed]),
      [
        [60, '60%', false],
        [40, '40%', true],
        [12.5, '12.5％', true],
      ],
    );
    const text = 'SLA 99.95%';
    const sla = findPercents(text, { line: 3, character: 2 })[0]!;
    assert.equal(sla.value, 99.95);
    assert.deepEqual(sla.range, { start: { line: 3, character: 6 }, end: { line: 3, character: 12 } });
    assert.deepEqual(findPercents('版本v1234%'), [], 'the tail of a longer number is not a percentage');
  });

  it('formats amounts in the style they were written', () => {
    assert.equal(formatMoney(3_600_000, 'USD', 'wan'), '$360万');
    assert.equal(formatMoney(1_800_000, 'USD'), '$1,800,000');
    assert.equal(formatMoney(150_000_000, 'CNY', 'wan'), '¥1.5亿');
    assert.equal(formatMoney(1_234_567.5, 'EUR'), '€1,234,567.5');
  });

  it('reads a currency sign or word in any ASCII case, as the per-currency patterns it replaced did', () => {
    // The patterns currencyOf tested before it looked the text up (money.ts), with their currency.
    const prefixes: Array<[RegExp, Money['currency']]> = [
      [/^(?:US\$|USD)$/i, 'USD'], [/^HK\$|^HKD$/i, 'HKD'], [/^S\$|^SGD$/i, 'SGD'], [/^(?:RMB|CNY|CN¥|人民币)$/i, 'CNY'],
      [/^(?:EUR|€)$/i, 'EUR'], [/^(?:GBP|£)$/i, 'GBP'], [/^(?:JPY|JP¥)$/i, 'JPY'], [/^[$＄]$/, 'USD'], [/^[¥￥]$/, 'CNY'],
    ];
    const suffixes: Array<[RegExp, Money['currency']]> = [
      [/^(?:元人民币|元|块|人民币|RMB|CNY)$/i, 'CNY'], [/^(?:美元|美金|USD)$/i, 'USD'], [/^(?:欧元|EUR)$/i, 'EUR'], [/^(?:英镑|GBP)$/i, 'GBP'],
      [/^(?:港币|港元|HKD)$/i, 'HKD'], [/^(?:新加坡元|新元|SGD)$/i, 'SGD'], [/^(?:日元|JPY)$/i, 'JPY'],
    ];
    const expected = (table: Array<[RegExp, Money['currency']]>, word: string) => table.find(([re]) => re.test(word))?.[1];
    // Every form in every mix of upper and lower case.
    const cases = (form: string): string[] =>
      [...form].reduce<string[]>((acc, c) => acc.flatMap((a) => (c.toLowerCase() === c.toUpperCase() ? [a + c] : [a + c.toLowerCase(), a + c.toUpperCase()])), ['']);
    const signs = ['US$', 'HK$', 'S$', 'CN¥', 'JP¥', 'USD', 'HKD', 'SGD', 'RMB', 'CNY', 'EUR', 'GBP', 'JPY', '人民币', '$', '＄', '¥', '￥', '€', '£'];
    for (const sign of signs.flatMap(cases)) {
      const m = one(`${sign}100`);
      assert.equal(m.currency, expected(prefixes, sign), sign);
      assert.equal(m.currencyExplicit, true, sign);
    }
    const words = ['元人民币', '人民币', '美元', '美金', '欧元', '英镑', '港币', '港元', '新加坡元', '新元', '日元', '元', '块', 'USD', 'RMB', 'CNY', 'EUR', 'GBP', 'HKD', 'SGD', 'JPY'];
    for (const word of words.flatMap(cases)) assert.equal(one(`100万 ${word}`).currency, expected(suffixes, word), word);
  });

  it('reads a currency code written right after a Chinese magnitude (100万USD), and still no letter magnitude run into a word', () => {
    const m = one('预算100万USD');
    assert.equal(m.amount, 1_000_000);
    assert.equal(m.currency, 'USD');
    assert.equal(m.text, '100万USD');
    assert.equal(one('3亿rmb/年').amount, 300_000_000);
    assert.equal(one('3亿rmb/年').perYear, true);
    // The M of Mbps is no magnitude: $1.5, not $1,500,000.
    assert.deepEqual(findMoney('带宽$1.5Mbps').map((x) => x.amount), [1.5]);
    assert.deepEqual(findMoney('5min'), []);
  });
});
