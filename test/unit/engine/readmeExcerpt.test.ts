/** The README's report excerpt is what the engine writes today, line for line, not a memory of it. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import { renderMarkdown } from '../../../src/core/render/markdown';
import { fixturesDir, repoRoot } from '../helpers/seeds';

describe('README: the report excerpt', () => {
  it('quotes lines the engine writes for test/fixtures/eval/ecommerce.intake on 2026-06-01', () => {
    const readme = fs.readFileSync(path.join(repoRoot(), 'README.md'), 'utf8');
    const from = readme.indexOf('An excerpt of a real report (`test/fixtures/eval/ecommerce.intake`, report date 2026-06-01');
    assert.ok(from >= 0, 'the excerpt is introduced as before');
    const block = /```markdown\n([\s\S]*?)\n```/.exec(readme.slice(from));
    assert.ok(block, 'a Markdown block after the introduction');
    const text = fs.readFileSync(path.join(fixturesDir(), 'eval', 'ecommerce.intake'), 'utf8');
    const report = renderMarkdown(generateReport(parseIntake(text), 0, { asOf: '2026-06-01' }), { refs: false });
    const written = new Set(report.split('\n'));
    const stale = block[1]!.split('\n').filter((line) => line.trim() !== '' && !written.has(line));
    assert.deepEqual(stale, [], 'README lines the engine no longer writes (regenerate the excerpt)');
  });
});
