import * as assert from 'node:assert/strict';
import { findPlaces, haversineKm, latencyTargets, MAX_FLAGGED_TARGET_MS, minRoundTripMs } from '../../../src/core/analysis/latency';
import type { Location } from '../../../src/core/knowledge/schema';
import { getLocations } from '../../../src/core/knowledge/knowledge';
import { analysisFixture, covered, findings, summary } from './helpers';

describe('analysis: intake.latency-physics', () => {
  const locations = getLocations();
  const byId = (id: string) => {
    const l = locations.find((x) => x.id === id);
    assert.ok(l, `location ${id}`);
    return l;
  };

  it('computes great-circle distances and the fibre round trip', () => {
    const km = haversineKm(byId('aws-cn-north-1'), byId('azure-polandcentral'));
    assert.ok(km > 6700 && km < 7100, `Beijing–Warsaw ${km}`);
    assert.ok(Math.abs(minRoundTripMs(15_300) - 153) < 1e-9);
    assert.equal(haversineKm({ lat: 10, lon: 20 }, { lat: 10, lon: 20 }), 0);
  });

  it('resolves places by alias, case-insensitively, longest alias first', () => {
    const ids = (text: string) => findPlaces(text, locations).map((p) => p.location.id);
    assert.deepEqual(ids('跨AWS北京区与Azure东欧区'), ['aws-cn-north-1', 'azure-polandcentral']);
    assert.deepEqual(ids('azure east us与本地机房'), ['azure-eastus']);
    assert.deepEqual(ids('Azure East US 2'), ['azure-eastus2']);
    assert.deepEqual(ids('FaaS平台'), [], 'an ASCII alias only as a whole word');
  });

  it('reads latency targets', () => {
    assert.deepEqual(latencyTargets('延迟<100ms').map((t) => t.ms), [100]);
    assert.deepEqual(latencyTargets('延迟低于80ms，P99 150毫秒以内').map((t) => t.ms), [80, 150]);
    assert.deepEqual(latencyTargets('延迟高达300ms，跨云延迟>200ms').map((t) => t.ms), [], 'observations, not targets');
  });

  it('fires on a cross-site target below the physical limit, stating both numbers', () => {
    const text = analysisFixture('latency-bad');
    const f = findings(text, 'latency-physics');
    assert.equal(f.length, 1, summary(f));
    assert.equal(f[0]!.code, 'intake.latency-physics');
    assert.equal(f[0]!.severity, 'warning');
    assert.equal(covered(text, f[0]!), '<100ms');
    assert.match(f[0]!.message, /^Target <100 ms, but Azure East US ↔ 新加坡 is about 15,\d00 km apart: light in fibre needs at least 15\d ms for a round trip\.$/);
    assert.equal(f[0]!.numbers.fromId, 'azure-eastus');
    assert.ok(String(f[0]!.numbers.toId).includes('singapore') || f[0]!.numbers.to === '新加坡');
    assert.deepEqual(f[0]!.lines, [5, 2, 3]);
  });

  it('fires on 延迟低于 with a nearer pair', () => {
    const text = '[基础设施现状]：\n- 公有云：AWS北京、Azure东欧\n[核心目标]：\n- 主要指标：跨区域复制延迟低于60ms\n';
    const f = findings(text, 'latency-physics');
    assert.equal(f.length, 1, summary(f));
    assert.equal(covered(text, f[0]!), '低于60ms');
  });

  it('passes over only targets no pair of places can make impossible (above the antipodes` round trip)', () => {
    // Two places half the Earth apart: the largest limit there is, 200.15 ms.
    const place = (id: string, lon: number): Location => ({ ...byId('aws-cn-north-1'), id, name: id, aliases: [id], approximate: [], lat: 0, lon });
    const antipodes = [place('Westpoint', 0), place('Eastpoint', 180)];
    const limit = minRoundTripMs(haversineKm(antipodes[0]!, antipodes[1]!));
    assert.ok(limit > 200.1 && limit < 200.2 && MAX_FLAGGED_TARGET_MS > limit && MAX_FLAGGED_TARGET_MS < 202, `${limit} ${MAX_FLAGGED_TARGET_MS}`);
    const targets = (goal: string) =>
      findings(`[基础设施现状]：\n- 机房：Westpoint、Eastpoint\n[核心目标]：\n- 主要指标：${goal}\n`, 'latency-physics', { locations: antipodes }).map((f) => f.numbers.targetMs);
    assert.deepEqual(targets('跨区域同步延迟<200ms'), [200]);
    assert.deepEqual(targets('跨区域同步延迟<200.1ms'), [200.1]);
    assert.deepEqual(targets('跨区域同步延迟<200.2ms'), []);
    assert.deepEqual(targets('跨区域同步延迟<201ms'), []);
    assert.deepEqual(targets('跨区域同步延迟<250ms，复制延迟<150ms'), [150], 'a target passed over leaves the others of its line');
    assert.deepEqual(targets('跨区域同步延迟<999999999999999999999999ms'), []);
  });

  it('counts places, not mentions: one place named twice is not two', () => {
    const place = (id: string, lon: number, aliases: string[]): Location => ({ ...byId('aws-cn-north-1'), id, name: id, aliases, approximate: [], lat: 0, lon });
    const locations = [place('west', 0, ['Westpoint', 'Westport']), place('east', 180, ['Eastpoint'])];
    // No word for traffic between sites, and no places elsewhere: only the line's own places count.
    const flagged = (goal: string) => findings(`[核心目标]：\n- 主要指标：${goal}\n`, 'latency-physics', { locations }).length;
    assert.equal(flagged('Westpoint与Westport延迟<100ms'), 0);
    assert.equal(flagged('Westpoint与Westpoint延迟<100ms'), 0);
    assert.equal(flagged('Westpoint与Eastpoint延迟<100ms'), 1);
    assert.equal(flagged('Westpoint、Westport与Eastpoint延迟<100ms'), 1);
  });

  it('does not fire on feasible targets, local targets or a single place', () => {
    assert.deepEqual(findings(analysisFixture('latency-ok'), 'latency-physics'), []);
    for (const text of [
      '[基础设施现状]：\n- 公有云：Azure East US、新加坡数据中心\n[核心目标]：\n- 性能：API响应<100ms\n',
      '[基础设施现状]：\n- 公有云：Azure East US\n[核心目标]：\n- 主要指标：跨云同步延迟<10ms\n',
      '[基础设施现状]：\n- 公有云：Azure East US、新加坡数据中心\n[核心目标]：\n- 主要指标：跨云同步延迟<200ms\n',
      '[基础设施现状]：\n- 公有云：Azure East US、新加坡数据中心\n[当前痛点]：\n- 具体问题：跨云延迟>200ms\n',
    ]) {
      assert.deepEqual(findings(text, 'latency-physics'), [], text);
    }
  });

  it('uses the sites of the infrastructure before a support team’s city', () => {
    // 伦敦 (support) is farther from 北京 than 华沙 is, but the sites are AWS北京 and Azure东欧.
    const text = '[基础设施现状]：\n- 公有云：AWS北京、Azure东欧\n[核心目标]：\n- 主要指标：全球访问延迟<65ms\n[特殊要求]：\n- 支持：伦敦本地支持团队\n';
    const f = findings(text, 'latency-physics');
    assert.equal(f.length, 1, summary(f));
    assert.equal(f[0]!.numbers.fromId, 'aws-cn-north-1');
    assert.equal(f[0]!.numbers.toId, 'azure-polandcentral');
  });
});
