/** Where `generate … -o DIR` writes each intake's report (src/cli/outputNames.ts). */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { nameClashes, reportPath } from '../../../src/cli/outputNames';

const root = path.resolve('/work/customers');
const file = (rel: string, under = root) => ({ abs: path.join(under, rel), root: under, path: rel });

describe('cli output names', () => {
  it('names a report from the file and the 1-based intake index, in the format chosen', () => {
    assert.equal(reportPath(file('acme.intake'), 1, 'md'), 'acme-2.report.md');
    assert.equal(reportPath(file('acme.intake.md'), 0, 'docx'), 'acme-1.report.docx');
    assert.equal(reportPath(file('acme.txt'), 0, 'html'), 'acme-1.report.html');
    assert.equal(reportPath(file('acme-2.intake'), 0, 'json'), 'acme-2-1.report.json');
  });

  it('keeps the folders below the folder or glob base the file was found under', () => {
    assert.equal(reportPath(file(path.join('emea', 'de', 'acme.intake')), 0, 'md'), path.join('emea', 'de', 'acme-1.report.md'));
    // A file named by itself has its own folder as base.
    assert.equal(reportPath({ abs: path.join(root, 'emea', 'acme.intake'), root: path.join(root, 'emea') }, 0, 'md'), 'acme-1.report.md');
  });

  it('lets same-named files in different folders under one base coexist', () => {
    assert.deepEqual(nameClashes([file('acme.intake'), file(path.join('emea', 'acme.intake'))]), []);
  });

  it('refuses files that would share reports: named one by one, .intake beside .intake.md, or differing in case only', () => {
    const a = { abs: path.resolve('/a/acme.intake'), root: path.resolve('/a'), path: 'a/acme.intake' };
    const b = { abs: path.resolve('/b/acme.intake'), root: path.resolve('/b'), path: 'b/acme.intake' };
    const [clash, ...more] = nameClashes([a, b]);
    assert.match(clash!, /a\/acme\.intake and b\/acme\.intake would write reports of the same name \(acme-N\.report\.\*\)/);
    assert.deepEqual(more, []);
    assert.equal(nameClashes([file('acme.intake'), file('acme.intake.md')]).length, 1);
    assert.equal(nameClashes([file('Acme.intake'), file('acme.intake')]).length, 1);
    assert.equal(nameClashes([file('acme.intake'), file('acme-1.intake')]).length, 0);
  });
});
