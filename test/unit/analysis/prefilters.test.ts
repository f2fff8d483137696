/**
 * The cheap tests that let the analysis checks pass over a line (or find less in it) must never
 * change what they find: each is held to the full search it stands in for, over every line of the
 * examples and fixtures and over generated lines made of the pieces the searches look for.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findStandards } from '../../../src/core/analysis/standards';
import { findPlaces, latencyTargets, linePlaces, mayStateLatency } from '../../../src/core/analysis/latency';
import { findMoney, mayHaveUnreadableAmount } from '../../../src/core/facts/money';
import { getFrameworks, getLocations } from '../../../src/core/knowledge/knowledge';
import type { Framework } from '../../../src/core/knowledge/schema';
import { listExamples, listFixtures, readExample, readFixture } from '../helpers/seeds';

/** Every line of the examples and fixtures, and each as `key：value` split at its first colon. */
function corpusLines(): Array<{ key?: string; text: string }> {
  const texts = [...listExamples().map(readExample), ...listFixtures().map(readFixture)];
  const out: Array<{ key?: string; text: string }> = [];
  for (const line of texts.flatMap((t) => t.split(/\r\n|\r|\n/))) {
    out.push({ text: line });
    const colon = line.search(/[:：]/);
    if (colon > 0) out.push({ key: line.slice(0, colon).replace(/^[\s\-*[]+/, ''), text: line.slice(colon + 1) });
  }
  return out;
}

const LINES = corpusLines();
const RUNS = { numRuns: 400, seed: 20261202 };

/** Lines made of the given pieces (and some blanks, digits and punctuation between them). */
function linesOf(pieces: readonly string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(' ', '-', '_', '：', ':', '，', 'a', 'Z', '1', '中', 'Σ', 'σ', 'İ', '\u212a', 'ſ'));
  return fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
}

describe('analysis prefilters', () => {
  it('the standards index finds what the reference scan (every alias over the whole text) finds', () => {
    const frameworks = getFrameworks();
    // An alias that starts with a separator leaves the frameworks without an index: the reference scan.
    const unindexed: Framework[] = [...frameworks, { ...frameworks[0]!, id: 'zz-reference', aliases: ['-zzqqzz'] }];
    const same = (text: string) => assert.deepEqual(findStandards(text, frameworks), findStandards(text, unindexed), text);
    for (const { text } of LINES) same(text);
    const aliases = frameworks.flatMap((f) => f.aliases);
    const pieces = [...aliases, ...aliases.map((a) => a.toLowerCase()), ...aliases.map((a) => a.replace(/\s+/g, '')), ' v4.0', ':2013', '-2019', ' Type II', '三级', '认证'];
    fc.assert(fc.property(linesOf(pieces), (text) => same(text)), RUNS);
  });

  it('the standards index dismisses no line whose mention starts with any case of an alias\'s first character', () => {
    const frameworks = getFrameworks();
    const unindexed: Framework[] = [...frameworks, { ...frameworks[0]!, id: 'zz-reference', aliases: ['-zzqqzz'] }];
    const aliases = frameworks.flatMap((f) => f.aliases.map((a) => a.trim()));
    // Every code unit that a case-insensitive pattern may take for an alias's first character:
    // the same upper or lower case, by String's own case mapping (Σ σ ς, K k and the Kelvin sign, S s ſ).
    const fold = (ch: string) => [ch.toUpperCase(), ch.toLowerCase()];
    const firsts = new Map<string, string[]>();
    for (const a of aliases) for (const f of fold(a.charAt(0))) firsts.set(f, [...(firsts.get(f) ?? []), a]);
    let tried = 0;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const withIt = new Set(fold(ch).flatMap((f) => firsts.get(f) ?? []));
      for (const a of withIt) {
        const text = `通过${ch}${a.slice(1)} v4.0认证`;
        assert.deepEqual(findStandards(text, frameworks), findStandards(text, unindexed), text);
        tried++;
      }
    }
    assert.ok(tried > aliases.length, `${tried} texts`);
  });

  it('the places of a line are those of `key：value`, however the line is read', () => {
    const locations = getLocations();
    const same = (key: string | undefined, text: string) => assert.deepEqual(linePlaces(key, text, 3, locations), findPlaces(key ? `${key}：${text}` : text, locations, 3), `${key}|${text}`);
    for (const { key, text } of LINES) same(key, text);
    const aliases = locations.flatMap((l) => [...l.aliases, l.name]);
    const pieces = [...aliases, ...aliases.map((a) => a.toUpperCase()), 'São', 'ZÜRICH'];
    fc.assert(fc.property(fc.option(linesOf(pieces), { nil: undefined }), linesOf(pieces), (key, text) => same(key, text)), RUNS);
  });

  it('a line without a long number has no amount too large to read', () => {
    const unreadable = (text: string) => {
      let found = false;
      findMoney(text, { bare: true, unreadable: () => (found = true) });
      return found;
    };
    const check = (text: string) => assert.ok(!unreadable(text) || mayHaveUnreadableAmount(text), text);
    for (const { text } of LINES) check(text);
    for (const text of ['$1,000,001万', '1000000.5bn', '¥9999999', '$999,999.99bn', '$1000000.01 billion', `${'9'.repeat(400)}亿`]) {
      check(text);
    }
    assert.equal(mayHaveUnreadableAmount('$999,999.99bn'), false, 'six digits before the decimals');
    assert.equal(mayHaveUnreadableAmount('$1,000,001万'), true);
    const digits = fc.array(fc.constantFrom('0', '1', '9', ',', '.', ' '), { minLength: 1, maxLength: 14 }).map((d) => d.join(''));
    const amount = fc.tuple(fc.constantFrom('', '$', '¥', 'US$', 'RMB'), digits, fc.constantFrom('', '万', '亿', 'bn', 'billion', 'm', 'k', '千万'), fc.constantFrom('', '元', '/年'));
    fc.assert(fc.property(amount, ([sign, num, mag, tail]) => check(`预算${sign}${num}${mag}${tail}`)), RUNS);
  });
  it('a line states a latency target only where it has `ms` (in any case) or 毫秒, as a loop over its characters tells', () => {
    // The search as it was: `s` or `S` after `m` or `M`, by code unit.
    const reference = (text: string) => {
      if (text.includes('毫秒')) return true;
      for (let i = 1; i < text.length; i++) if ((text.charCodeAt(i) | 0x20) === 115 && (text.charCodeAt(i - 1) | 0x20) === 109) return true;
      return false;
    };
    const check = (text: string) => {
      assert.equal(mayStateLatency(text), reference(text), text);
      // It passes over no line with a target.
      assert.ok(latencyTargets(text).length === 0 || mayStateLatency(text), text);
    };
    for (const { text } of LINES) check(text);
    // Letters that fold into m or s only in Unicode mode (ſ, K-like signs), full-width letters, CRLF.
    for (const text of ['延迟<100ms', '延迟<100MS', '<100Ms\r\n', '<100mS', '100毫秒以内', '100毫\r\n秒', 'mſ', 'ſm', 'ｍｓ', 'ＭＳ', 'm\u017f', 'M\u212a', '', 'm', 's', 'sm', 'm s']) check(text);
    const pieces = ['ms', 'MS', 'mS', 'Ms', 'm', 's', 'M', 'S', '毫', '秒', '毫秒', 'ｍ', 'ｓ', 'ſ', '\u212a', '<100', '低于80', '以内', '\r\n', '\r'];
    fc.assert(fc.property(linesOf(pieces), (text) => check(text)), RUNS);
  });
});
