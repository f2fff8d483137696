// examples/ is what `npm start`, the end-to-end workspace and a new user read: the seed's four
// intakes as separate files, and intakes of other industries written in the same format.
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { getCompleteness } from '../../../src/core/features/completeness';
import { listExamples, readExample, readSeed, SEED_NAMES, splitIntakes } from '../helpers/seeds';

/** Examples we wrote ourselves; the seed's intakes keep the mistakes the analysis checks are there to find. */
const OWN = listExamples().filter((f) => !(SEED_NAMES as readonly string[]).includes(f.replace(/\.intake$/, '')));

describe('examples/', () => {
  it("holds the seed's four intakes, byte for byte as the parser cuts the seed file", () => {
    const parts = splitIntakes(readSeed());
    assert.equal(parts.length, SEED_NAMES.length);
    SEED_NAMES.forEach((name, i) => assert.equal(readExample(name), parts[i], `examples/${name}.intake`));
  });

  it('holds intakes of other industries, one file with several intakes among them', () => {
    assert.ok(OWN.length >= 3, `own examples: ${OWN.join(', ')}`);
    assert.ok(OWN.some((f) => parseIntake(readExample(f)).intakes.length > 1), 'no multi-intake example');
    const industries = new Set(OWN.flatMap((f) => parseIntake(readExample(f)).intakes.map((i) => i.sections.find((s) => s.name === '客户行业')?.value?.text.trim())));
    for (const seedIndustry of ['保险', '航空']) assert.ok(!industries.has(seedIndustry), `${seedIndustry} is already a seed example`);
    assert.ok(industries.size >= 4, `industries: ${[...industries].join(', ')}`);
  });

  for (const name of OWN) {
    it(`${name}: parses cleanly, and has no errors or warnings besides placeholders left on purpose`, () => {
      const file = parseIntake(readExample(name));
      assert.deepEqual(file.problems, []);
      assert.ok(file.intakes.length >= 1);
      const found = validate(file).filter((d) => d.severity !== 'information' && d.severity !== 'hint' && d.code !== 'intake.placeholder');
      assert.deepEqual(found.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`), []);
    });
  }

  it('has at least one complete intake and one still in progress', () => {
    const percents = OWN.flatMap((f) => parseIntake(readExample(f)).intakes.map((i) => getCompleteness(i).percent));
    assert.ok(percents.includes(100), `completeness: ${percents.join(', ')}`);
    assert.ok(percents.some((p) => p < 100), `completeness: ${percents.join(', ')}`);
  });
});
