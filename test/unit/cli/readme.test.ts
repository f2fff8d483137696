/** The README's GitHub Actions matcher reads what `intake check` prints, as the `$intake` matcher in package.json does. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/seeds';

describe('README: the CI problem matcher', () => {
  it('is valid JSON whose pattern agrees with the $intake matcher on errors and warnings', () => {
    const readme = fs.readFileSync(path.join(repoRoot(), 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### In CI (GitHub Actions)'));
    const block = /```json\n([\s\S]*?)\n```/.exec(section);
    assert.ok(block, 'a JSON block in the CI section');
    const github = (JSON.parse(block[1]!) as { problemMatcher: { pattern: { regexp: string }[] }[] }).problemMatcher[0]!.pattern[0]!;
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { contributes: { problemMatchers: { pattern: { regexp: string } }[] } };
    const vscode = new RegExp(pkg.contributes.problemMatchers[0]!.pattern.regexp);
    const ours = new RegExp(github.regexp);
    const lines = [
      'customers/emea/acme.intake:24:10: warning intake.retired-standard: PCIDSS v4.0 was retired on 2024-12-31.',
      'customers/x.intake:1:1: error intake.missing-section: Missing required section [客户行业].',
      'C:\\ci\\x.intake:3:5: error intake.budget-sum: 1: 2: 3',
      // `intake knowledge check`'s lines have the same form.
      'customers/.intake/knowledge/prices.yaml:7:7: error intake.knowledge-price-currency: the price of "redis" has no currency',
      'customers/.intake/report.yaml:2:7: warning intake.branding-file: logo.png does not exist',
    ];
    for (const line of lines) assert.deepEqual([...ours.exec(line)!].slice(1), [...vscode.exec(line)!].slice(1), line);
    assert.equal(ours.exec('customers/x.intake:2:1: information intake.wording: …'), null);
    assert.equal(ours.exec('intake: 12 file(s), 30 intake(s): 4 error(s), 17 warning(s) in 1.20 s'), null);
  });
});
