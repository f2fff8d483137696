import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { getFoldingRanges } from '../../../src/core/features/folding';
import { readSeed } from '../helpers/seeds';
import { splitLines } from '../helpers/ranges';

describe('features: folding', () => {
  const seed = readSeed();
  const lines = splitLines(seed);
  const ranges = getFoldingRanges(parseIntake(seed));
  const startingAt = (text: string, nth = 0) => {
    const line = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith(text))[nth]![1];
    return ranges.find((r) => r.startLine === line);
  };

  it('returns only multi-line ranges inside the document, one per start line, sorted', () => {
    assert.ok(ranges.length > 40);
    let last = -1;
    for (const r of ranges) {
      assert.ok(r.endLine > r.startLine, JSON.stringify(r));
      assert.ok(r.startLine >= 0 && r.endLine < lines.length, JSON.stringify(r));
      assert.ok(r.startLine > last, 'sorted, unique start lines');
      last = r.startLine;
    }
  });

  it('folds each intake as a region; later ones from their separator line', () => {
    const regions = ranges.filter((r) => r.kind === 'region');
    assert.equal(regions.length, 4);
    assert.deepEqual(regions[0], { startLine: 0, endLine: 41, kind: 'region' });
    assert.equal(lines[regions[1]!.startLine], '=====');
    assert.ok(lines[regions[1]!.endLine]!.startsWith('- 服务等级：SLA 99.95%'));
    assert.equal(lines[regions[2]!.startLine], '===!!!');
    assert.equal(lines[regions[3]!.startLine]!.trim(), '!!!!!');
    assert.equal(regions[3]!.endLine, lines.length - 1 - [...lines].reverse().findIndex((l) => l.trim() !== ''));
  });

  it('folds sections, heading blocks and fields with children', () => {
    const infra = startingAt('[基础设施现状]')!;
    assert.equal(infra.endLine - infra.startLine, 9);
    const cloud = startingAt('- 云环境：')!;
    assert.equal(cloud.endLine - cloud.startLine, 2);
    const heading = startingAt('### 二、')!;
    assert.ok(lines[heading.endLine]!.includes('效果：'), lines[heading.endLine]);
    const section = startingAt('[当前痛点]', 2)!;
    assert.equal(section.startLine, heading.startLine + 1);
    assert.equal(section.endLine, heading.endLine);
    const nested = startingAt('  - 分配比例：')!;
    assert.equal(nested.endLine - nested.startLine, 4);
  });

  it('does not fold single-line fields or sections', () => {
    assert.equal(startingAt('- 细分领域：'), undefined);
    assert.equal(startingAt('- 合规性：'), undefined);
  });

  it('handles empty and odd input', () => {
    assert.deepEqual(getFoldingRanges(parseIntake('')), []);
    assert.deepEqual(getFoldingRanges(parseIntake('[客户行业]：保险\n')), []);
    for (const r of getFoldingRanges(parseIntake('=====\n\n[a]\n- b：\n  - c\n=====\n'))) assert.ok(r.endLine > r.startLine);
  });
});
