/**
 * The build step that makes the CLI's bundle pure ASCII (tools/build/asciiRegexLiterals.js): the
 * non-ASCII characters of regular expression literals written \uXXXX, meaning the same under
 * every flag; anything else not ASCII fails the build instead of being changed.
 */
import * as assert from 'node:assert/strict';
import { escapeRegexLiterals } from '../../../tools/build/asciiRegexLiterals';

/** The value of the expression `code` (a literal, or an array of them). */
const value = (code: string): unknown => new Function(`return (${code});`)();

describe('escapeRegexLiterals (the CLI bundle made pure ASCII)', () => {
  it('leaves ASCII code as it is', () => {
    const code = 'var a=/[a-z]+/gi.test("x")/2;';
    assert.equal(escapeRegexLiterals(code, 'a.js'), code);
  });

  it('escapes literals so that they match the same under every flag', () => {
    const literals = [
      '/用户|会员|客户/',
      '/^(?:EUR|€)$/i',
      '/[（(][ \\t]*(\\d+)[%％]/g',
      '/(?<单位>万|亿)元/u',
      '/\\k<名>|(?<名>é)/',
      '/😀|[😀-😂]/u',
      '/[^\\p{Script=Han}，；。]{0,6}/iu',
      '/[😀]/',
      '/ſ|K/iu',
      '/[\\q{用户}a]/v',
    ].filter((l) => {
      try {
        value(l);
        return true;
      } catch {
        return false; // a flag this Node does not have (v on Node 20)
      }
    });
    const inputs = ['用户', '会员', 'eur', 'EUR', '€', '（ 12％', '(3%', '5万元', 'é', '名', '😀', '😁', '\uD83D', 'ſ', 'S', 'k', '\u212A', '客户，', 'a', '用'];
    const code = `[${literals.join(',')}]`;
    const escaped = escapeRegexLiterals(code, 'a.js');
    assert.match(escaped, /^[\x20-\x7e]*$/);
    const before = value(code) as RegExp[];
    const after = value(escaped) as RegExp[];
    before.forEach((re, i) => {
      assert.equal(after[i]!.flags, re.flags);
      for (const s of inputs) assert.deepEqual(s.match(after[i]!), s.match(re), `${literals[i]} on ${s}`);
    });
  });

  it('escapes beyond the BMP as a surrogate pair', () => {
    assert.equal(escapeRegexLiterals('x=/😀/u', 'a.js'), 'x=/\\uD83D\\uDE00/u');
  });

  it('tells a literal from a division', () => {
    assert.equal(escapeRegexLiterals('x=a/2/b+/é/.source', 'a.js'), 'x=a/2/b+/\\u00E9/.source');
  });

  it('refuses non-ASCII anywhere else, and after a backslash', () => {
    assert.throws(() => escapeRegexLiterals('x="用户"', 'a.js'), /a\.js: a non-ASCII character outside/);
    assert.throws(() => escapeRegexLiterals('x=String.raw`用户`', 'a.js'), /outside a regular expression literal/);
    assert.throws(() => escapeRegexLiterals('x=1 // 用户', 'a.js'), /outside a regular expression literal/);
    assert.throws(() => escapeRegexLiterals('x=/\\用/', 'a.js'), /a backslash before a non-ASCII character/);
  });

  it('escapes after an even number of backslashes', () => {
    assert.equal(escapeRegexLiterals('x=/\\\\用/', 'a.js'), 'x=/\\\\\\u7528/');
    assert.equal((value(escapeRegexLiterals('/\\\\用/', 'a.js')) as RegExp).exec('a\\用')?.[0], '\\用');
  });
});
