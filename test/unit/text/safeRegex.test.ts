/** The linear-time check for regular expressions (src/core/text/safeRegex.ts) and its use on the knowledge base. */
import * as assert from 'node:assert/strict';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { checkPatternSafety } from '../../../src/core/knowledge/regexSafety';
import type { Framework, Rule } from '../../../src/core/knowledge/schema';
import { validateEmbeddedData } from '../../../src/core/knowledge/validateData';
import { analyzeRegex } from '../../../src/core/text/safeRegex';

const { rules, frameworks } = getKnowledgeBase();

describe('safe-regex analysis', () => {
  const cases: Array<[source: string, flags: string, expected: 'linear' | 'polynomial' | 'exponential']> = [
    // The patterns the hardening sweep timed, as they were, and as they are now.
    ['\\d+\\s*万?\\s*并发', 'iu', 'polynomial'],
    ['(?<!\\d)\\d+\\s*(?:万\\s*)?并发', 'iu', 'linear'],
    ['\\d+(\\.\\d+)?\\s*(TB|PB)\\b', 'iu', 'polynomial'],
    ['PCI\\s*-?\\s*DSS', 'iu', 'polynomial'],
    ['PCI\\s*(?:-\\s*)?DSS', 'iu', 'linear'],
    ['[「“"『]([^」”"』]+)[」”"』]', '', 'polynomial'],
    ['^\\s{0,3}#{1,4}\\s*(?:[一二三]+[、.．]\\s*|\\d+[.、．]\\s*)?(.+?)\\s*#*\\s*$', '', 'polynomial'],
    // A leading run is linear once only its first character can start a match.
    ['\\d+%', '', 'polynomial'],
    ['(?<!\\d)\\d+%', '', 'linear'],
    ['(?<![\\d第])(\\d{1,2}|[一二])[ \\t]*年', '', 'linear'],
    ['^\\d+%', '', 'linear'],
    ['\\d+%', 'y', 'linear'],
    // Adjacent runs over the same characters.
    ['\\d+\\d+', 'y', 'polynomial'],
    ['a\\s*\\s*b', '', 'polynomial'],
    ['\\d+x\\d+', 'y', 'linear'],
    // Nested or overlapping repetition.
    ['(a+)+$', '', 'exponential'],
    ['(a*)*b', '', 'exponential'],
    ['(a|a)*b', '', 'exponential'],
    ['(?:a|b)*c', 'y', 'linear'],
    // Bounded repetition never loops.
    ['跨\\s*(云|区域).{0,30}(延迟|时延)', 'iu', 'linear'],
    ['(AWS|Azure|GCP).{0,80}?(?!\\1)(AWS|Azure)', 'iu', 'linear'],
    ['[A-Z][a-z]{0,20}[a-z]{0,20}!', '', 'linear'],
    // Classes are tested with the engine itself: \p{…}, negation and case folding.
    ['\\p{Script=Han}+中x', 'u', 'polynomial'],
    ['[^a]+b', '', 'polynomial'],
    ['(?<!\\p{Script=Han})\\p{Script=Han}+x', 'u', 'linear'],
    ['(?<![A-Z])[a-z]+Q', 'i', 'linear'],
    ['(?<![A-Z])[a-z]+Q', '', 'polynomial'],
  ];
  for (const [source, flags, expected] of cases) {
    it(`/${source}/${flags} is ${expected}`, () => {
      assert.equal(analyzeRegex(source, flags).complexity, expected);
    });
  }

  it('says which part repeats', () => {
    const v = analyzeRegex('PCI\\s*-?\\s*DSS', 'iu');
    assert.match(v.reason ?? '', /`\\s\*` and `\\s\*` can match the same text/);
    assert.match(analyzeRegex('\\d+%').reason ?? '', /the search for a match and `\\d\+`/);
  });
});

describe('knowledge-base patterns are linear (checked at build time)', function () {
  this.timeout(30_000);
  it('every rule pattern, level pattern and alias passes', () => {
    assert.deepEqual(checkPatternSafety({ rules, frameworks }), []);
    assert.deepEqual(validateEmbeddedData(), []);
  });

  it('a super-linear rule pattern fails with the rule and the reason', () => {
    const bad: Rule = { ...rules[0]!, id: 'bad-rule', all: [{ pattern: '\\d+\\s*万?\\s*并发' }], any: [], none: [] };
    const problems = checkPatternSafety({ rules: [bad], frameworks: [] });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^rule bad-rule: \/\\d\+\\s\*万\?\\s\*并发\/iu can take polynomial time/);
  });

  it('a super-linear level pattern fails in the form standards.ts builds', () => {
    const fw: Framework = { ...frameworks.find((f) => f.levels.length > 0)!, levelPattern: '([1-9][0-9]*级)' };
    assert.match(checkPatternSafety({ rules: [], frameworks: [fw] }).join('\n'), /levelPattern: .* polynomial/);
  });
});
