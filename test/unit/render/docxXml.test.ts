/**
 * The tables and paragraphs the Word export writes as XML of its own (docxXml.ts) and splices
 * into the package (docxPack.ts): the same bytes as the `docx` package's Table and Paragraph
 * for every kind of run the export makes, and the same zip as Packer.toBuffer.
 */
import * as assert from 'node:assert/strict';
import * as Docx from 'docx';
import { docxParagraph, docxTable } from '../../../src/core/render/exportDocx';
import { stampZipDates } from '../../../src/core/render/docxIdentity';
import { hasPlaceholderLike, packWithRawBlocks, rawBlockMarker } from '../../../src/core/render/docxPack';
import { escapeDocxValue, paragraphXml, runXml, tableXml, type ParagraphSpec, type TableSpec } from '../../../src/core/render/docxXml';
import { unzip } from '../helpers/zip';

const spec = (rows: TableSpec['rows'], columnWidths = [3000, 2000, 4638]): TableSpec => ({
  width: 9638,
  columnWidths,
  margins: { top: 40, bottom: 40, left: 80, right: 80 },
  cellStyle: 'ReportTable',
  headerFill: 'F3F6FA',
  rows,
});

const SPECS: TableSpec[] = [
  spec([
    { header: true, cells: [[{ bold: true, text: '阶段' }], [{ bold: true, text: '周次' }, { bold: true, text: '〔L3〕', color: '59636E', size: 16 }], []] },
    { header: false, cells: [[{ text: '' }, { bold: true, text: 'a & b <c> "d" \'e\'' }], [{ italics: true, text: ' x ' }, { text: ' ' }, { bold: true, italics: true, text: 'y' }], [{ break: 1 }, { bold: true, break: 1 }, { text: 'z\u0001\u000bw\ttab' }]] },
    { header: false, cells: [[{ text: '〔L12〕', color: '59636E', size: 16 }], [{ text: '{braces} ]]> &amp;' }], [{ text: '中文，全角：“引号”' }]] },
  ]),
  spec([{ header: false, cells: [[{ text: 'only' }]] }], [9638]),
  spec([
    { header: true, cells: [[{ bold: true, text: 'h' }], [{ bold: true, text: 'i' }]] },
    { header: false, cells: [[{ text: 'one cell short' }]] },
  ], [4819, 4819]),
];

/** The document.xml `docx` writes for a body of `children`. */
async function documentXml(children: (Docx.Paragraph | Docx.Table)[]): Promise<string> {
  const zip = await Docx.Packer.toBuffer(new Docx.Document({ sections: [{ children }] }));
  return unzip(zip).get('word/document.xml')!.toString('utf8');
}

const PARAGRAPHS: ParagraphSpec[] = [
  { style: 'Heading1', runs: [{ text: '业务需求分析' }] },
  { style: 'Title', runs: [{ text: 'a' }, { bold: true, text: 'b' }, { text: '〔L1〕', color: '59636E', size: 16 }] },
  { style: 'ReportNote', runs: [{ italics: true, text: '<note> & "x"' }, { break: 1 }] },
  { runs: [{ text: 'plain' }, { text: ' ' }, { text: 'next' }] },
  { runs: [] },
  { indentLeft: 720, runs: [{ text: 'continued' }] },
  { spacingAfter: 0, runs: [] },
  { style: 'ReportNote', spacingAfter: 0, indentLeft: 360, runs: [{ text: 'all three' }] },
];

describe('Word tables and paragraphs written as XML', () => {
  it('writes the bytes docx writes for the same table', async () => {
    for (const t of SPECS) {
      const xml = await documentXml([docxTable(Docx, t)]);
      const start = xml.indexOf('<w:tbl>');
      const end = xml.lastIndexOf('</w:tbl>') + '</w:tbl>'.length;
      assert.ok(start > 0 && end > start);
      assert.equal(tableXml(t), xml.slice(start, end));
    }
  });

  it('writes the bytes docx writes for the same paragraph', async () => {
    const xml = await documentXml(PARAGRAPHS.map((p) => docxParagraph(Docx, p)));
    const body = xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.indexOf('<w:sectPr'));
    assert.equal(PARAGRAPHS.map(paragraphXml).join(''), body);
  });

  it('writes each run as docx does', async () => {
    const runs = [{ text: 'a' }, { bold: true, text: 'b' }, { italics: true, text: 'c' }, { color: '59636E', size: 16, text: 'd' }, { bold: true, italics: true, color: 'ABCDEF', size: 18, text: 'e' }, { break: 2 }, { text: '' }, {}, { bold: true }];
    for (const run of runs) {
      const xml = await documentXml([new Docx.Paragraph({ children: [new Docx.TextRun(run)] })]);
      assert.ok(xml.includes(`<w:p>${runXml(run)}</w:p>`), JSON.stringify(run));
    }
  });

  it('refuses a run option it does not write', () => {
    assert.throws(() => runXml({ text: 'a', underline: {} } as never), /underline/);
    assert.throws(() => runXml({ text: 'a', bold: false }), /false/);
  });

  it('escapes as docx does: the five entities, the C0 controls dropped', () => {
    assert.equal(escapeDocxValue('&<>"\'\u0000\u0008\t\n\r\u000b\u001f中'), '&amp;&lt;&gt;&quot;&apos;\t\n\r中');
  });

  it('packs the same zip as Packer.toBuffer, the markers replaced in order', async () => {
    const build = (table: (t: TableSpec) => Docx.Paragraph | Docx.Table) =>
      new Docx.Document({ sections: [{ children: [new Docx.Paragraph('before'), ...SPECS.flatMap((t) => [table(t), new Docx.Paragraph({ text: 'between' })]), table(SPECS[0]!)] }] });
    const overrides = [{ path: 'docProps/core.xml', data: '<x/>' }];
    const expected = stampZipDates(await Docx.Packer.toBuffer(build((t) => docxTable(Docx, t)), false, overrides), '2026-12-01');
    const raw: string[] = [];
    const actual = stampZipDates(await packWithRawBlocks(Docx, build((t) => (raw.push(tableXml(t)), rawBlockMarker(Docx))), overrides, raw), '2026-12-01');
    assert.ok(Buffer.isBuffer(actual));
    assert.ok(Buffer.from(actual).equals(Buffer.from(expected)));
  });

  it('tells text docx would take for a placeholder (such a report is written by docx alone)', () => {
    assert.ok(hasPlaceholderLike('<w:t>{report-bullets-1}</w:t>'));
    assert.ok(hasPlaceholderLike('a {x} b'));
    assert.ok(!hasPlaceholderLike('a {} b { c'));
    assert.ok(!hasPlaceholderLike('} {'));
  });

  it('fails when the markers and the blocks do not match', async () => {
    const doc = new Docx.Document({ sections: [{ children: [rawBlockMarker(Docx)] }] });
    await assert.rejects(packWithRawBlocks(Docx, doc, [], []), /1 block markers for 0 blocks/);
  });
});
