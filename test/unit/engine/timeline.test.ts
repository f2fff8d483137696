/**
 * The implementation timeline's templates as data (knowledge/timelines.yaml): the schema and the
 * integrity check refuse a broken file with a message that says what is wrong, and
 * engine/plan/timeline.ts selects a template in the file's order, puts the testing phase where
 * the template marks it and fits the phases to the deadline.
 */
import * as assert from 'node:assert/strict';
import loadTimelines from '../../../src/core/knowledge/timelines.yaml';
import { checkKnowledgeIntegrity } from '../../../src/core/knowledge/integrity';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { TimelinesFileSchema, type Timelines } from '../../../src/core/knowledge/timelineSchema';
import { compileEmbeddedData } from '../../../src/core/knowledge/validateData';
import { planTimeline } from '../../../src/core/engine/plan/timeline';
import type { Understanding } from '../../../src/core/engine/understand';

const KB = getKnowledgeBase();

/** A valid file to break: two templates and the testing phase. */
function file(): Record<string, unknown> & { templates: Record<string, unknown>[]; regulatedTesting: Record<string, unknown> } {
  return {
    templates: [
      { id: 'bank', coreSystems: ['core-banking'], phases: [{ name: '开发', min: 2, typical: 3, deliverables: ['代码'] }, 'regulated-testing', { name: '切换', min: 1, typical: 1, deliverables: ['切换报告'] }] },
      { id: 'default', phases: [{ name: '实施', min: 4, typical: 6, deliverables: ['上线'] }] },
    ],
    regulatedTesting: { windows: [{ when: 'mlps', name: '等保测评', deliverable: '等保测评报告' }], name: '{windows}与整改', deliverables: ['整改闭环记录'], min: 4, typical: 6 },
  };
}

/** The schema's problems as the build prints them (path: message). */
function schemaProblems(data: unknown): string[] {
  const result = TimelinesFileSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** The integrity problems of the embedded knowledge with `timelines` instead of its own. */
function integrityProblems(timelines: Timelines): string[] {
  return checkKnowledgeIntegrity({ ...KB, timelines });
}

describe('timelines.yaml', () => {
  it('validates against TimelinesFileSchema and ships with the knowledge base', () => {
    // As JSON: the shipped templates' phases are getters that parse them on first read (knowledge/lazyDetails.ts).
    const asLoaded: unknown = JSON.parse(JSON.stringify(loadTimelines()));
    assert.deepEqual(schemaProblems(asLoaded), []);
    const shipped: unknown = JSON.parse(JSON.stringify(KB.timelines));
    assert.deepEqual(shipped, TimelinesFileSchema.parse(asLoaded));
    const compiled = compileEmbeddedData();
    assert.deepEqual(compiled.problems, []);
    assert.deepEqual(JSON.parse(JSON.stringify(compiled.data['knowledge/timelines.yaml'])), shipped);
  });

  it('keeps the precedence of the templates: core banking, credit management, mobile banking, securities trading, telecom BSS, GxP, laboratories (LIMS), finance shared services, ERP, knowledge assistant, SRM, contact centre, 12345 hotline, store POS, hotel PMS, property management, dealer groups, real estate development, business parks, group HR and OA, sales CRM, distributor management and field sales (DMS/SFA), private-domain operations, analytics platform, data assets, data platform, city operations, government budgets, internet hospital, regional imaging, DRG/DIP payment, hospital operations (HRP), elder care homes, hospital, cross-border seller ERP, OMS, APS, accounting archives, risk and AML monitoring, energy management, data centre infrastructure (DCIM), cold-chain monitoring, smart water, EV charging operations, field service, recruitment, employee learning, fixed assets, process safety, expenses and business travel, customs and bonded ledgers, tax and e-invoices, treasury, product traceability, manufacturing quality, smart construction sites, construction projects, budgeting and consolidation, contracts, EAM, design collaboration, documents, low-code, rules and flows (rules engine/BPM), collaboration, e-signature, delivery platform, master data, product data, warehouse, container terminal (TOS), MES, campus, logistics, monitoring, media, government, backup programme, disaster recovery, database replacement, privileged access, identity platform, security programme, container platform, operations platform, connected equipment, campus network, office 信创, integration platform, video conferencing, email replacement, virtual desktops, virtualisation platform replacement, cloud migration, then the default', () => {
    assert.deepEqual(
      KB.timelines.templates.map((t) => t.id),
      ['core-banking', 'credit-rollout', 'mobile-banking-rollout', 'securities-trading', 'telecom-bss', 'gxp', 'lims-rollout', 'fssc-rollout', 'erp', 'knowledge-assistant', 'srm-rollout', 'contact-center-rollout', 'gov-hotline-rollout', 'store-rollout', 'hotel-rollout', 'property-rollout', 'dealer-group-rollout', 'realestate-rollout', 'park-rollout', 'group-hr-oa-rollout', 'sales-crm-rollout', 'dms-sfa-rollout', 'scrm-rollout', 'analytics-platform', 'data-asset-rollout', 'data-platform', 'city-operations-rollout', 'budget-integration-rollout', 'internet-hospital-rollout', 'regional-imaging-rollout', 'drg-rollout', 'hrp-rollout', 'eldercare-rollout', 'hospital-rating', 'crossborder-erp-rollout', 'oms', 'aps-rollout', 'e-archive-rollout', 'risk-rollout', 'energy-rollout', 'dcim-rollout', 'cold-chain-rollout', 'smart-water-rollout', 'ev-charging-rollout', 'fsm-rollout', 'recruitment-rollout', 'learning-rollout', 'fixed-asset-rollout', 'ehs-rollout', 'expense-rollout', 'customs-rollout', 'tax-rollout', 'treasury-rollout', 'trace-rollout', 'mfg-qms-rollout', 'smart-site-rollout', 'construction-pm-rollout', 'epm-rollout', 'clm-rollout', 'eam-rollout', 'design-collab-rollout', 'ecm-rollout', 'low-code-rollout', 'rules-rollout', 'collaboration-rollout', 'esign-rollout', 'devops-rollout', 'mdm-rollout', 'plm-rollout', 'wms-rollout', 'tos-rollout', 'mes', 'campus', 'logistics', 'centralised-monitoring', 'media', 'government', 'backup-rollout', 'disaster-recovery', 'database-replacement', 'pam-rollout', 'iam-rollout', 'security-programme', 'container-platform', 'ops-platform', 'connected-equipment', 'campus-network', 'office-xinchuang', 'integration-rollout', 'video-conferencing-rollout', 'email-rollout', 'virtual-desktop', 'virtualization-replacement', 'cloud-migration', 'platform'],
    );
  });

  it('accepts the valid example', () => {
    assert.deepEqual(schemaProblems(file()), []);
    assert.deepEqual(integrityProblems(TimelinesFileSchema.parse(file())), []);
  });

  it('refuses a phase whose minimum exceeds its typical length, or that lasts no week', () => {
    const f = file();
    (f.templates[0]!.phases as Record<string, unknown>[])[0] = { name: '开发', min: 4, typical: 3, deliverables: ['代码'] };
    assert.deepEqual(schemaProblems(f), ['templates.0.phases.0: min must not exceed typical']);
    (f.templates[0]!.phases as Record<string, unknown>[])[0] = { name: '开发', min: 0, typical: 3, deliverables: ['代码'] };
    assert.deepEqual(schemaProblems(f), ['templates.0.phases.0.min: Too small: expected number to be >0']);
    (f.templates[0]!.phases as Record<string, unknown>[])[0] = { name: '开发', min: 1.5, typical: 3, deliverables: ['代码'] };
    assert.deepEqual(schemaProblems(f), ['templates.0.phases.0: expected a phase { name, min, typical, deliverables }, "regulated-testing" or "pre-operation-testing" (min: Invalid input: expected int, received number)']);
  });

  it('says what a phase entry should be when it is neither a phase nor the testing marker', () => {
    const f = file();
    (f.templates[0]!.phases as unknown[])[1] = 'regulated-tests';
    assert.deepEqual(schemaProblems(f), ['templates.0.phases.1: expected a phase { name, min, typical, deliverables }, "regulated-testing" or "pre-operation-testing"']);
    (f.templates[0]!.phases as unknown[])[1] = { name: '测试', min: 1, typical: 2 };
    assert.deepEqual(schemaProblems(f), ['templates.0.phases.1: expected a phase { name, min, typical, deliverables }, "regulated-testing" or "pre-operation-testing" (deliverables: Invalid input: expected array, received undefined)']);
  });

  it('refuses the testing marker twice in one template', () => {
    const f = file();
    (f.templates[0]!.phases as unknown[]).push('regulated-testing');
    assert.deepEqual(schemaProblems(f), ['templates.0: "regulated-testing" at most once per template']);
  });

  it('refuses the pre-operation marker twice, after the testing marker or without it', () => {
    const f = file();
    (f.templates[0]!.phases as unknown[]).splice(1, 0, 'pre-operation-testing', 'pre-operation-testing');
    assert.deepEqual(schemaProblems(f), ['templates.0: "pre-operation-testing" at most once per template']);
    f.templates[0]!.phases = [{ name: '开发', min: 2, typical: 3, deliverables: ['代码'] }, 'regulated-testing', 'pre-operation-testing'];
    assert.deepEqual(schemaProblems(f), ['templates.0: "pre-operation-testing" only before "regulated-testing"']);
    f.templates[0]!.phases = [{ name: '开发', min: 2, typical: 3, deliverables: ['代码'] }, 'pre-operation-testing'];
    assert.deepEqual(schemaProblems(f), ['templates.0: "pre-operation-testing" only before "regulated-testing"']);
  });

  it('puts every template\'s 等保 testing after the rollout and cut-over of what it assesses', () => {
    // A reviewer found 等保测评 in weeks 15–20 of a campus network whose areas were cut over in
    // weeks 21–36: what follows the marker closes the project (acceptance, handover, tuning).
    for (const t of KB.timelines.templates) {
      const at = t.phases.indexOf('regulated-testing');
      if (at < 0) continue;
      const later = t.phases.slice(at + 1).flatMap((p) => (typeof p === 'string' ? [] : [p.name]));
      assert.deepEqual(later.filter((n) => /分批|推广|割接|切换|迁移|接入/u.test(n)), [], t.id);
    }
  });

  it('makes the last template, and only it, the default', () => {
    const f = file();
    f.templates.reverse();
    assert.deepEqual(schemaProblems(f), [
      'templates.0: only the last template may be the default: give coreSystems, industries or traits',
      'templates.1: the last template is the default: it gives no coreSystems, industries or traits',
    ]);
  });

  it('refuses a testing phase whose name does not say where the tests go, or that lists a test twice', () => {
    const f = file();
    f.regulatedTesting = { ...f.regulatedTesting, name: '测评与整改' };
    assert.deepEqual(schemaProblems(f), ['regulatedTesting.name: the name says where the tests go: {windows}']);
    f.regulatedTesting = { ...file().regulatedTesting, windows: [{ when: 'mlps', name: '等保测评', deliverable: '报告' }, { when: 'mlps', name: '等保', deliverable: '报告' }] };
    assert.deepEqual(schemaProblems(f), ['regulatedTesting: each test (when) at most once']);
  });

  it('refuses unknown core-system categories and industries, and duplicate template ids', () => {
    const f = file();
    f.templates[0] = { ...f.templates[0], coreSystems: ['core-banking', 'core-bankin'], industries: ['bankin'] };
    f.templates.splice(1, 0, { ...f.templates[0], id: 'bank' });
    assert.deepEqual(integrityProblems(TimelinesFileSchema.parse(f)), [
      'timeline template: duplicate id "bank"',
      'timeline template bank: unknown category "core-bankin"',
      'timeline template bank: unknown industry "bankin"',
      'timeline template bank: unknown category "core-bankin"',
      'timeline template bank: unknown industry "bankin"',
    ]);
  });
});

describe('planTimeline', () => {
  const timelines = TimelinesFileSchema.parse(file());
  const understanding = (o: { core?: string; inScope?: boolean; industry?: string; months?: number; traits?: string[] }, with_ = timelines): Understanding =>
    ({
      model: { coreSystem: { inScope: o.inScope ?? true, category: o.core }, deadline: { months: o.months, refs: [] } },
      industry: o.industry ? { id: o.industry } : undefined,
      traits: new Set(o.traits ?? []),
      kb: { ...KB, timelines: with_ },
    }) as unknown as Understanding;

  it('selects a template of traits (a move to the cloud) before the industry\'s, unless the core system is in scope', () => {
    const f = file();
    f.templates.splice(1, 0, { id: 'campus', industries: ['education'], phases: [{ name: '建设', min: 2, typical: 3, deliverables: ['上线'] }] });
    f.templates.splice(1, 0, { id: 'move', traits: ['cloud-migration'], phases: [{ name: '迁移', min: 2, typical: 3, deliverables: ['退租'] }] });
    const withMove = TimelinesFileSchema.parse(f);
    const template = (o: Parameters<typeof understanding>[0]) => planTimeline(understanding(o, withMove), { mlps: false, crypto: false }).template;
    assert.equal(template({ core: 'lms', inScope: false, industry: 'education', traits: ['cloud-migration'] }), 'move');
    assert.equal(template({ core: 'lms', inScope: false, industry: 'education' }), 'campus');
    assert.equal(template({ core: 'core-banking', traits: ['cloud-migration'] }), 'bank');
  });

  it('selects the first template the in-scope core system or the industry names, else the default', () => {
    assert.equal(planTimeline(understanding({ core: 'core-banking' }), { mlps: false, crypto: false }).template, 'bank');
    assert.equal(planTimeline(understanding({ core: 'core-banking', inScope: false }), { mlps: false, crypto: false }).template, 'default');
    assert.equal(planTimeline(understanding({ core: 'mes', industry: 'banking' }), { mlps: false, crypto: false }).template, 'default');
  });

  it("rolls a rules engine out by product line where the plan leads with it, and keeps migration words to the cloud migration", () => {
    const shipped = (o: Parameters<typeof understanding>[0], lead?: string) => planTimeline(understanding(o, KB.timelines), { mlps: true, crypto: false }, lead);
    // An insurer's rules taken out of its claims scripts, the claims system kept: nothing migrates.
    const rules = shipped({ core: 'insurance-core', inScope: false, industry: 'insurance' }, 'bpm-rules');
    assert.equal(rules.template, 'rules-rollout');
    assert.deepEqual(rules.phases.map((p) => p.name), ['规则梳理与流程设计', '平台部署与业务系统对接', '规则配置与历史案件回放', '新旧规则并行运行', '按产品线分批上线', '等保测评与整改', '验收与运维交接']);
    // The default (a platform the business systems move onto) names no migration; a move to the cloud does.
    const words = (t: ReturnType<typeof shipped>) => t.phases.flatMap((p) => [p.name, ...p.deliverables]).join(' ');
    const platform = shipped({ core: 'insurance-core', inScope: false, industry: 'insurance' }, 'sdwan-interconnect');
    assert.equal(platform.template, 'platform');
    assert.doesNotMatch(words(platform), /迁移|成本优化/);
    assert.match(words(shipped({ core: 'insurance-core', inScope: false, industry: 'insurance', traits: ['cloud-migration'] }, 'sdwan-interconnect')), /试点迁移（低风险应用）/);
  });

  it('puts the testing phase at the marker, with the tests that apply, and only then', () => {
    const names = (mlps: boolean) => planTimeline(understanding({ core: 'core-banking' }), { mlps, crypto: true }).phases.map((p) => p.name);
    assert.deepEqual(names(true), ['开发', '等保测评与整改', '切换']);
    // 密评 is not among this file's tests: nothing to insert.
    assert.deepEqual(names(false), ['开发', '切换']);
    const testing = planTimeline(understanding({ core: 'core-banking' }), { mlps: true, crypto: false }).phases[1]!;
    assert.deepEqual(testing.deliverables, ['等保测评报告', '整改闭环记录']);
    assert.equal(testing.weeks, 6);
  });

  it('names both embedded tests in the order of the file where a template tests them together', () => {
    const u = { ...understanding({ core: 'mes' }), kb: KB } as Understanding;
    const phase = planTimeline(u, { mlps: true, crypto: true }).phases.find((p) => p.name.includes('测评'))!;
    assert.equal(phase.name, '等保测评、密评与整改');
    assert.deepEqual(phase.deliverables, ['等保测评报告', '密评报告', '整改闭环记录']);
  });

  /** The example file with 密评 too: reviewed as a plan first, assessed before operation. */
  const withCrypto = (phases?: unknown[]) => {
    const f = file();
    if (phases) f.templates[0]!.phases = phases;
    f.regulatedTesting = {
      ...f.regulatedTesting,
      windows: [
        { when: 'mlps', name: '等保测评', deliverable: '等保测评报告', plan: '等保定级' },
        { when: 'crypto', name: '密评', deliverable: '密评报告', beforeOperation: true, plan: '密码应用方案评审' },
      ],
    };
    return TimelinesFileSchema.parse(f);
  };
  const build = { name: '开发', min: 2, typical: 3, deliverables: ['代码'] };
  const cutover = { name: '切换', min: 1, typical: 1, deliverables: ['切换报告'] };

  it('assesses 密评 before operation where the template marks it, 等保 after the cut-over, and asks for the plans before the build', () => {
    const kb = withCrypto([build, 'pre-operation-testing', cutover, 'regulated-testing']);
    const plan = (regulated: { mlps: boolean; crypto: boolean }) => planTimeline(understanding({ core: 'core-banking' }, kb), regulated);
    const both = plan({ mlps: true, crypto: true });
    assert.deepEqual(both.phases.map((p) => p.name), ['开发', '密评与整改', '切换', '等保测评与整改']);
    assert.deepEqual(both.phases[0]!.deliverables, ['代码', '等保定级', '密码应用方案评审']);
    assert.deepEqual(both.phases[1]!.deliverables, ['密评报告', '整改闭环记录']);
    // Two tests, two windows: the plan is the longer for it (3 + 6 + 1 + 6).
    assert.equal(both.totalWeeks, 16);
    assert.deepEqual(plan({ mlps: true, crypto: false }).phases.map((p) => p.name), ['开发', '切换', '等保测评与整改']);
    assert.deepEqual(plan({ mlps: false, crypto: true }).phases.map((p) => p.name), ['开发', '密评与整改', '切换']);
    const none = plan({ mlps: false, crypto: false });
    assert.deepEqual(none.phases.map((p) => p.name), ['开发', '切换']);
    assert.deepEqual(none.phases[0]!.deliverables, ['代码']);
  });

  it('tests both together after the cut-over when the template marks no test before operation', () => {
    const kb = withCrypto([build, cutover, 'regulated-testing']);
    const phases = planTimeline(understanding({ core: 'core-banking' }, kb), { mlps: true, crypto: true }).phases;
    assert.deepEqual(phases.map((p) => p.name), ['开发', '切换', '等保测评、密评与整改']);
    // A template that marks no testing asks for no plan either.
    const untested = withCrypto([build, cutover]);
    assert.deepEqual(planTimeline(understanding({ core: 'core-banking' }, untested), { mlps: true, crypto: true }).phases[0]!.deliverables, ['代码']);
  });

  it('says so when the second testing window takes the plan past the deadline', () => {
    const kb = withCrypto([build, 'pre-operation-testing', cutover, 'regulated-testing']);
    // Minimum 2 + 4 + 1 + 4 = 11 weeks; two months are 9.
    const short = planTimeline(understanding({ core: 'core-banking', months: 2 }, kb), { mlps: true, crypto: true });
    assert.equal(short.feasible, false);
    assert.equal(short.minimumWeeks, 11);
    assert.match(short.statement, /^2个月内全部完成不可行：最短约3个月。建议期限内完成前3个阶段（开发、密评与整改、切换）/);
  });

  it('tests the embedded campus network after its areas are cut over, and a core bank before it goes live', () => {
    const campus = { ...understanding({ traits: ['campus-network'] }), kb: KB } as Understanding;
    assert.deepEqual(planTimeline(campus, { mlps: true, crypto: false }).phases.map((p) => p.name).slice(3), ['分区域接入与无线割接', '等保测评与整改', '验收与运维交接']);
    const bank = { ...understanding({ core: 'core-banking' }), kb: KB } as Understanding;
    const names = planTimeline(bank, { mlps: true, crypto: true }).phases.map((p) => p.name);
    // One go-live: 等保 and 密评 test the built system before production, not after it (timelines.yaml).
    assert.deepEqual(names.slice(4), ['等保测评、密评与整改', '并行运行与投产切换']);
  });

  it('fits the phases to a tight deadline and says when even the minimum does not fit', () => {
    // The bank template: typical 3 + 6 + 1 = 10 weeks, minimum 2 + 4 + 1 = 7.
    const tight = planTimeline(understanding({ core: 'core-banking', months: 2 }), { mlps: true, crypto: false });
    assert.equal(tight.totalWeeks, 9);
    assert.equal(tight.feasible, true);
    const short = planTimeline(understanding({ core: 'core-banking', months: 1 }), { mlps: true, crypto: false });
    assert.equal(short.feasible, false);
    assert.equal(short.minimumWeeks, 7);
    assert.match(short.statement, /建议期限内完成前1个阶段（开发）/);
  });
});
