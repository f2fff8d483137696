/**
 * What the engine keeps between reports (per text and per product: see
 * ARCHITECTURE's engine section) never leaks from one intake's report into another's: every
 * example's report is the same whichever reports came before it in the process.
 */
import * as assert from 'node:assert/strict';
import { generateReport } from '../../../src/core/engine/generate';
import { parseIntake } from '../../../src/core/parser';
import { listExamples, readExample } from '../helpers/seeds';
import { AS_OF } from './helpers';

describe('reports in one process', () => {
  it('gives every example the same report before and after the reports of all the others', () => {
    const files = listExamples().map((name) => parseIntake(readExample(name)));
    const report = (i: number) => JSON.stringify(generateReport(files[i]!, 0, { asOf: AS_OF }));
    const first = files.map((_, i) => report(i));
    // Again in the reverse order, each report now coming after different ones.
    for (let i = files.length - 1; i >= 0; i--) assert.equal(report(i), first[i], `example ${i}`);
  });
});
