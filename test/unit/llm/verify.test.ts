/** verifyReport: the model's Markdown checked against the engine's facts. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateReport } from '../../../src/core/engine/generate';
import { hasProblems, VerifyCodes, verifyReport } from '../../../src/core/llm/verify';
import type { VerifyFinding } from '../../../src/core/llm/verifyFinding';
import { buildPrompt } from '../../../src/core/llm/prompt';
import { parseIntake } from '../../../src/core/parser';
import { renderMarkdown } from '../../../src/core/render/markdown';
import { fixturesDir, readFixture } from '../helpers/seeds';
import { BAD_REPORT, GOOD_REPORT, readLlmFixture } from './responses';

const file = parseIntake(readLlmFixture('analysis.intake'));
const intake = file.intakes[0]!;
const model = generateReport(file, 0, { asOf: '2026-06-01' });
const grounding = buildPrompt(intake, model, { maxContextTokens: 100_000 }).groundingText;

function codes(list: readonly VerifyFinding[], severity?: VerifyFinding['severity']): string[] {
  return list.filter((f) => !severity || f.severity === severity).map((f) => f.code);
}

describe('llm verify', () => {
  it('finds no problem in a report that agrees with the engine', () => {
    const findings = verifyReport(GOOD_REPORT, model, intake, { groundingText: grounding });
    assert.equal(hasProblems(findings), false, findings.map((f) => `${f.code} ${f.message}`).join('\n'));
    // The corrections of SOC2 Type III and PCI DSS v4.0 are listed, as information only.
    assert.deepEqual(codes(findings, 'information').sort(), ['intake.retired-standard', 'intake.unknown-standard']);
    assert.ok(findings.every((f) => f.line !== undefined));
  });

  it('flags a planted "SOC2 Type III" and a wrong total budget', () => {
    const findings = verifyReport(BAD_REPORT, model, intake, { groundingText: grounding });
    const soc = findings.find((f) => f.code === 'intake.unknown-standard' && f.severity === 'error');
    assert.ok(soc, JSON.stringify(findings, null, 1));
    assert.match(soc.message, /Type III/);
    assert.equal(BAD_REPORT.split('\n')[soc.line! - 1]!.includes('SOC2 Type III报告'), true);
    const budget = findings.find((f) => f.code === 'llm.budget-total');
    assert.ok(budget);
    assert.equal(budget.severity, 'warning');
    assert.match(budget.message, /\$120万\/年/);
    assert.match(budget.message, /\$100万\/年/);
    assert.ok(hasProblems(findings));
  });

  it('accepts the total over the whole period and a converted amount, and skips amounts that are only nearby', () => {
    const ok = ['3年总预算$300万。', '总预算约¥720万/年（按1美元≈7.2元折算）。', '分项超出了总预算的60%（$60万/年）。', '总预算：$100万/年。'];
    for (const line of ok) assert.deepEqual(codes(verifyReport(line, model, intake, { complete: false })), [], line);
    assert.deepEqual(codes(verifyReport('预算总额为$80万。', model, intake, { complete: false })), ['llm.budget-total']);
  });

  it('flags split percentages that differ from the engine', () => {
    const text = ['初期建设60%，持续运维30%。', '初期建设占70%。', '一次性建设（第1年）20%。', '持续运维：35%。'].join('\n');
    const findings = verifyReport(text, model, intake, { complete: false });
    assert.deepEqual(
      findings.map((f) => [f.code, f.line]),
      [
        ['llm.budget-split', 2],
        ['llm.budget-split', 4],
      ],
    );
    assert.match(findings[0]!.message, /初期建设.*70%.*60%/);
  });

  it('lists missing sections, but not for partial text', () => {
    const text = '# 报告\n## 业务需求分析\n内容\n## 二、推荐系统方案\n## 3. 适用性分析\n';
    const findings = verifyReport(text, model, intake);
    assert.deepEqual(codes(findings), ['llm.missing-section']);
    assert.match(findings[0]!.message, /5 of the 8 sections: 关键特性、实施建议、成本效益分析、风险提示、下一步建议/);
    assert.deepEqual(verifyReport(text, model, intake, { complete: false }), []);
  });

  it('flags citations outside the intake', () => {
    const findings = verifyReport('见〔L3, L99〕与〔L0〕；〔客户A〕不是引用。', model, intake, { complete: false });
    assert.deepEqual(codes(findings), ['llm.bad-citation']);
    assert.match(findings[0]!.message, /L99, L0/);
  });

  it('flags knowledge-base products that were not in the grounding, unless labelled 自行建议', () => {
    const grounded = verifyReport('- 日志可用 Splunk Enterprise Security。', model, intake, { groundingText: '- Splunk Enterprise Security（Splunk，国际）得分20/26', complete: false });
    assert.deepEqual(codes(grounded), []);
    const labelled = verifyReport('- 日志可用 Splunk Enterprise Security（自行建议）。', model, intake, { groundingText: 'nothing', complete: false });
    assert.deepEqual(codes(labelled), []);
    const unlabelled = verifyReport('- 日志可用 Grafana LGTM。', model, intake, { groundingText: 'nothing', complete: false });
    assert.deepEqual(codes(unlabelled), ['llm.ungrounded-product']);
    assert.equal(unlabelled[0]!.severity, 'information');
  });
});

/** Verification against the offline plan (verifyPlan.ts) and for personal data (verifyPersonal.ts). */
describe('llm verify: the plan, hard constraints and personal data', () => {
  function context(name: string, index = 0) {
    const f = parseIntake(readFixture(name));
    const m = generateReport(f, index, { asOf: '2026-06-01' });
    const g = buildPrompt(f.intakes[index]!, m, { maxContextTokens: 100_000 }).groundingText;
    /** The findings of the new checks for `text` (partial text: no missing-section finding). */
    return (text: string) => verifyReport(text, m, f.intakes[index]!, { groundingText: g, complete: false }).filter((x) => NEW_CODES.includes(x.code));
  }
  const NEW_CODES: string[] = [VerifyCodes.excludedProduct, VerifyCodes.publicCloud, VerifyCodes.unusedCloud, VerifyCodes.replacesKept, VerifyCodes.notXinchuang, VerifyCodes.personalData];
  const hospital = context('eval/hospital.intake');
  const government = context('eval/government.intake');
  const bank = context('eval/bank.intake');
  const ecommerce = context('eval/ecommerce.intake');
  const banking = context('analysis.intake');
  const pii = context('llm/pii.intake');

  it('llm.excluded-product: recommending a product the offline report excluded, by name or alias', () => {
    // The government's full 信创 excludes the monitoring SaaS (the hospital's plan has no monitoring platform to exclude them from).
    const found = government('## 推荐系统方案\n- 可观测性选用 Datadog，统一采集指标、日志与链路。\n- 备选 new relic。');
    assert.deepEqual(found.map((f) => [f.code, f.severity, f.line]), [
      ['llm.excluded-product', 'error', 2],
      ['llm.excluded-product', 'error', 3],
    ]);
    assert.match(found[0]!.message, /^Report line 2 recommends Datadog, which the offline report excluded: 未见信创适配，不满足“信创要求（国产芯片与操作系统、国产数据库）”\.$/);
    // A product tried before and given up, proposed again.
    assert.deepEqual(ecommerce('- OMS直接采购聚水潭，快速上线。').map((f) => f.code), ['llm.excluded-product']);
  });

  it('llm.excluded-product: none for an excluded product named as what a pick is compatible with or compared to, one for it proposed', () => {
    const replacement = context('eval/database-replacement.intake');
    assert.deepEqual(replacement('## 推荐系统方案\n- 事务数据库选用达梦DM8，Oracle兼容度较高；生态小于MySQL/PostgreSQL；人大金仓提供Oracle、MySQL等多种兼容模式。'), []);
    assert.deepEqual(replacement('## 推荐系统方案\n- 事务数据库改用MySQL，兼容性好。').map((f) => f.code), ['llm.excluded-product']);
  });

  it('llm.excluded-product: none for naming an excluded product to say it was excluded, or in a part that lists exclusions', () => {
    for (const text of [
      '- Datadog、New Relic：控制面在公有云上，违反“患者数据不得上公有云”，已排除。',
      '- 不推荐 Datadog，其数据存放在厂商云上。',
      '- 选用 Grafana LGTM，而非 Datadog。',
      '### 未采用的产品\n- Datadog\n- New Relic（控制面在厂商云上）',
      '## 附录\n| 产品 | 原因 |\n| --- | --- |\n| Datadog | 数据在厂商云上 |',
    ]) assert.deepEqual(hospital(text), [], text);
    assert.deepEqual(ecommerce('- 客户曾试用聚水潭SaaS版，因不支持海外仓多仓路由而放弃。'), []);
    assert.deepEqual(ecommerce('- 重蹈“聚水潭SaaS版”的覆辙：须说明这次有何不同。'), []);
  });

  it('llm.excluded-product: the product the project replaces named as what goes is no finding; kept, it is one', () => {
    const leaving = context('eval/virtualization-replacement.intake');
    for (const text of ['- 运维团队只熟悉VMware，需原厂培训。', '- VMware续约报价从每年180万涨到620万。', '- 按vSphere的到期日倒排迁移。']) assert.deepEqual(leaving(text), [], text);
    assert.deepEqual(leaving('## 推荐系统方案\n- 保留VMware vSphere并续约三年。').map((f) => f.code), ['llm.excluded-product']);
  });

  it('llm.public-cloud: public cloud or SaaS proposed where the intake bans it, in words or by product', () => {
    assert.deepEqual(hospital('- 建议将PACS影像归档迁移到公有云对象存储，降低扩容成本。').map((f) => [f.code, f.severity]), [['llm.public-cloud', 'error']]);
    const product = hospital('- 影像长期归档可使用 Azure Blob Storage。');
    assert.deepEqual(product.map((f) => f.code), ['llm.public-cloud']);
    assert.match(product[0]!.message, /Azure Blob Storage.*患者数据不得上公有云/);
    for (const text of ['- 全部采用本地私有化部署，不使用公有云。', '- 集成平台部署在院内机房。', '- 客户禁止公有云，因此不采用任何SaaS服务。']) assert.deepEqual(hospital(text), [], text);
    // Without a ban, public cloud is not a finding.
    assert.deepEqual(banking('- 分析环境可放在公有云上。'), []);
  });

  it('llm.unused-cloud: a cloud the customer does not use', () => {
    const found = banking('- 灾备环境建议部署在阿里云上海区域。');
    assert.deepEqual(found.map((f) => [f.code, f.severity, f.line]), [['llm.unused-cloud', 'warning', 1]]);
    assert.match(found[0]!.message, /proposes 阿里云, a cloud the customer does not use \(it uses AWS\)/);
    for (const text of ['- AWS北京与AWS法兰克福之间走专线。', '- 客户只用AWS，不引入阿里云。', '- 阿里云 云企业网 CEN属于客户未使用的云，已排除。']) assert.deepEqual(banking(text), [], text);
    // A product whose name holds a cloud's is judged as the product: 腾讯云 TDSQL is the bank's own alternative.
    assert.deepEqual(bank('- 分布式数据库：GoldenDB，备选腾讯云 TDSQL。'), []);
    // A caveat the report writes on a product warns, it proposes nothing.
    assert.deepEqual(banking('- 统一身份：Microsoft Entra ID——注意世纪互联运营的中国版与全球版租户相互独立。'), []);
    assert.equal(banking('- 统一身份部署在世纪互联运营的Azure中国区。').length, 1);
  });

  it('llm.replaces-kept: replacing a system the customer keeps', () => {
    const found = hospital('- 建议将卫宁HIS替换为新一代HIS，一次性完成升级。');
    assert.deepEqual(found.map((f) => [f.code, f.severity]), [['llm.replaces-kept', 'warning']]);
    assert.match(found[0]!.message, /replaces 卫宁HIS, which the customer keeps/);
    for (const text of ['- 保留现有卫宁HIS，新建集成平台与之对接，不做替换。', '- 集成平台替换点对点接口，HIS通过HL7 v2接入。', '- HIS的HL7 v2消息在集成平台转换为FHIR，不做点对点直连。']) assert.deepEqual(hospital(text), [], text);
    assert.deepEqual(bank('- 新核心上线后逐步下线信贷系统。').map((f) => f.code), ['llm.replaces-kept']);
  });

  it('llm.not-xinchuang: a product without 信创 adaptation where full 信创 is required', () => {
    assert.deepEqual(bank('- 数据仓库选用 Microsoft SQL Server。').map((f) => [f.code, f.severity]), [['llm.not-xinchuang', 'warning']]);
    // The customer's own products, named as the estate or to move away from them, are no proposal.
    assert.deepEqual(bank('- 现有Oracle Database 19c数据仓库迁移到国产数据库。'), []);
    assert.deepEqual(banking('- 数据仓库选用 Microsoft SQL Server。'), [], 'no 信创 requirement');
  });

  it("llm.personal-data: the intake's contacts (an error) and what the detectors suspect (a warning)", () => {
    const found = pii('## 下一步建议\n- 与联系人张伟（13812345678）确认需求。\n- 请李雷经理回复，电话13900001111。\n- 〔客户A〕的理赔系统跨云延迟高〔L9〕。');
    assert.deepEqual(found.map((f) => [f.code, f.severity, f.line]), [
      ['llm.personal-data', 'error', 2],
      ['llm.personal-data', 'warning', 3],
    ]);
    assert.match(found[0]!.message, /^Report line 2 prints personal data from the intake \(a person's name, a phone number\)/);
    assert.ok(!found.some((f) => f.message.includes('13812345678') || f.message.includes('张伟')), 'the finding does not repeat the data');
    assert.deepEqual(pii('- 驻场工程师常驻上海，7x24电话支持。\n- 卫宁健康与东华医为均有三甲案例。'), []);
  });

  it('finds none of these in the offline reports themselves (seed and evaluation intakes)', () => {
    const names = ['seed/seed.intake#1', 'seed/seed.intake#3', ...fs.readdirSync(path.join(fixturesDir(), 'eval')).map((n) => `eval/${n}#0`), 'llm/pii.intake#0'];
    for (const entry of names) {
      const [name, index] = entry.split('#') as [string, string];
      const f = parseIntake(readFixture(name));
      const m = generateReport(f, Number(index), { asOf: '2026-06-01' });
      if (m.kind !== 'report') continue;
      const g = buildPrompt(f.intakes[Number(index)]!, m).groundingText;
      const found = verifyReport(renderMarkdown(m), m, f.intakes[Number(index)]!, { groundingText: g }).filter((x) => NEW_CODES.includes(x.code));
      assert.deepEqual(found, [], entry);
    }
  });

  it('finds none of them in a report that agrees with the engine', () => {
    assert.deepEqual(banking(GOOD_REPORT), []);
  });
});
