/** The standalone HTML export: a complete, self-contained, script-free, print-friendly document. */
import * as assert from 'node:assert/strict';
import { renderStandaloneHtml } from '../../../src/core/render/exportHtml';
import { elements, hasClass, parseHtml, textOf } from '../helpers/html';
import { insuranceModel } from './fixtures';

describe('renderStandaloneHtml', () => {
  const model = insuranceModel();
  const html = renderStandaloneHtml(model);
  const { root } = parseHtml(html);
  const all = elements(root);

  it('is a complete document with a charset, a title and a strict CSP', () => {
    assert.match(html, /^<!doctype html>\n<html lang="zh-CN">/);
    assert.ok(all.some((e) => e.tag === 'meta' && e.attrs.charset === 'utf-8'));
    const csp = all.find((e) => e.tag === 'meta' && e.attrs['http-equiv'] === 'Content-Security-Policy');
    assert.equal(csp?.attrs.content, "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    assert.equal(textOf(all.find((e) => e.tag === 'title')!), model.title);
  });

  it('makes no external request: no http, https or protocol-relative src, href or url()', () => {
    for (const e of all) {
      for (const attr of ['src', 'href', 'xlink:href', 'action', 'srcset', 'poster']) {
        const value = e.attrs[attr];
        if (value !== undefined) assert.doesNotMatch(value, /^\s*(https?:|\/\/)/i, `<${e.tag} ${attr}="${value}">`);
      }
    }
    assert.doesNotMatch(html, /\b(?:src|href)\s*=\s*["']?\s*(?:https?:|\/\/)/i);
    for (const [, url] of html.matchAll(/url\(\s*['"]?([^'")]*)/gi)) assert.doesNotMatch(url!, /^(https?:|\/\/)/i);
    assert.doesNotMatch(html, /@import/i);
    assert.doesNotMatch(html, /<(script|link|iframe|object|embed|img)\b/i);
  });

  it('inlines its CSS with a CJK font stack and print rules', () => {
    const style = textOf(all.find((e) => e.tag === 'style')!);
    assert.match(style, /"Microsoft YaHei"/);
    assert.match(style, /"Noto Sans CJK SC"/);
    assert.match(style, /@media print/);
  });

  it('inlines both charts as SVG and keeps references as plain text', () => {
    const figures = all.filter((e) => e.tag === 'figure');
    assert.deepEqual(figures.map((f) => f.attrs.class), ['chart chart-gantt', 'chart chart-budget']);
    assert.ok(figures.every((f) => elements(f).some((e) => e.tag === 'svg')));
    const refs = all.filter((e) => hasClass(e, 'intake-ref'));
    assert.ok(refs.length > 0 && refs.every((e) => e.tag === 'span'));
    assert.ok(!all.some((e) => e.tag === 'a'));
  });

  it('contains the whole report: the eight sections, 附录 and the restated pain points', () => {
    const text = textOf(root);
    assert.equal(all.filter((e) => e.tag === 'h2').length, 9);
    assert.ok(text.includes('跨云、跨地域链路时延高且抖动'));
  });

  it('leaves the references out with refs: false', () => {
    const html = renderStandaloneHtml(model, { refs: false });
    assert.doesNotMatch(html, /class="intake-ref|〔L\d/);
  });
});
