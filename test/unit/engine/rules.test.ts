import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import loadCategories from '../../../src/core/knowledge/categories.yaml';
import loadRules from '../../../src/core/knowledge/rules.yaml';
import {
  CategoriesFileSchema,
  FrameworksFileSchema,
  IndustriesFileSchema,
  LifecycleFileSchema,
  LocationsFileSchema,
  ProductsFileSchema,
  RulesFileSchema,
  RuleSchema,
  type Rule,
} from '../../../src/core/knowledge/schema';
import { checkKnowledgeIntegrity } from '../../../src/core/knowledge/integrity';
import { TimelinesFileSchema } from '../../../src/core/knowledge/timelineSchema';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { addMatcherNeeds, withoutMatcherNeeds } from '../../../src/core/knowledge/matcherNeeds';
import { copyEntry } from '../../../src/core/knowledge/lazyDetails';
import { embeddedCatalogData, FieldCatalog, getFieldCatalog } from '../../../src/core/catalog/catalog';
import type { FieldCatalogData } from '../../../src/core/catalog/schema';
import { parseIntake } from '../../../src/core/parser';
import { extractFacts, type IntakeFacts } from '../../../src/core/facts/facts';
import { compileRule, evaluateRules, type RuleHit } from '../../../src/core/engine/rules';
import { readSeed, repoRoot } from '../helpers/seeds';

// The YAML as the build embeds it: validated, as its schema outputs it.
const rulesData = loadRules();
const categoriesData = loadCategories();

/** Ids the knowledge base provides (every products/*.yaml file, frameworks.yaml). */
const KB = getKnowledgeBase();
const PRODUCT_IDS = new Set(KB.products.map((p) => p.id));
const FRAMEWORK_IDS = new Set(KB.frameworks.map((f) => f.id));

// The build adds each matcher's `needs` (knowledge/matcherNeeds.ts, tested in requiredText.test.ts), which the schema knows nothing of.
const RULES: Rule[] = RulesFileSchema.parse(withoutMatcherNeeds(rulesData)).rules;

function matchers(rule: Rule) {
  return [...rule.all, ...rule.any, ...rule.none];
}

/** Facts of one intake of a text; line numbers stay those of the whole text. */
function factsOf(text: string, index = 0): IntakeFacts {
  const intake = parseIntake(text).intakes[index];
  assert.ok(intake, `intake ${index} exists`);
  return extractFacts(intake);
}

/** The seed file and every evaluation intake (test/fixtures/eval/), as texts. */
function seedAndEvalTexts(): string[] {
  const dir = path.join(repoRoot(), 'test', 'fixtures', 'eval');
  return [readSeed(), ...fs.readdirSync(dir).filter((f) => f.endsWith('.intake')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))];
}

function hitIds(hits: readonly RuleHit[]): string[] {
  return hits.map((h) => h.rule.id);
}

function hit(hits: readonly RuleHit[], id: string): RuleHit {
  const h = hits.find((x) => x.rule.id === id);
  assert.ok(h, `rule ${id} fires (fired: ${hitIds(hits).join(', ')})`);
  return h;
}

function summary(hits: readonly RuleHit[]): string {
  return hits.map((h) => `${h.rule.id} ← ${h.evidence.map((f) => `L${f.line + 1} ${f.text}`).join(' | ')}`).join('\n');
}

describe('rules.yaml', () => {
  it('validates against RulesFileSchema and has at least 85 rules', () => {
    const parsed = RulesFileSchema.safeParse(withoutMatcherNeeds(rulesData));
    assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5), null, 2));
    assert.ok(RULES.length >= 85, `${RULES.length} rules`);
  });

  it('has unique ids', () => {
    const seen = new Set<string>();
    for (const r of RULES) {
      assert.ok(!seen.has(r.id), `duplicate rule id ${r.id}`);
      seen.add(r.id);
    }
  });

  it('compiles every pattern with the iu flags, and none matches the empty string', () => {
    for (const r of RULES) {
      for (const m of matchers(r)) {
        let re: RegExp;
        try {
          re = new RegExp(m.pattern, 'iu');
        } catch (e) {
          assert.fail(`rule ${r.id}: /${m.pattern}/ does not compile: ${(e as Error).message}`);
        }
        assert.ok(!re.test(''), `rule ${r.id}: /${m.pattern}/ matches the empty string`);
      }
      assert.doesNotThrow(() => compileRule(r), `rule ${r.id} compiles`);
    }
  });

  it('names only known categories, products and frameworks', () => {
    const categories = new Set(CategoriesFileSchema.parse(categoriesData).categories.map((c) => c.id));
    for (const r of RULES) {
      for (const c of r.categories) assert.ok(categories.has(c), `rule ${r.id}: unknown category ${c}`);
      for (const p of r.products) assert.ok(PRODUCT_IDS.has(p), `rule ${r.id}: unknown product ${p}`);
      for (const f of r.frameworks) assert.ok(FRAMEWORK_IDS.has(f), `rule ${r.id}: unknown framework ${f}`);
    }
  });

  it('restricts matchers only by canonical catalog section and field names', () => {
    const catalog = getFieldCatalog();
    for (const r of RULES) {
      for (const m of matchers(r)) {
        const section = m.section === undefined ? undefined : catalog.sections.find((s) => s.name === m.section);
        if (m.section !== undefined) assert.ok(section, `rule ${r.id}: section ${m.section} is not a canonical section name`);
        if (m.field !== undefined) {
          const fields = (section ? [section] : catalog.sections).flatMap((s) => s.allFields.map((f) => f.name));
          assert.ok(fields.includes(m.field), `rule ${r.id}: field ${m.field} is not a canonical field name${section ? ` of ${section.name}` : ''}`);
        }
      }
    }
  });

  it('gives every risk a mitigation', () => {
    for (const r of RULES.filter((x) => x.section === '风险提示')) assert.ok(r.mitigation && r.mitigation.length > 0, `rule ${r.id} has a mitigation`);
  });

  it('does not match any bare section or field name of the catalog (what a blank template leaves behind)', () => {
    const catalog = getFieldCatalog();
    const names = new Set<string>();
    for (const s of catalog.sections) {
      for (const n of [s.name, ...s.synonyms]) names.add(n);
      for (const f of s.allFields) for (const n of [f.name, ...f.synonyms]) names.add(n);
    }
    for (const r of RULES) {
      for (const m of [...r.all, ...r.any]) {
        const re = new RegExp(m.pattern, 'iu');
        for (const n of names) assert.ok(!re.test(n), `rule ${r.id}: /${m.pattern}/ matches the bare key "${n}"`);
      }
    }
  });
});

describe('evaluateRules', () => {
  const text = [
    '[客户行业]：保险',
    '- 细分领域：寿险',
    '[当前痛点]：',
    '- 具体问题：Kafka 消费延迟高',
    '[基础设施现状]：',
    '- 关键组件：',
    '  - 中间件：Kafka 3.2，Redis 6.2',
    '  - 数据库：MySQL 8.0',
    '[特殊要求]：',
    '- 合规性：GDPR',
  ].join('\n');
  const facts = factsOf(text);
  const rule = (r: Record<string, unknown>): Rule => RuleSchema.parse({ section: '风险提示', title: 't', summary: 's', recommendation: 'r', rationale: 'x', ...r });

  it('fires when every `all` matcher matches, with the matching facts as evidence', () => {
    const r = rule({ id: 'a', all: [{ pattern: 'Kafka' }, { pattern: 'GDPR' }] });
    const hits = evaluateRules(facts, [r]);
    assert.deepEqual(hitIds(hits), ['a']);
    assert.deepEqual(
      hits[0]!.evidence.map((f) => f.line),
      [3, 6, 9],
    );
  });

  it('does not fire when one `all` matcher finds nothing', () => {
    assert.deepEqual(evaluateRules(facts, [rule({ id: 'a', all: [{ pattern: 'Kafka' }, { pattern: 'PCI' }] })]), []);
  });

  it('needs at least one `any` matcher, and collects evidence from every `any` that matched', () => {
    const r = rule({ id: 'b', any: [{ pattern: 'Redis' }, { pattern: 'MySQL' }, { pattern: 'Oracle' }] });
    const hits = evaluateRules(facts, [r]);
    assert.deepEqual(
      hits[0]!.evidence.map((f) => f.line),
      [6, 7],
    );
    assert.deepEqual(evaluateRules(facts, [rule({ id: 'c', any: [{ pattern: 'Oracle' }, { pattern: 'DB2' }] })]), []);
  });

  it('lets a `none` matcher veto the rule', () => {
    assert.deepEqual(evaluateRules(facts, [rule({ id: 'd', any: [{ pattern: 'Kafka' }], none: [{ pattern: 'GDPR' }] })]), []);
    assert.equal(evaluateRules(facts, [rule({ id: 'e', any: [{ pattern: 'Kafka' }], none: [{ pattern: 'KRaft' }] })]).length, 1);
  });

  it('restricts matchers by section and field (field matches anywhere in the fact path; synonyms resolve)', () => {
    const bySection = evaluateRules(facts, [rule({ id: 'f', all: [{ section: '基础设施现状', pattern: 'Kafka' }] })]);
    assert.deepEqual(
      bySection[0]!.evidence.map((f) => f.line),
      [6],
    );
    const byField = evaluateRules(facts, [rule({ id: 'g', all: [{ field: '关键组件', pattern: 'MySQL|Kafka' }] })]);
    assert.deepEqual(
      byField[0]!.evidence.map((f) => f.line),
      [6, 7],
    );
    const bySynonym = evaluateRules(facts, [rule({ id: 'h', all: [{ section: '痛点', field: '问题现象', pattern: 'Kafka' }] })]);
    assert.deepEqual(
      bySynonym[0]!.evidence.map((f) => f.line),
      [3],
    );
    assert.deepEqual(evaluateRules(facts, [rule({ id: 'i', all: [{ field: '数据库', pattern: 'Kafka' }] })]), []);
  });

  it('still matches per fact where one test over all the texts could not tell: anchors and lookarounds', () => {
    // Each would miss (or wrongly pass) on the texts joined by line feeds; they are tested fact by fact.
    for (const [pattern, lines] of [
      ['^合规性', [9]],
      ['GDPR$', [9]],
      ['Kafka(?=\\s*3)', [6]],
      ['(?<!\\S)Redis', []],
      ['(?<=，)Redis', [6]],
      ['8\\.0(?!\\s)', [7]],
      ['[$^]|寿险', [1]],
    ] as const) {
      const hits = evaluateRules(facts, [rule({ id: 'k', all: [{ pattern }] })]);
      assert.deepEqual(hits[0]?.evidence.map((f) => f.line) ?? [], lines, pattern);
    }
  });

  it('fires exactly as testing each rule pattern on each fact would, for every rule on every example and eval intake', () => {
    const texts = seedAndEvalTexts();
    // Compiled once: compiling every rule again for each of a hundred intakes took most of the time.
    const compiled = RULES.map((r) => ({ r, c: compileRule(r) }));
    let fired = 0;
    for (const text of texts) {
      const parsed = parseIntake(text);
      parsed.intakes.forEach((intake) => {
        const f = extractFacts(intake);
        // All rules at once, as the engine asks: each rule's hit is as testing its own patterns would give.
        const all = new Map(evaluateRules(f, RULES).map((h) => [h.rule.id, h]));
        for (const { r, c } of compiled) {
          const one = (m: (typeof c.all)[number]) => f.facts.filter((x) => (m.section === undefined || x.section === m.section) && (m.field === undefined || x.fieldPath.includes(m.field)) && m.regex.test(x.text));
          const any = c.any.flatMap(one);
          const expected = c.all.every((m) => one(m).length > 0) && (c.any.length === 0 || any.length > 0) && c.none.every((m) => one(m).length === 0);
          const inOrder = (list: typeof f.facts) => [...new Set(list)].sort((a, b) => a.line - b.line);
          const evidence = inOrder([...c.all.flatMap(one), ...any]);
          // The triggers: what the `any` matchers matched, or the `all` matchers' when there are none.
          const triggers = inOrder(c.any.length > 0 ? any : c.all.flatMap(one));
          const hit = all.get(r.id);
          assert.equal(hit !== undefined, expected, `${r.id} on intake at line ${intake.range.start.line}`);
          if (expected) assert.deepEqual(hit!.evidence, evidence, r.id);
          if (expected) assert.deepEqual(hit!.triggers, triggers, r.id);
          if (expected) fired++;
        }
      });
    }
    assert.ok(fired > 50, `rules fire on the fixtures (${fired})`);
  });

  it('matches case-insensitively, deduplicates evidence and keeps it in document order', () => {
    const r = rule({ id: 'j', all: [{ pattern: 'gdpr' }, { pattern: 'kafka' }], any: [{ pattern: 'KAFKA 3' }] });
    const hits = evaluateRules(facts, [r]);
    assert.deepEqual(
      hits[0]!.evidence.map((f) => f.line),
      [3, 6, 9],
    );
  });

  it('sorts hits by priority, highest first, then by rule order', () => {
    const rules = [
      rule({ id: 'low', priority: 1, any: [{ pattern: 'Kafka' }] }),
      rule({ id: 'mid-1', priority: 3, any: [{ pattern: 'Kafka' }] }),
      rule({ id: 'high', priority: 5, any: [{ pattern: 'Kafka' }] }),
      rule({ id: 'mid-2', priority: 3, any: [{ pattern: 'Kafka' }] }),
    ];
    assert.deepEqual(hitIds(evaluateRules(facts, rules)), ['high', 'mid-1', 'mid-2', 'low']);
  });

  it('orders any mix of priorities as a stable sort of the hits by priority would (generated lists)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ priority: fc.integer({ min: 1, max: 5 }), fires: fc.boolean() }), { maxLength: 40 }), (spec) => {
        const rules = spec.map((r, i) => rule({ id: `r${i}`, priority: r.priority, any: [{ pattern: r.fires ? 'Kafka' : 'Oracle' }] }));
        const fired = rules.filter((_, i) => spec[i]!.fires);
        const expected = [...fired].sort((a, b) => b.priority - a.priority).map((r) => r.id);
        assert.deepEqual(hitIds(evaluateRules(facts, rules)), expected);
      }),
      { numRuns: 300 },
    );
  });

  it('passes over a rule whose needed strings occur in no fact without asking its context, and fires the others as before', () => {
    // Rules as the build ships them: each matcher with the strings its pattern needs (knowledge/matcherNeeds.ts).
    const shipped = [
      rule({ id: 'all-absent', all: [{ pattern: 'Kafka' }, { pattern: 'PCI\\s*DSS' }] }),
      rule({ id: 'all-present', all: [{ pattern: 'GDPR' }, { pattern: 'Kafka' }] }),
      rule({ id: 'any-absent', any: [{ pattern: 'Oracle' }, { pattern: 'DB2' }] }),
      rule({ id: 'any-present', any: [{ pattern: 'Oracle' }, { pattern: 'Redis' }] }),
      rule({ id: 'any-unneeded', any: [{ pattern: 'Oracle' }, { pattern: '.' }] }),
      // Its `all` matcher's string occurs, none of its `any` matchers' do: shut.
      rule({ id: 'all-held-any-absent', all: [{ pattern: 'GDPR' }], any: [{ pattern: 'Oracle' }, { pattern: 'DB2' }] }),
      // One string in two groups of the gate holds both.
      rule({ id: 'one-string-two-groups', all: [{ pattern: 'Kafka' }], any: [{ pattern: 'Kafka' }] }),
    ];
    addMatcherNeeds(shipped);
    assert.ok(shipped.every((r) => r.all.length + r.any.length > 0));
    const asked: string[] = [];
    const hits = evaluateRules(facts, shipped, getFieldCatalog(), (r) => {
      asked.push(r.id);
      return true;
    });
    assert.deepEqual(asked, ['all-present', 'any-present', 'any-unneeded', 'one-string-two-groups']);
    assert.deepEqual(hitIds(hits), ['all-present', 'any-present', 'any-unneeded', 'one-string-two-groups']);
    // The same rules without their needs: each asked and tested, with the same hits and evidence.
    const plain = shipped.map((r) => RuleSchema.parse(withoutMatcherNeeds(r)));
    assert.deepEqual(
      evaluateRules(facts, plain).map((h) => [h.rule.id, h.evidence, h.triggers]),
      hits.map((h) => [h.rule.id, h.evidence, h.triggers]),
    );
  });

  it('asks the rules with and without needs in rule order when a list mixes them (a team rule among shipped ones)', () => {
    const shipped = [rule({ id: 'kafka', any: [{ pattern: 'Kafka' }] }), rule({ id: 'absent', any: [{ pattern: 'Oracle' }] }), rule({ id: 'gdpr', all: [{ pattern: 'GDPR' }] })];
    addMatcherNeeds(shipped);
    const team = RuleSchema.parse(withoutMatcherNeeds(rule({ id: 'team', any: [{ pattern: 'Redis' }] })));
    const mixed = [shipped[2]!, team, shipped[1]!, shipped[0]!];
    const asked: string[] = [];
    evaluateRules(facts, mixed, getFieldCatalog(), (r) => {
      asked.push(r.id);
      return true;
    });
    assert.deepEqual(asked, ['gdpr', 'team', 'kafka']);
  });

  it('fires the shipped rules (with their needs) as it fires the same rules without them, on every example and eval intake', () => {
    const texts = seedAndEvalTexts();
    const ids = (hits: readonly RuleHit[]) => hits.map((h) => [h.rule.id, h.evidence.map((f) => f.line), h.triggers.map((f) => f.line)]);
    let fired = 0;
    for (const text of texts) {
      for (const intake of parseIntake(text).intakes) {
        const f = extractFacts(intake);
        const shipped = evaluateRules(f, KB.rules);
        assert.deepEqual(ids(shipped), ids(evaluateRules(f, RULES)), `intake at line ${intake.range.start.line}`);
        fired += shipped.length;
      }
    }
    assert.ok(fired > 50, `rules fire on the fixtures (${fired})`);
  });

  it('compiles each rule once', () => {
    const r = rule({ id: 'k', any: [{ pattern: 'Kafka' }] });
    assert.equal(compileRule(r), compileRule(r));
  });

  it("resolves a matcher's field in the catalog it is evaluated with, not the first one it met", () => {
    const r = rule({ id: 'synonym', any: [{ field: '业务场景', pattern: '寿险' }] });
    assert.equal(compileRule(r).any[0]!.field, '细分领域');
    // A team's catalog in which 业务场景 is a field of its own.
    const data = embeddedCatalogData();
    const team = new FieldCatalog({
      ...data,
      sections: data.sections.map((s) => ({
        ...s,
        fields: [...s.fields.map((f) => (f.name === '细分领域' ? { ...f, synonyms: ['细分场景'] } : f)), ...(s.name === '客户行业' ? [{ name: '业务场景', required: false }] : [])],
      })),
    } as FieldCatalogData);
    assert.equal(compileRule(r, team).any[0]!.field, '业务场景');
    assert.equal(compileRule(r).any[0]!.field, '细分领域');
  });

  it('reports an invalid pattern with the rule id', () => {
    assert.throws(() => evaluateRules(facts, [rule({ id: 'bad', any: [{ pattern: '(' }] })]), /rule bad/);
  });
});

describe('rules on the seed intakes', () => {
  const seed = readSeed();
  const lines = seed.split('\n');
  const file = parseIntake(seed);
  const hitsOf = (index: number) => evaluateRules(extractFacts(file.intakes[index]!), RULES);
  /** 0-based line of the only seed line containing `needle` after line `from`. */
  const lineOf = (needle: string, from = 0): number => {
    const i = lines.findIndex((l, n) => n >= from && l.includes(needle));
    assert.ok(i >= 0, `seed line containing "${needle}"`);
    return i;
  };
  const evidenceLines = (h: RuleHit) => h.evidence.map((f) => f.line);

  describe('insurance (intake 2)', () => {
    const hits = hitsOf(1);
    const start = file.intakes[1]!.range.start.line;

    it('fires the cross-cloud interconnect rule on the 具体问题 latency line', () => {
      const h = hit(hits, 'cross-cloud-dedicated-interconnect');
      assert.ok(evidenceLines(h).includes(lineOf('具体问题：跨AWS北京区与Azure东欧区', start)), summary([h]));
      assert.ok(h.rule.products.includes('megaport') && h.rule.products.includes('aws-direct-connect') && h.rule.products.includes('azure-expressroute'));
      hit(hits, 'sdwan-traffic-steering');
    });

    it('fires the API-gateway rule on the Kong line', () => {
      const h = hit(hits, 'api-gateway-throughput');
      assert.deepEqual(evidenceLines(h), [lineOf('API网关（Kong）峰值TPS仅800', start)]);
      assert.ok(h.rule.products.includes('kong-gateway') && h.rule.products.includes('apache-apisix'));
    });

    it('fires the VM manual-scaling rule on the 人工监控 line', () => {
      const h = hit(hits, 'manual-scaling-vm');
      assert.ok(evidenceLines(h).includes(lineOf('无自动化扩缩容策略，依赖人工监控调整', start)), summary([h]));
    });

    it('fires the China–EU cross-border transfer rule with PIPL and GDPR', () => {
      const h = hit(hits, 'cross-border-eu-china-transfer');
      const ev = evidenceLines(h);
      assert.ok(ev.includes(lineOf('合规性：符合中国保险业监管与欧盟GDPR', start)), summary([h]));
      assert.ok(ev.includes(lineOf('具体问题：跨AWS北京区与Azure东欧区', start)), summary([h]));
      assert.deepEqual([...h.rule.frameworks].sort(), ['data-security-law', 'gdpr', 'pipl']);
      hit(hits, 'transfer-impact-assessment');
      assert.ok(!hitIds(hits).includes('cross-border-pipl-outbound'), 'the generic outbound rule stays quiet when the EU rule fires');
      assert.ok(!hitIds(hits).includes('gdpr-international-transfer'), 'the EU-to-third-country rule stays quiet when China is involved');
    });

    it('fires the SAP IDoc integration rule on the IDoc line', () => {
      const h = hit(hits, 'sap-idoc-integration-layer');
      assert.deepEqual(evidenceLines(h), [lineOf('SAP S/4HANA系统（IDoc接口）', start)]);
      assert.ok(h.rule.products.includes('sap-integration-suite'));
    });

    it('fires the SAP rule where SAP is to be integrated, not where a line only names it', () => {
      const sap = RULES.filter((r) => r.id === 'sap-idoc-integration-layer');
      const fires = (lines: string[]) => evaluateRules(factsOf(lines.join('\n')), sap).length > 0;
      // Named only: a customisation pain, the database under it, the estate.
      assert.ok(!fires(['[当前痛点]：', '- 具体问题：SAP ECC 6.0（EHP6）大量二次开发（约2300个Z程序），每次打补丁都要回归测试一个月']));
      assert.ok(!fires(['[基础设施现状]：', '- 数据库：Oracle 11g（SAP ECC）']));
      // To be integrated: with an interface word either side, or as the legacy system.
      assert.ok(fires(['[特殊要求]：', '- 兼容性：对接现有Empower 3色谱系统与SAP S/4HANA（批次与物料）']));
      assert.ok(fires(['[特殊要求]：', '- 兼容性：SAP ECC 6.0通过RFC与MES对接']));
      assert.ok(fires(['[特殊要求]：', '- 系统兼容：', '  - 遗留系统：SAP ECC 6.0']));
    });

    it('fires the finance rules on their pains: paper claims, scattered funds, invoices keyed in', () => {
      const fires = (id: string, text: string) => evaluateRules(factsOf(['[当前痛点]：', `- 具体问题：${text}`].join('\n')), RULES.filter((r) => r.id === id)).length > 0;
      assert.ok(fires('expense-online', '费用报销纸质单据流转，平均报销周期18天'));
      assert.ok(!fires('expense-online', '月结要10天'));
      assert.ok(fires('treasury-centralisation', '资金分散在60多个银行账户，总部看不到实时余额'));
      assert.ok(!fires('treasury-centralisation', '项目资金到位慢'));
      assert.ok(fires('invoice-capture', '发票靠人工录入和查验，每月约8万张'));
    });

    it('fires the DR-site rule on a goal or a pain, not on an estate that has one; the renewable monitoring rule on a power fleet only', () => {
      const fires = (id: string, lines: string[]) => evaluateRules(factsOf(lines.join('\n')), RULES.filter((r) => r.id === id)).length > 0;
      assert.ok(fires('dr-site-build', ['[核心目标]：', '- 主要目标：12个月内建成同城灾备中心']));
      assert.ok(fires('dr-site-build', ['[当前痛点]：', '- 具体问题：只有一个机房，空调故障停机9小时']));
      assert.ok(!fires('dr-site-build', ['[基础设施现状]：', '- 数据中心：同城双活+异地灾备（两地三中心）']));
      assert.ok(fires('renewable-centralised-monitoring', ['[客户行业]：新能源发电集团', '[当前痛点]：', '- 具体问题：各场站SCADA品牌不同']));
      assert.ok(!fires('renewable-centralised-monitoring', ['[客户行业]：城市燃气', '[当前痛点]：', '- 具体问题：SCADA与GIS、营收系统数据不互通']));
    });

    it('fires the stream-processing rule on data kept in step, not on a hotel\'s rates and rooms synced to its OTAs', () => {
      const fires = (text: string) => evaluateRules(factsOf(['[核心目标]：', `- 主要目标：${text}`].join('\n')), RULES.filter((r) => r.id === 'stream-processing-realtime')).length > 0;
      assert.ok(!fires('全部门店切换到云PMS，房价房态与OTA实时同步'));
      for (const wanted of ['订单数据实时同步到数仓', '实时风控', '用Flink做实时计算']) assert.ok(fires(wanted), wanted);
    });

    it('fires the key-management rule on an encryption requirement, not on what ransomware encrypted', () => {
      const fires = (text: string) => evaluateRules(factsOf(['[当前痛点]：', `- 具体问题：${text}`].join('\n')), RULES.filter((r) => r.id === 'encryption-key-management')).length > 0;
      for (const done of ['勒索软件加密了3台文件服务器', '共享盘文件被加密', '文件服务器被勒索病毒加密', '遭勒索加密后停产两天']) assert.ok(!fires(done), done);
      for (const wanted of ['客户数据需加密存储', '数据库未加密', '传输加密与国密改造', '密钥散落在配置文件里']) assert.ok(fires(wanted), wanted);
    });

    it('fires the ERP rules on an ERP replacement\'s lines, and not on a telecom BOSS or a store checkout', () => {
      const fires = (id: string, lines: string[]) => evaluateRules(factsOf(lines.join('\n')), RULES.filter((r) => r.id === id)).length > 0;
      const pain = (text: string) => ['[当前痛点]：', `- 具体问题：${text}`];
      assert.ok(fires('erp-fast-close', pain('月结关账需要7个工作日，业财数据对不上')));
      assert.ok(!fires('erp-fast-close', pain('门店结账慢，高峰排队')));
      assert.ok(fires('erp-fit-to-standard', pain('SAP ECC 6.0（EHP6）大量二次开发（约2300个Z程序）')));
      assert.ok(!fires('erp-fit-to-standard', ['[当前痛点]：', '- 历史应对：已尝试在老BOSS系统上做二次开发']));
      assert.ok(fires('master-data-governance', pain('各基地物料主数据不统一，同一物料多个编码')));
      assert.ok(fires('thin-operations-team', pain('SAP Basis只有2人，依赖外部顾问')));
      assert.ok(fires('erp-cutover', ['[核心目标]：', '- 主要目标：24个月内完成ERP替换']));
      // A step that takes seconds is accepted at once and finished behind; a call held to P99 in
      // milliseconds (an order, a trade) is measured, never made asynchronous.
      const target = (text: string) => ['[核心目标]：', `- 性能：${text}`];
      assert.ok(fires('slow-step-async-acceptance', target('99%理赔请求在15秒内完成')));
      assert.ok(!fires('request-slo-percentile', target('99%理赔请求在15秒内完成')));
      // Supplier quality scoring is the QMS's; a sourcing scorecard (准入, 价格, 份额) answers the rest.
      assert.ok(!fires('supplier-performance', ['[核心目标]：', '- 次级目标：供应商质量绩效按月自动评分']));
      assert.ok(fires('supplier-performance', pain('各基地供应商准入与评价标准不一')));
      // Complaints that outages and failed transactions brought are answered by stability, not by
      // progress notices; a fault found through users' complaints is no complaint rate.
      const outage = pain('2024年两次交易系统故障被证监局出具警示函，客户投诉增长40%');
      assert.ok(fires('complaint-after-outage', outage));
      assert.ok(!fires('complaint-rate-response', outage));
      assert.ok(fires('complaint-rate-response', pain('门诊平均候诊58分钟，客户投诉上升')));
      assert.ok(!fires('complaint-after-outage', pain('门诊平均候诊58分钟，客户投诉上升')));
      assert.ok(!fires('complaint-after-outage', pain('充电桩故障靠用户投诉发现，运维人员到场平均要6小时')));
      for (const latency of ['订单处理时延P99<1毫秒', '下单接口P99<300ms', '95%的交易在200毫秒以内']) {
        assert.ok(fires('request-slo-percentile', target(latency)), latency);
        assert.ok(!fires('slow-step-async-acceptance', target(latency)), latency);
      }
      assert.ok(!fires('erp-cutover', ['[特殊要求]：', '- 兼容性：保留SAP ECC 6.0，MES通过RFC/IDoc与SAP对接']));
    });

    it('fires the rules for the rest of the intake: CDN failure, PCI DSS, Kafka 3.2, SLA 99.95%, 驻场, 3年订阅, claims', () => {
      const expected: [string, string][] = [
        ['cdn-not-for-dynamic-api', '尝试自建CDN加速'],
        ['pci-dss-scope-tokenisation', '通过PCIDSS v4.0认证'],
        ['kafka-zookeeper-kraft', 'Kafka 3.2'],
        ['redis-sentinel-topology', 'Redis 6.2哨兵模式'],
        ['sla-high-availability-budget', 'SLA 99.95%'],
        ['vendor-onsite-support', '上海本地驻场工程师'],
        ['subscription-tco-terms', '3年订阅制'],
        ['insurance-claims-bpm-stp', '业务影响：导致客户投诉率月增15%'],
        ['gdpr-processor-controls', '欧盟GDPR'],
        ['aws-china-partition', 'AWS北京（EC2'],
        ['china-cross-border-circuit', 'AWS北京（EC2'],
        ['peak-traffic-resilience', '无法支撑促销期流量'],
      ];
      for (const [id, needle] of expected) {
        const h = hit(hits, id);
        assert.ok(evidenceLines(h).includes(lineOf(needle, start)), `${id} cites the line with "${needle}":\n${summary([h])}`);
      }
    });

    it('does not fire version rules that do not apply (no Terraform or RabbitMQ here)', () => {
      const ids = hitIds(hits);
      for (const id of ['terraform-0x-upgrade-path', 'rabbitmq-mirrored-to-quorum']) assert.ok(!ids.includes(id), `${id} does not fire`);
    });

    it('cites only lines of the insurance intake', () => {
      const { start: s, end: e } = file.intakes[1]!.range;
      for (const h of hits) for (const f of h.evidence) assert.ok(f.line >= s.line && f.line <= e.line, `${h.rule.id} cites L${f.line + 1}`);
    });
  });

  describe('aviation (intake 4)', () => {
    const hits = hitsOf(3);
    const start = file.intakes[3]!.range.start.line;

    it('fires the RabbitMQ quorum-queue rule on the RabbitMQ line', () => {
      const h = hit(hits, 'rabbitmq-mirrored-to-quorum');
      assert.deepEqual(evidenceLines(h), [lineOf('RabbitMQ 3.9，镜像队列未启用', start)]);
      assert.match(h.rule.recommendation, /仲裁队列|quorum/);
      assert.match(h.rule.recommendation, /4\.0/);
    });

    it('fires the Terraform 0.12 upgrade-path rule on the 技术债务 line', () => {
      const h = hit(hits, 'terraform-0x-upgrade-path');
      assert.deepEqual(evidenceLines(h), [lineOf('Terraform 0.12配置无法升级', start)]);
      assert.match(h.rule.recommendation, /0\.12→0\.13/);
      assert.ok(h.rule.products.includes('opentofu'));
    });

    it('fires the SOAP integration rule on the Jeppesen line', () => {
      const h = hit(hits, 'soap-legacy-integration');
      assert.deepEqual(evidenceLines(h), [lineOf('波音Jeppesen航务系统（SOAP协议）', start)]);
    });

    it('fires the rules for the rest of the intake', () => {
      const expected: [string, string][] = [
        ['cross-cloud-dedicated-interconnect', 'Azure East US与本地HPE Synergy延迟波动'],
        ['sdwan-traffic-steering', '缺乏SD-WAN流量调度策略'],
        ['tcp-congestion-bbr', 'TCP拥塞控制算法不匹配'],
        ['cloudflare-argo-bgp-conflict', 'Cloudflare Argo'],
        ['cassandra-cross-region-replication', 'Cassandra 4.0'],
        ['zero-downtime-active-active', '零容忍停机'],
        ['faa-easa-records-worm', 'FAA适航数据存储规范'],
        ['soc2-attestation', 'SOC2 Type III'],
        ['contract-kpi-gamble', 'KPI对赌条款'],
        ['payment-schedule-milestones', '按季度支付'],
        ['international-support-coverage', '伦敦本地英法双语'],
        ['intercontinental-latency-physics', '跨云数据同步延迟<100ms'],
        ['realtime-valuation-event-time', '实时资产估值偏差'],
        ['manual-scaling-vm', '通过自动化扩缩容'],
        ['message-no-loss-delivery', '10万并发无丢包'],
      ];
      for (const [id, needle] of expected) {
        const h = hit(hits, id);
        assert.ok(evidenceLines(h).includes(lineOf(needle, start)), `${id} cites the line with "${needle}":\n${summary([h])}`);
      }
    });

    it('does not fire rules about things the intake does not have', () => {
      const ids = hitIds(hits);
      for (const id of ['kafka-zookeeper-kraft', 'sap-idoc-integration-layer', 'cross-border-eu-china-transfer', 'pci-dss-scope-tokenisation', 'api-gateway-throughput']) {
        assert.ok(!ids.includes(id), `${id} does not fire`);
      }
    });
  });

  for (const [index, name] of [
    [0, 'blank simple template'],
    [2, 'blank structured template'],
  ] as const) {
    it(`fires no rule on the ${name} (intake ${index + 1})`, () => {
      const hits = hitsOf(index);
      assert.deepEqual(hitIds(hits), [], `rules fired on placeholder text:\n${summary(hits)}`);
    });
  }
});

describe('rules on negative fixtures', () => {
  /** A minimal intake with the given 基础设施现状 components. */
  const intake = (...components: string[]) =>
    ['[客户行业]：航空', '- 细分领域：飞机租赁', '[基础设施现状]：', '- 关键组件：', ...components.map((c) => `  - ${c}`), '[特殊要求]：', '- 合规性：ISO27001:2022'].join('\n');
  const fired = (text: string) => hitIds(evaluateRules(factsOf(text), RULES));

  const cases: { name: string; text: string; quiet: string[]; fires?: string[] }[] = [
    { name: 'RabbitMQ 4.0 with quorum queues', text: intake('中间件：RabbitMQ 4.0，全部队列使用仲裁队列（quorum queues）'), quiet: ['rabbitmq-mirrored-to-quorum'] },
    { name: 'RabbitMQ 4.1 after leaving mirrored queues', text: intake('中间件：RabbitMQ 4.1，已从镜像队列迁移到仲裁队列'), quiet: ['rabbitmq-mirrored-to-quorum'] },
    { name: 'RabbitMQ 3.12 with mirrored queues (positive control)', text: intake('中间件：RabbitMQ 3.12，使用经典镜像队列'), quiet: [], fires: ['rabbitmq-mirrored-to-quorum'] },
    { name: 'Terraform 1.9', text: intake('技术债务：Terraform 1.9，模块已统一'), quiet: ['terraform-0x-upgrade-path'] },
    { name: 'Kafka 3.7 in KRaft mode', text: intake('中间件：Kafka 3.7（KRaft模式）'), quiet: ['kafka-zookeeper-kraft'] },
    { name: 'Kafka 4.0', text: intake('中间件：Kafka 4.0'), quiet: ['kafka-zookeeper-kraft'] },
    { name: 'vSphere 8', text: intake('私有云：VMware vSphere 8.0'), quiet: [], fires: ['vmware-licensing-change'] },
    { name: 'ZooKeeper without Kafka', text: intake('中间件：Hadoop 3.3，ZooKeeper 3.8'), quiet: ['kafka-zookeeper-kraft'] },
    { name: '"design" is not e-sign', text: intake('中间件：design system 组件库'), quiet: ['e-signature-records'] },
    { name: "a design institute's drawing seals are no contract-signing platform", text: ['[客户行业]：建筑业', '- 细分领域：甲级建筑工程设计院', '[核心目标]：', '- 主要目标：建设协同设计与图档管理平台', '- 次级目标：电子校审、电子签章和数字化交付'].join('\n'), quiet: ['esign-platform', 'esign-survey', 'esign-availability-risk', 'e-signature-records', 'ecm-document-platform'], fires: ['design-collab-platform', 'design-review-signing', 'design-seal-poc'] },
    { name: 'a contract-signing platform (positive control)', text: ['[客户行业]：零售', '[核心目标]：', '- 主要目标：上线电子签章平台，经销商合同线上签署'].join('\n'), quiet: ['design-review-signing'], fires: ['esign-platform', 'esign-survey'] },
    { name: 'an emission permit is no software licence', text: intake('环保：排污许可证到期换证靠人工提醒'), quiet: ['software-license-monitoring'] },
    { name: 'CAE licences nobody measures (positive control)', text: intake('研发：CAE软件许可证利用率不清楚'), quiet: [], fires: ['software-license-monitoring'] },
    { name: 'Argo CD is not Cloudflare Argo', text: intake('配置管理：Argo CD 持续交付'), quiet: ['cloudflare-argo-bgp-conflict'] },
    { name: 'Elasticsearch for product search: no log indices', text: intake('中间件：Elasticsearch 8.11商品检索'), quiet: ['large-volume-search'], fires: ['business-search-reindex'] },
    { name: 'Elasticsearch for logs: no product-search advice', text: intake('日志：ELK日志平台（Elasticsearch 7.17）'), quiet: ['business-search-reindex'], fires: ['large-volume-search'] },
    { name: 'OpenSearch named before its logs', text: intake('中间件：OpenSearch 2.11存放应用日志'), quiet: ['business-search-reindex'], fires: ['large-volume-search'] },
    { name: 'GSP temperature monitoring', text: intake('合规性：满足GSP药品经营质量管理规范的温湿度监测要求'), quiet: [], fires: ['gsp-cold-chain-temperature-records'] },
    { name: '"GSPN" is not GSP', text: intake('网络：GSPN专网接入'), quiet: ['gsp-cold-chain-temperature-records'] },
    { name: 'security alerts no one reads are security operations, not monitoring', text: intake('安全：安全告警分散在防火墙、杀毒和堡垒机里，没人看'), quiet: ['observability-unified'], fires: ['security-operations-soc'] },
    { name: 'SOC 2 is no security operations centre', text: intake('合规：通过SOC 2 Type II审计'), quiet: ['security-operations-soc'] },
    { name: 'a maker of PLCs sells them: no devices to connect', text: ['[客户行业]：工业自动化设备制造', '- 细分领域：PLC与伺服产品'].join('\n'), quiet: ['ot-opc-ua-edge'] },
    { name: 'PLCs on the shop floor (positive control)', text: intake('技术债务：车间PLC数据未联网'), quiet: [], fires: ['ot-opc-ua-edge'] },
    { name: "a charging operator's work orders and technicians are its piles', no IT service desk's", text: ['[客户行业]：能源', '- 细分领域：城市充电桩运营商', '[当前痛点]：', '- 充电桩故障靠用户投诉发现，运维人员到场平均要6小时', '[核心目标]：', '- 主要目标：重建充电运营管理平台', '- 次级目标：故障预警与运维工单'].join('\n'), quiet: ['itsm-process', 'vendor-onsite-support'], fires: ['ev-charging-platform', 'ev-fault-maintenance', 'ev-survey'] },
    { name: 'IT work orders and on-site engineers (positive control)', text: intake('运维：运维工单靠邮件流转，厂商工程师到场要一天'), quiet: [], fires: ['itsm-process', 'vendor-onsite-support'] },
    // Remote 7×24 support asked alone: its terms, no head count on site; asked with people on site, the on-site terms only.
    { name: '7×24 Chinese support without anyone on site', text: intake('支持SLA：7x24中文支持'), quiet: ['vendor-onsite-support'], fires: ['vendor-24x7-support'] },
    { name: '7×24 support with on-site engineers', text: intake('支持SLA：7x24电话支持，评级申报期间现场驻场'), quiet: ['vendor-24x7-support'], fires: ['vendor-onsite-support'] },
    { name: 'a portal to integrate later is no deal-registration need', text: intake('未来扩展：预留与经销商门户对接'), quiet: ['partner-deal-registration'] },
    { name: "people's master data is the HR system's, not an MDM's", text: intake('架构缺陷：组织架构与人员主数据没有统一来源'), quiet: ['master-data-governance'], fires: ['hr-org-master-data'] },
    { name: 'material master data (positive control)', text: intake('架构缺陷：各基地物料主数据不统一'), quiet: ['hr-org-master-data'], fires: ['master-data-governance'] },
    { name: 'payroll summed up in Excel', text: intake('业务层面：月度算薪靠Excel汇总，HR系统各子公司各自建设'), quiet: [], fires: ['hcm-group-payroll'] },
    { name: 'OA replaced for 信创, approvals on WeCom', text: intake('目标：OA信创替代，审批与企业微信集成'), quiet: [], fires: ['oa-xinchuang-migration', 'oa-mobile-im-integration'] },
    { name: 'OAuth is not OA', text: intake('中间件：OAuth2 认证网关升级，SOA服务替换'), quiet: ['oa-xinchuang-migration', 'oa-mobile-im-integration'] },
    { name: 'antivirus that cannot detect ransomware is an EDR need, not a backup one', text: intake('安全：终端杀毒软件是十年前的产品，检测不到勒索和无文件攻击'), quiet: ['backup-ransomware-resilience'], fires: ['edr-ransomware'] },
    { name: 'ransomware that encrypted servers (positive control)', text: intake('安全：去年被勒索软件攻击，3台文件服务器被加密'), quiet: [], fires: ['backup-ransomware-resilience'] },
    { name: 'no patches for a product out of support is no patching process to build', text: intake('邮件系统：Exchange 2010，已停止支持，补丁无法更新'), quiet: ['host-baseline-patching'], fires: ['email-migration'] },
    { name: 'patches without a baseline (positive control)', text: intake('安全：服务器补丁状态不清，没有统一基线'), quiet: [], fires: ['host-baseline-patching'] },
    { name: 'Windows and domestic PCs managed as one, with patching and admission', text: intake('终端：Windows与信创终端统一管理，补丁与准入管理'), quiet: ['office-xinchuang-programme'], fires: ['endpoint-unified-management'] },
    { name: 'mail rejected by other servers, spam and phishing: sender identity and a mail gateway', text: intake('邮件系统：外发邮件频繁被对方拒收，垃圾邮件和钓鱼邮件多'), quiet: [], fires: ['email-security-deliverability'] },
    { name: 'a spam filter for comments is no mail gateway', text: intake('中间件：评论区反垃圾过滤服务'), quiet: ['email-security-deliverability'] },
    { name: "interfaces that fail unmonitored are the integration platform's to watch, not an observability tool's", text: ['[客户行业]：零售', '[当前痛点]：', '- 接口故障无监控，门店缺货后才发现数据没同步', '[核心目标]：', '- 主要目标：建设企业集成平台', '- 次级目标：接口统一监控和告警'].join('\n'), quiet: ['observability-unified'], fires: ['integration-platform', 'integration-cutover-risk', 'integration-interface-inventory'] },
    { name: 'point-to-point interfaces with no platform to build are answered in the terms of the project', text: intake('架构缺陷：院内系统点对点集成'), quiet: ['integration-platform'] },
    { name: "interfaces with no unified monitoring are the integration platform's too (接口无统一监控)", text: intake('运维短板：接口无统一监控，故障靠临床科室电话报修'), quiet: ['observability-unified'] },
    { name: 'monitoring with no platform (positive control)', text: intake('运维：没有统一监控，故障定位慢'), quiet: [], fires: ['observability-unified'] },
    { name: 'group chats with no private domain to build are no SCRM', text: intake('营销：社群运营靠人工群发'), quiet: ['scrm-private-domain', 'scrm-adoption-risk'] },
    { name: 'customers kept by the company when an adviser leaves, said as a goal', text: intake('目标：离职继承，客户资产留在企业'), quiet: [], fires: ['customer-relationship-retention'] },
    { name: "a tax platform's goal names the expense system it connects to, not one to build", text: ['[客户行业]：制造', '[核心目标]：', '- 主要目标：建设集团税务管理平台，统一销项开票和进项管理', '- 次级目标：与SAP和费控系统对接，发票自动入账'].join('\n'), quiet: ['expense-online'], fires: ['tax-invoice-platform', 'tax-cutover-risk'] },
    { name: 'an expense system asked for (positive control)', text: ['[客户行业]：制造', '[核心目标]：', '- 主要目标：上线费控系统，报销周期缩短到5天'].join('\n'), quiet: ['tax-invoice-platform'], fires: ['expense-online'] },
    { name: 'purchase invoices certified by hand', text: intake('财务：进项发票靠人工勾选认证'), quiet: ['tax-cutover-risk'], fires: ['tax-invoice-platform'] },
    { name: "a safety platform's DCS is no equipment to connect", text: ['[客户行业]：化工', '[基础设施现状]：', '- 关键组件：', '  - DCS：中控', '[核心目标]：', '- 主要目标：建设安全生产信息化平台（EHS），实现特殊作业票电子化和双重预防机制'].join('\n'), quiet: ['ot-opc-ua-edge'], fires: ['ehs-safety-platform', 'ehs-field-adoption-risk', 'ehs-survey'] },
    { name: 'an AML system with a model to rank its alerts', text: intake('合规：反洗钱预警误报率超过95%，引入机器学习模型辅助甄别'), quiet: [], fires: ['aml-transaction-monitoring', 'aml-model-governance'] },
    { name: 'a model with no AML is no AML model governance', text: intake('业务：引入机器学习模型辅助排产'), quiet: ['aml-transaction-monitoring', 'aml-model-governance'] },
    { name: 'classified meetings on the ordinary system', text: intake('会议：涉密会议和普通会议混用一套视频会议系统'), quiet: [], fires: ['classified-meeting-separation'] },
    { name: 'out-of-production video conferencing', text: intake('视频会议：Polycom RMX 2000已停产，故障后无备件'), quiet: [], fires: ['video-conferencing-platform'] },
    { name: "a warehouse's stock that does not match is no fixed-asset platform", text: intake('仓储：库存账实不符，盘点靠人工'), quiet: ['fixed-asset-lifecycle'] },
    { name: "a utility's meter reading is no energy management to build", text: intake('营收：月底抄表，人工录入'), quiet: ['plant-energy-metering'] },
    { name: 'codes against diversion alone trace nothing: no traceability platform', text: ['[客户行业]：快消', '[当前痛点]：', '- 窜货严重，跨区低价销售查不到源头', '[核心目标]：', '- 主要目标：建设渠道数字化平台', '- 次级目标：一物一码防窜货'].join('\n'), quiet: ['product-traceability-platform', 'product-traceability-survey'], fires: ['product-traceability-anti-diversion', 'channel-one-code'] },
    { name: "a plant's TPM is total productive maintenance, no channel platform", text: ['[客户行业]：制造', '[核心目标]：', '- 主要目标：推行TPM全员生产维护，设备综合效率提升10%'].join('\n'), quiet: ['channel-dms-sfa', 'channel-survey'] },
    { name: "a temperature excursion's detection time is no security detection", text: ['[客户行业]：医药流通', '[核心目标]：', '- 主要目标：建设冷链全程温湿度监测平台', '- 成功标尺：在途超温发现时间缩短到5分钟以内'].join('\n'), quiet: ['security-operations-soc'], fires: ['cold-chain-alarm'] },
    { name: 'a WMS to link with is no WMS to build', text: ['[客户行业]：医药流通', '[核心目标]：', '- 主要目标：建设冷链全程温湿度监测平台', '- 次级目标：与WMS出库单和疫苗追溯码关联'].join('\n'), quiet: ['wms-platform', 'wms-survey', 'wms-cutover-risk', 'coldchain-temperature-alerting'], fires: ['cold-chain-monitoring-platform', 'cold-chain-trace-link'] },
    { name: 'a WMS to build beside a TMS (positive control)', text: ['[客户行业]：物流', '[核心目标]：', '- 主要目标：建设TMS与WMS，统一运单与库存'].join('\n'), quiet: [], fires: ['wms-platform'] },
    { name: "scattered devices' alarms without a monitoring platform to build go to the IoT platform (positive control)", text: intake('温控：车载温控设备数据分散在4家物联网平台，温度异常告警平均延迟12分钟'), quiet: ['cold-chain-monitoring-platform'], fires: ['coldchain-temperature-alerting'] },
    { name: "a brand's trade spend is no peak traffic", text: intake('营销：促销费用投放给经销商后，核销靠照片和纸质单据'), quiet: ['peak-traffic-resilience'] },
    { name: 'a big sale is peak traffic (positive control)', text: intake('业务：大促期间订单量是平时的10倍'), quiet: [], fires: ['peak-traffic-resilience'] },
    { name: "a master-data goal's material codes are no traceability platform", text: ['[客户行业]：制造', '[核心目标]：', '- 主要目标：建设主数据管理平台', '- 次级目标：物料编码一物一码，重复率降到1%以下'].join('\n'), quiet: ['product-traceability-platform', 'product-traceability-survey'] },
    { name: 'a traceability platform over the plants\' own MES is no MES to unify', text: ['[客户行业]：食品制造', '[当前痛点]：', '- 批次信息分散在MES、WMS和纸质记录中', '[核心目标]：', '- 主要目标：建设全链条质量追溯系统，一物一码'].join('\n'), quiet: ['mes-unified-traceability'], fires: ['product-traceability-platform', 'product-traceability-plant-systems'] },
    { name: 'batch tracing without a traceability goal is still an MES need (positive control)', text: ['[客户行业]：制造', '[当前痛点]：', '- 三个工厂各用一套MES，批次追溯靠人工翻纸质记录'].join('\n'), quiet: [], fires: ['mes-unified-traceability'] },
    { name: "a server room's cooling failure is no DCIM to build", text: ['[客户行业]：能源', '[当前痛点]：', '- 只有一个机房，2023年机房空调故障停机9小时', '[核心目标]：', '- 主要目标：建设同城灾备中心'].join('\n'), quiet: ['dcim-platform', 'dcim-cooling-early-warning'] },
    { name: 'a cooling failure where a goal builds a DCIM (positive control)', text: ['[客户行业]：保险', '[当前痛点]：', '- 空调故障导致机房温度过高，核心系统宕机40分钟', '[核心目标]：', '- 主要目标：建设数据中心基础设施管理平台（DCIM）'].join('\n'), quiet: [], fires: ['dcim-platform', 'dcim-cooling-early-warning'] },
    { name: 'a product carbon footprint asked by a carmaker', text: intake('客户：主机厂要求提供产品碳足迹'), quiet: [], fires: ['product-carbon-footprint'] },
    { name: "a 3PL's EDI is no container terminal's", text: ['[客户行业]：物流', '- 细分领域：合同物流与城配', '[核心目标]：', '- 次级目标：与货主EDI对接'].join('\n'), quiet: ['tos-edi-exchange', 'tos-terminal-operating-system'], fires: ['logistics-wms-tms'] },
    { name: 'a container terminal runs a TOS, not a WMS and a TMS', text: ['[客户行业]：物流', '- 细分领域：集装箱码头公司', '[核心目标]：', '- 主要目标：三年内更换码头操作系统（TOS）', '- 次级目标：与海关、船公司和集卡平台数据交换'].join('\n'), quiet: ['logistics-wms-tms'], fires: ['tos-terminal-operating-system', 'tos-edi-exchange', 'tos-cutover-risk'] },
    { name: 'a cross-border trade is no cross-border link nor a data export', text: ['[客户行业]：电商', '- 细分领域：跨境电商卖家', '[基础设施现状]：', '- 公有云：阿里云'].join('\n'), quiet: ['alibaba-cloud-cen', 'cross-border-pipl-outbound'] },
    { name: 'data synchronised across the border (positive control)', text: ['[客户行业]：电商', '[基础设施现状]：', '- 公有云：阿里云杭州与新加坡，跨境数据同步'].join('\n'), quiet: [], fires: ['alibaba-cloud-cen', 'cross-border-pipl-outbound'] },
    { name: "a seller's ERP for its stores", text: ['[客户行业]：电商', '[核心目标]：', '- 主要目标：上线跨境电商ERP，统一管理多平台订单、库存、采购和广告', '- 次级目标：按SKU核算利润'].join('\n'), quiet: [], fires: ['crossborder-erp-platform', 'crossborder-sku-profit'] },
    { name: 'stock-outs with no seller ERP to build', text: ['[客户行业]：电商', '[当前痛点]：', '- 断货和滞销同时存在'].join('\n'), quiet: ['crossborder-replenishment', 'crossborder-erp-platform'] },
    { name: "a hotel's business travellers are no travel booking to build", text: ['[客户行业]：酒店', '- 细分领域：商旅型连锁酒店', '[核心目标]：', '- 主要目标：提升商旅客源的复购率'].join('\n'), quiet: ['travel-booking-policy'] },
    { name: 'trips booked by the travellers themselves (positive control)', text: intake('差旅：员工自行预订机票酒店，事后报销'), quiet: [], fires: ['travel-booking-policy'] },
    { name: "a tax platform's goal naming the expense system builds no expense system", text: ['[客户行业]：制造', '[当前痛点]：', '- 费用预算在Excel里，超预算了才知道', '[核心目标]：', '- 主要目标：建设集团税务管理平台', '- 次级目标：与SAP和费控系统对接，发票自动入账'].join('\n'), quiet: ['expense-budget-control', 'expense-erp-posting', 'expense-rollout-risk', 'expense-policy-survey'] },
    { name: 'an expense platform to build controls its budgets (positive control)', text: ['[客户行业]：制造', '[当前痛点]：', '- 费用预算在Excel里，超预算了才知道', '[核心目标]：', '- 主要目标：上线费控报销平台', '- 次级目标：与SAP凭证自动对接'].join('\n'), quiet: ['epm-budget-control'], fires: ['expense-budget-control', 'expense-erp-posting', 'expense-policy-survey'] },
    { name: "a customs system's BOM is no MES, ERP and PLM programme", text: ['[客户行业]：制造', '[当前痛点]：', '- 关务数据和ERP的物料、BOM对不上', '[核心目标]：', '- 主要目标：上线关务管理系统'].join('\n'), quiet: ['manufacturing-mes-erp-plm'], fires: ['customs-bonded-management', 'customs-erp-mapping'] },
    { name: "the shop floor's BOM (positive control)", text: ['[客户行业]：制造', '[当前痛点]：', '- ERP和MES的BOM对不上'].join('\n'), quiet: ['customs-erp-mapping'], fires: ['manufacturing-mes-erp-plm'] },
    { name: 'sorting expenses is no customs classification, nor returned orders a customs return', text: intake('财务：费用归类靠人工，电商退单率高'), quiet: ['customs-classification', 'customs-bonded-management'] },
    { name: "a port's exchange with the customs is no customs system", text: intake('数据交换：与海关、单一窗口和船公司数据交换'), quiet: ['customs-bonded-management', 'customs-single-window', 'customs-classification', 'customs-audit-trail'] },
    { name: 'declarations returned for wrong classification (positive control)', text: intake('关务：报关单归类和申报要素常出错被海关退单'), quiet: [], fires: ['customs-classification'] },
    { name: 'channels of résumés are no channels of orders', text: ['[客户行业]：零售', '[核心目标]：', '- 主要目标：上线招聘管理系统', '- 次级目标：多渠道简历统一归集'].join('\n'), quiet: ['oms-unified-inventory'], fires: ['recruitment-frontline'] },
    { name: 'a promotion policy to carry out in the stores is no menu and no traffic peak', text: ['[客户行业]：零售', '[当前痛点]：', '- 新品和促销政策下发后，门店执行不到位', '[核心目标]：', '- 主要目标：建设员工在线学习平台，新员工岗前培训和考试全部线上完成'].join('\n'), quiet: ['pos-central-menu', 'peak-traffic-resilience'], fires: ['corporate-learning-onboarding', 'corporate-learning-policy-rollout'] },
    { name: 'new dishes listed store by store (positive control)', text: intake('门店：新品上架要逐店维护'), quiet: [], fires: ['pos-central-menu'] },
    { name: 'a promotion peak (positive control)', text: intake('业务：促销活动期间系统卡顿'), quiet: [], fires: ['peak-traffic-resilience'] },
    { name: 'training by the store manager with no learning platform to build', text: intake('业务：新员工培训靠店长带，标准不统一'), quiet: ['corporate-learning-onboarding', 'corporate-learning-policy-rollout'] },
    { name: "a hospital's month-end close with its HRP needs no new ERP", text: ['[客户行业]：医疗', '[核心目标]：', '- 主要目标：建设医院运营管理平台（HRP）', '- 成功标尺：月结从10天缩短到3天'].join('\n'), quiet: ['erp-fast-close'], fires: ['hrp-platform'] },
    { name: 'a month-end close with no HRP (positive control)', text: ['[客户行业]：制造', '[核心目标]：', '- 主要目标：月结从10天缩短到3天'].join('\n'), quiet: [], fires: ['erp-fast-close'] },
    { name: 'high-value consumables with no HRP to build', text: intake('业务：高值耗材靠手工登记'), quiet: ['hrp-platform', 'hrp-high-value-consumables', 'hrp-cost-accounting'] },
    { name: "a hospital's outpatient queue is no call centre's", text: ['[客户行业]：医疗', '[核心目标]：', '- 成功标尺：门诊排队时间下降30%'].join('\n'), quiet: ['contact-center-peak'] },
    { name: "callers' queue (positive control)", text: intake('客服：热线高峰排队时间过长，接通率不到70%'), quiet: [], fires: ['contact-center-peak'] },
    { name: "a government's integrated budget management is no corporate EPM", text: ['[客户行业]：政府', '[核心目标]：', '- 主要目标：18个月内建成预算管理一体化系统'].join('\n'), quiet: ['epm-platform'] },
    { name: "a group's budgeting and consolidation (positive control)", text: ['[客户行业]：制造', '[核心目标]：', '- 主要目标：上线全面预算与合并报表一体化平台'].join('\n'), quiet: [], fires: ['epm-platform'] },
    { name: "a server's operations under a shared account are no database audit", text: intake('运维：运维人员用共享账号登录服务器，操作无法追溯到人'), quiet: ['dba-access-control'] },
    { name: 'a DBA who can export customer data is one', text: intake('数据库：DBA可直接查询导出客户手机号'), quiet: [], fires: ['dba-access-control'] },
    { name: 'a bastion to build', text: ['[客户行业]：制造', '[当前痛点]：', '- 运维人员用共享账号登录服务器，操作无法追溯到人', '[核心目标]：', '- 主要目标：建设堡垒机，运维操作可追溯到人'].join('\n'), quiet: ['dba-access-control', 'securities-ops-audit'], fires: ['privileged-access-management', 'pam-rotation-bypass-risk'] },
    { name: "a 12345 hotline's smart dispatch is no field service", text: ['[客户行业]：政府', '[核心目标]：', '- 主要目标：升级12345政务服务便民热线系统，智能派单', '- 次级目标：与一网统管平台对接'].join('\n'), quiet: ['field-service-management', 'city-operations-center'], fires: ['gov-hotline-platform', 'gov-hotline-city-operations-link'] },
    { name: 'a city operations centre to build still is one', text: ['[客户行业]：政府', '[核心目标]：', '- 主要目标：两年内建成城市运行管理中心（一网统管），与12345热线对接'].join('\n'), quiet: ['gov-hotline-platform'], fires: ['city-operations-center'] },
    { name: "a grid's unified dispatch is no water utility's", text: ['[客户行业]：电网', '- 细分领域：省级电网调度', '[当前痛点]：', '- 各地调SCADA独立', '[核心目标]：', '- 主要目标：建设统一调度平台'].join('\n'), quiet: ['water-dispatch-scada-integration', 'water-dma-leakage'] },
    { name: "a gas utility's billing replacement is no water billing", text: ['[客户行业]：城市燃气', '[核心目标]：', '- 主要目标：营收系统更换'].join('\n'), quiet: ['water-billing-replacement', 'water-billing-cutover-risk'] },
    { name: "a water utility's billing replacement", text: ['[客户行业]：公用事业', '- 细分领域：城市供水集团', '[核心目标]：', '- 主要目标：营收系统更换'].join('\n'), quiet: [], fires: ['water-billing-replacement', 'water-billing-cutover-risk'] },
    { name: 'a regional imaging centre measured by its report turnaround', text: ['[客户行业]：医疗', '- 细分领域：县域医共体', '[核心目标]：', '- 主要目标：建设区域影像中心', '- 成功标尺：乡镇影像报告2小时内出具'].join('\n'), quiet: [], fires: ['regional-imaging-center', 'township-imaging-network-risk'] },
    { name: "a hospital's PACS storage is no regional imaging centre", text: ['[客户行业]：医疗', '- 细分领域：三甲医院', '[当前痛点]：', '- PACS影像调阅慢，各院区影像无法共享'].join('\n'), quiet: ['regional-imaging-center', 'imaging-patient-privacy'] },
    { name: "each subsidiary's own books under one group ERP are no ledger to unify", text: intake('ERP：用友NC Cloud，各子公司独立账套'), quiet: ['group-ledger-unification'] },
    { name: 'books unified into a group ledger (positive control)', text: ['[客户行业]：汽车经销', '[核心目标]：', '- 次级目标：财务统一到集团账套'].join('\n'), quiet: [], fires: ['group-ledger-unification'] },
    { name: "a water utility's collection rate is no property fee", text: ['[客户行业]：水务', '[核心目标]：', '- 成功标尺：水费收缴率提升到98%，报修响应时间缩短30%'].join('\n'), quiet: ['property-fee-collection', 'property-work-orders'] },
    { name: "a construction group's smart sites are no project management system", text: ['[客户行业]：建筑业', '[核心目标]：', '- 主要目标：建设集团智慧工地平台，所有在建工地一年内接入'].join('\n'), quiet: ['construction-pm-platform', 'construction-cost-control', 'construction-rollout-risk'], fires: ['smart-site-platform', 'smart-site-batch-rollout', 'smart-site-survey'] },
    { name: "a construction group's project management (positive control)", text: ['[客户行业]：建筑业', '[核心目标]：', '- 主要目标：2年内建成集团统一的工程项目管理平台，覆盖成本、物资、分包、劳务与进度'].join('\n'), quiet: ['smart-site-platform', 'smart-site-survey'], fires: ['construction-pm-platform'] },
    { name: 'tower cranes and deep excavations watched by hand', text: ['[客户行业]：建筑业', '[当前痛点]：', '- 塔吊和深基坑安全靠人工巡查，去年发生两起险情'].join('\n'), quiet: [], fires: ['smart-site-hazard-monitoring'] },
    { name: "a hospital's video in one place is no construction site's", text: ['[客户行业]：医疗', '[当前痛点]：', '- 各院区的视频监控不能统一查看'].join('\n'), quiet: ['smart-site-video-ai'] },
    { name: "a property manager's fees and repairs (positive control)", text: ['[客户行业]：物业管理', '[当前痛点]：', '- 物业费收缴靠纸质账单和前台收款，收缴率只有82%', '- 报修靠电话和微信群，工单无法跟踪'].join('\n'), quiet: [], fires: ['property-fee-collection', 'property-work-orders'] },
    { name: "a park's rent and tenants' requests are the park platform's, not a property manager's fees and repairs", text: ['[客户行业]：地产', '[当前痛点]：', '- 企业服务需求靠电话和微信群，处理情况无法跟踪', '[核心目标]：', '- 主要目标：建设智慧园区运营平台，打通招商租赁、物业服务和园区设施', '- 次级目标：园区服务App（访客、报修、停车、缴费）', '- 成功标尺：租金收缴率达到98%'].join('\n'), quiet: ['property-fee-collection', 'property-work-orders'], fires: ['park-operations-platform', 'park-rent-collection', 'park-tenant-services', 'park-survey'] },
    { name: "a care home's paper care records, fees and night falls", text: ['[客户行业]：养老服务', '[当前痛点]：', '- 老人护理计划和护理记录都是纸质的，护理是否按计划执行无法核实', '- 护理费、床位费、餐费按月手工计费', '- 夜间老人跌倒和离床只能靠护理员巡房发现', '[核心目标]：', '- 主要目标：上线养老机构管理系统'].join('\n'), quiet: [], fires: ['eldercare-platform', 'eldercare-care-execution', 'eldercare-billing', 'eldercare-safety-alarms', 'eldercare-survey'] },
    { name: "a hospital's nursing records are no care home's", text: ['[客户行业]：医疗', '[当前痛点]：', '- 护理记录是纸质的，护理是否按计划执行无法核实', '- 住院病人夜间跌倒靠护士巡房发现'].join('\n'), quiet: ['eldercare-care-execution', 'eldercare-safety-alarms'] },
    { name: "the civil affairs' supervision platform is no care home system to build", text: ['[客户行业]：政府', '[核心目标]：', '- 主要目标：建设全市养老服务监管平台'].join('\n'), quiet: ['eldercare-platform', 'eldercare-survey'] },
    { name: "a goal that joins up a park's facilities needs the integration layer", text: ['[客户行业]：地产', '[核心目标]：', '- 主要目标：建设智慧园区运营平台，打通招商租赁、物业服务和园区设施'].join('\n'), quiet: [], fires: ['park-subsystem-integration'] },
    { name: 'a goal that joins up leasing and services alone needs no integration layer', text: ['[客户行业]：地产', '[核心目标]：', '- 主要目标：建设智慧园区运营平台，打通招商租赁和物业服务'].join('\n'), quiet: ['park-subsystem-integration'] },
    { name: "a factory's smart campus leases nothing: no park platform", text: ['[客户行业]：制造', '[核心目标]：', '- 主要目标：建设智慧园区，统一门禁、访客和能耗监测'].join('\n'), quiet: ['park-operations-platform', 'park-tenant-services', 'park-migration-risk', 'park-survey'], fires: ['park-personal-data'] },
    { name: 'a credit system to connect is no credit system to build', text: ['[客户行业]：银行', '[核心目标]：', '- 次级目标：与核心和信贷系统对接'].join('\n'), quiet: ['credit-management-platform', 'credit-core-bureau-integration'] },
    { name: 'a new credit system (positive control)', text: ['[客户行业]：银行', '[核心目标]：', '- 主要目标：建设新一代信贷管理系统，两年内替换旧信贷系统', '- 次级目标：与核心系统和征信系统对接'].join('\n'), quiet: [], fires: ['credit-management-platform', 'credit-core-bureau-integration'] },
    { name: "the monthly actives of a bank's app are no staff platform's", text: ['[客户行业]：银行', '[核心目标]：', '- 主要目标：重构手机银行，一年内上线新版，月活提升到80万'].join('\n'), quiet: ['collaboration-suite-rollout'], fires: ['mobile-banking-rebuild'] },
    { name: "the staff's monthly actives (positive control)", text: ['[客户行业]：零售', '[核心目标]：', '- 成功标尺：一线员工月活率90%以上'].join('\n'), quiet: [], fires: ['collaboration-suite-rollout'] },
    { name: "a mobile banking response time is no app to rebuild", text: ['[客户行业]：银行', '[核心目标]：', '- 次级目标：手机银行核心交易P99<800ms'].join('\n'), quiet: ['mobile-banking-rebuild', 'mobile-banking-elderly'] },
    { name: "an app's complaints are answered by its rebuild", text: ['[客户行业]：银行', '[核心目标]：', '- 主要目标：重构手机银行', '- 成功标尺：手机银行投诉率下降50%'].join('\n'), quiet: ['complaint-rate-response'], fires: ['mobile-banking-complaint-target'] },
    { name: "a bank's complaints with no app to rebuild (positive control)", text: ['[客户行业]：银行', '[核心目标]：', '- 成功标尺：客户投诉率下降50%'].join('\n'), quiet: [], fires: ['complaint-rate-response'] },
    { name: 'CNAS and CMA reviews', text: intake('合规性：CNAS-CL01，CMA资质认定'), quiet: [], fires: ['lab-accreditation-records'] },
    { name: 'ISO 27001 only: no privacy transfer rules', text: intake('数据库：TiDB 7.5'), quiet: ['cross-border-eu-china-transfer', 'cross-border-pipl-outbound', 'gdpr-international-transfer'], fires: ['iso27001-2022'] },
    { name: 'AI visual inspection reserved for later: an interface to agree now', text: ['[客户行业]：汽车零部件', '[特殊要求]：', '- 系统兼容：', '  - 未来扩展：预留AI视觉质检接入'].join('\n'), quiet: ['ai-compute-reserve'], fires: ['vision-inspection-reserved'] },
    { name: 'visual inspection built now is not told to wait', text: ['[客户行业]：电子制造', '[核心目标]：', '- 主要目标：上线AI视觉检测，外观漏检率降到0.1%', '[特殊要求]：', '- 未来扩展：后续视觉质检推广到全部产线'].join('\n'), quiet: ['vision-inspection-reserved'] },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const ids = fired(c.text);
      for (const id of c.quiet) assert.ok(!ids.includes(id), `${id} must not fire (fired: ${ids.join(', ')})`);
      for (const id of c.fires ?? []) assert.ok(ids.includes(id), `${id} fires (fired: ${ids.join(', ')})`);
    });
  }

  it("answers a carmaker's TISAX with TISAX, not with IATF 16949's quality records", () => {
    const text = ['[客户行业]：汽车零部件制造', '[核心目标]：', '- 成功标尺：主机厂客户的TISAX评估通过'].join('\n');
    const hits = evaluateRules(factsOf(text), RULES);
    const iatf = hits.find((h) => h.rule.id === 'automotive-iatf-16949');
    assert.ok(iatf, 'the automotive profile still brings IATF 16949');
    assert.deepEqual(iatf.evidence.map((f) => f.line), [0]);
    assert.deepEqual(hits.find((h) => h.rule.id === 'tisax-assessment')?.evidence.map((f) => f.line), [2]);
  });

  it('partitions the cross-border rules: EU+China, China outbound only, EU to a third country only', () => {
    const base = (line: string) => ['[客户行业]：零售', '[特殊要求]：', `- 合规性：${line}`].join('\n');
    const pick = (ids: string[]) => ids.filter((id) => ['cross-border-eu-china-transfer', 'cross-border-pipl-outbound', 'gdpr-international-transfer'].includes(id));
    assert.deepEqual(pick(fired(base('欧盟GDPR与中国PIPL'))), ['cross-border-eu-china-transfer']);
    assert.deepEqual(pick(fired(base('跨境电商，会员数据需向境外总部传输'))), ['cross-border-pipl-outbound']);
    assert.deepEqual(pick(fired(base('欧盟GDPR，数据在美国East US处理'))), ['gdpr-international-transfer']);
  });
});

describe('knowledge base integrity', () => {
  it('writes out in every framework the fields the editor\'s analysis reads, defaults included', () => {
    // The end-to-end suite's expected values come from a bundle of the YAML as written
    // (test/e2e/build-tests.js), the extension's from the schema's output: a framework that left
    // retiredVersions to its default ([]) broke the retired-standard check in the first, and the
    // Intakes view's counts then disagreed with the suite's.
    const written = parseYaml(fs.readFileSync(path.join(repoRoot(), 'src', 'core', 'knowledge', 'frameworks.yaml'), 'utf8')) as { frameworks: Record<string, unknown>[] };
    for (const f of written.frameworks) for (const field of ['retiredVersions', 'levels']) assert.ok(Array.isArray(f[field]), `${String(f.id)}: ${field}`);
  });

  it('validates every YAML file read from disk and passes checkKnowledgeIntegrity', () => {
    const dir = path.join(repoRoot(), 'src', 'core', 'knowledge');
    const load = (f: string): unknown => parseYaml(fs.readFileSync(path.join(dir, f), 'utf8'));
    const productFiles = fs.readdirSync(path.join(dir, 'products')).filter((f) => f.endsWith('.yaml')).sort();
    assert.deepEqual(productFiles, ['business.yaml', 'foundation.yaml', 'industry.yaml', 'platform.yaml']);
    const problems = checkKnowledgeIntegrity({
      categories: CategoriesFileSchema.parse(load('categories.yaml')).categories,
      frameworks: FrameworksFileSchema.parse(load('frameworks.yaml')).frameworks,
      industries: IndustriesFileSchema.parse(load('industries.yaml')).industries,
      locations: LocationsFileSchema.parse(load('locations.yaml')).locations,
      lifecycle: LifecycleFileSchema.parse(load('lifecycle.yaml')).families,
      products: productFiles.flatMap((f) => ProductsFileSchema.parse(load(`products/${f}`)).products),
      rules: RULES,
      timelines: TimelinesFileSchema.parse(load('timelines.yaml')),
    });
    assert.deepEqual(problems, []);
  });

  it("checks a framework's onlyWithSupport: its categories exist, and some product of each supports it", () => {
    const frameworks = KB.frameworks.map((f) => (f.id === 'commercial-crypto-assessment' ? { ...f, onlyWithSupport: { categories: ['kms-hsm', 'oms', 'no-such-category'], reason: '…' } } : f));
    const problems = checkKnowledgeIntegrity({ ...KB, frameworks });
    assert.ok(problems.some((p) => p.includes('no product of category "oms" supports it')), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('no-such-category')), problems.join('\n'));
    assert.ok(!problems.some((p) => p.includes('"kms-hsm"')), problems.join('\n'));
  });

  it("checks what a framework or an industry's regulator governs: its categories exist", () => {
    const frameworks = KB.frameworks.map((f) => (f.id === 'interop-maturity' ? { ...f, governs: { categories: ['his-integration', 'no-such-system'] } } : f));
    const industries = KB.industries.map((i) => (i.id === 'healthcare' ? { ...copyEntry(i), regulators: i.regulators.map((r) => (r.name === '国家医疗保障局' ? { ...r, governs: { categories: ['no-such-settlement'], words: ['医保'] } } : r)) } : i));
    const problems = checkKnowledgeIntegrity({ ...KB, frameworks, industries });
    assert.ok(problems.some((p) => p.includes('framework interop-maturity governs: unknown category "no-such-system"')), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('industry healthcare regulator 国家医疗保障局 governs: unknown category "no-such-settlement"')), problems.join('\n'));
    assert.ok(!problems.some((p) => p.includes('his-integration')), problems.join('\n'));
  });

  it("checks a cost's majorExclusion: the note that says what is left out comes with it", () => {
    const withNote = (id: string, note: string | undefined) =>
      checkKnowledgeIntegrity({ ...KB, categories: KB.categories.map((c) => (c.id === id ? { ...copyEntry(c), cost: { ...copyEntry(c).cost, note, majorExclusion: '分区计量的流量计' } } : c)) });
    assert.deepEqual(withNote('smart-water', '智慧水务平台按软件估算，分区计量的流量计另计'), []);
    assert.ok(withNote('smart-water', undefined).some((p) => p.includes('category smart-water: cost majorExclusion without a note')));
  });

  it("checks a product's caveatUnlessRuns: one sentence of its caveat, known categories, a vendor selling in them", () => {
    const unless = (c: { sentence: string; vendor: string; categories: string[] }) => checkKnowledgeIntegrity({ ...KB, products: KB.products.map((p) => (p.id === 'dhcc-drg' ? { ...copyEntry(p), caveatUnlessRuns: [c] } : p)) });
    assert.deepEqual(unless({ sentence: '非东华HIS', vendor: '东华医为', categories: ['his-emr'] }), []);
    assert.ok(unless({ sentence: '非卫宁HIS', vendor: '东华医为', categories: ['his-emr'] }).some((p) => p.includes('is in 0 sentences')));
    assert.ok(unless({ sentence: '非东华HIS', vendor: '东华医为', categories: ['no-such-kind'] }).some((p) => p.includes('unknown category "no-such-kind"')));
    assert.ok(unless({ sentence: '非东华HIS', vendor: '东华医为', categories: ['erp'] }).some((p) => p.includes('has no product in erp')));
  });

  it("checks a product's caveatOnlyIf: one sentence of its caveat", () => {
    const onlyIf = (sentence: string) => checkKnowledgeIntegrity({ ...KB, products: KB.products.map((p) => (p.id === 'hollysys-mes' ? { ...copyEntry(p), caveatOnlyIf: [{ sentence, in: 'industry' as const, words: ['装配'] }] } : p)) });
    assert.deepEqual(onlyIf('离散装配行业'), []);
    assert.ok(onlyIf('流程行业').some((p) => p.includes('caveatOnlyIf sentence "流程行业" is in 0 sentences')));
    assert.ok(onlyIf('需').some((p) => p.includes('is in 2 sentences')));
  });

  it("checks a product's successor and a category's takesDataFrom and startsWithout", () => {
    const successor = (id: string, to: string) => checkKnowledgeIntegrity({ ...KB, products: KB.products.map((p) => (p.id === id ? { ...copyEntry(p), successor: to } : p)) });
    assert.deepEqual(successor('yonyou-u9-cloud', 'yonyou-bip'), [], 'another current ERP of the same vendor');
    assert.ok(successor('yonyou-u9-cloud', 'no-such-product').some((p) => p.includes('unknown successor "no-such-product"')));
    assert.ok(successor('yonyou-u9-cloud', 'kingdee-cosmic').some((p) => p.includes('same vendor')), 'another vendor');
    assert.ok(successor('yonyou-u9-cloud', 'yonyou-e-archive').some((p) => p.includes('same vendor')), 'another kind of system');
    assert.ok(successor('yonyou-u9-cloud', 'yonyou-nc-cloud').some((p) => p.includes('same vendor')), 'a line that has a successor itself');
    const categories = KB.categories.map((c) => (c.id === 'clm' ? { ...c, takesDataFrom: ['erp', 'no-such-kind', 'clm'] } : c));
    const problems = checkKnowledgeIntegrity({ ...KB, categories });
    assert.ok(problems.some((p) => p.includes('category clm takesDataFrom: unknown category "no-such-kind"')), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('category clm: takesDataFrom names itself')), problems.join('\n'));
    // What a system starts without is one of the kinds it takes its data from.
    const without = checkKnowledgeIntegrity({ ...KB, categories: KB.categories.map((c) => (c.id === 'clm' ? { ...c, takesDataFrom: ['erp'], startsWithout: ['pos'] } : c)) });
    assert.ok(without.some((p) => p.includes('category clm: startsWithout "pos" is not one of its takesDataFrom')), without.join('\n'));
    assert.ok(!checkKnowledgeIntegrity(KB).some((p) => p.includes('startsWithout')));
  });

  it("checks a category's scopes: their products exist and are of the category", () => {
    const erp = KB.category('erp')!;
    const scope = erp.scopes![0]!;
    const withProducts = (products: string[]) => checkKnowledgeIntegrity({ ...KB, categories: KB.categories.map((c) => (c.id === 'erp' ? { ...copyEntry(c), scopes: [{ ...scope, products }] } : c)) });
    assert.deepEqual(withProducts(['kingdee-cloud-galaxy']), []);
    assert.ok(withProducts(['no-such-erp']).includes('category erp scope finance: unknown product "no-such-erp"'));
    assert.ok(withProducts(['aichuang-traceability']).includes('category erp scope finance: product "aichuang-traceability" is not of the category'));
  });

  it("checks a category's scopes: one id once", () => {
    const erp = KB.category('erp')!;
    const scope = erp.scopes![0]!;
    const categories = KB.categories.map((c) => (c.id === 'erp' ? { ...copyEntry(c), scopes: [scope, { ...scope, name: '另一个' }] } : c));
    assert.ok(checkKnowledgeIntegrity({ ...KB, categories }).some((p) => p.includes('category erp: scope "finance" is given twice')));
    assert.deepEqual(checkKnowledgeIntegrity({ ...KB, categories: KB.categories.map((c) => (c.id === 'erp' ? copyEntry(c) : c)) }), []);
  });

  it("checks a product's scopes: each is a scope of its categories, and one that lists its products lists it", () => {
    const withScopes = (id: string, scopes: string[]) => checkKnowledgeIntegrity({ ...KB, products: KB.products.map((p) => (p.id === id ? { ...copyEntry(p), scopes } : p)) });
    assert.deepEqual(withScopes('g7-fleet', ['fleet']), []);
    assert.deepEqual(withScopes('ignition', ['plant']), []);
    // A scope of another category (erp's finance), and one of its own category that lists other products.
    assert.ok(withScopes('g7-fleet', ['finance']).includes('product g7-fleet: scope "finance" is no scope of its categories'));
    assert.ok(withScopes('g7-fleet', ['plant']).includes('product g7-fleet: scope "plant" does not list it among its products'));
  });

  it("checks a lifecycle family's xinchuangTo and a cost's noteWith: their system types exist", () => {
    const lifecycle = (xinchuangTo: string[], upgrade = true) => KB.lifecycle.map((l) => (l.id === 'oracle-db' ? { ...copyEntry(l), xinchuangTo, ...(upgrade ? {} : { xinchuangUpgrade: undefined }) } : l));
    assert.deepEqual(checkKnowledgeIntegrity({ ...KB, lifecycle: lifecycle(['transactional-db']) }), []);
    assert.ok(checkKnowledgeIntegrity({ ...KB, lifecycle: lifecycle(['no-such-kind']) }).some((p) => p.includes('lifecycle oracle-db xinchuangTo: unknown category "no-such-kind"')));
    assert.ok(checkKnowledgeIntegrity({ ...KB, lifecycle: lifecycle(['transactional-db'], false) }).some((p) => p.includes('lifecycle oracle-db: xinchuangTo without a xinchuangUpgrade')));
    const credit = copyEntry(KB.category('credit-management')!);
    const noteWith = (categories: string[]) => checkKnowledgeIntegrity({ ...KB, categories: KB.categories.map((c) => (c.id === credit.id ? { ...credit, cost: { ...credit.cost, noteWith: { categories, note: '…' } } } : c)) });
    assert.deepEqual(noteWith(['transactional-db']), []);
    assert.ok(noteWith(['no-such-kind']).some((p) => p.includes('category credit-management cost noteWith: unknown category "no-such-kind"')));
  });

  it("checks a category's domesticWhen: its frameworks exist, and the category has a domestic product", () => {
    const when = (id: string, frameworks: string[]) => checkKnowledgeIntegrity({ ...KB, categories: KB.categories.map((c) => (c.id === id ? { ...c, domesticWhen: { words: ['出图章'], frameworks, reason: '…' } } : c)) });
    assert.deepEqual(when('e-signature', ['electronic-signature-law']), []);
    assert.ok(when('e-signature', ['no-such-law']).some((p) => p.includes('category e-signature domesticWhen: unknown framework "no-such-law"')));
    assert.ok(when('license-management', []).some((p) => p.includes('category license-management domesticWhen: no domestic product of the category')));
  });

  it("checks a product's provides: no spelling of nothing", () => {
    const provides = (words: string[]) => checkKnowledgeIntegrity({ ...KB, products: KB.products.map((p) => (p.id === 'ibm-odm' ? { ...copyEntry(p), provides: { words, reason: '…' } } : p)) });
    assert.deepEqual(provides(['业务人员维护|业务部门维护']), []);
    assert.ok(provides(['|业务人员维护']).some((p) => p.includes('product ibm-odm: provides word "|业务人员维护" has an empty spelling')));
  });

  it("checks a product's lacks: no spelling of nothing", () => {
    const lacks = (words: string[]) => checkKnowledgeIntegrity({ ...KB, products: KB.products.map((p) => (p.id === 'sap-s4-qm' ? { ...copyEntry(p), lacks: { words, reason: '…' } } : p)) });
    assert.deepEqual(lacks(['SPC', '薪资|薪酬']), []);
    assert.ok(lacks(['SPC|']).some((p) => p.includes('product sap-s4-qm: lacks word "SPC|" has an empty spelling')));
  });

  it('keeps laws out of product certifications', () => {
    for (const p of KB.products) {
      for (const c of p.certifications) assert.equal(KB.framework(c)?.kind, 'certification', `${p.id}: ${c} is not a certification`);
    }
    for (const law of ['gdpr', 'pipl', 'sox', 'data-security-law', 'cybersecurity-law']) assert.equal(KB.framework(law)?.kind, 'law', law);
  });

  it('categorises products by what they are (issue 11 corrections)', () => {
    assert.ok(KB.product('apache-cassandra')!.categories.includes('nosql'));
    assert.ok(!KB.product('apache-cassandra')!.categories.includes('distributed-sql'));
    for (const id of ['keda', 'karpenter']) {
      assert.ok(!KB.product(id)!.categories.includes('container-platform'), id);
      assert.ok(KB.product(id)!.categories.includes('autoscaling'), id);
    }
  });

  it('ties cloud services to their cloud and their vendor-run control plane', () => {
    for (const [id, cloud] of [
      ['aws-direct-connect', 'aws'],
      ['azure-api-management', 'azure'],
      ['alibaba-ack', 'alibaba'],
      ['alibaba-cen', 'alibaba'],
      ['huawei-cloud-connect', 'huawei'],
    ] as const) {
      const p = KB.product(id)!;
      assert.equal(p.cloud, cloud, id);
      assert.notEqual(p.controlPlane, 'customer', `${id}: a public-cloud service is not customer-hosted`);
    }
    assert.equal(KB.product('kong-gateway')!.cloud, 'none');
  });

  it('stores lifecycle as dates with a source, and MySQL 8.0 ended in April 2026', () => {
    for (const fam of KB.lifecycle) for (const v of fam.versions) assert.match(v.endOfSupport ?? v.unsupportedAsOf ?? '', /^\d{4}-\d{2}-\d{2}$/, `${fam.id} ${v.version}`);
    const mysql80 = KB.family('mysql')!.versions.find((v) => v.version === '8.0')!;
    assert.equal(mysql80.endOfSupport, '2026-04-30');
    assert.equal(KB.family('postgresql')!.versions.find((v) => v.version === '14')!.endOfSupport, '2026-11-12');
    assert.equal(KB.family('sql-server')!.versions.find((v) => v.version === '2016')!.endOfSupport, '2026-07-14');
  });

  it('gives every rule a one-line summary, and industry rules their industry precondition', () => {
    for (const r of RULES) {
      assert.ok(r.summary.length > 0 && r.summary.length <= 90, `${r.id}: summary`);
      if (/^(insurance|bank|banking|hospital|healthcare|pharma|energy|aviation)-/.test(r.id)) assert.ok((r.when.industries ?? []).length > 0, `${r.id}: industry rule without when.industries`);
    }
    for (const id of KB.industries.flatMap((i) => i.regulators.map((g) => g.jurisdiction))) assert.ok(id.length > 0);
  });
});
