import * as assert from 'node:assert/strict';
import loadCatalog from '../../../src/core/catalog/fields.yaml';
import { FieldCatalogSchema, parseFieldCatalog } from '../../../src/core/catalog/schema';

const data = loadCatalog();
import { FieldCatalog, getFieldCatalog, normalizeName, type FieldSpec, type SectionSpec } from '../../../src/core/catalog/catalog';
import { fieldLine } from '../../../src/core/fieldParts';
import type { Item } from '../../../src/core/model';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { seedIntakes, type SeedName } from '../helpers/seeds';

interface KeyUse {
  section: string;
  key: string;
  /** The key of the field this one is nested under, if any. */
  parent?: string;
  line: number;
}

function keysOf(text: string): { sections: string[]; fields: KeyUse[] } {
  const file = parseIntake(text);
  const sections: string[] = [];
  const fields: KeyUse[] = [];
  const walk = (section: string, items: readonly Item[], parent: string | undefined) => {
    for (const item of items) {
      if (item.kind === 'field') {
        const use: KeyUse = { section, key: item.key, line: fieldLine(item) + 1 };
        if (parent !== undefined) use.parent = parent;
        fields.push(use);
        walk(section, item.children, item.key);
      } else {
        walk(section, item.children, parent);
      }
    }
  };
  for (const intake of file.intakes) {
    for (const s of intake.sections) {
      sections.push(s.name);
      walk(s.name, s.items, undefined);
    }
  }
  return { sections, fields };
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

describe('field catalog', () => {
  describe('fields.yaml', () => {
    it('validates with FieldCatalogSchema', () => {
      const r = FieldCatalogSchema.safeParse(data);
      assert.ok(r.success, r.success ? '' : JSON.stringify(r.error.issues, null, 2));
    });

    it('rejects an unknown enumeration, a duplicate section name, a missing description and an unknown key', () => {
      const bad1 = clone(data) as { sections: Array<{ values?: unknown; name: string; synonyms?: string[]; description?: unknown; extra?: unknown }> };
      bad1.sections[0]!.values = 'noSuchEnum';
      assert.equal(FieldCatalogSchema.safeParse(bad1).success, false);
      const bad2 = clone(data) as typeof bad1;
      bad2.sections[1]!.synonyms = [bad2.sections[0]!.name];
      assert.equal(FieldCatalogSchema.safeParse(bad2).success, false);
      const bad3 = clone(data) as typeof bad1;
      delete bad3.sections[2]!.description;
      assert.equal(FieldCatalogSchema.safeParse(bad3).success, false);
      const bad4 = clone(data) as typeof bad1;
      bad4.sections[0]!.extra = true;
      assert.equal(FieldCatalogSchema.safeParse(bad4).success, false);
      assert.throws(() => new FieldCatalog(parseFieldCatalog(bad1)));
    });

    it('records for every section and field a Chinese and English description and the report sections it feeds', () => {
      const catalog = getFieldCatalog();
      const check = (where: string, f: { description: { zh: string; en: string }; feeds: readonly string[] }) => {
        assert.ok(f.description.zh.trim().length > 0, `${where}: zh`);
        assert.ok(f.description.en.trim().length > 0, `${where}: en`);
        assert.ok(!/\n/.test(f.description.zh) && !/\n/.test(f.description.en), `${where}: one line`);
        assert.ok(f.feeds.length > 0, `${where}: feeds`);
      };
      for (const s of catalog.sections) {
        check(s.name, s);
        for (const f of s.allFields) check(`${s.name}/${f.name}`, f);
      }
    });

    it('requires exactly the six sections of the format, in template order', () => {
      assert.deepEqual(
        getFieldCatalog()
          .requiredSections()
          .map((s) => s.name),
        ['客户行业', '当前痛点', '基础设施现状', '核心目标', '预算限制', '特殊要求'],
      );
    });

    it('knows the documented synonyms (细分领域 = 细分场景, 主要指标 = 主要目标)', () => {
      const catalog = getFieldCatalog();
      const industry = catalog.section('客户行业')!;
      assert.equal(catalog.field(industry, '细分场景')?.name, '细分领域');
      const goals = catalog.section('核心目标')!;
      assert.equal(catalog.field(goals, '主要目标')?.name, '主要指标');
      assert.equal(catalog.field(goals, '**主要目标**')?.name, '主要指标', 'bold markers are ignored');
      assert.equal(catalog.section(' 客户 行业 ')?.name, '客户行业', 'blanks are ignored');
    });

    it('resolves the shared enumerations into value hints', () => {
      const catalog = getFieldCatalog();
      const industry = catalog.section('客户行业')!;
      for (const v of ['保险', '政府', '航空', '零售']) assert.ok(industry.values.includes(v), v);
      const compliance = catalog.field(catalog.section('特殊要求')!, '合规性')!;
      assert.ok(compliance.values.includes('GDPR'));
      const clouds = catalog.field(catalog.section('基础设施现状')!, '云环境')!;
      assert.ok(clouds.values.includes('AWS') && clouds.values.includes('Azure'));
    });

    it('gives every section a skeleton that parses as that section, complete but for its placeholders', () => {
      const catalog = getFieldCatalog();
      for (const s of catalog.sections) {
        const file = parseIntake(s.skeleton);
        assert.deepEqual(
          file.intakes[0]?.sections.map((x) => x.name),
          [s.name],
          s.name,
        );
        assert.ok(file.placeholders.length > 0, `${s.name}: the skeleton has placeholders`);
        assert.ok(file.placeholders.every((p) => p.closed));
        const other = validate(file).filter((d) => d.code !== 'intake.placeholder' && d.code !== 'intake.missing-section');
        assert.deepEqual(
          other.map((d) => d.message),
          [],
          s.name,
        );
      }
    });

    it('has no two fields in one section sharing a name or synonym', () => {
      for (const s of getFieldCatalog().sections) {
        const seen = new Map<string, string>();
        for (const f of s.allFields) {
          for (const n of [f.name, ...f.synonyms]) {
            const k = normalizeName(n);
            assert.ok(!seen.has(k), `[${s.name}] "${n}" is used by ${seen.get(k)} and ${f.name}`);
            seen.set(k, f.name);
          }
        }
      }
    });
  });

  describe('covers every key of the seeds', () => {
    const seeds = seedIntakes();
    const catalog = getFieldCatalog();

    const cases: Array<[SeedName, number, number]> = [
      // name, at least this many sections, at least this many field keys
      ['blank-simple', 6, 25],
      ['blank-structured', 6, 40],
      ['insurance', 6, 20],
      ['aviation', 6, 20],
    ];
    for (const [name, minSections, minFields] of cases) {
      describe(name, () => {
        const { sections, fields } = keysOf(seeds[name]);

        it('finds the keys it must check', () => {
          assert.equal(sections.length, minSections);
          assert.ok(fields.length >= minFields, `only ${fields.length} field keys`);
        });

        it('resolves every section name via section()', () => {
          for (const s of sections) assert.ok(catalog.section(s), `[${s}]`);
        });

        it('resolves every field key at every depth via field()', () => {
          const missing = fields.filter((f) => !catalog.field(catalog.section(f.section)!, f.key));
          assert.deepEqual(
            missing.map((f) => `line ${f.line}: [${f.section}] ${f.parent ? `${f.parent} › ` : ''}${f.key}`),
            [],
          );
        });

        it('resolves nested keys under the field they are nested under in the catalog', () => {
          const wrong: string[] = [];
          for (const f of fields) {
            if (f.parent === undefined) continue;
            const spec: SectionSpec = catalog.section(f.section)!;
            const parent: FieldSpec | undefined = catalog.field(spec, f.parent);
            const child = catalog.field(spec, f.key);
            if (!parent || !child) continue;
            if (!isDescendant(child, parent)) wrong.push(`line ${f.line}: ${f.parent}(${parent.name}) › ${f.key}(${[...child.path, child.name].join('/')})`);
          }
          assert.deepEqual(wrong, []);
        });
      });
    }
  });
});

function isDescendant(child: FieldSpec, ancestor: FieldSpec): boolean {
  return child.path.includes(ancestor.name) && child.path.indexOf(ancestor.name) === ancestor.path.length;
}
