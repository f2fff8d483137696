/** The strings a rule pattern needs (src/core/text/requiredText.ts), as the knowledge base ships them. */
import * as assert from 'node:assert/strict';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import type { ShippedMatcher } from '../../../src/core/knowledge/matcherNeeds';
import { ID_FIELD, ID_FIELD_NEEDS } from '../../../src/core/text/detect';
import { foldForNeeds, requiredGroups, requiredText } from '../../../src/core/text/requiredText';
import { listExamples, listFixtures, readExample, readFixture } from '../helpers/seeds';

const matchers = getKnowledgeBase().rules.flatMap((r) => [...r.all, ...r.any, ...r.none] as ShippedMatcher[]);

describe('requiredText', () => {
  const cases: Array<[pattern: string, needs: string[] | undefined]> = [
    ['跨\\s*(云|区域).{0,30}(延迟|时延)', ['延迟', '时延']],
    // The most selective part: the longest strings, then the fewest.
    ['(延迟|时延|链路)\\s*(波动|抖动)', ['波动', '抖动']],
    ['SAP.{0,20}(RFC|BAPI)', ['sap']],
    ['(AWS|阿里云)', ['aws', '阿里云']],
    ['海外(?:区域|节点)|境外部署', ['海外', '境外部署']],
    ['TCP\\s*拥塞', ['tcp']],
    ['自建\\s*CDN', ['cdn']],
    ['重传+', ['重']],
    // Nothing a match must contain: a branch without a literal, an optional part, escapes, classes.
    ['AWS|\\d+', undefined],
    ['(?:阿里云)?', undefined],
    ['\\x41\\u0042\\cZ\\12', undefined],
    ['[阿里云]+', undefined],
    ['(?=阿里云)', undefined],
    // What a lookbehind looks at is not the match, but the rest still counts.
    ['(?<=阿里)云', ['云']],
    // Syntax it does not know.
    ['(?i:abc)', undefined],
  ];
  for (const [pattern, needs] of cases) {
    it(`/${pattern}/ needs ${JSON.stringify(needs)}`, () => assert.deepEqual(requiredText(pattern), needs));
  }

  const groupCases: Array<[pattern: string, groups: string[][] | undefined]> = [
    ['(TPS|QPS|吞吐).{0,20}(网关|Kong|APISIX)', [['tps', 'qps', '吞吐'], ['网关', 'kong', 'apisix']]],
    ['跨\\s*(云|区域).{0,30}(延迟|时延)', [['跨'], ['云', '区域'], ['延迟', '时延']]],
    // A group within a group counts; an optional one does not; several branches give one group, the union of each one's most selective.
    ['安全(团队|人员)(?:负责)?(只有|仅有?)', [['安全'], ['团队', '人员'], ['只有', '仅']]],
    ['(a.{0,3}告警|监控.{0,3}分散)平台', [['告警', '监控'], ['平台']]],
    ['AWS|\\d+', undefined],
  ];
  for (const [pattern, groups] of groupCases) {
    it(`/${pattern}/ needs one of each of ${JSON.stringify(groups)}`, () => assert.deepEqual(requiredGroups(pattern), groups));
  }

  it('folds text as the iu flags compare ASCII letters (K is k, ſ is s)', () => {
    assert.equal(foldForNeeds('AWS 阿里云 \u212A8S ſap'), 'aws 阿里云 k8s sap');
  });

  it('gives the personal-data detector the ID field words it has written out', () => {
    assert.deepEqual(requiredText(ID_FIELD.source), ID_FIELD_NEEDS);
  });

  it('ships every rule matcher of the knowledge base with its needs', () => {
    for (const m of matchers) assert.deepEqual(m.needs, requiredText(m.pattern), m.pattern);
    assert.ok(matchers.filter((m) => m.alsoNeeds !== undefined).length > 100, 'fewer matchers with further needs than expected');
    for (const m of matchers) {
      const groups = requiredGroups(m.pattern);
      // Each further group is one of the pattern's, not one the needs imply.
      for (const g of m.alsoNeeds ?? []) {
        assert.ok(groups?.some((x) => [...new Set(x)].join() === g.join()), `/${m.pattern}/: ${JSON.stringify(g)}`);
        assert.ok(!m.needs!.every((n) => g.includes(n)), `/${m.pattern}/: ${JSON.stringify(g)} is implied by its needs`);
      }
    }
  });

  it('never rules out a line a pattern matches (every example and fixture line, and odd cases)', () => {
    const lines = [...listExamples().map(readExample), ...listFixtures().map(readFixture)].flatMap((t) => t.split(/\r\n|\r|\n/));
    lines.push('ſAP 接口', '\u212Aafka 集群', 'ＡＷＳ 云', 'aws延迟');
    let checked = 0;
    for (const m of matchers) {
      const regex = new RegExp(m.pattern, 'iu');
      for (const line of lines) {
        if (!regex.test(line)) continue;
        checked++;
        const folded = foldForNeeds(line);
        assert.ok(m.needs === undefined || m.needs.some((n) => folded.includes(n)), `/${m.pattern}/ matches ${JSON.stringify(line)} without any of ${JSON.stringify(m.needs)}`);
        for (const g of m.alsoNeeds ?? []) assert.ok(g.some((n) => folded.includes(n)), `/${m.pattern}/ matches ${JSON.stringify(line)} without any of ${JSON.stringify(g)}`);
      }
    }
    assert.ok(checked > 100, `only ${checked} matches checked`);
  });
});
