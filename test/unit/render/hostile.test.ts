/**
 * A hostile intake renders as inert, visible text in the preview fragment, the HTML export,
 * the Markdown export and the Word export: no script, no event handler, no javascript: link,
 * no comment, nothing but the elements the renderers themselves write.
 */
import * as assert from 'node:assert/strict';
import { renderDocx } from '../../../src/core/render/exportDocx';
import { renderStandaloneHtml } from '../../../src/core/render/exportHtml';
import { renderMarkdownExport } from '../../../src/core/render/exportMarkdown';
import { renderReportHtml } from '../../../src/core/render/html';
import { elements, parseHtml, textOf } from '../helpers/html';
import { unzip } from '../helpers/zip';
import { HOSTILE, hostileModel } from './fixtures';

/** Every element the report renderers write; anything else came from the intake. */
const ALLOWED = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'h1', 'h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'span', 'figure', 'figcaption', 'svg', 'rect', 'line', 'text']);

describe('hostile intake', () => {
  const model = hostileModel();

  for (const [name, render] of [
    ['renderReportHtml', () => renderReportHtml(model)],
    ['renderStandaloneHtml', () => renderStandaloneHtml(model)],
  ] as const) {
    describe(name, () => {
      const html = render();
      const { root, comments } = parseHtml(html); // throws on unbalanced tags or a raw "<" in text
      const all = elements(root);

      it('contains only the elements the renderer writes', () => {
        const foreign = all.filter((e) => !ALLOWED.has(e.tag)).map((e) => e.tag);
        assert.deepEqual(foreign, []);
        assert.doesNotMatch(html, /<script|<img|<iframe|<object/i);
      });

      it('has no event-handler attribute, no javascript: URL and no comment', () => {
        for (const e of all) {
          for (const [attr, value] of Object.entries(e.attrs)) {
            assert.ok(!attr.startsWith('on'), `<${e.tag} ${attr}=…>`);
            assert.doesNotMatch(value, /^\s*javascript:/i, `<${e.tag} ${attr}="${value}">`);
          }
          if (e.attrs.href !== undefined) assert.match(e.attrs.href, /^#intake-L\d+$/);
        }
        assert.deepEqual(comments, []);
      });

      it('shows every hostile value as text, exactly as typed', () => {
        const text = textOf(root);
        for (const value of Object.values(HOSTILE)) assert.ok(text.includes(value), `not shown as text: ${value}`);
        assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
        assert.match(html, /&lt;!-- comment --&gt;/);
        assert.match(html, /&amp;lt;b&amp;gt; &amp;amp;/);
      });

      it('does not turn a reference mark inside a value into a link', () => {
        // The mark stays in the text node, right after the entity-like text typed before it.
        assert.ok(root && all.some((e) => e.children.some((c) => typeof c === 'string' && c.includes('&lt;b&gt; &amp; 〔L1〕'))));
      });
    });
  }

  it('keeps the Markdown export inert too: hostile text escaped, no raw HTML', () => {
    const md = renderMarkdownExport(model);
    // Every "<" from the intake is backslash-escaped, so no raw tag or comment can start.
    assert.doesNotMatch(md, /(?<!\\)<(script|img|!--|a )/);
    assert.match(md, /\\<script\\>/);
    assert.match(md, /\\\[x\\\]\(javascript:alert\(1\)\)/);
  });

  it('writes the hostile text into the Word document as escaped text', async () => {
    const files = unzip(await renderDocx(model));
    const xml = files.get('word/document.xml')!.toString('utf8');
    assert.match(xml, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(xml, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.doesNotMatch(xml, /<script|<img/);
  });
});
