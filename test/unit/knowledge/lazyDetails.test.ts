/**
 * The knowledge base's data file parses the details of products, rules, categories, industries
 * and lifecycle families on first read (src/core/knowledge/lazyDetails.ts). The shipped data must still be exactly what the YAML
 * gives, every field of every entry in its order; a copy (copyEntry, JSON) keeps the details, a
 * bare spread does not; and a team overlay's merge reads and copies them as before.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import loadCategories from '../../../src/core/knowledge/categories.yaml';
import loadIndustries from '../../../src/core/knowledge/industries.yaml';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { copyEntry, packKnowledgeGroup, productsByCategory, unpackKnowledgeGroup } from '../../../src/core/knowledge/lazyDetails';
import loadLifecycle from '../../../src/core/knowledge/lifecycle.yaml';
import { gatesOf, packGates } from '../../../src/core/knowledge/gateTable';
import { addMatcherNeeds, gateOf, withoutMatcherNeeds, type RuleGate, type ShippedRule } from '../../../src/core/knowledge/matcherNeeds';
import loadBusinessProducts from '../../../src/core/knowledge/products/business.yaml';
import loadFoundationProducts from '../../../src/core/knowledge/products/foundation.yaml';
import loadIndustryProducts from '../../../src/core/knowledge/products/industry.yaml';
import loadPlatformProducts from '../../../src/core/knowledge/products/platform.yaml';
import loadRules from '../../../src/core/knowledge/rules.yaml';
import { CategoriesFileSchema, IndustriesFileSchema, LifecycleFileSchema, ProductsFileSchema, RulesFileSchema } from '../../../src/core/knowledge/schema';
import loadTimelines from '../../../src/core/knowledge/timelines.yaml';
import { TimelinesFileSchema } from '../../../src/core/knowledge/timelineSchema';
import { evaluateRules } from '../../../src/core/engine/rules';
import { extractFacts } from '../../../src/core/facts/facts';
import { parseIntake } from '../../../src/core/parser';
import { loadTeamKnowledge } from '../../../src/core/team/teamKnowledge';
import type { z } from '../../../src/core/zod';
import { repoRoot } from '../helpers/seeds';
import { tempWorkspace } from '../team/helpers';

/** A YAML file of the knowledge base read from disk and validated, as the build validates it. */
function fromYaml(file: string, schema: z.ZodType): unknown {
  const text = fs.readFileSync(path.join(repoRoot(), 'src', 'core', 'knowledge', file), 'utf8');
  if (file !== 'rules.yaml') return schema.parse(parseYaml(text));
  const data = schema.parse(withoutMatcherNeeds(parseYaml(text))) as z.output<typeof RulesFileSchema>;
  addMatcherNeeds(data.rules);
  return { ...data, gateTable: packGates(gatesOf(data.rules as ShippedRule[] as RuleGate[])) };
}

/** The files that share the data file, with what the bundle loads for each. */
const FILES: [string, z.ZodType, () => unknown][] = [
  ['categories.yaml', CategoriesFileSchema, loadCategories],
  ['industries.yaml', IndustriesFileSchema, loadIndustries],
  ['lifecycle.yaml', LifecycleFileSchema, loadLifecycle],
  ['products/business.yaml', ProductsFileSchema, loadBusinessProducts],
  ['products/industry.yaml', ProductsFileSchema, loadIndustryProducts],
  ['products/foundation.yaml', ProductsFileSchema, loadFoundationProducts],
  ['products/platform.yaml', ProductsFileSchema, loadPlatformProducts],
  ['rules.yaml', RulesFileSchema, loadRules],
  ['timelines.yaml', TimelinesFileSchema, loadTimelines],
];

type Entries = Record<string, Record<string, unknown>[] | undefined>;

describe('knowledge details parsed on first read', () => {
  it('ships exactly what the YAML gives: every field of every entry, in its order', () => {
    for (const [file, schema, load] of FILES) {
      const expected = fromYaml(file, schema);
      const shipped = load();
      assert.equal(JSON.stringify(shipped), JSON.stringify(expected), file);
      for (const list of ['products', 'rules', 'categories', 'industries', 'families', 'templates'] as const) {
        const want = (expected as Entries)[list] ?? [];
        const got = (shipped as Entries)[list] ?? [];
        assert.equal(got.length, want.length, `${file}: ${list}`);
        want.forEach((entry, i) => {
          // Field by field, as the engine reads them, and as a copy (no field more, none less).
          for (const [field, value] of Object.entries(entry)) assert.deepStrictEqual(got[i]![field], value, `${file}: ${String(entry.id)}.${field}`);
          assert.deepStrictEqual(copyEntry(got[i]!), entry, `${file}: ${String(entry.id)}`);
        });
      }
    }
  });

  it('the schemas still validate the shipped data', () => {
    for (const [file, schema, load] of FILES) assert.ok(schema.safeParse(file === 'rules.yaml' ? withoutMatcherNeeds(load()) : load()).success, file);
  });

  it('a copied entry keeps its details; a bare spread keeps only the index fields', () => {
    const kb = getKnowledgeBase();
    const redis = kb.product('redis')!;
    const rule = kb.rules[0]!;
    for (const entry of [redis, rule, kb.categories[0]!, kb.industries[0]!, kb.lifecycle[0]!] as unknown as Record<string, unknown>[]) {
      const copy = copyEntry(entry);
      assert.equal(Object.getPrototypeOf(copy), Object.prototype);
      assert.deepStrictEqual(copy, JSON.parse(JSON.stringify(entry)));
      for (const [field, value] of Object.entries(copy)) assert.equal(entry[field], value, field);
      // The copy is a value of its own: changing it leaves the embedded entry alone.
      copy.id = 'changed';
      assert.notEqual(entry.id, 'changed');
    }
    assert.equal(copyEntry(redis).strength, redis.strength);
    assert.equal(copyEntry(rule).recommendation, rule.recommendation);
    // Why code that copies an entry uses copyEntry: the details are getters of the prototype.
    assert.equal(({ ...redis } as Partial<typeof redis>).strength, undefined);
    assert.equal(({ ...redis } as Partial<typeof redis>).name, redis.name);
    // A plain entry (a team's) is copied as it is.
    const plain = { id: 'x', name: 'X' };
    assert.deepStrictEqual(copyEntry(plain), plain);
    assert.notEqual(copyEntry(plain), plain);
  });

  it('reads the same details before and after a team overlay merge, which copies what it overrides', async () => {
    const embedded = getKnowledgeBase();
    const redis = embedded.product('redis')!;
    const before = { strength: redis.strength, caveat: redis.caveat, regions: redis.regions };
    const rule = embedded.rules.find((r) => r.mitigation !== undefined)!;
    const ruleBefore = JSON.stringify(rule);
    // An entry whose details are first read after the merge.
    const last = embedded.products[embedded.products.length - 1]!;
    const ws = tempWorkspace({
      '.intake/knowledge/a.yaml': `overrides:\n  products:\n    - id: redis\n      caveat: 团队版\n  rules:\n    - id: ${rule.id}\n      priority: 1\n`,
    });
    try {
      const team = await loadTeamKnowledge({ intakeDir: ws.intakeDir, today: '2026-06-01' });
      assert.deepEqual(team.problems, []);
      const merged = team.kb.product('redis')!;
      assert.equal(merged.caveat, '团队版');
      assert.equal(merged.strength, before.strength);
      assert.deepEqual(merged.regions, before.regions);
      assert.deepEqual(Object.keys(merged), Object.keys(JSON.parse(JSON.stringify(redis)) as object), 'the copy has every field, in order');
      assert.equal(redis.caveat, before.caveat, 'the embedded entry is unchanged');
      const mergedRule = team.kb.rules.find((r) => r.id === rule.id)!;
      assert.equal(mergedRule.priority, 1);
      assert.deepEqual({ ...JSON.parse(ruleBefore), priority: 1 }, JSON.parse(JSON.stringify(mergedRule)));
      assert.equal(JSON.stringify(rule), ruleBefore, 'the embedded rule is unchanged');
      // Entries the overlay does not touch are the embedded ones, details and all.
      assert.equal(team.kb.product(last.id), last);
      assert.deepEqual(JSON.parse(JSON.stringify(team.kb.product(last.id))), JSON.parse(JSON.stringify(last)));
      assert.equal(typeof last.strength, 'string');
    } finally {
      ws.remove();
    }
  });

  it('keeps the rules\' gates in the index as one table and their matchers in the details; a team\'s change to the matchers makes a gate of its own', async () => {
    const embedded = getKnowledgeBase();
    const rule = embedded.rules.find((r) => r.all.length === 0 && r.any.length > 0 && Object.keys(r.when).length === 0 && r.unless.length === 0)!;
    // What the first load parses of a rule: no gate, no matcher, no context.
    assert.deepEqual(Object.keys({ ...rule }), ['id', 'title', 'priority']);
    const shipped = rule as ShippedRule;
    assert.deepEqual({ gate: shipped.gate, needles: shipped.needles }, gateOf(rule));
    assert.ok(shipped.gate!.length > 0);
    const intake = parseIntake('[当前痛点]：\n- 具体问题：独角兽测试词频繁出现\n').intakes[0]!;
    const fires = (rules: typeof embedded.rules, catalog?: Parameters<typeof evaluateRules>[2]) => evaluateRules(extractFacts(intake), rules, catalog).some((h) => h.rule.id === rule.id);
    assert.equal(fires(embedded.rules), false);
    const ws = tempWorkspace({ '.intake/knowledge/a.yaml': `overrides:\n  rules:\n    - id: ${rule.id}\n      any:\n        - pattern: 独角兽测试词\n` });
    try {
      const team = await loadTeamKnowledge({ intakeDir: ws.intakeDir, today: '2026-06-01' });
      assert.deepEqual(team.problems, []);
      const merged = team.kb.rules.find((r) => r.id === rule.id) as ShippedRule;
      // The shipped gate was the old matchers': kept, it would shut the rule on the new one's text.
      assert.equal(merged.gate, undefined);
      assert.equal(fires(team.kb.rules, team.catalog), true);
      assert.deepEqual(shipped.gate, gateOf(rule).gate, 'the embedded rule keeps its gate');
    } finally {
      ws.remove();
    }
  });

  it('packs the products\' categories in the index and lists each category\'s products from them, as from the products\' own lists', () => {
    const kb = getKnowledgeBase();
    const copies = kb.products.map((p) => copyEntry(p));
    const byCopies = productsByCategory(copies);
    for (const c of kb.categories) {
      const ids = kb.productsIn(c.id).map((p) => p.id);
      assert.deepStrictEqual(ids, kb.products.filter((p) => p.categories.includes(c.id)).map((p) => p.id), c.id);
      assert.deepStrictEqual((byCopies.get(c.id) ?? []).map((p) => p.id), ids, c.id);
    }
    // A product's list is made once, on its first read.
    const redis = kb.product('redis')!;
    assert.equal(redis.categories, redis.categories);
    // The index holds one character per category where it held a list of ids.
    const members = { 'categories.yaml': { categories: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] }, 'products.yaml': { products: [{ id: 'x', name: 'X', categories: ['b', 'a'] }] } };
    const { index, details } = packKnowledgeGroup(members);
    assert.ok(!index.includes('"b","a"'), index);
    const unpacked = unpackKnowledgeGroup(index, () => details);
    const x = (unpacked['products.yaml']!.products as { categories: string[] }[])[0]!;
    assert.deepStrictEqual(x.categories, ['b', 'a']);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(unpacked['products.yaml'])), members['products.yaml']);
    // A category the group does not list fails the build.
    assert.throws(() => packKnowledgeGroup({ ...members, 'products.yaml': { products: [{ id: 'y', name: 'Y', categories: ['c'] }] } }), /y names category "c"/);
  });
});
