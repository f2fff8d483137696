/**
 * The JSON Schemas of the team's files are generated from the zod schemas at build time and are
 * what the run-time check and the editors use: the check must agree with zod on what is valid,
 * and give the data zod would give (defaults applied), so that an overlay entry is exactly an
 * embedded one.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkJsonSchema } from '../../../src/core/team/jsonSchemaCheck';
import { buildJsonSchemas } from '../../../src/core/team/jsonSchemas';
import { brandingJsonSchema, overlayJsonSchema } from '../../../src/core/team/schemaFiles';
import { BrandingFileSchema, OverlayFileSchema } from '../../../src/core/team/schemas';
import { exampleTeam } from './helpers';

const product = {
  id: 'acme-oms',
  name: 'ACME OMS',
  vendor: 'ACME',
  origin: 'cn',
  categories: ['oms'],
  deployment: ['private'],
  cloud: 'none',
  controlPlane: 'customer',
  certifications: [],
  xinchuang: { adapted: true },
  regions: ['cn'],
  priceTier: 'mid',
  scale: ['mid'],
  strength: '强',
  caveat: '弱',
};

const SAMPLES: [string, unknown][] = [
  ['an empty overlay', {}],
  ['a product', { products: [product] }],
  ['a product with a bad origin', { products: [{ ...product, origin: 'mars' }] }],
  ['a product without a vendor', { products: [{ ...product, vendor: undefined }] }],
  ['a product id that is not kebab-case', { products: [{ ...product, id: 'Acme OMS' }] }],
  ['an unknown top-level key', { product: [product] }],
  ['an override of one field', { overrides: { products: [{ id: 'redis', priceTier: 'low' }] } }],
  ['an override with an unknown field', { overrides: { products: [{ id: 'redis', colour: 'red' }] } }],
  ['an override without an id', { overrides: { products: [{ priceTier: 'low' }] } }],
  ['a category cost range of three numbers', { overrides: { categories: [{ id: 'oms', cost: { driver: 'users', licenceModel: 'subscription', licencePerUnit: [1, 2, 3], defaultUnits: [1, 2, 3], implementation: [1, 2], infraPerUnit: [0, 0], operationsShare: [0.1, 0.2] } }] } }],
  ['a vendor policy', { vendors: [{ vendor: 'Oracle', policy: 'blocked', reason: '无渠道' }] }],
  ['a vendor policy that does not exist', { vendors: [{ vendor: 'Oracle', policy: 'maybe' }] }],
  ['a price list', { prices: { currency: 'CNY', validUntil: '2027-01-01', items: [{ product: 'redis', price: 10, unit: 'node', period: 'per-year' }] } }],
  ['a price with a negative price', { prices: { items: [{ product: 'redis', price: -1, unit: 'node', period: 'per-year' }] } }],
  ['a price with a bad date', { prices: { validUntil: '2027-1-1', items: [{ product: 'redis', price: 1, unit: 'node', period: 'per-year' }] } }],
  ['a price list without items', { prices: { currency: 'CNY', items: [] } }],
  ['an extra field', { fields: [{ section: '客户行业', name: '客户编号', description: { zh: '编号', en: 'Number' }, feeds: ['业务需求分析'] }] }],
  ['an extra field feeding an unknown section', { fields: [{ section: '客户行业', name: '客户编号', description: { zh: '编号', en: 'Number' }, feeds: ['附录'] }] }],
  ['a rule with a priority of 9', { rules: [{ id: 'r', all: [{ pattern: 'x' }], section: '风险提示', title: 't', summary: 's', recommendation: 'r', rationale: 'r', priority: 9 }] }],
];

describe('the JSON Schemas of the team files', () => {
  const overlay = overlayJsonSchema();

  for (const [name, data] of SAMPLES) {
    it(`agree with zod: ${name}`, () => {
      const clean = JSON.parse(JSON.stringify(data)) as unknown;
      const zod = OverlayFileSchema.safeParse(clean);
      const ours = checkJsonSchema(clean, overlay, { applyDefaults: true });
      assert.equal(ours.issues.length === 0, zod.success, `zod: ${zod.success ? 'valid' : zod.error.issues.map((i) => i.message).join('; ')}; ours: ${ours.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      if (zod.success) assert.deepEqual(ours.value, JSON.parse(JSON.stringify(zod.data)), 'the defaults zod applies');
    });
  }

  it('agree with zod on the example overlays and report.yaml, defaults and all', () => {
    const { intakeDir } = exampleTeam();
    for (const name of fs.readdirSync(path.join(intakeDir, 'knowledge'))) {
      const data: unknown = parseYaml(fs.readFileSync(path.join(intakeDir, 'knowledge', name), 'utf8'));
      const ours = checkJsonSchema(data, overlay, { applyDefaults: true });
      assert.deepEqual(ours.issues, [], name);
      assert.deepEqual(ours.value, JSON.parse(JSON.stringify(OverlayFileSchema.parse(data))), name);
    }
    const report: unknown = parseYaml(fs.readFileSync(path.join(intakeDir, 'report.yaml'), 'utf8'));
    assert.deepEqual(checkJsonSchema(report, brandingJsonSchema()).issues, []);
    assert.ok(BrandingFileSchema.safeParse(report).success);
  });

  it('say what is wrong in words, at the value', () => {
    const check = (data: unknown) => checkJsonSchema(data, overlay).issues.map((i) => `${i.path.join('.')}${i.key ? `[${i.key}]` : ''}: ${i.message}`);
    assert.deepEqual(check({ vendors: [{ vendor: 'Oracle', policy: 'maybe' }] }), ['vendors.0.policy: must be one of preferred, partner, blocked']);
    assert.deepEqual(check({ product: [] }), ['[product]: unknown key "product"']);
    assert.deepEqual(check({ products: [{ ...product, id: 'Acme OMS' }] }), ['products.0.id: must be an id in lowercase letters, digits and hyphens (kebab-case)']);
    assert.deepEqual(check({ prices: { items: [{ product: 'redis', price: '10', unit: 'node', period: 'per-year' }] } }), ['prices.items.0.price: must be a number']);
    assert.deepEqual(check({ overrides: { products: [{ priceTier: 'low' }] } }), ['overrides.products.0[id]: id is required']);
  });

  it('are what the build shipped (dist/schemas/ holds the same)', () => {
    const built = buildJsonSchemas();
    assert.deepEqual(overlay, JSON.parse(JSON.stringify(built['knowledge-overlay'])));
    assert.deepEqual(brandingJsonSchema(), JSON.parse(JSON.stringify(built.report)));
  });
});
