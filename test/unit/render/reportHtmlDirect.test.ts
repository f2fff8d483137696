/**
 * The report's HTML written straight from the model (reportHtmlDirect.ts) is byte for byte what
 * markdown-it makes of the model's Markdown (html.ts), for every intake in the repository and
 * every option combination, and the direct path is the one those reports take.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { renderReportHtml, renderReportHtmlWithMarkdownIt } from '../../../src/core/render/html';
import { directReportHtml } from '../../../src/core/render/reportHtmlDirect';
import { hostileModel } from './fixtures';
import { edits, mutate } from './reportHtmlMutations';
import { OPTION_SETS, repositoryModels } from './reportModels';

describe('renderReportHtml written from the model', () => {
  const models = repositoryModels();

  it('reads every intake of examples/ and test/fixtures/', () => {
    assert.ok(models.length >= 40, `only ${models.length} intakes`);
    assert.ok(models.some((m) => m.model.kind === 'brief') && models.some((m) => m.model.kind === 'report'));
  });

  for (const { name, model } of models) {
    it(`${name}: the same bytes as through markdown-it, with every option`, () => {
      for (const options of OPTION_SETS) {
        const direct = directReportHtml(model, options);
        assert.ok(direct !== undefined, `${name} ${JSON.stringify(options)} fell back to markdown-it`);
        assert.equal(direct, renderReportHtmlWithMarkdownIt(model, options), JSON.stringify(options));
      }
      assert.equal(renderReportHtml(model), renderReportHtmlWithMarkdownIt(model));
    });
  }

  it('writes the hostile intake directly too, as the same escaped text', () => {
    const model = hostileModel();
    for (const options of OPTION_SETS) {
      assert.ok(directReportHtml(model, options) !== undefined);
      assert.equal(renderReportHtml(model, options), renderReportHtmlWithMarkdownIt(model, options), JSON.stringify(options));
    }
  });

  it('stays byte-identical with hostile and random text, references and shapes put into the model', () => {
    // A small model (a brief has few sections) and a full report, so that edits often meet each other.
    const bases = [models.find((m) => m.name === 'examples/insurance.intake#1')!.model, models.find((m) => m.model.kind === 'brief')!.model];
    let direct = 0;
    let fallback = 0;
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.nat({ max: OPTION_SETS.length - 1 }), edits, (base, o, list) => {
        const model = mutate(bases[base]!, list);
        const options = OPTION_SETS[o]!;
        const fast = directReportHtml(model, options);
        if (fast === undefined) fallback++;
        else direct++;
        assert.equal(renderReportHtml(model, options), renderReportHtmlWithMarkdownIt(model, options));
      }),
      { numRuns: 250, seed: 20261204 },
    );
    // Both paths were taken: the predicate neither lets everything through nor nothing.
    assert.ok(direct > 50 && fallback > 50, `direct ${direct}, markdown-it ${fallback}`);
  });
});
