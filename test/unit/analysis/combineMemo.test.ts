import * as assert from 'node:assert/strict';
import { AnalysisChunk, chunkFindings, CombineMemo } from '../../../src/core/analysis/analyze';
import { getFieldCatalog } from '../../../src/core/catalog/catalog';
import { buildSectionLines } from '../../../src/core/facts/lines';
import { parseIntake } from '../../../src/core/parser';
import { plain } from '../helpers/ranges';
import { analysisFixture, listAnalysisFixtures } from './helpers';

/** The chunks of intake `index` of `text`, one per section, as the validator makes them. */
function chunksOf(text: string, index = 0): AnalysisChunk[] {
  const catalog = getFieldCatalog();
  return parseIntake(text).intakes[index]!.sections.map((s) => AnalysisChunk.of(buildSectionLines(s, catalog)));
}

describe('analysis: CombineMemo (what each check combined last, per intake)', () => {
  it('keeps each check’s findings with the chunks they were made from', () => {
    const memo = new CombineMemo();
    const chunks = chunksOf(analysisFixture('latency-bad'));
    const found = chunkFindings(chunks, memo);
    assert.ok(found.length > 0, 'the fixture has findings');
    assert.equal(memo.chunks, chunks);
    assert.ok(memo.findings.length > 1);
    assert.ok(memo.findings.every((f) => Array.isArray(f)));
    assert.ok(found.every((f) => memo.findings.some((list) => list?.includes(f))), 'each finding is one a check keeps');
  });

  it('gives every check its findings of last time when the chunks read the same (new chunks of the same text)', () => {
    const memo = new CombineMemo();
    const text = analysisFixture('latency-bad');
    chunkFindings(chunksOf(text), memo);
    const before = memo.findings;
    const again = chunksOf(text);
    chunkFindings(again, memo);
    assert.equal(memo.chunks, again);
    before.forEach((list, r) => assert.equal(memo.findings[r], list, `check ${r} combined again`));
  });

  it('combines again only the checks whose reading changed, with the findings of a fresh run', () => {
    const memo = new CombineMemo();
    const text = analysisFixture('latency-bad');
    chunkFindings(chunksOf(text), memo);
    const before = memo.findings;
    const edited = text.replace('<100ms', '<50ms');
    assert.notEqual(edited, text);
    const found = chunkFindings(chunksOf(edited), memo);
    const changed = before.filter((list, r) => memo.findings[r] !== list).length;
    assert.ok(changed >= 1 && changed < before.length, `${changed} of ${before.length} checks combined again`);
    assert.deepEqual(plain(found), plain(chunkFindings(chunksOf(edited))));
  });

  it('compares a latency reading line by line: a line that names the same places keeps the findings, one that names another combines again', () => {
    const memo = new CombineMemo();
    const text = analysisFixture('latency-bad');
    chunkFindings(chunksOf(text), memo);
    const latency = memo.findings.findIndex((list) => list?.some((f) => f.check === 'latency-physics'));
    assert.ok(latency >= 0, 'the fixture has a latency finding');
    const before = memo.findings[latency];
    const samePlaces = text.replace('VM 100节点', 'VM 200节点');
    assert.notEqual(samePlaces, text);
    chunkFindings(chunksOf(samePlaces), memo);
    assert.equal(memo.findings[latency], before, 'the same places: not combined again');
    const moved = text.replace('新加坡数据中心', '上海数据中心');
    assert.notEqual(moved, text);
    const found = chunkFindings(chunksOf(moved), memo);
    assert.notEqual(memo.findings[latency], before, 'another place: combined again');
    assert.deepEqual(plain(found), plain(chunkFindings(chunksOf(moved))));
    assert.notDeepEqual(plain(found), plain(chunkFindings(chunksOf(text))));
  });

  it('gives, shared by the versions of every fixture, the findings of a run without it', () => {
    const memo = new CombineMemo();
    for (const name of listAnalysisFixtures()) {
      const text = analysisFixture(name);
      for (const version of [text, `${text}\n- 备注：无\n`, text]) {
        assert.deepEqual(plain(chunkFindings(chunksOf(version), memo)), plain(chunkFindings(chunksOf(version))), name);
      }
    }
  });
});
