/**
 * The budget advice's second phase (engine/plan/deferral.ts, costs.ts): a system that another
 * system kept in the plan takes its data from (categories.yaml `takesDataFrom`) is never deferred
 * alone; the two go together, or neither does. A source its dependent starts without
 * (`startsWithout`: a billing system on handheld reads until the AMI comes) may go alone.
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import type { SystemType } from '../../../src/core/engine/reportModel';
import { deferralUnits } from '../../../src/core/engine/plan/deferral';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { AS_OF, evalReport } from './helpers';
import { readFixture } from '../helpers/seeds';

const system = (category: string, role: SystemType['role'] = 'supporting'): SystemType => ({ category, name: category, role, reason: '…', refs: [] });

describe('budget advice: what it defers to a second phase', () => {
  describe('deferralUnits (synthetic plan)', () => {
    // report reads warehouse; dashboard reads report; the archive reads nothing of theirs.
    const feeds: Record<string, string[]> = { report: ['warehouse'], dashboard: ['report'] };
    const needs = (c: string) => feeds[c] ?? [];
    const [core, warehouse, report, dashboard, archive] = [system('core', 'core'), system('warehouse'), system('report'), system('dashboard'), system('archive')];
    const plan = [core, warehouse, report, dashboard, archive];
    const units = (candidates: SystemType[]) => deferralUnits(plan, candidates, needs).map((u) => [u.system.category, ...u.dependents.map((d) => d.category)]);

    it('keeps a source in the first phase while a system that stays takes its data from it', () => {
      // The report (the main goal's, say) is no candidate: the warehouse it reads stays too, and the dashboard reading the report.
      assert.deepEqual(units([warehouse, dashboard, archive]), [['dashboard'], ['archive']]);
    });

    it('defers a source only with every system that takes its data from it, directly or through another', () => {
      assert.deepEqual(units([warehouse, report, dashboard, archive]), [['warehouse', 'report', 'dashboard'], ['report', 'dashboard'], ['dashboard'], ['archive']]);
    });

    it('defers nothing of what no system takes data from beyond itself, and nothing when nothing is a candidate', () => {
      assert.deepEqual(units([archive]), [['archive']]);
      assert.deepEqual(units([]), []);
    });
  });

  describe('the analytics fixture (BI for the main goal, reading the warehouse the pain asks for)', () => {
    const { model } = evalReport('analytics');

    it('has a BI that takes its data from the warehouse, in the knowledge base', () => {
      assert.ok(getKnowledgeBase().category('bi')?.takesDataFrom?.includes('olap'));
      assert.deepEqual(model.plan?.systems.map((s) => s.category), ['bi', 'olap']);
    });

    it('does not defer the warehouse the BI takes its data from; it negotiates and phases instead', () => {
      const statement = model.costs?.budget?.statement ?? '';
      assert.equal(model.costs?.budget?.verdict, 'tight');
      assert.doesNotMatch(statement, /二期/, statement);
      assert.match(statement, /报价若接近上限，与Microsoft谈许可分期与报价，或分期建设、按里程碑付款。/, statement);
    });
  });

  it('still defers the AMI platform the water billing system starts without (handheld reads until it comes)', () => {
    const statement = evalReport('water-utility').model.costs?.budget?.statement ?? '';
    assert.match(statement, /把“智能水表远程抄表（AMI）平台”放到二期（约¥302万）/, statement);
  });

  describe('what the comparison covers, and what the main goal or a stated integration needs', () => {
    const statement = (name: string) => evalReport(name).model.costs?.budget?.statement ?? '';

    it('does not defer a government\'s data-sharing platform its main goal of 免提交 takes the materials from', () => {
      const { model } = evalReport('government');
      const exchange = model.plan?.systems.find((s) => s.category === 'gov-data-exchange');
      assert.ok(exchange?.refs.includes(21), JSON.stringify(exchange));
      const said = statement('government');
      assert.match(said, /^一次性投入估算/, said);
      assert.doesNotMatch(said, /二期|一期只交付/, said);
      // Over at its low end (the exchange platform bought outright): it negotiates and phases.
      assert.match(said, /要回到预算内，与浪潮软件谈许可分期与报价，或分期建设、按里程碑付款。/, said);
    });

    it('counts only the one-time costs of what it defers where the budget is one-time (运维费另行申请)', () => {
      // The same intake with a main goal that does not take materials from other departments:
      // the exchange platform may wait, and saves its one-time cost (its licence bought outright and
      // its implementation for the 46 departments: ¥321万 at the top), not its yearly maintenance as well.
      const intake = readFixture('eval/government').replace(/- 主要指标：.*/, '- 主要指标：9个月内上线统一受理平台，覆盖200个事项');
      const m = generateReport(parseIntake(intake), 0, { asOf: AS_OF });
      const said = m.costs?.budget?.statement ?? '';
      assert.match(said, /^一次性投入估算/, said);
      assert.match(said, /把“政务数据共享交换平台”放到二期（约¥321万）/, said);
    });

    it('does not defer an integration platform brought in only to connect a system the intake keeps (SAP S/4HANA保留)', () => {
      const said = statement('crm');
      assert.doesNotMatch(said, /二期|一期只交付/, said);
      assert.match(said, /与纷享销客（Fxiaoke）谈许可分期与报价/, said);
    });

    it('does not defer the electronic seal a main goal of 电子校审出图 needs, but may defer the licence monitoring', () => {
      const said = statement('design-institute');
      assert.doesNotMatch(said, /电子签章/, said);
      assert.match(said, /把“软件许可管理”放到二期（约¥69\.7万）/, said);
    });
  });

  it('defers the warehouse together with the BI that reads it, and says so, never the core system (synthetic intake)', () => {
    const intake = [
      '[客户行业]：制造业',
      '- 细分领域：汽车零部件',
      '- 业务规模：员工约3000人，工厂2个',
      '',
      '[当前痛点]：',
      '- 车间生产进度不透明，靠纸质工单',
      '- 经营报表靠IT部门用Excel手工出，一张新报表要排期两周',
      '- 数据分散在ERP和MES里，没有统一的数据仓库',
      '',
      '[基础设施现状]：',
      '- 私有云：VMware vSphere 8',
      '- 关键组件：',
      '  - ERP：SAP S/4HANA 2022',
      '',
      '[核心目标]：',
      '- 主要目标：12个月内上线MES，实现生产过程透明',
      '- 次级目标：',
      '  - 建设数据仓库与BI，经营报表自助分析',
      '',
      '[预算限制]：',
      '- 总预算：¥600万',
      '',
      '[特殊要求]：',
      '- 信创要求：无',
    ].join('\n');
    const m = generateReport(parseIntake(intake), 0, { asOf: AS_OF });
    assert.deepEqual(m.plan?.systems.map((s) => [s.category, s.role]), [['mes', 'core'], ['olap', 'supporting'], ['bi', 'supporting']]);
    const statement = m.costs?.budget?.statement ?? '';
    // The BI alone (about ¥138万 over three years) does not close the ¥190万 gap; the warehouse alone would strand it.
    assert.match(statement, /要回到预算内，把“OLAP\/数据仓库”及从它取数的“BI”一并放到二期（约¥359万）。/, statement);
    assert.doesNotMatch(statement, /“MES”/, statement);
  });
});
