/**
 * The pure pieces of the preview: which intake a command is about, the panel title, the lines
 * a block cites, which links may be opened and the default export file name.
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { exportFileName } from '../../../src/core/preview/exportName';
import { citesAnyLine, parseDataLines, selectionLines } from '../../../src/protocol/dataLines';
import { safeExternalUrl } from '../../../src/core/preview/links';
import { targetIntakeIndex } from '../../../src/core/preview/target';
import { previewSubject, previewTitle } from '../../../src/core/preview/title';
import { readFixture, readSeed } from '../helpers/seeds';

describe('preview helpers', () => {
  describe('the intake under the cursor', () => {
    const seed = parseIntake(readSeed());
    const starts = seed.intakes.map((i) => i.range.start.line);

    it('is the intake whose lines hold the cursor, in a file of four', () => {
      assert.equal(seed.intakes.length, 4);
      seed.intakes.forEach((intake, i) => {
        assert.equal(targetIntakeIndex(seed, undefined, intake.range.start.line), i);
        assert.equal(targetIntakeIndex(seed, undefined, intake.range.end.line), i);
        assert.equal(targetIntakeIndex(seed, undefined, Math.floor((intake.range.start.line + intake.range.end.line) / 2)), i);
      });
    });

    it('is the first intake above the first one, and the last one past the end', () => {
      assert.equal(targetIntakeIndex(seed, undefined, 0), 0);
      assert.equal(targetIntakeIndex(seed, undefined, seed.lineCount + 100), 3);
    });

    it('on a separator line, is the intake the separator ends', () => {
      for (let i = 0; i < 3; i++) {
        const sep = seed.intakes[i]!.separatorAfter;
        if (!sep) continue;
        const at = targetIntakeIndex(seed, undefined, sep.start.line);
        assert.ok(at === i, `separator after intake ${i + 1} maps to ${at}`);
        assert.ok(starts[i + 1]! > sep.start.line);
      }
    });

    it('a lens index wins over the cursor; nonsense arguments do not', () => {
      assert.equal(targetIntakeIndex(seed, 2, 0), 2);
      assert.equal(targetIntakeIndex(seed, 0, starts[3]), 0);
      assert.equal(targetIntakeIndex(seed, 7, starts[3]), 3, 'an index that does not exist falls back to the cursor');
      assert.equal(targetIntakeIndex(seed, -1, starts[1]), 1);
      assert.equal(targetIntakeIndex(seed, 1.5, starts[1]), 1);
      assert.equal(targetIntakeIndex(seed, '2', starts[1]), 1);
      assert.equal(targetIntakeIndex(seed, { groupId: 2 }, starts[2]), 2, 'the editor title button passes a context object');
      assert.equal(targetIntakeIndex(seed, undefined, undefined), 0);
    });

    it('finds the intakes of the multi-intake fixture', () => {
      const file = parseIntake(readFixture('multi-intake'));
      assert.ok(file.intakes.length >= 2);
      const last = file.intakes[file.intakes.length - 1]!;
      assert.equal(targetIntakeIndex(file, undefined, last.range.start.line), last.index);
    });

    it('is undefined in a file with no intake', () => {
      assert.equal(targetIntakeIndex(parseIntake(''), undefined, 0), undefined);
      assert.equal(targetIntakeIndex(parseIntake('\n\n'), 0, 0), undefined);
    });
  });

  describe('the panel title', () => {
    const frame = (s: string) => `推荐报告：${s}`;
    it('names the industry and the segment', () => {
      assert.equal(previewTitle({ industry: '保险', segment: '车险理赔自动化', intakeIndex: 0, intakeCount: 1, fileName: 'insurance.intake' }, frame), '推荐报告：保险 · 车险理赔自动化');
    });
    it('numbers the intake in a file of several', () => {
      assert.equal(previewSubject({ industry: '航空', segment: '', intakeIndex: 3, intakeCount: 4, fileName: 'seeds.intake' }), '航空 #4');
    });
    it('falls back to the file name when the intake names neither', () => {
      assert.equal(previewSubject({ industry: '未注明行业', segment: '', intakeIndex: 0, intakeCount: 1, fileName: 'blank.intake' }), 'blank.intake');
    });
    it('clips long values and folds whitespace', () => {
      const s = previewSubject({ industry: '保险', segment: '车险理赔\n自动化'.repeat(10), intakeIndex: 0, intakeCount: 1, fileName: 'x' });
      assert.ok(!s.includes('\n'));
      assert.ok([...s].length <= 2 + 3 + 24, s);
      assert.ok(s.endsWith('…'));
    });
    it('uses the frame it is given (localised by the caller)', () => {
      assert.equal(previewTitle({ industry: '保险', segment: '', intakeIndex: 0, intakeCount: 1, fileName: 'x' }, (s) => `Recommendation: ${s}`), 'Recommendation: 保险');
    });
  });

  describe('cited lines', () => {
    it('reads data-lines', () => {
      assert.deepEqual(parseDataLines('11 14'), [11, 14]);
      assert.deepEqual(parseDataLines(' 3,4  x 5 '), [3, 4, 5]);
      assert.deepEqual(parseDataLines(null), []);
      assert.ok(citesAnyLine('11 14', [14]));
      assert.ok(!citesAnyLine('11 14', [12, 13]));
      assert.ok(!citesAnyLine('11', []));
    });
    it('caps the lines of a large selection', () => {
      assert.deepEqual(selectionLines(5, 5), [5]);
      assert.deepEqual(selectionLines(7, 4), [4, 5, 6, 7]);
      assert.equal(selectionLines(0, 10_000).length, 50);
    });
  });

  describe('links from the report', () => {
    it('opens http and https only', () => {
      assert.equal(safeExternalUrl('https://example.com/a?b=1'), 'https://example.com/a?b=1');
      assert.equal(safeExternalUrl('http://example.com'), 'http://example.com/');
      for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'file:///etc/passwd', 'command:workbench.action.quit', 'vscode://x', 'data:text/html,<script>', '//example.com', '/relative', '#section-1', 'https://exa mple.com', 'https://example.com/\u0000', '', 'https://']) {
        assert.equal(safeExternalUrl(bad), undefined, bad);
      }
    });
  });

  describe('the default export file name', () => {
    it('sits beside the intake with the format’s extension', () => {
      assert.equal(exportFileName('insurance.intake', 'md'), 'insurance.report.md');
      assert.equal(exportFileName('insurance.intake', 'html'), 'insurance.report.html');
      assert.equal(exportFileName('insurance.intake', 'docx'), 'insurance.report.docx');
      assert.equal(exportFileName('notes.intake.md', 'md'), 'notes.report.md');
      assert.equal(exportFileName('000_seed.txt', 'docx'), '000_seed.report.docx');
      assert.equal(exportFileName('Untitled-1', 'md'), 'Untitled-1.report.md');
    });
    it('numbers the intake in a file of several', () => {
      assert.equal(exportFileName('seeds.intake', 'md', 1, 4), 'seeds-2.report.md');
    });
  });
});
