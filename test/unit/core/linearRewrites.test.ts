/**
 * The helpers that were rewritten to run in linear time (issue 12) keep their meaning: each was
 * a regular expression that backtracked quadratically on a long run of quotes, blanks or digits.
 * (How fast they are is the fuzz suite's job: test/fuzz/linearTime.test.ts.)
 */
import * as assert from 'node:assert/strict';
import { analyzePlaceholder } from '../../../src/core/placeholder';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { CLAUSE_SEPARATOR, clauseAround, dropTrailingZeros, formatCompact, formatNumber } from '../../../src/core/facts/lines';
import { MAX_ANALYSIS_LINE } from '../../../src/core/analysis/analyze';
import { parseVersionText } from '../../../src/core/analysis/standards';
import { generateReport } from '../../../src/core/engine/generate';
import { normalizedBaseUrl } from '../../../src/core/llm/config';
import { verifyReport } from '../../../src/core/llm/verify';
import { refLines } from '../../../src/core/render/markdownIt';
import { clauseLocator } from '../../../src/core/text/clauses';
import { GOOD_REPORT } from '../llm/responses';

describe('linear-time rewrites keep their meaning', () => {
  it('placeholder samples: the first quoted text, skipping empty quotes', () => {
    assert.equal(analyzePlaceholder('如「500万+」').example, '500万+');
    assert.equal(analyzePlaceholder('“”说明“x”').example, 'x');
    assert.equal(analyzePlaceholder('""a"').example, 'a');
    assert.equal(analyzePlaceholder('“a“b”').example, 'a“b');
    // No closing quote: not a quoted sample.
    assert.deepEqual(analyzePlaceholder('“a/b'), { options: ['“a', 'b'] });
    const long = `“${'“a'.repeat(50_000)}`;
    assert.equal(analyzePlaceholder(long).example, long);
  });

  it('LLM headings: padded, numbered and closed headings are recognised', () => {
    const file = parseIntake('[客户行业]：保险\n');
    const model = generateReport(file, 0);
    const padded = GOOD_REPORT.replace('## 业务需求分析', `##${' '.repeat(4000)}一、业务需求分析${' '.repeat(4000)}##`).replace('## 风险提示', '### 7. **风险提示** ###');
    assert.ok(!verifyReport(padded, model, file.intakes[0]!).some((f) => f.code === 'llm.missing-section'));
    const missing = verifyReport(GOOD_REPORT.replace('## 风险提示', `# x${' '.repeat(4000)}y`), model, file.intakes[0]!);
    assert.match(missing.find((f) => f.code === 'llm.missing-section')!.message, /风险提示/);
  });

  it('version texts: a year after a hyphen, trailing .0 dropped', () => {
    assert.equal(parseVersionText('ISO/IEC 27001-2022（现行）')?.version, '2022');
    assert.equal(parseVersionText('ISO/IEC 27001-2022（现行）')?.designation, 'ISO/IEC 27001-2022');
    assert.equal(parseVersionText('GB/T 22239，2019-2020'), undefined);
    assert.equal(parseVersionText('v4.0.0')?.version, '4');
    assert.equal(parseVersionText('v4.0.1')?.version, '4.0.1');
  });

  it('numbers: thousands grouped, trailing zeros dropped', () => {
    assert.equal(formatNumber(1234567.891, 2), '1,234,567.89');
    assert.equal(formatNumber(-1000), '-1,000');
    assert.equal(formatNumber(999), '999');
    assert.equal(formatCompact(15), '15');
    assert.equal(formatCompact(65.7), '65.7');
    assert.equal(dropTrailingZeros('12.50'), '12.5');
    assert.equal(dropTrailingZeros('100'), '100');
    assert.equal(dropTrailingZeros('1.00'), '1');
  });

  it('citation lists and base URLs', () => {
    assert.deepEqual(refLines('L12, L15，L3 、 L4'), [11, 14, 2, 3]);
    assert.equal(normalizedBaseUrl(new URL('http://localhost:11434/v1///')), 'http://localhost:11434/v1');
  });

  it('clauses found once agree with a scan from each position', () => {
    const text = '总预算$100万，其中建设$60万；运维$40万。';
    const at = clauseLocator(text, CLAUSE_SEPARATOR);
    for (let i = 0; i <= text.length; i++) assert.deepEqual(at(i), clauseAround(text, i), `at ${i}`);
  });

  it('a clause around a span, within a bounded reach', () => {
    const text = '需符合《网络安全法》，不涉及《个人信息保护法》及相关配套规定';
    const title = text.indexOf('《个人');
    const span = { to: text.indexOf('》', title) + 1 };
    assert.deepEqual(clauseAround(text, title, CLAUSE_SEPARATOR, span), { start: text.indexOf('不涉及'), end: text.length });
    // Two characters either side at most: the scan stops short of both breaks.
    assert.deepEqual(clauseAround(text, title, CLAUSE_SEPARATOR, { ...span, reach: 2 }), { start: title - 2, end: span.to + 2 });
  });
});

describe('intake.line-too-long', () => {
  it('skips the analysis of a line over the limit and says so', () => {
    const filler = '，'.repeat(MAX_ANALYSIS_LINE);
    const text = `[预算限制]：\n- 总预算：$100万\n- 分配比例：建设60%，运维60%${filler}\n`;
    const diags = validate(parseIntake(text));
    assert.ok(!diags.some((d) => d.code === 'intake.budget-sum'), 'the long line is not checked');
    const long = diags.find((d) => d.code === 'intake.line-too-long')!;
    assert.equal(long.severity, 'information');
    assert.equal(long.range.start.line, 2);
    assert.match(long.message, new RegExp(`skip lines longer than ${MAX_ANALYSIS_LINE} characters`));
    // Under the limit, the same line is checked.
    assert.ok(validate(parseIntake(`[预算限制]：\n- 总预算：$100万\n- 分配比例：建设60%，运维60%\n`)).some((d) => d.code === 'intake.budget-sum'));
  });
});
