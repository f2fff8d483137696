/**
 * A version past its end of support is said once in each place it belongs: its upgrade path under
 * 实施建议, why it is a risk (with what goes with upgrading that product, VMware's subscription
 * licensing) in one risk whose 应对 points to that path, and who does it when in 下一步建议.
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import { bodyOf, renderMarkdown } from '../../../src/core/render/markdown';
import { readExample } from '../helpers/seeds';
import { AS_OF, evalReport } from './helpers';

const count = (text: string, part: string) => text.split(part).length - 1;

describe('lifecycle risk: one product, one risk, its path said once', () => {
  for (const name of ['internet-hospital', 'drg-payment', 'warehouse']) {
    it(`${name}: vSphere 7's end of support and its licensing are one risk, pointing to 实施建议`, () => {
      const { model, body } = evalReport(name);
      const vmware = model.risks.filter((r) => /VMware|vSphere/.test(`${r.title}${r.risk}`));
      assert.equal(vmware.length, 1, vmware.map((r) => r.title).join(' | '));
      const risk = vmware[0]!;
      assert.equal(risk.source, 'lifecycle');
      assert.equal(risk.title, 'VMware vSphere 7已过支持期，许可已改为订阅制');
      assert.match(risk.risk, /（2025-10-02）已过支持期.*；VMware已改为订阅制按核计费/);
      assert.match(risk.mitigation, /^升级路径见实施建议；.*续约前6至12个月盘点核数/);
      // The path itself once, under 实施建议 (版本升级), as of the pinned date.
      assert.equal(count(body, '升级到vSphere 8'), 1, AS_OF);
      assert.ok(!model.risks.some((r) => r.title === 'VMware许可已改为订阅制'));
    });
  }

  it('a product the project takes away is retired, not upgraded, and its path is not said again', () => {
    const { model, body } = evalReport('email');
    const exchange = model.risks.find((r) => r.source === 'lifecycle')!;
    assert.equal(exchange.mitigation, '随本期替换下线（见实施建议）；下线前先做加固、网络隔离与备份。');
    assert.equal(count(body, '在本期邮件系统替换中迁移下线'), 1);
  });

  it('keeps the path’s aside, which 实施建议 leaves out, in the risk that points to it (Redis 7.4’s licence change)', () => {
    const m = generateReport(parseIntake(readExample('retail-cross-border')), 0, { asOf: AS_OF });
    const redis = m.risks.find((r) => r.source === 'lifecycle')!;
    assert.match(redis.mitigation, /^升级路径见实施建议（注意7\.4起的许可变化）；/);
    const body = bodyOf(renderMarkdown(m, { refs: false }));
    assert.equal(count(body, '注意7.4起的许可变化'), 1);
    assert.equal(count(body, '升级到Redis 7.4或8.x'), 1);
  });

  it('a risk about several versions keeps a rule’s risk about one of them apart (pharmacy: Oracle, MySQL, vSphere)', () => {
    const { model } = evalReport('pharmacy');
    const lifecycle = model.risks.find((r) => r.source === 'lifecycle')!;
    assert.match(lifecycle.title, /^3个组件过了或临近支持期$/);
    assert.ok(model.risks.some((r) => r.title === 'VMware许可已改为订阅制'));
  });
});
