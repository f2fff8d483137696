// Metadata that must agree across files, in the manner of vscode-markdownlint's metadata test:
// one version everywhere, one licence, one repository, an icon the marketplace accepts,
// translations for every manifest string, and README images that exist.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { manifest, readJson, repoRoot, run } from './helpers';

const root = repoRoot();
const pkg = manifest();
const cli = readJson('cli/package.json');
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

describe('metadata', () => {
  it('one version: package.json, cli/package.json, the first CHANGELOG entry and `intake --version`', () => {
    assert.match(String(pkg.version), /^\d+\.\d+\.\d+$/);
    assert.equal(cli.version, pkg.version);
    const first = /^## \[(\d+\.\d+\.\d+)\]/m.exec(read('CHANGELOG.md'));
    assert.ok(first, 'CHANGELOG.md has no "## [x.y.z]" entry');
    assert.equal(first[1], pkg.version);
    const cliFile = path.join(root, 'cli', 'dist', 'cli.js');
    const version = run(process.execPath, [cliFile, '--version']);
    assert.equal(version.stdout.trim(), pkg.version);
  });

  it('one licence: MIT in both manifests, the same LICENSE file beside each', () => {
    assert.equal(pkg.license, 'MIT');
    assert.equal(cli.license, 'MIT');
    const license = read('LICENSE');
    assert.match(license, /^MIT License\n/);
    assert.equal(read('cli/LICENSE'), license);
  });

  it('one repository: repository, bugs and homepage of both packages point at it', () => {
    const repo = 'https://github.com/intake-studio/intake-studio';
    for (const p of [pkg, cli]) {
      assert.equal((p.repository as { url: string }).url, `${repo}.git`);
      assert.equal((p.bugs as { url: string }).url, `${repo}/issues`);
      assert.ok(String(p.homepage).startsWith(repo), String(p.homepage));
    }
    assert.equal((cli.repository as { directory?: string }).directory, 'cli');
  });

  it('the icon is a 128×128 PNG rendered from the committed SVG, and the gallery banner a colour', () => {
    assert.equal(pkg.icon, 'media/icon.png');
    const png = fs.readFileSync(path.join(root, 'media', 'icon.png'));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(png.toString('latin1', 12, 16), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.match(read('media/icon.svg'), /<svg[^>]+viewBox="0 0 128 128"/);
    const banner = pkg.galleryBanner as { color: string; theme: string };
    assert.match(banner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(banner.theme));
  });

  it('a marketplace search for 需求调研 or presales finds it', () => {
    const keywords = pkg.keywords as string[];
    for (const k of ['需求调研', 'presales']) assert.ok(keywords.includes(k), k);
    assert.ok(keywords.length <= 30, 'the marketplace takes at most 30 keywords');
    assert.ok((pkg.categories as string[]).length >= 3);
  });

  it('the CLI is not part of the extension: no bin in package.json, one in cli/package.json', () => {
    assert.equal(pkg.bin, undefined);
    assert.deepEqual(cli.bin, { intake: 'dist/cli.js' });
    assert.deepEqual(cli.files, ['dist/cli.js', 'dist/cli.cjs', 'dist/vendor/*.cjs', 'dist/data/*.json', 'dist/schemas/*.json']);
    assert.equal(cli.dependencies, undefined, 'the CLI is bundled: it installs nothing');
  });

  it('every %key% in package.json is translated, in English and 简体中文, with the same keys', () => {
    const used = new Set([...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!));
    const en = readJson('package.nls.json') as Record<string, string>;
    const zh = readJson('package.nls.zh-cn.json') as Record<string, string>;
    assert.deepEqual([...used].filter((k) => !en[k]?.trim()), [], 'missing in package.nls.json');
    assert.deepEqual([...used].filter((k) => !zh[k]?.trim()), [], 'missing in package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), 'package.nls.json and package.nls.zh-cn.json have different keys');
    assert.deepEqual(Object.keys(en).filter((k) => !used.has(k)), [], 'unused keys');
  });

  it('README images exist in the repository', () => {
    for (const f of ['README.md', 'cli/README.md']) {
      const images = [...read(f).matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]!).filter((u) => !/^https?:/.test(u));
      for (const image of images) assert.ok(fs.existsSync(path.join(root, path.dirname(f), image)), `${f}: ${image}`);
    }
  });
});
