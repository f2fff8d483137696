/**
 * The direct HTML writer (src/core/render/reportHtmlDirect.ts) against the markdown-it path, at
 * length: every option combination for each mutated model, on every repository intake's model.
 * The unit suite runs a short version (test/unit/render/reportHtmlDirect.test.ts).
 *
 *   FUZZ_RUNS=20000 npm run test:fuzz      more runs (default: 3000 in CI, else 600)
 *   FUZZ_SEED=123 FUZZ_PATH=… npm run test:fuzz   replay a reported failure
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { renderReportHtml, renderReportHtmlWithMarkdownIt } from '../../src/core/render/html';
import { edits, mutate } from '../unit/render/reportHtmlMutations';
import { OPTION_SETS, repositoryModels } from '../unit/render/reportModels';

const RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : process.env.CI ? 3_000 : 600;

describe('direct report HTML vs markdown-it (fuzz)', () => {
  it('writes the same bytes for hostile and random models, with every option', () => {
    const models = repositoryModels().map((m) => m.model);
    const p: fc.Parameters<[number, Parameters<typeof mutate>[1]]> = { numRuns: RUNS };
    if (process.env.FUZZ_SEED) p.seed = Number(process.env.FUZZ_SEED);
    if (process.env.FUZZ_PATH) p.path = process.env.FUZZ_PATH;
    fc.assert(
      fc.property(fc.nat({ max: models.length - 1 }), edits, (index, list) => {
        const model = mutate(models[index]!, list);
        for (const options of OPTION_SETS) assert.equal(renderReportHtml(model, options), renderReportHtmlWithMarkdownIt(model, options), JSON.stringify(options));
      }),
      p,
    );
  });
});
