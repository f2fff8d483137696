// Shared by the package tests (npm run test:package), which check what we ship: the .vsix that
// `npm run package` just wrote, and the CLI's npm package. Plain Node.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../unit/helpers/seeds';
import { unzip } from '../unit/helpers/zip';

export { repoRoot };

const VSIX = 'intake-studio.vsix';

export type Json = Record<string, unknown>;

export function readJson(file: string): Json {
  return JSON.parse(fs.readFileSync(path.join(repoRoot(), file), 'utf8')) as Json;
}

export function manifest(): Json {
  return readJson('package.json');
}

let vsix: Map<string, Buffer> | undefined;

/** The .vsix's files under extension/, by path relative to the extension's folder. */
export function vsixFiles(): Map<string, Buffer> {
  if (vsix) return vsix;
  const file = path.join(repoRoot(), VSIX);
  if (!fs.existsSync(file)) throw new Error(`${VSIX} is missing: run npm run test:package (or npm run package first)`);
  const entries = unzip(fs.readFileSync(file));
  vsix = new Map([...entries].filter(([name]) => name.startsWith('extension/')).map(([name, bytes]) => [name.slice('extension/'.length), bytes]));
  return vsix;
}

/** vsce gives these their marketplace names inside the package. */
export const VSCE_RENAMES: Record<string, string> = { 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' };

/** Runs a command in the repository; throws with its output when it fails. */
export function run(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { stdout: string; stderr: string; status: number } {
  const r = spawnSync(cmd, args, { cwd: options.cwd ?? repoRoot(), env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

export interface PackedCli {
  /** A temporary folder holding the tarball and, in package/, its contents. */
  tmp: string;
  /** The tarball's files, sorted. */
  files: string[];
  /** package/dist/cli.js: the `intake` command as installed. */
  bin: string;
}

let packed: PackedCli | undefined;

/**
 * `cd cli && npm pack` (its prepack script is the production build of the CLI), unpacked into a
 * temporary folder: once per test run, removed when the run ends.
 */
export function packedCli(): PackedCli {
  if (packed) return packed;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-cli-pack-'));
  process.once('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  const r = run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: path.join(repoRoot(), 'cli') });
  assert.equal(r.status, 0, r.stderr);
  const info = (JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[])[0]!;
  const untar = run('tar', ['-xzf', path.join(tmp, info.filename), '-C', tmp]);
  assert.equal(untar.status, 0, untar.stderr);
  packed = { tmp, files: info.files.map((f) => f.path).sort(), bin: path.join(tmp, 'package', 'dist', 'cli.js') };
  return packed;
}

/** The manifest's `%key%` strings resolved in every language: one manifest per package.nls*.json. */
export function localisedManifests(): { language: string; manifest: Json }[] {
  const root = repoRoot();
  const raw = manifest();
  return fs
    .readdirSync(root)
    .filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f))
    .sort()
    .map((f) => {
      const nls = readJson(f) as Record<string, string>;
      const resolve = (v: unknown): unknown => {
        if (typeof v === 'string') {
          const m = /^%([^%]+)%$/.exec(v);
          return m && typeof nls[m[1]!] === 'string' ? nls[m[1]!] : v;
        }
        if (Array.isArray(v)) return v.map(resolve);
        if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
        return v;
      };
      return { language: f.replace(/^package\.nls\.?|\.?json$/g, '').replace(/\.$/, '') || 'en', manifest: resolve(raw) as Json };
    });
}
