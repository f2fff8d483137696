/**
 * The 现状 line of 业务需求分析 names the customer's current systems as the customer writes them
 * (understand/systems.ts): known to the knowledge base or not, trimmed to a name and a version,
 * at most eight, never a pain, an absence, a figure or the clouds the line says already.
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { extractFacts } from '../../../src/core/facts/facts';
import { engineFindings } from '../../../src/core/engine/findings';
import { generateReport } from '../../../src/core/engine/generate';
import { understand } from '../../../src/core/engine/understand';
import type { ReportModel } from '../../../src/core/engine/reportModel';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { AS_OF, evalReport } from './helpers';

/** The 现状 point's text. */
function currentLine(model: ReportModel): string {
  const blocks = model.sections.find((s) => s.id === 'requirements')?.blocks ?? [];
  const point = blocks.flatMap((b) => (b.kind === 'list' ? b.items : [])).find((p) => p.label === '现状');
  assert.ok(point, 'no 现状 line');
  return point.text;
}

/** The systems understood of an intake's 基础设施现状 lines. */
function systems(...lines: string[]): string[] {
  const intake = parseIntake(['[客户行业]：制造', '- 细分领域：离散制造', '[基础设施现状]：', ...lines].join('\n')).intakes[0]!;
  return understand(extractFacts(intake), getKnowledgeBase(), AS_OF, engineFindings(intake)).model.estate.systems.map((s) => s.name);
}

function report(...lines: string[]): ReportModel {
  const text = ['[客户行业]：零售', '- 细分领域：连锁商超', '- 业务规模：门店300家', '[当前痛点]：', '- 具体问题：促销期订单丢失', '[基础设施现状]：', ...lines, '[核心目标]：', '- 主要指标：订单零丢失', '[预算限制]：', '- 总预算：¥300万'].join('\n');
  return generateReport(parseIntake(text), 0, { asOf: AS_OF });
}

describe('the current systems (现状)', () => {
  it("names the design institute's design software, known or not, and its OA as it writes it", () => {
    const line = currentLine(evalReport('design-institute').model);
    for (const name of ['致远OA', 'AutoCAD', 'Revit', '天正', 'PKPM', 'Windows共享盘']) assert.ok(line.includes(name), `${name} missing: ${line}`);
    // The knowledge base's product name is not the customer's, and 300TB is a figure, not a system.
    assert.doesNotMatch(line, /致远互联|协同运营平台|300TB/);
  });

  it('keeps the version written with a name, and drops what follows it', () => {
    assert.deepEqual(systems('- 关键组件：', '  - 数据库：MySQL 5.7（主从），Oracle 11g与Oracle 19c混合，RAC集群', '  - 中间件：WebLogic 12c'), ['MySQL 5.7', 'Oracle 11g', 'Oracle 19c', 'WebLogic 12c']);
  });

  it('names a system built in house, a vendor with its kind, and a status by its key', () => {
    assert.deepEqual(systems('- 关键组件：', '  - POS：自研', '  - SCADA：中控', '  - DCS：霍尼韦尔、横河', '  - 12345热线：已建', '  - 营收系统：自研，2010年上线'), ['自研POS', '中控SCADA', 'DCS（霍尼韦尔、横河）', '12345热线', '自研营收系统']);
  });

  it('lists no pain, absence, way of working or figure as a system', () => {
    assert.deepEqual(
      systems(
        '- 关键组件：',
        '  - 集成：无统一集成平台，点对点接口约15个',
        '  - 报表：Excel加邮件',
        '  - 订货：微信群和电话下单',
        '  - 运营平台：外包开发，代码难以维护',
        '  - MES：各工厂不同',
        '  - 文档：共享盘约60TB',
        '- 现存瓶颈：',
        '  - 技术层面：API网关（Kong）峰值TPS仅800',
      ),
      ['运营平台', '共享盘'],
    );
  });

  it('does not repeat the clouds and the data centre the line says already', () => {
    const line = currentLine(report('- 云环境：', '  - 公有云：阿里云华东2', '  - 私有云：总部机房，VMware vSphere 7.0', '- 关键组件：', '  - ERP：金蝶云星空'));
    assert.equal((line.match(/vSphere/g) ?? []).length, 1, line);
    assert.match(line, /主要组件金蝶云星空/);
  });

  it("says the customer's data centres written under 私有云 in its own words, and no 私有云 that says there is none", () => {
    // securities.intake: "私有云：同城两中心（上海张江、上海外高桥），异地灾备在深圳" names no 机房 or platform.
    assert.match(currentLine(evalReport('securities').model), /^同城两中心（上海张江、上海外高桥），异地灾备在深圳；主要组件Oracle 11g/);
    assert.match(currentLine(evalReport('database-replacement').model), /^两地三中心，华为FusionSphere虚拟化；主要组件/);
    for (const none of ['无', '暂无', '不适用']) {
      const line = currentLine(report('- 云环境：', `  - 私有云：${none}`, '- 关键组件：', '  - ERP：金蝶云星空'));
      assert.equal(line, '主要组件金蝶云星空。', none);
    }
    // Under 公有云 it is a cloud, not a data centre of the customer's own.
    const intake = parseIntake(['[客户行业]：零售', '[基础设施现状]：', '- 公有云：两个可用区'].join('\n')).intakes[0]!;
    assert.deepEqual(understand(extractFacts(intake), getKnowledgeBase(), AS_OF, engineFindings(intake)).model.estate.onPrem, []);
  });

  it('names at most eight, the rest 等', () => {
    const line = currentLine(report('- 关键组件：', '  - 设计软件：AutoCAD、Revit、天正、PKPM、SolidWorks、CATIA、Rhino、SketchUp、Lumion、Navisworks'));
    assert.match(line, /主要组件AutoCAD、Revit、天正、PKPM、SolidWorks、CATIA、Rhino、SketchUp等。$/);
  });
});
