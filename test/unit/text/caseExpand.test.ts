/**
 * Case-insensitive patterns written without `i` (src/core/text/caseExpand.ts): an ASCII letter
 * becomes the class of its case forms, and the result matches exactly what the pattern matches
 * with `i`, checked over every code point for each letter, and over every example and fixture
 * line for the patterns a report uses (the rules' and the standards' aliases and levels).
 */
import * as assert from 'node:assert/strict';
import { getFrameworks, getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import type { ShippedMatcher } from '../../../src/core/knowledge/matcherNeeds';
import { aliasPattern, DEFAULT_LEVEL_PATTERN, levelPatterns } from '../../../src/core/knowledge/patterns';
import { caseInsensitiveRegExp, expandCase } from '../../../src/core/text/caseExpand';
import { listExamples, listFixtures, readExample, readFixture } from '../helpers/seeds';

/** Where `re` (global) matches in `text`, and what. */
const matchesOf = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}:${m.slice(1).join('|')}`);

describe('expandCase / caseInsensitiveRegExp', () => {
  const cases: Array<[pattern: string, unicode: boolean, expanded: string | undefined]> = [
    ['PUE', false, '[pP][uU][eE]'],
    ['ks', true, '[kK\\u212A][sS\\u017F]'],
    ['ks', false, '[kK][sS]'],
    ['数据库.{0,6}审计', true, '数据库.{0,6}审计'],
    ['PCI[\\s\\-_]*DSS|等保', true, '[pP][cC][iI][\\s\\-_]*[dD][sS\\u017F][sS\\u017F]|等保'],
    ['(?:降低|减少)[^，；。]{0,6}\\d+\\s*%|\\p{Script=Han}x', true, '(?:降低|减少)[^，；。]{0,6}\\d+\\s*%|\\p{Script=Han}[xX]'],
    ['(?=a)(?<!b)', true, '(?=[aA])(?<![bB])'],
    // \b: under `iu` ſ and K are word characters too; beside a letter or digit, one side is tested.
    ['\\bFAA\\b', true, '(?<![0-9A-Za-z_\\u017F\\u212A])[fF][aA][aA](?![0-9A-Za-z_\\u017F\\u212A])'],
    ['\\bFAA\\b', false, '\\b[fF][aA][aA]\\b'],
    ['x|\\b云', true, '[xX]|(?:(?<=[0-9A-Za-z_\\u017F\\u212A])(?![0-9A-Za-z_\\u017F\\u212A])|(?<![0-9A-Za-z_\\u017F\\u212A])(?=[0-9A-Za-z_\\u017F\\u212A]))云'],
    ['99\\.9[5-9]', true, '99\\.9[5-9]'],
    // Left to `i`: letters in a class, other letters with case, escapes that could stand for a letter, names.
    ['[a]', true, undefined],
    ['[!-~]', true, undefined],
    ['é', true, undefined],
    ['Ａ', false, undefined],
    ['ß', true, undefined],
    ['𐐀', true, undefined],
    ['[\\b]a', true, undefined],
    ['\\Ba', true, undefined],
    ['[0-a]', false, undefined],
    ['\\w', false, undefined],
    ['\\u0041', true, undefined],
    ['\\x41', false, undefined],
    ['\\p{Lu}', true, undefined],
    ['(?<n>云)\\k<n>', true, undefined],
    ['(a)\\1', false, undefined],
    ['(?-i:a)b', true, undefined],
    ['(?i:a)', false, undefined],
  ];
  for (const [pattern, unicode, expanded] of cases) {
    it(`/${pattern}/${unicode ? 'u' : ''} -> ${expanded === undefined ? 'left to i' : expanded}`, () => assert.equal(expandCase(pattern, unicode), expanded));
  }

  it('gives each ASCII letter exactly the code points it matches with `i`, with and without `u`', () => {
    const all: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) all.push(String.fromCodePoint(cp));
    const text = all.join('');
    for (const flags of ['gi', 'giu']) {
      for (let code = 0x41; code <= 0x7a; code++) {
        const letter = String.fromCharCode(code);
        if (!/[A-Za-z]/.test(letter)) continue;
        const expanded = new RegExp(expandCase(letter, flags.includes('u'))!, flags.replace('i', ''));
        assert.deepEqual(matchesOf(expanded, text), matchesOf(new RegExp(letter, flags), text), `${letter} /${flags}`);
      }
    }
  });

  it('writes \\b to match exactly where it matches with `i`, with and without `u`', () => {
    const chars: string[] = [];
    for (let cp = 0; cp <= 0x3000; cp++) chars.push(String.fromCodePoint(cp));
    const text = `${chars.join('')} ſab \u212Ax _a9 aſ a\u212A 北京ab s-k S_K`;
    const patterns = ['\\b', '\\bs', 's\\b', '\\bk\\b', '\\b\\d', '\\d\\b', '(?:x|\\b)k', '.\\b.', '\\b9', '9\\b', '\\bs+', '\\bs*', '\\bs{0,2}', 's?\\b', '(?<=a\\b).'];
    for (const pattern of patterns) {
      for (const flags of ['gi', 'giu']) {
        const expanded = new RegExp(expandCase(pattern, flags.includes('u'))!, flags.replace('i', ''));
        assert.deepEqual(matchesOf(expanded, text), matchesOf(new RegExp(pattern, flags), text), `/${pattern}/${flags}`);
      }
    }
  });

  it('ships every rule matcher that has case with the pattern caseInsensitiveRegExp compiles without `i`', () => {
    const matchers = getKnowledgeBase().rules.flatMap((r) => [...r.all, ...r.any, ...r.none] as ShippedMatcher[]);
    for (const m of matchers) {
      const made = caseInsensitiveRegExp(m.pattern, 'iu');
      // What rules.ts compiles for the matcher: the shipped `expanded` with `u`, else the call.
      if (m.expanded !== undefined) assert.equal(new RegExp(m.expanded, 'u').source, made.source, m.pattern);
      assert.equal(m.expanded !== undefined, !m.caseless && !made.flags.includes('i'), m.pattern);
      if (m.caseless) assert.equal(m.expanded, undefined, m.pattern);
    }
    assert.ok(matchers.filter((m) => m.expanded !== undefined).length > 100, 'fewer expanded patterns than expected');
  });

  it('matches as with `i` over every example and fixture line, for the patterns a report uses', () => {
    const lines = [...listExamples().map(readExample), ...listFixtures().map(readFixture)].flatMap((t) => t.split(/\r\n|\r|\n/));
    lines.push('ſap \u212Aong aws AWS Aws pci-dss PCI DSS ＡＷＳ 降低成本 30%', 'SOX sox ſox Level IV level iv TYPE 2 第三级');
    const rules = getKnowledgeBase().rules.flatMap((r) => [...r.all, ...r.any, ...r.none] as ShippedMatcher[]).filter((m) => !m.caseless);
    const frameworks = getFrameworks();
    const patterns: Array<[string, string]> = [
      ...rules.map((m): [string, string] => [m.pattern, 'giu']),
      ...frameworks.flatMap((f) => f.aliases.map((a): [string, string] => [aliasPattern(a.trim()), 'gi'])),
      ...[DEFAULT_LEVEL_PATTERN, ...frameworks.flatMap((f) => (f.levelPattern ? [f.levelPattern] : []))].flatMap((p) => Object.values(levelPatterns(p)).map((s): [string, string] => [s, 'giu'])),
    ];
    let expanded = 0;
    let matched = 0;
    for (const [pattern, flags] of patterns) {
      const made = caseInsensitiveRegExp(pattern, flags);
      if (!made.flags.includes('i')) expanded++;
      const reference = new RegExp(pattern, flags);
      for (const line of lines) {
        const want = matchesOf(reference, line);
        assert.deepEqual(matchesOf(made, line), want, `/${pattern}/${flags} on ${JSON.stringify(line)}`);
        matched += want.length;
      }
    }
    assert.ok(expanded > 100, `only ${expanded} patterns written without i`);
    assert.ok(matched > 100, `only ${matched} matches compared`);
  });

  it('passes over U+3000–U+9FFF without asking their case: none of them has one, with or without `u`', () => {
    for (let code = 0x3000; code <= 0x9fff; code++) {
      const c = String.fromCharCode(code);
      assert.equal(c.toLowerCase(), c, `U+${code.toString(16)}`);
      assert.equal(c.toUpperCase(), c, `U+${code.toString(16)}`);
    }
    // And `i` matches nothing else for them: a pattern of such characters needs no flag.
    const sample = '　、〆あア㈠㍱一龥鿿';
    assert.equal(expandCase(sample, true), sample);
    assert.equal(expandCase(sample, false), sample);
  });

  it('throws for an invalid pattern as new RegExp does', () => {
    assert.throws(() => caseInsensitiveRegExp('(abc', 'iu'), { message: 'Invalid regular expression: /(abc/iu: Unterminated group' });
    assert.throws(() => caseInsensitiveRegExp('a{', 'iu'), (e: Error) => e.message.includes('/a{/iu'));
  });

  it('keeps the other flags', () => {
    assert.equal(caseInsensitiveRegExp('PCI', 'giy').flags, 'gy');
    assert.equal(caseInsensitiveRegExp('é', 'iy').flags, 'iy');
  });
});
