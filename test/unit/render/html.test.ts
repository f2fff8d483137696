/**
 * renderReportHtml: the preview fragment's contract with the webview — section ids,
 * data-block ids, reference links with 0-based data-line, data-lines on the citing blocks,
 * charts after the milestone and budget tables — and well-formed, deterministic output.
 */
import * as assert from 'node:assert/strict';
import { REPORT_SECTION_TITLES } from '../../../src/core/engine/reportModel';
import { renderReportHtml } from '../../../src/core/render/html';
import { elements, hasClass, parseHtml, textOf, type HtmlElement } from '../helpers/html';
import { insuranceModel } from './fixtures';

describe('renderReportHtml', () => {
  const model = insuranceModel();
  const html = renderReportHtml(model);
  const { root, comments } = parseHtml(html);
  const all = elements(root);
  const top = root.children.filter((c): c is HtmlElement => typeof c !== 'string');

  it('is well-formed: balanced tags, no raw "<" in text, no comments', () => {
    assert.ok(top.length > 10);
    assert.deepEqual(comments, []);
  });

  it('gives the eight section headings and 附录 ids section-1 … section-9, in order', () => {
    const h2 = all.filter((e) => e.tag === 'h2');
    assert.deepEqual(
      h2.map((e) => [e.attrs.id, textOf(e)]),
      [...REPORT_SECTION_TITLES, '附录'].map((title, i) => [`section-${i + 1}`, title]),
    );
  });

  it('gives every top-level element a unique data-block id numbered within its section', () => {
    const ids = top.map((e) => e.attrs['data-block']);
    assert.ok(ids.every((id) => id && /^s\d+-\d+$/.test(id)), `missing or odd ids: ${ids.filter((id) => !id || !/^s\d+-\d+$/.test(id)).join(', ')}`);
    assert.equal(new Set(ids).size, ids.length);
    for (const e of top.filter((t) => t.tag === 'h2')) assert.equal(e.attrs['data-block'], `s${e.attrs.id!.slice('section-'.length)}-0`);
    assert.equal(top[0]!.attrs['data-block'], 's0-0');
  });

  it('turns every reference into a link with the 0-based line in data-line', () => {
    const links = all.filter((e) => hasClass(e, 'intake-ref'));
    assert.ok(links.length > 50, `only ${links.length} reference links`);
    for (const a of links) {
      assert.equal(a.tag, 'a');
      const label = textOf(a);
      assert.match(label, /^L\d+$/);
      assert.equal(a.attrs.href, `#intake-${label}`);
      assert.equal(a.attrs['data-line'], String(Number(label.slice(1)) - 1));
      assert.ok(hasClass(a.parent!, 'intake-refs'), 'a reference link sits in a span.intake-refs');
    }
    assert.equal((html.match(/〔L\d/g) ?? []).length, 1, 'no reference mark is left as text, apart from the introduction example');
  });

  it('leaves the introduction example 〔L12〕 as prose', () => {
    const quote = top.find((e) => e.tag === 'blockquote')!;
    assert.match(textOf(quote), /〔L12〕为依据的调研表行号/);
    assert.equal(elements(quote).filter((e) => e.tag === 'a').length, 0);
  });

  it('leaves every reference out with refs: false', () => {
    const plain = renderReportHtml(model, { refs: false });
    assert.doesNotMatch(plain, /intake-ref|〔L\d/);
  });

  it('sets data-lines on the block element that cites, covering each of its links', () => {
    const citing = all.filter((e) => e.attrs['data-lines'] !== undefined);
    assert.ok(citing.length > 30);
    const tags = new Set(citing.map((e) => e.tag));
    assert.ok(['li', 'tr', 'p'].every((t) => tags.has(t)), [...tags].join());
    assert.ok([...tags].every((t) => ['li', 'tr', 'p', 'h1', 'h2', 'h3', 'h4'].includes(t)), [...tags].join());
    for (const a of all.filter((e) => hasClass(e, 'intake-ref'))) {
      let block = a.parent;
      while (block && block.attrs['data-lines'] === undefined) block = block.parent;
      assert.ok(block, `no block with data-lines around ${textOf(a)}`);
      assert.ok(block.attrs['data-lines']!.split(' ').includes(a.attrs['data-line']!), `${block.tag} data-lines="${block.attrs['data-lines']}" misses ${a.attrs['data-line']}`);
    }
  });

  it('marks the model’s cited lines (0-based): a pain point item, the budget comparison, the timeline statement', () => {
    const lines = (refs: readonly number[]) => [...new Set(refs.map((r) => r - 1))].sort((a, b) => a - b).join(' ');
    const pain = model.plan!.needs.find((n) => n.kind === 'pain')!;
    assert.ok(all.some((e) => e.tag === 'li' && e.attrs['data-lines'] === lines(pain.refs) && textOf(e).startsWith(pain.text.slice(0, 8))));
    const budget = model.costs!.budget!;
    assert.ok(all.some((e) => e.tag === 'li' && e.attrs['data-lines'] === lines(budget.refs) && textOf(e).startsWith('与预算对比')));
    const statement = all.find((e) => e.tag === 'p' && textOf(e).startsWith(model.timeline!.statement.slice(0, 6)))!;
    assert.equal(statement.attrs['data-lines'], lines(model.timeline!.refs));
  });

  it('puts the Gantt chart right after the phase table and the cost chart after the cost table', () => {
    const at = (cls: string) => top.findIndex((e) => e.tag === 'figure' && hasClass(e, cls));
    const gantt = at('chart-gantt');
    const budget = at('chart-budget');
    assert.ok(gantt > 0 && budget > gantt);
    assert.equal(top[gantt - 1]!.tag, 'table');
    assert.match(textOf(top[gantt - 1]!).trim(), /^阶段/);
    assert.equal(top[budget - 1]!.tag, 'table');
    assert.match(textOf(top[budget - 1]!).trim(), /^组成/);
    for (const i of [gantt, budget]) {
      const figure = top[i]!;
      assert.ok(hasClass(figure, 'chart'));
      assert.deepEqual(figure.children.filter((c): c is HtmlElement => typeof c !== 'string').map((c) => c.tag), ['svg', 'figcaption']);
    }
  });

  it('leaves the charts out with charts: false, and writes plain spans with refLinks: false', () => {
    const plain = renderReportHtml(model, { charts: false, refLinks: false });
    assert.doesNotMatch(plain, /<figure|<svg/);
    assert.doesNotMatch(plain, /<a /);
    assert.match(plain, /<span class="intake-ref" data-line="\d+">L\d+<\/span>/);
  });

  it('uses no style attributes and no <style> elements (the webview CSP has no unsafe-inline)', () => {
    assert.ok(all.every((e) => e.attrs.style === undefined && e.tag !== 'style'));
  });

  it('is deterministic', () => {
    assert.equal(renderReportHtml(insuranceModel()), html);
  });
});
