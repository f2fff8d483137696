/**
 * A team's knowledge overlays (src/core/team/): the example workspace (examples/team/) adds a
 * product, prices two products, blocks a vendor, prefers another and adds an intake field with a
 * rule that uses it; the report changes accordingly and its JSON model says where each pick and
 * price comes from. Then the merge rule (workspace over user over embedded, first wins within a
 * layer), every overlay diagnostic code, and that a broken overlay never breaks the embedded
 * knowledge.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { generateReport } from '../../../src/core/engine/generate';
import type { ReportModel } from '../../../src/core/engine/reportModel';
import { getCompletions } from '../../../src/core/features/completion';
import { getHover } from '../../../src/core/features/hover';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { copyEntry } from '../../../src/core/knowledge/lazyDetails';
import { parseIntake } from '../../../src/core/parser';
import { loadTeamKnowledge, type TeamKnowledge } from '../../../src/core/team/teamKnowledge';
import { TEAM_CODE_SEVERITY, TEAM_CODES } from '../../../src/core/team/types';
import { validate } from '../../../src/core/validator';
import { exampleTeam, tempWorkspace } from './helpers';

const AS_OF = '2026-06-01';

function report(text: string, team?: TeamKnowledge): ReportModel {
  return generateReport(parseIntake(text), 0, { asOf: AS_OF, ...(team ? { kb: team.kb, catalog: team.catalog, team: team.context } : {}) });
}

const codes = (team: TeamKnowledge) => team.problems.map((p) => `${p.file.split('/').pop()}:${p.line} ${p.code}`);

describe('team knowledge overlays', () => {
  describe('the example workspace (examples/team/)', () => {
    const { intakeDir, intake } = exampleTeam();
    let team: TeamKnowledge;
    let text: string;
    let plain: ReportModel;
    let branded: ReportModel;

    before(async () => {
      team = await loadTeamKnowledge({ intakeDir, today: AS_OF });
      text = fs.readFileSync(intake, 'utf8');
      plain = report(text);
      branded = report(text, team);
    });

    it('has no problems', () => {
      assert.deepEqual(team.problems, []);
      assert.deepEqual(
        team.files.map((f) => [f.file.split('/').pop(), f.source, f.ok]),
        [
          ['portfolio.yaml', 'workspace', true],
          ['prices.yaml', 'workspace', true],
        ],
      );
    });

    it('excludes the blocked vendor with the reason, where it was a candidate before', () => {
      // Without the team, 商派 OMS is a candidate (no longer the pick: it lacks the overseas channels the pains name).
      assert.ok(plain.candidates.some((c) => c.category === 'oms' && c.product.id === 'shopex-oms'));
      const excluded = branded.exclusions.find((e) => e.product.id === 'shopex-oms');
      assert.deepEqual(excluded && { kind: excluded.kind, reason: excluded.reason }, { kind: 'policy', reason: '团队厂商政策不采用商派（ShopeX）：与该厂商无渠道合作' });
      assert.ok(!branded.options.some((o) => o.picks.some((p) => p.product.vendor === '商派（ShopeX）')));
      const appendix = JSON.stringify(branded.appendix);
      assert.match(appendix, /团队厂商政策不采用商派（ShopeX）/);
    });

    it("picks the team's added product, says where it comes from and that the vendor is preferred", () => {
      const pick = branded.options[0]!.picks.find((p) => p.category === 'oms')!;
      assert.deepEqual(pick.product, { id: 'yunshu-oms', name: '云枢 全渠道OMS', vendor: '云枢科技', source: 'workspace', policy: 'preferred' });
      // Every pick says its source; the overridden OFBiz entry is the workspace's now.
      for (const o of branded.options) for (const p of o.picks) assert.ok(p.product.source, `${p.product.id} has no source`);
      assert.equal(branded.options[0]!.picks.find((p) => p.category === 'cache')!.product.source, 'embedded');
      // The overridden OFBiz entry is the workspace's now (and says so wherever the report lists it).
      assert.equal(team.context.productSource('apache-ofbiz'), 'workspace');
      for (const c of branded.candidates) assert.equal(c.product.source, c.product.id === 'apache-ofbiz' || c.product.id === 'yunshu-oms' ? 'workspace' : 'embedded', c.product.id);
      const candidate = branded.candidates.find((c) => c.product.id === 'yunshu-oms')!;
      assert.equal(candidate.notes[0], '团队首选厂商');
      assert.equal(branded.options[0]!.picks.find((p) => p.category === 'observability')!.product.policy, 'partner');
    });

    it("prices the team's products from its list, labelled as the team's; the rest stays estimated", () => {
      const licences = branded.costs!.items.filter((i) => i.kind === 'licence');
      const oms = licences.find((i) => i.category === 'oms')!;
      // ¥60 per user and month, for the users the engine sizes the core OMS at.
      const users = Number(/^团队价目表《2026年渠道价》：¥60\/用户\/月 × (\d+)用户/.exec(oms.assumption)?.[1]);
      assert.ok(users > 0, oms.assumption);
      assert.deepEqual({ source: oms.source, list: oms.priceList, low: oms.low, high: oms.high, period: oms.period }, { source: 'workspace', list: '2026年渠道价', low: 60 * 12 * users, high: 60 * 12 * users, period: 'per-year' });
      const arms = licences.find((i) => i.category === 'observability')!;
      assert.equal(arms.low, 900 * 68);
      assert.match(arms.assumption, /按调研表的68台服务器/);
      assert.match(arms.assumption, /阿里云合作伙伴折扣8折后/);
      for (const i of branded.costs!.items) assert.ok(i.source, `${i.component} ${i.kind} has no source`);
      assert.ok(branded.costs!.items.some((i) => i.source === 'embedded'));
      assert.ok(branded.costs!.assumptions.some((a) => a.includes('团队价目表')));
      // Without the overlays, no item claims a source (the model is as it was).
      assert.ok(plain.costs!.items.every((i) => i.source === undefined));
    });

    it('does not use the price list for a report dated after it expires', () => {
      const later = generateReport(parseIntake(text), 0, { asOf: '2028-01-01', kb: team.kb, catalog: team.catalog, team: team.context });
      assert.ok(later.costs!.items.every((i) => i.source !== 'workspace'));
    });

    it('knows the extra field: the missing-field check, completion, hover and the rule that uses it', () => {
      const without = text.replace(/^- 客户编号：.*\n/m, '');
      const missing = validate(parseIntake(without), { catalog: team.catalog }).filter((d) => d.code === 'intake.missing-field');
      assert.deepEqual(missing.map((d) => d.message.includes('客户编号')), [true]);
      assert.deepEqual(validate(parseIntake(without)).filter((d) => d.code === 'intake.missing-field'), [], 'the embedded catalog does not ask for it');
      const file = parseIntake(without);
      const completions = getCompletions(file, { line: 1, character: 2 }, '- ', 'zh-cn', { catalog: team.catalog }).map((c) => c.label);
      assert.ok(completions.includes('客户编号'), completions.join(', '));
      const hover = getHover(parseIntake(text), { line: 1, character: 4 }, 'zh-cn', { catalog: team.catalog });
      assert.match(hover?.markdown ?? '', /CRM中的客户编号/);
      assert.match(JSON.stringify(branded.sections), /指派专属客户经理与售前架构师/);
      assert.doesNotMatch(JSON.stringify(plain.sections), /指派专属客户经理与售前架构师/);
    });

    it('leaves the embedded knowledge base alone', () => {
      const kb = getKnowledgeBase();
      assert.equal(kb.product('yunshu-oms'), undefined);
      assert.doesNotMatch(kb.product('apache-ofbiz')!.caveat, /团队无OFBiz/);
      assert.match(team.kb.product('apache-ofbiz')!.caveat, /团队无OFBiz交付经验/);
    });
  });

  describe('the merge rule', () => {
    const vendorPolicy = (vendor: string, policy: string) => `vendors:\n  - vendor: ${vendor}\n    policy: ${policy}\n`;

    it('workspace over user over embedded; within a layer the first file wins, and says so', async () => {
      const ws = tempWorkspace({
        'user/a.yaml': `${vendorPolicy('Oracle', 'blocked')}overrides:\n  products:\n    - id: redis\n      priceTier: low\n      caveat: 用户层\n`,
        '.intake/knowledge/a.yaml': `${vendorPolicy('Oracle', 'partner')}overrides:\n  products:\n    - id: redis\n      caveat: 工作区A\n`,
        '.intake/knowledge/b.yaml': `${vendorPolicy('Oracle', 'preferred')}overrides:\n  products:\n    - id: redis\n      caveat: 工作区B\n`,
      });
      try {
        const team = await loadTeamKnowledge({ intakeDir: ws.intakeDir, userDirs: [`${ws.root}/user`], today: AS_OF });
        assert.equal(team.context.policyOf('oracle')?.policy, 'partner');
        assert.equal(team.kb.product('redis')!.caveat, '工作区A');
        assert.equal(team.kb.product('redis')!.priceTier, 'low', "the user's override of another field stays");
        assert.equal(team.context.productSource('redis'), 'workspace');
        assert.deepEqual(codes(team), ['b.yaml:2 intake.knowledge-conflict', 'b.yaml:7 intake.knowledge-conflict']);
      } finally {
        ws.remove();
      }
    });

    it('an added entry with an existing id replaces it whole; the same id twice in a layer is a duplicate', async () => {
      // copyEntry: a spread of an embedded entry would miss its details (knowledge/lazyDetails.ts).
      const redis = { ...copyEntry(getKnowledgeBase().product('redis')!), caveat: '团队版' };
      const ws = tempWorkspace({
        '.intake/knowledge/a.json': JSON.stringify({ products: [redis] }, null, 2),
        '.intake/knowledge/b.json': JSON.stringify({ products: [{ ...redis, caveat: '第二份' }] }, null, 2),
      });
      try {
        const team = await loadTeamKnowledge({ intakeDir: ws.intakeDir, today: AS_OF });
        assert.equal(team.kb.product('redis')!.caveat, '团队版');
        assert.deepEqual(codes(team), ['a.json:4 intake.knowledge-replaces', 'b.json:4 intake.knowledge-duplicate-id']);
        assert.equal(team.problems[0]!.severity, 'information');
      } finally {
        ws.remove();
      }
    });
  });

  describe('diagnostics', () => {
    const rule = (when: string) => `rules:\n  - id: team-rule\n    all:\n      - pattern: 等保\n    when:\n${when}    section: 风险提示\n    title: 测试\n    summary: 测试\n    recommendation: 测试\n    rationale: 测试\n`;

    it('give every problem its code, line and severity; broken entries are skipped, the rest applies', async () => {
      const ws = tempWorkspace({
        '.intake/knowledge/1-overrides.yaml': 'overrides:\n  products:\n    - id: no-such-product\n      priceTier: low\n    - id: redis\n      caveat: 已改\n',
        '.intake/knowledge/2-rule.yaml': rule('      industries: [no-such-industry]\n'),
        '.intake/knowledge/3-prices.yaml': 'prices:\n  validUntil: 2020-12-31\n  items:\n    - product: redis\n      price: 1\n      unit: node\n      period: per-year\n    - product: apache-kafka\n      price: 2\n      unit: node\n      period: per-year\n      currency: USD\n',
        '.intake/knowledge/4-vendors.yaml': 'vendors:\n  - vendor: Oracel\n    policy: blocked\n',
        '.intake/knowledge/5-pattern.yaml': 'rules:\n  - id: slow\n    all:\n      - pattern: (a+)+$\n    section: 风险提示\n    title: 慢\n    summary: 慢\n    recommendation: 慢\n    rationale: 慢\n',
        '.intake/knowledge/6-schema.yaml': 'vendors:\n  - vendor: Oracle\n    policy: maybe\n',
        '.intake/knowledge/7-field.yaml': 'fields:\n  - section: 不存在\n    name: 编号\n    description: { zh: 编号, en: Number }\n    feeds: [业务需求分析]\n',
      });
      try {
        const team = await loadTeamKnowledge({ intakeDir: ws.intakeDir, today: AS_OF });
        assert.deepEqual(codes(team), [
          '1-overrides.yaml:3 intake.knowledge-unknown-id',
          '2-rule.yaml:6 intake.knowledge-unknown-industry',
          '3-prices.yaml:2 intake.knowledge-price-expired',
          '3-prices.yaml:4 intake.knowledge-price-currency',
          '4-vendors.yaml:2 intake.knowledge-unknown-vendor',
          '5-pattern.yaml:4 intake.knowledge-unsafe-pattern',
          '6-schema.yaml:1 intake.knowledge-schema',
          '6-schema.yaml:3 intake.knowledge-schema',
          '7-field.yaml:2 intake.knowledge-unknown-id',
        ]);
        for (const p of team.problems) assert.equal(p.severity, TEAM_CODE_SEVERITY[p.code]);
        // What was fine still applies; what was broken did not.
        assert.equal(team.kb.product('redis')!.caveat, '已改');
        assert.equal(team.kb.rules.find((r) => r.id === 'team-rule'), undefined);
        assert.equal(team.kb.rules.find((r) => r.id === 'slow'), undefined);
        assert.equal(team.context.priceOf('apache-kafka', '2020-06-01')?.currency, 'USD');
        assert.equal(team.context.priceOf('redis', '2020-06-01'), undefined, 'the price without a currency is skipped');
        assert.equal(team.context.priceOf('apache-kafka', AS_OF), undefined, 'expired on the report date');
        assert.equal(team.context.policyOf('Oracle'), undefined, 'the file with a schema problem is skipped whole');
        assert.equal(team.context.policyOf('Oracel')?.policy, 'blocked');
        // Still a working knowledge base.
        assert.equal(team.kb.products.length, getKnowledgeBase().products.length);
      } finally {
        ws.remove();
      }
    });

    it('a rule whose precondition names an added industry is fine; reverting an entry re-checks those that relied on it', async () => {
      const industry = { ...copyEntry(getKnowledgeBase().industry('retail-ecommerce')!), id: 'pet-retail', name: '宠物零售', aliases: ['宠物'] };
      const badCategory = { ...copyEntry(getKnowledgeBase().category('oms')!), id: 'pet-oms', cost: { ...getKnowledgeBase().category('oms')!.cost, licencePerUnit: [9, 1] } };
      const ws = tempWorkspace({
        '.intake/knowledge/a.json': JSON.stringify({ industries: [industry], categories: [badCategory] }),
        '.intake/knowledge/b.yaml': rule('      industries: [pet-retail]\n') + 'overrides:\n  products:\n    - id: redis\n      categories: [cache, pet-oms]\n',
      });
      try {
        const team = await loadTeamKnowledge({ intakeDir: ws.intakeDir, today: AS_OF });
        assert.ok(team.kb.industry('pet-retail'), JSON.stringify(team.problems));
        assert.ok(team.kb.rules.some((r) => r.id === 'team-rule'));
        assert.equal(team.kb.category('pet-oms'), undefined);
        assert.deepEqual(team.kb.product('redis')!.categories, getKnowledgeBase().product('redis')!.categories);
        assert.deepEqual(
          team.problems.map((p) => p.code),
          [TEAM_CODES.schema, TEAM_CODES.unknownId],
        );
      } finally {
        ws.remove();
      }
    });
  });

  describe('a cost profile\'s implementation per entity', () => {
    it('refuses a range whose low end is above its high end, as the cost ranges', async () => {
      const oms = getKnowledgeBase().category('oms')!;
      const per = (perUnit: [number, number]) => ({ ...copyEntry(oms), id: `oms-${perUnit[0]}`, cost: { ...oms.cost, implementationPer: { words: ['法人'], what: '逐家建账', base: [10, 20], perUnit } } });
      const ws = tempWorkspace({ '.intake/knowledge/a.json': JSON.stringify({ categories: [per([2, 1])] }), '.intake/knowledge/b.json': JSON.stringify({ categories: [per([1, 2])] }) });
      try {
        const team = await loadTeamKnowledge({ intakeDir: ws.intakeDir, today: AS_OF });
        assert.deepEqual(team.problems.map((p) => p.code), [TEAM_CODES.schema]);
        assert.equal(team.kb.category('oms-2'), undefined);
        assert.deepEqual(team.kb.category('oms-1')?.cost.implementationPer?.perUnit, [1, 2]);
      } finally {
        ws.remove();
      }
    });
  });

  describe('a product\'s lacks', () => {
    it('skips an overlay whose word has a spelling of nothing, and keeps one that is well formed', async () => {
      const ws = tempWorkspace({
        '.intake/knowledge/lacks.yaml': 'overrides:\n  products:\n    - id: yuangong-qms\n      lacks: { words: [\'SPC|\'], reason: 需扩展 }\n    - id: siemens-opcenter-quality\n      lacks: { words: [\'8D|CAPA\'], reason: 需扩展 }\n',
      });
      try {
        const team = await loadTeamKnowledge({ intakeDir: ws.intakeDir, today: AS_OF });
        assert.deepEqual(team.problems.map((p) => p.code), [TEAM_CODES.schema]);
        assert.match(team.problems[0]!.message, /SPC\|/);
        assert.equal(team.kb.product('yuangong-qms')!.lacks, undefined);
        assert.deepEqual(team.kb.product('siemens-opcenter-quality')!.lacks?.words, ['8D|CAPA']);
      } finally {
        ws.remove();
      }
    });
  });

  describe("a category's scope products", () => {
    it('skips an overlay whose scope names a product that does not exist', async () => {
      const erp = getKnowledgeBase().category('erp')!;
      const scope = erp.scopes![0]!;
      const ws = tempWorkspace({ '.intake/knowledge/scope.json': JSON.stringify({ overrides: { categories: [{ id: 'erp', scopes: [{ ...scope, products: ['kingdee-cloud-galaxy', 'no-such-erp'] }] }] } }) });
      try {
        const team = await loadTeamKnowledge({ intakeDir: ws.intakeDir, today: AS_OF });
        assert.deepEqual(team.problems.map((p) => p.code), [TEAM_CODES.unknownId]);
        assert.match(team.problems[0]!.message, /no-such-erp/);
        assert.deepEqual(team.kb.category('erp')!.scopes?.[0]?.products, scope.products);
      } finally {
        ws.remove();
      }
    });
  });

  describe("what a framework governs", () => {
    it('skips an overlay whose governs names a system type that does not exist, and keeps one that is well formed', async () => {
      const ws = tempWorkspace({
        '.intake/knowledge/governs.yaml': 'overrides:\n  frameworks:\n    - id: interop-maturity\n      governs: { categories: [his-integration, no-such-system] }\n    - id: emr-rating\n      governs: { categories: [his-emr], words: [电子病历] }\n',
      });
      try {
        const team = await loadTeamKnowledge({ intakeDir: ws.intakeDir, today: AS_OF });
        assert.deepEqual(team.problems.map((p) => p.code), [TEAM_CODES.unknownId]);
        assert.match(team.problems[0]!.message, /no-such-system/);
        assert.deepEqual(team.kb.framework('interop-maturity')!.governs, getKnowledgeBase().framework('interop-maturity')!.governs);
        assert.deepEqual(team.kb.framework('emr-rating')!.governs, { categories: ['his-emr'], words: ['电子病历'] });
      } finally {
        ws.remove();
      }
    });
  });

  describe("a framework's line per level", () => {
    it('skips an overlay whose levelSummaries names a level the framework does not have, and keeps one that is well formed', async () => {
      const ws = tempWorkspace({
        '.intake/knowledge/levels.yaml': 'overrides:\n  frameworks:\n    - id: mlps-2\n      levelSummaries: [{level: 二级, summary: 等保2.0：两年一测}]\n    - id: commercial-crypto-assessment\n      levelSummaries: [{level: 第三级, summary: 密评：每年至少一次}]\n',
      });
      try {
        const team = await loadTeamKnowledge({ intakeDir: ws.intakeDir, today: AS_OF });
        assert.deepEqual(team.problems.map((p) => p.code), [TEAM_CODES.unknownId]);
        assert.match(team.problems[0]!.message, /二级/);
        assert.deepEqual(team.kb.framework('mlps-2')!.levelSummaries, getKnowledgeBase().framework('mlps-2')!.levelSummaries);
        assert.deepEqual(team.kb.framework('commercial-crypto-assessment')!.levelSummaries, [{ level: '第三级', summary: '密评：每年至少一次' }]);
      } finally {
        ws.remove();
      }
    });
  });

  describe('vendor policy in the picks', () => {
    it('a preferred vendor wins a tie, and the appendix says which one it beat', async () => {
      const text = fs.readFileSync(exampleTeam().intake, 'utf8');
      const plain = report(text);
      // Observability: find two candidates of option A with the same score, and prefer the second.
      const byScore = new Map<number, string[]>();
      for (const c of plain.candidates.filter((x) => x.option === 'A')) byScore.set(c.score * 1000 + c.category.length, [...(byScore.get(c.score * 1000 + c.category.length) ?? []), c.product.id]);
      const tie = plain.candidates.filter((x) => x.option === 'A').find((c, _i, all) => all.some((o) => o !== c && o.category === c.category && o.score === c.score && all.indexOf(o) < all.indexOf(c)))!;
      assert.ok(tie, 'the example has a tie');
      const winner = plain.candidates.find((o) => o.option === 'A' && o.category === tie.category && o.score === tie.score)!;
      const vendor = getKnowledgeBase().product(tie.product.id)!.vendor;
      const ws = tempWorkspace({ '.intake/knowledge/policy.yaml': `vendors:\n  - vendor: "${vendor}"\n    policy: preferred\n` });
      try {
        const team = await loadTeamKnowledge({ intakeDir: ws.intakeDir, today: AS_OF });
        const m = report(text, team);
        const list = m.candidates.filter((c) => c.option === 'A' && c.category === tie.category);
        assert.ok(list.findIndex((c) => c.product.id === tie.product.id) < list.findIndex((c) => c.product.id === winner.product.id));
        const note = list.find((c) => c.product.id === tie.product.id)!.notes[0]!;
        assert.ok(note.startsWith(`团队首选厂商，与${winner.product.name}`) && note.endsWith('同分时按团队厂商政策优先'), note);
      } finally {
        ws.remove();
      }
    });
  });
});
