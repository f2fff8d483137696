/**
 * withFindings merges an intake's own diagnostics and its findings when both are in document
 * order (as an intake's analysis has them) and sorts them otherwise: either way the result must be
 * what the stable sort of the two lists, one after the other, gives.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findingToDiagnostic, type AnalysisFinding } from '../../../src/core/analysis/analyze';
import { Codes, type IntakeDiagnostic } from '../../../src/core/diagnostics';
import { msg } from '../../../src/core/l10n';
import { withFindings } from '../../../src/core/validator';

const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character: character + 1 } });

function diagnostic(line: number, character: number, tag: string): IntakeDiagnostic {
  return { code: Codes.format, severity: 'information', message: tag, range: at(line, character), intake: 0, data: { kind: 'format', problem: 'half-width-colon', replacement: '：' } };
}

function finding(line: number, character: number, tag: string): AnalysisFinding {
  return { check: 'wording', code: Codes.wording, severity: 'information', message: msg(tag), range: at(line, character), lines: [line], numbers: {} };
}

/** What withFindings gave before it merged: both lists, one after the other, stably sorted by start. */
function reference(own: readonly IntakeDiagnostic[], found: readonly AnalysisFinding[]): IntakeDiagnostic[] {
  return [...own, ...found.map((f) => findingToDiagnostic(f, 0))].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const byStart = (a: { range: { start: { line: number; character: number } } }, b: typeof a) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

describe('withFindings', () => {
  it('puts a diagnostic before a finding at the same start, and keeps each list`s order among equals', () => {
    const own = [diagnostic(1, 0, 'd1'), diagnostic(1, 0, 'd2'), diagnostic(3, 2, 'd3')];
    const found = [finding(0, 5, 'f0'), finding(1, 0, 'f1'), finding(1, 0, 'f2'), finding(3, 2, 'f3'), finding(4, 0, 'f4')];
    const merged = withFindings(own, found, 0).map((d) => d.message);
    assert.deepEqual(merged, ['f0', 'd1', 'd2', 'f1', 'f2', 'd3', 'f3', 'f4']);
    assert.deepEqual(merged, reference(own, found).map((d) => d.message));
  });

  it('sorts lists that are not in document order (a file`s diagnostics, notes on long lines after the findings)', () => {
    const own = [diagnostic(2, 0, 'd2'), diagnostic(0, 1, 'd0')];
    const found = [finding(1, 0, 'f1'), finding(3, 0, 'f3'), finding(0, 0, 'long line')];
    assert.deepEqual(withFindings(own, found, 0).map((d) => d.message), ['long line', 'd0', 'f1', 'd2', 'f3']);
    assert.deepEqual(withFindings([], [], 0), []);
    assert.deepEqual(withFindings(own, [], 0).map((d) => d.message), ['d0', 'd2']);
  });

  it('never changes the lists it is given, and gives a new list', () => {
    const own = [diagnostic(0, 0, 'd')];
    const out = withFindings(own, [], 0);
    assert.notEqual(out, own);
    out.push(diagnostic(9, 9, 'x'));
    assert.equal(own.length, 1);
  });

  it('gives what the stable sort gives, for lists sorted or not', () => {
    const start = fc.tuple(fc.nat(3), fc.nat(2));
    fc.assert(
      fc.property(fc.array(start, { maxLength: 8 }), fc.array(start, { maxLength: 8 }), fc.boolean(), fc.boolean(), (d, f, sortOwn, sortFound) => {
        let own = d.map(([l, c], i) => diagnostic(l, c, `d${i}`));
        let found = f.map(([l, c], i) => finding(l, c, `f${i}`));
        if (sortOwn) own = own.sort(byStart);
        if (sortFound) found = found.sort(byStart);
        assert.deepEqual(withFindings(own, found, 0), reference(own, found));
      }),
      { numRuns: 500 },
    );
  });
});
