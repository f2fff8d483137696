/**
 * FindingsCache keeps an intake's findings by its text: the list the intake keeps (not a copy),
 * handed back as it is where the intake has not moved, and as a moved copy where it has.
 */
import * as assert from 'node:assert/strict';
import type { AnalysisFinding } from '../../../src/core/analysis/analyze';
import { Codes } from '../../../src/core/diagnostics';
import { FindingsCache, type IntakeTexts } from '../../../src/core/documents/findingsCache';
import { msg } from '../../../src/core/l10n';
import { LineRange } from '../../../src/core/lineRange';
import type { IntakeFile } from '../../../src/core/model';

function finding(line: number): AnalysisFinding {
  return { check: 'wording', code: Codes.wording, severity: 'information', message: msg('m'), range: new LineRange(line, 2, line, 5), lines: [line, line + 1], numbers: {} };
}

describe('FindingsCache', () => {
  it('keeps the list it is given, and gives it back where the intake has not moved', () => {
    const cache = new FindingsCache();
    const version = {};
    const list = [finding(10), finding(12)];
    cache.set(version, 'text', 8, list);
    assert.equal(cache.get({}, 'text', 8), list);
    assert.equal(cache.get({}, 'other', 8), undefined);
  });

  it('gives a moved copy where the intake starts on another line, leaving the kept list as it was', () => {
    const cache = new FindingsCache();
    const list = [finding(10), finding(12)];
    cache.set({}, 'text', 8, list);
    const down = cache.get({}, 'text', 11)!;
    assert.deepEqual(
      down.map((f) => [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character, f.lines]),
      [
        [13, 2, 13, 5, [13, 14]],
        [15, 2, 15, 5, [15, 16]],
      ],
    );
    const up = cache.get({}, 'text', 0)!;
    assert.deepEqual(up.map((f) => f.lines), [[2, 3], [4, 5]]);
    assert.deepEqual(list.map((f) => f.lines), [[10, 11], [12, 13]]);
    assert.equal(cache.get({}, 'text', 8), list);
  });

  it('forgets what the last versions did not use', () => {
    const cache = new FindingsCache();
    cache.set({}, 'old', 0, [finding(1)]);
    for (let i = 0; i < 8; i++) cache.get({}, 'other', 0);
    assert.equal(cache.get({}, 'old', 0), undefined);
    assert.equal(cache.size, 0);
  });
});

/** A first version of three intakes (the first and last with the same text), as FindingsCache reads one. */
function firstVersion(): IntakeTexts {
  const texts = ['alpha', 'beta', 'alpha'];
  const lines = [0, 10, 20];
  const file = { intakes: lines.map((line, index) => ({ index, range: new LineRange(line, 0, line + 5, 0) })) } as unknown as IntakeFile;
  return { file, intakeText: (i) => texts[i]! };
}

describe("FindingsCache: a first version's findings", () => {
  it('keeps them by intake, and gives them to a later version by text, moved', () => {
    const first = firstVersion();
    const cache = new FindingsCache(first);
    assert.ok(cache.isFirst(first.file));
    assert.ok(!cache.isFirst({ intakes: [] } as unknown as IntakeFile));
    const beta = [finding(12)];
    cache.keepFirst(1, beta);
    cache.keepFirst(0, [finding(3)]);
    assert.equal(cache.size, 2);
    const later = {};
    assert.equal(cache.get(later, 'beta', 10), beta, 'the same list where the intake has not moved');
    assert.deepEqual(cache.get(later, 'beta', 11)!.map((f) => f.lines), [[13, 14]]);
    assert.deepEqual(cache.get(later, 'alpha', 30)!.map((f) => f.lines), [[33, 34]], 'the first intake with that text');
    assert.equal(cache.get(later, 'gamma', 0), undefined);
    assert.equal(cache.get(later, 'alph', 0), undefined);
    assert.equal(cache.size, 2);
  });

  it('forgets them together after as many versions as any other, but for those a version used', () => {
    const cache = new FindingsCache(firstVersion());
    cache.keepFirst(0, [finding(1)]);
    cache.keepFirst(1, [finding(11)]);
    // The first version counts as one of the versions that used the cache.
    for (let i = 0; i < 6; i++) cache.get({}, 'other', 0);
    assert.ok(cache.get({}, 'beta', 10), 'seven versions on: still kept');
    for (let i = 0; i < 6; i++) cache.get({}, 'other', 0);
    const last = {};
    assert.equal(cache.get(last, 'alpha', 0), undefined, 'not used for eight versions: forgotten');
    assert.ok(cache.get(last, 'beta', 10), 'used seven versions ago: kept');
    assert.equal(cache.size, 1);
  });
});
