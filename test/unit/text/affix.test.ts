/**
 * The string helpers that stand in for `/^literal/` and `/literal$/` patterns (text/affix.ts) must
 * do what the patterns did: each is held to the pattern over generated texts.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { endsWithOneOf, startsWithAny, swapPrefix, swapSuffix } from '../../../src/core/text/affix';

const RUNS = { numRuns: 500, seed: 20261205 };
const PIECES = ['方案A：', '方案B：', '对接', '注意', '。', '.', '，', ',', '？', '?', '）', ')', '与', '/年', '中', 'a', ' ', '\ud83d\ude00'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((parts) => parts.join(''));

/** A literal made safe to put in a pattern. */
const quote = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('affix helpers', () => {
  it('swapPrefix replaces the first listed prefix, as /^(?:a|b)/ does', () => {
    const prefixes = ['方案A：', '方案B：', '对接', '对'];
    const re = new RegExp(`^(?:${prefixes.map(quote).join('|')})`);
    fc.assert(fc.property(text, (t) => swapPrefix(t, prefixes, '<') === t.replace(re, '<') && swapPrefix(t, '对接') === t.replace(/^对接/, '')), RUNS);
  });

  it('swapSuffix replaces a suffix at the very end only, as /suffix$/ does without the m flag', () => {
    fc.assert(fc.property(text, (t) => swapSuffix(t, '。') === t.replace(/。$/, '') && swapSuffix(t, '/年', '!') === t.replace(/\/年$/, '!')), RUNS);
    assert.equal(swapSuffix('好。\n', '。'), '好。\n'.replace(/。$/, ''));
  });

  it('startsWithAny and endsWithOneOf answer as the patterns they replace', () => {
    fc.assert(
      fc.property(text, (t) => startsWithAny(t, ['注意', '与']) === /^(?:注意|与)/.test(t) && endsWithOneOf(t, '。！？；.!?') === /[。！？；.!?]$/.test(t) && endsWithOneOf(t, '，,') === /[，,]$/.test(t)),
      RUNS,
    );
    assert.equal(endsWithOneOf('', '。'), false);
  });
});
