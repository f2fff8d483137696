/**
 * Branded exports (`.intake/report.yaml`): the example workspace's branding read and checked;
 * the Word export's cover, logo, header, footer and fonts checked in document.xml, the header
 * part and styles.xml; a team's .dotx template keeping its styles and header, with the report in
 * its {{report}} (its heading style ids mapped by name); the HTML export and the preview's
 * masthead; files outside the workspace, of the wrong kind or too large refused.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { REPORT_SECTION_TITLES } from '../../../src/core/engine/reportModel';
import { brandMastheadHtml } from '../../../src/core/render/brandHtml';
import { renderDocx } from '../../../src/core/render/exportDocx';
import { renderStandaloneHtml } from '../../../src/core/render/exportHtml';
import { encodePng } from '../../../src/core/render/png';
import type { Branding } from '../../../src/core/team/branding';
import { loadBranding, readLogo } from '../../../src/core/team/brandingFile';
import { unzip } from '../helpers/zip';
import { insuranceModel } from '../render/fixtures';
import { exampleTeam, tempWorkspace } from './helpers';

/** The paragraphs of a part as [style, text]. */
function paragraphs(xml: string): [string, string][] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1] ?? m[2] ?? '';
    return [/<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? '', [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')];
  });
}

describe('branded exports', function () {
  this.timeout(20000);
  const model = insuranceModel();

  describe('report.yaml of the example workspace', () => {
    let branding: Branding;

    before(async () => {
      const loaded = await loadBranding(exampleTeam().intakeDir);
      assert.ok(loaded);
      assert.deepEqual(loaded.problems, []);
      branding = loaded.branding!;
    });

    it('reads every setting and the SVG logo', () => {
      assert.equal(branding.company, '云枢科技有限公司');
      assert.equal(branding.accentColor, '#C8102E');
      assert.deepEqual(branding.fonts, { chinese: '微软雅黑', latin: 'Calibri' });
      assert.deepEqual(branding.logo && { kind: branding.logo.kind, width: branding.logo.width, height: branding.logo.height }, { kind: 'svg', width: 160, height: 48 });
    });

    it('gives Word a cover page, the logo, a header, a footer and the fonts', async () => {
      const files = unzip(await renderDocx(model, { branding }));
      const document = files.get('word/document.xml')!.toString('utf8');
      const texts = paragraphs(document).map(([, text]) => text);
      // The cover comes first: company, title, the cover fields, the marking; then the report.
      const cover = texts.slice(0, texts.indexOf(REPORT_SECTION_TITLES[0]));
      for (const line of ['云枢科技有限公司', model.title, '呈送：客户信息技术部', '编制：云枢科技 解决方案部', `日期：${model.asOf}`, '版本：V1.0', '内部资料 注意保密']) assert.ok(cover.includes(line), `the cover lacks ${line}: ${cover.join(' | ')}`);
      assert.match(document, /<w:rFonts w:ascii="Calibri" w:cs="Calibri" w:eastAsia="微软雅黑" w:hAnsi="Calibri"\/>/);
      // The logo: an SVG picture (with its PNG fallback) on the cover, in document.xml's relationships.
      assert.match(document, /<wp:docPr [^>]*name="logo.svg"/);
      assert.match(document, /asvg:svgBlip/);
      const rels = files.get('word/_rels/document.xml.rels')!.toString('utf8');
      assert.ok([...files.keys()].some((f) => /^word\/media\/.+\.svg$/.test(f)), [...files.keys()].join(', '));
      assert.match(rels, /header1\.xml/);
      // Two sections: the cover without header, the report with the team's header and footer.
      assert.equal([...document.matchAll(/<w:sectPr/g)].length, 2);
      const header = files.get('word/header1.xml')!.toString('utf8');
      assert.match(header, /云枢科技 · 解决方案建议书/);
      assert.match(header, /<w:pBdr><w:bottom [^>]*w:color="C8102E"/);
      assert.match(header, /name="logo.svg"/);
      const footer = files.get('word/footer1.xml')!.toString('utf8');
      assert.match(footer, /云枢科技有限公司 版权所有 · 内部资料 注意保密/);
      // The team is the author; drawing ids are unique in the document (cover logo, charts, header logo).
      assert.match(files.get('docProps/core.xml')!.toString('utf8'), /<dc:creator>云枢科技有限公司<\/dc:creator><cp:lastModifiedBy>云枢科技有限公司<\/cp:lastModifiedBy>/);
      const ids = [...`${document}${header}`.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
      assert.equal(new Set(ids).size, ids.length, ids.join(', '));
      assert.match(footer, /PAGE/);
      // The fonts are the document's defaults, and the accent colour rules the title.
      const styles = files.get('word/styles.xml')!.toString('utf8');
      const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
      assert.match(defaults, /w:eastAsia="微软雅黑"/);
      assert.match(defaults, /w:ascii="Calibri"/);
      assert.match(/<w:style [^>]*w:styleId="Title"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '', /w:color="C8102E"/);
    });

    it('gives HTML the masthead, the cover, the footer and the accent colour', () => {
      const html = renderStandaloneHtml(model, { branding });
      assert.match(html, /<header class="intake-brand" data-block="brand" data-accent="#C8102E"><img class="intake-brand-logo" src="data:image\/svg\+xml;base64,/);
      assert.match(html, /--intake-accent: #C8102E/);
      assert.match(html, /<section class="brand-cover">/);
      assert.match(html, /<span class="brand-cover-label">呈送<\/span>客户信息技术部/);
      assert.match(html, /<footer class="brand-footer">云枢科技有限公司 版权所有 · 内部资料 注意保密<\/footer>/);
      assert.ok(html.indexOf('brand-cover') < html.indexOf('<main'));
      // Without branding the page is as it was.
      assert.doesNotMatch(renderStandaloneHtml(model), /brand-/);
    });

    it('gives the preview a masthead block of its own, escaped', () => {
      const masthead = brandMastheadHtml({ ...branding, company: '<script>x</script>' });
      assert.match(masthead, /^<header class="intake-brand" data-block="brand"/);
      assert.match(masthead, /&lt;script&gt;x&lt;\/script&gt;/);
      assert.equal(brandMastheadHtml(undefined), '');
    });
  });

  describe('a Word template', () => {
    /** A .dotx as a Chinese Word saves it: heading styles with ids 1–3 and 标题 (by name), a header with {{company}}, a cover with {{title}}. */
    async function chineseTemplate(withPlaceholder: boolean): Promise<Uint8Array> {
      const d = await import('docx');
      const doc = new d.Document({
        styles: { paragraphStyles: [{ id: 'TeamBody', name: 'Team Body', basedOn: 'Normal', run: { color: '112233' } }] },
        sections: [
          {
            headers: { default: new d.Header({ children: [new d.Paragraph({ children: [new d.TextRun('{{company}} 模板页眉')] })] }) },
            children: [
              new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: [new d.TextRun('{{title}}')] }),
              new d.Paragraph({ style: 'TeamBody', children: [new d.TextRun('模板封面：{{preparedFor}}')] }),
              ...(withPlaceholder ? [new d.Paragraph({ children: [new d.TextRun('{{report}}')] })] : []),
              new d.Paragraph({ style: 'TeamBody', children: [new d.TextRun('模板结尾')] }),
            ],
          },
        ],
      });
      const files = unzipSync(await d.Packer.toBuffer(doc));
      const rename = (xml: string) => xml.replace(/w:styleId="Heading([1-3])"/g, 'w:styleId="$1"').replace(/w:val="Heading([1-3])"/g, 'w:val="$1"');
      files['word/styles.xml'] = strToU8(rename(strFromU8(files['word/styles.xml']!)));
      files['[Content_Types].xml'] = strToU8(strFromU8(files['[Content_Types].xml']!).replace('document.main+xml', 'template.main+xml'));
      return zipSync(files);
    }

    for (const withPlaceholder of [true, false]) {
      it(`keeps the template's styles and header and puts the report ${withPlaceholder ? 'at {{report}}' : 'at the end'}`, async () => {
        const template = await chineseTemplate(withPlaceholder);
        const bytes = await renderDocx(model, { branding: { company: '云枢科技', cover: { preparedFor: '某保险公司' }, template: { bytes: template, name: 'team.dotx' } } });
        const files = unzip(bytes);
        const types = files.get('[Content_Types].xml')!.toString('utf8');
        assert.match(types, /wordprocessingml\.document\.main\+xml/);
        assert.doesNotMatch(types, /template\.main\+xml/);
        const document = files.get('word/document.xml')!.toString('utf8');
        const paras = paragraphs(document);
        const texts = paras.map(([, t]) => t);
        assert.equal(texts[0], model.title, 'the {{title}} placeholder');
        assert.ok(texts.includes('模板封面：某保险公司'));
        assert.ok(!texts.some((t) => t.includes('{{')), texts.filter((t) => t.includes('{{')).join(' | '));
        // The report's sections use the template's own heading style (id "1", named "heading 1").
        assert.deepEqual(paras.filter(([style]) => style === '1').map(([, t]) => t), [...REPORT_SECTION_TITLES, '附录']);
        const first = texts.indexOf(REPORT_SECTION_TITLES[0]);
        const end = texts.indexOf('模板结尾');
        assert.ok(withPlaceholder ? first < end : first > end, `the report at ${first}, the template's end at ${end}`);
        const header = [...files.entries()].find(([name]) => /^word\/header\d+\.xml$/.test(name))![1].toString('utf8');
        assert.deepEqual(paragraphs(header).map(([, t]) => t), ['云枢科技 模板页眉']);
        const styles = files.get('word/styles.xml')!.toString('utf8');
        assert.match(styles, /w:styleId="TeamBody"/);
        // The export's own styles it lacked are copied in; the template's heading 1 is not duplicated.
        assert.match(styles, /w:styleId="ReportTable"/);
        assert.doesNotMatch(styles, /w:styleId="Heading1"/);
        // Lists keep working (the numbering the report uses is added).
        assert.match(document, /<w:numPr>/);
        assert.ok(files.has('word/numbering.xml'));
      });
    }

    it('refuses a file that is not a Word file, with a clear message', async () => {
      await assert.rejects(renderDocx(model, { branding: { template: { bytes: new TextEncoder().encode('PK not really'), name: 'x.dotx' } } }), /x\.dotx is not a valid \.docx or \.dotx/);
    });
  });

  describe('the files report.yaml names', () => {
    const png = encodePng(4, 2, new Uint8Array(4 * 2 * 3).fill(200));

    it('reads a PNG logo and its size', async () => {
      const ws = tempWorkspace({ '.intake/report.yaml': 'company: ACME\nlogo: ../assets/logo.png\n', 'assets/logo.png': png });
      try {
        const loaded = await loadBranding(ws.intakeDir);
        assert.deepEqual(loaded?.problems, []);
        assert.deepEqual(loaded?.branding?.logo && [loaded.branding.logo.kind, loaded.branding.logo.width, loaded.branding.logo.height], ['png', 4, 2]);
      } finally {
        ws.remove();
      }
    });

    it('refuses a logo outside the workspace (also through a symbolic link), of the wrong kind, or not an image', async () => {
      const outside = tempWorkspace({ 'secret.png': png });
      const ws = tempWorkspace({
        '.intake/report.yaml': `company: ACME\nlogo: ${path.join(outside.root, 'secret.png')}\n`,
        '.intake/b/report.yaml': 'logo: ../linked.png\n',
        '.intake/c/report.yaml': 'logo: notes.txt\n',
        '.intake/d/report.yaml': 'logo: fake.png\n',
        '.intake/d/fake.png': 'not a png',
        '.intake/e/report.yaml': 'word:\n  template: ../../missing.dotx\n',
      });
      try {
        fs.symlinkSync(path.join(outside.root, 'secret.png'), path.join(ws.intakeDir, 'linked.png'));
        const messages = async (dir: string) => ((await loadBranding(dir, ws.root))?.problems ?? []).map((p) => `${p.line} ${p.code}: ${p.message}`);
        assert.match((await messages(ws.intakeDir)).join(), /^2 intake\.branding-file: .*secret\.png is outside the workspace/);
        assert.equal((await loadBranding(ws.intakeDir))?.branding?.company, 'ACME', 'the rest of the branding applies');
        assert.match((await messages(path.join(ws.intakeDir, 'b'))).join(), /linked\.png is outside the workspace/);
        assert.match((await messages(path.join(ws.intakeDir, 'c'))).join(), /only \.png, \.svg files are allowed here/);
        assert.match((await messages(path.join(ws.intakeDir, 'd'))).join(), /fake\.png is not a PNG or SVG image/);
        assert.match((await messages(path.join(ws.intakeDir, 'e'))).join(), /^2 intake\.branding-file: .*missing\.dotx does not exist/);
      } finally {
        ws.remove();
        outside.remove();
      }
    });

    it('reports a report.yaml that does not fit its schema, and brands nothing', async () => {
      const ws = tempWorkspace({ '.intake/report.yaml': 'company: ACME\naccentColor: red\nfonts:\n  chinese: 宋体\n  size: 12\n' });
      try {
        const loaded = await loadBranding(ws.intakeDir);
        assert.equal(loaded?.branding, undefined);
        assert.deepEqual(
          loaded?.problems.map((p) => `${p.line} ${p.code}`),
          ['2 intake.branding-invalid', '5 intake.branding-invalid'],
        );
        assert.match(loaded!.problems[0]!.message, /accentColor: must be a colour written #RRGGBB/);
      } finally {
        ws.remove();
      }
    });

    it('reads an SVG size from width and height, or from the viewBox', () => {
      const svg = (attrs: string) => readLogo(new TextEncoder().encode(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" ${attrs}></svg>`), 'x.svg');
      assert.deepEqual(svg('width="200" height="50"') && [svg('width="200" height="50"')!.width, svg('width="200" height="50"')!.height], [200, 50]);
      assert.deepEqual(svg('viewBox="0 0 300 100"') && [svg('viewBox="0 0 300 100"')!.width, svg('viewBox="0 0 300 100"')!.height], [300, 100]);
      assert.equal(readLogo(new TextEncoder().encode('<html></html>'), 'x.svg'), undefined);
    });
  });
});
