/**
 * The bundles carry a stand-in for markdown-it's linkify-it (src/core/render/noLinkify.ts,
 * aliased in esbuild.js): the reports' markdown-it has linkify off, so a web address or an e-mail
 * address in an intake or in a model’s report stays text in every output, and turning linkify on
 * fails loudly instead of quietly finding no links.
 */
import * as assert from 'node:assert/strict';
import { generateReport } from '../../../src/core/engine/generate';
import { parseIntake } from '../../../src/core/parser';
import { renderDocx } from '../../../src/core/render/exportDocx';
import { renderStandaloneHtml } from '../../../src/core/render/exportHtml';
import { renderMarkdownHtml, renderReportHtml } from '../../../src/core/render/html';
import { createReportMarkdownIt } from '../../../src/core/render/markdownIt';
import { elements, parseHtml, textOf } from '../helpers/html';
import { seedIntakes } from '../helpers/seeds';
import { unzip } from '../helpers/zip';
import { AS_OF } from './fixtures';

/** What linkify-it would turn into links (its fuzzy modes included). */
const [HTTPS, WWW, DOMAIN] = ['https://cdn.example.com', 'www.example.com', 'example.org'] as const;
const ADDRESSES = [HTTPS, WWW, DOMAIN];
/** In a model's report, an e-mail address too (an intake's contacts never reach the offline report). */
const MODEL_ADDRESSES = [...ADDRESSES, 'ops@example.com', 'https://claims.example.com/a?b=1'];

/** The insurance seed with the addresses in what was tried (which the report quotes). */
function urlModel() {
  const text = seedIntakes().insurance.replace(/^- 历史应对：.*$/m, `- 历史应对：尝试 ${HTTPS} 与 ${WWW}、${DOMAIN} 自建CDN，因跨国网络抖动问题失效`);
  assert.ok(text.includes(HTTPS), 'the insurance seed has no 历史应对 line');
  return generateReport(parseIntake(text), 0, { asOf: AS_OF });
}

/** Every link in `html` is a reference to an intake line, and each address shows as text. */
function assertNoLinks(html: string, addresses: readonly string[] = ADDRESSES): void {
  const { root } = parseHtml(html);
  for (const a of elements(root).filter((e) => e.tag === 'a')) assert.match(a.attrs.href ?? '', /^#intake-L\d+$/, `a link to ${a.attrs.href}`);
  const text = textOf(root);
  for (const address of addresses) assert.ok(text.includes(address), `not shown as text: ${address}`);
}

describe('no linkify', () => {
  const model = urlModel();

  it('leaves web addresses in an intake as text in the preview and the HTML export', () => {
    assertNoLinks(renderReportHtml(model));
    assertNoLinks(renderReportHtml(model, { refLinks: false }));
    assertNoLinks(renderStandaloneHtml(model));
  });

  it('leaves them as text in the Word export', async () => {
    const xml = unzip(await renderDocx(model)).get('word/document.xml')!.toString('utf8');
    assert.doesNotMatch(xml, /<w:hyperlink/);
    for (const address of ADDRESSES) assert.ok(xml.includes(address), `not in the document: ${address}`);
  });

  it('leaves them as text in a model’s report', () => {
    assertNoLinks(renderMarkdownHtml(`## 业务需求分析\n\n- 访问 ${MODEL_ADDRESSES.join(' ')} 〔L3〕\n\n${MODEL_ADDRESSES.join('\n\n')}\n`), MODEL_ADDRESSES);
  });

  it('has no linkify-it to turn on: using it throws', () => {
    const md = createReportMarkdownIt();
    assert.throws(() => md.linkify.test(HTTPS), /linkify-it is not bundled/);
    md.set({ linkify: true });
    assert.throws(() => md.render(HTTPS), /linkify-it is not bundled/);
  });
});
