/**
 * Reading a team's data file: YAML or JSON as data only, a size limit, UTF-8, duplicate keys
 * refused, and YAML aliases that expand beyond the limit refused (a "billion laughs" fails
 * closed, fast, whatever the parser would have built), with positions for diagnostics.
 */
import * as assert from 'node:assert/strict';
import { parseDataText, readDataFile } from '../../../src/core/dataFile';
import { readOverlayFile } from '../../../src/core/team/overlayFiles';
import { billionLaughs, tempWorkspace } from './helpers';

describe('team data files', () => {
  it('refuses a billion-laughs YAML, quickly and with a clear message', () => {
    const started = process.cpuUsage();
    const result = parseDataText(billionLaughs(), { maxBytes: 1024 * 1024 });
    const cpu = process.cpuUsage(started);
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.problem.message : '', /alias/i);
    // Not a timing assertion on speed: only that it did not expand a billion strings (minutes of CPU).
    assert.ok(cpu.user + cpu.system < 30_000_000, `it took ${(cpu.user + cpu.system) / 1e6} s of CPU`);
  });

  it('refuses aliases whose expansion stays under the parser limit but not under the size limit', () => {
    const big = 'x'.repeat(4000);
    const text = `a: &a "${big}"\nb: [${Array.from({ length: 400 }, () => '*a').join(', ')}]\n`;
    const result = parseDataText(text, { maxBytes: 64 * 1024 });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.problem.message : '', /expand/);
  });

  it('accepts a few aliases, copied (the data is a tree)', () => {
    const result = parseDataText('base: &b { a: 1 }\nx: *b\ny: *b\n', { maxBytes: 1024 });
    assert.ok(result.ok);
    const data = result.ok ? (result.doc.data as { x: object; y: object }) : undefined;
    assert.deepEqual(data?.x, { a: 1 });
    assert.notEqual(data?.x, data?.y);
  });

  it('refuses duplicate keys and syntax errors, with their line', () => {
    const dup = parseDataText('vendors: []\nvendors: []\n', { maxBytes: 1024 });
    assert.equal(dup.ok, false);
    assert.equal(!dup.ok && dup.problem.line, 2);
    const bad = parseDataText('a: [1, 2\n', { maxBytes: 1024 });
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? bad.problem.message : '', /^YAML:/);
  });

  it('reads JSON as well, and locates keys and values', () => {
    const result = parseDataText('{\n  "vendors": [\n    { "vendor": "Oracle", "policy": "blocked" }\n  ]\n}\n', { maxBytes: 1024 });
    assert.ok(result.ok);
    if (!result.ok) return;
    assert.deepEqual(result.doc.locate(['vendors', 0, 'policy']), { line: 3, column: 37 });
    assert.deepEqual(result.doc.locate(['vendors', 0], 'vendor'), { line: 3, column: 7 });
  });

  it('refuses a file over the size limit, and one that is not UTF-8; a missing file is undefined', async () => {
    const ws = tempWorkspace({ 'big.yaml': `a: "${'x'.repeat(2000)}"\n`, 'latin1.yaml': Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]) });
    try {
      const big = await readDataFile(`${ws.root}/big.yaml`, { maxBytes: 1024 });
      assert.equal(big?.ok, false);
      assert.match(big && !big.ok ? big.problem.message : '', /too large/);
      const latin1 = await readDataFile(`${ws.root}/latin1.yaml`, { maxBytes: 1024 });
      assert.match(latin1 && !latin1.ok ? latin1.problem.message : '', /UTF-8/);
      assert.equal(await readDataFile(`${ws.root}/missing.yaml`, { maxBytes: 1024 }), undefined);
    } finally {
      ws.remove();
    }
  });

  it('reports a billion-laughs overlay as intake.knowledge-invalid-file and skips it', async () => {
    const ws = tempWorkspace({ '.intake/knowledge/lol.yaml': billionLaughs() });
    try {
      const read = await readOverlayFile(`${ws.intakeDir}/knowledge/lol.yaml`, 'workspace');
      assert.equal(read.overlay, undefined);
      assert.deepEqual(
        read.problems.map((p) => [p.code, p.severity]),
        [['intake.knowledge-invalid-file', 'error']],
      );
    } finally {
      ws.remove();
    }
  });
});
