/**
 * chartLines() (the Markdown export's way to place the charts, without a Markdown parser) finds
 * the very lines markdown-it's tokens give (chartSlots, what the HTML and Word outputs use): for
 * every report the examples and eval fixtures make, and for models whose titles, cells and texts
 * try to look like headings, tables or delimiter rows. A lone carriage return in a text is the one
 * difference: markdown-it counts it as a line break, so its line numbers no longer index the
 * export's lines (split at line feeds) and the chart landed a line late; chartLines counts the
 * lines it inserts into.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateReport } from '../../../src/core/engine/generate';
import type { Block, ReportModel } from '../../../src/core/engine/reportModel';
import { REPORT_SECTION_TITLES } from '../../../src/core/engine/sectionTitles';
import { parseIntake } from '../../../src/core/parser';
import { chartLines } from '../../../src/core/render/chartPlaces';
import { renderMarkdown } from '../../../src/core/render/markdown';
import { chartSlots, createReportMarkdownIt } from '../../../src/core/render/markdownIt';
import { fixturesDir, readSeed } from '../helpers/seeds';
import { AS_OF, hostileModel, insuranceModel } from './fixtures';

/** What markdown-it says: for each chart, the line after its table (table_open's map end). */
function byMarkdownIt(markdown: string): { line: number; kind: string }[] {
  const tokens = createReportMarkdownIt().parse(markdown, {});
  return [...chartSlots(tokens)].map(([closeIndex, kind]) => {
    const open = tokens.slice(0, closeIndex).reverse().find((t) => t.type === 'table_open');
    return { line: open!.map![1], kind };
  });
}

function agree(model: ReportModel): void {
  for (const refs of [true, false]) {
    const markdown = renderMarkdown(model, { refs });
    assert.deepEqual(chartLines(markdown.split('\n')), byMarkdownIt(markdown));
  }
}

describe('chartLines: the chart places without a Markdown parser', () => {
  it('agrees with markdown-it on every example and eval report', () => {
    const file = parseIntake(readSeed());
    let placed = 0;
    for (let i = 0; i < file.intakes.length; i++) {
      const model = generateReport(file, i, { asOf: AS_OF });
      agree(model);
      placed += chartLines(renderMarkdown(model).split('\n')).length;
    }
    const evalDir = path.join(fixturesDir(), 'eval');
    for (const f of fs.readdirSync(evalDir).filter((x) => x.endsWith('.intake'))) {
      const model = generateReport(parseIntake(fs.readFileSync(path.join(evalDir, f), 'utf8')), 0, { asOf: AS_OF });
      agree(model);
      placed += chartLines(renderMarkdown(model).split('\n')).length;
    }
    agree(insuranceModel());
    agree(hostileModel());
    assert.ok(placed >= 4, 'the reports do have chart tables');
  });

  it('agrees with markdown-it whatever the titles, cells and texts say', () => {
    const tricky = fc.constantFrom('', ' ', '|', '#', '## ', '---', '| --- |', '\n', '\t', '\\', ':', '-', '=', '> ', '实施建议', '成本效益分析', '```', '    ', '1. ', '<br>', '*');
    const text = fc.array(tricky, { maxLength: 6 }).map((a) => a.join(''));
    const title = fc.oneof(fc.constantFrom(...REPORT_SECTION_TITLES), text);
    const block: fc.Arbitrary<Block> = fc.oneof(
      text.map((t) => ({ kind: 'paragraph' as const, text: t || 'x', refs: [] })),
      text.map((t) => ({ kind: 'note' as const, text: t || 'x', refs: [] })),
      fc.tuple(fc.constantFrom(3 as const, 4 as const), text).map(([level, t]) => ({ kind: 'heading' as const, level, text: t || 'x', refs: [] })),
      fc.tuple(fc.boolean(), fc.array(text, { maxLength: 3 })).map(([ordered, items]) => ({ kind: 'list' as const, ordered, items: items.map((t) => ({ text: t, refs: [] })) })),
      fc.tuple(fc.array(text, { minLength: 1, maxLength: 3 }), fc.array(fc.array(text, { minLength: 1, maxLength: 3 }), { maxLength: 3 })).map(([header, rows]) => ({ kind: 'table' as const, header, rows: rows.map((cells) => ({ cells, refs: [1] })) })),
    );
    const base = insuranceModel();
    fc.assert(
      fc.property(fc.array(fc.record({ title, blocks: fc.array(block, { maxLength: 4 }) }), { maxLength: 6 }), (sections) => {
        agree({ ...base, sections: sections.map((s, i) => ({ id: `s${i}`, ...s })), appendix: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('places the chart right after its table when a text before it holds a lone carriage return', () => {
    const base = insuranceModel();
    const sections = [
      { id: 'a', title: REPORT_SECTION_TITLES[0], blocks: [{ kind: 'paragraph' as const, text: 'a\rb', refs: [] }] },
      { id: 'b', title: REPORT_SECTION_TITLES[5], blocks: [{ kind: 'table' as const, header: ['x'], rows: [{ cells: ['1'], refs: [] }] }] },
    ];
    const lines = renderMarkdown({ ...base, sections, appendix: [] }).split('\n');
    const [place] = chartLines(lines);
    assert.equal(place?.kind, 'budget');
    assert.equal(lines[place.line - 1], '| 1 |');
    assert.equal(lines[place.line], '');
  });
});
