/**
 * The Word export: a valid .docx whose document.xml has the eight sections (and 附录) as
 * Heading 1 paragraphs, real tables, the Chinese text, the charts as SVG images with PNG
 * fallbacks, and a CJK font in styles.xml. The customer's copy leaves the 〔Lnn〕 references
 * out unless asked.
 */
import * as assert from 'node:assert/strict';
import { REPORT_SECTION_TITLES } from '../../../src/core/engine/reportModel';
import { renderDocx } from '../../../src/core/render/exportDocx';
import { renderMarkdown } from '../../../src/core/render/markdown';
import { unzip } from '../helpers/zip';
import { insuranceModel } from './fixtures';

/** The paragraphs of document.xml as [style, text]. */
function paragraphs(xml: string): [string, string][] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1] ?? m[2] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? '';
    const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    return [style, text];
  });
}

describe('renderDocx', function () {
  this.timeout(20000);
  const model = insuranceModel();
  let files: Map<string, Buffer>;
  let xml: string;
  let first: Uint8Array;

  before(async () => {
    const bytes = (first = await renderDocx(model));
    assert.ok(bytes instanceof Uint8Array);
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString('latin1'), 'PK');
    files = unzip(bytes);
    xml = files.get('word/document.xml')!.toString('utf8');
  });

  it('is the same file each time: dated with the report date, by its author, drawings numbered in the document', async () => {
    const again = await renderDocx(model);
    const parts = unzip(again);
    for (const [name, bytes] of files) assert.ok(parts.get(name)?.equals(bytes), `${name} differs between two exports`);
    assert.ok(Buffer.from(again).equals(Buffer.from(first)), 'the zips differ (file times?)');
    const core = files.get('docProps/core.xml')!.toString('utf8');
    assert.match(core, new RegExp(`<dcterms:created xsi:type="dcterms:W3CDTF">${model.asOf}T00:00:00Z</dcterms:created>`));
    assert.match(core, /<dc:creator>Intake Studio<\/dc:creator><cp:lastModifiedBy>Intake Studio<\/cp:lastModifiedBy>/);
    assert.match(core, new RegExp(`<dc:title>${model.title}</dc:title>`));
    const ids = [...xml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['1', '2'], 'the Gantt chart and the budget chart');
  });

  it('unzips to a Word package with document.xml, styles.xml and numbering.xml', () => {
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml']) assert.ok(files.has(part), part);
  });

  it('has the title and the eight section titles as Heading 1, in order', () => {
    const paras = paragraphs(xml);
    assert.deepEqual(paras.filter(([style]) => style === 'Title').map(([, text]) => text), [model.title]);
    assert.deepEqual(paras.filter(([style]) => style === 'Heading1').map(([, text]) => text), [...REPORT_SECTION_TITLES, '附录']);
    assert.ok(paras.some(([style, text]) => style === 'Heading2' && text === '系统类型'));
    assert.ok(paras.some(([style, text]) => style === 'Heading2' && text.startsWith(model.options[0]!.title)));
  });

  it('defines the heading styles with outline levels, so the navigation pane lists them', () => {
    const styles = files.get('word/styles.xml')!.toString('utf8');
    for (const [id, level] of [['Heading1', 0], ['Heading2', 1], ['Heading3', 2]] as const) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
      assert.match(style, new RegExp(`<w:outlineLvl w:val="${level}"/>`), id);
    }
  });

  it('sets a CJK (eastAsia) font and Chinese language in the document defaults', () => {
    const styles = files.get('word/styles.xml')!.toString('utf8');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    assert.match(defaults, /<w:rFonts [^>]*w:eastAsia="Microsoft YaHei"/);
    assert.match(defaults, /<w:lang [^>]*w:eastAsia="zh-CN"/);
  });

  it('has real tables, one per Markdown table: phases, costs and the appendix comparisons', () => {
    const tables = xml.match(/<w:tbl>/g) ?? [];
    const markdownTables = renderMarkdown(model).split('\n').filter((l) => /^\| --- /.test(l)).length;
    assert.equal(tables.length, markdownTables);
    assert.match(xml, /<w:tblHeader\/>/);
    assert.match(xml, /1\. 现状评估与POC/);
  });

  it('contains the Chinese text, including the restated pain points, without references by default', () => {
    const text = paragraphs(xml).map(([, t]) => t).join('\n');
    assert.ok(text.includes('业务需求分析'));
    assert.ok(text.includes('跨云、跨地域链路时延高且抖动'));
    assert.doesNotMatch(text, /〔L\d/);
    assert.doesNotMatch(xml, /<w:hyperlink/);
  });

  it('keeps the references as plain text when asked (refs: true)', async () => {
    const withRefs = unzip(await renderDocx(model, { refs: true })).get('word/document.xml')!.toString('utf8');
    assert.match(paragraphs(withRefs).map(([, t]) => t).join('\n'), /〔L52(, L\d+)*〕/);
    assert.doesNotMatch(withRefs, /<w:hyperlink/);
  });

  it('embeds both charts as SVG images with PNG fallbacks', () => {
    const media = [...files.keys()].filter((k) => k.startsWith('word/media/')).sort();
    assert.equal(media.filter((m) => m.endsWith('.svg')).length, 2);
    assert.equal(media.filter((m) => m.endsWith('.png')).length, 2);
    const svg = files.get(media.find((m) => m.endsWith('.svg'))!)!.toString('utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((xml.match(/<w:drawing>/g) ?? []).length, 2);
    assert.match(xml, /asvg:svgBlip/);
    assert.match(xml, /descr="项目里程碑甘特图：/);
  });
});
