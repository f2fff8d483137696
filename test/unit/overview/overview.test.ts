import * as assert from 'node:assert/strict';
import { applyDiagnosticPolicy, type DiagnosticPolicy } from '../../../src/core/folderConfig';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { summarizeText } from '../../../src/core/overview/fromText';
import { isIncomplete, summarizeFile, type IntakeSummary } from '../../../src/core/overview/summary';
import { IntakeIndex } from '../../../src/core/overview/workspaceIndex';
import { readExample, readSeed } from '../helpers/seeds';

function counts(diags: ReturnType<typeof validate>, intake: number) {
  const own = diags.filter((d) => d.intake === intake);
  return { errors: own.filter((d) => d.severity === 'error').length, warnings: own.filter((d) => d.severity === 'warning').length };
}

describe('Intakes view model (src/core/overview)', () => {
  describe('summarizeFile', () => {
    const seed = readSeed();
    const file = parseIntake(seed);
    const diags = validate(file);
    const summaries = summarizeFile(file, diags);

    it('gives one summary per intake of a multi-intake file, with its industry and sub-industry', () => {
      assert.deepEqual(
        summaries.map((s) => [s.index, s.industry, s.segment]),
        [
          [0, undefined, undefined],
          [1, '保险', '车险理赔自动化'],
          [2, undefined, undefined],
          [3, '航空', '飞机租赁资产管理系统'],
        ],
      );
      assert.deepEqual(
        summaries.map((s) => s.range),
        file.intakes.map((i) => i.range),
      );
    });

    it('counts each intake its own errors and warnings, and its completeness', () => {
      summaries.forEach((s, i) => assert.deepEqual({ errors: s.errors, warnings: s.warnings }, counts(diags, i), `intake ${i + 1}`));
      assert.equal(summaries[0]!.warnings, 35, 'the simple template has 35 placeholders');
      assert.equal(summaries[3]!.errors, 1, 'SOC2 Type III');
      assert.ok(summaries[0]!.percent < 50 && summaries[1]!.percent === 100, summaries.map((s) => s.percent).join(', '));
      assert.equal(summaries[0]!.placeholders, 35);
    });

    it('places diagnostics without an intake index by their line (as the editor hands them over)', () => {
      const byLine = summarizeFile(
        file,
        diags.map(({ severity, range }) => ({ severity, range })),
      );
      assert.deepEqual(byLine, summaries);
    });

    it('ignores information and hints, and counts nothing without diagnostics', () => {
      const quiet = summarizeFile(file, [{ severity: 'information', range: file.intakes[1]!.range }, { severity: 'hint', range: file.intakes[1]!.range }]);
      assert.ok(quiet.every((s) => s.errors === 0 && s.warnings === 0));
    });
  });

  describe('summarizeText (a file on disk)', () => {
    it('applies the placeholder severity of the settings and the folder config', () => {
      const text = readExample('blank-simple');
      assert.equal(summarizeText(text)[0]!.warnings, 35);
      assert.equal(summarizeText(text, { placeholderSeverity: 'error' })[0]!.errors, 35);
      const quiet = (policy: DiagnosticPolicy) => summarizeText(text, policy).map((s) => [s.errors, s.warnings]);
      // Neither `off` nor a severity below warning counts: the Problems panel would not show a warning.
      for (const placeholderSeverity of ['off', 'information', 'hint'] as const) assert.deepEqual(quiet({ placeholderSeverity }), [[0, 0]], placeholderSeverity);
      assert.deepEqual(quiet({ ignore: ['intake.placeholder'] }), [[0, 0]]);
      // Placeholders still count towards completeness, whatever their severity.
      assert.equal(summarizeText(text, { placeholderSeverity: 'off' })[0]!.placeholders, 35);
    });

    it('leaves out the codes the folder config ignores', () => {
      // aviation: an unknown standard (error), a latency beyond physics (warning), a wording note (information).
      const text = readExample('aviation');
      const [plain] = summarizeText(text);
      assert.deepEqual([plain!.errors, plain!.warnings], [1, 1]);
      const [ignored] = summarizeText(text, { ignore: ['intake.unknown-standard', 'intake.latency-physics'] });
      assert.deepEqual([ignored!.errors, ignored!.warnings], [0, 0]);
      const [partly] = summarizeText(text, { ignore: ['intake.latency-physics'] });
      assert.deepEqual([partly!.errors, partly!.warnings], [1, 0]);
      // As the editor would show it: the same policy, applied by the same function.
      const file = parseIntake(text);
      const shown = applyDiagnosticPolicy(validate(file), { ignore: ['intake.latency-physics'] });
      assert.deepEqual(summarizeText(text, { ignore: ['intake.latency-physics'] }), summarizeFile(file, shown));
    });

    it('summarises an empty or broken file without throwing', () => {
      assert.deepEqual(summarizeText(''), []);
      assert.equal(summarizeText('[客户行业]：__(未闭合\n- 细分领域：\n').length, 1);
    });
  });

  describe('IntakeIndex', () => {
    const summary = (over: Partial<IntakeSummary> = {}): IntakeSummary => ({
      index: 0,
      range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
      percent: 100,
      placeholders: 0,
      errors: 0,
      warnings: 0,
      ...over,
    });

    it('lists files in path order; the incomplete filter keeps only intakes below 100%', () => {
      const index = new IntakeIndex();
      index.set({ uri: 'file:///w/b.intake', path: 'b.intake', intakes: [summary(), summary({ index: 1, percent: 60 })] });
      index.set({ uri: 'file:///w/a.intake', path: 'a.intake', intakes: [summary({ percent: 99, warnings: 1 })] });
      index.set({ uri: 'file:///w/c.intake', path: 'c.intake', intakes: [summary({ errors: 2 })] });
      assert.deepEqual(
        index.list('all').map((l) => [l.file.path, l.intakes.length]),
        [
          ['a.intake', 1],
          ['b.intake', 2],
          ['c.intake', 1],
        ],
      );
      assert.deepEqual(
        index.list('incomplete').map((l) => [l.file.path, l.intakes.map((i) => i.index)]),
        [
          ['a.intake', [0]],
          ['b.intake', [1]],
        ],
      );
      assert.deepEqual(index.counts(), { files: 3, intakes: 4, incomplete: 2 });
      assert.equal(isIncomplete(summary({ errors: 3 })), false, 'errors alone do not make an intake incomplete');
    });

    it('says whether an update changes what the view shows, and keeps the newest ranges either way', () => {
      const index = new IntakeIndex();
      assert.equal(index.set({ uri: 'u', path: 'p', intakes: [summary()] }), true);
      const moved = summary({ range: { start: { line: 5, character: 0 }, end: { line: 9, character: 0 } } });
      assert.equal(index.set({ uri: 'u', path: 'p', intakes: [moved] }), false);
      assert.equal(index.get('u')!.intakes[0]!.range.start.line, 5);
      assert.equal(index.set({ uri: 'u', path: 'p', intakes: [summary({ warnings: 1 })] }), true);
      assert.equal(index.set({ uri: 'u', path: 'p', intakes: [summary({ warnings: 1 }), summary({ index: 1 })] }), true);
    });

    it('forgets a file, and every file under a deleted folder', () => {
      const index = new IntakeIndex();
      for (const p of ['x/a.intake', 'x/y/b.intake', 'xz.intake', 'c.intake']) index.set({ uri: `file:///w/${p}`, path: p, intakes: [summary()] });
      assert.equal(index.delete('file:///w/c.intake'), true);
      assert.equal(index.delete('file:///w/c.intake'), false);
      assert.deepEqual(index.deleteUnder('file:///w/x').sort(), ['file:///w/x/a.intake', 'file:///w/x/y/b.intake']);
      assert.deepEqual(
        index.list('all').map((l) => l.file.path),
        ['xz.intake'],
      );
    });

    it('keeps files with no intake out of the list, but knows them', () => {
      const index = new IntakeIndex();
      index.set({ uri: 'e', path: 'empty.intake', intakes: [] });
      assert.deepEqual(index.list('all'), []);
      assert.deepEqual(index.keys(), ['e']);
    });
  });
});
