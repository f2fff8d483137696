/** The Markdown export: the report text with both charts embedded as data: SVG images after their tables. */
import * as assert from 'node:assert/strict';
import { budgetShares, budgetSvg, chartFor, chartToSvg, ganttItems, ganttSvg } from '../../../src/core/render/charts';
import { renderMarkdownExport } from '../../../src/core/render/exportMarkdown';
import { renderMarkdown } from '../../../src/core/render/markdown';
import { insuranceModel } from './fixtures';

describe('renderMarkdownExport', () => {
  const model = insuranceModel();
  const md = renderMarkdownExport(model);

  it('leaves the references out with refs: false', () => {
    assert.doesNotMatch(renderMarkdownExport(model, { refs: false }), /〔L\d/);
    assert.match(md, /〔L\d/);
  });

  it('is renderMarkdown() plus two image lines', () => {
    const images = md.split('\n').filter((l) => l.startsWith('!['));
    assert.equal(images.length, 2);
    const without = md.split('\n').filter((l) => !l.startsWith('![')).join('\n');
    assert.equal(without.replace(/\n{3,}/g, '\n\n'), renderMarkdown(model).replace(/\n{3,}/g, '\n\n'));
  });

  it('embeds the standalone SVGs, right after the milestone and budget tables', () => {
    const lines = md.split('\n');
    const images = [...md.matchAll(/^!\[([^\]]+)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)$/gm)];
    assert.deepEqual(images.map((m) => m[1]), ['项目里程碑甘特图', '成本结构（估算）']);
    assert.equal(Buffer.from(images[0]![2]!, 'base64').toString('utf8'), ganttSvg(ganttItems(model), model.timeline!.totalWeeks, { standalone: true }));
    assert.equal(Buffer.from(images[1]![2]!, 'base64').toString('utf8'), chartToSvg(chartFor(model, 'budget')!, { standalone: true }));
    assert.ok(budgetSvg(budgetShares(model)).length > 0);
    for (const m of images) {
      const at = lines.indexOf(m[0]);
      assert.equal(lines[at - 1], '');
      assert.match(lines[at - 2]!, /^\|.*\|$/, 'the line before the blank one is a table row');
    }
  });

  it("gives the same text without Node's Buffer (in a browser: TextEncoder and btoa)", () => {
    assert.equal(withoutBuffer(() => renderMarkdownExport(model)), md);
    // A lone surrogate in a chart's text becomes U+FFFD's bytes either way.
    const odd = { ...model, timeline: { ...model.timeline!, phases: model.timeline!.phases.map((p, i) => (i === 0 ? { ...p, name: `${p.name}\ud800` } : p)) } };
    const withBuffer = renderMarkdownExport(odd);
    assert.equal(withoutBuffer(() => renderMarkdownExport(odd)), withBuffer);
    const gantt = /base64,([A-Za-z0-9+/=]+)/.exec(withBuffer)![1]!;
    assert.ok(Buffer.from(gantt, 'base64').includes(Buffer.from([0xef, 0xbf, 0xbd])), 'the chart holds the replacement character');
  });
});

/** What `fn` gives with no global Buffer, as in a browser; the Buffer is put back after. */
function withoutBuffer<T>(fn: () => T): T {
  const node = globalThis as { Buffer?: unknown };
  const saved = node.Buffer;
  try {
    delete node.Buffer;
    return fn();
  } finally {
    node.Buffer = saved;
  }
}
