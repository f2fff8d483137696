/**
 * The Word export: a valid .docx whose document.xml has the eight sections as Heading 1
 * paragraphs, real tables, the Chinese text, the charts as SVG images with PNG fallbacks,
 * and a CJK font in styles.xml.
 */
import * as assert from 'node:assert/strict';
import { REPORT_SECTION_TITLES } from '../../../src/core/engine/reportModel';
import { renderDocx } from '../../../src/core/render/exportDocx';
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

  before(async () => {
    const bytes = await renderDocx(model);
    assert.ok(bytes instanceof Uint8Array);
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString('latin1'), 'PK');
    files = unzip(bytes);
    xml = files.get('word/document.xml')!.toString('utf8');
  });

  it('unzips to a Word package with document.xml, styles.xml and numbering.xml', () => {
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml']) assert.ok(files.has(part), part);
  });

  it('has the title and the eight section titles as Heading 1, in order', () => {
    const paras = paragraphs(xml);
    assert.deepEqual(paras.filter(([style]) => style === 'Title').map(([, text]) => text), [model.title]);
    assert.deepEqual(paras.filter(([style]) => style === 'Heading1').map(([, text]) => text), [...REPORT_SECTION_TITLES]);
    assert.ok(paras.some(([style, text]) => style === 'Heading2' && text === '系统类型'));
    assert.ok(paras.some(([style, text]) => style === 'Heading3' && text.startsWith(model.solution.options[0]!.shortlists[0]!.categoryName)));
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

  it('has real tables: score tables, milestones, budget split, TCO, benefits', () => {
    const tables = xml.match(/<w:tbl>/g) ?? [];
    const shortlists = model.solution.options.flatMap((o) => o.shortlists).filter((s) => s.products.length > 0).length;
    assert.equal(tables.length, shortlists + 4);
    assert.match(xml, /<w:tblHeader\/>/);
    assert.match(xml, /M0 准备与POC/);
  });

  it('contains the Chinese text, including the intake’s pain points, with references as plain text', () => {
    const text = paragraphs(xml).map(([, t]) => t).join('\n');
    assert.ok(text.includes('业务需求分析'));
    assert.ok(text.includes('跨AWS北京区与Azure东欧区的理赔系统延迟高达300ms'));
    assert.match(text, /〔L52(, L\d+)*〕/);
    assert.doesNotMatch(xml, /<w:hyperlink/);
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
