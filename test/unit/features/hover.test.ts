import * as assert from 'node:assert/strict';
import type { Position } from '../../../src/core/document';
import { parseIntake } from '../../../src/core/parser';
import { getHover } from '../../../src/core/features/hover';
import { readSeed, seedIntakes } from '../helpers/seeds';
import { rangeProblem, splitLines } from '../helpers/ranges';

/** The position of the `nth` occurrence of `needle` in `text`, plus `offset` characters. */
function find(text: string, needle: string, offset = 0, nth = 0): Position {
  const lines = splitLines(text);
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    let at = lines[line]!.indexOf(needle);
    while (at >= 0) {
      if (seen++ === nth) return { line, character: at + offset };
      at = lines[line]!.indexOf(needle, at + 1);
    }
  }
  throw new Error(`"${needle}" not found`);
}

describe('features: hover', () => {
  const seeds = seedIntakes();
  const seed = readSeed();
  const file = parseIntake(seed);

  it('describes a bold key written with a synonym', () => {
    const at = find(seed, '**细分场景**', 3);
    const hover = getHover(file, at, 'en');
    assert.ok(hover);
    assert.match(hover.markdown, /\*\*细分领域\*\*/, 'canonical name');
    assert.ok(hover.markdown.includes('"细分场景", a synonym of "细分领域"'), hover.markdown);
    assert.ok(hover.markdown.includes('The business scenario within the industry'));
    assert.ok(hover.markdown.includes('Required'));
    assert.ok(hover.markdown.includes('Feeds: 业务需求分析, 推荐系统方案'), hover.markdown);
    assert.equal(hover.range.start.line, at.line);
    assert.equal(seed.split('\n')[at.line]!.slice(hover.range.start.character, hover.range.end.character), '细分场景');
  });

  it('answers over the ** markers of a bold key too', () => {
    const at = find(seed, '**细分场景**', 0);
    assert.ok(getHover(file, at, 'en')?.markdown.includes('细分领域'));
  });

  it('describes a plain key in the locale, without a synonym note', () => {
    const hover = getHover(file, find(seed, '- 业务规模：', 3, 1), 'zh-cn');
    assert.ok(hover);
    assert.ok(hover.markdown.includes('用户量、交易量、数据量和峰值并发'), hover.markdown);
    assert.ok(!hover.markdown.includes('synonym'));
    assert.ok(hover.markdown.includes('业务需求分析, 推荐系统方案, 成本效益分析'));
  });

  it('says optional for an optional field and lists its values', () => {
    const hover = getHover(file, find(seed, '支持响应', 1), 'en');
    assert.ok(hover);
    assert.ok(hover.markdown.includes('Optional'));
    assert.ok(hover.markdown.includes('7x24中文支持'));
  });

  it('resolves a nested synonym through its parent (技术 under 成功标尺 is 技术验收)', () => {
    const hover = getHover(file, find(seed, '  - 技术：', 4), 'en');
    assert.ok(hover?.markdown.includes('**技术验收**'), hover?.markdown);
  });

  it('describes a section name with its values', () => {
    const hover = getHover(file, find(seed, '[客户行业]', 2, 1), 'en');
    assert.ok(hover);
    assert.ok(hover.markdown.includes('[客户行业]'));
    assert.ok(hover.markdown.includes('保险, 银行'));
    assert.ok(hover.markdown.includes('Feeds: 业务需求分析, 推荐系统方案, 成本效益分析'));
  });

  it('describes a placeholder with its options', () => {
    const hover = getHover(file, find(seed, '__(保险/政府', 4), 'en');
    assert.ok(hover);
    assert.ok(hover.markdown.includes('保险 / 政府 / 航空 / 零售'), hover.markdown);
    assert.ok(hover.markdown.includes('客户行业'));
  });

  it('describes an example placeholder', () => {
    const hover = getHover(file, find(seed, '__(如「500万+」)__', 4), 'en');
    assert.ok(hover?.markdown.includes('For example: 500万+'), hover?.markdown);
  });

  it('flags a key the catalog does not know', () => {
    const text = `${seeds.insurance}`.replace('- 细分领域：', '- 奇怪字段：');
    const hover = getHover(parseIntake(text), find(text, '奇怪字段', 1), 'en');
    assert.ok(hover?.markdown.includes('is not a known field of \\[客户行业\\]'), hover?.markdown);
  });

  it('returns nothing over plain value text or blank lines', () => {
    assert.equal(getHover(file, find(seed, '车险理赔自动化', 2), 'en'), undefined);
    assert.equal(getHover(file, { line: 3, character: 0 }, 'en'), undefined);
  });

  it('returns ranges inside the document for every position of the seed', () => {
    const lines = splitLines(seed);
    let hovers = 0;
    lines.forEach((text, line) => {
      for (let character = 0; character <= text.length; character++) {
        const h = getHover(file, { line, character }, 'en');
        if (!h) continue;
        hovers++;
        assert.equal(rangeProblem(lines, h.range), undefined);
        assert.ok(h.range.start.character <= character + 2 && character - 2 <= h.range.end.character, `hover range far from ${line}:${character}`);
      }
    });
    assert.ok(hovers > 500);
  });
});
