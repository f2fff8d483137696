/**
 * A platform layer the customer has without buying it (categories.yaml `suppliedBy`): a server OS
 * comes with the 政务云 its systems run on, or is the domestic one it runs already (麒麟 on 鲲鹏);
 * the plan then buys none, and the report says so. A customer on its own servers still gets one.
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { extractFacts } from '../../../src/core/facts/facts';
import { engineFindings } from '../../../src/core/engine/findings';
import { generateReport } from '../../../src/core/engine/generate';
import { understand } from '../../../src/core/engine/understand';
import { suppliedWithout } from '../../../src/core/engine/plan/supplied';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { bodyOf, renderMarkdown } from '../../../src/core/render/markdown';
import { AS_OF, evalReport } from './helpers';

function understood(lines: string[]) {
  const intake = parseIntake(lines.join('\n')).intakes[0]!;
  return understand(extractFacts(intake), getKnowledgeBase(), AS_OF, engineFindings(intake));
}

/** A city bureau's intake under full 信创, on the estate lines given. */
function intake(...estate: string[]): string[] {
  return [
    '[客户行业]：政府',
    '- 细分领域：地级市行政审批局',
    '[当前痛点]：',
    '- 审批材料重复提交，跨部门数据共享靠人工导出Excel',
    '[基础设施现状]：',
    ...estate,
    '[核心目标]：',
    '- 主要目标：一年内建成统一审批平台，高频事项一次办',
    '[预算限制]：',
    '- 总预算：¥600万',
    '[特殊要求]：',
    '- 信创要求：全面信创',
  ];
}

function report(lines: string[]) {
  const model = generateReport(parseIntake(lines.join('\n')), 0, { asOf: AS_OF });
  return { model, body: bodyOf(renderMarkdown(model, { refs: false })), markdown: renderMarkdown(model) };
}

const buysOs = (r: ReturnType<typeof report>) => r.model.plan!.systems.some((s) => s.category === 'os');

describe('supplied layers: a server OS the customer has without buying it', () => {
  it('reads 麒麟 written on the private-cloud line as the server OS the customer runs', () => {
    const u = understood(intake('- 私有云：市政务云（华为云Stack，鲲鹏+麒麟），由市大数据局统一运维'));
    const kylin = u.model.estate.products.find((p) => p.product === 'kylin-server-os');
    assert.ok(kylin, u.model.estate.products.map((p) => p.name).join());
    assert.equal(kylin.written, '麒麟');
    assert.deepEqual(kylin.categories, ['os']);
  });

  it('buys no server OS on a 政务云, and says the cloud supplies it (government fixture)', () => {
    const { model, body, markdown } = evalReport('government');
    assert.ok(!model.plan!.systems.some((s) => s.category === 'os'));
    assert.ok(!model.costs!.items.some((i) => i.component.includes('操作系统')), 'no OS licence on 假设80台服务器');
    assert.ok(!body.includes('统信UOS服务器版'), 'no 麒麟-or-统信 POC');
    assert.match(body, /服务器操作系统由市政务云随云主机提供（现有麒麟），本期不另购。/);
    // The customer has a private cloud: the summary does not say it has none.
    assert.match(markdown, /理解摘要：云私有云（华为云Stack）；/);
  });

  it('buys none on a 政务云 named without a product (hotline, city operations)', () => {
    for (const name of ['government-hotline', 'city-operations']) {
      const { model, body } = evalReport(name);
      assert.ok(!model.plan!.systems.some((s) => s.category === 'os'), name);
      assert.match(body, /服务器操作系统由[^，。]*政务云随云主机提供，本期不另购。/, name);
    }
  });

  it('keeps the domestic server OS the customer runs on its own servers, and buys none', () => {
    const r = report(intake('- 本地机房：自建机房，服务器约40台，操作系统银河麒麟V10'));
    assert.ok(!buysOs(r));
    assert.match(r.body, /服务器操作系统沿用现有的银河麒麟，已是国产信创产品，本期不另购。/);
  });

  it('still buys a domestic server OS for its own servers without one, or with a CentOS to move', () => {
    assert.ok(buysOs(report(intake('- 本地机房：自建机房，服务器约40台'))));
    // CentOS beside the 政务云: the servers that run it need a domestic OS.
    const mixed = understood(intake('- 私有云：市政务云', '- 本地机房：服务器20台，CentOS 7'));
    assert.equal(suppliedWithout('os', mixed), undefined);
  });

  it('reads no cloud where the line says there is none, or one only planned', () => {
    assert.equal(suppliedWithout('os', understood(intake('- 私有云：无政务云，自建机房'))), undefined);
    assert.equal(suppliedWithout('os', understood(intake('- 私有云：计划迁入市政务云'))), undefined);
    assert.deepEqual(suppliedWithout('os', understood(intake('- 私有云：市政务云')))?.clouds, ['市政务云']);
  });

  it('calls a 政务云 a private cloud in the summary, but not virtualisation in its own machine room', () => {
    assert.match(report(intake('- 私有云：市政务云（华为）')).markdown, /理解摘要：云私有云（市政务云）；/);
    assert.match(report(intake('- 私有云：VMware vSphere 7')).markdown, /理解摘要：云无；/);
    assert.match(report(intake('- 私有云：无')).markdown, /理解摘要：云无；/);
  });

  it('says nothing of the OS where 信创 does not ask for it', () => {
    const lines = intake('- 私有云：市政务云').filter((l) => !l.includes('信创'));
    assert.doesNotMatch(report(lines).body, /本期不另购/);
  });
});
