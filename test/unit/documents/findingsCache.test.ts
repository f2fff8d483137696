/**
 * FindingsCache keeps an intake's findings by its text: the list the intake keeps (not a copy),
 * handed back as it is where the intake has not moved, and as a moved copy where it has.
 */
import * as assert from 'node:assert/strict';
import type { AnalysisFinding } from '../../../src/core/analysis/analyze';
import { Codes } from '../../../src/core/diagnostics';
import { FindingsCache } from '../../../src/core/documents/findingsCache';
import { msg } from '../../../src/core/l10n';
import { LineRange } from '../../../src/core/lineRange';

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
