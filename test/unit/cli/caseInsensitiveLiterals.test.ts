/**
 * The build step that writes constant caseInsensitiveRegExp calls as regular expression literals
 * (tools/build/caseInsensitiveLiterals.js): each literal is the expression the call returns at
 * run time (src/core/text/caseExpand.ts), for the sources as they are.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { literalCalls } from '../../../tools/build/caseInsensitiveLiterals';
import { caseInsensitiveRegExp } from '../../../src/core/text/caseExpand';
import { listExamples, readExample, repoRoot } from '../helpers/seeds';

/** The value of the expression `code`. */
const value = (code: string): unknown => new Function(`return (${code});`)();

/** The regular expression literals of `code`, as written by literalCalls (each `= /…/flags;` on a line of its own). */
const literalsOf = (code: string): RegExp[] => [...code.matchAll(/= (\/.*\/[a-z]*);$/gm)].map((m) => value(m[1]!) as RegExp);

/** Every .ts file under `dir`. */
function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
}

/** The same expression: pattern, flags, and where it matches in `texts`. */
function assertSame(actual: RegExp, expected: RegExp, texts: readonly string[]): void {
  assert.equal(actual.source, expected.source);
  assert.equal(actual.flags, expected.flags);
  for (const text of texts) {
    const global = (re: RegExp) => new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    assert.deepEqual([...text.matchAll(global(actual))].map((m) => [m.index, ...m]), [...text.matchAll(global(expected))].map((m) => [m.index, ...m]));
  }
}

describe('literalCalls (caseInsensitiveRegExp calls made literals at build time)', () => {
  it('writes what the call returns, for every kind of pattern', () => {
    const calls: Array<[pattern: string, flags: string]> = [
      ['SaaS|订阅|采购', 'i'],
      ['RTO\\s{0,1}[≤<=＜]{0,2}(\\d{1,4})', 'i'],
      ['zero[- ]?downtime', 'iu'],
      ['\\bFAA\\b|ks', 'iu'],
      ['a/b[/]', 'i'],
      ['é|[a-z]', 'i'],
      ['POC', 'gi'],
      ["it's", 'i'],
      ['"quoted"', 'i'],
    ];
    const source = calls.map(([p, f], i) => `const P${i} = caseInsensitiveRegExp(${i % 2 ? JSON.stringify(p) : `'${p.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`}, '${f}');`).join('\n');
    const out = literalCalls(source, caseInsensitiveRegExp);
    assert.ok(!out.includes('caseInsensitiveRegExp('), out);
    const literals = literalsOf(out);
    assert.equal(literals.length, calls.length);
    calls.forEach(([p, f], i) => assertSame(literals[i]!, caseInsensitiveRegExp(p, f), ['SAAS 订阅 rto≤ 15 Zero-Downtime faa KS ſ a/b/ É x POC poc IT\'S "Quoted"']));
  });

  it('leaves calls whose arguments are not string literals', () => {
    const source = 'const a = caseInsensitiveRegExp(pattern, flags);\nconst b = caseInsensitiveRegExp(`${x}`, \'i\');\nconst c = caseInsensitiveRegExp(\'a\' + b, \'i\');';
    assert.equal(literalCalls(source, caseInsensitiveRegExp), source);
  });

  it('an invalid pattern fails the build, as the call would fail the module', () => {
    assert.throws(() => literalCalls("const a = caseInsensitiveRegExp('(', 'i');", caseInsensitiveRegExp), SyntaxError);
  });

  it('the constant calls in src/ become the expressions they return at run time', () => {
    const lines = listExamples().flatMap((name) => readExample(name).split('\n'));
    let count = 0;
    for (const file of tsFiles(path.join(repoRoot(), 'src'))) {
      const source = fs.readFileSync(file, 'utf8');
      const made: RegExp[] = [];
      const out = literalCalls(source, (pattern, flags) => {
        const re = caseInsensitiveRegExp(pattern, flags);
        made.push(re);
        return re;
      });
      // Each constant call is a module-level `const NAME = caseInsensitiveRegExp('…', '…');`.
      const literals = out === source ? [] : literalsOf(out).filter((re) => made.some((m) => m.source === re.source));
      assert.equal(literals.length, made.length, file);
      literals.forEach((re, i) => assertSame(re, made[i]!, lines));
      count += made.length;
    }
    // The engine's module-level patterns (understand/, plan/, write/).
    assert.ok(count >= 16, `${count} constant calls`);
  });
});
