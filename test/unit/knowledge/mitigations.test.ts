/**
 * A 风险提示 rule's `mitigation` is its 应对, and the report says it only up to its first ；or 。
 * (engine/plan/risks.ts, firstSentence). Before: 31 rules wrote theirs as several sentences and lost
 * the rest, e.g. the 中欧个人信息跨境 risk said only "绘制跨境数据流图并完成数据分类分级。" and
 * the Kafka KRaft one lost "确认后不可回退". Every mitigation is now one sentence, and the
 * integrity check (knowledge/integrity.ts) refuses one that is not.
 */
import * as assert from 'node:assert/strict';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { checkKnowledgeIntegrity } from '../../../src/core/knowledge/integrity';
import { copyEntry } from '../../../src/core/knowledge/lazyDetails';
import { generateReport } from '../../../src/core/engine/generate';
import { parseIntake } from '../../../src/core/parser';
import { readFixture } from '../helpers/seeds';

const AS_OF = '2026-06-01';
const risksOf = (name: string) => generateReport(parseIntake(readFixture(`eval/${name}.intake`)), 0, { asOf: AS_OF }).risks;

describe('knowledge: every rule mitigation is one sentence, said whole', () => {
  it('has no ；and no 。 before the end in any mitigation, and ends with 。', () => {
    const kb = getKnowledgeBase();
    const withMitigation = kb.rules.filter((r) => r.mitigation !== undefined);
    assert.ok(withMitigation.length >= 80, `${withMitigation.length} mitigations`);
    for (const r of withMitigation) {
      const m = r.mitigation!;
      assert.ok(!m.includes('；'), `${r.id}: “${m}” has a ；`);
      assert.ok(m.endsWith('。') && m.indexOf('。') === m.length - 1, `${r.id}: “${m}” is not one sentence ending in 。`);
    }
  });

  it('makes the integrity check refuse a mitigation of two sentences or with a ；', () => {
    const kb = getKnowledgeBase();
    assert.deepEqual(checkKnowledgeIntegrity(kb).filter((p) => p.includes('mitigation')), []);
    const rule = kb.rules.find((r) => r.id === 'kafka-zookeeper-kraft')!;
    for (const mitigation of ['先迁移到KRaft。确认后不可回退。', '先迁移到KRaft；确认后不可回退。', '先迁移到KRaft，确认后不可回退']) {
      const problems = checkKnowledgeIntegrity({ ...kb, rules: [...kb.rules.filter((r) => r !== rule), { ...copyEntry(rule), mitigation }] });
      assert.ok(problems.some((p) => p.startsWith('rule kafka-zookeeper-kraft: mitigation is not one sentence')), `${mitigation}: ${problems.join('\n')}`);
    }
  });

  it('says the whole 应对 in the report: the Kafka caution, both halves of a risk', () => {
    const kafka = risksOf('logistics').find((r) => r.title === 'Kafka须先迁移到KRaft才能升级4.x')!;
    assert.match(kafka.mitigation, /确认后不可回退。$/);
    // 统一身份平台: the outage half and the legacy-systems half are both answered.
    const iam = risksOf('identity').find((r) => r.source === 'rule' && r.risk.includes('老旧系统不支持标准协议'))!;
    assert.match(iam.mitigation, /应急登录通道/);
    assert.match(iam.mitigation, /单列接入工作量/);
  });
});
