/**
 * renderMarkdownHtml: what the preview shows of an LLM's report while it streams. Every prefix
 * of a report (a table or a list cut mid-row, a heading cut mid-word) renders as balanced HTML,
 * and hostile model text stays inert text, exactly as intake text does in the offline report.
 */
import * as assert from 'node:assert/strict';
import { renderMarkdownHtml } from '../../../src/core/render/html';
import { elements, parseHtml, textOf } from '../helpers/html';
import { GOOD_REPORT } from '../llm/responses';

const TABLE = `## 成本效益分析
| 项目 | 金额 | 占比 |
| --- | ---: | ---: |
| 初期建设 | $60万 | 60% |
| 持续运维 | $30万 | 30%〔L20〕 |

1. 第一步
   - 子项 **加粗** \`代码\`
2. 第二步
> 引用
`;

const ALLOWED = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'span', 'code', 'pre', 'hr', 'br', 's']);

function check(html: string, what: string): void {
  let parsed;
  try {
    parsed = parseHtml(html);
  } catch (e) {
    assert.fail(`${what}: ${(e as Error).message}\n${html}`);
  }
  for (const e of elements(parsed.root)) {
    assert.ok(ALLOWED.has(e.tag), `${what}: <${e.tag}>`);
    for (const [attr, value] of Object.entries(e.attrs)) {
      assert.ok(!attr.startsWith('on'), `${what}: <${e.tag} ${attr}>`);
      assert.doesNotMatch(value, /^\s*javascript:/i);
    }
  }
}

describe('renderMarkdownHtml (the streamed LLM report)', () => {
  it('renders every prefix of a report as balanced, known markup', () => {
    const text = GOOD_REPORT + '\n' + TABLE;
    for (let n = 0; n <= text.length; n++) check(renderMarkdownHtml(text.slice(0, n)), `prefix of ${n} characters`);
  });

  it('renders the report like the offline one: section ids, data-block, linked references', () => {
    const html = renderMarkdownHtml(GOOD_REPORT);
    assert.match(html, /<h2 id="section-1" data-block="s1-0">业务需求分析<\/h2>/);
    assert.match(html, /<a class="intake-ref" href="#intake-L19" data-line="18">L19<\/a>/);
    assert.match(html, /<li data-lines="0 1 2">/);
    assert.match(renderMarkdownHtml(TABLE), /<td class="align-right">60%<\/td>/, 'alignment as a class: the page\'s CSP blocks style attributes');
    assert.doesNotMatch(renderMarkdownHtml(TABLE), /style=/);
    assert.doesNotMatch(html, /<figure/, 'no charts: there is no report model behind arbitrary Markdown');
    assert.match(renderMarkdownHtml(TABLE), /<tr data-lines="19">/);
    assert.match(html, /<li data-lines="18 19">总预算：\$100万\/年<span class="intake-refs">〔<a class="intake-ref" href="#intake-L19" data-line="18">L19<\/a>〕<\/span>，其中/);
    assert.match(renderMarkdownHtml("见〔L3、L5〕与〔L7,L8〕。"), /data-lines="2 4 6 7"/);
  });

  it('keeps hostile model text inert: no HTML, links, images or handlers', () => {
    const hostile = [
      '## 业务需求分析',
      '<script>alert(1)</script> <img src=x onerror=alert(1)> <iframe src="https://evil.example"></iframe>',
      '[点我](javascript:alert(1)) [外链](https://evil.example) ![图](https://evil.example/x.png) <https://evil.example>',
      '<a href="#" data-action="export" onclick="alert(1)">x</a>',
      '| a | <b onmouseover=alert(1)>b</b> |',
      '| --- | --- |',
      '| <style>body{display:none}</style> | 〔L3〕 |',
    ].join('\n');
    const html = renderMarkdownHtml(hostile);
    check(html, 'hostile');
    assert.doesNotMatch(html, /<(script|img|iframe|style|b |a href="(?!#intake-L))/i);
    assert.ok(elements(parseHtml(html).root).every((e) => !('data-action' in e.attrs)), 'no element borrows a page action');
    const text = textOf(parseHtml(html).root);
    assert.ok(text.includes('<script>alert(1)</script>'), 'the script shows as text');
    assert.ok(text.includes('[点我](javascript:alert(1))'), 'the link shows as text');
  });

  it('renders nothing for no text', () => {
    assert.equal(renderMarkdownHtml(''), '');
  });
});
