/**
 * The keyed DOM patches the preview applies after an edit: diffing two report pages and
 * applying the operations to the old page's blocks gives the new page, on real reports of the
 * seed intakes after real edits, and every shape the diff cannot express is a full replacement.
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import { applyPatchToBlocks, blockIdOf, blocksOf, diffReportHtml, parseElements } from '../../../src/core/preview/patch';
import type { Patch } from '../../../src/protocol/messages';
import { renderReportHtml } from '../../../src/core/render/html';
import { seedIntakes, type SeedName } from '../helpers/seeds';

function page(text: string): string {
  return renderReportHtml(generateReport(parseIntake(text), 0), { charts: true });
}

/** Diffs, applies to the old page's blocks and checks the result is the new page. */
function roundTrip(oldHtml: string, newHtml: string): Patch {
  const patch = diffReportHtml(oldHtml, newHtml);
  const before = blocksOf(oldHtml);
  assert.ok(before, 'the report page has keyed top-level blocks');
  const after = applyPatchToBlocks(before, patch);
  assert.ok(after, `the patch applies: ${JSON.stringify(patch).slice(0, 300)}`);
  assert.deepEqual(after, blocksOf(newHtml));
  return patch;
}

function editLine(text: string, find: (line: string) => boolean, replace: (line: string) => string | undefined): string {
  const lines = text.split('\n');
  const i = lines.findIndex(find);
  assert.ok(i >= 0, 'the line to edit exists');
  const next = replace(lines[i]!);
  if (next === undefined) lines.splice(i, 1);
  else lines[i] = next;
  return lines.join('\n');
}

/** A small deterministic PRNG (mulberry32), so the random edits are the same every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('preview DOM patches', () => {
  const seeds = seedIntakes();

  describe('the tag scanner', () => {
    it('reads nesting, void and self-closing elements and block ids', () => {
      const els = parseElements('<h2 id="section-1" data-block="s1-0">a</h2>\n<figure data-block="s5-3"><svg><rect x="1"/><line/></svg><br><img src="data:,"></figure>');
      assert.ok(els);
      assert.deepEqual(els.map((e) => [e.tag, e.block]), [['h2', 's1-0'], ['figure', 's5-3']]);
      assert.equal(els[1]!.children[0]!.children.length, 2);
    });
    it('refuses tags that do not nest', () => {
      assert.equal(parseElements('<ul><li>a</ul></li>'), undefined);
      assert.equal(parseElements('<p>open'), undefined);
      assert.equal(parseElements('</p>'), undefined);
    });
    it('is not fooled by > inside quoted attributes or by comments', () => {
      const els = parseElements('<p title="a > b" data-block="x">t</p><!-- <div> -->');
      assert.deepEqual(els?.map((e) => e.block), ['x']);
    });
    it('decodes entities in block ids', () => {
      assert.equal(blockIdOf('<p data-block="a&amp;b">x</p>'), 'a&b');
    });
  });

  describe('shapes the diff cannot express become a full replacement', () => {
    const a = '<p data-block="a">1</p>\n<p data-block="b">2</p>\n';
    const cases: [string, string][] = [
      ['a top-level element without an id', '<p data-block="a">1</p>\n<p>2</p>\n'],
      ['a duplicate id', '<p data-block="a">1</p>\n<p data-block="a">2</p>\n'],
      ['blocks that changed order', '<p data-block="b">2</p>\n<p data-block="a">1</p>\n'],
      ['text between blocks', '<p data-block="a">1</p>\nloose text<p data-block="b">3</p>\n'],
      ['tags that do not nest', '<p data-block="a">1</p>\n<p data-block="b"><em>2</p></em>\n'],
      ['an empty page', ''],
    ];
    for (const [what, b] of cases) {
      it(what, () => assert.deepEqual(diffReportHtml(a, b), { kind: 'html', html: b }));
    }
    it('a change to most of the page', () => {
      const b = '<p data-block="a">one, much longer now</p>\n<p data-block="b">two, much longer now</p>\n';
      assert.equal(diffReportHtml(a, b).kind, 'html');
    });
  });

  describe('small hand-made pages', () => {
    const base = ['<h1 data-block="s0-0">T</h1>', '<h2 data-block="s1-0">A</h2>', '<ul data-block="s1-1"><li>x</li></ul>', '<h2 data-block="s2-0">B</h2>', '<p data-block="s2-1">y</p>', '<p data-block="s2-2">z</p>'];
    const html = (parts: string[]) => parts.join('\n') + '\n';
    it('nothing changed: no operations', () => {
      assert.deepEqual(diffReportHtml(html(base), html(base)), { kind: 'ops', ops: [] });
    });
    it('one block changed: one replacement', () => {
      const next = [...base];
      next[2] = '<ul data-block="s1-1"><li>x</li><li>w</li></ul>';
      assert.deepEqual(roundTrip(html(base), html(next)), { kind: 'ops', ops: [{ op: 'replace', block: 's1-1', html: next[2] }] });
    });
    it('a block added in a section: one insertion after its predecessor', () => {
      const next = [...base.slice(0, 3), '<p data-block="s1-2">new</p>', ...base.slice(3)];
      assert.deepEqual(roundTrip(html(base), html(next)), { kind: 'ops', ops: [{ op: 'insert', after: 's1-1', html: '<p data-block="s1-2">new</p>' }] });
    });
    it('a block added at the top', () => {
      const next = ['<p data-block="s0-x">first</p>', ...base];
      roundTrip(html(base), html(next));
    });
    it('a block removed: one removal', () => {
      const next = base.filter((_, i) => i !== 5);
      assert.deepEqual(roundTrip(html(base), html(next)), { kind: 'ops', ops: [{ op: 'remove', block: 's2-2' }] });
    });
    it('refuses to apply an operation on a block that is not there', () => {
      assert.equal(applyPatchToBlocks([{ id: 'a', html: '<p data-block="a"></p>' }], { kind: 'ops', ops: [{ op: 'remove', block: 'b' }] }), undefined);
      assert.equal(applyPatchToBlocks([{ id: 'a', html: '<p data-block="a"></p>' }], { kind: 'ops', ops: [{ op: 'insert', after: 'b', html: '<p data-block="c"></p>' }] }), undefined);
    });
  });

  describe('real reports of the seed intakes', () => {
    for (const name of ['insurance', 'aviation', 'blank-simple'] as SeedName[]) {
      describe(name, () => {
        const text = seeds[name];
        const before = page(text);

        it('has keyed top-level blocks throughout', () => {
          assert.ok(blocksOf(before), 'every top-level element has a unique data-block id');
        });

        it('an unchanged intake gives an empty patch', () => {
          assert.deepEqual(diffReportHtml(before, page(text)), { kind: 'ops', ops: [] });
        });

        it('an edit within a line patches a few blocks, not the page', () => {
          // Same number of lines, so the 〔L..〕 references after it keep their numbers.
          const edited = editLine(text, (l) => l.startsWith('[当前痛点]'), (l) => `${l}；另外客服系统不支持多语言`);
          const after = page(edited);
          assert.notEqual(after, before);
          const patch = roundTrip(before, after);
          assert.equal(patch.kind, 'ops');
          if (patch.kind === 'ops') {
            const size = patch.ops.reduce((n, op) => n + ('html' in op ? op.html.length : 0), 0);
            assert.ok(size < after.length / 2, `the patch (${size} chars, ${patch.ops.length} ops) is smaller than half the page (${after.length})`);
          }
        });

        it('a new line (which renumbers the references below it) still round-trips', () => {
          const edited = editLine(text, (l) => l.startsWith('[当前痛点]'), (l) => `${l}\n- 客服系统不支持多语言，海外用户投诉多`);
          roundTrip(before, page(edited));
        });

        it('random line edits and deletions always round-trip', function () {
          this.timeout(60_000);
          const random = prng(name.length * 7919);
          const lines = text.split('\n');
          let previous = before;
          let current = lines;
          for (let i = 0; i < 12; i++) {
            const at = Math.floor(random() * current.length);
            current = [...current];
            if (random() < 0.5) current.splice(at, 1);
            else current[at] = `${current[at]}，补充说明${i}`;
            const next = page(current.join('\n'));
            roundTrip(previous, next);
            previous = next;
          }
        });
      });
    }
  });
});
