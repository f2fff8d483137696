// The CLI ships on npm as @intake-studio/cli (cli/package.json), not in the .vsix: `npm pack`
// must hold the bundled CLI, which must run from the unpacked tarball with nothing installed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packedCli, repoRoot, run } from './helpers';

describe('the CLI npm package (cd cli && npm pack)', () => {
  let tmp: string;
  let files: string[];

  before(function () {
    this.timeout(120_000);
    ({ tmp, files } = packedCli());
  });

  it('holds the bundled CLI (launcher, bundle, the vendor packages and validated data), its manifest, README and licence, and nothing else', () => {
    const fixed = files.filter((f) => !/^dist\/(vendor\/[\w-]+\.cjs|data\/[\w.-]+\.json|schemas\/[\w-]+\.schema\.json)$/.test(f));
    assert.deepEqual(fixed, ['LICENSE', 'README.md', 'dist/cli.cjs', 'dist/cli.js', 'package.json']);
    assert.deepEqual(files.filter((f) => f.startsWith('dist/vendor/')), ['docx', 'fflate', 'markdown-it', 'openai', 'undici', 'yaml'].map((name) => `dist/vendor/${name}.cjs`));
    assert.ok(files.includes('dist/data/knowledge-base.utf16le.json'), 'no knowledge data');
    assert.ok(files.includes('dist/schemas/knowledge-overlay.schema.json'), 'no JSON Schemas (the team files are checked with them)');
    assert.ok(!files.some((f) => f.endsWith('.map')), 'source maps in the package');
  });

  it('declares `intake` as its bin, an executable script with a node shebang', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(tmp, 'package', 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const bin = path.join(tmp, 'package', pkg.bin.intake!);
    assert.ok(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n'));
    assert.ok(fs.statSync(bin).mode & 0o111, 'not executable');
  });

  it('runs from the unpacked tarball with no node_modules anywhere: check and generate', () => {
    const work = path.join(tmp, 'work');
    fs.mkdirSync(work);
    fs.copyFileSync(path.join(repoRoot(), 'examples', 'retail-cross-border.intake'), path.join(work, 'retail.intake'));
    const cli = path.join(tmp, 'package', 'dist', 'cli.js');
    const check = run(process.execPath, [cli, 'check', 'retail.intake', '--json'], { cwd: work });
    assert.equal(check.status, 0, check.stderr);
    assert.equal((JSON.parse(check.stdout) as { intakes: number }).intakes, 1);
    const docx = run(process.execPath, [cli, 'generate', 'retail.intake', '--format', 'docx', '-o', 'retail.docx'], { cwd: work });
    assert.equal(docx.status, 0, docx.stderr);
    assert.equal(fs.readFileSync(path.join(work, 'retail.docx')).toString('latin1', 0, 2), 'PK');
  });

  it("runs with a team's .intake/ from the tarball: the overlays and branding apply, knowledge check checks them", () => {
    const work = path.join(tmp, 'team');
    fs.cpSync(path.join(repoRoot(), 'examples', 'team'), work, { recursive: true });
    fs.mkdirSync(path.join(work, '.git'));
    const cli = path.join(tmp, 'package', 'dist', 'cli.js');
    const knowledge = run(process.execPath, [cli, 'knowledge', 'check'], { cwd: work });
    assert.equal(knowledge.status, 0, knowledge.stdout + knowledge.stderr);
    const json = run(process.execPath, [cli, 'generate', 'customers/acme-retail.intake', '--format', 'json'], { cwd: work });
    assert.equal(json.status, 0, json.stderr);
    assert.match(json.stdout, /"source": "workspace"/);
  });
});
